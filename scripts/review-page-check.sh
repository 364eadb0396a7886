#!/usr/bin/env bash
# The review page of `copydesk serve` in a real browser: Debian's Chromium driven by
# playwright-core (pointed at /usr/bin/chromium; the full Playwright package would try to
# download its own browsers). Installs what it needs; only a failed install skips, loudly.
#   scripts/review-page-check.sh [COPYDESK-BINARY]
set -euo pipefail
cd "$(dirname "$0")/.."
bin="$(realpath "${1:-target/debug/copydesk}")"
skip() {
  echo "!!!!! review-page: SKIPPED — $1; the browser test did not run !!!!!"
  exit 0
}
if [ ! -x /usr/bin/chromium ]; then
  apt-get install -y chromium >/dev/null 2>&1 || { apt-get update >/dev/null 2>&1 && apt-get install -y chromium >/dev/null 2>&1; } ||
    skip "Chromium could not be installed from Debian's packages"
fi
command -v node >/dev/null || skip "Node.js is not on this machine"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm init -y >/dev/null 2>&1 && npm install --no-audit --no-fund playwright-core@1 >/dev/null 2>&1) ||
  skip "playwright-core could not be installed from the npm registry"
mkdir -p target
NODE_PATH="$work/node_modules" node scripts/review-page/test.cjs "$bin" scripts/review-page/draft.txt target/review-page.png
