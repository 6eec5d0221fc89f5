#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Hubbub contributors
# SPDX-License-Identifier: MIT
# The one command for a new user: install what is missing, build, start Hubbub.
# Extra arguments go to hubbub (e.g. --profile bob).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
exec build/app/hubbub "$@"
