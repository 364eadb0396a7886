//! `check --sourcing`: who each article quotes and how often, named or not, its unnamed sources
//! with or without a reason, and its check-worthy claims — the sourcing list a standards desk
//! otherwise builds by hand; with sources, the trace of each sentence to the source passage it
//! came from ([`super::trace`]). As a table, or as JSON (`--format json`: one document;
//! `--format jsonl`: one object per article).

use super::Report;
use super::emitter::SummaryForm;
use super::json::SCHEMA_VERSION;
use super::trace::{self, Trace};
use crate::article::Article;
use crate::article::attribution::{QuoteSource, Resolution};
use serde::Serialize;
use std::fmt::Write;

/// How a speaker is identified.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
enum Identified {
    /// By name ("Antony Blinken", "Senate Democratic leader Chuck Schumer").
    Named,
    /// By role only ("the mayor", "the magazine").
    Role,
    /// Not at all ("a senior official", "people familiar with the talks").
    Unnamed,
    /// The words of a document or a title.
    Document,
    /// Nobody the model could find.
    Unknown,
}

impl Identified {
    fn name(self) -> &'static str {
        match self {
            Identified::Named => "named",
            Identified::Role => "by role",
            Identified::Unnamed => "unnamed",
            Identified::Document => "in a document or a title",
            Identified::Unknown => "no speaker found",
        }
    }
}

#[derive(Serialize)]
struct Speaker {
    speaker: String,
    quotations: usize,
    identified: Identified,
}

#[derive(Serialize)]
struct Unnamed {
    text: String,
    reason: Option<String>,
    explained_before: bool,
    named_later: Option<String>,
}

#[derive(Serialize)]
struct Claims {
    checked: usize,
    unattributed: usize,
}

#[derive(Serialize)]
struct ArticleSourcing {
    path: String,
    quotations: usize,
    speakers: Vec<Speaker>,
    unnamed_sources: Vec<Unnamed>,
    claims: Claims,
    /// With sources only: where each paragraph came from (an additive field, versioned on its
    /// own).
    #[serde(skip_serializing_if = "Option::is_none")]
    trace: Option<Trace>,
}

#[derive(Serialize)]
struct Document {
    version: u32,
    tool: &'static str,
    articles: Vec<ArticleSourcing>,
}

const INDEFINITE: &[&str] = &[
    "a",
    "an",
    "one",
    "two",
    "three",
    "several",
    "some",
    "another",
    "many",
    "officials",
    "sources",
    "people",
];

/// Who a quotation's speaker is, and how they are identified.
fn speaker(article: &Article, source: &QuoteSource) -> (String, Identified) {
    if matches!(source.how, Resolution::Document | Resolution::Title) {
        let text = source.speaker.map_or("", |s| article.text(s));
        return (text.to_owned(), Identified::Document);
    }
    let Some(span) = source.refers_to.or(source.speaker) else {
        return (String::new(), Identified::Unknown);
    };
    let text = article.text(span);
    let words: Vec<&str> = text.split_whitespace().collect();
    let first = words.first().copied().unwrap_or("");
    let capital = |w: &&str| w.starts_with(char::is_uppercase);
    let identified = if INDEFINITE.iter().any(|w| first.eq_ignore_ascii_case(w)) {
        Identified::Unnamed
    } else if words.iter().skip(1).any(capital)
        || (capital(&first) && !["The", "A", "An", "His", "Her", "Its", "Their"].contains(&first))
    {
        Identified::Named
    } else {
        Identified::Role
    };
    (text.to_owned(), identified)
}

