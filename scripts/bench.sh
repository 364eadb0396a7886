#!/usr/bin/env bash
# Times the whole copydesk binary over ../shared/corpus-real (about 10 MB of edited news copy)
# and over a ~1 GB set made by repeating it, next to ripgrep scanning for the built-in pack's
# literals (the speed of light for a word-list scan), and prints MB/s, articles/s, peak RSS and
# the ratio to ripgrep; then single-article latency and 10 against 10,000 rules.
# Needs hyperfine and ripgrep (Debian packages: apt-get install hyperfine ripgrep).
# Usage: scripts/bench.sh [--big]   (--big also builds and checks the ~1 GB set)
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=../shared/corpus-real
[ -d "$corpus" ] || { echo "bench: $corpus is not here; nothing to measure"; exit 0; }
for tool in hyperfine rg; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing (apt-get install hyperfine ripgrep)"; exit 1; }
done
cargo build --release --quiet
bin=./target/release/copydesk
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
$bin rules --literals > "$work/literals.txt"

measure() { # name, bytes, articles, command...
  local name=$1 bytes=$2 articles=$3; shift 3
  hyperfine --warmup 1 --runs "${RUNS:-5}" -N -i --export-json "$work/h.json" "$*" >/dev/null 2>&1
  local mean
  mean=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["mean"])' "$work/h.json")
  local rss
  rss=$( (/usr/bin/time -f '%M' "$@" 2>&1 >/dev/null || true) | tail -n 1)
  python3 - "$name" "$bytes" "$articles" "$mean" "$rss" <<'PY'
import sys
name, size, articles, mean, rss = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5])
print(f"{name:<44} {mean*1000:9.1f} ms {size/mean/1e6:8.1f} MB/s {articles/mean:10.0f} art/s {rss/1024:7.1f} MB RSS")
PY
  echo "$mean" > "$work/last"
}

bytes=$(cat "$corpus"/us/*.txt "$corpus"/uk/*.txt | wc -c)
articles=$(ls "$corpus"/us/*.txt "$corpus"/uk/*.txt | wc -l)
echo "corpus-real: $bytes bytes, $articles articles, $(wc -l < "$work/literals.txt") literals in the built-in pack"
measure "copydesk check (built-in pack, concise)" "$bytes" "$articles" $bin check "$corpus/us" "$corpus/uk" --format concise --quiet
copydesk_time=$(cat "$work/last")
measure "rg -c -w -i -F -f literals" "$bytes" "$articles" rg -c -w -i -F -f "$work/literals.txt" "$corpus/us" "$corpus/uk"
rg_time=$(cat "$work/last")
python3 -c "import sys; print(f'ratio copydesk / ripgrep: {float(sys.argv[1])/float(sys.argv[2]):.2f}x')" "$copydesk_time" "$rg_time"

# One real article of about 1,000 words, start-up included (what an editor's save costs): the
# article of corpus-real whose word count is nearest 1,000.
one=$(python3 - "$corpus" <<'PY'
import glob, sys
files = sorted(glob.glob(sys.argv[1] + "/*/*.txt"))
count = lambda f: len(open(f, encoding="utf-8", errors="replace").read().split())
print(min(files, key=lambda f: abs(count(f) - 1000)))
PY
)
echo "one article: $one ($(wc -w < "$one") words)"
hyperfine --warmup 5 --runs 60 -N -i "$bin check $one --quiet" 2>/dev/null | grep -E "Time|Range"

# 10 against 10,000 rules (literals), whole process, same corpus.
python3 - "$work" <<'PY'
import json, sys
work = sys.argv[1]
pairs = [l.rstrip("\n").split("\t") for l in open("rules/spelling/us-uk-common.tsv") if not l.startswith("#")]
def pack(n, path):
    rows, i = [], 0
    while len(rows) < n:
        us, uk = pairs[i % len(pairs)]
        suffix = "" if i < len(pairs) else f"x{i // len(pairs)}"
        rows.append(f"[{json.dumps(uk + suffix)}, {json.dumps(us)}]")
        i += 1
    open(path, "w").write('[pack]\nname = "bench"\n\n[[preferred-term]]\nid = "bench.us"\nmessage = "m"\nrationale = "r"\n'
                          'must-fire = ["colour"]\nmust-not-fire = ["color"]\nreplace = [' + ", ".join(rows) + "]\n")
pack(10, f"{work}/p10.toml")
pack(10000, f"{work}/p10000.toml")
PY
measure "copydesk, 10 literals (no built-in pack)" "$bytes" "$articles" $bin check "$corpus/us" "$corpus/uk" --isolated --no-default-rules --rules "$work/p10.toml" --format concise --quiet
t10=$(cat "$work/last")
measure "copydesk, 10,000 literals (no built-in pack)" "$bytes" "$articles" $bin check "$corpus/us" "$corpus/uk" --isolated --no-default-rules --rules "$work/p10000.toml" --format concise --quiet
t10000=$(cat "$work/last")
python3 -c "import sys; print(f'10 -> 10,000 rules: {float(sys.argv[2])/float(sys.argv[1]):.2f}x')" "$t10" "$t10000"

if [ "${1:-}" = "--big" ]; then
  big="$work/big"
  mkdir -p "$big"
  for i in $(seq 1 100); do mkdir -p "$big/$i"; cp "$corpus"/us/*.txt "$corpus"/uk/*.txt "$big/$i/"; done
  big_bytes=$((bytes * 100)); big_articles=$((articles * 100))
  RUNS=2 measure "copydesk check, ~1 GB (jsonl, streamed)" "$big_bytes" "$big_articles" $bin check "$big" --format jsonl --quiet
  RUNS=2 measure "rg -c -w -i -F -f literals, ~1 GB" "$big_bytes" "$big_articles" rg -c -w -i -F -f "$work/literals.txt" "$big"
fi
