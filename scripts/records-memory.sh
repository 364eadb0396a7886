#!/usr/bin/env bash
# Constant memory for article records: builds JSON-lines exports from ../shared/corpus-real
# (headline = first line, body = the rest), one copy and four copies of every article, and
# runs `check --input jsonl` on each with /usr/bin/time, printing wall time and peak RSS. A
# streaming run's peak RSS should not grow with the export, in every format: json and sarif
# write their document a chunk at a time.
#
#   scripts/records-memory.sh [target/release/copydesk]
set -euo pipefail
bin="${1:-target/release/copydesk}"
corpus="$(dirname "$0")/../../shared/corpus-real"
[ -d "$corpus" ] || { echo "skipped: $corpus is not there"; exit 0; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 - "$corpus" "$work" <<'PY'
import json, pathlib, sys
corpus, work = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
records = []
for path in sorted(corpus.glob("*/*.txt")):
    text = path.read_text(encoding="utf-8")
    headline, _, body = text.strip().partition("\n")
    records.append({"headline": headline.strip(), "body": body.strip(), "name": path.stem})
for copies in (1, 4):
    with open(work / f"export-{copies}x.jsonl", "w", encoding="utf-8") as out:
        for copy in range(copies):
            for r in records:
                line = {"id": f"{r['name']}-{copy}", "headline": r["headline"], "body": r["body"]}
                out.write(json.dumps(line, ensure_ascii=False) + "\n")
PY

measure() {
    local label="$1"; shift
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" > /dev/null 2>&1 || true
    read -r seconds kilobytes < <(tail -n 1 "$work/time")
    printf '%-34s %6.2f s  %6d MB\n' "$label" "$seconds" "$((kilobytes / 1024))"
}

for copies in 1 4; do
    export_file="$work/export-${copies}x.jsonl"
    records=$(wc -l < "$export_file")
    size=$(du -m "$export_file" | cut -f1)
    echo "# ${copies}x: $records records, $size MB"
    measure "concise (streams)" "$bin" check -q --input jsonl "$export_file" --format concise
    measure "--fix (streams)" "$bin" check -q --input jsonl "$export_file" --fix --format concise
    measure "json (streams)" "$bin" check -q --input jsonl "$export_file" --format json
    measure "sarif (streams)" "$bin" check -q --input jsonl "$export_file" --format sarif
done
