#!/usr/bin/env python3
"""How often the shapes of issue 26, and the words of each list in /work/data/wordlists, occur in
the writer's own voice (outside quotation marks) on reliable against unreliable articles of one
half of the split. A signal check for whoever builds the rules: it says which shapes and which
lists separate the classes on this set, not what a rule should flag.

  scripts/heldout/shapes.py --split /work/data/heldout/tune \\
      [--wordlists /work/data/wordlists] [--dictionary /work/main/rules/words/english.txt]

The patterns below are this script's own, written from the issue's examples; each is printed
with its counts so a reader sees what was counted. Text inside “…”, "…" or ‘…’ is removed
before matching (a quotation is someone else's voice). A list's entries match as whole words,
case-insensitively; `%` lines and `[section]` headers are skipped.
"""
import argparse
import re
import sys
from collections import Counter
from pathlib import Path

CLASSES = ("reliable", "unreliable")
QUOTED = re.compile(r"“[^”]*”|\"[^\"\n]*\"|‘[^’]*’")
SHAPES = {
    "vague attribution": [
        r"\b(?:experts?|critics|scientists|researchers|observers|analysts|sources|many|some|others|people|insiders)\s+(?:say|said|believe|believed|claim|claimed|warn|think|agree|suggest)\b",
        r"\bit is (?:widely |now |also )?(?:rumou?red|believed|said|thought|claimed|alleged|known|feared)\b",
        r"\b(?:studies|research|reports|evidence|science) (?:shows?|suggests?|has shown|have shown|proves?|says)\b",
        r"\bconfirmed by (?:other |multiple |several )?sources\b",
        r"\bsome (?:people )?(?:are|have been) saying\b",
        r"\bmany (?:people |americans )?(?:believe|think|feel)\b",
    ],
    "certainty booster": [
        r"\bprov(?:ed|es|en) that\b",
        r"\b(?:a |the )?proven\b",
        r"\bundeniabl[ey]\b|\bindisputabl[ey]\b|\bundoubtedly\b|\bunquestionabl[ey]\b",
        r"\bthere (?:is|can be) no (?:doubt|question)\b|\bwithout (?:a|any) doubt\b",
        r"\beveryone knows\b|\bthe (?:simple )?truth is\b|\bthe fact is\b",
        r"\bnever,? ever\b",
    ],
    "clearly/obviously/finally (wire-common)": [r"\bclearly\b|\bobviously\b|\bfinally\b|\bof course\b"],
    "blame or count with no one": [
        r"\b(?:has|have|had) been blamed for\b",
        r"\b(?:is|are|was|were) (?:said|believed|thought|rumou?red|reported) to\b",
        r"\b(?:is|are|was|were|has been|have been) (?:directly )?linked to\b",
    ],
    "label judging a person": [
        r"\b(?:proven |convicted )?(?:crooks?|traitors?|thugs?|liars?|criminals?|idiots?|morons?|lunatics?|scum|fraudsters?|globalists?)\b",
    ],
    "exclamation in body": [r"!"],
    "question in body": [r"\?(?=\s|$)"],
    "loaded word in body": [
        r"\bshocking(?:ly)?\b|\bdisgrace(?:ful)?\b|\bshameful\b|\boutrageous\b|\bdisgusting\b|\bblast(?:s|ed)\b|\bslam(?:s|med)\b|\bhorrifying\b|\bevil\b|\bdevastating\b",
    ],
}
HEADLINE_LOADED = re.compile(SHAPES["loaded word in body"][0] + r"|!|\bcrooks?\b|\btraitors?\b|\bthugs?\b|\bliars?\b", re.I)
CAPS_WORD = re.compile(r"\b[A-Z]{4,}\b")


def own_voice(text):
    return QUOTED.sub(" ", text)


def read_list(path):
    entries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("%", 1)[0].strip()
        if line and not line.startswith("["):
            entries.append(line.split("\t", 1)[0])
    return entries


def list_pattern(entries):
    words = sorted({e.lower() for e in entries if re.fullmatch(r"[\w' -]+", e)}, key=len, reverse=True)
    return re.compile(r"(?<![\w'])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w'])", re.I)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", required=True, type=Path)
    parser.add_argument("--wordlists", type=Path, default=Path("/work/data/wordlists"))
    parser.add_argument("--dictionary", type=Path, default=Path("/work/main/rules/words/english.txt"),
                        help="lower-case words, one a line: a word in capitals counts only if it is one of them")
    args = parser.parse_args()

    dictionary = set(args.dictionary.read_text(encoding="utf-8").split()) if args.dictionary.is_file() else None
    if dictionary is None:
        sys.exit(f"shapes.py: {args.dictionary}: no dictionary (needed to tell shouting from acronyms)")
    lists = {}
    for path in sorted(args.wordlists.rglob("*.txt")):
        if path.name == "vader_lexicon.txt":
            continue
        lists[f"list {path.parent.name}/{path.stem}"] = list_pattern(read_list(path))
    compiled = {name: [re.compile(p, re.I) for p in patterns] for name, patterns in SHAPES.items()}

    counts = {cls: Counter() for cls in CLASSES}
    articles = {cls: Counter() for cls in CLASSES}
    totals = {cls: Counter() for cls in CLASSES}
    for cls in CLASSES:
        for path in sorted((args.split / cls).glob("*.txt")):
            headline, _, body = path.read_text(encoding="utf-8").partition("\n")
            text = own_voice(body)
            totals[cls]["articles"] += 1
            totals[cls]["words"] += len(body.split())
            found = Counter()
            for name, patterns in compiled.items():
                found[name] = sum(len(p.findall(text)) for p in patterns)
            found["capitals in body (dictionary word)"] = sum(
                1 for w in CAPS_WORD.findall(text) if w.lower() in dictionary
            )
            found["loaded word or ! in headline"] = len(HEADLINE_LOADED.findall(headline))
            for name, pattern in lists.items():
                found[name] = len(pattern.findall(text))
            counts[cls].update(found)
            articles[cls].update(name for name, n in found.items() if n)

    rel, unrel = totals["reliable"], totals["unreliable"]
    print(f"split {args.split}: reliable {rel['articles']} articles {rel['words']} words;"
          f" unreliable {unrel['articles']} articles {unrel['words']} words (whitespace words of the body)")
    print(f"\n{'shape or list':44} {'rel/art':>8} {'unr/art':>8} {'ratio':>6} {'rel/kw':>7} {'unr/kw':>7} {'ratio':>6} {'rel%art':>7} {'unr%art':>7}")
    for name in list(compiled) + ["capitals in body (dictionary word)", "loaded word or ! in headline"] + list(lists):
        r_art = counts["reliable"][name] / rel["articles"]
        u_art = counts["unreliable"][name] / unrel["articles"]
        r_kw = 1000 * counts["reliable"][name] / rel["words"]
        u_kw = 1000 * counts["unreliable"][name] / unrel["words"]
        ratio_art = u_art / r_art if r_art else float("inf")
        ratio_kw = u_kw / r_kw if r_kw else float("inf")
        print(f"{name[:44]:44} {r_art:8.3f} {u_art:8.3f} {ratio_art:6.2f} {r_kw:7.3f} {u_kw:7.3f} {ratio_kw:6.2f}"
              f" {100 * articles['reliable'][name] / rel['articles']:7.1f} {100 * articles['unreliable'][name] / unrel['articles']:7.1f}")


if __name__ == "__main__":
    main()
