//! # source-sentence
//!
//! ## What it flags
//! A sentence of a draft checked against sources (`--source`, or `sources` in front matter)
//! that no source passage supports: too little of what it says — its stemmed content words,
//! names and figures, each weighted by how rare it is in the sources — is in the passage it
//! aligns with (one source sentence or two adjacent ones). A clause opened by "which", or by
//! an "as" or an "and" that opens a clause ("and wounded several others", not "a charred and
//! mangled car"), is judged on its own too, so a claim added to a supported sentence shows. A
//! headline, dek, subhead or caption summarises, and is judged against the union of its best
//! passages, under `min-summary-coverage` (default 0.2).
//! A sentence is unsupported when the share of its weight the passage has is under
//! `min-coverage` (default 0.4; `min-flow-coverage`, default 0.33, when its passage is that of
//! the sentence before or after it, or next to it: where the source's flow puts it, a sentence
//! that shares some words is more likely the source in other words) and the weight the passage
//! lacks is at least `min-unmatched`
//! (default 3.0, about one word in no source; so a short clause is judged only when it adds a
//! word of its own). A sentence where the source's flow puts it that adds at most three words
//! the passage lacks, none a name or a figure, and says no one said it, restates its passage
//! and is left alone. A
//! clause of a sentence that is supported as a whole is unsupported under
//! `min-clause-coverage` (default 0.25), counting its sentence's passage as well as its own.
//! Sentences and clauses mostly inside quotations (more than `max-quoted`, default 0.5, of
//! their content words) are left to `source-quote`, and quoted words count for nothing here.
//! A sentence that attributes what it says to someone no source mentions ("…, a neighbour
//! said") is reported at `info`: the reporter's own reporting, to be checked, not a drift. A
//! suppression comment on a sentence marks it as the reporter's own. The finding names the
//! closest passage as a secondary label. Without sources the rule does nothing.
//!
//! ## Why
//! A rewrite of wire copy, a press release or notes that says what its sources do not has
//! either added reporting, which needs its own attribution, or invented it.
//!
//! ## Example
//! ```toml
//! [[source-sentence]]
//! id = "grounding.unsupported-sentence"
//! message = "not in the sources: check it or attribute it"
//! rationale = "Every claim in a rewrite must come from its sources."
//! must-fire = ["x"]
//! must-not-fire = ["A draft with no sources is left alone."]
//! ```
//!
//! ## Instead
//! Check the claim and attribute it to where it came from, or cut it.
//!
//! ## Fix safety
//! No fix: whether the claim is true is for the reporter to find out.

use super::KindInfo;
use crate::article::attribution::lexicon::{SPEECH, classes};
use crate::article::{Article, BlockKind};
use crate::diagnostic::{Diagnostic, Severity};
use crate::grounding::{AlignedSentence, Sources, Support, stem};
use crate::rules::pack::Compiler;
use crate::rules::{Check, Context};
use crate::span::Span;

pub const KIND: KindInfo = KindInfo {
    name: "source-sentence",
    default_scope: &[
        BlockKind::Headline,
        BlockKind::Dek,
        BlockKind::Subhead,
        BlockKind::Paragraph,
        BlockKind::Caption,
    ],
    placeholders: &["match"],
    rust_file: include_str!("source_sentence.rs"),
};

crate::rule_spec! {
    pub struct Spec {
        #[serde(default = "default_min_coverage")]
        pub min_coverage: f64,
        #[serde(default = "default_min_summary_coverage")]
        pub min_summary_coverage: f64,
        #[serde(default = "default_min_clause_coverage")]
        pub min_clause_coverage: f64,
        #[serde(default = "default_min_flow_coverage")]
        pub min_flow_coverage: f64,
        #[serde(default = "default_min_unmatched")]
        pub min_unmatched: f64,
        #[serde(default = "default_max_quoted")]
        pub max_quoted: f64,
    }
}

fn default_min_coverage() -> f64 {
    crate::grounding::TRACED_COVERAGE
}

fn default_min_summary_coverage() -> f64 {
    crate::grounding::TRACED_SUMMARY_COVERAGE
}

fn default_min_flow_coverage() -> f64 {
    0.33
}

fn default_min_clause_coverage() -> f64 {
    0.25
}

fn default_min_unmatched() -> f64 {
    3.0
}

fn default_max_quoted() -> f64 {
    0.5
}

