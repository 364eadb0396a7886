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

use crate::article::text::{is_word_char, is_word_joiner};
use crate::span::Span;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex_automata::meta::{self, Regex};
use regex_automata::util::syntax;
use regex_automata::{Input, PatternID, PatternSet};
use regex_syntax::hir::Hir;
use std::ops::Range;
use std::sync::OnceLock;

/// One match of one rule: where, and which of the rule's literals or patterns matched
/// (`pattern` is whatever number the rule registered it with).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub span: Span,
    pub pattern: u32,
}

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

        let mut words = WordTable::default();
        let mut others = Vec::new();
        for (index, literal) in literals.iter().enumerate() {
            let only_whole_words = registrations[ranges[index].clone()]
                .iter()
                .all(|r: &Registration| r.whole_word);
            if only_whole_words && WordTable::holds(literal) {
                words.insert(literal, index as u32);
            } else {
                others.push(index as u32);
            }
        }
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
        let hirs: Vec<&Hir> = self.regexes.iter().map(|r| &r.hir).collect();
        let regex_set = Regex::builder()
            .configure(
                meta::Config::new()
                    .match_kind(regex_automata::MatchKind::All)
                    .utf8_empty(true)
                    .which_captures(regex_automata::nfa::thompson::WhichCaptures::None)
                    .nfa_size_limit(None),
            )
            .syntax(syntax::Config::new().utf8(true))
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

/// Whole-word literals by folded text, with the byte lengths worth looking up.
#[derive(Default)]
struct WordTable {
    index: foldhash::HashMap<Box<str>, u32>,
    lengths: Range<usize>,
    /// Whether any literal is two words joined by an apostrophe or hyphen.
    joined: bool,
}

impl WordTable {
    /// Whether `literal` is one run of letters and digits, or two joined by one apostrophe or
    /// hyphen: the shapes a lookup per word (and per joined pair) finds exactly where the
    /// literal matches on word boundaries.
    fn holds(literal: &str) -> bool {
        let mut parts = literal.split(is_word_joiner);
        let whole = |part: &str| !part.is_empty() && part.chars().all(is_word_char);
        match (parts.next(), parts.next(), parts.next()) {
            (Some(word), None, None) => whole(word),
            (Some(first), Some(second), None) => whole(first) && whole(second),
            _ => false,
        }
    }

    fn insert(&mut self, literal: &str, index: u32) {
        if self.index.is_empty() {
            self.lengths = literal.len()..literal.len() + 1;
        } else {
            self.lengths.start = self.lengths.start.min(literal.len());
            self.lengths.end = self.lengths.end.max(literal.len() + 1);
        }
        self.joined |= literal.contains(is_word_joiner);
        self.index.insert(literal.into(), index);
    }

    /// Every word (and joined pair of words) of `text` that is in the table, as
    /// `(literal, span)`.
    fn find(&self, text: &str, mut found: impl FnMut(u32, Span)) {
        if self.index.is_empty() {
            return;
        }
        let mut folded = String::new();
        let mut look_up = |span: Span| {
            if !self.lengths.contains(&span.len()) {
                return;
            }
            folded.clear();
            folded.push_str(&text[span.range()]);
            folded.make_ascii_lowercase();
            if let Some(&index) = self.index.get(folded.as_str()) {
                found(index, span);
            }
        };
        let mut previous: Option<Span> = None;
        for span in word_runs(text) {
            look_up(span);
            if self.joined
                && let Some(previous) = previous
            {
                let mut gap = text[previous.end..span.start].chars();
                if matches!((gap.next(), gap.next()), (Some(c), None) if is_word_joiner(c)) {
                    look_up(Span::new(previous.start, span.end));
                }
            }
            previous = Some(span);
        }
    }
}

/// The maximal runs of word characters (letters and digits) in `text`: exactly the places
/// where a literal made of word characters matches on word boundaries.
fn word_runs(text: &str) -> impl Iterator<Item = Span> + '_ {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        let mut start = None;
        while at < bytes.len() {
            let (word, width) = if bytes[at].is_ascii() {
                (bytes[at].is_ascii_alphanumeric(), 1)
            } else {
                let c = text[at..].chars().next()?;
                (is_word_char(c), c.len_utf8())
            };
            match (word, start) {
                (true, None) => start = Some(at),
                (false, Some(from)) => {
                    let span = Span::new(from, at);
                    at += width;
                    return Some(span);
                }
                _ => {}
            }
            at += width;
        }
        start.map(|from| Span::new(from, bytes.len()))
    })
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
        self.words.find(text, &mut literal_hit);
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