/// The sourcing of article `index` of `report`.
fn summarise(report: &Report<'_>, index: usize) -> ArticleSourcing {
    let article = &report.articles[index];
    let sourcing = article.attribution();
    // A nickname in a name is nobody's words: not a quotation.
    let quotations: Vec<&QuoteSource> = sourcing
        .quotes
        .iter()
        .filter(|q| q.how != Resolution::Nickname)
        .collect();
    let mut speakers: Vec<Speaker> = Vec::new();
    for source in &quotations {
        let (name, identified) = speaker(article, source);
        match speakers
            .iter_mut()
            .find(|s| s.speaker.eq_ignore_ascii_case(&name) && s.identified == identified)
        {
            Some(known) => known.quotations += 1,
            None => speakers.push(Speaker {
                speaker: name,
                quotations: 1,
                identified,
            }),
        }
    }
    speakers.sort_by_key(|s| std::cmp::Reverse(s.quotations));
    ArticleSourcing {
        path: article.name.clone(),
        quotations: quotations.len(),
        speakers,
        unnamed_sources: sourcing
            .anonymous
            .iter()
            .map(|a| Unnamed {
                text: article.text(a.span).to_owned(),
                reason: a.reason.map(|r| article.text(r).to_owned()),
                explained_before: a.explained_before.is_some(),
                named_later: a.named_later.map(|n| article.text(n).to_owned()),
            })
            .collect(),
        claims: Claims {
            checked: sourcing.claims.len(),
            unattributed: sourcing
                .claims
                .iter()
                .filter(|c| c.vouched.is_none())
                .count(),
        },
        trace: trace::trace(report, index),
    }
}

/// "1 quotation", "2 quotations".
fn counted(count: usize, noun: &str) -> String {
    if count == 1 {
        format!("1 {noun}")
    } else {
        format!("{count} {noun}s")
    }
}

/// The sourcing in a format's form of a summary.
pub fn render_as(form: SummaryForm, report: &Report<'_>) -> Vec<u8> {
    match form {
        SummaryForm::Table => render(report),
        SummaryForm::Document => render_json(report),
        SummaryForm::Lines => render_lines(report),
    }
    .into_bytes()
}

/// The sourcing of every article, as a table.
fn render(report: &Report<'_>) -> String {
    let mut out = String::new();
    for summary in (0..report.articles.len()).map(|i| summarise(report, i)) {
        let _ = writeln!(out, "{}", summary.path);
        let _ = writeln!(
            out,
            "  {} from {}",
            counted(summary.quotations, "quotation"),
            counted(summary.speakers.len(), "speaker")
        );
        for s in &summary.speakers {
            let who = if s.speaker.is_empty() {
                "—"
            } else {
                &s.speaker
            };
            let _ = writeln!(
                out,
                "    {:>3}  {who} ({})",
                s.quotations,
                s.identified.name()
            );
        }
        let unexplained = summary
            .unnamed_sources
            .iter()
            .filter(|u| u.reason.is_none() && !u.explained_before && u.named_later.is_none())
            .count();
        let _ = writeln!(
            out,
            "  {}, {unexplained} with no reason given",
            counted(summary.unnamed_sources.len(), "unnamed source")
        );
        for u in &summary.unnamed_sources {
            let why = match (&u.reason, u.explained_before, &u.named_later) {
                (Some(reason), _, _) => format!("reason: {reason}"),
                (None, true, _) => "explained earlier".to_owned(),
                (None, false, Some(named)) => format!("named later: {named}"),
                (None, false, None) => "no reason given".to_owned(),
            };
            let _ = writeln!(out, "         {} — {why}", u.text);
        }
        let _ = writeln!(
            out,
            "  {}, {} that nothing attributes",
            counted(summary.claims.checked, "check-worthy claim"),
            summary.claims.unattributed
        );
        if let Some(trace) = &summary.trace {
            trace::render(trace, &mut out);
        }
    }
    out
}

/// The sourcing of every article as one JSON document.
fn render_json(report: &Report<'_>) -> String {
    let document = Document {
        version: SCHEMA_VERSION,
        tool: "copydesk",
        articles: (0..report.articles.len())
            .map(|i| summarise(report, i))
            .collect(),
    };
    serde_json::to_string_pretty(&document).unwrap_or_default() + "\n"
}

/// The sourcing of every article, one JSON object a line.
fn render_lines(report: &Report<'_>) -> String {
    (0..report.articles.len())
        .map(|i| serde_json::to_string(&summarise(report, i)).unwrap_or_default() + "\n")
        .collect()
}
