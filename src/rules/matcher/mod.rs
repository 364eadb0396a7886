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
//! - Each regex has a gate ([`gate`]): literals one of which its every match contains. The
//!   gates' literals sit in the automaton beside the rules' own, and a regex runs only over a
//!   text that holds one of its gate's literals, compiled the first time it does. A regex
//!   without a gate runs over every text.
//!
//! Literals fold ASCII case, so every rule sees all of its own matches whatever other rules
//! hold; a rule that wants exact case has its matches compared byte for byte.

use crate::article::text::is_word_char;
use crate::span::Span;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use regex_automata::PatternID;
use regex_automata::meta::{self, Regex};
use regex_syntax::hir::Hir;

pub use gate::Gate;
use std::ops::Range;
use std::sync::OnceLock;
use word_table::WordTable;

mod gate;
pub mod gate_table;
mod hit;
pub mod pattern;
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
    target: Target,
    /// The literal as written, when it must match with exact case.
    exact: Option<Box<str>>,
    whole_word: bool,
}

/// A regex as a rule gave it.
enum Pattern {
    Parsed(Hir),
    /// A built-in pack's pattern, parsed when first needed.
    Unparsed {
        text: String,
        case_insensitive: bool,
    },
}

/// What finding a literal means.
#[derive(Clone, Copy)]
enum Target {
    /// A hit of this rule, with the number the rule registered the literal under.
    Rule { rule: usize, pattern: u32 },
    /// The regex of this number may match: the literal is in its gate.
    Gate(usize),
}

/// The most literals for which the automaton is a DFA. With the built-in pack's (mostly
/// regexes' gates) a DFA scans 200 UK articles in 7.7 million instructions where the engine's
/// own choice takes 19.2, and costs 2.4 million more to build; past this many its memory
/// grows too large, and the engine chooses.
const DFA_MOST_LITERALS: usize = 1_000;

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
        self.register(Target::Rule { rule, pattern }, literal, options);
    }

    /// Makes room for `additional` more literals, for a rule that adds a list of them.
    pub fn reserve(&mut self, additional: usize) {
        self.literals.reserve(additional);
        self.registrations.reserve(additional);
    }

    fn register(&mut self, target: Target, literal: &str, options: LiteralOptions) {
        let next = u32::try_from(self.literals.len()).unwrap_or(u32::MAX);
        let index = *self
            .literals
            .entry(literal.to_ascii_lowercase())
            .or_insert(next);
        self.registrations.push((
            index,
            Registration {
                target,
                exact: options.case_sensitive.then(|| literal.into()),
                whole_word: options.whole_word,
            },
        ));
    }

    /// Adds a regex, already checked by the pack compiler (see `Compiler::add_regex`).
    pub fn add_regex(&mut self, rule: usize, pattern: u32, hir: Hir) {
        let gate = gate::gate(&hir);
        self.push_regex(rule, pattern, Pattern::Parsed(hir), gate);
    }

    /// Adds a built-in pack's regex, unparsed, with the gate `build.rs` computed for it; it is
    /// parsed the first time its gate opens.
    pub fn add_unparsed_regex(
        &mut self,
        rule: usize,
        pattern: u32,
        text: String,
        case_insensitive: bool,
        gate: Option<Gate>,
    ) {
        let source = Pattern::Unparsed {
            text,
            case_insensitive,
        };
        self.push_regex(rule, pattern, source, gate);
    }

    fn push_regex(&mut self, rule: usize, pattern: u32, source: Pattern, gate: Option<Gate>) {
        let number = self.regexes.len();
        if let Some(gate) = &gate {
            let options = LiteralOptions {
                case_sensitive: !gate.any_case,
                whole_word: false,
            };
            for literal in &gate.literals {
                self.register(Target::Gate(number), literal, options);
            }
        }
        self.regexes.push(RuleRegex {
            rule,
            pattern,
            source,
            gated: gate.is_some(),
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
                    .kind((others.len() <= DFA_MOST_LITERALS).then_some(AhoCorasickKind::DFA))
                    .match_kind(MatchKind::Standard)
                    .build(others.iter().map(|&i| &literals[i as usize]))
                    .map_err(|e| format!("cannot build the literal matcher: {e}"))?,
            )
        };
        Ok(Matcher {
            words,
            automaton,
            automaton_literals: others,
            literals,
            ranges,
            registrations,
            regexes: self.regexes,
        })
    }
}

