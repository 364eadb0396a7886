//! Compile once, match once: the literals of every rule in one Aho-Corasick automaton and the
//! regexes of every rule behind one `RegexSet`, each run once over an article's text.
//!
//! The automaton folds ASCII case and reports overlapping matches, so every rule sees all of its
//! own matches whatever other rules hold; a rule that wants exact case has its matches compared
//! byte for byte. Regexes only run when the `RegexSet` says they can match the article.

use crate::article::text::is_word_char;
use crate::span::Span;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use regex::{Regex, RegexSet};
use std::collections::HashMap;

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

#[derive(Default)]
pub struct MatcherBuilder {
    literals: Vec<String>,
    by_folded: HashMap<String, usize>,
    registrations: Vec<Vec<Registration>>,
    regexes: Vec<(usize, u32, Regex)>,
}

impl MatcherBuilder {
    pub fn add_literal(
        &mut self,
        rule: usize,
        pattern: u32,
        literal: &str,
        options: LiteralOptions,
    ) {
        let folded = literal.to_ascii_lowercase();
        let index = *self.by_folded.entry(folded.clone()).or_insert_with(|| {
            self.literals.push(folded);
            self.registrations.push(Vec::new());
            self.literals.len() - 1
        });
        self.registrations[index].push(Registration {
            rule,
            pattern,
            exact: options.case_sensitive.then(|| literal.into()),
            whole_word: options.whole_word,
        });
    }

    pub fn add_regex(&mut self, rule: usize, pattern: u32, regex: Regex) {
        self.regexes.push((rule, pattern, regex));
    }

    pub fn build(self) -> Result<Matcher, String> {
        let automaton = if self.literals.is_empty() {
            None
        } else {
            Some(
                AhoCorasickBuilder::new()
                    .ascii_case_insensitive(true)
                    .match_kind(MatchKind::Standard)
                    .kind(Some(AhoCorasickKind::ContiguousNFA))
                    .build(&self.literals)
                    .map_err(|e| format!("cannot build the literal matcher: {e}"))?,
            )
        };
        let regex_set = RegexSet::new(self.regexes.iter().map(|(_, _, r)| r.as_str()))
            .map_err(|e| format!("cannot build the regex set: {e}"))?;
        Ok(Matcher {
            automaton,
            literals: self.literals,
            registrations: self.registrations,
            regex_set,
            regexes: self.regexes,
        })
    }
}

pub struct Matcher {
    automaton: Option<AhoCorasick>,
    /// Every literal, ASCII-lower-cased, once.
    literals: Vec<String>,
    registrations: Vec<Vec<Registration>>,
    regex_set: RegexSet,
    regexes: Vec<(usize, u32, Regex)>,
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
        if let Some(automaton) = &self.automaton {
            for m in automaton.find_overlapping_iter(text) {
                let span = Span::new(m.start(), m.end());
                let matched = &text[span.range()];
                for reg in &self.registrations[m.pattern().as_usize()] {
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
            }
        }
        if !self.regexes.is_empty() {
            for index in self.regex_set.matches(text).iter() {
                let (rule, pattern, regex) = &self.regexes[index];
                let hit = |span: Span| {
                    (
                        *rule,
                        Hit {
                            span,
                            pattern: *pattern,
                        },
                    )
                };
                if regex.capture_names().any(|n| n == Some("match")) {
                    // A pattern with a group named `match` reports that group: the context
                    // around it only decides whether there is a match.
                    hits.extend(
                        regex
                            .captures_iter(text)
                            .filter_map(|c| c.name("match"))
                            .filter(|m| !m.is_empty())
                            .map(|m| hit(Span::new(m.start(), m.end()))),
                    );
                } else {
                    hits.extend(
                        regex
                            .find_iter(text)
                            .filter(|m| !m.is_empty())
                            .map(|m| hit(Span::new(m.start(), m.end()))),
                    );
                }
            }
        }
        hits.sort_unstable_by_key(|(rule, hit)| {
            (*rule, hit.span.start, std::cmp::Reverse(hit.span.end))
        });
        hits
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
        builder.add_regex(3, 0, Regex::new(r"\d+").unwrap());
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
    fn a_group_named_match_narrows_a_regex_hit() {
        let mut builder = MatcherBuilder::default();
        builder.add_regex(0, 0, Regex::new(r", (?<match>officials said)").unwrap());
        builder.add_regex(1, 0, Regex::new(r"brutal(ly)?").unwrap());
        let matcher = builder.build().unwrap();
        let text = "It was brutally cold, officials said.";
        let found: Vec<&str> = matcher
            .scan(text)
            .iter()
            .map(|(_, h)| &text[h.span.range()])
            .collect();
        assert_eq!(found, ["officials said", "brutally"]);
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
