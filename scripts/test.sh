#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Hubbub contributors
# SPDX-License-Identifier: MIT
# The one command for every test: install what is missing, build, run the whole ctest suite
# (unit, integration, interop, chaos) headless.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
export QT_QPA_PLATFORM=offscreen
ctest --preset default -j 2 "$@"
