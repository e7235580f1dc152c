#!/usr/bin/env bash
# Measures speed, size and memory; writes bench/results.json and prints a table. Never fails the
# test run: a metric that misses its target is reported as "short", not as an error.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh >/dev/null
# Native tools (vault generator, native Argon2 timing), optimised.
cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build-bench -j"$(nproc)" --target ts_gen_vault ts_bench_argon2 >/dev/null
mkdir -p bench
node scripts/bench.mjs "$@"