/// One rule's regex: checked when its pack was loaded, compiled the first time the combined
/// set says it can match.
struct RuleRegex {
    rule: usize,
    pattern: u32,
    source: Pattern,
    /// Whether the regex has a gate; one without runs over every text.
    gated: bool,
    compiled: OnceLock<Option<Regex>>,
}

impl RuleRegex {
    /// The compiled regex. `None` cannot happen in practice: the pack compiler built the same
    /// pattern under a size limit already, and nothing else can fail for a parsed pattern.
    ///
    /// Without the regex engine's own prefilter: the gate has already found the literals a
    /// prefilter would look for, and building one cost more than it saved (200 UK articles:
    /// 301 against 319 million instructions; one article 53 against 62 million).
    fn get(&self) -> Option<&Regex> {
        self.compiled
            .get_or_init(|| {
                let parsed;
                let hir = match &self.source {
                    Pattern::Parsed(hir) => hir,
                    Pattern::Unparsed {
                        text,
                        case_insensitive,
                    } => {
                        parsed = pattern::parse(text, *case_insensitive).ok()?;
                        &parsed
                    }
                };
                Regex::builder()
                    .configure(
                        meta::Config::new()
                            .nfa_size_limit(None)
                            .auto_prefilter(false),
                    )
                    .build_from_hir(hir)
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
    regexes: Vec<RuleRegex>,
}

impl Matcher {
    /// Every literal of every rule, ASCII-lower-cased, once each (`copydesk rules --literals`);
    /// not the literals of regexes' gates.
    pub fn literals(&self) -> Vec<&str> {
        self.literals
            .iter()
            .zip(&self.ranges)
            .filter(|(_, range)| {
                self.registrations[(*range).clone()]
                    .iter()
                    .any(|r| matches!(r.target, Target::Rule { .. }))
            })
            .map(|(literal, _)| literal.as_str())
            .collect()
    }

    /// Every match of every rule in `text`, as `(rule, hit)`, sorted by rule then position
    /// (longest first where two start together).
    pub fn scan(&self, text: &str) -> Vec<(usize, Hit)> {
        self.scan_for(text, &|_| true)
    }

    /// [`Matcher::scan`], running the regexes only of rules that `may_report` (a rule that is
    /// off, or whose scope no block of the article is in, can report nothing): literals cost
    /// the same whoever wants them, a regex a search of its own.
    pub fn scan_for(&self, text: &str, may_report: &dyn Fn(usize) -> bool) -> Vec<(usize, Hit)> {
        let mut hits = Vec::new();
        // Whether each regex is wanted and may match: its gate's literal was found, or it has
        // no gate.
        let wanted: Vec<bool> = self.regexes.iter().map(|r| may_report(r.rule)).collect();
        let mut may_match: Vec<bool> = self
            .regexes
            .iter()
            .zip(&wanted)
            .map(|(r, &wanted)| wanted && !r.gated)
            .collect();
        let mut literal_hit = |literal: u32, span: Span| {
            let matched = &text[span.range()];
            for reg in &self.registrations[self.ranges[literal as usize].clone()] {
                if reg.exact.as_deref().is_some_and(|exact| exact != matched) {
                    continue;
                }
                let (rule, pattern) = match reg.target {
                    Target::Rule { rule, pattern } => (rule, pattern),
                    Target::Gate(regex) => {
                        may_match[regex] |= wanted[regex];
                        continue;
                    }
                };
                if reg.whole_word && !on_word_boundaries(text, span) {
                    continue;
                }
                hits.push((rule, Hit { span, pattern }));
            }
        };
        self.words.find(&self.literals, text, &mut literal_hit);
        if let Some(automaton) = &self.automaton {
            for m in automaton.find_overlapping_iter(text) {
                let literal = self.automaton_literals[m.pattern().as_usize()];
                literal_hit(literal, Span::new(m.start(), m.end()));
            }
        }
        self.scan_regexes(text, &may_match, &mut hits);
        hits.sort_unstable_by_key(|(rule, hit)| {
            (*rule, hit.span.start, std::cmp::Reverse(hit.span.end))
        });
        hits
    }

    /// The hits of every regex that `may_match`, compiling it if this is its first run.
    fn scan_regexes(&self, text: &str, may_match: &[bool], hits: &mut Vec<(usize, Hit)>) {
        let chosen = self.regexes.iter().zip(may_match).filter(|(_, may)| **may);
        for (rule_regex, _) in chosen {
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
mod tests;
