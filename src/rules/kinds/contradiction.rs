//! # contradiction
//!
//! ## What it flags
//! Facts a story states twice that cannot both be true, read from the article model's facts
//! layer (`copydesk dump-model` shows it). `fact` chooses which:
//! - `"age"`: one person with two ages ("Jane Okafor, 46," then "the 47-year-old Okafor"),
//!   unless the sentence speaks of a birthday;
//! - `"count"`: two counts of the dead, injured, arrested or missing of one group ("killed 12
//!   people" then "11 people were killed"). "At least 12" then "14" agree; a count the story
//!   says changed ("rose to 14"), counts tied to two places, parts ("including four children")
//!   and counts of another time ("last year", "in 2015") are not compared, nor is a toll tied
//!   to another place than the lead's (another event's). A count of people in general smaller
//!   than the lead's named group ("57 prisoners", then "56 people were killed") is compared
//!   with it; a larger one may be a total of several groups and is not;
//! - `"title"`: one person with two titles that cannot both be held ("Secretary of State
//!   Antony Blinken", then "Defense Secretary Blinken"), where the second is not marked former;
//!   the title words are compared, not their capitals;
//! - `"weekday"`: a weekday written with a date it does not fall on ("Thursday, March 15,
//!   2023"), or beside "yesterday", "today" or "tomorrow" when the story's date makes that
//!   another day ("yesterday (Wednesday)" in a story dated Wednesday); a date without a year
//!   takes the story's (the checks needing the story's date are skipped without one, and the
//!   run's summary says so once);
//! - `"relative-date"`: "yesterday", "last week", "last month" or "next year" beside an
//!   absolute date it contradicts, for the story's date ("last week" and "next week" are read
//!   loosely, as the thirteen days before or after it);
//! - `"shares"`: the percentages one sentence gives as shares of one whole (a poll, a vote)
//!   adding up to more than 100, beyond what rounding allows. A sentence of a change ("rose",
//!   "up from 40%"), of two groups ("82% of Democrats and 41% of Republicans") or of two times
//!   ("compared with 78% in 2016") is not read; a quotation elsewhere in the sentence does not
//!   stop it.
//!
//! The finding is at the later mention in reading order (headline, dek, body, captions), with
//! the earlier one as a secondary label. With `against = "sources"`, ages, counts and titles
//! in the draft are compared with its sources' (`--source`), and the source's mention is the
//! label. People are known by full name; a surname alone counts when only one person in the
//! story has it. Quoted words are not read.
//!
//! ## Why
//! The most common corrections are facts a careful reader could have caught inside the story
//! itself: an age, a toll, a title or a day that changes between paragraphs, or between the
//! headline and the body.
//!
//! ## Example
//! ```toml
//! [[contradiction]]
//! id = "news.fact.age-changed"
//! message = "{fact}"
//! fact = "age"
//! rationale = "One person has one age in one story."
//! must-fire = ["Title\n\nJane Okafor, 46, led the service.\n\nThe 47-year-old Okafor retired.\n"]
//! must-not-fire = ["Title\n\nJane Okafor, 46, led the service.\n\nOkafor, 46, retired.\n"]
//! ```
//!
//! ## Instead
//! Check which mention is right and make the other agree; say "former" for a title no longer
//! held, and say when a count was updated ("the toll rose to 14").
//!
//! ## Fix safety
//! No fix: only the reporter knows which mention is right.

use super::KindInfo;
use crate::article::BlockKind;
use crate::article::facts::{Conflict, FactKind};
use crate::diagnostic::Diagnostic;
use crate::rules::pack::Compiler;
use crate::rules::{Check, Context};
use serde::Deserialize;

pub const KIND: KindInfo = KindInfo {
    name: "contradiction",
    default_scope: &[
        BlockKind::Headline,
        BlockKind::Dek,
        BlockKind::Subhead,
        BlockKind::Paragraph,
        BlockKind::Caption,
    ],
    placeholders: &["match", "fact"],
    rust_file: include_str!("contradiction.rs"),
};

/// What the facts are compared with.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Against {
    /// The story's own other mentions.
    #[default]
    Story,
    /// The sources' mentions (`--source`); nothing without sources.
    Sources,
}

crate::rule_spec! {
    pub struct Spec {
        pub fact: FactKind,
        #[serde(default)]
        pub against: Against,
    }
}

pub fn compile(spec: &Spec, compiler: &mut Compiler<'_>) -> Option<Box<dyn Check>> {
    let sourced = matches!(spec.fact, FactKind::Age | FactKind::Count | FactKind::Title);
    if spec.against == Against::Sources && !sourced {
        compiler.error(
            spec.id.span().into(),
            "`against = \"sources\"` compares ages, counts and titles only",
            "this rule",
        );
        return None;
    }
    Some(Box::new(Contradiction {
        fact: spec.fact,
        against: spec.against,
    }))
}

struct Contradiction {
    fact: FactKind,
    against: Against,
}

impl Check for Contradiction {
    fn check_article(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        match self.against {
            Against::Story => {
                for conflict in cx.article.facts().conflicts(self.fact, cx.article.date) {
                    report(cx, &conflict, None, out);
                }
            }
            Against::Sources => {
                // The layer is read only when there is a source to compare it with.
                let Some(sources) = cx.sources.filter(|_| !cx.source_docs.is_empty()) else {
                    return;
                };
                let facts = cx.article.facts();
                for &doc in cx.source_docs {
                    let source = sources.docs[doc].article.facts();
                    for conflict in facts.conflicts_with_source(source, self.fact) {
                        report(cx, &conflict, Some(doc), out);
                    }
                }
            }
        }
    }
}

/// The finding for `conflict`, its earlier mention labelled in the article or in source
/// `doc`.
fn report(cx: &Context<'_>, conflict: &Conflict, doc: Option<usize>, out: &mut Vec<Diagnostic>) {
    let span = conflict.at.span;
    if !cx
        .rule
        .scope
        .contains(cx.article.blocks[conflict.at.block].kind)
        || !cx.may_report(conflict.at.block, conflict.read_from)
    {
        return;
    }
    let mut diagnostic = cx.diagnostic(
        span,
        conflict.message.clone(),
        &[("match", cx.text(span)), ("fact", &conflict.message)],
    );
    if let Some((place, said)) = &conflict.earlier {
        diagnostic.secondary.push(match doc {
            Some(doc) => cx.source_label(doc, place.span, format!("the source: {said}")),
            None => cx.label(place.span, format!("earlier: {said}")),
        });
    }
    out.push(diagnostic);
}
