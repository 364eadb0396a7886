#!/usr/bin/env python3
"""Facts that contradict each other inside one story, planted in real copy with a fixed seed.

Each case takes one article of ../shared/corpus-real (headline, blank line, body) and plants one
contradiction of one type; its control plants the same edit with the fact kept as it was, and
must stay quiet. Every case is checked as a JSONL record, with the story's date from
us_manifest.tsv where the corpus gives one.

  age        "Jane Smith, 46," earlier; a later "Smith said" becomes "Smith, 47, said"
             (control: "Smith, 46, said")
  count      a toll of the dead or injured in the first two paragraphs ("killed 12 people", "12
             dead", "injuring 30"), the story's own (not in a sentence set in another time or
             saying what might have been: "last year", "in 2010", "could have killed"); a later
             paragraph gains "Authorities said 13 people were killed." (or "injured"; one
             fewer for a toll above two; control: 12)
  weekday    "Wednesday, March 15" in a dated story becomes "Thursday, March 15" (control:
             the story as it is)
  title      "Sen. Jane Smith" earlier; a later "Smith said" becomes "Gov. Smith said", an
             office the story gives someone else where it can (control: "Sen. Smith said")
  shares     a sentence of a poll or a vote giving two or more percentages that add up to 85–100
             (one whole's breakdown; not a change, a comparison with another year or shares of
             two groups) has one raised so that they pass 100 by 8 (control: as it is)
  headline   a headline toll ("12 killed", "kills 12") whose body gives the same toll is
             lowered by one (control: as it is)

A case is found when the type's rule reports a finding whose span, or the span of its label
(the other mention), overlaps the planted text. Recall is
per type; a control is quiet when that rule reports nothing there.

  scripts/planted-facts.py [--seed 20261203] [--per-type 60] [--out target/planted-facts.jsonl]
"""
import argparse
import collections
import csv
import json
import random
import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus-real"
RULES = {
    "age": "news.fact.age-changed",
    "count": "news.fact.count-changed",
    "weekday": "news.fact.weekday-mismatch",
    "title": "news.fact.title-changed",
    "shares": "news.fact.shares-exceed-whole",
    "headline": "news.fact.count-changed",
}
WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
         "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
         "nineteen", "twenty"]
NUMBER = r"(\d{1,3}(?:,\d{3})*|" + "|".join(WORDS[2:]) + r")"
QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTH = r"(?:Jan\.|Feb\.|Aug\.|Sept\.|Oct\.|Nov\.|Dec\.|January|February|March|April|May|June|July|August|September|October|November|December)"
TITLES = ["Sen.", "Rep.", "Gov.", "Secretary of State", "Defense Secretary", "Prime Minister",
          "Foreign Minister", "Mayor", "Attorney General", "Vice President"]
TOLLS = {
    "killed": re.compile(r"\b(?:killed|killing) " + NUMBER + r"(?: people| persons)?\b|\b" + NUMBER + r"(?: people| persons)? (?:were |have been )?(?:killed|dead)\b|\b" + NUMBER + r" deaths\b"),
    "injured": re.compile(r"\b(?:injured|injuring|wounded|wounding) " + NUMBER + r"(?: people| persons)?\b|\b" + NUMBER + r"(?: people| persons)? (?:were |have been )?(?:injured|wounded|hurt)\b"),
}
# Words that set a toll in another time, or make it one that might have been.
# A sentence's end: a full stop not after a capital ("U.S. sailors"), or a line break.
SENTENCE_END = re.compile(r"(?<![A-Z])[.!?][”\"]?\s+(?=[A-Z“\"])|\n")
# So do counted events ("3 crashes, 3 deaths"): a sum of several.
BACKGROUND = re.compile(r"\b(?:last|previous|earlier|ago|anniversary|could|would|might|in (?:19|20)\d\d)\b"
                        r"|\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten) (?:\w+ )?(?:crashes|attacks|shootings|blasts|explosions|bombings)\b", re.I)
HEADLINE_TOLL = re.compile(r"\b" + NUMBER + r" (?:killed|dead)\b|\bkills " + NUMBER + r"\b", re.I)


def value(word):
    word = word.lower().replace(",", "")
    return WORDS.index(word) if word in WORDS else int(word)


def outside_quotes(text, start, end):
    return not any(m.start() < end and start < m.end() for m in QUOTED.finditer(text))


def paragraphs(text):
    """(start, end) of each body paragraph (after the headline)."""
    spans, at = [], text.index("\n\n") + 2 if "\n\n" in text else len(text)
    for block in text[at:].split("\n\n"):
        spans.append((at, at + len(block)))
        at += len(block) + 2
    return spans


def plant_age(text, rng):
    for m in re.finditer(r"\b([A-Z][a-z]+) ([A-Z][a-z]+), (\d{2}), ", text):
        surname, age = m.group(2), int(m.group(3))
        later = [x for x in re.finditer(r"(?<![\w.] )(?<=\s)" + surname + r"(?= (?:said|told|says|added)\b)", text[m.end():])]
        later = [x for x in later if outside_quotes(text, m.end() + x.start(), m.end() + x.end())]
        if later and text.count(surname) < 12:
            at = m.end() + rng.choice(later).end()
            changed = age + rng.choice([1, -1])
            return [(at, at, f", {changed},"), (at, at, f", {age},")]
    return None


