#!/usr/bin/env bash
# Set everything up for the tests (packages, data sets, Chromium, PostgreSQL, HAProxy) and run all of them:
# first the main suite, then the cluster suite (tests/cluster/) inside the school on one machine (scripts/school.sh).
# Extra arguments go to pytest, e.g. `bash scripts/test.sh -m "not browser"`.
# MNIST_APP_SKIP_CLUSTER=1 leaves the cluster suite out (it needs root for its network namespace).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup.sh test
.venv/bin/ruff check .
.venv/bin/ruff format --check .  # one layout for all code: `.venv/bin/ruff format .` makes it
.venv/bin/python -m pytest --ignore=tests/cluster "$@"

if [ "${MNIST_APP_SKIP_CLUSTER:-}" = 1 ]; then
  echo "MNIST_APP_SKIP_CLUSTER=1: the cluster suite is left out."
  exit 0
fi
# The school's trainings are short, its maps small; its teacher has a password the tests know.
export MNIST_APP_TRAIN_LIMIT=6000 MNIST_APP_MAP_IMAGES=300 MNIST_APP_TEACHER_PASSWORD="school-test-password"
started=$(date +%s)
trap 'bash scripts/school.sh down' EXIT
bash scripts/school.sh up
bash scripts/school.sh run .venv/bin/python -m pytest tests/cluster -p no:cacheprovider "$@"
echo "The cluster suite with its school took $(( $(date +%s) - started )) s."
