#!/usr/bin/env python3
"""Drift from the source, planted in real copy with a fixed seed: recall per drift and controls.

Each case takes an article of ../shared/corpus-real as the source (the article as published) and a
draft made from it. A seeded sample of articles (300 by default, us/ and uk/ alike) gives, where the
article allows, one draft per planted drift, each with ONE drift in a sentence that has no
quotation marks:

  attribution-stripped  "…, officials said." -> "…."; "According to police, …" -> "…"
  verb-stronger         "officials said" -> "officials confirmed" (admitted, revealed,
                        acknowledged, conceded, insisted)
  speaker-swapped       "…, Smith said." -> "…, Jones said.", Jones another person named in
                        the story (a full name whose surname the story uses alone)
  hedge-removed         reportedly, allegedly, apparently, possibly, probably dropped; may or
                        might be -> is; may have been -> was; "a suspected/alleged X" -> "a X";
                        "what appeared to be" dropped
  qualifier-removed     "at least 12" -> "12"; more than, nearly, almost, about, around, up to,
                        fewer than, less than, roughly, an estimated … dropped before a figure
  sentence-inserted     a sentence of an article from the other half of the corpus (BBC 2004-05
                        into AP/Reuters 2012-20 and back) appended to a body paragraph

A drift is found when the rule meant for it reports a span overlapping the planted sentence:

  attribution-stripped  grounding.attribution-dropped
  verb-stronger         grounding.attribution-changed
  speaker-swapped       grounding.attribution-changed
  hedge-removed         grounding.hedge-dropped
  qualifier-removed     grounding.qualifier-changed
  sentence-inserted     grounding.unsupported-sentence

Controls, one draft per article each, must draw nothing that appears only with the source:

  self        the article against itself
  faithful    paragraphs after the lead reordered (a quotation running over several paragraphs
              moves as one), one paragraph dropped, "said" -> "says" and "says" -> "said"
  paraphrase  attributions moved to the front ("The plan …, Smith said." -> "Smith said the plan
              …."), small numbers as words and words as numerals, "more than" -> "over", long
              sentences split in two at ", and" / ", but" / ";"

Every draft is one JSON-lines record bringing its source (`check --input jsonl`), so a run is two
calls of the release binary: every record with its source, and the controls again without (a
control's finding counts only when it appears with the source alone). Everything written goes to
--out (default target/drift-plant, which git ignores): the records, the binary's reports and
`report.txt`. The text is the corpus's; keep it out of the repository.

  cargo build --release && scripts/drift-plant.py [--seed 20261202] [--articles 300]

python3 standard library only.
"""
import collections
import json
import re
import subprocess
import sys
from pathlib import Path

import plant_common
from plant_common import CORPUS, ROOT

RULE_FOR = {
    "attribution-stripped": "grounding.attribution-dropped",
    "verb-stronger": "grounding.attribution-changed",
    "speaker-swapped": "grounding.attribution-changed",
    "hedge-removed": "grounding.hedge-dropped",
    "qualifier-removed": "grounding.qualifier-changed",
    "sentence-inserted": "grounding.unsupported-sentence",
}
CONTROLS = ["self", "faithful", "paraphrase"]
NEW_RULES = sorted(set(RULE_FOR.values()))

# --- sentences and quotations -------------------------------------------------------------

ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "st", "sen", "sens", "rep", "reps", "gov", "gen", "lt", "col", "sgt",
    "capt", "jan", "feb", "aug", "sept", "sep", "oct", "nov", "dec", "jr", "sr", "no", "inc",
    "corp", "co", "ltd", "vs", "prof", "rev", "ft", "mt", "u.s", "u.n", "u.k", "d.c", "a.m", "p.m",
    "adm", "cmdr", "supt", "insp", "det", "cpl", "pvt", "maj", "brig", "ave", "blvd", "e.g", "i.e",
}
SENTENCE_END = re.compile(r"[.!?][”\"’']?(?=\s+[“\"‘A-Z0-9])")
QUOTE_MARKS = "“”\""


