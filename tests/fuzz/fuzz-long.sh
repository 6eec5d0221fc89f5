#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Hubbub contributors
# SPDX-License-Identifier: MIT
# Fuzzes one harness for a long time (docs/fuzzing.md): tests/fuzz/fuzz-long.sh <name> <seconds> [jobs]
# Needs the asan tree (cmake --preset asan && cmake --build --preset asan --target fuzz_<name>).
# The corpus it grows is kept in build-asan/fuzz-long/<name>/corpus between runs; crashes are
# written next to it (crash-*, timeout-*, oom-*) and fuzzing goes on after one (-ignore_crashes),
# so one run can find several bugs. Minimise a crash with `fuzz_<name> -minimize_crash=1 <file>`,
# then copy it to tests/fuzz/regressions/<name>/.
set -euo pipefail
cd "$(dirname "$0")/../.."
name=$1 seconds=$2 jobs=${3:-1}
exe=build-asan/tests/fuzz/fuzz_$name
out=build-asan/fuzz-long/$name
mkdir -p "$out/corpus"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:halt_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$PWD/.ci/lsan.supp:print_suppressions=0}
export QT_QPA_PLATFORM=offscreen
start=$(date +%s)
TIMEFORMAT="fuzz_$name: %U s user + %S s system CPU"
time "$exe" -fork="$jobs" -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 -max_total_time="$seconds" \
  -timeout=10 -rss_limit_mb=2048 -artifact_prefix="$out/" "$out/corpus" "tests/fuzz/corpus/$name" \
  2>&1 | tee "$out/last-run.log" | grep -E "^#[0-9]+.*(NEW|DONE|pulse)|crash|ERROR|SUMMARY|runtime error" | tail -n 40
echo "fuzz_$name: $(( $(date +%s) - start )) s wall x $jobs job(s); corpus $(ls "$out/corpus" | wc -l) inputs;" \
     "findings: $(ls "$out" | grep -cE '^(crash|timeout|oom|leak)-' || true)"
