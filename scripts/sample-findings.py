#!/usr/bin/env python3
"""Draws a seeded random sample of copydesk's findings on ../shared/corpus-real, for hand review.

Each finding is printed with file:line:col, rule, severity, message and the text around it (the
sentence-sized window of its line), numbered, so a reviewer can write a verdict beside each.

  scripts/sample-findings.py                      # 60 findings, seed 20261201, every rule
  scripts/sample-findings.py --exclude news.anonymous-source --exclude news.quote.speaker \\
      --exclude news.unsupported-claim            # without the sourcing rules
  scripts/sample-findings.py --rule loaded --all  # every finding of some rules, for tuning

The binary is target/release/copydesk (build it first); --binary names another.
"""
import argparse
import json
import random
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus-real"


def findings(binary, extra):
    command = [binary, "check", str(CORPUS / "us"), str(CORPUS / "uk"), "--format", "json", "-q", *extra]
    out = subprocess.run(command, capture_output=True, check=False)
    return json.loads(out.stdout)["diagnostics"]


def context(path, offset, width=110):
    data = Path(path).read_bytes()
    start = data.rfind(b"\n", 0, offset) + 1
    end = data.find(b"\n", offset)
    end = len(data) if end < 0 else end
    left = max(start, offset - width)
    right = min(end, offset + width)
    text = data[left:right].decode("utf-8", "replace")
    return ("…" if left > start else "") + text + ("…" if right < end else "")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed", type=int, default=20261201)
    parser.add_argument("--count", type=int, default=60)
    parser.add_argument("--rule", action="append", default=[], help="only rules with this id prefix")
    parser.add_argument("--exclude", action="append", default=[], help="leave out rules with this id prefix")
    parser.add_argument("--all", action="store_true", help="every matching finding, in order, not a sample")
    parser.add_argument("--binary", default=str(ROOT / "target" / "release" / "copydesk"))
    parser.add_argument("--args", default="", help="more arguments for copydesk check")
    options = parser.parse_args()
    if not CORPUS.is_dir():
        print(f"skipped: {CORPUS} is not here")
        return 0
    found = findings(options.binary, options.args.split())
    kept = [
        d for d in found
        if (not options.rule or any(d["rule"].startswith(r) for r in options.rule))
        and not any(d["rule"].startswith(r) for r in options.exclude)
    ]
    chosen = kept if options.all else random.Random(options.seed).sample(kept, min(options.count, len(kept)))
    print(f"# {len(chosen)} of {len(kept)} findings (of {len(found)} in all), seed {options.seed}")
    for number, d in enumerate(chosen, 1):
        where = f"{Path(d['path']).name}:{d['start']['line']}:{d['start']['column']}"
        print(f"{number}. {where} {d['rule']} ({d['severity']}): {d['message']}")
        print(f"   {context(d['path'], d['start']['offset'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
