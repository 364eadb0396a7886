# Sourced by the checks that need a real tool (pre-commit from PyPI, Neovim, Chromium and
# Node): how one installs what it lacks, and how it ends when it cannot run.
#
# A check that cannot run fails when CI is set (to anything but empty, 0 or false): a green CI
# run must mean every check ran. Elsewhere it skips with exit status 77 (automake's "skipped"),
# its last line saying what did not run and why; `.ci/run` lists it so in its summary.

# Whether CI is set.
in_ci() {
  [ -n "${CI:-}" ] && [ "$CI" != 0 ] && [ "$CI" != false ]
}

# skip CHECK REASON: ends the check that cannot run (a failure under CI).
skip() {
  if in_ci; then
    echo "$1: FAILED — $2; with CI set a check that cannot run is a failure"
    exit 1
  fi
  echo "$1: SKIPPED — $2"
  exit 77
}

# apt_install PACKAGE...: installs Debian packages, refreshing the package lists only if the
# first try fails; quiet, its status says whether it worked.
apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y "$@" >/dev/null 2>&1 ||
    { apt-get update >/dev/null 2>&1 && apt-get install -y "$@" >/dev/null 2>&1; }
}
