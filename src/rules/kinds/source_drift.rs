//! # source-drift
//!
//! ## What it flags
//! A sentence of a draft checked against sources (`--source`, or `sources` in front matter)
//! that says something other than the source passage it is aligned with, though its words
//! stay close. `report` chooses what is compared:
//! - `"attribution-dropped"`: the passage attributes the claim ("…, officials said",
//!   "according to …", "what security sources said was …") and the draft sentence states it
//!   with no attribution of its own. A sentence next to it, aligned with the same source
//!   sentence, may carry the attribution (one sentence split in two).
//! - `"attribution-changed"`: the draft's attribution names another speaker ("two militia
//!   officials" there, "US officials" here; Smith there, Jones here), or a stronger verb of
//!   saying ("said" there, "confirmed", "admitted", "revealed", "insisted" here). A weaker
//!   verb (confirmed as said) and a speaker named more or less fully (Smith as John Smith) are
//!   fine; a speaker named by a pronoun is not compared.
//! - `"hedge-dropped"`: the passage hedges the claim (reportedly, allegedly, apparently, may,
//!   might, suspected, "what appeared to be") and the draft sentence keeps no hedge; an
//!   attribution in the draft keeps "reportedly" and "allegedly".
//! - `"qualifier-changed"`: a figure the draft shares with the passage lost its qualifier or
//!   took one of another sense ("at least 12" as "12", "nearly 60" as "more than 60"; "over"
//!   for "more than" is the same sense), or a denial's reach changed ("no other deaths" as "no
//!   civilian casualties"). A figure whose value changed is `source-fact`'s.
//!
//! The words compared are data: `words` names a data file of the pack (a class, a tab and an entry a line) with the verbs of saying
//! by strength, the hedges, the qualifiers and the denials (`rules/news/drift-words.tsv` in
//! the built-in pack). The finding points at the draft's words and labels the source sentence.
//! A sentence is compared only when its passage carries at least half of its terms' weight;
//! headlines, deks, subheads and captions, which compress by convention, and quoted words are
//! not compared. Without sources the rule does nothing.
//!
//! ## Why
//! A rewrite that keeps the words but drops "officials said", turns "said" into "confirmed"
//! or "may" into "is", or "at least 12" into "12", tells the reader more than the source
//! knows. A desk editor compares them with the wire copy; reading the draft alone cannot.
//!
//! ## Example
//! ```toml
//! [[source-drift]]
//! id = "grounding.hedge-dropped"
//! message = "the source hedges this: `{source}`"
//! report = "hedge-dropped"
//! words = "drift-words.tsv"
//! rationale = "Keep the doubt the source keeps."
//! must-fire = ["x"]
//! must-not-fire = ["A draft with no sources may say anything."]
//! ```
//!
//! ## Instead
//! Keep the source's attribution, verb, hedge and qualifier, or check the stronger claim
//! yourself and say who made it.
//!
//! ## Fix safety
//! No fix: whether the stronger claim is now known is for the reporter to say.

use super::KindInfo;
use crate::article::BlockKind;
use crate::diagnostic::Diagnostic;
use crate::grounding::drift::{DriftKind, DriftWords};
use crate::rules::data_format::{self, Column, Entry, Field, LineError};
use crate::rules::pack::Compiler;
use crate::rules::{Check, Context};
use serde::Deserialize;
use std::borrow::Cow;
use std::sync::OnceLock;
use toml::Spanned;

/// A line of the word lists: a class, a tab, and a word or a phrase.
const COLUMNS: [Column; 2] = [("class", Field::Word), ("entry", Field::Phrase)];

pub const KIND: KindInfo = KindInfo {
    name: "source-drift",
    default_scope: &[BlockKind::Paragraph],
    placeholders: &["match", "source"],
    rust_file: include_str!("source_drift.rs"),
};

/// What a rule compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Report {
    AttributionDropped,
    AttributionChanged,
    HedgeDropped,
    QualifierChanged,
}

crate::rule_spec! {
    pub struct Spec {
        pub report: Report,
        pub words: Spanned<String>,
    }
}

pub fn compile(spec: &Spec, compiler: &mut Compiler<'_>) -> Option<Box<dyn Check>> {
    let text = compiler.data_file(&spec.words)?;
    let words = OnceLock::new();
    // A pack's own lists are read now, so a bad line is an error at load. The built-in pack's,
    // which the test suite checks, are read the first time a draft is checked against a
    // source: a run without one pays nothing for them.
    if compiler.embedded_data_name(&spec.words).is_none() {
        match read_words(&text) {
            Ok(read) => {
                let _ = words.set(Some(read));
            }
            Err(error) => {
                compiler.error(
                    spec.words.span().into(),
                    format!("line {} of the word lists: {}", error.line, error.problem),
                    "in this file",
                );
                return None;
            }
        }
    }
    let kind = match spec.report {
        Report::AttributionDropped => DriftKind::AttributionDropped,
        Report::AttributionChanged => DriftKind::AttributionChanged,
        Report::HedgeDropped => DriftKind::HedgeDropped,
        Report::QualifierChanged => DriftKind::QualifierChanged,
    };
    Some(Box::new(SourceDrift { kind, text, words }))
}

/// The word lists of a data file's text, or its first bad line.
fn read_words(text: &str) -> Result<DriftWords, LineError> {
    let entries: Vec<(usize, &str, &str)> = data_format::entries(text, COLUMNS)
        .map(|entry| {
            let Entry {
                line,
                fields: [class, phrase],
            } = entry?;
            Ok((line, &text[class], &text[phrase]))
        })
        .collect::<Result<_, LineError>>()?;
    DriftWords::from_entries(entries).map_err(|error| LineError {
        line: error.line,
        problem: error.problem,
    })
}

struct SourceDrift {
    kind: DriftKind,
    /// The word lists' data file.
    text: Cow<'static, str>,
    /// Its lists: read at load from a pack's own file, on first use from the built-in
    /// pack's (`None` if that could not be read, which its tests rule out).
    words: OnceLock<Option<DriftWords>>,
}

impl SourceDrift {
    /// The label on the draft's words.
    fn label(&self) -> &'static str {
        match self.kind {
            DriftKind::AttributionDropped => "stated on the draft's own authority",
            DriftKind::AttributionChanged => "not the source's attribution",
            DriftKind::HedgeDropped => "stated as fact",
            DriftKind::QualifierChanged => "not the source's qualifier",
        }
    }
}

impl Check for SourceDrift {
    fn check_article(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let (Some(sources), Some((alignment, reading))) = (cx.sources, cx.drift_reading()) else {
            return;
        };
        let words = self.words.get_or_init(|| read_words(&self.text).ok());
        let Some(words) = words else {
            return;
        };
        for drift in sources.drifts(self.kind, words, cx.article, alignment, reading) {
            let Some(block) = cx.article.block_at(drift.span) else {
                continue;
            };
            if !cx.rule.scope.contains(cx.article.blocks[block].kind)
                || !cx.may_report(block, drift.span)
            {
                continue;
            }
            let theirs = sources.text(drift.doc, drift.source);
            let mut diagnostic = cx.diagnostic(
                drift.span,
                self.label(),
                &[("match", cx.text(drift.span)), ("source", theirs)],
            );
            diagnostic.secondary.push(cx.source_label(
                drift.doc,
                drift.passage,
                format!("the source passage: `{theirs}`"),
            ));
            out.push(diagnostic);
        }
    }
}
