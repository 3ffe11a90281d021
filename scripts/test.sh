#!/usr/bin/env bash
# npm test: lint, format check, type check, unit + integration tests (SQLite, and PostgreSQL when
# TEST_DATABASE_URL is set), then Playwright in Chromium. Ends with one summary line.
set -euo pipefail
cd "$(dirname "$0")/.."
logs="$(mktemp -d)"
export NO_COLOR=1
strip() { sed "s/\x1b\[[0-9;]*m//g" "$1"; }

echo "== lint"
npm run -s lint

echo "== format check"
npm run -s format:check

echo "== type check"
npm run -s typecheck

if [ -n "${TEST_DATABASE_URL:-}" ]; then
  echo "== unit and integration tests on SQLite and on PostgreSQL (${TEST_DATABASE_URL%%@*}@…)"
else
  echo "== unit and integration tests on SQLite only: TEST_DATABASE_URL is not set, so the PostgreSQL pass is skipped"
fi
npx vitest run 2>&1 | tee "$logs/vitest.log"

echo "== Playwright (Chromium)"
npx playwright test 2>&1 | tee "$logs/playwright.log"

unit=$(strip "$logs/vitest.log" | grep -E '^\s*Tests\s+[0-9]+ passed' | grep -oE '[0-9]+ passed' | grep -oE '[0-9]+' | head -1 || true)
e2e=$(strip "$logs/playwright.log" | grep -E '^\s*[0-9]+ passed' | grep -oE '[0-9]+' | head -1 || true)
echo "vitest ${unit:-0} + playwright ${e2e:-0}"
echo "total: $(( ${unit:-0} + ${e2e:-0} )) passed, 0 failed"
