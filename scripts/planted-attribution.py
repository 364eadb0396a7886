#!/usr/bin/env python3
"""Recall of the claim rules on stripped attributions, planted in real copy with a fixed seed.

Every sentence of ../shared/corpus-real that states a figure (digits or a number word, not a year)
outside quotation marks and carries an attribution of one of four shapes is a candidate:

  trailing      "…, police said." / "…, according to the ministry."   -> "…."
  leading       "According to police, …"                              -> "…"
  leading-said  "Police said (that) …"                                -> "…"
  middle        "The toll, officials said, rose to 12."               -> "The toll rose to 12."

No hand filtering: a seeded sample of candidates (300 by default) has its attribution removed, one
per article copy, and a case is found when news.unsupported-claim or news.unsourced-figure
(--preview) reports a span inside the stripped sentence. The untouched articles are the control:
the same rules must stay quiet on the original sentences. Shapes are reported apart, and for
one-sentence and longer paragraphs.

  scripts/planted-attribution.py [--seed 20261201] [--count 300]
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
RULES = ["news.unsupported-claim", "news.unsourced-figure"]

FIGURE = re.compile(r"(?<![\w-])\d[\d,.]*|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundreds?|thousands?|millions?|billions?|dozens?)\b", re.I)
YEAR = re.compile(r"^(1[89]|20)\d\d$")
VERB = r"(?:said|says|told (?:reporters|Reuters|The Associated Press|the BBC|[A-Z][\w.]*(?: [A-Z][\w.]*)*)|reported|estimated|added|stated|announced|confirmed)"
WHEN = r"(?: (?:on|late|early|last) [A-Z]?\w+(?: night| morning| afternoon| evening)?| in a (?:statement|report|filing|news release|briefing))*"
TRAILING = re.compile(r",\s+((?:according to [^,.;“”\"]{2,70})|(?:[^,.;“”\"]{2,60}? " + VERB + WHEN + r")|(?:" + VERB + r" [^,.;“”\"]{2,70}))(?=[.]$)")
LEADING = re.compile(r"^According to [^,;“”\"]{2,70}, ")
LEADING_SAID = re.compile(r"^((?:[A-Z][\w’'.-]*|the|a|an|of|[a-z]+)(?: (?:[A-Z][\w’'.-]*|the|of|and|a|[a-z]+)){0,6}) (?:said|says|estimated|reported|announced)" + WHEN + r"(?: that)? (?=[a-zA-Z0-9$£])")
MIDDLE = re.compile(r", ((?:according to [^,.;“”\"]{2,60})|(?:[^,.;“”\"]{2,50}? (?:said|say|says)" + WHEN + r")), ")
CUE = re.compile(r"\b(said|says|say|told|according to|reported|estimated|announced|stated)\b")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"])")


def has_figure(text):
    return any(not YEAR.match(m.group(0)) for m in FIGURE.finditer(text))


def strip(sentence):
    """The sentence without its attribution, and the shape removed; None when it has none."""
    if (m := TRAILING.search(sentence)):
        return sentence[:m.start()] + sentence[m.end():], "trailing"
    if LEADING.match(sentence):
        rest = LEADING.sub("", sentence)
        return rest[0].upper() + rest[1:], "leading"
    if (m := MIDDLE.search(sentence)):
        return sentence[:m.start()] + " " + sentence[m.end():], "middle"
    if (m := LEADING_SAID.match(sentence)):
        rest = sentence[m.end():]
        return rest[0].upper() + rest[1:], "leading-said"
    return None


def candidates():
    for path in sorted(CORPUS.glob("*/*.txt")):
        lines = path.read_text(encoding="utf-8", errors="replace").split("\n")
        for number, line in enumerate(lines):
            if number == 0 or not line.strip():
                continue
            sentences = SENTENCE_END.split(line)
            for sentence in sentences:
                if "“" in sentence or '"' in sentence or not has_figure(sentence):
                    continue
                stripped = strip(sentence)
                if not stripped or CUE.search(stripped[0]) or not has_figure(stripped[0]):
                    continue
                size = "one-sentence" if len(sentences) == 1 else "longer"
                yield path, number, sentence, stripped[0], stripped[1], size


def findings(folder):
    command = [str(ROOT / "target/release/copydesk"), "check", str(folder), "--preview", "--format", "json", "-q", "--isolated"]
    for rule in RULES:
        command += ["--select", rule]
    out = subprocess.run(command, capture_output=True, check=False)
    found = collections.defaultdict(list)
    for d in json.loads(out.stdout)["diagnostics"]:
        found[Path(d["path"]).name].append((d["start"]["offset"], d["end"]["offset"]))
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed", type=int, default=20261201)
    parser.add_argument("--count", type=int, default=300)
    options = parser.parse_args()
    if not CORPUS.is_dir():
        print(f"skipped: {CORPUS} is not here")
        return 0
    pool = list(candidates())
    cases = random.Random(options.seed).sample(pool, min(options.count, len(pool)))
    with tempfile.TemporaryDirectory() as planted_dir, tempfile.TemporaryDirectory() as control_dir:
        spans = []
        for index, (path, number, sentence, stripped, shape, size) in enumerate(cases):
            text = path.read_text(encoding="utf-8", errors="replace")
            lines = text.split("\n")
            at = lines[number].index(sentence)
            line_start = len("\n".join(lines[:number])) + (1 if number else 0)
            original = (line_start + at, line_start + at + len(sentence))
            lines[number] = lines[number][:at] + stripped + lines[number][at + len(sentence):]
            planted = "\n".join(lines)
            name = f"case{index:04}.txt"
            (Path(planted_dir) / name).write_text(planted, encoding="utf-8")
            (Path(control_dir) / name).write_text(text, encoding="utf-8")
            start = len(planted[:line_start + at].encode())
            planted_span = (start, start + len(stripped.encode()))
            control_span = (len(text[:original[0]].encode()), len(text[:original[1]].encode()))
            spans.append((name, shape, size, planted_span, control_span))
        planted, control = findings(planted_dir), findings(control_dir)
    inside = lambda hits, span: any(span[0] <= s and e <= span[1] for s, e in hits)
    tally = collections.Counter()
    for name, shape, size, planted_span, control_span in spans:
        found = inside(planted[name], planted_span)
        for key in (("all",), (shape,), (size,)):
            tally[key + ("cases",)] += 1
            tally[key + ("found",)] += found
        tally[("control", "fired")] += inside(control[name], control_span)
    print(f"# {len(cases)} of {len(pool)} candidate sentences, seed {options.seed}, rules {', '.join(RULES)}")
    for key in ["all", "trailing", "leading", "leading-said", "middle", "one-sentence", "longer"]:
        n = tally[(key, "cases")]
        if n:
            print(f"{key:<13} {tally[(key, 'found')]:>4}/{n:<4} = {tally[(key, 'found')] / n:.3f}")
    print(f"control: the rules fired on {tally[('control', 'fired')]} of {len(cases)} untouched sentences")
    return 0


if __name__ == "__main__":
    sys.exit(main())
