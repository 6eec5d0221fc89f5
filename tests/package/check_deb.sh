#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Hubbub contributors
# SPDX-License-Identifier: MIT
# package.deb: builds the Debian package from the build tree (cpack -G DEB), has lintian check it
# (no errors allowed), checks its Depends line and contents, and runs the three programs from the
# package's files unpacked into a scratch root (dpkg -x), not from the build tree.
# Usage: check_deb.sh <CPackConfig.cmake> <scratch dir> <project version> <source dir>
set -euo pipefail
config=$1 scratch=$2 version=$3 source=$4
fail() { echo "FAIL: $*" >&2; exit 1; }

rm -rf "$scratch" && mkdir -p "$scratch"
cpack --config "$config" -G DEB -B "$scratch/out" > "$scratch/cpack.log" 2>&1 || {
  cat "$scratch/cpack.log"; fail "cpack -G DEB"; }
deb=$(ls "$scratch"/out/*.deb)
echo "package: $deb ($(stat -c %s "$deb") bytes)"
[ "$(basename "$deb")" = "hubbub_${version}_amd64.deb" ] || [ "$(dpkg --print-architecture)" != amd64 ] ||
  fail "package file name $(basename "$deb")"
[ "$(dpkg-deb -f "$deb" Version)" = "$version" ] || fail "Version is not $version"

# lintian: errors fail; warnings are printed for people to read.
lintian_status=0
lintian --fail-on error "$deb" > "$scratch/lintian.log" 2>&1 || lintian_status=$?
grep -v 'running with root privileges' "$scratch/lintian.log" || true
[ "$lintian_status" -eq 0 ] || fail "lintian found errors (exit $lintian_status)"

# Depends: the shared libraries (dpkg-shlibdeps), the QML modules Hubbub.Ui imports, the SQLite
# driver, the platform plugins and the colour-emoji font.
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
# The package names alone, one a line (alternatives "a | b" count as both).
depends_names=$(tr ',|' '\n\n' <<< "$depends" | sed 's/^ *//; s/[ (].*//')
has_dep() { grep -qxF "$1" <<< "$depends_names"; }
for pkg in libqt6core6 libqt6gui6 libqt6network6 libqt6qml6 libqt6websockets6 libqt6httpserver6 \
    libqt6sql6 libqt6widgets6 libqt6keychain1 libjwt0 libsimdjson14 libc6 libstdc++6 \
    qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-layouts \
    qml6-module-qtquick-templates qml6-module-qtquick-window qml6-module-qtqml \
    qml6-module-qtqml-workerscript qml6-module-qt-labs-platform qml6-module-qtquick-dialogs \
    libqt6sql6-sqlite qt6-qpa-plugins \
    fonts-noto-color-emoji; do
  has_dep "$pkg" || fail "Depends lacks $pkg"
done
recommends=$(dpkg-deb -f "$deb" Recommends)
echo "Recommends: $recommends"
grep -qw qt6-translations-l10n <<< "$recommends" || fail "Recommends lacks qt6-translations-l10n"
# Every module the QML files import is in the Depends line (a new import needs a new package).
while read -r module; do
  case $module in
    Hubbub.*) continue ;;
    QtQuick.Controls.*) pkg=qml6-module-qtquick-controls ;;
    QtQuick) pkg=qml6-module-qtquick ;;
    QtQuick.Layouts) pkg=qml6-module-qtquick-layouts ;;
    QtQuick.Window) pkg=qml6-module-qtquick-window ;;
    QtQuick.Templates) pkg=qml6-module-qtquick-templates ;;
    QtQuick.Dialogs) pkg=qml6-module-qtquick-dialogs ;;
    QtQml) pkg=qml6-module-qtqml ;;
    Qt.labs.platform) pkg=qml6-module-qt-labs-platform ;;
    *) fail "qml imports $module: add its package to cmake/HubbubPackaging.cmake and here" ;;
  esac
  has_dep "$pkg" || fail "Depends lacks $pkg (import $module)"
done < <(sed -n 's/^import \([A-Za-z.]*\).*/\1/p' "$source"/qml/*.qml | sort -u)

# Contents: the programs, the runtime library, desktop integration, Debian docs; no -dev files.
root=$scratch/root
dpkg -x "$deb" "$root"
for f in usr/bin/hubbub usr/bin/hubbub-service usr/bin/hubbub-cli usr/share/applications/io.hubbub.Hubbub.desktop \
    usr/share/metainfo/io.hubbub.Hubbub.metainfo.xml usr/share/icons/hicolor/scalable/apps/io.hubbub.Hubbub.svg \
    usr/share/doc/hubbub/copyright usr/share/doc/hubbub/changelog.gz; do
  [ -e "$root/$f" ] || fail "package lacks /$f"
done
lib=$(find "$root" -name 'libWebPubSubQt6.so.*' -type f | head -1)
[ -n "$lib" ] || fail "package lacks libWebPubSubQt6"
if find "$root" -name '*.h' -o -name '*.pc' -o -name '*.cmake' | grep -q .; then
  fail "development files in the package: $(find "$root" -name '*.h' -o -name '*.pc' -o -name '*.cmake')"
fi

# Run from the scratch root with nothing from the build tree: the programs' RUNPATH is relative
# ($ORIGIN/../lib, qt_standard_project_setup's install RPATH), so they load the package's library.
unset LD_LIBRARY_PATH
export QT_QPA_PLATFORM=offscreen
for exe in hubbub hubbub-service hubbub-cli; do
  if ldd "$root/usr/bin/$exe" | grep -q 'not found'; then
    fail "$exe: $(ldd "$root/usr/bin/$exe" | grep 'not found')"
  fi
  if readelf -d "$root/usr/bin/$exe" | grep -E 'RPATH|RUNPATH' | grep -q "$(dirname "$config")"; then
    fail "$exe's RUNPATH names the build tree"
  fi
  # (hubbub-service does not use the client library.)
  [ "$exe" = hubbub-service ] && continue
  resolved=$(ldd "$root/usr/bin/$exe" | sed -n 's/.*libWebPubSubQt6[^ ]* => \([^ ]*\).*/\1/p')
  [ -n "$resolved" ] && [ "$(readlink -f "$resolved")" = "$(readlink -f "$lib")" ] ||
    fail "$exe loads libWebPubSubQt6 from '$resolved', not the package"
done
out=$("$root/usr/bin/hubbub" --version) || fail "hubbub --version exited $?"
echo "hubbub --version: $out"
[ "$out" = "hubbub $version" ] || fail "hubbub --version printed '$out', not 'hubbub $version'"
out=$("$root/usr/bin/hubbub-service" --help) || fail "hubbub-service --help exited $?"
grep -q -- '--port' <<< "$out" || fail "hubbub-service --help does not list --port"
out=$("$root/usr/bin/hubbub-cli" --help) || fail "hubbub-cli --help exited $?"
grep -q -- '--hub' <<< "$out" || fail "hubbub-cli --help does not list --hub"
echo "PASS: $(basename "$deb") (lintian clean of errors, dependencies complete, programs run from dpkg -x)"
