#!/usr/bin/env bash
# The facts layer's cost in instructions (callgrind, one thread) on each half of corpus-real:
# the whole built-in pack, and the pack with the rules that read the layer ignored (the layer is
# built only when a rule asks for it). Issue 28's bar: the first within 8% of the second, over
# both halves together.
#
#   bash scripts/facts-cost.sh [BINARY]      # default ./target/release/copydesk (build it first)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-./target/release/copydesk}
corpus=../shared/corpus-real
[ -d "$corpus" ] || { echo "facts-cost: $corpus is not here; nothing to measure"; exit 77; }
command -v valgrind >/dev/null || { echo "facts-cost: valgrind is missing (apt-get install valgrind)"; exit 1; }
ignore=(--ignore news.fact --ignore grounding.age-changed --ignore grounding.count-changed
        --ignore grounding.title-changed)
instructions() { # a check with findings exits 1, which is not a failure here
  { RAYON_NUM_THREADS=1 valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" check "$@" \
    --format concise 2>&1 >/dev/null || true; } | grep -o 'Collected : [0-9]*' | grep -o '[0-9]*$'
}
total_whole=0; total_rest=0
for half in us uk; do
  whole=$(instructions "$corpus/$half")
  rest=$(instructions "$corpus/$half" "${ignore[@]}")
  awk -v h="$half" -v w="$whole" -v r="$rest" \
    'BEGIN { printf "%s: %.0f whole, %.0f without the facts rules: %.2f%%\n", h, w, r, (w - r) * 100 / r }'
  total_whole=$((total_whole + whole)); total_rest=$((total_rest + rest))
done
awk -v w="$total_whole" -v r="$total_rest" \
  'BEGIN { printf "corpus-real: %.0f whole, %.0f without: the layer costs %.2f%% over the rest\n", w, r, (w - r) * 100 / r }'
