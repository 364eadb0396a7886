#!/usr/bin/env python3
"""How often copydesk's rules fire on reliable against unreliable articles of one half of the
held-out split (scripts/heldout/split.py): per rule, and for a group of rules, the findings per
article and per 1,000 words in each class, and the ratio unreliable / reliable of both.

  scripts/heldout/rates.py --split /work/data/heldout/tune \\
      [--binary /work/main/target/release/copydesk] [--rules 'news.claim.*,news.voice.*'] \\
      [--preview] [--limit N] [--by-publisher] [--json OUT.json]

--split   a half: a folder holding reliable/ and unreliable/ article files
--rules   comma-separated globs over rule ids (fnmatch: `*` matches dots too); the group's
          figures are printed after the per-rule table. Repeatable; each is its own group.
--preview also run preview rules (passed to copydesk check)
--limit   only the first N files of each class, in name order (to check the script on the
          test half without reading its results)
--by-publisher  the group's findings per article for each publisher (from the split's
          manifest.tsv, one folder up), to see whether one outlet carries a ratio

copydesk runs with --isolated (no configuration file applies) and --format json; the words are
copydesk's own count (`check --statistics --format json`), the same count its per-1,000-word
figures elsewhere use. An article that copydesk could not read is reported and stops the run.
"""
import argparse
import fnmatch
import json
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

CLASSES = ("reliable", "unreliable")


def run_copydesk(binary, paths, extra, statistics):
    command = [binary, "check", "--isolated", "--quiet", "--format", "json", *extra]
    if statistics:
        command.append("--statistics")
    completed = subprocess.run(command + [str(p) for p in paths], capture_output=True, text=True)
    if completed.returncode not in (0, 1):
        sys.exit(f"rates.py: {' '.join(command)} … exited {completed.returncode}:\n{completed.stderr}")
    report = json.loads(completed.stdout)
    errors = [e for e in report.get("errors", []) if e.get("error", True)]
    if errors:
        sys.exit(f"rates.py: copydesk could not check {len(errors)} files, first: {errors[0]}")
    return report


def class_figures(binary, folder, limit, extra):
    files = sorted(folder.glob("*.txt"))
    if not files:
        sys.exit(f"rates.py: {folder}: no article files")
    if limit:
        files = files[:limit]
    inputs = files if limit else [folder]
    stats = run_copydesk(binary, inputs, extra, statistics=True)
    if stats["articles"] != len(files):
        sys.exit(f"rates.py: {folder}: copydesk checked {stats['articles']} articles of {len(files)}")
    findings = run_copydesk(binary, inputs, extra, statistics=False)["diagnostics"]
    per_rule = Counter(d["rule"] for d in findings)
    if sum(per_rule.values()) != stats["findings"]:
        sys.exit(f"rates.py: {folder}: the findings ({sum(per_rule.values())}) and the statistics ({stats['findings']}) disagree")
    return {
        "articles": len(files),
        "words": stats["words"],
        "per_rule": per_rule,
        "paths": [(Path(d["path"]).name, d["rule"]) for d in findings],
    }


def rates(count, figures):
    per_article = count / figures["articles"]
    per_kwords = 1000 * count / figures["words"] if figures["words"] else 0.0
    return per_article, per_kwords


def ratio(unreliable, reliable):
    if reliable == 0:
        return float("inf") if unreliable else float("nan")
    return unreliable / reliable


def row(name, counts, by_class):
    rel = rates(counts["reliable"], by_class["reliable"])
    unrel = rates(counts["unreliable"], by_class["unreliable"])
    return {
        "name": name,
        "reliable": {"findings": counts["reliable"], "per_article": rel[0], "per_1000_words": rel[1]},
        "unreliable": {"findings": counts["unreliable"], "per_article": unrel[0], "per_1000_words": unrel[1]},
        "ratio_per_article": ratio(unrel[0], rel[0]),
        "ratio_per_word": ratio(unrel[1], rel[1]),
    }


