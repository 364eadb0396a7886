#!/usr/bin/env bash
# Regenerates the shipped clickbait weights (rules/news/clickbait.tsv) and prints their
# cross-validated figures at the threshold the rule ships with, and the figures on the
# project's own tone-not-topic set.
#   scripts/train-clickbait.sh [TRAIN.TSV]
set -euo pipefail
data="${1:-../shared/data/headlines/train.tsv}"
threshold=$(sed -n '/id = "news.tone.clickbait"/,/^threshold/s/^threshold = //p' rules/news/tone.toml)
cargo run --release --quiet -- train "$data" \
  --vocabulary rules/words/english.txt \
  --exclude training/name-words.txt --exclude training/explainer-words.txt \
  --l2 1e-5 --min-count 3 --prune 0.05 --folds 5 \
  --threshold "$threshold" \
  --evaluate training/tone-not-topic.tsv \
  --out rules/news/clickbait.tsv
