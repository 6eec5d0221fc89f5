#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Hubbub contributors
# SPDX-License-Identifier: MIT
# Installs what building, running and testing Hubbub needs on Debian 12 (bookworm), and nothing
# that is already there. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  build-essential cmake ninja-build pkg-config git
  qt6-base-dev qt6-base-dev-tools qt6-websockets-dev qt6-httpserver-dev
  qt6-declarative-dev qt6-declarative-dev-tools qt6-l10n-tools
  qtkeychain-qt6-dev libjwt-dev libsimdjson-dev libqt6sql6-sqlite libsqlite3-dev libqrencode-dev zbar-tools libgl-dev qt6-qpa-plugins
  qml6-module-qtqml qml6-module-qtqml-workerscript qml6-module-qtqml-models
  qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-layouts
  qml6-module-qtquick-templates qml6-module-qtquick-window qml6-module-qttest
  qml6-module-qt-labs-settings qml6-module-qtquick-dialogs qml6-module-qt-labs-platform
  qt6-tools-dev qt6-translations-l10n
  doxygen fonts-noto-color-emoji iproute2 openssl chromium
  dpkg-dev file lintian desktop-file-utils appstream
  clang libclang-rt-14-dev
  nodejs npm
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Node may come from elsewhere (nodesource, nvm): then the Debian nodejs/npm are not needed.
if command -v node >/dev/null && command -v npm >/dev/null; then
  missing=("${missing[@]/nodejs}"); missing=("${missing[@]/npm}")
  read -r -a missing <<< "${missing[*]}"
fi
if ((${#missing[@]})); then
  echo "Installing: ${missing[*]}"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The official SDKs the interop tests and benchmarks run against, pinned by the lock file.
for dir in tests/interop; do
  [ -f "$dir/package-lock.json" ] || continue
  # npm ci empties node_modules first: through a symlink (a worktree sharing another checkout's
  # modules) that would wipe the other checkout's. And an install newer than the lock file is current.
  if [ -L "$dir/node_modules" ]; then
    echo "$dir/node_modules is a symlink: left as it is"
    continue
  fi
  if [ "$dir/node_modules/.package-lock.json" -nt "$dir/package-lock.json" ]; then
    continue
  fi
  (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
done
