#!/usr/bin/env python3
"""Plants one defect in each of many real articles from ../shared/corpus-real and measures
how many copydesk finds (recall), with a fixed seed and no hand filtering.

Sets (each at least 200 cases, inside and outside quotations as the text falls):
  doubled   a word of a paragraph written twice ("the the")          -> typo.doubled-word
  glued     the space before a capitalised word removed ("SenateIt",
            "said.The")                                              -> paste.glued-words
  spelling  a word of the article's spelling system swapped for the
            other system's form, in an article with at least two
            words of its own system                                  -> spelling.us-uk-mix

A defect counts as found when a finding of its rule overlaps the planted span. The clean
articles' rate (findings per 1,000 words) is printed beside, for the false-alarm side.

  scripts/planted.py [--seed 20261201] [--cases 300] [--binary target/release/copydesk]
"""
import argparse
import json
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus-real"
RULES = {"doubled": "typo.doubled-word", "glued": "paste.glued-words", "spelling": "spelling.us-uk-mix"}


def articles():
    return sorted(CORPUS.glob("us/*.txt")) + sorted(CORPUS.glob("uk/*.txt"))


def in_quote(text, at):
    """Whether byte-ish position `at` of a paragraph lies inside double quotation marks."""
    before = text[:at]
    return (before.count("“") > before.count("”")) or before.count('"') % 2 == 1


def doubling_allowed():
    """Words the built-in rule lets double, because English does ("had had", "that that")."""
    core = (ROOT / "rules" / "core.toml").read_text()
    block = core[core.index("allow = [", core.index("[[repetition]]")):]
    return set(re.findall(r'"([a-z]+)"', block[: block.index("]")]))


ALLOWED = doubling_allowed()


def plant_doubled(text, rng):
    """A word doubled: any lower-case word of the body but those English may double and those
    inside a hyphenated or apostrophed word ("cross-border", "it's")."""
    body = text.index("\n\n") + 2
    words = [m for m in re.finditer(r"(?<![-’'\w])[a-z]{2,}(?![-’'\w])", text[body:])
             if m.group(0) not in ALLOWED]
    if not words:
        return None
    m = rng.choice(words)
    start = body + m.start()
    word = m.group(0)
    new = text[:start] + word + " " + text[start:]
    return new, (start, start + 2 * len(word) + 1)


def plant_glued(text, rng):
    """A lost space or line break, in one of three shapes chosen at random: after a full stop
    ("said.The"), with the full stop lost too ("SenateIt"), or between a lower-case word and a
    capitalised one inside a sentence ("theSenate")."""
    body = text.index("\n\n") + 2
    shape = rng.choice(["stop", "stop-lost", "inside"])
    if shape == "inside":
        pattern = r"(?<=\b[a-z]{3})(?<=[a-z]) (?=[A-Z][a-z]+\b)"
    else:
        # A sentence end inside a paragraph, or a paragraph break.
        pattern = r"(?<=[a-z]{2}\.)(?: |\n\n)(?=[A-Z][a-z]+\b)"
    spots = [m for m in re.finditer(pattern, text[body:])]
    if not spots:
        return None
    m = rng.choice(spots)
    at, end = body + m.start(), body + m.end()
    if shape == "stop-lost":
        at -= 1
    new = text[:at] + text[end:]
    left = re.search(r"\S+$", new[:at]).start()
    right = re.match(r"\S+", new[at:]).end()
    return new, (left, at + right)


def ignored_forms():
    """The US forms the built-in spelling rule ignores (standard in both systems)."""
    core = (ROOT / "rules" / "core.toml").read_text()
    block = core[core.index("ignore = [", core.index("[[spelling-system]]")):]
    return set(re.findall(r'"([a-z]+)"', block[: block.index("]")]))


def load_pairs():
    ignored = ignored_forms()
    pairs = {}
    for line in (ROOT / "rules" / "spelling" / "us-uk-common.tsv").read_text().splitlines():
        if line.startswith("#") or "\t" not in line:
            continue
        us, uk = line.split("\t")[:2]
        if us in ignored:
            continue
        pairs[us] = ("us", uk)
        pairs[uk] = ("uk", us)
    return pairs


