#!/usr/bin/env python3
"""Country names and demonyms, one word a line, for telling speakers apart.

Reads `countries.json` of mledoze/countries (https://github.com/mledoze/countries, Open Database
License) and prints `word<TAB>code` for every word that names one country on its own: the
common and official names and spellings of one word ("China", "Britain" from "Great Britain"
when no other country's names have it), the English demonyms ("Chinese", "British"), and the
few short codes wire copy writes for a country ("US", "U.S.", "UK"). A word that two
countries' names share goes to the one that is a member of the United Nations ("Chinese" to
China, not Hong Kong; "American" to the United States, not American Samoa); one that two
members share ("Guinea", "Korea") is left out, and so are words every kind of name uses
("United", "Republic").

Usage: scripts/country-names.py COUNTRIES_JSON > data/countries/names.tsv
(`fetch github:mledoze/countries`, then `git show HEAD:countries.json` in its mirror.)
"""
import collections
import json
import re
import sys

# Codes written for a country in running text; every other code of two or three letters is a
# word too ("IT", "AD", "CAN").
CODES = {"US", "USA", "UK", "UAE", "PRC", "DRC"}
# Words of many countries' names, which name none of them alone.
GENERIC = {
    "and", "of", "the", "united", "republic", "kingdom", "states", "state", "islands", "island",
    "democratic", "federal", "federation", "people's", "peoples", "union", "commonwealth",
    "plurinational", "socialist", "arab", "islamic", "principality", "grand", "duchy",
    "territory", "territories", "sultanate", "emirates", "coast", "saint", "sint", "st",
    "great", "north", "south", "east", "west", "northern", "southern", "central", "new",
    "french", "british", "american", "dutch", "caribbean", "outlying", "minor", "heard",
    "mcdonald", "collectivity", "overseas", "department", "region", "special", "administrative",
    "autonomous", "independent", "free", "associated", "co-operative", "cooperative", "bailiwick",
    "sovereign", "military", "order", "holy", "see", "city", "lao", "da", "island", "islander",
    "islas", "isle", "isles", "lands", "group", "most", "nation", "country", "peace", "former",
    "ocean", "pleasant", "western", "oriental", "confederation", "federated", "federative",
    "independen", "serene", "asociado", "estado", "estados", "libre", "principat", "royaume",
    "cape", "cook", "christmas", "heard", "howland", "baker",
}
WORD = re.compile(r"^[A-Za-z][A-Za-z'.-]*$")


def demonyms(country):
    """A country's English demonyms: "British"."""
    eng = country.get("demonyms", {}).get("eng", {})
    return [d for d in (eng.get("f"), eng.get("m")) if d]


def forms(country):
    """Every English form of a country's name: names, spellings, demonyms."""
    name = country["name"]
    out = [name["common"], name["official"]]
    out += [s for s in country.get("altSpellings", []) if s.isascii()]
    return [f for f in out if f] + demonyms(country)


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        countries = json.load(f)
    owners = collections.defaultdict(set)
    members = {c["cca2"] for c in countries if c.get("unMember")}
    for country in countries:
        code = country["cca2"]
        for form in forms(country):
            if form.isupper() and len(form) <= 3:
                if form in CODES:
                    owners[form.lower()].add(code)
                    owners[".".join(form.lower()) + "."].add(code)
                continue
            words = form.split()
            if len(words) == 1:
                demonym = form in demonyms(country)
                if WORD.match(form) and (demonym or form.lower() not in GENERIC):
                    owners[form.lower()].add(code)
                continue
            for word in words:
                if WORD.match(word) and len(word) >= 4 and word[0].isupper():
                    if word.lower() not in GENERIC:
                        owners[word.lower()].add(code)
    for word in sorted(owners):
        codes = owners[word]
        if len(codes) > 1:
            codes = codes & members
        if len(codes) == 1:
            print(f"{word}\t{next(iter(codes))}")


if __name__ == "__main__":
    main()
