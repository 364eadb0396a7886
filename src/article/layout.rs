//! The fields of an article record and where they lie in the article's source: below the
//! model that keeps the layout ([`super::Article::layout`]) and the reader that assembles it.

use crate::span::Span;

/// The text fields of a record.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Parts {
    pub headline: Option<String>,
    pub dek: Option<String>,
    pub body: String,
}

/// Where each field of a record lies in its article's source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layout {
    pub headline: Option<Span>,
    pub dek: Option<Span>,
    pub body: Span,
}

impl Layout {
    /// The fields present, in order, by their role (`headline`, `dek`, `body`).
    pub fn fields(&self) -> impl Iterator<Item = (&'static str, Span)> {
        [
            ("headline", self.headline),
            ("dek", self.dek),
            ("body", Some(self.body)),
        ]
        .into_iter()
        .filter_map(|(name, span)| Some((name, span?)))
    }

    /// The field an offset lies in (its end included), and the field's span.
    pub fn field_at(&self, offset: usize) -> Option<(&'static str, Span)> {
        self.fields()
            .find(|(_, field)| field.start <= offset && offset <= field.end)
    }

    /// Whether `span` lies inside one field (an edit across the blank line between two fields
    /// could not be written back to either).
    pub fn holds(&self, span: Span) -> bool {
        self.fields().any(|(_, field)| field.contains(span))
    }
}
