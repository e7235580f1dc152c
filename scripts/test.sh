#!/usr/bin/env bash
# Sets up what is missing, builds, runs every suite — native (doctest via ctest), the same under
# ASan/UBSan, a brief libFuzzer run, the format check, and the browser tests (Playwright + Chromium) —
# and ends with one line: "N passed, N failed". Exit status 0 only when nothing failed. A runner that
# exits non-zero adds a failure even when its summary is clean; a skipped or to-do test is a failure.
set -uo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs
mkdir -p test-output
passed=0
failed=0

section() { printf '\n== %s\n' "$*"; }
count() { passed=$((passed + $1)); failed=$((failed + $2)); }
# A runner that exits non-zero has failed even when its summary counts no failure (a crash after
# the summary, an error it reports only by its status): that is one failure more.
exit_status_counts() {
  local what=$1 rc=$2 fails=$3
  if [ "$rc" -ne 0 ] && [ "$fails" -eq 0 ]; then
    echo "$what exited with status $rc although its summary counts no failure: counted as 1 failure"
    count 0 1
  fi
}

if ! scripts/setup.sh; then
  echo "setup failed"
  echo "0 passed, 1 failed"
  exit 1
fi

# A ctest suite in build dir $1 configured with the extra cmake arguments that follow.
ctest_suite() {
  local dir=$1 name=$2; shift 2
  section "$name"
  if ! { cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=Debug "$@" >/dev/null && cmake --build "$dir" -j"$(nproc)" >/dev/null; }; then
    cmake --build "$dir" 2>&1 | tail -30
    echo "$name: build failed"
    count 0 1
    return
  fi
  local out rc
  out=$(cd "$dir" && ctest --output-on-failure 2>&1)
  rc=$?
  echo "$out" | grep -E 'tests passed|\*\*\*Failed|Failed  |Error' || true
  local total fails
  total=$(echo "$out" | sed -nE 's/.*tests failed out of ([0-9]+).*/\1/p')
  fails=$(echo "$out" | sed -nE 's/.* ([0-9]+) tests failed out of.*/\1/p')
  if [ -z "$total" ]; then
    echo "$out" | tail -20
    count 0 1
  else
    count $((total - fails)) "$fails"
    exit_status_counts "$name: ctest" "$rc" "$fails"
  fi
}

ctest_suite build "native (doctest)"
ctest_suite build-asan "native under ASan/UBSan" -DTS_SANITIZE=ON

# About 10 s per target; build-fuzz is kept, so after the first run only what changed is rebuilt.
section "fuzz (libFuzzer, brief)"
fuzz_out=$(scripts/fuzz.sh 10 2>&1)
fuzz_rc=$?
echo "$fuzz_out" | grep -E '^fuzz |^  ' || echo "$fuzz_out" | tail -20
fp=$(echo "$fuzz_out" | grep -cE '^fuzz [a-z_]+: ok ')
ff=$(echo "$fuzz_out" | grep -cE '^fuzz [a-z_]+: FAILED')
if [ "$fp" -eq 0 ] && [ "$ff" -eq 0 ]; then
  count 0 1
else
  count "$fp" "$ff"
  exit_status_counts "fuzz.sh" "$fuzz_rc" "$ff"
fi

section "format (clang-format)"
mapfile -t fmt_files < <(find app tests -name '*.cpp' -o -name '*.h' | sort)
if fmt_out=$(clang-format --dry-run --Werror "${fmt_files[@]}" 2>&1); then
  echo "${#fmt_files[@]} files formatted"
  count 1 0
else
  echo "$fmt_out" | head -20
  count 0 1
fi

section "browser app (wasm build)"
if scripts/build.sh >test-output/build-wasm.log 2>&1; then
  ls -l dist/app.js dist/app.wasm | awk '{print $5, $9}'
  section "browser tests (Playwright, Chromium)"
  node --test --test-concurrency=1 --test-reporter=tap tests/browser/*.test.mjs >test-output/browser.tap 2>&1
  node_rc=$?
  grep -E '^\s*(not )?ok [0-9]+ - ' test-output/browser.tap | grep -vE '^\s{4,}' || true
  grep -B2 -A20 '^\s*not ok' test-output/browser.tap | grep -E "error:|expected|actual|location" | head -40 || true
  bp=$(sed -nE 's/^# pass ([0-9]+)$/\1/p' test-output/browser.tap | tail -1)
  bf=$(sed -nE 's/^# fail ([0-9]+)$/\1/p' test-output/browser.tap | tail -1)
  bc=$(sed -nE 's/^# cancelled ([0-9]+)$/\1/p' test-output/browser.tap | tail -1)
  # A skipped or to-do test checked nothing: each counts as a failure, not as a pass.
  bs=$(sed -nE 's/^# skipped ([0-9]+)$/\1/p' test-output/browser.tap | tail -1)
  bt=$(sed -nE 's/^# todo ([0-9]+)$/\1/p' test-output/browser.tap | tail -1)
  if [ -z "$bp" ]; then
    tail -20 test-output/browser.tap
    count 0 1
  else
    if [ "${bs:-0}" -gt 0 ] || [ "${bt:-0}" -gt 0 ]; then
      echo "browser tests: ${bs:-0} skipped, ${bt:-0} todo: counted as failures"
    fi
    bf=$((${bf:-0} + ${bc:-0} + ${bs:-0} + ${bt:-0}))
    count "$bp" "$bf"
    exit_status_counts "browser tests (node --test)" "$node_rc" "$bf"
  fi
else
  tail -30 test-output/build-wasm.log
  echo "wasm build failed"
  count 0 1
fi

# --- Firefox and WebKit (and Chromium) through one driver: the core journeys in each engine -----
# Firefox runs headed (headless it finds no GL here) and WebKit's MiniBrowser needs a display, so
# the file runs under a virtual X server. Built first (a no-op when the wasm build above is current).
section "browser engines (Chromium, Firefox, WebKit under Xvfb)"
engines_start=$SECONDS
if scripts/build.sh >>test-output/build-wasm.log 2>&1; then
  xvfb-run -a -s "-screen 0 1280x900x24" node --test --test-concurrency=1 --test-reporter=tap \
    tests/browser/engines/*.test.mjs >test-output/engines.tap 2>&1
  engines_rc=$?
  sed -nE 's/^# (engine [a-z]+: .*)$/  \1/p' test-output/engines.tap # the versions that ran
  grep -E '^\s*(not )?ok [0-9]+ - ' test-output/engines.tap | grep -vE '^\s{4,}' || true
  grep -B2 -A20 '^\s*not ok' test-output/engines.tap | grep -E "error:|expected|actual|location" | head -40 || true
  ep=$(sed -nE 's/^# pass ([0-9]+)$/\1/p' test-output/engines.tap | tail -1)
  ef=0
  for what in fail cancelled skipped todo; do # a journey not run is not a pass
    n=$(sed -nE "s/^# $what ([0-9]+)\$/\\1/p" test-output/engines.tap | tail -1)
    ef=$((ef + ${n:-0}))
  done
  if [ -z "$ep" ]; then
    tail -20 test-output/engines.tap
    count 0 1
  else
    count "$ep" "$ef"
    exit_status_counts "browser engines (xvfb-run node --test)" "$engines_rc" "$ef"
  fi
else
  tail -30 test-output/build-wasm.log
  echo "wasm build failed"
  count 0 1
fi
echo "browser engines: $((SECONDS - engines_start)) s"

echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