def sentences(paragraph):
    """(start, end) of each sentence of a paragraph: a split after . ! ? before a capital."""
    spans, start = [], 0
    for m in SENTENCE_END.finditer(paragraph):
        word = re.search(r"(\S+)$", paragraph[start:m.start()])
        token = word.group(1).lower().strip("“\"(") if word else ""
        if paragraph[m.start()] == "." and (token in ABBREVIATIONS or re.fullmatch(r"[a-z]", token)):
            continue
        spans.append((start, m.end()))
        start = m.end()
        while start < len(paragraph) and paragraph[start].isspace():
            start += 1
    if start < len(paragraph):
        spans.append((start, len(paragraph.rstrip())))
    return [(s, e) for s, e in spans if e > s]


def quoted_ranges(paragraph):
    """Character ranges inside quotation marks. A straight mark opens before a word and closes
    after one; a quotation opened again before it closed ran on (a speaker's words over several
    paragraphs joined into one), and one left open runs to the end of the paragraph."""
    ranges, opened = [], None
    for i, c in enumerate(paragraph):
        if c not in QUOTE_MARKS:
            continue
        before = paragraph[i - 1] if i else " "
        after = paragraph[i + 1] if i + 1 < len(paragraph) else " "
        opening = c == "“" or (c == '"' and (before.isspace() or before in "([—-") and not after.isspace())
        if opening:
            if opened is not None:
                ranges.append((opened, i))
            opened = i
        else:
            ranges.append((0 if opened is None else opened, i + 1))
            opened = None
    if opened is not None:
        ranges.append((opened, len(paragraph)))
    return ranges


def outside_quotes(paragraph, start, end):
    return not any(a < end and start < b for a, b in quoted_ranges(paragraph))


def leaves_quote_open(paragraph):
    return paragraph.count("“") > paragraph.count("”") or paragraph.count('"') % 2 == 1


def clean(sentence):
    return not any(mark in sentence for mark in QUOTE_MARKS)


def sub_outside_quotes(pattern, replace, paragraph, count=0):
    """re.sub over the parts of a paragraph outside quotation marks."""
    ranges = quoted_ranges(paragraph)
    out, last, done = [], 0, 0
    for m in pattern.finditer(paragraph):
        if any(a <= m.start() < b for a, b in ranges) or (count and done >= count):
            continue
        new = replace(m)
        if new is None:
            continue
        out.append(paragraph[last:m.start()])
        out.append(new)
        last = m.end()
        done += 1
    out.append(paragraph[last:])
    return "".join(out)


def capitalise(text):
    return text[:1].upper() + text[1:]


# --- the article ----------------------------------------------------------------------------


class Article:
    def __init__(self, path):
        self.path = path
        self.name = f"{path.parent.name}/{path.name}"
        self.text = path.read_text(encoding="utf-8", errors="replace")
        lines = self.text.rstrip("\n").split("\n")
        self.headline = lines[0]
        self.paragraphs = [p for p in "\n".join(lines[1:]).split("\n\n") if p.strip()]
        self.paragraphs = [p.strip("\n") for p in self.paragraphs]

    def candidates(self, skip_lead=False):
        """(paragraph index, start, end) of every sentence without quotation marks."""
        for index, paragraph in enumerate(self.paragraphs):
            if skip_lead and index == 0:
                continue
            for start, end in sentences(paragraph):
                sentence = paragraph[start:end]
                if clean(sentence) and outside_quotes(paragraph, start, end) and len(sentence.split()) >= 5:
                    yield index, start, end


def body(paragraphs):
    return "\n\n".join(paragraphs) + "\n"


def plant(article, index, start, end, new_sentence):
    """The draft's paragraphs with one sentence replaced, and the new sentence's byte range in
    the body."""
    paragraphs = list(article.paragraphs)
    paragraph = paragraphs[index]
    paragraphs[index] = paragraph[:start] + new_sentence + paragraph[end:]
    before = body(paragraphs[:index]) + "\n" if index else ""
    at = len((before + paragraph[:start]).encode())
    return paragraphs, (at, at + len(new_sentence.encode()))


