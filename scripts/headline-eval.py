#!/usr/bin/env python3
"""The headline tone rules on the training half of the headline set, through `copydesk check`
as a user runs it, cross-validated for the classifier.

  scripts/headline-eval.py [--data ../shared/data/headlines/train.tsv] [--folds 5]
      [--seed 20261203] [--rounds 1] [--binary target/release/copydesk]
      [--case as-is|sentence] [--pack] [--show]

For each fold the classifier's weights are fitted on the other folds with the flags of
scripts/train-clickbait.sh, written into a scratch pack beside a copy of the shipped
`news.tone.clickbait` rule (renamed `fold.clickbait`), and the fold's headlines are checked as
article records (one record a headline, empty body). A headline "has a quotation" when it
holds a pair of quotation marks (straight or curly, double or single) around at least one word.

--case sentence  rewrites every headline in sentence case first (its first letter capital,
                 every other word lower case unless it is all capitals: "NASA", "US"), as
                 edited copy writes headlines; the training set is 99.7% title case.
--pack           runs the whole tone pack (`news.tone.*` and `news.headline.*` from the
                 binary's built-in rules, the fold's classifier in place of the shipped one)
                 and prints what each rule flags, not the classifier alone.

Printed: for bait and for news headlines, with and without a quotation, how many there are and
the share flagged, summed over the rounds; with --pack, each rule's count in each class too. Bait with quotations must be found at the rate of the
rest; news with quotations must be flagged at no higher rate than news without.
"""
import argparse
import json
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path

QUOTED = re.compile(r"[\"“‘'][^\"“”‘’']*\w[^\"“”‘’']*[\"”’']")


def has_quotation(headline):
    # An apostrophe inside a word ("Trump's") is no quotation mark: a mark must open after a
    # space or at the start, and close before a space, punctuation or the end.
    return any(
        (m.start() == 0 or not headline[m.start() - 1].isalnum())
        and (m.end() == len(headline) or not headline[m.end()].isalnum())
        for m in QUOTED.finditer(headline)
    )


def sentence_case(headline):
    words = headline.split(" ")
    out = []
    for i, word in enumerate(words):
        letters = [c for c in word if c.isalpha()]
        shouted = len(letters) >= 2 and all(c.isupper() for c in letters)
        out.append(word if i == 0 or shouted else word.lower())
    return " ".join(out)


def shipped_rule(repo):
    """The `news.tone.clickbait` table of rules/news/tone.toml, as text."""
    text = (repo / "rules/news/tone.toml").read_text()
    start = text.index('[[classifier]]\nid = "news.tone.clickbait"')
    end = text.find("\n[[", start + 1)
    return text[start:] if end < 0 else text[start:end]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="../shared/data/headlines/train.tsv")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=20261203)
    parser.add_argument("--rounds", type=int, default=1,
                        help="repeat the cross-validation with seeds SEED, SEED+1 …, and sum")
    parser.add_argument("--binary", default="target/release/copydesk")
    parser.add_argument("--case", choices=("as-is", "sentence"), default="as-is")
    parser.add_argument("--pack", action="store_true")
    parser.add_argument("--show", action="store_true",
                        help="also list the news headlines with a quotation that were flagged")
    args = parser.parse_args()
    repo = Path(__file__).resolve().parent.parent
    rows = []
    for line in Path(args.data).read_text().splitlines()[1:]:
        label, _, headline = line.partition("\t")
        if headline.strip():
            headline = headline.strip()
            if args.case == "sentence":
                headline = sentence_case(headline)
            rows.append((label, headline))
    rule = shipped_rule(repo).replace('id = "news.tone.clickbait"', 'id = "fold.clickbait"')
    rule_counts = {}
    counts = {}
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        for fold, seed in ((f, args.seed + r) for r in range(args.rounds) for f in range(args.folds)):
            if fold == 0:
                random.Random(seed).shuffle(rows)
            held = [r for i, r in enumerate(rows) if i % args.folds == fold]
            train = [r for i, r in enumerate(rows) if i % args.folds != fold]
            (scratch / "train.tsv").write_text(
                "label\theadline\n" + "".join(f"{l}\t{h}\n" for l, h in train)
            )
            pack = scratch / "pack"
            pack.mkdir(exist_ok=True)
            subprocess.run(
                [args.binary, "train", str(scratch / "train.tsv"),
                 "--vocabulary", str(repo / "rules/words/english.txt"),
                 "--exclude", str(repo / "training/name-words.txt"),
                 "--exclude", str(repo / "training/explainer-words.txt"),
                 "--l2", "1e-5", "--min-count", "3", "--prune", "0.05", "--folds", "2",
                 "--out", str(pack / "clickbait.tsv")],
                check=True, capture_output=True,
            )
            (pack / "tone.toml").write_text(
                '[pack]\nname = "fold"\ndescription = "one fold"\n\n' + rule
            )
            records = scratch / "held.jsonl"
            records.write_text("".join(
                json.dumps({"id": str(i), "headline": h, "body": ""}) + "\n"
                for i, (_, h) in enumerate(held)
            ))
            rules = (["--select", "news.tone", "--select", "news.headline",
                      "--select", "fold.clickbait", "--ignore", "news.tone.clickbait"]
                     if args.pack else ["--no-default-rules", "--select", "fold.clickbait"])
            out = subprocess.run(
                [args.binary, "check", "--isolated", "--quiet", *rules,
                 "--rules", str(pack / "tone.toml"), "--input", "jsonl", "--format", "jsonl",
                 str(records)],
                capture_output=True, text=True,
            )
            if out.returncode not in (0, 1):
                sys.exit(f"copydesk check failed:\n{out.stderr}")
            findings = [json.loads(l) for l in out.stdout.splitlines() if l.strip()]
            flagged = {}
            for f in findings:
                if f.get("field", "headline") != "headline":
                    continue
                flagged.setdefault(f["path"], f["message"])
                label = held[int(f["path"])][0]
                rule_counts[(f["rule"], label)] = rule_counts.get((f["rule"], label), 0) + 1
            for i, (label, headline) in enumerate(held):
                key = (label, has_quotation(headline))
                total, hit = counts.get(key, (0, 0))
                counts[key] = (total + 1, hit + (str(i) in flagged))
                if args.show and label != "clickbait" and key[1] and str(i) in flagged:
                    print(f"flagged news: {headline}\n    {flagged[str(i)]}")
    print(f"{'class':12} {'quotation':10} {'headlines':>9} {'flagged':>8} {'share':>7}")
    for (label, quoted), (total, hit) in sorted(counts.items()):
        print(f"{label:12} {'yes' if quoted else 'no':10} {total:9} {hit:8} {hit / total:7.1%}")
    if args.pack:
        labels = sorted({label for label, _ in counts})
        print()
        print(f"{'rule':40} " + " ".join(f"{l:>10}" for l in labels))
        for rule in sorted({r for r, _ in rule_counts}):
            print(f"{rule:40} " + " ".join(f"{rule_counts.get((rule, l), 0):10}" for l in labels))


if __name__ == "__main__":
    main()
