#!/usr/bin/env bash
# A real editor as copydesk's LSP client: headless Neovim (Debian's, 0.7) opens a draft whose
# findings sit after emoji, curly quotes and non-Latin names on their lines, waits for the
# diagnostics, and they are compared with `copydesk check --format json` on the same file,
# positions exactly (UTF-16 code units, computed here from the JSON's byte offsets).
# Both lists must hold findings and be equal. Installs Neovim when it is missing; one that
# cannot be installed skips (exit 77), or fails with CI set (scripts/real-tool.sh).
#   scripts/nvim-lsp-check.sh [COPYDESK-BINARY]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/real-tool.sh
bin="$(realpath "${1:-target/debug/copydesk}")"
if ! command -v nvim >/dev/null; then
  apt_install neovim || skip nvim-lsp "Neovim could not be installed from Debian's packages, so the real-editor test did not run"
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
draft="$work/draft.md"
cat > "$draft" <<'DRAFT'
Council backs new bike lanes

Zoë 😀 “Łukasz” said the the plan was fine. The mayor slammed the plan.

Московский 😀 officials said the colour was fine, and the organized committee and the organized board agreed with the organized plan.

“We’re ready,” said Dvořák — 🚲 — and the council voted, sources said.
DRAFT
COPYDESK_BIN="$bin" COPYDESK_DRAFT="$draft" COPYDESK_OUT="$work/nvim.json" \
  timeout 60 nvim --headless -u NONE -c "luafile scripts/nvim-lsp/client.lua"
"$bin" check "$draft" --isolated --format json > "$work/cli.json" || true
python3 - "$draft" "$work/nvim.json" "$work/cli.json" <<'PY'
import json, sys
draft, nvim_path, cli_path = sys.argv[1:]
text = open(draft, encoding="utf-8").read()
raw = open(nvim_path, encoding="utf-8").read()
if raw in ("TIMEOUT", "NO CLIENT"):
    sys.exit(f"nvim-lsp: FAILED — Neovim got no diagnostics ({raw})")
data = text.encode("utf-8")
def position(offset):
    before = data[:offset].decode("utf-8")
    line = before.count("\n")
    column = before[before.rfind("\n") + 1:]
    return (line, sum(2 if ord(c) > 0xFFFF else 1 for c in column))
cli = sorted((d["rule"], position(d["start"]["offset"]), position(d["end"]["offset"]))
             for d in json.load(open(cli_path))["diagnostics"])
if not cli:
    sys.exit("nvim-lsp: FAILED — `copydesk check` reported nothing on the draft, so there is nothing to compare")
got = sorted((d["code"], (d["range"]["start"]["line"], d["range"]["start"]["character"]),
              (d["range"]["end"]["line"], d["range"]["end"]["character"]))
             for d in json.loads(raw)["diagnostics"])
if got != cli:
    print("from Neovim:", *got, sep="\n  ")
    print("from check: ", *cli, sep="\n  ")
    sys.exit("nvim-lsp: FAILED — Neovim's diagnostics differ from `copydesk check`")
lines = text.split("\n")
for rule, start, end in got:
    line = lines[start[0]]
    units = 0
    for index, char in enumerate(line):
        if units >= start[1]:
            break
        units += 2 if ord(char) > 0xFFFF else 1
    print(f"  {rule}: line {start[0] + 1}, UTF-16 column {start[1]} (byte column {len(line[:index].encode())})")
print(f"nvim-lsp: {len(got)} diagnostics from Neovim match `copydesk check --format json`, positions exactly")
PY