# --- drifts ----------------------------------------------------------------------------------

VERB = r"(?:said|says|told (?:reporters|Reuters|The Associated Press|the BBC|[A-Z][\w.]*(?: [A-Z][\w.]*)*)|reported|estimated|added|stated|announced)"
DAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|weekend|month|year|night|[A-Z][a-z]+ \d{1,2})"
WHEN = r"(?: (?:on|late|early|last|this) " + DAY + r"(?: night| morning| afternoon| evening)?| in a (?:statement|report|filing|news release|briefing))*"
TRAILING = re.compile(r",\s+((?:according to [^,.;]{2,70})|(?:[^,.;]{2,60}? " + VERB + WHEN + r")|(?:(?:said|says) (?:(?:the|a|an) [^,.;]{2,60}|[A-Z][^,.;]{1,50})))(?=[.]$)")
LEADING = re.compile(r"^According to [^,;]{2,70}, ")
LEADING_SAID = re.compile(r"^((?:[A-Z][\w’'.-]*|the|a|an|of)(?: (?:[A-Z][\w’'.-]*|the|of|and|a|[a-z]+)){0,5}) (?:said|says)" + WHEN + r"(?: that)? (?=[a-zA-Z0-9$£])")


def strip_attribution(sentence, rng):
    if (m := TRAILING.search(sentence)):
        return sentence[:m.start()] + sentence[m.end():]
    if LEADING.match(sentence):
        return capitalise(LEADING.sub("", sentence))
    if ((m := LEADING_SAID.match(sentence)) and not re.match(r"(?:He|She|They|It|We|I)\b", sentence)
            and not re.search(r"\b(?:is|be|was|were|to|been)$", m.group(1))):
        return capitalise(sentence[m.end():])
    return None


STRONGER = {
    "said": ["confirmed", "admitted", "revealed", "acknowledged", "conceded", "insisted"],
    "says": ["confirms", "admits", "reveals", "acknowledges", "concedes", "insists"],
}
CUE = re.compile(r"\b(said|says)\b(?! to be\b)")


def attribution_cue(sentence):
    """The said/says of the sentence's attribution, if it has one of the shapes above."""
    for shape in (TRAILING, LEADING_SAID):
        m = shape.search(sentence)
        if m:
            cue = CUE.search(sentence, m.start(), m.end())
            if cue:
                return cue
    return None


def stronger_verb(sentence, rng):
    cue = attribution_cue(sentence)
    if not cue:
        return None
    return sentence[:cue.start()] + rng.choice(STRONGER[cue.group(1)]) + sentence[cue.end():]


NOT_FIRST_NAMES = {
    "The", "A", "An", "In", "On", "At", "But", "And", "As", "When", "While", "After", "Before", "If",
    "It", "This", "That", "He", "She", "They", "We", "His", "Her", "Their", "For", "With", "From",
    "By", "To", "Of", "President", "Prime", "Minister", "Secretary", "Senator", "Sen", "Rep",
    "Governor", "Gov", "Mr", "Mrs", "Ms", "Dr", "General", "Gen", "Chief", "Judge", "Justice",
    "Speaker", "Leader", "Director", "Chairman", "Mayor", "King", "Queen", "Prince", "Lord", "Sir",
    "Lady", "Democrat", "Republican", "Democratic", "North", "South", "East", "West", "New",
    "United", "White", "Supreme", "Attorney", "Vice", "Former", "Foreign", "Home", "Labour",
    "Tory", "Conservative", "Liberal", "Lib", "Dem", "Dems", "US", "UK", "EU", "Last", "First",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
    "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", "Mrs", "St", "Los", "San", "Las", "Hong", "Wall", "Downing",
}
ORGANISATION_WORDS = {
    "House", "Department", "Ministry", "Office", "Police", "Council", "Committee", "Party",
    "Court", "Agency", "Commission", "Bank", "Service", "Group", "Association", "Union", "Board",
    "Reuters", "Press", "News", "Post", "Times", "Journal", "Street", "Kingdom", "States",
    "Nations", "Army", "Force", "Guard", "Command", "Republicans", "Democrats", "Senate",
    "Congress", "Parliament", "Government", "Street", "Minister", "Secretary", "President",
}
FULL_NAME = re.compile(r"\b([A-Z][a-z]+) ((?:Mc|Mac|O’|O')?[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b")
TITLE = r"(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen)\.? )?"


