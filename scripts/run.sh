#!/usr/bin/env bash
# Sets up what is missing, builds, and serves TokenSafe on http://127.0.0.1:8080 (PORT to change).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh >/dev/null
exec node scripts/serve.mjs --port "${PORT:-8080}" --host "${HOST:-127.0.0.1}"
