#!/usr/bin/env python3
"""Turns the ReCOVery news collection (reliable vs unreliable outlets, full text) into one
plain-text article per file for copydesk, split into a tune half and a held-out test half.

  scripts/heldout/split.py SOURCE... [--out /work/data/heldout] [--keep-wire] [--min-words 50]

SOURCE is a ReCOVery CSV or a folder walked for them: the per-publisher files
(`reliable/news-dataset_*.csv`, `unreliable/…`) or the merged `recovery-news-data.csv`. Every
row needs `url`, `publisher`, `title`, `body_text` and `reliability` (1 reliable, 0 unreliable).
Where to get them is in scripts/heldout/README.md; the data stays outside the repository.

The article id is its URL. The half is fixed by the id alone, so it does not depend on the
order, the copy or the exclusions: sha256("copydesk-heldout-v1\\n" + url), first 8 hex digits
as a number, even -> tune, odd -> test. Only tune is for tuning rules; test is run once.

Written: OUT/{tune,test}/{reliable,unreliable}/<first 16 hex of the hash>.txt, each the
headline on the first line, a blank line, then the body's paragraphs separated by blank lines
(the form copydesk reads as headline + body), and OUT/manifest.tsv (one row per article:
file, half, class, publisher, words, url) plus OUT/excluded.tsv (what was left out, and why).

Left out, each counted:
  wire      the wire's own copy: publisher Reuters, or a body that opens with a wire
            dateline "(Reuters)" / "(AP)" in its first 300 characters (--keep-wire keeps it);
            copydesk's false-positive corpus is AP/Reuters/BBC, so the reliable side here is
            meant to be other newsrooms' writing
  aggregator  a publisher that links to other outlets' stories rather than writing its own
            (Drudge Report: its 30 rows are MSN, the Washington Post, NBC … copy labelled
            unreliable)
  short     a body under --min-words words (scrapes that caught a cookie notice or a stub)
  duplicate a URL already seen (first row wins; files are read in sorted order)
"""
import argparse
import csv
import hashlib
import re
import sys
from collections import Counter
from pathlib import Path

SALT = "copydesk-heldout-v1\n"
CLASSES = {"1": "reliable", "0": "unreliable"}
WIRE_PUBLISHERS = {"reuters", "associated press", "ap"}
AGGREGATORS = {"drudge report"}
WIRE_DATELINE = re.compile(r"\((?:Reuters|AP)\)")
REQUIRED = ("url", "publisher", "title", "body_text", "reliability")


def article_hash(url):
    return hashlib.sha256((SALT + url).encode("utf-8")).hexdigest()


def half_of(digest):
    return "tune" if int(digest[:8], 16) % 2 == 0 else "test"


def csv_files(sources):
    for source in sources:
        path = Path(source)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*.csv") if "social-media" not in p.name)
        elif path.is_file():
            yield path
        else:
            sys.exit(f"split.py: {source}: no such file or folder")


def rows(paths):
    csv.field_size_limit(sys.maxsize)
    for path in paths:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [name for name in REQUIRED if name not in (reader.fieldnames or [])]
            if missing:
                sys.exit(f"split.py: {path}: no column {', '.join(missing)}")
            for line_row in reader:
                yield path, line_row


def paragraphs(body, title):
    """The body's paragraphs, one line each, without a first paragraph that repeats the title."""
    text = body.replace("\r\n", "\n").replace("\r", "\n")
    paras = [" ".join(p.split()) for p in re.split(r"\n\s*\n|\n", text)]
    paras = [p for p in paras if p]
    if paras and paras[0] == " ".join(title.split()):
        paras = paras[1:]
    return paras


def is_wire(publisher, body):
    return publisher.strip().lower() in WIRE_PUBLISHERS or bool(WIRE_DATELINE.search(body[:300]))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sources", nargs="+", help="ReCOVery CSV files or folders of them")
    parser.add_argument("--out", default="/work/data/heldout", help="where tune/, test/ and the manifest go")
    parser.add_argument("--keep-wire", action="store_true", help="keep Reuters/AP copy on the reliable side")
    parser.add_argument("--min-words", type=int, default=50, help="leave out bodies shorter than this")
    args = parser.parse_args()

    out = Path(args.out)
    for half in ("tune", "test"):
        for cls in CLASSES.values():
            folder = out / half / cls
            folder.mkdir(parents=True, exist_ok=True)
            for old in folder.glob("*.txt"):
                old.unlink()

    seen = set()
    counts = Counter()
    excluded = []
    manifest = []
    for path, row in rows(csv_files(args.sources)):
        url = row["url"].strip()
        cls = CLASSES.get(row["reliability"].strip())
        if cls is None:
            sys.exit(f"split.py: {path}: reliability {row['reliability']!r} is neither 1 nor 0 ({url})")
        title = " ".join(row["title"].split())
        body = row["body_text"] or ""
        paras = paragraphs(body, title)
        words = sum(len(p.split()) for p in paras)
        reason = None
        if url in seen:
            reason = "duplicate"
        elif row["publisher"].strip().lower() in AGGREGATORS:
            reason = "aggregator"
        elif not args.keep_wire and is_wire(row["publisher"], body):
            reason = "wire"
        elif words < args.min_words:
            reason = "short"
        if reason:
            excluded.append((reason, cls, row["publisher"], url))
            counts[(reason, cls)] += 1
            continue
        seen.add(url)
        digest = article_hash(url)
        half = half_of(digest)
        target = out / half / cls / f"{digest[:16]}.txt"
        target.write_text(title + "\n\n" + "\n\n".join(paras) + "\n", encoding="utf-8")
        manifest.append((str(target.relative_to(out)), half, cls, row["publisher"], str(words), url))
        counts[(half, cls)] += 1

    manifest.sort()
    with (out / "manifest.tsv").open("w", encoding="utf-8") as handle:
        handle.write("file\thalf\tclass\tpublisher\twords\turl\n")
        handle.writelines("\t".join(fields) + "\n" for fields in manifest)
    with (out / "excluded.tsv").open("w", encoding="utf-8") as handle:
        handle.write("reason\tclass\tpublisher\turl\n")
        handle.writelines("\t".join(fields) + "\n" for fields in sorted(excluded))

    for key in sorted(counts):
        print(f"{key[0]:10} {key[1]:10} {counts[key]:5}")


if __name__ == "__main__":
    main()