SPEAKS = r"(?:said|says|told|added|wrote|argued|asked|noted|explained)"
HONORIFIC = r"(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|President|Senator|Minister|Secretary|Judge|Coach)\.?"


def people(article):
    """{surname: full name} of people named in full whose surname the story also uses alone,
    as a speaker ("Smith said") or with an honorific ("Mr Smith")."""
    text = "\n".join(article.paragraphs)
    full = {}
    for m in FULL_NAME.finditer(text):
        first, last = m.group(1), m.group(2)
        if first in NOT_FIRST_NAMES or last in ORGANISATION_WORDS or last in NOT_FIRST_NAMES:
            continue
        full.setdefault(last, f"{first} {last}")
    found = {}
    for last, name in full.items():
        alone = re.finditer(rf"(?<![A-Z][a-z]) (?:{TITLE})?{re.escape(last)}\b", text)
        used_alone = any(text[max(0, m.start() - len(name)):m.end()].strip() != name for m in alone)
        speaks = re.search(rf"\b{re.escape(last)} {SPEAKS}\b|\b{SPEAKS} {re.escape(last)}\b|\b{HONORIFIC} {re.escape(last)}\b", text)
        if used_alone and speaks:
            found[last] = name
    return found


def swap_speaker(sentence, rng, named):
    cue = attribution_cue(sentence)
    if not cue or len(named) < 2:
        return None
    for last, name in named.items():
        for written in (name, last):
            pattern = rf"\b{TITLE}{re.escape(written)}(?= {cue.group(1)}\b)|(?<=, {cue.group(1)} ){TITLE}{re.escape(written)}(?=[,.])"
            m = re.search(pattern, sentence)
            if m:
                other = rng.choice(sorted(o for o in named if o != last))
                if other in sentence:
                    return None
                title = re.match(TITLE, m.group(0)).group(0)
                new = title + (named[other] if written == name else other)
                return sentence[:m.start()] + new + sentence[m.end():]
    return None


HEDGES = [
    (re.compile(r",? (?:reportedly|allegedly|apparently|possibly|probably),?(?= )"), lambda m, s: ""),
    (re.compile(r"\b(?:Reportedly|Allegedly|Apparently|Possibly|Probably), (\w)"), lambda m, s: m.group(1).upper()),
    (re.compile(r"\b(?:may|might) have been\b"), lambda m, s: "were" if plural_before(s, m.start()) else "was"),
    (re.compile(r"\b(?:may|might) be\b"), lambda m, s: "are" if plural_before(s, m.start()) else "is"),
    (re.compile(r"\b(?:may|might) have (?=\w+ed\b)"), lambda m, s: ""),
    (re.compile(r"\b(a|an|the|of|two|three|four|five|six|several) (?:suspected|alleged) "), lambda m, s: article_for(m.group(1), s[m.end():]) + " "),
    (re.compile(r"\bwhat (?:appeared|appears) to be "), lambda m, s: ""),
]


def plural_before(sentence, at):
    word = re.search(r"(\w+)\W*$", sentence[:at])
    word = word.group(1).lower() if word else ""
    return word in {"they", "we", "you", "these", "those"} or (word.endswith("s") and not word.endswith(("ss", "us", "is")))


def article_for(word, rest):
    if word.lower() in {"a", "an"}:
        vowel = rest[:1].lower() in "aeiou"
        return ("an" if vowel else "a") if word.islower() else ("An" if vowel else "A")
    return word


def drop_hedge(sentence, rng):
    found = [(pattern, replace, m) for pattern, replace in HEDGES for m in pattern.finditer(sentence)]
    if not found:
        return None
    pattern, replace, m = rng.choice(found)
    return sentence[:m.start()] + replace(m, sentence) + sentence[m.end():]


