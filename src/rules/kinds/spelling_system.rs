//! # spelling-system
//!
//! ## What it flags
//! American spellings in a British-spelled article, or British ones in an American-spelled
//! article. The pairs come from a data file in the pack (`data`, one `us<TAB>uk` pair a line).
//! The article's system is the house system where the configuration's `[style] spelling` or
//! the rule sets `prefer = "us"` or `"uk"`;
//! otherwise the one most of its spellings follow (on a tie, the one used first). Words that
//! start with a capital are skipped, since they are usually names ("World Health
//! Organization", "Labor Party"), as are direct quotations, which follow the reporter's
//! system where two or more words of the article establish it. Pairs whose first (American)
//! form is in the rule's `ignore` list are dropped: use it for words where both forms are
//! standard in one system (among/amongst, learned/learnt, judgment/judgement).
//!
//! ## Why
//! One article, one spelling system. A "colour" among "organized" and "center" reads as a
//! slip, and usually is one: copy pasted from another outlet or a wire.
//!
//! ## Example
//! ```toml
//! [[spelling-system]]
//! id = "spelling.us-uk"
//! message = "`{match}` does not follow this article's {system} spelling"
//! help = "write `{preferred}`"
//! data = "spelling/us-uk-common.tsv"
//! rationale = "Keep to one spelling system per article."
//! must-fire = ["The colour of the flag was chosen by the organized committee and the colour guard."]
//! must-not-fire = ["The colour of the flag was chosen by the organised committee."]
//! ```
//!
//! ## Instead
//! The other system's form of the same word ("organized" → "organised").
//!
//! ## Fix safety
//! Safe: the data keeps only common words whose two forms mean the same thing. Pairs whose
//! forms differ in sense (check/cheque, tire/tyre, program/programme, practice/practise) are
//! left out of the bundled data.

use super::KindInfo;
use crate::diagnostic::{Applicability, Diagnostic, Fix, Severity};
use crate::rules::data_format::{self, Column, Entry, Field, LineError};
use crate::rules::matcher::{Hit, LiteralOptions};
use crate::rules::pack::Compiler;
use crate::rules::style::Spelling;
use crate::rules::{Check, Context, Details, keep_case};
use foldhash::HashSet;
use std::borrow::Cow;
use std::ops::Range;
use toml::Spanned;

pub const KIND: KindInfo = KindInfo {
    name: "spelling-system",
    default_scope: super::PROSE,
    placeholders: &["match", "preferred", "system"],
    rust_file: include_str!("spelling_system.rs"),
};

/// The system of a pattern number: even numbers are US forms, odd ones UK forms.
fn system_of_pattern(pattern: u32) -> Spelling {
    if pattern.is_multiple_of(2) {
        Spelling::Us
    } else {
        Spelling::Uk
    }
}

/// A pairs file's columns: a form may be a phrase ("high school").
const COLUMNS: [Column; 2] = [("US form", Field::Phrase), ("UK form", Field::Phrase)];

crate::rule_spec! {
    pub struct Spec {
        pub data: Spanned<String>,
        #[serde(default)]
        pub prefer: Option<Spelling>,
        #[serde(default)]
        pub ignore: Vec<String>,
    }
}

pub fn compile(spec: &Spec, compiler: &mut Compiler<'_>) -> Option<Box<dyn Check>> {
    let text = compiler.data_file(&spec.data)?;
    // Pairs as byte ranges of the data text: nothing is copied but the matcher's keys.
    let mut pairs: Vec<(Range<usize>, Range<usize>)> = Vec::new();
    for entry in data_format::entries(&text, COLUMNS) {
        let problem = match entry {
            Ok(Entry {
                fields: [us, uk], ..
            }) if text[us.clone()] != text[uk.clone()] => {
                pairs.push((us, uk));
                continue;
            }
            Ok(entry) => LineError {
                line: entry.line,
                problem: "the two forms are the same".to_owned(),
            },
            Err(error) => error,
        };
        compiler.error(
            spec.data.span().into(),
            format!(
                "line {} of the data file is not `us<TAB>uk`: {}",
                problem.line, problem.problem
            ),
            "in this file",
        );
        return None;
    }
    let lower = |range: &Range<usize>| folded(&text[range.clone()]);
    // A form that is American in one pair and British in another says nothing about the system.
    let us_forms: HashSet<Cow<'_, str>> = pairs.iter().map(|(us, _)| lower(us)).collect();
    let uk_forms: HashSet<Cow<'_, str>> = pairs.iter().map(|(_, uk)| lower(uk)).collect();
    let options = LiteralOptions::whole_words(false);
    let ignored: HashSet<String> = spec.ignore.iter().map(|w| w.to_ascii_lowercase()).collect();
    let mut kept = Vec::with_capacity(pairs.len());
    compiler.matcher.reserve(pairs.len() * 2);
    for (us, uk) in pairs {
        let (us_lower, uk_lower) = (lower(&us), lower(&uk));
        if ignored.contains(us_lower.as_ref())
            || uk_forms.contains(&us_lower)
            || us_forms.contains(&uk_lower)
        {
            continue;
        }
        let index = u32::try_from(kept.len() * 2).ok()?;
        compiler
            .matcher
            .add_literal(compiler.rule, index, &text[us.clone()], options);
        compiler
            .matcher
            .add_literal(compiler.rule, index + 1, &text[uk.clone()], options);
        kept.push((us, uk));
    }
    drop((us_forms, uk_forms));
    Some(Box::new(SpellingSystem {
        text,
        pairs: kept,
        prefer: compiler.style.spelling.or(spec.prefer),
    }))
}

