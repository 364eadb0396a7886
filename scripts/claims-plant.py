#!/usr/bin/env python3
"""Unsupported claims and editorial voice, planted in real copy with a fixed seed: recall per
shape, and the same articles untouched as controls.

A seeded sample of ../shared/corpus-real articles (200 by default, us/ and uk/ alike) gives, where
the article allows, one draft per shape, each with ONE defect in a body paragraph after the lede,
in a sentence with no quotation marks and no verb of saying, or as a new sentence after one. The
sentence must be in the reporter's own voice, as the rules' `unattributed` gate defines it (see
the README): not after a sentence of its paragraph with a verb of saying, calling or believing
(BBC copy runs reported speech on, "He said …. It was …"), and with no report named in the
sentence before it, the rest of its paragraph or the next paragraph ("… reported", "according to
…", "told …"). `--any-sentence` drops that condition, to show what the gate costs.

  booster      a sentence opened with certainty: "The truth is that the …", "Everyone knows
               that the …", "Make no mistake: the …", "It is an undeniable fact that the …",
               "The simple truth is that the …"
  vague        a sentence opened with a claim vouched for by no one: "It is rumored that the …",
               "Many believe that the …", "Studies show that the …", "Reports suggest that
               the …"; or "reportedly" after its first "is", "has", "was" or "will"
  agentless    a sentence after it that blames or claims with no one behind it ("It has been
               blamed for …", "It is said to …", "It is alleged to …")
  label        a sentence after it that labels people ("Those in charge are crooks."), in a
               story that names no conviction (one that does covers the label, by design)
  exclamation  the sentence's full stop turned into an exclamation mark
  capitals     "not" in the sentence set in capitals, or "NOT" added after its first "is"
  judging      a judging word before the sentence's first noun after "the" ("the disgraceful …")

The words planted are this script's own. A defect is found when the rule meant for it reports a
span overlapping the planted words:

  booster news.claim.booster · vague news.claim.vague · agentless news.claim.agentless ·
  label news.claim.label · exclamation news.voice.exclamation · capitals news.voice.capitals ·
  judging news.voice.judging

Controls: every sampled article untouched. A control "fires" when any news.claim.* or
news.voice.* rule reports on it (these are the rules' false alarms on edited copy, also counted
in the README's corpus-real figures).

  scripts/claims-plant.py [--seed 20261203] [--articles 200] [--out target/claims-plant]
"""
import json
import re
import subprocess
import sys
from pathlib import Path

import plant_common

RULES = {
    "booster": "news.claim.booster",
    "vague": "news.claim.vague",
    "agentless": "news.claim.agentless",
    "label": "news.claim.label",
    "exclamation": "news.voice.exclamation",
    "capitals": "news.voice.capitals",
    "judging": "news.voice.judging",
}
CUES = re.compile(
    r"\b(?:said|says|say|saying|told|tells|according|reported|reportedly|reports|added|adds|asked|"
    r"wrote|writes|tweeted|stated|declared|explained|called|calls|call|calling|believes?|believed|"
    r"thinks?|thought|feels?|felt|considers?|considered|fears?|feared|regards?|regarded|deems?|"
    r"deemed|claimed|claims|alleged|alleges|accused|accuses|described|describes|branded|dubbed|"
    r"termed|labell?ed|denounced|condemned|critici[sz]ed|praised|hailed|argued|argues|warned|"
    r"warns|insisted|insists|contended|maintained|acknowledged|admitted|conceded|suggested|"
    r"suggests|noted|estimated|estimates|predicted|predicts|testified|replied|responded|"
    r"wondered|announced|denied|expects?)\b",
    re.I,
)
QUOTES = re.compile(r"[\"“”‘’]|'\w")
SOURCED = re.compile(
    r"\b(?:reported|reports|report|according|told|newspapers?|magazine|tabloid)\b",
    re.I,
)
BOOSTERS = ["The truth is that the", "Everyone knows that the", "Make no mistake: the",
            "It is an undeniable fact that the", "The simple truth is that the"]
VAGUE = ["It is rumored that the", "Many believe that the", "Studies show that the",
         "Reports suggest that the"]
AGENTLESS = ["It has been blamed for the delays.", "It is said to have cost far more than planned.",
             "It is alleged to have hidden the losses.", "They are said to be unhappy with the outcome."]
LABELS = ["Those in charge are crooks.", "The men behind it are thugs.",
          "Its founder is a proven liar.", "Its organisers are traitors to the town."]
CONVICTION = re.compile(r"convicted|pleaded guilty|pled guilty|found guilty|conviction", re.I)
JUDGING = ["disgraceful", "despicable", "shameful", "outrageous", "pathetic"]


def sentences(paragraph):
    """(start, end) of each sentence of a paragraph: split after . ! ? before a capital."""
    spans, start = [], 0
    for match in re.finditer(r"[.!?](?=\s+[A-Z])", paragraph):
        spans.append((start, match.end()))
        start = match.end()
        while start < len(paragraph) and paragraph[start].isspace():
            start += 1
    spans.append((start, len(paragraph)))
    return spans


