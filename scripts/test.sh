#!/usr/bin/env bash
# npm test: type check, unit + integration tests (SQLite, and PostgreSQL when
# TEST_DATABASE_URL is set), then Playwright in Chromium. Ends with one summary line.
set -euo pipefail
cd "$(dirname "$0")/.."
logs="$(mktemp -d)"
export FORCE_COLOR=0

echo "== type check"
npx tsc --noEmit -p tsconfig.json

if [ -n "${TEST_DATABASE_URL:-}" ]; then
  echo "== unit and integration tests on SQLite and on PostgreSQL (${TEST_DATABASE_URL%%@*}@…)"
else
  echo "== unit and integration tests on SQLite only: TEST_DATABASE_URL is not set, so the PostgreSQL pass is skipped"
fi
npx vitest run 2>&1 | tee "$logs/vitest.log"

echo "== Playwright (Chromium)"
npx playwright test 2>&1 | tee "$logs/playwright.log"

unit=$(grep -E '^\s*Tests\s+[0-9]+ passed' "$logs/vitest.log" | grep -oE '[0-9]+ passed' | grep -oE '[0-9]+' | head -1)
e2e=$(grep -E '^\s*[0-9]+ passed' "$logs/playwright.log" | grep -oE '[0-9]+' | head -1)
echo "vitest ${unit:-0} + playwright ${e2e:-0}"
echo "total: $(( ${unit:-0} + ${e2e:-0} )) passed, 0 failed"
