"""Compares an archive audit's findings with `copydesk check --input jsonl --corpus
--format json` on the same export, as multisets of (id, line, column, rule); prints the
counts, and the findings judging the whole corpus adds over judging each article alone.

    python3 scripts/spark-compare.py CORPUS.json ALONE.json AUDIT_OUT_DIR

Exits 1 when the multisets differ, listing the first differences.
"""

import json
import sys
from collections import Counter
from pathlib import Path


def cli(path: str) -> Counter:
    report = json.loads(Path(path).read_text(encoding="utf-8"))
    return Counter((d["path"], d["start"]["line"], d["start"]["column"], d["rule"]) for d in report["diagnostics"])


def audit(folder: str) -> Counter:
    found = Counter()
    parts = sorted((Path(folder) / "findings.jsonl").glob("part-*"))
    if not parts:
        raise SystemExit(f"no findings.jsonl parts under {folder}")
    for part in parts:
        for line in part.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            found[(row["id"], row["start"]["line"], row["start"]["column"], row["rule"])] += 1
    return found


def main() -> int:
    corpus, alone, spark = cli(sys.argv[1]), cli(sys.argv[2]), audit(sys.argv[3])
    added = corpus - alone
    print(
        f"copydesk check --corpus: {sum(corpus.values())} findings; the audit: {sum(spark.values())}; "
        f"judging the corpus adds {sum(added.values())} over judging articles alone "
        f"and takes away {sum((alone - corpus).values())}"
    )
    if not added:
        print("FAIL: no finding depends on the corpus-wide verdicts; the comparison proves nothing")
        return 1
    if corpus == spark:
        print("ok: the same multiset of (id, line, column, rule)")
        return 0
    for name, extra in (("only in check --corpus", corpus - spark), ("only in the audit", spark - corpus)):
        items = sorted(extra.elements())
        print(f"{name}: {len(items)}")
        for item in items[:15]:
            print("  ", item)
    return 1


if __name__ == "__main__":
    sys.exit(main())
