#!/usr/bin/env bash
# A bounded load test of `copydesk serve` on 127.0.0.1 only: a 1,000-word draft (made from the
# sample drafts) POSTed to /v1/check, 8 at once, 2,000 requests twice (ab, from Debian's
# apache2-utils package), with the server's resident memory after each round.
#   scripts/serve-load.sh [COPYDESK-BINARY]
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${1:-target/release/copydesk}"
command -v ab >/dev/null || { echo "serve-load: needs ab (apt-get install apache2-utils)"; exit 1; }
work="$(mktemp -d)"
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
python3 - "$work/body.json" <<'PY'
import json, pathlib, sys
text = "Council votes on harbour plan after long delay\n\n"
drafts = sorted(p for p in pathlib.Path("corpus").glob("*.txt"))
while len(text.split()) < 1000:
    for draft in drafts:
        for paragraph in draft.read_text().split("\n\n")[1:]:
            text += paragraph.strip() + "\n\n"
            if len(text.split()) >= 1000:
                break
        if len(text.split()) >= 1000:
            break
pathlib.Path(sys.argv[1]).write_text(json.dumps({"text": text, "format": "txt"}))
PY
"$bin" serve --listen 127.0.0.1:0 2> "$work/server.log" &
server=$!
for _ in $(seq 50); do grep -q listening "$work/server.log" 2>/dev/null && break; sleep 0.1; done
url="$(sed -n 's/.*listening on //p' "$work/server.log")"
for round in 1 2; do
  ab -q -n 2000 -c 8 -p "$work/body.json" -T application/json "$url/v1/check" > "$work/ab-$round.txt"
  rss=$(awk '/VmRSS/ {print $2}' "/proc/$server/status")
  failed=$(awk '/^Failed requests/ {print $3}' "$work/ab-$round.txt")
  non2xx=$(awk '/^Non-2xx responses/ {print $3}' "$work/ab-$round.txt")
  echo "round $round: 2,000 requests, 8 at once: $(awk '/^Requests per second/ {print $4}' "$work/ab-$round.txt") requests/s," \
    "p50 $(awk '$1 == "50%" {print $2}' "$work/ab-$round.txt") ms, p99 $(awk '$1 == "99%" {print $2}' "$work/ab-$round.txt") ms," \
    "failed ${failed:-0}, non-2xx ${non2xx:-0}, server resident memory $((rss / 1024)) MB"
done
