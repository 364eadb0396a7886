//! Errors located in a file the user wrote — a rule pack, a `copydesk.toml` — each shown
//! against that file's text at `file:line:col`.

use crate::span::Span;

/// A file errors point into: how it is named, and its text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ErrorFile {
    pub name: String,
    pub text: String,
}

/// One error, located in its file where it can be.
#[derive(Debug, Clone)]
pub struct LocatedError {
    /// Index into [`LocatedErrors::files`].
    pub file: usize,
    pub span: Option<Span>,
    pub message: String,
    /// What the label under the span says.
    pub label: String,
}

impl LocatedError {
    /// An error at `span` of the first file (a configuration's errors have one file).
    pub fn in_first_file(span: Span, message: String, label: &str) -> Self {
        Self {
            file: 0,
            span: Some(span),
            message,
            label: label.to_owned(),
        }
    }
}

/// Every error found while loading packs or a configuration, with the files to show them
/// against. `code` names what was being loaded (`pack`, `config`), as the error's code.
#[derive(Debug, Clone)]
pub struct LocatedErrors {
    pub code: &'static str,
    pub files: Vec<ErrorFile>,
    pub errors: Vec<LocatedError>,
}

impl LocatedErrors {
    /// One error in one file.
    pub fn one(
        code: &'static str,
        file: ErrorFile,
        span: Option<Span>,
        message: impl Into<String>,
    ) -> Self {
        Self {
            code,
            files: vec![file],
            errors: vec![LocatedError {
                file: 0,
                span,
                message: message.into(),
                label: "here".to_owned(),
            }],
        }
    }

    /// The errors as plain `name:line:col: message` lines, for logs and JSON answers.
    pub fn to_plain_text(&self) -> String {
        let mut out = String::new();
        for error in &self.errors {
            let file = &self.files[error.file];
            match error.span {
                Some(span) => {
                    let (line, column) =
                        crate::span::LineIndex::new(&file.text).line_col(span.start);
                    out.push_str(&format!(
                        "{}:{line}:{column}: {}\n",
                        file.name, error.message
                    ));
                }
                None => out.push_str(&format!("{}: {}\n", file.name, error.message)),
            }
        }
        out
    }
}