/// `word` with ASCII letters lower-cased, copied only when it has a capital.
fn folded(word: &str) -> Cow<'_, str> {
    if word.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(word.to_ascii_lowercase())
    } else {
        Cow::Borrowed(word)
    }
}

struct SpellingSystem {
    /// The data file, which the pairs point into.
    text: Cow<'static, str>,
    /// Each kept pair's American and British forms, as byte ranges of `text`.
    pairs: Vec<(Range<usize>, Range<usize>)>,
    prefer: Option<Spelling>,
}

impl SpellingSystem {
    fn other_form(&self, pattern: u32) -> &str {
        let (us, uk) = &self.pairs[(pattern / 2) as usize];
        match system_of_pattern(pattern) {
            Spelling::Us => &self.text[uk.clone()],
            Spelling::Uk => &self.text[us.clone()],
        }
    }
}

impl Check for SpellingSystem {
    fn details(&self) -> Details {
        let (first, second) = self.pairs.first().cloned().unwrap_or_default();
        Details {
            matches: vec![format!(
                "{} US/UK spelling pairs, such as `{}`/`{}`",
                self.pairs.len(),
                &self.text[first],
                &self.text[second]
            )],
            preferred: Some(match self.prefer {
                Some(system) => format!("the {} spelling", system.adjective()),
                None => "the spelling of the article's majority system".to_owned(),
            }),
        }
    }

    fn check_article(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let lower_case = |span| cx.text(span).chars().next().is_some_and(char::is_lowercase);
        let hits: Vec<&Hit> = cx.hits.iter().filter(|h| lower_case(h.span)).collect();
        // The reporter's own words decide the article's system; quotations (read when the rule
        // says `in-quotes = true`) follow it, as transcribed speech follows house spelling.
        let deciding: Vec<&Hit> = hits
            .iter()
            .copied()
            .filter(|h| !cx.article.in_quote(h.span))
            .collect();
        let Some(first) = deciding.first().or(hits.first()) else {
            return;
        };
        let us = deciding
            .iter()
            .filter(|h| system_of_pattern(h.pattern) == Spelling::Us)
            .count();
        let uk = deciding.len() - us;
        // With no house system, an even split is no verdict: the spellings that differ from
        // the first are reported for a person to decide, with no fix.
        let tie = self.prefer.is_none() && us == uk;
        let system = self.prefer.unwrap_or(match us.cmp(&uk) {
            std::cmp::Ordering::Greater => Spelling::Us,
            std::cmp::Ordering::Less => Spelling::Uk,
            std::cmp::Ordering::Equal => system_of_pattern(first.pattern),
        });
        let first_in_system = deciding
            .iter()
            .find(|h| system_of_pattern(h.pattern) == system);
        // One word of the system, the reporter's or a quotation's, is no system a quotation
        // can be held to.
        let established = self.prefer.is_some()
            || hits
                .iter()
                .filter(|h| system_of_pattern(h.pattern) == system)
                .nth(1)
                .is_some();
        for hit in hits.iter().filter(|h| {
            system_of_pattern(h.pattern) != system && (established || !cx.article.in_quote(h.span))
        }) {
            let mut diagnostic = self.diagnostic(cx, hit, system, first_in_system.copied());
            if cx.article.in_quote(hit.span) {
                diagnostic.severity = Severity::Info;
                if let Some(fix) = &mut diagnostic.fix {
                    fix.applicability = Applicability::Unsafe;
                }
                diagnostic.notes.push(
                    "inside a quotation: transcribed speech follows house spelling, but a quoted document keeps its own"
                        .to_owned(),
                );
            } else if tie {
                diagnostic.severity = Severity::Info;
                diagnostic.fix = None;
                diagnostic.notes.push(format!(
                    "American and British spellings are used equally often ({us} each): choose one, or set `[style] spelling`"
                ));
            }
            out.push(diagnostic);
        }
    }
}

impl SpellingSystem {
    /// The finding for a spelling of the other system, with a safe fix to `system`.
    fn diagnostic(
        &self,
        cx: &Context<'_>,
        hit: &Hit,
        system: Spelling,
        example: Option<&Hit>,
    ) -> Diagnostic {
        let matched = cx.text(hit.span);
        let replacement = keep_case(matched, self.other_form(hit.pattern));
        let mut diagnostic = cx.diagnostic(
            hit.span,
            format!("{} spelling", system_of_pattern(hit.pattern).adjective()),
            &[
                ("match", matched),
                ("preferred", &replacement),
                ("system", system.adjective()),
            ],
        );
        if let Some(example) = example {
            let why = match self.prefer {
                Some(_) => format!("house style is {} spelling, as here", system.adjective()),
                None => format!("{} spelling here", system.adjective()),
            };
            diagnostic.secondary.push(cx.label(example.span, why));
        }
        diagnostic.fix = Some(Fix::safe(hit.span, replacement));
        diagnostic
    }
}
