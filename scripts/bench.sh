#!/usr/bin/env bash
# The one benchmark: CPU time (user + sys) of copydesk over ../shared/corpus-real beside typos
# and ripgrep on the same files, in interleaved rounds (copydesk, typos, rg, copydesk, …),
# reporting the median of each; then the start-up figures. CPU time, not wall time: these
# machines are shared, and a busy neighbour stretches wall time far more than the CPU a
# process itself spends.
#
#   typos         checks the same files for misspellings with its own dictionary: a fast
#                 linter of the same shape (a Rust binary reading every file).
#   rg, 500 words `rg -j1 -c -w -i -F -f` with 500 of the built-in pack's literals: the speed
#                 of light for a word-list scan.
#   rg, literals  the same with every literal of the pack (`copydesk rules --literals`).
#   one article   `copydesk check` of the corpus article nearest 1,000 words, start-up
#                 included (what an editor's save or a pre-commit hook pays), median of 31.
#   pack alone    `copydesk check` of an empty draft: loading the built-in pack.
#   10 / 10,000   a pack of 10 and of 10,000 literals alone (no built-in pack), whole corpus.
#
# Needs ripgrep (apt-get install ripgrep) and typos (pip install typos, or cargo install
# typos-cli). Peak memory of the formats over large exports: scripts/records-memory.sh.
# Instruction counts, which do not drift with load: valgrind --tool=callgrind (see README).
#
#   scripts/bench.sh [ROUNDS]   (default 5)
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=../shared/corpus-real
rounds=${1:-5}
[ -d "$corpus" ] || { echo "bench: $corpus is not here; nothing to measure"; exit 77; }
for tool in rg typos; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing (see the header)"; exit 1; }
done
cargo build --release --quiet
bin=./target/release/copydesk
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
$bin rules --literals > "$work/literals.txt"
grep -m 500 -E '^[a-z]+$' "$work/literals.txt" > "$work/words500.txt"
: > "$work/empty.txt"

cpu() { # name, command… : appends "user+sys" seconds to $work/NAME
  local name=$1; shift
  /usr/bin/time -f '%U %S' -o "$work/t" "$@" >/dev/null 2>&1 || true
  # time(1) writes "Command exited with non-zero status N" first when a linter finds something.
  tail -n 1 "$work/t" | awk '{ printf "%.3f\n", $1 + $2 }' >> "$work/$name"
}

# Finer than time(1)'s hundredths: the CPU of N runs of a short command, each on its own.
fine_cpu() { # name, runs, command…
  local name=$1 runs=$2; shift 2
  python3 - "$runs" "$@" >> "$work/$name" <<'PY'
import resource, statistics, subprocess, sys
runs, command = int(sys.argv[1]), sys.argv[2:]
def once():
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
print(f"{statistics.median(once() for _ in range(runs)):.5f}")
PY
}

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
one=$(python3 - "$corpus" <<'PY'
import glob, sys
files = sorted(glob.glob(sys.argv[1] + "/*/*.txt"))
count = lambda f: len(open(f, encoding="utf-8", errors="replace").read().split())
print(min(files, key=lambda f: abs(count(f) - 1000)))
PY
)

for _ in $(seq "$rounds"); do
  cpu copydesk "$bin" check "$corpus/us" "$corpus/uk" --format concise --quiet --isolated
  cpu typos typos --format brief "$corpus/us" "$corpus/uk"
  cpu "rg-500-words" rg -j1 -c -w -i -F -f "$work/words500.txt" "$corpus/us" "$corpus/uk"
  cpu "copydesk-1-thread" env RAYON_NUM_THREADS=1 "$bin" check "$corpus/us" "$corpus/uk" --format concise --quiet --isolated
  cpu "rg-all-literals" rg -c -w -i -F -f "$work/literals.txt" "$corpus/us" "$corpus/uk"
  cpu "10-literals" "$bin" check "$corpus/us" "$corpus/uk" --isolated --no-default-rules --rules "$work/p10.toml" --format concise --quiet
  cpu "10000-literals" "$bin" check "$corpus/us" "$corpus/uk" --isolated --no-default-rules --rules "$work/p10000.toml" --format concise --quiet
  fine_cpu one-article 31 "$bin" check "$one" --isolated --quiet --format concise
  fine_cpu pack-alone 31 "$bin" check "$work/empty.txt" --isolated --quiet
done

median() { sort -n "$work/$1" | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
bytes=$(cat "$corpus"/us/*.txt "$corpus"/uk/*.txt | wc -c)
echo "corpus-real: $bytes bytes, $(ls "$corpus"/us/*.txt "$corpus"/uk/*.txt | wc -l) files; $rounds interleaved rounds; CPU seconds (user + sys), median"
for name in copydesk copydesk-1-thread typos rg-500-words rg-all-literals 10-literals 10000-literals; do
  m=$(median "$name")
  awk -v n="$name" -v m="$m" -v b="$bytes" 'BEGIN { printf "%-20s %7.3f s CPU  %6.1f MB per CPU-second\n", n, m, b / m / 1e6 }'
done
c=$(median copydesk); t=$(median typos); r=$(median rg-500-words)
awk -v c="$c" -v t="$t" -v r="$r" 'BEGIN { printf "copydesk / typos: %.2fx   copydesk / rg (500 words): %.2fx\n", c / t, c / r }'
echo "one article ($(basename "$one"), $(wc -w < "$one") words), start-up included: $(awk '{ printf "%.1f", $1 * 1000 }' <<< "$(median one-article)") ms CPU"
echo "the built-in pack alone (an empty draft): $(awk '{ printf "%.1f", $1 * 1000 }' <<< "$(median pack-alone)") ms CPU"
