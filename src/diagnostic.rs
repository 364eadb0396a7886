//! Diagnostics as plain data, independent of how they are rendered.

use crate::span::{Span, is_line_break, line_ends};
use serde::{Deserialize, Serialize};
use std::fmt;

/// How serious a finding is. Ordered: `Info < Warning < Error`.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    clap::ValueEnum,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    #[default]
    Warning,
    Error,
}

impl Severity {
    pub fn name(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A labelled span. `article` indexes the articles of the run, so a label may point into
/// another article than the diagnostic's own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Label {
    pub article: usize,
    pub span: Span,
    pub message: String,
}

/// Whether a fix can be applied without a human reading it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    /// Meaning is kept; `--fix` applies it.
    Safe,
    /// Probably right, but a human should look; shown as a suggestion only.
    Unsafe,
}

/// Replace `span` of the diagnostic's article with `replacement`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Edit {
    pub span: Span,
    pub replacement: String,
}

impl Edit {
    /// This edit made to keep the line ends of the text it replaces in `source` — a fix never
    /// joins or splits lines, nor turns one kind of line end into another — or `None` when it
    /// cannot be. Where the replacement's white space lines up one for one with the replaced
    /// text's ("free\nreign" → "free rein"), each gap that differs in line ends keeps the
    /// replaced one ("free\nrein"); a replacement that needs a line end gone or added
    /// ("cease\nfire" → "ceasefire") cannot keep them.
    pub fn keeping_line_ends(&self, source: &str) -> Option<Edit> {
        let replaced = &source[self.span.range()];
        let same_ends = |a: &str, b: &str| line_ends(a).eq(line_ends(b));
        if !replaced.contains(is_line_break) && !self.replacement.contains(is_line_break) {
            return Some(self.clone());
        }
        let old_gaps = gaps(replaced);
        let new_gaps = gaps(&self.replacement);
        let aligned = |at: fn(&Span, usize) -> bool| {
            old_gaps.first().is_some_and(|g| at(g, replaced.len()))
                == new_gaps
                    .first()
                    .is_some_and(|g| at(g, self.replacement.len()))
                && old_gaps.last().is_some_and(|g| at(g, replaced.len()))
                    == new_gaps
                        .last()
                        .is_some_and(|g| at(g, self.replacement.len()))
        };
        let lined_up = old_gaps.len() == new_gaps.len()
            && aligned(|gap, _| gap.start == 0)
            && aligned(|gap, len| gap.end == len);
        if !lined_up {
            return None;
        }
        let mut replacement = String::with_capacity(self.replacement.len());
        let mut cursor = 0;
        for (old, new) in old_gaps.iter().zip(&new_gaps) {
            let (old, new_text) = (&replaced[old.range()], &self.replacement[new.range()]);
            replacement.push_str(&self.replacement[cursor..new.start]);
            replacement.push_str(if same_ends(old, new_text) {
                new_text
            } else {
                old
            });
            cursor = new.end;
        }
        replacement.push_str(&self.replacement[cursor..]);
        (same_ends(replaced, &replacement) && replacement != replaced).then_some(Edit {
            span: self.span,
            replacement,
        })
    }
}

/// The runs of white space in `text`.
fn gaps(text: &str) -> Vec<Span> {
    let mut gaps: Vec<Span> = Vec::new();
    for (i, c) in text.char_indices().filter(|(_, c)| c.is_whitespace()) {
        match gaps.last_mut() {
            Some(gap) if gap.end == i => gap.end = i + c.len_utf8(),
            _ => gaps.push(Span::new(i, i + c.len_utf8())),
        }
    }
    gaps
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fix {
    pub applicability: Applicability,
    pub edits: Vec<Edit>,
}

impl Fix {
    /// A fix of `edits` (sorted, not overlapping), applied by `--fix` only when `Safe`.
    pub fn new(applicability: Applicability, edits: Vec<Edit>) -> Self {
        Self {
            applicability,
            edits,
        }
    }

    /// One edit that keeps the meaning: `--fix` applies it.
    pub fn safe(span: Span, replacement: impl Into<String>) -> Self {
        Self::one(Applicability::Safe, span, replacement)
    }

    /// One edit a person should review (an unsafe fix): shown and offered, never applied by
    /// `--fix`.
    pub fn needs_review(span: Span, replacement: impl Into<String>) -> Self {
        Self::one(Applicability::Unsafe, span, replacement)
    }

    /// One edit of this applicability.
    pub fn one(applicability: Applicability, span: Span, replacement: impl Into<String>) -> Self {
        let edit = Edit {
            span,
            replacement: replacement.into(),
        };
        Self::new(applicability, vec![edit])
    }
}

/// One finding of one rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub rule: String,
    pub severity: Severity,
    pub message: String,
    /// Where the problem is; its `article` is the article the diagnostic belongs to.
    pub primary: Label,
    pub secondary: Vec<Label>,
    /// Why it matters, with the style-guide reference behind the rule.
    pub rationale: Option<String>,
    /// Anything else worth saying about this finding.
    pub notes: Vec<String>,
    pub help: Option<String>,
    pub fix: Option<Fix>,
}

impl Diagnostic {
    /// The order diagnostics are reported in: by article, position, then rule.
    pub fn sort_key(&self) -> (usize, usize, usize, &str) {
        (
            self.primary.article,
            self.primary.span.start,
            self.primary.span.end,
            &self.rule,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keeping(source: &str, find: &str, replacement: &str) -> Option<String> {
        let start = source.find(find).expect("the text to replace");
        let edit = Edit {
            span: Span::new(start, start + find.len()),
            replacement: replacement.to_owned(),
        };
        let kept = edit.keeping_line_ends(source)?;
        let mut fixed = source.to_owned();
        fixed.replace_range(kept.span.range(), &kept.replacement);
        Some(fixed)
    }

    #[test]
    fn an_edit_keeps_the_line_ends_it_replaces_or_is_withdrawn() {
        assert_eq!(
            keeping("a free\r\nreign", "free\r\nreign", "free rein").as_deref(),
            Some("a free\r\nrein")
        );
        assert_eq!(keeping("the cease\nfire", "cease\nfire", "ceasefire"), None);
        assert_eq!(keeping("in\r\nin previous", "\r\nin", ""), None);
        // One line end for another is a change too, and so is adding one.
        assert_eq!(keeping("a\r\nb", "\r\n", "\n"), None);
        assert_eq!(keeping("a b", "a b", "a\nb"), None);
        // An edit that touches no line end is left alone.
        assert_eq!(
            keeping("Iranian-backed\n", "Iranian-backed", "Iran-backed").as_deref(),
            Some("Iran-backed\n")
        );
    }
}
