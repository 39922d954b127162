#!/usr/bin/env bash
# Set everything up for the tests (packages, data sets, Chromium) and run all of them.
# Extra arguments go to pytest, e.g. `bash scripts/test.sh -m "not browser"`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup.sh test
.venv/bin/ruff check .
.venv/bin/ruff format --check .  # one layout for all code: `.venv/bin/ruff format .` makes it
exec .venv/bin/python -m pytest "$@"
