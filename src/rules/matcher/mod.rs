//! Compile once, match once: every rule's literals and regexes go into three combined
//! matchers, each run once over an article's text.
//!
//! - Whole-word literals made of letters and digits, with at most one inner apostrophe or
//!   hyphen ("colour", "slammed", "colour's", "Iran-backed"), sit in one hash table, looked up
//!   once per word of the text (and once per pair of words joined by an apostrophe or hyphen). Building it costs next to nothing, so a
//!   10,000-word list loads as fast as a 10-word one and a one-article run pays no start-up
//!   for the US/UK spelling list.
//! - Every other literal ("drone strike", "e-mail", "ALSO READ|") sits in one Aho-Corasick
//!   automaton reporting overlapping matches.
//! - Regexes sit behind one multi-pattern regex that says which of them can match the text;
//!   only those run, each compiled on first use.
//!
//! Literals fold ASCII case, so every rule sees all of its own matches whatever other rules
//! hold; a rule that wants exact case has its matches compared byte for byte.

use crate::article::text::is_word_char;
use crate::span::Span;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex_automata::meta::{self, Regex};
use regex_automata::{Input, PatternID, PatternSet};
use regex_syntax::hir::Hir;

use std::ops::Range;
use std::sync::OnceLock;
use word_table::WordTable;

mod hit;
mod word_table;

pub use hit::{Hit, leftmost_longest};

/// How a literal must match.
#[derive(Debug, Clone, Copy)]
pub struct LiteralOptions {
    pub case_sensitive: bool,
    /// No letter or digit may touch the match on either side (where the literal itself starts
    /// or ends with one).
    pub whole_word: bool,
}

impl LiteralOptions {
    /// Whole words, with or without exact case: what word lists in packs mean.
    pub const fn whole_words(case_sensitive: bool) -> Self {
        Self {
            case_sensitive,
            whole_word: true,
        }
    }
}

struct Registration {
    rule: usize,
    pattern: u32,
    /// The literal as written, when it must match with exact case.
    exact: Option<Box<str>>,
    whole_word: bool,
}

/// The fewest whole-word literals for which the word table beats the automaton alone.
const WORD_TABLE_MIN: usize = 64;

/// The most memory the combined regex's lazy DFA may hold, in bytes.
const REGEX_SET_CACHE: usize = 64 << 20;

/// The group a pattern may name to narrow its hit to part of the match.
const MATCH_GROUP: &str = "match";

#[derive(Default)]
pub struct MatcherBuilder {
    /// Folded literal → its number, in the order literals were first added.
    literals: foldhash::HashMap<String, u32>,
    registrations: Vec<(u32, Registration)>,
    regexes: Vec<RuleRegex>,
}

impl MatcherBuilder {
    pub fn add_literal(
        &mut self,
        rule: usize,
        pattern: u32,
        literal: &str,
        options: LiteralOptions,
    ) {
        let next = u32::try_from(self.literals.len()).unwrap_or(u32::MAX);
        let index = *self
            .literals
            .entry(literal.to_ascii_lowercase())
            .or_insert(next);
        self.registrations.push((
            index,
            Registration {
                rule,
                pattern,
                exact: options.case_sensitive.then(|| literal.into()),
                whole_word: options.whole_word,
            },
        ));
    }

    /// Adds a regex, already checked by the pack compiler (see `Compiler::regex`).
    pub fn add_regex(&mut self, rule: usize, pattern: u32, hir: Hir) {
        self.regexes.push(RuleRegex {
            rule,
            pattern,
            hir,
            compiled: OnceLock::new(),
        });
    }

    pub fn build(self) -> Result<Matcher, String> {
        let mut literals = vec![String::new(); self.literals.len()];
        for (literal, index) in self.literals {
            literals[index as usize] = literal;
        }
        let mut registrations = self.registrations;
        registrations.sort_by_key(|(index, _)| *index);
        let mut ranges = Vec::with_capacity(literals.len());
        let mut at = 0;
        for index in 0..literals.len() {
            let start = at;
            while registrations
                .get(at)
                .is_some_and(|(i, _)| *i as usize == index)
            {
                at += 1;
            }
            ranges.push(start..at);
        }
        let registrations: Vec<Registration> = registrations.into_iter().map(|(_, r)| r).collect();

        // A literal that may match inside a word, or starts with punctuation, is left to the
        // automaton; so are all literals of a small set, which the automaton's prefilter skips
        // through faster than a lookup per word.
        let whole_words_only = |index: usize| {
            registrations[ranges[index].clone()]
                .iter()
                .all(|r| r.whole_word)
        };
        let table_worth_it = (0..literals.len())
            .filter(|&i| whole_words_only(i))
            .nth(WORD_TABLE_MIN - 1)
            .is_some();
        let (words, others) =
            WordTable::new(&literals, |index| table_worth_it && whole_words_only(index));
        let automaton = if others.is_empty() {
            None
        } else {
            Some(
                AhoCorasickBuilder::new()
                    .ascii_case_insensitive(true)
                    .match_kind(MatchKind::Standard)
                    .build(others.iter().map(|&i| &literals[i as usize]))
                    .map_err(|e| format!("cannot build the literal matcher: {e}"))?,
            )
        };
        // Every pattern passed the pack compiler's size limit, so the set, their union, needs
        // no limit of its own. It has no prefilter of the patterns' literals: finding them
        // costs time that grows with the square of the number of patterns (a pack of 10,000
        // took a minute to load), and with the built-in pack's it saved nothing over
        // corpus-real/uk (4,449 against 4,448 million instructions) but cost 2.9 million at
        // every start. The lazy DFA of thousands of patterns needs room for its states,
        // or it keeps clearing them and falls back to a slower engine (the same pack took 89 s
        // to check 200 KB); the room is taken only as states are made.
        let hirs: Vec<&Hir> = self.regexes.iter().map(|r| &r.hir).collect();
        let regex_set = Regex::builder()
            .configure(
                meta::Config::new()
                    .match_kind(regex_automata::MatchKind::All)
                    .utf8_empty(true)
                    .which_captures(regex_automata::nfa::thompson::WhichCaptures::None)
                    .nfa_size_limit(None)
                    .auto_prefilter(false)
                    .hybrid_cache_capacity(REGEX_SET_CACHE),
            )
            .build_many_from_hir(&hirs)
            .map_err(|e| format!("cannot build the regex set: {e}"))?;
        Ok(Matcher {
            words,
            automaton,
            automaton_literals: others,
            literals,
            ranges,
            registrations,
            regex_set,
            regexes: self.regexes,
        })
    }
}