def spots(text, rng, any_sentence):
    """Plain reporting sentences in body paragraphs after the lede: (start, end) in the text."""
    found = []
    offset = 0
    paragraphs = text.split("\n\n")
    for index, paragraph in enumerate(paragraphs):
        if index >= 2 and len(paragraph.split()) >= 20:
            spans = sentences(paragraph)
            following = paragraphs[index + 1] if index + 1 < len(paragraphs) else ""
            preceding = paragraphs[index - 1]
            for at, (start, end) in enumerate(spans):
                sentence = paragraph[start:end]
                words = len(sentence.split())
                previous = paragraph[slice(*spans[at - 1])] if at else ""
                before = previous or preceding[slice(*sentences(preceding)[-1])]
                after = paragraph[end:] + " " + following
                own_voice = any_sentence or not (
                    CUES.search(previous) or SOURCED.search(before) or SOURCED.search(after))
                if (sentence.startswith("The ") and sentence.endswith(".") and 10 <= words <= 40
                        and not CUES.search(sentence) and not QUOTES.search(sentence) and own_voice):
                    found.append((offset + start, offset + end))
        offset += len(paragraph) + 2
    rng.shuffle(found)
    return found


def plant(shape, sentence, rng):
    """The sentence with the defect, and the planted words (to find in the result), or None."""
    body = sentence[len("The "):]
    if shape == "booster":
        opener = rng.choice(BOOSTERS)
        return f"{opener} {body}", opener.rsplit(" ", 1)[0]
    if shape == "vague":
        if rng.random() < 0.3:
            match = re.search(r"\b(is|has|was|will) ", sentence)
            if match:
                return sentence[:match.end()] + "reportedly " + sentence[match.end():], "reportedly"
        opener = rng.choice(VAGUE)
        return f"{opener} {body}", opener.rsplit(" ", 2)[0]
    if shape == "agentless":
        added = rng.choice(AGENTLESS)
        return f"{sentence} {added}", added
    if shape == "label":
        added = rng.choice(LABELS)
        return f"{sentence} {added}", added
    if shape == "exclamation":
        return sentence[:-1] + "!", "!"
    if shape == "capitals":
        if re.search(r"\bnot\b", sentence):
            return re.sub(r"\bnot\b", "NOT", sentence, count=1), "NOT"
        match = re.search(r"\b(is|are|was|were|will|has|have) ", sentence)
        if not match:
            return None
        return sentence[:match.end()] + "NOT " + sentence[match.end():], "NOT"
    if shape == "judging":
        word = rng.choice(JUDGING)
        match = re.search(r"\bthe (?=[a-z])", sentence[4:])
        if not match:
            return None
        at = 4 + match.end()
        return sentence[:at] + word + " " + sentence[at:], word
    raise ValueError(shape)


def run(binary, folder):
    # The claim and voice rules are preview rules (see the README).
    command = [str(binary), "check", "--isolated", "--preview", "--quiet", "--format", "json", str(folder)]
    completed = subprocess.run(command, capture_output=True, text=True)
    if completed.returncode not in (0, 1):
        sys.exit(f"claims-plant.py: {' '.join(command)} exited {completed.returncode}:\n{completed.stderr}")
    return json.loads(completed.stdout)["diagnostics"]


def main():
    parser = plant_common.arguments(__doc__, seed=20261203, articles=200, out="claims-plant")
    parser.add_argument("--any-sentence", action="store_true",
                        help="plant next to attribution too (what the unattributed gate costs)")
    options = parser.parse_args()
    drawn = plant_common.sample(options)
    if drawn is None:
        return 0
    rng, _, sample = drawn
    planted, controls = options.out / "planted", options.out / "controls"
    for folder in (planted, controls):
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob("*.txt"):
            old.unlink()
    cases = {}  # file name -> (shape, start, end) of the planted words
    for path in sample:
        text = path.read_text(encoding="utf-8")
        (controls / path.name).write_text(text, encoding="utf-8")
        candidates = spots(text, rng, options.any_sentence)
        convicted = CONVICTION.search(text)
        for index, shape in enumerate(RULES):
            if not candidates:
                break
            if shape == "label" and convicted:
                continue
            start, end = candidates[index % len(candidates)]
            result = plant(shape, text[start:end], rng)
            if result is None:
                continue
            sentence, words = result
            at = start + sentence.index(words)
            name = f"{path.stem}--{shape}.txt"
            (planted / name).write_text(text[:start] + sentence + text[end:], encoding="utf-8")
            cases[name] = (shape, len(text[:at].encode()), len(text[:at].encode()) + len(words.encode()))
    found = {shape: [0, 0] for shape in RULES}
    for diagnostic in run(options.binary, planted):
        name = Path(diagnostic["path"]).name
        shape, start, end = cases.get(name, (None, 0, 0))
        if shape and diagnostic["rule"] == RULES[shape]:
            if diagnostic["start"]["offset"] < end and diagnostic["end"]["offset"] > start:
                cases[name] = (shape, -1, -1)  # found: counted once
                found[shape][0] += 1
    for shape, _, _ in cases.values():
        found[shape][1] += 1
    # Cases marked found have start -1; the others were missed.
    print(f"seed {options.seed}, {len(sample)} articles, {len(cases)} planted drafts")
    print(f"{'shape':<12} {'rule':<24} {'found':>5} {'of':>4} {'recall':>7}")
    for shape, (hit, total) in found.items():
        recall = hit / total if total else float("nan")
        print(f"{shape:<12} {RULES[shape]:<24} {hit:>5} {total:>4} {recall:>7.3f}")
    missed = sorted(name for name, (shape, start, _) in cases.items() if start >= 0)
    if missed:
        print(f"missed ({len(missed)}): " + ", ".join(missed[:12]) + (" …" if len(missed) > 12 else ""))
    alarms = [d for d in run(options.binary, controls) if d["rule"].startswith(("news.claim.", "news.voice."))]
    fired = sorted({Path(d["path"]).name for d in alarms})
    print(f"controls: {len(fired)} of {len(sample)} untouched articles draw a claim or voice finding ({len(alarms)} findings)")
    for d in alarms:
        print(f"  {Path(d['path']).name}: {d['rule']}: {d['message']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
