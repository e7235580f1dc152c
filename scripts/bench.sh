#!/usr/bin/env bash
# Measures speed, size and memory; writes bench/results.json and prints a table. Never fails the
# test run: a metric that misses its target is reported as "short", not as an error.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh >/dev/null
mkdir -p bench
node scripts/bench.mjs "$@"