def print_row(r, width):
    rel, unrel = r["reliable"], r["unreliable"]
    print(
        f"{r['name']:{width}} {rel['findings']:6} {unrel['findings']:6}"
        f" {rel['per_article']:8.3f} {unrel['per_article']:8.3f} {r['ratio_per_article']:7.2f}"
        f" {rel['per_1000_words']:8.3f} {unrel['per_1000_words']:8.3f} {r['ratio_per_word']:7.2f}"
    )


def matches(rule, globs):
    return any(fnmatch.fnmatchcase(rule, g) for g in globs)


def publisher_table(split, by_class, globs):
    manifest = split.parent / "manifest.tsv"
    if not manifest.is_file():
        sys.exit(f"rates.py: --by-publisher needs {manifest}")
    publisher = {}
    with manifest.open(encoding="utf-8") as handle:
        next(handle)
        for line in handle:
            fields = line.rstrip("\n").split("\t")
            publisher[Path(fields[0]).name] = (fields[2], fields[3])
    articles = Counter()
    findings = Counter()
    for cls in CLASSES:
        files = sorted((split / cls).glob("*.txt"))[: by_class[cls]["articles"]]
        articles.update(publisher[f.name] for f in files)
        findings.update(publisher[name] for name, rule in by_class[cls]["paths"] if matches(rule, globs))
    print(f"\n{'class':10} {'publisher':32} {'articles':>8} {'findings':>8} {'/article':>8}")
    for key in sorted(articles, key=lambda k: (k[0], -findings[k] / articles[k])):
        print(f"{key[0]:10} {key[1][:32]:32} {articles[key]:8} {findings[key]:8} {findings[key] / articles[key]:8.3f}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", required=True, type=Path, help="a half: folder with reliable/ and unreliable/")
    parser.add_argument("--binary", default="/work/main/target/release/copydesk")
    parser.add_argument("--rules", action="append", default=[], help="comma-separated rule-id globs: one group")
    parser.add_argument("--preview", action="store_true", help="also run preview rules")
    parser.add_argument("--limit", type=int, default=0, help="only the first N files of each class")
    parser.add_argument("--by-publisher", action="store_true", help="the groups' rate per publisher")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()

    extra = ["--preview"] if args.preview else []
    by_class = {cls: class_figures(args.binary, args.split / cls, args.limit, extra) for cls in CLASSES}
    print(f"split {args.split}" + (f" (first {args.limit} files a class)" if args.limit else ""))
    for cls in CLASSES:
        f = by_class[cls]
        print(f"  {cls:10} {f['articles']:5} articles, {f['words']:8} words, {f['words'] / f['articles']:6.0f} words/article")

    rules = sorted(set(by_class["reliable"]["per_rule"]) | set(by_class["unreliable"]["per_rule"]))
    table = [row(rule, {cls: by_class[cls]["per_rule"][rule] for cls in CLASSES}, by_class) for rule in rules]
    groups = [[g.strip() for g in spec.split(",") if g.strip()] for spec in args.rules]
    group_rows = []
    for globs in [["*"]] + groups:
        counts = {cls: sum(n for rule, n in by_class[cls]["per_rule"].items() if matches(rule, globs)) for cls in CLASSES}
        group_rows.append(row("group " + ",".join(globs), counts, by_class))

    width = max([len(r["name"]) for r in table + group_rows] + [4])
    print(
        f"\n{'rule':{width}} {'rel':>6} {'unrel':>6} {'rel/art':>8} {'unr/art':>8} {'ratio':>7}"
        f" {'rel/kw':>8} {'unr/kw':>8} {'ratio':>7}"
    )
    for r in table:
        print_row(r, width)
    print()
    for r in group_rows:
        print_row(r, width)
    if args.by_publisher:
        for globs in groups or [["*"]]:
            print(f"\ngroup {','.join(globs)}:", end="")
            publisher_table(args.split, by_class, globs)

    if args.json:
        summary = {cls: {"articles": by_class[cls]["articles"], "words": by_class[cls]["words"]} for cls in CLASSES}
        document = {"split": str(args.split), "limit": args.limit, "preview": args.preview, "classes": summary,
                    "rules": table, "groups": group_rows}
        args.json.write_text(json.dumps(document, indent=2, default=str) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
