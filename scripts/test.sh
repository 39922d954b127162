#!/usr/bin/env bash
# Set everything up for the tests (packages, data sets, Chromium, PostgreSQL, HAProxy) and run all of them:
# first the main suite, then the cluster suite (tests/cluster/) inside the school on one machine (scripts/school.sh).
# Extra arguments go to pytest, e.g. `bash scripts/test.sh -m "not browser"`. Naming test files runs only the suites
# they are in: `bash scripts/test.sh tests/test_cli.py` starts no school, `bash scripts/test.sh tests/cluster` only it.
# MNIST_APP_SKIP_CLUSTER=1 leaves the cluster suite out (it needs root for its network namespace).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup.sh test
.venv/bin/ruff check .
.venv/bin/ruff format --check .  # one layout for all code: `.venv/bin/ruff format .` makes it

main=1 cluster=1
for argument in "$@"; do
  path=${argument%%::*}
  [ -e "$path" ] || continue
  if [ $main$cluster = 11 ]; then main=0 cluster=0; fi  # the first path named: only the suites named run
  case $path in tests/cluster*) cluster=1 ;; *) main=1 ;; esac
done
[ "${MNIST_APP_SKIP_CLUSTER:-}" = 1 ] && cluster=0

if [ $main = 1 ]; then
  .venv/bin/python -m pytest --ignore=tests/cluster "$@"
fi
if [ $cluster = 1 ]; then
  # The school's trainings are short, its maps small; its teacher has a password the tests know.
  export MNIST_APP_TRAIN_LIMIT=6000 MNIST_APP_MAP_IMAGES=300 MNIST_APP_TEACHER_PASSWORD="school-test-password"
  started=$(date +%s)
  trap 'bash scripts/school.sh down' EXIT
  bash scripts/school.sh up
  bash scripts/school.sh run .venv/bin/python -m pytest -p no:cacheprovider "$@" $([ $main = 1 ] && echo tests/cluster)
  echo "The cluster suite, with its school, took $(($(date +%s) - started)) s."
fi
