#!/usr/bin/env bash
# Set everything up (first time: a few minutes) and serve the app to a class at http://localhost:8501: one Streamlit
# process per core behind one front door (mnist_core/serving/class_server.py). Extra arguments: --server.port and
# --server.address for the door, --processes N, and any other `streamlit run` option for every process, e.g.
# `bash scripts/start.sh --server.port 8600`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup.sh app
exec .venv/bin/python -m mnist_core serve "$@"
