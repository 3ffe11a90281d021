#!/usr/bin/env bash
# npm test: type check, unit + integration tests (SQLite, and PostgreSQL when
# TEST_DATABASE_URL is set), then Playwright in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== type check"
npx tsc --noEmit -p tsconfig.json

if [ -n "${TEST_DATABASE_URL:-}" ]; then
  echo "== unit and integration tests on SQLite and on PostgreSQL (${TEST_DATABASE_URL%%@*}@…)"
else
  echo "== unit and integration tests on SQLite only: TEST_DATABASE_URL is not set, so the PostgreSQL pass is skipped"
fi
npx vitest run

echo "== Playwright (Chromium)"
npx playwright test
