//! # source-fact
//!
//! ## What it flags
//! Facts in a draft checked against sources (`--source`, or `sources` in front matter) that no
//! source has. `facts` chooses what is compared: `"figures"` (numerals, with thousands
//! separators and ordinal endings ignored, counts written as words — "three" is 3 — and
//! scales — "$1.5 billion" is "$1,500 million"; the number inside a hyphenated compound — "a
//! 46-year-old", "12-state", "Under-21" — and score lines and tallies — "18-15", "a 53-48
//! majority" — are figures too),
//! `"dates"` (month and day, "March 15" or "15 March", and weekdays) and `"names"` (two or more
//! capitalised words in a row: "Central Command", "Antony Blinken"; a sentence's first word
//! only when it is not a common word of the rule's `dictionary`). With `report = "missing"`
//! a fact in no source is flagged; with `report = "changed"`, a figure in no source whose
//! words around it match a source figure's — three soldiers there, four here; "the
//! 31-year-old, whose" against "the 30-year-old, whose" — is flagged with that source figure
//! as a secondary label (the best match of the words either side wins). Text inside quotations is
//! left to `source-quote`. Without sources the rule does nothing.
//!
//! ## Why
//! Rewrites of wire copy pick up figures, dates and names from nowhere; each is a correction
//! waiting to happen.
//!
//! ## Example
//! ```toml
//! [[source-fact]]
//! id = "grounding.not-in-sources"
//! message = "`{match}` is in none of the sources"
//! facts = ["figures", "dates", "names"]
//! report = "missing"
//! rationale = "Every fact in a rewrite must come from its sources."
//! must-fire = ["x"]
//! must-not-fire = ["A draft with no sources is left alone on March 15."]
//! ```
//!
//! ## Instead
//! Check the fact, and attribute it to where it came from.
//!
//! ## Fix safety
//! No fix.

use super::KindInfo;
use crate::article::BlockKind;
use crate::diagnostic::Diagnostic;
use crate::grounding::{Sources, dates, figures};
use crate::rules::dictionary::Dictionary;
use crate::rules::pack::Compiler;
use crate::rules::{Check, Context};
use crate::span::Span;
use serde::Deserialize;
use toml::Spanned;

