#!/usr/bin/env bash
# One command from a fresh clone to a running editor at http://localhost:${PORT:-3000}
# with the offline engine: system packages, npm dependencies, production build, server.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-system.sh
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "roomcode: installing npm dependencies"
  npm install --no-audit --no-fund
fi
echo "roomcode: building"
npx next build
echo "roomcode: serving at http://localhost:${PORT:-3000} (engine: ${ROOMCODE_ENGINE:-offline unless OPENAI_API_KEY/OPENAI_BASE_URL is set})"
exec npx next start -p "${PORT:-3000}"
