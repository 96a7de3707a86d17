#!/usr/bin/env bash
# One command from a fresh clone to a running editor at http://localhost:${PORT:-3000}
# with the offline engine: system packages (what Blender needs is checked inside Blender's own Python),
# npm dependencies, production build, one real object built through the Blender pool, server.
# Stops with a non-zero exit at the first step that fails, before anything is served.
set -euo pipefail
cd "$(dirname "$0")/.."
# onnxruntime-node's install script would download extra GPU binaries; its package already has the CPU ones.
export ONNXRUNTIME_NODE_INSTALL=skip

bash scripts/ensure-system.sh
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "roomcode: installing npm dependencies"
  npm install --no-audit --no-fund
fi
echo "roomcode: building"
npx next build
echo "roomcode: checking that Blender builds and exports an object"
npx tsx --conditions react-server scripts/smoke.ts
echo "roomcode: serving at http://localhost:${PORT:-3000} (engine: ${ROOMCODE_ENGINE:-offline unless OPENAI_API_KEY/OPENAI_BASE_URL is set})"
exec node scripts/serve.mjs
