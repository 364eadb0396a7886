//! Diagnostics as plain data, independent of how they are rendered.

use crate::span::Span;
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

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fix {
    pub applicability: Applicability,
    pub edits: Vec<Edit>,
}

impl Fix {
    pub fn safe(span: Span, replacement: impl Into<String>) -> Self {
        Self {
            applicability: Applicability::Safe,
            edits: vec![Edit {
                span,
                replacement: replacement.into(),
            }],
        }
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
