//! The combined matcher: every rule sees its own matches, through whichever matcher holds them.

use super::*;

const WORDS: LiteralOptions = LiteralOptions::whole_words(false);
const EXACT_WORDS: LiteralOptions = LiteralOptions::whole_words(true);
const ANYWHERE: LiteralOptions = LiteralOptions {
    case_sensitive: false,
    whole_word: false,
};

fn hir(pattern: &str) -> Hir {
    regex_syntax::Parser::new().parse(pattern).unwrap()
}

/// A rule whose literals never match the tests' texts, there to make the set large enough
/// for the word table.
const FILLER: usize = usize::MAX;

/// Builds a matcher of `literals` (rule, pattern number, literal, options) and `regexes`
/// (rule, regex; pattern number 0), with enough filler literals that whole-word literals go
/// to the word table, and returns its hits in `text` as (rule, matched text, pattern
/// number).
fn hits<'t>(
    literals: &[(usize, u32, &str, LiteralOptions)],
    regexes: &[(usize, &str)],
    text: &'t str,
) -> Vec<(usize, &'t str, u32)> {
    let mut builder = MatcherBuilder::default();
    for &(rule, pattern, literal, options) in literals {
        builder.add_literal(rule, pattern, literal, options);
    }
    for n in 0..WORD_TABLE_MIN {
        builder.add_literal(FILLER, 0, &format!("zzfiller{n}"), WORDS);
    }
    for &(rule, pattern) in regexes {
        builder.add_regex(rule, 0, hir(pattern));
    }
    let matcher = builder.build().unwrap();
    assert!(!matcher.words.by_first_word.is_empty());
    matcher
        .scan(text)
        .into_iter()
        .filter(|(rule, _)| *rule != FILLER)
        .map(|(rule, hit)| (rule, &text[hit.span.range()], hit.pattern))
        .collect()
}

#[test]
fn a_small_set_of_literals_is_left_to_the_automaton() {
    let mut builder = MatcherBuilder::default();
    builder.add_literal(0, 0, "colour", WORDS);
    let matcher = builder.build().unwrap();
    assert!(matcher.words.by_first_word.is_empty() && matcher.automaton.is_some());
    let found: Vec<Span> = matcher
        .scan("Colour, colours")
        .iter()
        .map(|(_, h)| h.span)
        .collect();
    assert_eq!(found, [Span::new(0, 6)]);
}

#[test]
fn every_rule_sees_its_own_matches() {
    let found = hits(
        &[
            (0, 0, "drone strike", WORDS),
            (1, 0, "strike", WORDS),
            (2, 7, "US", EXACT_WORDS),
        ],
        &[(3, r"\d+")],
        "A US drone Strike hit us; USA strikes 3",
    );
    assert_eq!(
        found,
        [
            (0, "drone Strike", 0),
            (1, "Strike", 0),
            (2, "US", 7),
            (3, "3", 0)
        ]
    );
}

#[test]
fn word_table_matches_whole_words_only() {
    let found = hits(
        &[
            (0, 0, "colour", WORDS),
            (1, 0, "café", WORDS),
            (2, 0, "our", ANYWHERE),
        ],
        &[],
        "Colour-blind colours, the COLOUR’s café, cafés; colour",
    );
    let found: Vec<(usize, &str)> = found.into_iter().map(|(r, m, _)| (r, m)).collect();
    assert_eq!(
        found,
        [
            (0, "Colour"),
            (0, "COLOUR"),
            (0, "colour"),
            (1, "café"),
            (2, "our"),
            (2, "our"),
            (2, "OUR"),
            (2, "our"),
        ]
    );
}

#[test]
fn word_table_matches_literals_longer_than_a_word() {
    let literals = [
        "colour's",
        "iran-backed",
        "kata’ib",
        "ex-vice-president",
        "drone strike",
        "u.s.",
    ];
    let literals: Vec<_> = (0..)
        .zip(literals)
        .map(|(rule, literal)| (rule, 0, literal, WORDS))
        .collect();
    let found = hits(
        &literals,
        &[],
        "The colour's hue; colour'sy; pro-Iran-backed Kata’ib — an ex-vice-president. \
         Drone  strike, drone strikes, DRONE STRIKE; U.S. and u.s.a",
    );
    let found: Vec<(usize, &str)> = found.into_iter().map(|(r, m, _)| (r, m)).collect();
    assert_eq!(
        found,
        [
            (0, "colour's"),
            (1, "Iran-backed"),
            (2, "Kata’ib"),
            (3, "ex-vice-president"),
            (4, "DRONE STRIKE"),
            (5, "U.S."),
            (5, "u.s."),
        ]
    );
}

#[test]
fn a_group_named_match_narrows_a_regex_hit() {
    let found = hits(
        &[],
        &[(0, r", (?<match>officials said)"), (1, r"brutal(ly)?")],
        "It was brutally cold, officials said, officials said.",
    );
    let found: Vec<&str> = found.into_iter().map(|(_, m, _)| m).collect();
    assert_eq!(found, ["officials said", "officials said", "brutally"]);
}

#[test]
fn a_gated_regex_runs_only_over_text_holding_its_gate() {
    let regexes = [(0, r"(?i)\bslammed\b"), (1, r"\bNOT\b"), (2, r"\d+ votes")];
    let found = hits(
        &[],
        &regexes,
        "Critics SLAMMED it; not NOT; 12 votes, 3 Votes",
    );
    let found: Vec<(usize, &str)> = found.into_iter().map(|(r, m, _)| (r, m)).collect();
    assert_eq!(found, [(0, "SLAMMED"), (1, "NOT"), (2, "12 votes")]);
    // The same regexes over text without their literals find nothing, and are not compiled.
    let mut builder = MatcherBuilder::default();
    for (rule, pattern) in regexes {
        builder.add_regex(rule, 0, hir(pattern));
    }
    let matcher = builder.build().unwrap();
    assert!(
        matcher
            .scan("Critics slam it; not now; 12 voters")
            .is_empty()
    );
    let compiled: Vec<bool> = matcher
        .regexes
        .iter()
        .map(|r| r.compiled.get().is_some())
        .collect();
    assert_eq!(compiled, [false; 3]);
}
