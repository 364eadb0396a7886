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
use std::hash::BuildHasher;
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

/// The fewest whole-word literals for which the word table beats the automaton alone.
const WORD_TABLE_MIN: usize = 64;

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
        // no limit of its own.
        let hirs: Vec<&Hir> = self.regexes.iter().map(|r| &r.hir).collect();
        let regex_set = Regex::builder()
            .configure(
                meta::Config::new()
                    .match_kind(regex_automata::MatchKind::All)
                    .utf8_empty(true)
                    .which_captures(regex_automata::nfa::thompson::WhichCaptures::None)
                    .nfa_size_limit(None),
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

/// Whole-word literals that start with a word character, found through their first word.
#[derive(Default)]
struct WordTable {
    /// Literal numbers, hashed by the literal's first word (folded).
    by_first_word: hashbrown::HashTable<u32>,
    hasher: foldhash::fast::RandomState,
    /// Byte length of each literal's first word (0 for literals not in the table).
    first_word_len: Vec<usize>,
    /// The byte lengths of first words worth looking up.
    lengths: Range<usize>,
    /// A bit per [`Sketch`] of the first words: a word whose sketch has no bit cannot be
    /// one, and is not hashed at all.
    sketches: Vec<u64>,
}

/// A word's length and its first two bytes, folded into 17 bits: words with different sketches
/// differ, so most words of a text are ruled out before hashing.
struct Sketch;

impl Sketch {
    const BITS: usize = 5 + 6 + 6;

    /// The sketch of a word (at least one byte long).
    fn of(word: &[u8]) -> usize {
        // Letters fold to one class per letter, digits to their own, other bytes (parts of
        // non-ASCII characters) share one.
        let class = |b: Option<&u8>| match b.map(u8::to_ascii_lowercase) {
            Some(b @ b'a'..=b'z') => usize::from(b - b'a'),
            Some(b @ b'0'..=b'9') => 26 + usize::from(b - b'0'),
            Some(_) => 62,
            None => 63,
        };
        (word.len().min(31) << 12) | (class(word.first()) << 6) | class(word.get(1))
    }
}

impl WordTable {
    /// The byte length of the first word of `literal`, if it starts with one.
    fn first_word(literal: &str) -> Option<usize> {
        let end = literal
            .char_indices()
            .find(|&(_, c)| !is_word_char(c))
            .map_or(literal.len(), |(i, _)| i);
        (end > 0).then_some(end)
    }

    fn new(literals: &[String], in_table: impl Fn(usize) -> bool) -> (Self, Vec<u32>) {
        let mut table = WordTable {
            first_word_len: vec![0; literals.len()],
            lengths: 0..0,
            sketches: vec![0; (1 << Sketch::BITS) / 64],
            ..WordTable::default()
        };
        let mut others = Vec::new();
        for (index, literal) in literals.iter().enumerate() {
            let first = Self::first_word(literal).filter(|_| in_table(index));
            let Some(first) = first else {
                others.push(index as u32);
                continue;
            };
            table.first_word_len[index] = first;
            let sketch = Sketch::of(&literal.as_bytes()[..first]);
            table.sketches[sketch / 64] |= 1 << (sketch % 64);
            table.lengths = if table.lengths.is_empty() {
                first..first + 1
            } else {
                table.lengths.start.min(first)..table.lengths.end.max(first + 1)
            };
            let hash = table.hasher.hash_one(&literal.as_bytes()[..first]);
            table.by_first_word.insert_unique(hash, index as u32, |&i| {
                let i = i as usize;
                table
                    .hasher
                    .hash_one(&literals[i].as_bytes()[..table.first_word_len[i]])
            });
        }
        (table, others)
    }

    /// Every match in `text` of a literal in the table, as `(literal, span)`.
    fn find(&self, literals: &[String], text: &str, mut found: impl FnMut(u32, Span)) {
        if self.by_first_word.is_empty() {
            return;
        }
        let mut folded = String::new();
        for word in word_runs(text) {
            if !self.lengths.contains(&word.len()) {
                continue;
            }
            let sketch = Sketch::of(&text.as_bytes()[word.range()]);
            if self.sketches[sketch / 64] & (1 << (sketch % 64)) == 0 {
                continue;
            }
            folded.clear();
            folded.push_str(&text[word.range()]);
            folded.make_ascii_lowercase();
            let hash = self.hasher.hash_one(folded.as_bytes());
            for &index in self.by_first_word.iter_hash(hash) {
                let literal = &literals[index as usize];
                let first = self.first_word_len[index as usize];
                if literal.as_bytes()[..first] != *folded.as_bytes() {
                    continue;
                }
                let end = word.start + literal.len();
                let rest_matches = first == literal.len()
                    || text
                        .get(word.end..end)
                        .is_some_and(|rest| rest.eq_ignore_ascii_case(&literal[first..]));
                if rest_matches {
                    found(index, Span::new(word.start, end));
                }
            }
        }
    }
}

/// The maximal runs of word characters (letters and digits) in `text`: exactly the places
/// where a literal made of word characters matches on word boundaries.
fn word_runs(text: &str) -> impl Iterator<Item = Span> + '_ {
    let bytes = text.as_bytes();
    // Whether the character at `at` is a word character, and its width; ASCII bytes, most of
    // a text, without decoding.
    let read = move |at: usize| match bytes[at] {
        b if b.is_ascii() => (b.is_ascii_alphanumeric(), 1),
        _ => text[at..]
            .chars()
            .next()
            .map_or((false, 1), |c| (is_word_char(c), c.len_utf8())),
    };
    let mut at = 0;
    std::iter::from_fn(move || {
        loop {
            if at >= bytes.len() {
                return None;
            }
            let (word, width) = read(at);
            if word {
                break;
            }
            at += width;
        }
        let start = at;
        while at < bytes.len() {
            let (word, width) = read(at);
            if !word {
                break;
            }
            at += width;
        }
        Some(Span::new(start, at))
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
        assert_eq!(WordTable::first_word("colour's"), Some(6));
        assert_eq!(WordTable::first_word("“quoted"), None);
        assert_eq!(Sketch::of(b"Colour"), Sketch::of(b"colour"));
        assert_ne!(Sketch::of(b"colour"), Sketch::of(b"colours"));
        assert_ne!(Sketch::of(b"a"), Sketch::of(b"ab"));
    }

    #[test]
    fn word_runs_split_on_anything_but_letters_and_digits() {
        let text = "Kata’ib 2024—al-Saadi é";
        let runs: Vec<&str> = word_runs(text).map(|s| &text[s.range()]).collect();
        assert_eq!(runs, ["Kata", "ib", "2024", "al", "Saadi", "é"]);
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
