#!/usr/bin/env bash
# Every test: lint and types, unit, integration (real Blender, real SQLite, real routes),
# and Playwright end-to-end in Debian's Chromium against the production build.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-system.sh --with-browser
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi

echo "== lint and types"
npx eslint .
npx tsc --noEmit

echo "== unit"
npx vitest run --project unit

echo "== build"
npx next build

echo "== integration"
npx vitest run --project integration

echo "== end-to-end"
npx playwright test
