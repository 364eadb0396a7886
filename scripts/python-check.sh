#!/usr/bin/env bash
# The Python package, proved as a user gets it: builds the wheel with maturin (from PyPI, in a
# build virtualenv), installs it in a fresh virtualenv (timing the install), and runs the
# Python tests (python/tests, pytest) against the Rust build's `copydesk check`. Then measures
# one `session.check` against the command line on one article (scripts/python-bench.py).
# Where Python's venv or PyPI is missing it skips (exit 77), saying so, or fails with CI set
# (scripts/real-tool.sh); it never fakes a pass.
#
#   scripts/python-check.sh [--keep DIR]   (--keep: build in DIR and leave it there)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
source "$repo/scripts/real-tool.sh"
if [ "${1:-}" = --keep ]; then
  work=$2
  mkdir -p "$work"
else
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
fi

venv() { # DIR: a fresh virtualenv, or the check skips
  rm -rf "$1"
  if ! python3 -m venv "$1" >/dev/null 2>&1; then
    rm -rf "$1"
    { apt_install python3-venv && python3 -m venv "$1" >/dev/null 2>&1; } ||
      skip python "python3 -m venv is not available and python3-venv could not be installed"
  fi
}
pip_install() { # VENV, what…: quiet, or the check skips
  local env=$1
  shift
  if ! "$env/bin/pip" install --quiet --disable-pip-version-check "$@" >"$work/pip.log" 2>&1; then
    tail -n 3 "$work/pip.log"
    skip python "pip could not install $* from PyPI"
  fi
}

cd "$repo"
cargo build --release --quiet
venv "$work/build"
pip_install "$work/build" "maturin>=1.9,<2"
rm -rf "$work/dist"
"$work/build/bin/maturin" build --release --quiet --out "$work/dist" >"$work/maturin.log" 2>&1 ||
  { tail -n 20 "$work/maturin.log"; echo "FAIL: maturin could not build the wheel"; exit 1; }
wheel=$(ls "$work"/dist/copydesk-*.whl)
echo "built $(basename "$wheel") ($(du -k "$wheel" | cut -f1) KiB)"

venv "$work/user"
started=$EPOCHREALTIME
"$work/user/bin/pip" install --quiet --disable-pip-version-check --no-index "$wheel"
finished=$EPOCHREALTIME
awk -v s="$started" -v f="$finished" \
  'BEGIN { printf "installed the wheel in a fresh virtualenv in %.2f s (pip install, no index)\n", f - s }'
pip_install "$work/user" "pytest>=7"

# Run from outside the checkout, so `import copydesk` is the installed package, not python/.
cd "$work"
COPYDESK_BIN="$repo/target/release/copydesk" "$work/user/bin/python" -m pytest -q -rs -s \
  -p no:cacheprovider "$repo/python/tests"
"$work/user/bin/python" "$repo/scripts/python-bench.py" "$repo/target/release/copydesk"