NUMBER = r"(?:[$£€]?\d|(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|a dozen|dozens|hundreds|thousands|a hundred|a thousand|half)\b)"
QUALIFIER = re.compile(r"\b(?:[Aa]t least|[Mm]ore than|[Nn]early|[Aa]lmost|[Aa]bout|[Aa]round|[Rr]oughly|[Aa]pproximately|[Uu]p to|[Ff]ewer than|[Ll]ess than|[Aa]n estimated|[Ww]ell over|[Jj]ust over|[Jj]ust under) (?=" + NUMBER + ")")


def drop_qualifier(sentence, rng):
    found = list(QUALIFIER.finditer(sentence))
    if not found:
        return None
    m = rng.choice(found)
    rest = sentence[m.end():]
    if m.start() == 0:
        rest = capitalise(rest)
    return sentence[:m.start()] + rest


def insert_sentence(article, donors, rng):
    donor = rng.choice(donors)
    spots = [donor.paragraphs[i][s:e] for i, s, e in donor.candidates(skip_lead=True)]
    spots = [s for s in spots if 10 <= len(s.split()) <= 35 and s.endswith(".")]
    if not spots:
        return None
    inserted = rng.choice(spots)
    index = rng.randrange(len(article.paragraphs))
    paragraph = article.paragraphs[index]
    start = len(paragraph) + 1
    paragraphs = list(article.paragraphs)
    paragraphs[index] = paragraph + " " + inserted
    before = body(paragraphs[:index]) + "\n" if index else ""
    at = len((before + paragraph + " ").encode())
    return paragraphs, (at, at + len(inserted.encode())), inserted


# --- controls ------------------------------------------------------------------------------


def faithful(article, rng):
    """Lead kept, later paragraphs reordered with quotations over several paragraphs kept
    together, one dropped, said and says swapped."""
    units, unit = [], []
    for paragraph in article.paragraphs[1:]:
        unit.append(paragraph)
        if not leaves_quote_open(paragraph):
            units.append(unit)
            unit = []
    if unit:
        units.append(unit)
    rng.shuffle(units)
    if len(units) > 2:
        units.pop(rng.randrange(len(units)))
    flip = re.compile(r"\b(said|says)\b")
    paragraphs = [article.paragraphs[0]] + [p for u in units for p in u]
    return [
        sub_outside_quotes(flip, lambda m: ({"said": "says", "says": "said"}[m.group(1)] if rng.random() < 0.5 else None), p)
        for p in paragraphs
    ]


WORDS = {"2": "two", "3": "three", "4": "four", "5": "five", "6": "six", "7": "seven", "8": "eight", "9": "nine"}
NUMERALS = {w: n for n, w in WORDS.items()}
SMALL_NUMERAL = re.compile(r"(?<![\w.,$£€:/’'-])([2-9])(?![\w.,:%/’'-]| ?[ap]\.m| percent| per cent)")
SMALL_WORD = re.compile(r"(?<![’'-])\b(two|three|four|five|six|seven|eight|nine)\b(?![-’'])")
MONTH = re.compile(r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Aug|Sept|Oct|Nov|Dec|No|Article|Section|Route|Chapter|Level|Category|Stage|Phase|Gate|Terminal)\.? $")
FRONT = re.compile(r"^([A-Z].{20,}?), ((?:[A-Z][\w’'.-]*|the|a|an|two|three|several|some)(?: [\w’'.-]+){0,5}?) (said|says)\.$")
OPENERS = {"The", "A", "An", "It", "This", "That", "There", "These", "Those", "Some", "Many", "Most", "Its", "Their", "His", "Her"}


def front_attribution(sentence):
    m = FRONT.match(sentence)
    if not m or not clean(sentence) or re.match(r"(?:he|she|they|it|we|i)$", m.group(2), re.I):
        return None
    claim, speaker, verb = m.groups()
    first = claim.split()[0]
    if first in OPENERS:
        claim = claim[0].lower() + claim[1:]
    return f"{capitalise(speaker)} {verb} {claim}."


