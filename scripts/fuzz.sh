#!/usr/bin/env bash
# libFuzzer over the parsers that read untrusted bytes (tests/fuzz): builds build-fuzz with clang,
# then runs each target in turn and prints one line per target, "fuzz NAME: ok (N runs, M exec/s)"
# or "fuzz NAME: FAILED (crash file …)". Exit status 0 only when every target passed.
#
# usage: scripts/fuzz.sh [SECONDS]   fuzz each target for SECONDS (default 300) on a copy of its seed
#                                    corpus: build-fuzz/corpus-NAME keeps what it finds between runs
#        scripts/fuzz.sh --replay    only run the seed corpus through each target (-runs=0): a quick check
set -uo pipefail
cd "$(dirname "$0")/.."

TARGETS=(bundle vault_file vault_model team_file import_keepassxc import_bitwarden image_decode kdbx_header kdbx_blocks kdbx_xml)
OUT=build-fuzz
seconds=300
replay=0
case "${1:-}" in
  "") ;;
  --replay) replay=1 ;;
  *[!0-9]* | 0) echo "usage: $0 [SECONDS | --replay]" >&2; exit 2 ;;
  *) seconds=$1 ;;
esac

# Debug for its asserts (nlohmann's JSON_ASSERT catches misuse), at -O1 for speed; line tables are
# all a crash report needs and compile a quarter faster than -g.
mkdir -p "$OUT"
flags="-O1 -gline-tables-only"
if ! { CC=clang CXX=clang++ cmake -S . -B "$OUT" -DTS_FUZZ=ON -DCMAKE_BUILD_TYPE=Debug \
         -DCMAKE_C_FLAGS_DEBUG="$flags" -DCMAKE_CXX_FLAGS_DEBUG="$flags" >"$OUT/configure.log" 2>&1 &&
       cmake --build "$OUT" -j"$(nproc)" --target ts_fuzz >"$OUT/build.log" 2>&1; }; then
  tail -30 "$OUT/configure.log" "$OUT/build.log" 2>/dev/null
  echo "fuzz build: FAILED (see $OUT/configure.log, $OUT/build.log)"
  exit 1
fi

failed=0
for t in "${TARGETS[@]}"; do
  seeds=tests/fuzz/corpus/$t
  log=$OUT/fuzz-$t.log
  crashes=$OUT/crashes-$t
  mkdir -p "$crashes"
  if [ "$replay" = 1 ]; then
    corpus=$OUT/replay-$t   # a fresh copy: libFuzzer never writes into tests/
    rm -rf "$corpus"
    limits=(-runs=0)
  else
    corpus=$OUT/corpus-$t
    limits=(-max_total_time="$seconds")
  fi
  mkdir -p "$corpus"
  cp "$seeds"/* "$corpus"/
  # 64 KiB: well past any seed, small enough to keep thousands of runs a second. A run over 10 s
  # is a hang; 2 GiB is far more than any sane input needs.
  "$OUT/tests/fuzz/fuzz_$t" "$corpus" -dict="tests/fuzz/dict/$t.dict" -max_len=65536 -timeout=10 \
    -rss_limit_mb=2048 -artifact_prefix="$crashes/" -print_final_stats=1 "${limits[@]}" >"$log" 2>&1
  status=$?
  runs=$(sed -nE 's/^stat::number_of_executed_units: *([0-9]+).*/\1/p' "$log" | tail -1)
  speed=$(sed -nE 's/^stat::average_exec_per_sec: *([0-9]+).*/\1/p' "$log" | tail -1)
  crash=$(sed -nE 's/.*Test unit written to (.*)$/\1/p' "$log" | tail -1)
  if [ "$status" = 0 ] && [ -z "$crash" ]; then
    [ "$replay" = 1 ] && echo "fuzz $t: ok (${runs:-?} runs)" || echo "fuzz $t: ok (${runs:-?} runs, ${speed:-?} exec/s)"
  else
    echo "fuzz $t: FAILED (crash file ${crash:-none written}; log $log)"
    grep -m1 -E '^SUMMARY|ERROR: (AddressSanitizer|UndefinedBehaviorSanitizer|libFuzzer)' "$log" | sed 's/^/  /'
    failed=$((failed + 1))
  fi
done
[ "$failed" -eq 0 ]