/// Keeps, of hits sorted by position, the leftmost-longest ones that do not overlap.
pub fn leftmost_longest(hits: impl IntoIterator<Item = Hit>) -> Vec<Hit> {
    let mut kept: Vec<Hit> = Vec::new();
    for hit in hits {
        if kept
            .last()
            .is_none_or(|last| hit.span.start >= last.span.end)
        {
            kept.push(hit);
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    const WORDS: LiteralOptions = LiteralOptions {
        case_sensitive: false,
        whole_word: true,
    };

    fn hir(pattern: &str) -> Hir {
        regex_syntax::Parser::new().parse(pattern).unwrap()
    }

    #[test]
    fn every_rule_sees_its_own_matches() {
        let mut builder = MatcherBuilder::default();
        builder.add_literal(0, 0, "drone strike", WORDS);
        builder.add_literal(1, 0, "strike", WORDS);
        builder.add_literal(
            2,
            7,
            "US",
            LiteralOptions {
                case_sensitive: true,
                whole_word: true,
            },
        );
        builder.add_regex(3, 0, hir(r"\d+"));
        let matcher = builder.build().unwrap();
        let text = "A US drone Strike hit us; USA strikes 3";
        let found: Vec<(usize, &str, u32)> = matcher
            .scan(text)
            .into_iter()
            .map(|(rule, hit)| (rule, &text[hit.span.range()], hit.pattern))
            .collect();
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
        let mut builder = MatcherBuilder::default();
        builder.add_literal(0, 0, "colour", WORDS);
        builder.add_literal(1, 0, "café", WORDS);
        builder.add_literal(
            2,
            0,
            "our",
            LiteralOptions {
                case_sensitive: false,
                whole_word: false,
            },
        );
        let matcher = builder.build().unwrap();
        let text = "Colour-blind colours, the COLOUR’s café, cafés; colour";
        let found: Vec<(usize, &str)> = matcher
            .scan(text)
            .into_iter()
            .map(|(rule, hit)| (rule, &text[hit.span.range()]))
            .collect();
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
    fn word_table_matches_words_joined_by_an_apostrophe_or_hyphen() {
        let mut builder = MatcherBuilder::default();
        builder.add_literal(0, 0, "colour's", WORDS);
        builder.add_literal(1, 0, "iran-backed", WORDS);
        builder.add_literal(2, 0, "kata’ib", WORDS);
        builder.add_literal(3, 0, "ex-vice-president", WORDS);
        let matcher = builder.build().unwrap();
        let text = "The colour's hue; colour'sy; pro-Iran-backed Kata’ib — an ex-vice-president.";
        let found: Vec<(usize, &str)> = matcher
            .scan(text)
            .into_iter()
            .map(|(rule, hit)| (rule, &text[hit.span.range()]))
            .collect();
        assert_eq!(
            found,
            [
                (0, "colour's"),
                (1, "Iran-backed"),
                (2, "Kata’ib"),
                (3, "ex-vice-president")
            ]
        );
        assert!(WordTable::holds("colour's") && !WordTable::holds("ex-vice-president"));
        assert!(!WordTable::holds("u.s.") && !WordTable::holds("-backed"));
    }

    #[test]
    fn word_runs_split_on_anything_but_letters_and_digits() {
        let text = "Kata’ib 2024—al-Saadi é";
        let runs: Vec<&str> = word_runs(text).map(|s| &text[s.range()]).collect();
        assert_eq!(runs, ["Kata", "ib", "2024", "al", "Saadi", "é"]);
    }

    #[test]
    fn a_group_named_match_narrows_a_regex_hit() {
        let mut builder = MatcherBuilder::default();
        builder.add_regex(0, 0, hir(r", (?<match>officials said)"));
        builder.add_regex(1, 0, hir(r"brutal(ly)?"));
        let matcher = builder.build().unwrap();
        let text = "It was brutally cold, officials said, officials said.";
        let found: Vec<&str> = matcher
            .scan(text)
            .iter()
            .map(|(_, h)| &text[h.span.range()])
            .collect();
        assert_eq!(found, ["officials said", "officials said", "brutally"]);
    }

    #[test]
    fn leftmost_longest_drops_overlaps() {
        let hit = |start, end| Hit {
            span: Span::new(start, end),
            pattern: 0,
        };
        assert_eq!(
            leftmost_longest([hit(0, 5), hit(0, 3), hit(2, 6), hit(6, 8)]),
            [hit(0, 5), hit(6, 8)]
        );
    }
}
