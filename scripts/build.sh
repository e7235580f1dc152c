#!/usr/bin/env bash
# Builds the browser app into dist/ (index.html, app.js, app.wasm, web/) and the same app as one
# self-contained file, dist/tokensafe.html (scripts/make_single_file.py). Assumes scripts/setup.sh ran.
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs # emcc needs Debian's acorn
if [ ! -f build-wasm/CMakeCache.txt ]; then
  emcmake cmake -S . -B build-wasm -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build build-wasm -j"$(nproc)"
