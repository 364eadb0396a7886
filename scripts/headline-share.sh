#!/usr/bin/env bash
# The share of corpus-real headlines (line 1 of each file) that the headline rules flag:
# findings of news.tone.* and news.headline.* on line 1, with and without the clickbait
# classifier.
#   scripts/headline-share.sh [CORPUS [CHECK-ARGS...]]
# e.g. `scripts/headline-share.sh ../shared/corpus-real --no-default-rules --rules rules/` to
# measure the packs on disk rather than the ones built into the binary.
set -euo pipefail
corpus="${1:-../shared/corpus-real}"
shift || true
extra=("$@")
bin=target/release/copydesk
total=$(find "$corpus" -name '*.txt' ! -name 'SOURCES*' | wc -l)
flagged() {
  # Exit 1 means findings; the pipeline's status is grep's.
  { "$bin" check "$corpus" --isolated --format concise "${extra[@]}" "$@" 2>/dev/null || true; } |
    grep -E '^[^:]+:1:[0-9]+: [a-z]+\[news\.(tone|headline)\.' | cut -d: -f1 | sort -u | wc -l
}
before=$(flagged --ignore news.tone.clickbait)
after=$(flagged)
awk -v b="$before" -v a="$after" -v t="$total" 'BEGIN {
  printf "headlines %d; flagged without the classifier %d (%.2f%%), with it %d (%.2f%%): +%.2f points\n",
    t, b, 100*b/t, a, 100*a/t, 100*(a-b)/t }'
