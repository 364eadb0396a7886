#!/usr/bin/env bash
# CPU time (user + sys) of copydesk over ../shared/corpus-real beside ripgrep and typos on the
# same files, in interleaved rounds (copydesk, rg, typos, copydesk, …), reporting the median of
# each. CPU time, not wall time: these machines are shared, and a busy neighbour stretches wall
# time far more than it stretches the CPU a process itself spends.
#
#   rg     searches for every literal of the built-in pack (`copydesk rules --literals`), fixed
#          strings, case-insensitive: the speed of light for a word-list scan.
#   typos  checks the same files for misspellings with its own dictionary: a fast linter of the
#          same shape (a Rust binary reading every file).
#
# Needs ripgrep (apt-get install ripgrep) and typos (pip install typos, or cargo install
# typos-cli). Usage: scripts/bench-cpu.sh [ROUNDS]   (default 7)
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=../shared/corpus-real
rounds=${1:-7}
[ -d "$corpus" ] || { echo "bench-cpu: $corpus is not here; nothing to measure"; exit 77; }
for tool in rg typos; do
  command -v "$tool" >/dev/null || { echo "bench-cpu: $tool is missing (see the header)"; exit 1; }
done
cargo build --release --quiet
bin=./target/release/copydesk
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
$bin rules --literals > "$work/literals.txt"

cpu() { # name, command… : appends "user+sys" seconds to $work/NAME
  local name=$1; shift
  /usr/bin/time -f '%U %S' -o "$work/t" "$@" >/dev/null 2>&1 || true
  # time(1) writes "Command exited with non-zero status N" first when a linter finds something.
  tail -n 1 "$work/t" | awk '{ printf "%.3f\n", $1 + $2 }' >> "$work/$name"
}

for _ in $(seq "$rounds"); do
  cpu copydesk "$bin" check "$corpus/us" "$corpus/uk" --format concise --quiet --isolated
  cpu copydesk-1-thread env RAYON_NUM_THREADS=1 "$bin" check "$corpus/us" "$corpus/uk" --format concise --quiet --isolated
  cpu ripgrep rg -F -i -c -f "$work/literals.txt" "$corpus/us" "$corpus/uk"
  cpu typos typos --format brief "$corpus/us" "$corpus/uk"
done

bytes=$(cat "$corpus"/us/*.txt "$corpus"/uk/*.txt | wc -c)
echo "corpus-real: $bytes bytes; $rounds interleaved rounds; CPU seconds (user + sys), median"
for name in copydesk copydesk-1-thread ripgrep typos; do
  sort -n "$work/$name" | awk -v name="$name" -v bytes="$bytes" '
    { v[NR] = $1 }
    END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
          printf "%-20s %7.3f s CPU  %7.1f MB per CPU-second  (min %.3f, max %.3f)\n",
                 name, m, bytes / m / 1e6, v[1], v[NR] }'
done
