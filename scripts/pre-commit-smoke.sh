#!/usr/bin/env bash
# Proves the pre-commit hook with the real tool: installs pre-commit from PyPI into a temporary
# virtualenv, makes a content repository whose hook config is the README's snippet with only the
# repository address swapped for this checkout, and checks that a draft with problems is
# blocked and a clean one goes through. Installs Python's venv module from Debian's packages
# when it is missing. Where that or PyPI fails it skips (exit 77), saying so, or fails with CI
# set (scripts/real-tool.sh); it never fakes a pass.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
source "$repo/scripts/real-tool.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if ! python3 -m venv "$work/venv" >/dev/null 2>&1; then
  rm -rf "$work/venv"
  { apt_install python3-venv && python3 -m venv "$work/venv" >/dev/null 2>&1; } ||
    skip pre-commit "python3 -m venv is not available and python3-venv could not be installed, so the hook was not tried"
fi
if ! "$work/venv/bin/pip" install --quiet --disable-pip-version-check pre-commit >"$work/pip.log" 2>&1; then
  tail -n 3 "$work/pip.log"
  skip pre-commit "pre-commit could not be installed from PyPI, so the hook was not tried"
fi
# The README's snippet: the YAML block after the `<!-- pre-commit snippet -->` marker.
snippet=$(awk '/<!-- pre-commit snippet -->/ {found=1; next} found && /^```yaml/ {inside=1; next} inside && /^```/ {exit} inside {print}' "$repo/README.md")
if [ -z "$snippet" ]; then
  echo "FAIL: README has no pre-commit snippet after <!-- pre-commit snippet -->"
  exit 1
fi
rev=$(printf '%s\n' "$snippet" | sed -n 's/^ *rev: *\([^ #]*\).*/\1/p')
if ! git -C "$repo" rev-parse --verify --quiet "$rev" >/dev/null; then
  echo "FAIL: the README's rev \`$rev\` does not exist in this repository"
  exit 1
fi

mkdir "$work/content"
cd "$work/content"
git init -q
git config user.email desk@example.com
git config user.name "Copy Desk"
# The README's snippet, pointing at this checkout instead of the published repository.
printf '%s\n' "$snippet" | sed "s#https://github.com/copydesk/copydesk#$repo#" > .pre-commit-config.yaml
git add .pre-commit-config.yaml
git commit -qm "hook config" --no-verify
PRE_COMMIT_HOME="$work/cache" "$work/venv/bin/pre-commit" install >/dev/null

failed=0
cp "$repo/corpus/01-harbor-fire.txt" draft.txt
git add draft.txt
if PRE_COMMIT_HOME="$work/cache" git commit -qm "draft with problems" >"$work/bad.log" 2>&1; then
  echo "FAIL: a draft with problems was committed"
  failed=$((failed + 1))
elif ! grep -q "warning\[typo.doubled-word\]" "$work/bad.log"; then
  echo "FAIL: the blocked commit did not show copydesk's diagnostics:"
  cat "$work/bad.log"
  failed=$((failed + 1))
else
  echo "ok: a draft with problems is blocked, with diagnostics"
fi
git reset -q
rm draft.txt

cp "$repo/corpus/09-clean-council.txt" clean.txt
git add clean.txt
if PRE_COMMIT_HOME="$work/cache" git commit -qm "clean draft" >"$work/clean.log" 2>&1; then
  echo "ok: a clean draft is committed"
else
  echo "FAIL: a clean draft was blocked:"
  cat "$work/clean.log"
  failed=$((failed + 1))
fi
echo "pre-commit: $((2 - failed)) passed, $failed failed"
[ "$failed" -eq 0 ]