pub const KIND: KindInfo = KindInfo {
    name: "source-fact",
    default_scope: &[BlockKind::Dek, BlockKind::Paragraph, BlockKind::Caption],
    placeholders: &["match", "source"],
    rust_file: include_str!("source_fact.rs"),
};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Fact {
    Figures,
    Dates,
    Names,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Report {
    Missing,
    Changed,
}

crate::rule_spec! {
    pub struct Spec {
        pub facts: Vec<Fact>,
        pub report: Report,
        #[serde(default)]
        pub dictionary: Option<Spanned<String>>,
    }
}

pub fn compile(spec: &Spec, compiler: &mut Compiler<'_>) -> Option<Box<dyn Check>> {
    if spec.facts.is_empty() {
        compiler.error(
            spec.id.span().into(),
            "`facts` names at least one of figures, dates, names",
            "this rule",
        );
        return None;
    }
    let dictionary = match &spec.dictionary {
        Some(path) => Some(compiler.word_list(path)?),
        None => None,
    };
    Some(Box::new(SourceFact {
        facts: spec.facts.clone(),
        report: spec.report,
        dictionary,
    }))
}

struct SourceFact {
    facts: Vec<Fact>,
    report: Report,
    dictionary: Option<Dictionary>,
}

/// Words that open sentences and are never part of a name.
const OPENERS: &[&str] = &[
    "The", "A", "An", "In", "On", "At", "But", "And", "As", "When", "While", "After", "Before",
    "During", "If", "It", "This", "That", "He", "She", "They", "We", "His", "Her", "Their", "Its",
    "Some", "Many", "For", "With", "From", "By", "To", "Of", "Who", "What", "Why", "How",
];

impl SourceFact {
    fn common_word(&self, word: &str) -> bool {
        OPENERS.contains(&word) || self.dictionary.as_ref().is_some_and(|d| d.contains(word))
    }
}

impl Check for SourceFact {
    fn check_article(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let Some(sources) = cx.sources.filter(|_| !cx.source_docs.is_empty()) else {
            return;
        };
        let docs = cx.source_docs;
        for (index, block) in cx.blocks() {
            for sentence in cx.article.sentences(block) {
                let spans: Vec<Span> = cx
                    .article
                    .words(sentence)
                    .filter(|&w| cx.may_report(index, w))
                    .collect();
                let words: Vec<&str> = spans.iter().map(|&w| cx.text(w)).collect();
                let sentence_dates = dates(&words);
                let in_date = |i: usize| {
                    sentence_dates
                        .iter()
                        .any(|&(first, last, _)| (first..last).contains(&i))
                };
                if self.facts.contains(&Fact::Figures) {
                    self.check_figures(cx, sources, &spans, &words, &in_date, out);
                }
                if self.report != Report::Missing {
                    continue;
                }
                if self.facts.contains(&Fact::Dates) {
                    for (first, last, date) in sentence_dates {
                        if !sources.has_date(docs, &date) {
                            let span = Span::new(spans[first].start, spans[last - 1].end);
                            out.push(cx.diagnostic(
                                span,
                                "in no source",
                                &[("match", cx.text(span)), ("source", "")],
                            ));
                        }
                    }
                }
                if self.facts.contains(&Fact::Names) {
                    self.check_names(cx, &spans, &words, out);
                }
            }
        }
    }
}

impl SourceFact {
    /// Figures in no source, or changed from the source's figure for the same counted thing.
    fn check_figures(
        &self,
        cx: &Context<'_>,
        sources: &Sources,
        spans: &[Span],
        words: &[&str],
        in_date: &dyn Fn(usize) -> bool,
        out: &mut Vec<Diagnostic>,
    ) {
        let docs = cx.source_docs;
        for figure in figures(&cx.article.contents, spans) {
            // "one" is more often a pronoun than a count; a day belongs to its date.
            if words[figure.word].eq_ignore_ascii_case("one") || in_date(figure.word) {
                continue;
            }
            if sources.has_figure(docs, &figure.value) {
                continue;
            }
            let written = cx.text(figure.span);
            let changed = sources.changed_figure(docs, &figure);
            match (self.report, changed) {
                (Report::Changed, Some((doc, span, was))) => {
                    let mut d = cx.diagnostic(
                        figure.span,
                        format!("the source says {}", sources.text(doc, span)),
                        &[("match", written), ("source", sources.text(doc, span))],
                    );
                    if figure.value != written || was != sources.text(doc, span) {
                        d.notes
                            .push(format!("compared as {} here and {was} there", figure.value));
                    }
                    d.secondary
                        .push(cx.source_label(doc, span, "the source's figure"));
                    out.push(d);
                }
                (Report::Missing, None) => {
                    out.push(cx.diagnostic(
                        figure.span,
                        "in no source",
                        &[("match", written), ("source", "")],
                    ));
                }
                _ => {}
            }
        }
    }

    /// Runs of two or more capitalised words, checked as names.
    fn check_names(
        &self,
        cx: &Context<'_>,
        spans: &[Span],
        words: &[&str],
        out: &mut Vec<Diagnostic>,
    ) {
        let Some(sources) = cx.sources else { return };
        let capitalised = |w: &str| {
            w.chars().next().is_some_and(char::is_uppercase)
                && !w.chars().any(|c| c.is_ascii_digit())
        };
        let mut i = 0;
        while i < words.len() {
            let start = i;
            while i < words.len()
                && capitalised(words[i])
                && (i == start || cx.article.contents[spans[i - 1].end..spans[i].start] == *" ")
            {
                i += 1;
            }
            let mut first = start;
            // A sentence's opening word is part of a name only when it is not a common word.
            if first == 0 && first < i && self.common_word(words[first]) {
                first += 1;
            }
            if i - first >= 2 {
                let name = words[first..i].join(" ");
                if !sources.has_name(cx.source_docs, &name) {
                    let span = Span::new(spans[first].start, spans[i - 1].end);
                    out.push(cx.diagnostic(
                        span,
                        "in no source",
                        &[("match", &name), ("source", "")],
                    ));
                }
            }
            i = i.max(start + 1);
        }
    }
}
