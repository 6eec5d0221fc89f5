#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Hubbub contributors
# SPDX-License-Identifier: MIT
# translations.complete: the .ts files are in step with the sources. lupdate (with the options of
# translations/CMakeLists.txt) updates a scratch copy of each; it must find no new string and change
# nothing, and lrelease must find every message finished. Otherwise: run the update_translations
# target, translate what is unfinished, commit.
# Usage: check_ts.sh <lupdate> <lrelease> <source dir> <scratch dir> <ts file>...
set -euo pipefail
lupdate=$1 lrelease=$2 source=$3 scratch=$4
shift 4
fail() { echo "FAIL: $*" >&2; exit 1; }
rm -rf "$scratch" && mkdir -p "$scratch"
for ts in "$@"; do
  copy=$scratch/$(basename "$ts")
  cp "$ts" "$copy"
  (cd "$source" && "$lupdate" -locations none -no-obsolete -source-language en app qml -ts "$copy") \
    > "$scratch/lupdate.log" 2>&1 || { cat "$scratch/lupdate.log"; fail "lupdate $ts"; }
  cat "$scratch/lupdate.log"
  grep -q '(0 new and' "$scratch/lupdate.log" || fail "$(basename "$ts") lacks strings the sources have"
  diff -u "$ts" "$copy" || fail "$(basename "$ts") is not what lupdate makes of the sources (obsolete or changed entries)"
  if grep -q 'type="unfinished"\|type="vanished"\|type="obsolete"' "$ts"; then
    grep -n -B3 'type="unfinished"\|type="vanished"\|type="obsolete"' "$ts" | head -40
    fail "$(basename "$ts") has unfinished or obsolete messages"
  fi
  "$lrelease" "$ts" -qm "$scratch/out.qm" > "$scratch/lrelease.log" 2>&1 || { cat "$scratch/lrelease.log"; fail "lrelease"; }
  cat "$scratch/lrelease.log"
  grep -q ' 0 unfinished' "$scratch/lrelease.log" || fail "lrelease: unfinished translations in $(basename "$ts")"
done
echo "PASS: $# translation file(s) complete and in step with the sources"
