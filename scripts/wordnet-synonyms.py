#!/usr/bin/env python3
"""Word groups for alignment's synonyms, from Open English WordNet.

Reads the YAML source of Open English WordNet (https://github.com/globalwordnet/english-wordnet,
CC BY 4.0, derived from Princeton WordNet under the WordNet License) and prints one group a line:
the single lower-case words that share a synset, each counting only its first SENSES senses in
WordNet's order (its commonest meanings), so "tell" meets "distinguish" only where that is a
common sense of both. Groups of one word are left out.

Usage: scripts/wordnet-synonyms.py WORDNET_REPO > target/wordnet-groups.txt
then:  cargo run --release --example synonym-stems < target/wordnet-groups.txt > data/synonyms.txt
(the example stems each word with the stemmer alignment uses, so the two always agree).
"""
import collections
import glob
import os
import re
import sys

import yaml

SENSES = 2
WORD = re.compile(r"^[a-z][a-z-]*[a-z]$")


def main():
    repo = sys.argv[1]
    members = collections.defaultdict(set)
    for path in sorted(glob.glob(os.path.join(repo, "src", "yaml", "entries-*.yaml"))):
        with open(path, encoding="utf-8") as f:
            entries = yaml.load(f, Loader=yaml.CSafeLoader)
        for lemma, by_pos in entries.items():
            lemma = str(lemma)
            if not WORD.match(lemma):
                continue
            for pos, entry in by_pos.items():
                for sense in (entry.get("sense") or [])[:SENSES]:
                    members[sense["synset"]].add(lemma)
    groups = sorted({tuple(sorted(words)) for words in members.values() if len(words) > 1})
    for group in groups:
        print(" ".join(group))


if __name__ == "__main__":
    main()