def plant_spelling(text, rng, pairs):
    body = text.index("\n\n") + 2
    found = [m for m in re.finditer(r"\b[a-z]+\b", text[body:]) if m.group(0) in pairs]
    systems = [pairs[m.group(0)][0] for m in found]
    if len(found) < 3:
        return None
    us = systems.count("us")
    uk = systems.count("uk")
    if us == uk:
        return None
    own = "us" if us > uk else "uk"
    if max(us, uk) < 3:
        return None
    m = rng.choice([m for m in found if pairs[m.group(0)][0] == own])
    start = body + m.start()
    other = pairs[m.group(0)][1]
    new = text[:start] + other + text[start + len(m.group(0)):]
    return new, (start, start + len(other.encode()) )


def byte_span(text, span):
    start, end = span
    return len(text[:start].encode()), len(text[:end].encode())


def run(binary, folder):
    out = subprocess.run([binary, "check", str(folder), "--format", "json", "-q", "--isolated"],
                         capture_output=True, check=False)
    return json.loads(out.stdout)["diagnostics"]


def measure(kind, binary, seed, cases, pairs):
    rng = random.Random(f"{seed}-{kind}")
    paths = articles()
    rng.shuffle(paths)
    planted = {}
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        for path in paths:
            if len(planted) >= cases:
                break
            text = path.read_text()
            result = {
                "doubled": lambda: plant_doubled(text, rng),
                "glued": lambda: plant_glued(text, rng),
                "spelling": lambda: plant_spelling(text, rng, pairs),
            }[kind]()
            if result is None:
                continue
            new, span = result
            name = f"{len(planted):04d}-{path.name}"
            (folder / name).write_text(new)
            quoted = in_quote(new[: span[0]].rsplit("\n", 1)[-1], len(new[: span[0]].rsplit("\n", 1)[-1]))
            planted[name] = (byte_span(new, span), quoted, new[span[0]:span[1]])
        findings = run(binary, folder)
    rule = RULES[kind]
    hits = {}
    for d in findings:
        if d["rule"] != rule:
            continue
        name = Path(d["path"]).name
        start, end = planted[name][0]
        if d["start"]["offset"] < end and start < d["end"]["offset"]:
            hits[name] = True
    total = len(planted)
    quoted = [n for n, (_, q, _) in planted.items() if q]
    found = sum(1 for n in planted if n in hits)
    found_quoted = sum(1 for n in quoted if n in hits)
    print(f"{kind:<9} {found}/{total} found = {found / total:.3f}   "
          f"(inside quotations {found_quoted}/{len(quoted)}, outside {found - found_quoted}/{total - len(quoted)})")
    return [f"{n}: {planted[n][2]!r}" for n in planted if n not in hits]


def clean_rate(binary):
    out = subprocess.run([binary, "check", str(CORPUS / "us"), str(CORPUS / "uk"), "--statistics", "--format", "json",
                          "-q", "--isolated"], capture_output=True, check=False)
    stats = json.loads(out.stdout)
    wanted = {r["rule"]: r["per_1000_words"] for r in stats["rules"] if r["rule"] in RULES.values()}
    print("clean articles, per 1,000 words: " + ", ".join(f"{k} {v:.4f}" for k, v in sorted(wanted.items())))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed", type=int, default=20261201)
    parser.add_argument("--cases", type=int, default=300)
    parser.add_argument("--binary", default=str(ROOT / "target" / "release" / "copydesk"))
    parser.add_argument("--show-misses", action="store_true")
    options = parser.parse_args()
    if not CORPUS.is_dir():
        print(f"skipped: {CORPUS} is not here")
        return 0
    pairs = load_pairs()
    for kind in RULES:
        missed = measure(kind, options.binary, options.seed, options.cases, pairs)
        if options.show_misses:
            for name in missed[:40]:
                print("   missed", name)
    clean_rate(options.binary)
    return 0


if __name__ == "__main__":
    sys.exit(main())