pub fn compile(spec: &Spec, compiler: &mut Compiler<'_>) -> Option<Box<dyn Check>> {
    let fractions = [
        ("min-coverage", spec.min_coverage),
        ("min-summary-coverage", spec.min_summary_coverage),
        ("min-clause-coverage", spec.min_clause_coverage),
        ("min-flow-coverage", spec.min_flow_coverage),
        ("max-quoted", spec.max_quoted),
    ];
    for (name, value) in fractions {
        if !(0.0..=1.0).contains(&value) {
            compiler.error(
                spec.id.span().into(),
                format!("`{name}` is a fraction between 0 and 1"),
                "this rule",
            );
            return None;
        }
    }
    if spec.min_unmatched.is_nan() || spec.min_unmatched < 0.0 {
        compiler.error(
            spec.id.span().into(),
            "`min-unmatched` is a weight of 0 or more",
            "this rule",
        );
        return None;
    }
    Some(Box::new(SourceSentence {
        min_coverage: spec.min_coverage,
        min_summary_coverage: spec.min_summary_coverage,
        min_clause_coverage: spec.min_clause_coverage,
        min_flow_coverage: spec.min_flow_coverage,
        min_unmatched: spec.min_unmatched,
        max_quoted: spec.max_quoted,
    }))
}

/// The coverage from which a clause that opens an unsupported sentence is left out of the
/// span reported, as clearly the source's.
const CLEARLY_SUPPORTED: f64 = 0.5;

struct SourceSentence {
    min_coverage: f64,
    min_summary_coverage: f64,
    min_clause_coverage: f64,
    min_flow_coverage: f64,
    min_unmatched: f64,
    max_quoted: f64,
}

impl SourceSentence {
    /// Whether too little of a stretch's weight is in its passage: under `min_coverage`,
    /// with at least `min_unmatched` missing.
    fn unsupported(&self, support: &Support, min_coverage: f64) -> bool {
        let supported = support.supported_share();
        supported < min_coverage && support.weight * (1.0 - supported) >= self.min_unmatched
    }

    /// The stretches of `sentence` to report: the whole sentence when it is unsupported,
    /// else each unsupported clause of a sentence of the body (a summary's clauses are not
    /// judged apart).
    fn unsupported_spans<'s>(
        &self,
        article: &Article,
        sentence: &'s AlignedSentence,
        in_flow: bool,
    ) -> Vec<(Span, &'s Support)> {
        let min_coverage = match (sentence.summary, in_flow) {
            (true, _) => self.min_summary_coverage,
            (false, true) => self.min_flow_coverage,
            (false, false) => self.min_coverage,
        };
        if self.unsupported(&sentence.support, min_coverage)
            && !(in_flow && restates(article, sentence))
        {
            // The clauses that open it and are clearly supported are left out of the span.
            let start = sentence
                .clauses
                .iter()
                .take_while(|c| {
                    !sentence.summary && c.support.supported_share() >= CLEARLY_SUPPORTED
                })
                .count();
            let span = sentence
                .clauses
                .get(start)
                .filter(|_| start > 0)
                .map_or(sentence.span, |c| {
                    Span::new(c.span.start, sentence.span.end)
                });
            return vec![(span, &sentence.support)];
        }
        if sentence.summary {
            return Vec::new();
        }
        // A clause runs to the next one's start, its quotations included.
        let reach = |at: usize| {
            let end = sentence
                .clauses
                .get(at + 1)
                .map_or(sentence.span.end, |next| next.span.start);
            Span::new(sentence.clauses[at].span.start, end)
        };
        // The first clause is the sentence's own: what a clause adds comes after it.
        sentence
            .clauses
            .iter()
            .enumerate()
            .skip(1)
            .filter(|&(at, _)| quoted_share(article, reach(at)) <= self.max_quoted)
            .map(|(_, clause)| clause)
            .filter(|clause| self.unsupported(&clause.support, self.min_clause_coverage))
            .map(|clause| (clause.span, &clause.support))
            .collect()
    }
}

