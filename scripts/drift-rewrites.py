#!/usr/bin/env python3
"""Lists the drift rules' findings on a set of rewrites, for a blind precision judgement.

A set is a folder of rewrites NN.txt of corpus-real articles and a KEY.tsv naming each one's
original (NN, TAB, a path under ../shared/corpus-real/ or an absolute path, TAB, anything).
The rewrites are written by someone else in their own words (see
scripts/drift-rewrites-brief.md) and kept out of the repository: they follow the corpus's
text. The output lists, per finding, the rewrite, its line, the rule and the words flagged;
`--packet FILE` also writes a judging packet that names the two files of each finding and
nothing of which rewrites carry drift, for a judge who must not see KEY.tsv.

Usage: cargo build --release && scripts/drift-rewrites.py SET [--packet FILE]
"""
import json
import os
import subprocess
import sys

RULES = (
    "grounding.unsupported-sentence",
    "grounding.attribution-dropped",
    "grounding.attribution-changed",
    "grounding.hedge-dropped",
    "grounding.qualifier-changed",
)
HERE = os.path.dirname(os.path.abspath(__file__))
BINARY = os.path.join(HERE, "..", "target", "release", "copydesk")
CORPUS = os.path.join(HERE, "..", "..", "shared", "corpus-real")

PACKET_HEAD = """# Findings to judge

Each finding below was reported by a tool that checks a rewrite (a reporter's own version of a
story) against its source (the original story). For each, open the rewrite at the line given
and the source, read both as a wire-service desk editor would, and judge:
- right: the rewrite really drifted from the source as the message says;
- debatable: an editor could go either way;
- wrong: the rewrite is faithful to the source here; the finding is a false alarm.

Write one line per finding: `N | right/debatable/wrong | one-line reason`.

"""


def originals(folder):
    key = {}
    with open(os.path.join(folder, "KEY.tsv"), encoding="utf-8") as f:
        for row in f:
            parts = row.rstrip("\n").split("\t")
            if len(parts) >= 2 and parts[0].strip().isdigit():
                path = parts[1].strip()
                key[parts[0].strip().zfill(2)] = path if os.path.isabs(path) else os.path.join(CORPUS, path)
    return key


def findings(draft, original):
    run = subprocess.run(
        [BINARY, "check", draft, "--source", original, "--format", "jsonl", "--fail-on", "error"],
        capture_output=True, text=True, check=False,
    )
    data = open(draft, "rb").read()
    for line in run.stdout.splitlines():
        finding = json.loads(line)
        if finding.get("rule") in RULES:
            start, end = finding["start"]["offset"], finding["end"]["offset"]
            yield finding, data[start:end].decode("utf-8", errors="replace")


def main():
    folder = sys.argv[1]
    packet = sys.argv[sys.argv.index("--packet") + 1] if "--packet" in sys.argv else None
    rows = []
    for number, original in sorted(originals(folder).items()):
        draft = os.path.join(folder, number + ".txt")
        for finding, words in findings(draft, original):
            rows.append((draft, original, finding, words))
            print(f"{number} {finding['rule']} l.{finding['start']['line']}: {words!r} :: {finding['message']}")
    print(f"{len(rows)} findings")
    if packet:
        with open(packet, "w", encoding="utf-8") as out:
            out.write(PACKET_HEAD)
            for n, (draft, original, finding, words) in enumerate(rows, 1):
                out.write(f"## {n}\nrewrite: {os.path.abspath(draft)}\nsource: {os.path.abspath(original)}\n"
                          f"rule: {finding['rule']}\nline: {finding['start']['line']}\nfinding: {words}\n"
                          f"message: {finding['message']}\n\n")


if __name__ == "__main__":
    main()