def plant_count(text, rng):
    body = paragraphs(text)
    # The story's own toll: one in its first two paragraphs.
    lead_end = body[min(1, len(body) - 1)][1] if body else 0
    tolls = sorted(((m, what) for what, toll in TOLLS.items() for m in toll.finditer(text, 0, lead_end)), key=lambda t: t[0].start())
    for m, what in tolls:
        # A bounded toll ("at least 12", "more than 40") is not contradicted by every other.
        bounded = re.search(r"(?:least|than|about|nearly|some|almost|over|around|estimated) $", text[max(0, m.start() - 12):m.start()], re.I)
        if not outside_quotes(text, m.start(), m.end()) or bounded:
            continue
        # The story's own toll, not a past event's or one that might have been ("killed 17 in
        # 2018", "last week's attack that killed 17", "could have killed 150").
        start = max([0] + [e.end() for e in SENTENCE_END.finditer(text, 0, m.start())])
        stop = SENTENCE_END.search(text, m.end())
        if BACKGROUND.search(text[start:stop.start() if stop else len(text)]):
            continue
        number = next(g for g in m.groups() if g)
        count = value(number)
        # "killing two of her children": some of a group, not a toll.
        if text.startswith(" of ", m.end()):
            continue
        later = [p for p in body if p[0] > m.end() and text[p[1] - 1] == "."]
        if not later or count < 2:
            continue
        at = rng.choice(later)[1]
        # The toll's own noun where it names one ("killing 17 students"), else "people".
        noun = re.match(r" ([a-z]+s)\b", text[m.start() + m.group(0).index(number) + len(number):])
        noun = noun.group(1) if noun and noun.group(1) not in ("deaths", "were", "was") else "people"
        # One fewer ("12 in the lead and 11 further down"): one more would agree with an "at
        # least" the story gives the toll elsewhere. A toll of two gains one: never "1 people".
        changed = count - 1 if count > 2 else count + 1
        # A changed toll the story already gives ("six dead … killing five" before the gunman
        # killed himself) would not contradict it.
        stated = {value(next(g for g in t.groups() if g)) for toll in TOLLS.values() for t in toll.finditer(text)}
        if changed in stated:
            continue
        return [(at, at, f" Authorities said {changed:,} {noun} were {what}."),
                (at, at, f" Authorities said {count:,} {noun} were {what}.")]
    return None


def plant_weekday(text, rng):
    for m in re.finditer(r"\b(" + "|".join(WEEKDAYS) + r"),? \(?" + MONTH + r" \d{1,2}\b", text):
        if outside_quotes(text, m.start(), m.end()):
            day = m.group(1)
            shifted = WEEKDAYS[(WEEKDAYS.index(day) + 1) % 7]
            return [(m.start(1), m.end(1), shifted), (m.start(1), m.end(1), day)]
    return None


def plant_title(text, rng):
    found = [(m, title) for title in TITLES for m in re.finditer(r"(?<![\w-] )(?<!former )" + re.escape(title) + r" ([A-Z][a-z]+) ([A-Z][a-z]+)\b", text)]
    found.sort(key=lambda f: f[0].start())
    for m, title in found:
        surname = m.group(2)
        later = [x for x in re.finditer(r"(?<=[a-z,] )" + surname + r"(?= (?:said|told|says|added)\b)", text[m.end():])]
        later = [x for x in later if outside_quotes(text, m.end() + x.start(), m.end() + x.end())]
        if not later or text.count(surname) >= 12:
            continue
        others = [t for t in TITLES if t != title and t in text] or [t for t in TITLES if t != title]
        at = m.end() + rng.choice(later).start()
        return [(at, at, rng.choice(others) + " "), (at, at, title + " ")]
    return None


# Percentages of two times or two groups, which are not one whole's breakdown whatever they add up
# to: a change ("rose to 48% from 38%"), a comparison with another year ("compared with 78% in
# 2016"), shares of two groups ("69% of over-55s compared with 39% of 18 to 24 year olds").
TWO_WHOLES = re.compile(r"\b(?:rose|fell|risen|fallen|dropped|climbed|jumped|slipped|increased|decreased|grew|from \d|compared (?:with|to)\b[^.]*\b(?:19|20)\d\d\b)")


def two_groups(sentence):
    wholes = re.findall(r"\d(?:%| percent| per cent) of (?:the |all )?(\w+)", sentence)
    return len(set(wholes)) > 1


