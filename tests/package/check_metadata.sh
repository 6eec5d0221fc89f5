#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Hubbub contributors
# SPDX-License-Identifier: MIT
# package.metadata: the desktop entry passes desktop-file-validate, the AppStream metadata passes
# `appstreamcli validate --no-net`, has screenshots (each one an image in docs/screenshots) and a
# release entry for the project's version, newest first, which packaging/changelog agrees with.
# Usage: check_metadata.sh <source dir> <project version>
set -euo pipefail
source=$1 version=$2
fail() { echo "FAIL: $*" >&2; exit 1; }
desktop=$source/packaging/io.hubbub.Hubbub.desktop
metainfo=$source/packaging/io.hubbub.Hubbub.metainfo.xml

desktop-file-validate "$desktop" || fail "desktop-file-validate $desktop"
echo "desktop-file-validate: ok"
appstreamcli validate --no-net --explain "$metainfo" || fail "appstreamcli validate --no-net $metainfo"

releases=$(sed -n 's/.*<release version="\([^"]*\)".*/\1/p' "$metainfo")
[ -n "$releases" ] || fail "no <release> in $metainfo"
newest=$(head -1 <<< "$releases")
[ "$newest" = "$version" ] ||
  fail "the newest <release> in the metainfo is $newest, the project's version is $version: add a release entry"
[ "$(sort -u <<< "$releases" | wc -l)" -eq "$(wc -l <<< "$releases")" ] || fail "a version has two release entries"
changelog=$(sed -n '1s/^hubbub (\([^)]*\)).*/\1/p' "$source/packaging/changelog")
[ "$changelog" = "$version" ] || fail "packaging/changelog's newest entry is '$changelog', not $version"

shots=$(sed -n 's/.*<image[^>]*>\(.*\)<\/image>.*/\1/p' "$metainfo")
[ -n "$shots" ] || fail "no screenshots in $metainfo"
while read -r url; do
  [[ $url == https://* ]] || fail "screenshot $url is not an https URL"
  [ -f "$source/docs/screenshots/$(basename "$url")" ] || fail "screenshot $url is not in docs/screenshots"
done <<< "$shots"
echo "PASS: releases $(tr '\n' ' ' <<< "$releases"), $(wc -l <<< "$shots") screenshots"
