#!/usr/bin/env bash
# Every test: lint and types, unit, integration (real Blender, real SQLite, Postgres and Redis, real routes; the
# store-backed part once more on Postgres),
# and Playwright end-to-end in Debian's Chromium against the production build.
# Runs every layer even when one fails, then prints one summary line and exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
# onnxruntime-node's install script would download extra GPU binaries; its package already has the CPU ones.
export ONNXRUNTIME_NODE_INSTALL=skip

bash scripts/ensure-system.sh --with-browser || exit 1
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm install --no-audit --no-fund || exit 1
fi
mkdir -p test-results
rm -f test-results/vitest-*.json test-results/playwright.json

failed_steps=()
step_times=()
step() {
  local name="$1"; shift
  echo
  echo "== $name"
  local t0=$SECONDS
  if ! "$@"; then failed_steps+=("$name"); fi
  step_times+=("$name $((SECONDS - t0)) s")
}

step "lint" npx eslint .
step "types" npx tsc --noEmit
step "unit" npx vitest run --project unit --reporter=default --reporter=json --outputFile.json=test-results/vitest-unit.json
step "build" npx next build
step "integration" npx vitest run --project integration --reporter=default --reporter=json --outputFile.json=test-results/vitest-integration.json
# The store-backed integration tests once more with the store on Postgres (DATABASE_URL set to a throwaway
# loopback cluster; each test's data dir gets its own empty database).
PG_TESTS=(
  server/pipeline/pipeline.int.test.ts server/pipeline/restart.int.test.ts server/pipeline/review-history.int.test.ts
  server/pipeline/not-found.int.test.ts server/edits/edits.int.test.ts server/edits/batch.int.test.ts
  server/events/sse.int.test.ts server/queue/queue.int.test.ts server/queue/no-worker.int.test.ts
)
step "integration on Postgres" npx tsx --conditions react-server test/support/with-postgres.ts npx vitest run --project integration --reporter=default --reporter=json --outputFile.json=test-results/vitest-integration-pg.json "${PG_TESTS[@]}"
if [[ ! " ${failed_steps[*]} " =~ " build " ]]; then
  step "end-to-end" env PLAYWRIGHT_JSON_OUTPUT_NAME=test-results/playwright.json npx playwright test --reporter=list,json
else
  failed_steps+=("end-to-end (skipped: build failed)")
fi

echo
printf 'step time: %s\n' "${step_times[@]}"
node scripts/test-summary.mjs test-results/vitest-unit.json test-results/vitest-integration.json test-results/vitest-integration-pg.json test-results/playwright.json
if [ ${#failed_steps[@]} -gt 0 ]; then
  echo "failed steps: ${failed_steps[*]}"
  exit 1
fi
echo "all test steps passed"
