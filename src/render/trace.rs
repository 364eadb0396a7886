//! The trace of a draft checked against sources, for `check --sourcing`: for each paragraph,
//! the source lines its sentences came from (see [`crate::grounding::Alignment`]), the share of
//! the draft that is traced, and the sentences that are not. In JSON it is the `trace` field of
//! an article, versioned on its own ([`TRACE_VERSION`]).

use super::Report;
use crate::article::Article;
use crate::grounding::{AlignedSentence, Sources};
use crate::span::LineIndex;
use serde::Serialize;
use std::fmt::Write;

/// The version of the `trace` field's shape: a change that could break a reader raises it.
pub const TRACE_VERSION: u32 = 1;

/// The most characters of an untraced sentence shown.
const SHOWN: usize = 100;

#[derive(Debug, Serialize)]
pub struct Trace {
    pub version: u32,
    /// The share of the draft's words (in its headline, dek, subheads, paragraphs and
    /// captions) that are in traced sentences, from 0 to 1.
    pub traced_share: f64,
    pub paragraphs: Vec<TracedBlock>,
    pub untraced: Vec<Untraced>,
}

/// A block of the draft and the source lines its traced sentences came from.
#[derive(Debug, Serialize)]
pub struct TracedBlock {
    /// Its first line (1-based) in the draft.
    pub line: usize,
    pub sources: Vec<SourceLines>,
}

#[derive(Debug, Serialize)]
pub struct SourceLines {
    /// The source's name, as given.
    pub source: String,
    /// 1-based lines, in order, each once.
    pub lines: Vec<usize>,
}

/// A sentence no passage supports.
#[derive(Debug, Serialize)]
pub struct Untraced {
    pub line: usize,
    pub text: String,
}

/// The trace of article `index` of `report`, when it was checked against sources.
pub fn trace(report: &Report<'_>, index: usize) -> Option<Trace> {
    let sources = report.sources?;
    let docs = report
        .source_of
        .get(index)
        .filter(|docs| !docs.is_empty())?;
    let article = &report.articles[index];
    let alignment = sources.align(docs, article);
    let lines = LineIndex::new(&article.source);
    let mut paragraphs: Vec<TracedBlock> = Vec::new();
    let mut untraced = Vec::new();
    let (mut words, mut traced_words) = (0usize, 0usize);
    let mut last_block = None;
    for sentence in &alignment.sentences {
        let count = article.words(sentence.span).count();
        words += count;
        if last_block != Some(sentence.block) {
            last_block = Some(sentence.block);
            paragraphs.push(TracedBlock {
                line: lines.line_of(sentence.span.start) + 1,
                sources: Vec::new(),
            });
        }
        if !sentence.is_traced() {
            untraced.push(Untraced {
                line: lines.line_of(sentence.span.start) + 1,
                text: shown(article, sentence),
            });
            continue;
        }
        traced_words += count;
        if let Some(block) = paragraphs.last_mut() {
            add_lines(sources, sentence, &mut block.sources);
        }
    }
    paragraphs.retain(|p| !p.sources.is_empty());
    Some(Trace {
        version: TRACE_VERSION,
        traced_share: if words == 0 {
            1.0
        } else {
            traced_words as f64 / words as f64
        },
        paragraphs,
        untraced,
    })
}

/// The sentence as shown: its first [`SHOWN`] characters, on one line.
fn shown(article: &Article, sentence: &AlignedSentence) -> String {
    let text = article.text(sentence.span);
    let mut shown: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if let Some((cut, _)) = shown.char_indices().nth(SHOWN) {
        shown.truncate(cut);
        shown.push('…');
    }
    shown
}

/// Adds the source lines of `sentence`'s passages to `into`.
fn add_lines(sources: &Sources, sentence: &AlignedSentence, into: &mut Vec<SourceLines>) {
    for passage in &sentence.support.passages {
        let source = &sources.docs[passage.doc].article;
        let lines = LineIndex::new(&source.source);
        let entry = match into.iter().position(|s| s.source == source.name) {
            Some(at) => &mut into[at],
            None => {
                into.push(SourceLines {
                    source: source.name.clone(),
                    lines: Vec::new(),
                });
                let end = into.len() - 1;
                &mut into[end]
            }
        };
        for number in passage.sentences.clone() {
            if let Some(span) = sources.source_sentence(passage.doc, number) {
                let first = lines.line_of(span.start) + 1;
                let last = lines.line_of(span.end.saturating_sub(1).max(span.start)) + 1;
                entry.lines.extend(first..=last);
            }
        }
        entry.lines.sort_unstable();
        entry.lines.dedup();
    }
}

/// The trace as lines of the `--sourcing` table.
pub fn render(trace: &Trace, out: &mut String) {
    let _ = writeln!(
        out,
        "  {:.0}% of the draft traced to the sources",
        trace.traced_share * 100.0
    );
    for paragraph in &trace.paragraphs {
        let from: Vec<String> = paragraph
            .sources
            .iter()
            .map(|s| {
                let lines: Vec<String> = s.lines.iter().map(usize::to_string).collect();
                format!("{} l.{}", s.source, lines.join(", "))
            })
            .collect();
        let _ = writeln!(out, "    l.{:<4} ← {}", paragraph.line, from.join("; "));
    }
    let _ = writeln!(out, "  {} not traced", counted(trace.untraced.len()));
    for sentence in &trace.untraced {
        let _ = writeln!(out, "    l.{:<4} {}", sentence.line, sentence.text);
    }
}

fn counted(count: usize) -> String {
    if count == 1 {
        "1 sentence".to_owned()
    } else {
        format!("{count} sentences")
    }
}
