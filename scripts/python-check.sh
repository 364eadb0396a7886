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
source "$repo/scripts/python-env.sh"
work_folder "$@"

cd "$repo"
cargo build --release --quiet
fresh_venv python "$work/build"
pip_install python "$work/build" "maturin>=1.9,<2"
build_wheel "$work/build"
echo "built $(basename "$wheel") ($(du -k "$wheel" | cut -f1) KiB)"

fresh_venv python "$work/user"
started=$EPOCHREALTIME
"$work/user/bin/pip" install --quiet --disable-pip-version-check --no-index "$wheel"
finished=$EPOCHREALTIME
awk -v s="$started" -v f="$finished" \
  'BEGIN { printf "installed the wheel in a fresh virtualenv in %.2f s (pip install, no index)\n", f - s }'
pip_install python "$work/user" "pytest>=7"

# Run from outside the checkout, so `import copydesk` is the installed package, not python/.
cd "$work"
COPYDESK_BIN="$repo/target/release/copydesk" "$work/user/bin/python" -m pytest -q -rs -s \
  -p no:cacheprovider "$repo/python/tests"
"$work/user/bin/python" "$repo/scripts/python-bench.py" "$repo/target/release/copydesk"
