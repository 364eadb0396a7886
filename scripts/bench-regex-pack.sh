#!/usr/bin/env bash
# The cost of a pack of many regex rules: N `existence` rules, each with one pattern of its
# own (`\bword<i>(?:ed|ing)?\b`), no built-in pack, over a ~200 KB draft in which a few of
# them match. Prints the CPU time (user + system) of loading the pack alone (an empty draft)
# and of checking the draft, for 10, 1,000 and 10,000 rules.
# Usage: scripts/bench-regex-pack.sh [RULES...]
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=$PWD/target/release/copydesk
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
counts=("$@")
[ ${#counts[@]} -gt 0 ] || counts=(10 1000 10000)
python3 - "$work/draft.txt" <<'PY'
import sys
line = "The council met on the quay and word7ed the plan after word42ing it for weeks. "
with open(sys.argv[1], "w") as out:
    out.write("Council weighs the plan\n\n")
    for i in range(2_500):
        out.write(line + "\n\n")
PY
: > "$work/empty.txt"
printf '%8s %16s %16s\n' rules 'load (CPU s)' 'check (CPU s)'
for rules in "${counts[@]}"; do
  python3 - "$rules" "$work/pack.toml" <<'PY'
import sys
count, path = int(sys.argv[1]), sys.argv[2]
with open(path, "w") as out:
    out.write('[pack]\nname = "regex-bench"\n')
    for i in range(count):
        out.write(f"""
[[existence]]
id = "bench.word{i}"
message = "`{{match}}`"
rationale = "A benchmark rule."
patterns = ['\\bword{i}(?:ed|ing)?\\b']
must-fire = ["They word{i}ed it."]
must-not-fire = ["They wordx{i} it."]
""")
PY
  # CPU seconds of one run (user + system); a run with findings exits 1.
  cpu() { { /usr/bin/time -f '%U %S' "$@" 2>&1 >/dev/null || true; } | tail -1 | awk '{print $1 + $2}'; }
  load=$(cpu "$bin" check --isolated --no-default-rules --rules "$work/pack.toml" -q "$work/empty.txt")
  check=$(cpu "$bin" check --isolated --no-default-rules --rules "$work/pack.toml" -q --format concise "$work/draft.txt")
  printf '%8s %16s %16s\n' "$rules" "$load" "$check"
done
echo "draft: $(wc -c < "$work/draft.txt") bytes"