/// One rule's regex: checked when its pack was loaded, compiled the first time the combined
/// set says it can match.
struct RuleRegex {
    rule: usize,
    pattern: u32,
    hir: Hir,
    compiled: OnceLock<Option<Regex>>,
}

impl RuleRegex {
    /// The compiled regex. `None` cannot happen in practice: the pack compiler built the same
    /// pattern under a size limit already, and nothing else can fail for a parsed pattern.
    fn get(&self) -> Option<&Regex> {
        self.compiled
            .get_or_init(|| {
                Regex::builder()
                    .configure(meta::Config::new().nfa_size_limit(None))
                    .build_from_hir(&self.hir)
                    .ok()
            })
            .as_ref()
    }
}

pub struct Matcher {
    words: WordTable,
    automaton: Option<AhoCorasick>,
    /// The literal number of each pattern of the automaton.
    automaton_literals: Vec<u32>,
    /// Every literal, ASCII-lower-cased, once.
    literals: Vec<String>,
    /// Each literal's registrations, as a range of `registrations`.
    ranges: Vec<Range<usize>>,
    registrations: Vec<Registration>,
    regex_set: Regex,
    regexes: Vec<RuleRegex>,
}

impl Matcher {
    /// Every literal of every rule, ASCII-lower-cased, once each (`copydesk rules --literals`).
    pub fn literals(&self) -> &[String] {
        &self.literals
    }

    /// Every match of every rule in `text`, as `(rule, hit)`, sorted by rule then position
    /// (longest first where two start together).
    pub fn scan(&self, text: &str) -> Vec<(usize, Hit)> {
        let mut hits = Vec::new();
        let mut literal_hit = |literal: u32, span: Span| {
            let matched = &text[span.range()];
            for reg in &self.registrations[self.ranges[literal as usize].clone()] {
                if reg.exact.as_deref().is_some_and(|exact| exact != matched) {
                    continue;
                }
                if reg.whole_word && !on_word_boundaries(text, span) {
                    continue;
                }
                hits.push((
                    reg.rule,
                    Hit {
                        span,
                        pattern: reg.pattern,
                    },
                ));
            }
        };
        self.words.find(&self.literals, text, &mut literal_hit);
        if let Some(automaton) = &self.automaton {
            for m in automaton.find_overlapping_iter(text) {
                let literal = self.automaton_literals[m.pattern().as_usize()];
                literal_hit(literal, Span::new(m.start(), m.end()));
            }
        }
        if !self.regexes.is_empty() {
            self.scan_regexes(text, &mut hits);
        }
        hits.sort_unstable_by_key(|(rule, hit)| {
            (*rule, hit.span.start, std::cmp::Reverse(hit.span.end))
        });
        hits
    }

    fn scan_regexes(&self, text: &str, hits: &mut Vec<(usize, Hit)>) {
        let mut which = PatternSet::new(self.regex_set.pattern_len());
        self.regex_set
            .which_overlapping_matches(&Input::new(text), &mut which);
        for index in which.iter() {
            let rule_regex = &self.regexes[index.as_usize()];
            let Some(regex) = rule_regex.get() else {
                continue;
            };
            let hit = |span: Range<usize>| {
                (
                    rule_regex.rule,
                    Hit {
                        span: Span::new(span.start, span.end),
                        pattern: rule_regex.pattern,
                    },
                )
            };
            if regex
                .group_info()
                .to_index(PatternID::ZERO, MATCH_GROUP)
                .is_some()
            {
                // A pattern with a group named `match` reports that group: the context
                // around it only decides whether there is a match.
                hits.extend(
                    regex
                        .captures_iter(text)
                        .filter_map(|c| c.get_group_by_name(MATCH_GROUP))
                        .filter(|group| !group.is_empty())
                        .map(|group| hit(group.range())),
                );
            } else {
                hits.extend(
                    regex
                        .find_iter(text)
                        .filter(|m| !m.is_empty())
                        .map(|m| hit(m.range())),
                );
            }
        }
    }
}

/// Neither end of `span` is glued to a letter or digit that continues a word.
fn on_word_boundaries(text: &str, span: Span) -> bool {
    let matched = &text[span.range()];
    let starts_in_word = matched.chars().next().is_some_and(is_word_char)
        && text[..span.start]
            .chars()
            .next_back()
            .is_some_and(is_word_char);
    let ends_in_word = matched.chars().next_back().is_some_and(is_word_char)
        && text[span.end..].chars().next().is_some_and(is_word_char);
    !starts_in_word && !ends_in_word
}

#[cfg(test)]
mod tests {
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
}
