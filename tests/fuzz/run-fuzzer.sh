#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Hubbub contributors
# SPDX-License-Identifier: MIT
# Runs one fuzz harness for ctest (tests/fuzz/CMakeLists.txt).
#   run-fuzzer.sh replay|replay-libfuzzer <exe> <name> <tests/fuzz dir> <scratch dir>
#     every input of corpus/<name> and regressions/<name> once (the replay main, or libFuzzer -runs=0)
#   run-fuzzer.sh fuzz <exe> <name> <tests/fuzz dir> <scratch dir>
#     fuzzes for $HUBBUB_FUZZ_SECONDS (default 30) from those inputs; new inputs go to a scratch
#     corpus (emptied first, never the repository's), a crash to <scratch>/<name>-crash-*.
set -euo pipefail
mode=$1 exe=$2 name=$3 src=$4 scratch=$5
inputs=()
for dir in "$src/corpus/$name" "$src/regressions/$name"; do
  [ -d "$dir" ] && inputs+=("$dir")
done
case "$mode" in
  replay) exec "$exe" "${inputs[@]}" ;;
  replay-libfuzzer) mkdir -p "$scratch" && exec "$exe" -runs=0 -artifact_prefix="$scratch/$name-replay-" "${inputs[@]}" ;;
esac
# Fuzzing starts from the seed corpus only: an open bug's regression input would stop it at once.
# The regressions are replayed by the other ctest (fuzz.<name>.regressions).
work="$scratch/$name"
rm -rf "$work"
mkdir -p "$work/corpus"
# -timeout: an input that takes 10 s is a hang; -rss_limit_mb: 2 GB is a leak or a bomb.
exec "$exe" -max_total_time="${HUBBUB_FUZZ_SECONDS:-30}" -timeout=10 -rss_limit_mb=2048 \
  -print_final_stats=1 -artifact_prefix="$scratch/$name-" "$work/corpus" "$src/corpus/$name"