impl Check for SourceSentence {
    fn check_article(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let (Some(alignment), Some(sources)) = (cx.alignment(), cx.sources) else {
            return;
        };
        for (at, sentence) in alignment.sentences.iter().enumerate() {
            let kind = cx.article.blocks[sentence.block].kind;
            if !cx.rule.scope.contains(kind) || sentence.quoted_share > self.max_quoted {
                continue;
            }
            let in_flow = in_flow(&alignment.sentences, at);
            for (span, support) in self.unsupported_spans(cx.article, sentence, in_flow) {
                if !cx.may_report(sentence.block, span) {
                    continue;
                }
                let mut diagnostic =
                    cx.diagnostic(span, "in no source passage", &[("match", cx.text(span))]);
                if attributed_elsewhere(cx, sources, sentence.span) {
                    diagnostic.severity = Severity::Info;
                    diagnostic
                        .notes
                        .push("attributed to someone no source mentions".to_owned());
                }
                diagnostic.notes.push(match support.passages.is_empty() {
                    true => "no source sentence shares a word with it".to_owned(),
                    false => format!(
                        "{:.0}% of what it says is in the closest passage",
                        support.coverage * 100.0
                    ),
                });
                // A clause that shares nothing with any passage is shown its sentence's.
                let passages = match support.passages.is_empty() {
                    true => &sentence.support.passages,
                    false => &support.passages,
                };
                for passage in passages {
                    diagnostic.secondary.push(cx.source_label(
                        passage.doc,
                        passage.span,
                        "the closest passage in the sources",
                    ));
                }
                out.push(diagnostic);
            }
        }
    }
}

/// Whether sentence `at` sits where its source's flow puts it: its passage is the passage of
/// the sentence before or after it in the draft, or next to it. A sentence there that shares
/// some words with its passage is more likely the source in other words than a claim of its
/// own; one dropped in from elsewhere rarely is.
fn in_flow(sentences: &[AlignedSentence], at: usize) -> bool {
    let Some(mine) = sentences[at].support.passages.first() else {
        return false;
    };
    [at.checked_sub(1), Some(at + 1)]
        .into_iter()
        .flatten()
        .filter_map(|i| sentences.get(i))
        .filter(|other| !other.summary)
        .filter_map(|other| other.support.passages.first())
        .any(|theirs| theirs.adjoins(mine))
}

/// The most words of its own a sentence in the source's flow may add and still be read as its
/// passage in other words.
const RESTATED_WORDS: usize = 3;

/// Whether a sentence adds nothing a reader could check beyond its passage: at most
/// [`RESTATED_WORDS`] words that the passage lacks, none of them a name or a figure, and no
/// one said to say it. "Ladbrokes makes the singer an even-money shot", beside "Ladbrokes
/// says the singer has even odds", says its passage in other words; an added fact brings a
/// name, a figure, more words of its own, or someone who says it ("The neighbourhood group
/// said the plan was late").
fn restates(article: &Article, sentence: &AlignedSentence) -> bool {
    let unmatched = &sentence.support.unmatched;
    let says = article
        .words(sentence.span)
        .any(|w| !article.in_quote(w) && classes(article.text(w)) & SPEECH != 0);
    !says
        && unmatched.len() <= RESTATED_WORDS
        && unmatched.iter().all(|&word| {
            let text = article.text(word);
            let opens = word.start == sentence.span.start;
            !text.starts_with(|c: char| c.is_ascii_digit() || !opens && c.is_uppercase())
        })
}

/// The share of the content words of `span` inside quotations: a clause mostly quoted ("and
/// called him a “very dynamic figure”") is the misquote rules' business, like such a sentence.
fn quoted_share(article: &Article, span: Span) -> f64 {
    let (mut all, mut quoted) = (0usize, 0usize);
    for word in article
        .words(span)
        .filter(|&w| stem(article.text(w)).is_some())
    {
        all += 1;
        quoted += usize::from(article.in_quote(word));
    }
    quoted as f64 / all.max(1) as f64
}

/// Whether `sentence` attributes what it says (a verb of saying, or "according to") to a
/// name — capitalised words next to the verb — that no source has.
fn attributed_elsewhere(cx: &Context<'_>, sources: &Sources, sentence: Span) -> bool {
    let words: Vec<Span> = cx
        .article
        .words(sentence)
        .filter(|&w| !cx.article.in_quote(w))
        .collect();
    let is_cue = |w: &Span| {
        let text = cx.text(*w);
        classes(text) & SPEECH != 0 || text.eq_ignore_ascii_case("according")
    };
    let Some(cue) = words.iter().position(is_cue) else {
        return false;
    };
    // A capitalised word that is not a function word ("The", "He") is part of a name; the
    // sentence's first word is capitalised anyway, and counts only before another capital.
    let capital = |i: usize| {
        words.get(i).is_some_and(|&w| {
            cx.text(w).starts_with(char::is_uppercase) && stem(cx.text(w)).is_some()
        })
    };
    let capitalised = |i: &usize| capital(*i) && (*i > 0 || capital(1));
    let near = cue.saturating_sub(4)..(cue + 5).min(words.len());
    let names: Vec<&str> = near
        .filter(capitalised)
        .map(|i| cx.text(words[i]))
        .collect();
    !names.is_empty()
        && !names
            .iter()
            .any(|name| sources.has_name(cx.source_docs, name))
}
