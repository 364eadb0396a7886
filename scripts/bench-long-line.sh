#!/usr/bin/env bash
# Many findings on one long line must cost time in proportion to their number: a draft whose
# body is one line of "the the vote" repeated (one doubled-word finding every 13 bytes) at
# 0.5, 1, 2 and 5 MB, checked in every format. Prints seconds per run and seconds per MB; the
# per-MB figure should stay flat as the line grows.
# Usage: scripts/bench-long-line.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=./target/release/copydesk
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf '%-8s %-8s %10s %10s %9s\n' format size findings seconds 's/MB'
for megabytes in 0.5 1 2 5; do
  python3 - "$megabytes" "$work/line.txt" <<'PY'
import sys
size = int(float(sys.argv[1]) * 1_000_000)
unit = "the the vote "
with open(sys.argv[2], "w") as out:
    out.write("Headline\n\n" + unit * (size // len(unit)) + "\n")
PY
  for format in human concise json jsonl sarif github; do
    start=$(date +%s.%N)
    findings=$($bin check "$work/line.txt" --format "$format" -q | wc -l || true)
    end=$(date +%s.%N)
    python3 -c 'import sys; f,mb,n,a,b=sys.argv[1:]; s=float(b)-float(a); print("%-8s %-8s %10s %10.2f %9.2f" % (f, mb + " MB", n, s, s / float(mb)))' \
      "$format" "$megabytes" "$findings" "$start" "$end"
  done
done
echo "(findings: output lines, not findings, for the multi-line formats)"