def split_long(sentence):
    if not clean(sentence) or len(sentence.split()) < 30:
        return None
    m = re.search(r", (and|but) (?=[a-z]+ )|; (?=[a-z])", sentence[len(sentence) // 4:])
    if not m:
        return None
    at = len(sentence) // 4 + m.start()
    rest = sentence[len(sentence) // 4 + m.end():]
    if m.group(0).startswith(", but"):
        rest = "but " + rest
    return sentence[:at] + ". " + capitalise(rest)


def paraphrase(article, rng):
    paragraphs = []
    moved = split = 0
    for paragraph in article.paragraphs:
        pieces, last = [], 0
        for start, end in sentences(paragraph):
            sentence = paragraph[start:end]
            new = None
            if moved < 3 and (new := front_attribution(sentence)):
                moved += 1
            elif split < 2 and (new := split_long(sentence)):
                split += 1
            if new:
                pieces += [paragraph[last:start], new]
                last = end
        paragraph = "".join(pieces) + paragraph[last:]
        paragraph = sub_outside_quotes(re.compile(r"(?<![Nn]o )\b([Mm])ore than\b"), lambda m: "over" if m.group(1) == "m" else "Over", paragraph)
        paragraph = sub_outside_quotes(
            SMALL_NUMERAL,
            lambda m: None if MONTH.search(paragraph[max(0, m.start() - 12):m.start()]) else WORDS[m.group(1)],
            paragraph,
        )
        paragraph = sub_outside_quotes(
            SMALL_WORD,
            lambda m: None if m.start() == 0 or paragraph[max(0, m.start() - 2):m.start()] in (". ", "? ") else NUMERALS[m.group(1)],
            paragraph,
        )
        paragraphs.append(paragraph)
    return paragraphs


# --- running the checker ----------------------------------------------------------------------


def record(case_id, article, paragraphs, with_source):
    line = {"id": case_id, "headline": article.headline, "body": body(paragraphs), "format": "txt"}
    if with_source:
        line["sources"] = [{"name": article.name, "text": article.text}]
    return json.dumps(line, ensure_ascii=False)


def run(binary, records_path, report_path):
    command = [str(binary), "check", "--input", "jsonl", str(records_path), "--format", "json",
               "--isolated", "--preview", "-q"]
    out = subprocess.run(command, capture_output=True, check=False)
    if out.returncode not in (0, 1):
        sys.exit(f"{' '.join(command)} exited {out.returncode}: {out.stderr.decode(errors='replace')[:2000]}")
    report_path.write_bytes(out.stdout)
    found = collections.defaultdict(list)
    for d in json.loads(out.stdout)["diagnostics"]:
        found[d["path"]].append(d)
    return found


def body_range(diagnostic):
    start, end = diagnostic["start"], diagnostic["end"]
    if diagnostic.get("field") != "body":
        return None
    return start["field_offset"], end["field_offset"]


def key(diagnostic):
    start, end = diagnostic["start"], diagnostic["end"]
    return diagnostic["rule"], start["offset"], end["offset"]


def main():
    options = plant_common.arguments(__doc__, seed=20261202, articles=300, out="drift-plant").parse_args()
    drawn = plant_common.sample(options)
    if drawn is None:
        return 0
    rng, files, sample = drawn
    donors = {half: [Article(p) for p in rng.sample(files[half], 60)] for half in files}
    options.out.mkdir(parents=True, exist_ok=True)
    cases = []  # (id, type, article, paragraphs, (start, end) in the body, before, after)
    for path in sample:
        article = Article(path)
        if len(article.paragraphs) < 3:
            continue
        spots = list(article.candidates())
        rng.shuffle(spots)
        named = people(article)
        plants = {
            "attribution-stripped": strip_attribution,
            "verb-stronger": stronger_verb,
            "speaker-swapped": lambda s, r: swap_speaker(s, r, named),
            "hedge-removed": drop_hedge,
            "qualifier-removed": drop_qualifier,
        }
        for drift, change in plants.items():
            for index, start, end in spots:
                before = article.paragraphs[index][start:end]
                after = change(before, rng)
                if after and after != before:
                    paragraphs, span = plant(article, index, start, end, after)
                    cases.append((f"{drift}/{article.name}", drift, article, paragraphs, span, before, after))
                    break
        other = donors["uk" if path.parent.name == "us" else "us"]
        if (inserted := insert_sentence(article, other, rng)):
            paragraphs, span, sentence = inserted
            cases.append((f"sentence-inserted/{article.name}", "sentence-inserted", article, paragraphs, span, "", sentence))
        cases.append((f"self/{article.name}", "self", article, article.paragraphs, None, "", ""))
        cases.append((f"faithful/{article.name}", "faithful", article, faithful(article, rng), None, "", ""))
        cases.append((f"paraphrase/{article.name}", "paraphrase", article, paraphrase(article, rng), None, "", ""))

    with_source = options.out / "records.jsonl"
    without_source = options.out / "controls-without-source.jsonl"
    with_source.write_text("\n".join(record(c[0], c[2], c[3], True) for c in cases) + "\n", encoding="utf-8")
    without_source.write_text(
        "\n".join(record(c[0], c[2], c[3], False) for c in cases if c[1] in CONTROLS) + "\n", encoding="utf-8")
    (options.out / "planted.tsv").write_text(
        "".join(f"{c[0]}\t{c[4][0]}\t{c[4][1]}\t{c[5]}\t{c[6]}\n" for c in cases if c[1] in RULE_FOR), encoding="utf-8")
    found = run(options.binary, with_source, options.out / "report.json")
    alone = run(options.binary, without_source, options.out / "report-without-source.json")

    lines = [f"# drift planted in {len(sample)} articles of corpus-real, seed {options.seed}", "",
             "## recall: the rule meant for the drift reports a span overlapping the planted sentence", ""]
    other_rules = collections.defaultdict(collections.Counter)
    missed = []
    for drift, rule in RULE_FOR.items():
        mine = [c for c in cases if c[1] == drift]
        hits = 0
        for case_id, _, _, _, (start, end), before, after in mine:
            overlapping = [d for d in found.get(case_id, []) if (r := body_range(d)) and r[0] < end and start < r[1]]
            if any(d["rule"] == rule for d in overlapping):
                hits += 1
            else:
                missed.append(f"{drift}\t{case_id}\t{before}\t{after}")
            for d in overlapping:
                other_rules[drift][d["rule"]] += 1
        share = hits / len(mine) if mine else 0
        lines.append(f"{drift:<22} {rule:<32} {hits:>4}/{len(mine):<4} = {share:.3f}")
    lines += ["", "## controls: share of articles drawing a finding that appears only with the source", ""]
    for control in CONTROLS:
        mine = [c for c in cases if c[1] == control]
        drawing, by_rule = 0, collections.Counter()
        for case_id, *_ in mine:
            before = {key(d) for d in alone.get(case_id, [])}
            only = [d for d in found.get(case_id, []) if key(d) not in before]
            drawing += bool(only)
            for rule in {d["rule"] for d in only}:
                by_rule[rule] += 1
        rules = ", ".join(f"{r} {n}" for r, n in by_rule.most_common())
        lines.append(f"{control:<11} {drawing:>4}/{len(mine):<4} = {drawing / max(1, len(mine)):.3f}   {rules}")
        for rule in NEW_RULES:
            n = by_rule[rule]
            lines.append(f"    {rule:<32} {n:>4}/{len(mine):<4} = {n / max(1, len(mine)):.3f}")
    lines += ["", "## every rule reporting a span overlapping the planted sentence", ""]
    for drift, counts in other_rules.items():
        lines.append(f"{drift:<22} " + ", ".join(f"{r} {n}" for r, n in counts.most_common()))
    report = "\n".join(lines) + "\n"
    (options.out / "report.txt").write_text(report, encoding="utf-8")
    (options.out / "missed.tsv").write_text("\n".join(missed) + "\n", encoding="utf-8")
    print(report, end="")
    print(f"(records, reports and missed cases in {options.out})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
