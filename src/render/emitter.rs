//! What an output format of `check --format` is: a type that implements [`Emitter`], in its
//! own file of this folder. The table of them is `render/registry.rs` (`EMITTERS`).

use super::{Counts, Report};
use crate::input::InputProblem;
use crate::rules::RuleSet;

/// What a format may need besides the report.
pub struct Context<'a> {
    /// The rule sets of the run (SARIF describes the rules that fired).
    pub rules: &'a [&'a RuleSet],
    /// Whether to colour the output with ANSI escapes, in a format that can.
    pub color: bool,
}

/// How a format prints a summary that stands instead of the findings (`--statistics`,
/// `--sourcing`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SummaryForm {
    /// A table, for people.
    Table,
    /// One JSON document.
    Document,
    /// One JSON object a line.
    Lines,
}

/// One output format.
pub trait Emitter: Sync {
    /// Its `--format` value.
    fn name(&self) -> &'static str;
    /// What it prints, as `--help` says it.
    fn help(&self) -> &'static str;
    /// Whether a run may render its findings a chunk of articles at a time, printing each
    /// chunk as it is checked: the output of the chunks, one after the other, is the output of
    /// the run (there is no document around them all).
    fn streams(&self) -> bool;
    /// How it prints a summary, or `None` when it cannot carry one.
    fn summary_form(&self) -> Option<SummaryForm>;
    /// The report in this format.
    fn render(&self, report: &Report<'_>, context: &Context<'_>) -> Vec<u8>;
    /// For a format that is one document around the findings (JSON, SARIF), a writer that
    /// writes it a chunk of articles at a time, so that a run holds one chunk and not every
    /// finding: the bytes of its chunks and its end, one after the other, are the document
    /// [`Emitter::render`] gives for the whole run. `None` for a format that renders the whole
    /// report at once or whose chunks stand alone ([`Emitter::streams`]).
    fn document(&self) -> Option<Box<dyn DocumentWriter>> {
        None
    }
}

/// Writes one document a chunk at a time (see [`Emitter::document`]).
pub trait DocumentWriter {
    /// The findings of one chunk of articles, with the document's opening before the first.
    fn chunk(&mut self, report: &Report<'_>, context: &Context<'_>) -> Vec<u8>;
    /// The rest of the document: what the run could not read and its totals.
    fn finish(&mut self, end: &RunEnd<'_>, context: &Context<'_>) -> Vec<u8>;
}

/// What a document says after its findings.
pub struct RunEnd<'a> {
    /// Inputs that could not be checked.
    pub problems: &'a [InputProblem],
    /// The articles checked.
    pub articles: usize,
    pub counts: Counts,
}

/// A whole report written through a document writer: one chunk and the end.
pub fn whole_document(
    mut writer: Box<dyn DocumentWriter>,
    report: &Report<'_>,
    context: &Context<'_>,
) -> Vec<u8> {
    let mut bytes = writer.chunk(report, context);
    bytes.extend(writer.finish(
        &RunEnd {
            problems: report.problems,
            articles: report.articles.len(),
            counts: report.counts(),
        },
        context,
    ));
    bytes
}

/// A JSON document pretty-printed around an array written piece by piece: `skeleton` is the
/// document pretty-printed with that array empty (`"key": []`), and is cut there into what
/// comes before the array's items and what comes after them.
pub struct Frame {
    head: String,
    tail: String,
    /// The indentation of the array's items.
    indent: String,
}

impl Frame {
    /// The frame of `skeleton` around its empty array `key`; `None` if it has none.
    pub fn around(skeleton: &str, key: &str) -> Option<Frame> {
        let marker = format!("\"{key}\": []");
        let at = skeleton.find(&marker)?;
        let line_start = skeleton[..at].rfind('\n').map_or(0, |n| n + 1);
        let depth = at - line_start;
        let open = at + marker.len() - 1;
        Some(Frame {
            head: skeleton[..open].to_owned(),
            tail: skeleton[open + 1..].to_owned(),
            indent: " ".repeat(depth + 2),
        })
    }

    /// What comes before the items.
    pub fn head(&self) -> &str {
        &self.head
    }

    /// What comes after `items` items, closing the array.
    pub fn close(&self, items: usize) -> String {
        let newline = match items {
            0 => String::new(),
            _ => format!("\n{}", &self.indent[2..]),
        };
        format!("{newline}]{}", self.tail)
    }

    /// An item, pretty-printed at the top level, as the `index`th of the array.
    pub fn item(&self, index: usize, pretty: &str) -> String {
        let separator = if index == 0 { "" } else { "," };
        // A pretty-printed JSON value has line breaks only between its tokens: strings escape
        // theirs.
        let indented = pretty.replace('\n', &format!("\n{}", self.indent));
        format!("{separator}\n{}{indented}", self.indent)
    }
}

/// A document written around one array a chunk at a time (see [`Frame`]): its frame once
/// opened, and how many items it holds. JSON's diagnostics and SARIF's results are written
/// through one.
#[derive(Default)]
pub struct FramedArray {
    frame: Option<Frame>,
    items: usize,
}

impl FramedArray {
    /// The document's opening, from the frame `skeleton` makes, the first time; nothing after.
    pub fn open(&mut self, skeleton: impl FnOnce() -> Option<Frame>) -> String {
        if self.frame.is_some() {
            return String::new();
        }
        self.frame = skeleton();
        self.frame
            .as_ref()
            .map_or_else(String::new, |frame| frame.head().to_owned())
    }

    /// Writes `item` to `out` as the array's next, pretty-printed (nothing before the opening).
    pub fn push(&mut self, out: &mut String, item: &impl serde::Serialize) {
        let Some(frame) = &self.frame else { return };
        let pretty = serde_json::to_string_pretty(item).unwrap_or_default();
        out.push_str(&frame.item(self.items, &pretty));
        self.items += 1;
    }

    /// The rest of the document after its items, from the frame of the finished document.
    pub fn close(&self, finished: Option<Frame>) -> String {
        finished.map_or_else(String::new, |frame| frame.close(self.items))
    }
}

#[cfg(test)]
mod tests {
    use super::Frame;
    use serde_json::json;

    /// A document written item by item into its frame is the document pretty-printed whole.
    #[test]
    fn a_framed_array_is_the_pretty_printed_document() {
        let items = [
            json!({"a": 1, "b": [1, 2]}),
            json!("line\nbreak"),
            json!([]),
        ];
        for count in 0..=items.len() {
            let whole = json!({"head": {"x": 1}, "list": &items[..count], "tail": [true]});
            let skeleton = json!({"head": {"x": 1}, "list": [], "tail": [true]});
            let frame =
                Frame::around(&serde_json::to_string_pretty(&skeleton).unwrap(), "list").unwrap();
            let mut written = frame.head().to_owned();
            for (index, item) in items[..count].iter().enumerate() {
                written.push_str(&frame.item(index, &serde_json::to_string_pretty(item).unwrap()));
            }
            written.push_str(&frame.close(count));
            assert_eq!(written, serde_json::to_string_pretty(&whole).unwrap());
        }
    }
}
