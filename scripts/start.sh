#!/usr/bin/env bash
# Set everything up (first time: a few minutes) and start the app at http://localhost:8501
# Extra arguments go to `streamlit run`, e.g. `bash scripts/start.sh --server.port 8600`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup.sh app
export TF_CPP_MIN_LOG_LEVEL=2
exec .venv/bin/streamlit run app.py "$@"