def plant_shares(text, rng):
    for sentence in re.finditer(r"[^.!?\n]*(?:poll|vote|survey|respondents|voters)[^.!?\n]*[.!?]", text):
        if TWO_WHOLES.search(sentence.group(0)) or two_groups(sentence.group(0)):
            continue
        shares = list(re.finditer(r"(?<![\d.])(\d{1,2})(?:%| percent\b| per cent\b)", sentence.group(0)))
        total = sum(int(s.group(1)) for s in shares)
        # Shares that make up nearly all of 100 are one whole's breakdown.
        if len(shares) >= 2 and 85 <= total <= 100:
            share = rng.choice(shares)
            at = sentence.start() + share.start(1)
            raised = int(share.group(1)) + (100 - total) + 8
            return [(at, at + len(share.group(1)), str(raised)), (at, at + len(share.group(1)), share.group(1))]
    return None


def plant_headline(text, rng):
    headline_end = text.find("\n")
    m = HEADLINE_TOLL.search(text[:headline_end])
    if not m:
        return None
    number = next(g for g in m.groups() if g)
    count = value(number)
    body = text[headline_end:]
    if count < 2 or not re.search(r"\b(?:" + re.escape(number) + "|" + str(count) + "|" + WORDS[min(count, 20)] + r")\b", body, re.I):
        return None
    start = m.start() + m.group(0).index(number)
    # One fewer: a headline of more than the body's "at least N" would not contradict it.
    return [(start, start + len(number), str(count - 1)), (start, start + len(number), number)]


PLANTERS = {"age": plant_age, "count": plant_count, "weekday": plant_weekday,
            "title": plant_title, "shares": plant_shares, "headline": plant_headline}


def edit(text, change):
    start, end, replacement = change
    return text[:start] + replacement + text[end:], (start, start + len(replacement) or start + 1)


def record(name, text, dates):
    headline, _, body = text.partition("\n\n")
    rec = {"id": name, "headline": headline, "body": body}
    if dates.get(name):
        rec["date"] = dates[name]
    return rec


def findings(records, rules, keep):
    """The findings of `rules` on `records`, by record id; the records are written to `keep`."""
    keep.parent.mkdir(parents=True, exist_ok=True)
    with open(keep, "w", encoding="utf-8") as f:
        for rec in records:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    command = [str(ROOT / "target/release/copydesk"), "check", "--input", "jsonl", f.name,
               "--format", "json", "-q", "--isolated"]
    for rule in sorted(set(rules)):
        command += ["--select", rule]
    out = subprocess.run(command, capture_output=True, check=False)
    texts = {rec["id"]: rec["headline"] + "\n\n" + rec["body"] for rec in records}
    found = collections.defaultdict(list)
    for d in json.loads(out.stdout)["diagnostics"]:
        at = lambda point: char_offset(texts[d["path"]], point["line"], point["column"])
        # A contradiction names both mentions: the planted one may be either.
        for place in [d] + d.get("labels", []):
            found[d["path"]].append((d["rule"], at(place["start"]), at(place["end"])))
    return found


def char_offset(text, line, column):
    """The character offset of a 1-based line and column (in characters) of `text`."""
    lines = text.split("\n")
    return sum(len(l) + 1 for l in lines[:line - 1]) + column - 1


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed", type=int, default=20261203)
    parser.add_argument("--per-type", type=int, default=60)
    parser.add_argument("--out", type=Path, default=ROOT / "target" / "planted-facts.jsonl",
                        help="where the cases are written as records")
    options = parser.parse_args()
    if not CORPUS.is_dir():
        print(f"skipped: {CORPUS} is not here")
        return
    rng = random.Random(options.seed)
    dates = {row["file"]: row["date"] for row in csv.DictReader(open(CORPUS / "us_manifest.tsv"), delimiter="\t")}
    files = sorted((CORPUS / "us").glob("*.txt")) + sorted((CORPUS / "uk").glob("*.txt"))
    rng.shuffle(files)
    cases = []  # (type, id, span, planted?)
    records = []
    for kind, planter in PLANTERS.items():
        taken = 0
        for path in files:
            if taken == options.per_type:
                break
            text = path.read_text(encoding="utf-8")
            if kind == "weekday" and not dates.get(path.name):
                continue
            changes = planter(text, rng)
            if not changes:
                continue
            taken += 1
            for planted, change in zip((True, False), changes):
                new, span = edit(text, change)
                name = f"{kind}-{'case' if planted else 'control'}-{path.name}"
                records.append(record(name, new, {name: dates.get(path.name)}))
                cases.append((kind, name, span, planted))
    found = findings(records, RULES.values(), options.out)
    tally = collections.defaultdict(lambda: [0, 0, 0, 0])
    for kind, name, (start, end), planted in cases:
        hit = any(rule == RULES[kind] and s < end and start < e for rule, s, e in found[name])
        row = tally[kind]
        if planted:
            row[0] += hit
            row[1] += 1
        else:
            row[2] += not hit
            row[3] += 1
        if planted and not hit or not planted and hit:
            print(f"{'missed' if planted else 'noisy '} {name} at {start}")
    print(f"{'type':<9} {'found':>9} {'recall':>7} {'quiet controls':>15}")
    for kind in PLANTERS:
        f, n, q, m = tally[kind]
        print(f"{kind:<9} {f:>4}/{n:<4} {f / max(n, 1):>7.2f} {q:>8}/{m:<4}")


if __name__ == "__main__":
    main()
