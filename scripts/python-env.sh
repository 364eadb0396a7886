# Sourced (after scripts/real-tool.sh) by the checks that build the Python package
# (scripts/python-check.sh, scripts/spark-check.sh): their work folder, virtualenvs, pip and the
# wheel. Each function takes the check's name first, for the line `skip` prints.

# work_folder [--keep DIR]: sets $work to DIR (kept) or a temporary folder removed on exit.
work_folder() {
  if [ "${1:-}" = --keep ]; then
    work=$2
    mkdir -p "$work"
  else
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
  fi
}

# fresh_venv CHECK DIR: a new virtualenv in DIR (Debian's python3-venv installed if missing).
fresh_venv() {
  rm -rf "$2"
  if ! python3 -m venv "$2" >/dev/null 2>&1; then
    rm -rf "$2"
    { apt_install python3-venv && python3 -m venv "$2" >/dev/null 2>&1; } ||
      skip "$1" "python3 -m venv is not available and python3-venv could not be installed"
  fi
}

# pip_install CHECK VENV WHAT...: quiet, or the check skips saying what PyPI did not give.
pip_install() {
  local check=$1 env=$2
  shift 2
  if ! "$env/bin/pip" install --quiet --disable-pip-version-check "$@" >"$work/pip.log" 2>&1; then
    tail -n 3 "$work/pip.log"
    skip "$check" "pip could not install $* from PyPI"
  fi
}

# build_wheel VENV: builds the package's wheel with VENV's maturin (from the checkout, after a
# release build) into $work/dist and sets $wheel; a failed build fails the check.
build_wheel() {
  rm -rf "$work/dist"
  "$1/bin/maturin" build --release --quiet --out "$work/dist" >"$work/maturin.log" 2>&1 ||
    { tail -n 20 "$work/maturin.log"; echo "FAIL: maturin could not build the wheel"; exit 1; }
  wheel=$(ls "$work"/dist/copydesk-*.whl)
}
