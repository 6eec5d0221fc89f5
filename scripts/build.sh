#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Hubbub contributors
# SPDX-License-Identifier: MIT
# Configures (once) and builds everything with the default preset.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f build/CMakeCache.txt ] || cmake --preset default
cmake --build --preset default -j "$(nproc)"
