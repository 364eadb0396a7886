#!/usr/bin/env bash
# The review page of `copydesk serve` in a real browser: Debian's Chromium driven by
# playwright-core (pointed at /usr/bin/chromium; the full Playwright package would try to
# download its own browsers). Installs Chromium, Node.js and npm from Debian's packages and
# playwright-core from the npm registry when missing; a check that cannot install them skips
# (exit 77), or fails with CI set (scripts/real-tool.sh).
#   scripts/review-page-check.sh [COPYDESK-BINARY]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/real-tool.sh
bin="$(realpath "${1:-target/debug/copydesk}")"
if [ ! -x /usr/bin/chromium ]; then
  apt_install chromium || skip review-page "Chromium could not be installed from Debian's packages, so the browser test did not run"
fi
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  apt_install nodejs npm || skip review-page "Node.js and npm could not be installed from Debian's packages, so the browser test did not run"
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm init -y >/dev/null 2>&1 && npm install --no-audit --no-fund playwright-core@1 >/dev/null 2>&1) ||
  skip review-page "playwright-core could not be installed from the npm registry, so the browser test did not run"
mkdir -p target
NODE_PATH="$work/node_modules" node scripts/review-page/test.cjs "$bin" scripts/review-page/draft.txt target/review-page.png
