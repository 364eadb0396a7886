#!/usr/bin/env python3
"""Changed figures against a source, planted in real copy with a fixed seed.

Each case takes an article of ../shared/corpus-real as the source and a copy of it as the draft,
with one figure of a body paragraph (outside quotation marks) changed. Shapes, drawn in turn:

  number    "400 homes"            -> "401 homes"
  compound  "a 46-year-old", "12-state", "Under-21" -> the number inside changed
  tally     "18-15", "53-48"       -> the second number changed
  year      "in 2019"              -> "in 2018"

The new figure is the first of n+1, n+2, n-1 … that the source does not contain, so that the
change cannot be mistaken for another figure of the source. A case is found when
grounding.changed-figure reports a span covering the changed figure and labels the original
figure in the source. Quiet cases rewrite a figure without changing it — "12" as "twelve", "$1.5
billion" as "$1,500 million" — and must draw no figure finding there.

  scripts/planted-figures.py [--seed 20261201] [--count 240]
"""
import argparse
import collections
import json
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus-real"
SHAPES = {
    "number": re.compile(r"(?<![\w.,$£€-])(\d{2,4})(?= [a-z]{3,})"),
    "compound": re.compile(r"(?<![\w.,-])(\d{1,3})(?=-(?:year|month|week|day|state|member|point|foot|mile|seat|game|page|story|hour)\b)|(?<=\bUnder-)(\d{2})\b"),
    "tally": re.compile(r"(?<![\w.,-])\d{1,3}-(\d{1,3})(?![\w-])"),
    "year": re.compile(r"(?<=\bin )((?:19|20)\d\d)\b(?![\w-])"),
}
WORDS = {"2": "two", "3": "three", "4": "four", "5": "five", "6": "six", "7": "seven", "8": "eight", "9": "nine", "10": "ten", "11": "eleven", "12": "twelve"}
QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")


def outside_quotes(line, start):
    return not any(m.start() <= start < m.end() for m in QUOTED.finditer(line))


def places(shape, lines):
    """Every (line, start, end) of `shape` in the body, outside quotations."""
    for number, line in enumerate(lines):
        if number < 2 or not line.strip():
            continue
        for m in SHAPES[shape].finditer(line):
            group = next(g for g in range(1, (m.lastindex or 0) + 1) if m.group(g))
            if outside_quotes(line, m.start(group)):
                yield number, m.start(group), m.end(group)


def changed(value, text):
    n = int(value)
    for step in (1, 2, -1, 3, -2, 4, 5):
        new = str(n + step)
        if len(new) == len(value) and not re.search(rf"(?<![\d.,]){new}(?![\d])", text):
            return new
    return None


def check(folder, sources, rules):
    found = collections.defaultdict(list)
    for name, source in sources.items():
        command = [str(ROOT / "target/release/copydesk"), "check", str(folder / name), "--source", str(source),
                   "--format", "json", "-q", "--isolated"]
        for rule in rules:
            command += ["--select", rule]
        out = subprocess.run(command, capture_output=True, check=False)
        found[name] = json.loads(out.stdout)["diagnostics"]
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed", type=int, default=20261201)
    parser.add_argument("--count", type=int, default=240)
    options = parser.parse_args()
    if not CORPUS.is_dir():
        print(f"skipped: {CORPUS} is not here")
        return 0
    rng = random.Random(options.seed)
    files = sorted(CORPUS.glob("*/*.txt"))
    rng.shuffle(files)
    cases, quiet = [], []
    shapes = list(SHAPES)
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        for path in files:
            if len(cases) >= options.count and len(quiet) >= options.count // 4:
                break
            text = path.read_text(encoding="utf-8", errors="replace")
            lines = text.split("\n")
            shape = shapes[len(cases) % len(shapes)]
            spots = list(places(shape, lines))
            if spots and len(cases) < options.count:
                number, start, end = rng.choice(spots)
                new = changed(lines[number][start:end], text)
                if new:
                    draft = lines[:]
                    draft[number] = draft[number][:start] + new + draft[number][end:]
                    name = f"case{len(cases):04}.txt"
                    (work / name).write_text("\n".join(draft), encoding="utf-8")
                    at = len("\n".join(lines[:number])) + 1 + start
                    cases.append((name, path, shape, len("\n".join(draft)[:at].encode()), len(text[:at].encode())))
            small = [(n, m.start(1), m.end(1)) for n, line in enumerate(lines) if n >= 2
                     for m in re.finditer(r"(?<![\w.,$-])(\d{1,2}) (?=[a-z]{3,})", line)
                     if m.group(1) in WORDS and outside_quotes(line, m.start(1))]
            if small and len(quiet) < options.count // 4:
                number, start, end = rng.choice(small)
                draft = lines[:]
                draft[number] = draft[number][:start] + WORDS[lines[number][start:end]] + draft[number][end:]
                name = f"quiet{len(quiet):04}.txt"
                (work / name).write_text("\n".join(draft), encoding="utf-8")
                at = len("\n".join(lines[:number])) + 1 + start
                quiet.append((name, path, len("\n".join(draft)[:at].encode())))
        # One scaled rewrite in our own words.
        (work / "scaled-source.txt").write_text("Source\n\nThe port will cost $1.5 billion to rebuild.\n", encoding="utf-8")
        (work / "quiet-scaled.txt").write_text("Draft\n\nThe port will cost $1,500 million to rebuild.\n", encoding="utf-8")
        quiet.append(("quiet-scaled.txt", work / "scaled-source.txt", len("Draft\n\nThe port will cost $".encode())))
        found = check(work, {name: source for name, source, *_ in cases}, ["grounding.changed-figure"])
        found_quiet = check(work, {name: source for name, source, _ in quiet}, ["grounding.changed-figure", "grounding.not-in-sources"])
    tally = collections.Counter()
    for name, source, shape, at, source_at in cases:
        hit = any(
            d["start"]["offset"] <= at < d["end"]["offset"]
            and any(label["start"]["offset"] <= source_at < label["end"]["offset"] for label in d["labels"])
            for d in found[name]
        )
        for key in ("all", shape):
            tally[(key, "cases")] += 1
            tally[(key, "found")] += hit
    noisy = sum(any(d["start"]["offset"] <= at < d["end"]["offset"] for d in found_quiet[name]) for name, _, at in quiet)
    print(f"# {len(cases)} changed figures, seed {options.seed}")
    for key in ["all", *shapes]:
        n = tally[(key, "cases")]
        if n:
            print(f"{key:<9} {tally[(key, 'found')]:>4}/{n:<4} = {tally[(key, 'found')] / n:.3f}")
    print(f"quiet: {noisy} of {len(quiet)} figures rewritten without a change drew a finding")
    return 0


if __name__ == "__main__":
    sys.exit(main())
