//! `[records]`: where the fields of an article record lie in a CMS export's JSON lines
//! (`check --input jsonl`). A name with dots reaches into nested objects.
//!
//! ```toml
//! [records]
//! format = "html"                 # the body's format when a record does not say
//! [records.fields]
//! id = "id"
//! headline = "fields.headline"
//! dek = "fields.standfirst"
//! body = "fields.body"
//! format = "format"
//! sources = "sources"
//! ```

use crate::article::Format;
use crate::located::LocatedError;
use crate::span::Span;
use serde::Deserialize;
use toml::Spanned;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(super) struct RecordsSection {
    #[serde(default)]
    format: Option<Spanned<String>>,
    #[serde(default)]
    fields: FieldsSection,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct FieldsSection {
    id: Option<Spanned<String>>,
    headline: Option<Spanned<String>>,
    dek: Option<Spanned<String>>,
    body: Option<Spanned<String>>,
    format: Option<Spanned<String>>,
    sources: Option<Spanned<String>>,
    #[serde(rename = "type")]
    story_type: Option<Spanned<String>>,
    date: Option<Spanned<String>>,
}

/// A field's name: the keys from the record's top level down.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldPath(Vec<String>);

impl FieldPath {
    pub fn new(name: &str) -> Self {
        FieldPath(name.split('.').map(str::to_owned).collect())
    }

    /// The keys, outermost first.
    pub fn keys(&self) -> &[String] {
        &self.0
    }

    /// The name as written in the configuration.
    pub fn name(&self) -> String {
        self.0.join(".")
    }
}

/// Where a record's fields are, and the body format of records that do not name one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordFields {
    pub id: FieldPath,
    pub headline: FieldPath,
    pub dek: FieldPath,
    pub body: FieldPath,
    pub format: FieldPath,
    pub sources: FieldPath,
    /// What the story says it is ("opinion", "analysis"; see [`crate::article::label`]).
    pub story_type: FieldPath,
    /// The story's date ("2026-12-03", or a timestamp that starts so), for the date checks.
    pub date: FieldPath,
    pub default_format: Format,
}

impl Default for RecordFields {
    fn default() -> Self {
        RecordFields {
            id: FieldPath::new("id"),
            headline: FieldPath::new("headline"),
            dek: FieldPath::new("dek"),
            body: FieldPath::new("body"),
            format: FieldPath::new("format"),
            sources: FieldPath::new("sources"),
            story_type: FieldPath::new("type"),
            date: FieldPath::new("date"),
            default_format: Format::Plain,
        }
    }
}

impl RecordsSection {
    /// The section checked: every name non-empty, the format one copydesk reads. A bad value
    /// is reported in `errors` and its default used.
    pub(super) fn resolve(&self, errors: &mut Vec<LocatedError>) -> RecordFields {
        let defaults = RecordFields::default();
        let mut path = |given: &Option<Spanned<String>>, default: FieldPath| match given {
            Some(name) if name.get_ref().split('.').any(str::is_empty) => {
                errors.push(LocatedError::in_first_file(
                    Span::from(name.span()),
                    "a field name may not be empty (dots separate the keys of nested objects)"
                        .to_owned(),
                    "here",
                ));
                default
            }
            Some(name) => FieldPath::new(name.get_ref()),
            None => default,
        };
        let fields = &self.fields;
        let resolved = RecordFields {
            id: path(&fields.id, defaults.id),
            headline: path(&fields.headline, defaults.headline),
            dek: path(&fields.dek, defaults.dek),
            body: path(&fields.body, defaults.body),
            format: path(&fields.format, defaults.format),
            sources: path(&fields.sources, defaults.sources),
            story_type: path(&fields.story_type, defaults.story_type),
            date: path(&fields.date, defaults.date),
            default_format: defaults.default_format,
        };
        let Some(name) = &self.format else {
            return resolved;
        };
        match Format::from_name(name.get_ref()) {
            Some(default_format) => RecordFields {
                default_format,
                ..resolved
            },
            None => {
                errors.push(LocatedError::in_first_file(
                    Span::from(name.span()),
                    format!(
                        "unknown format `{}`: use {}",
                        name.get_ref(),
                        Format::names_for_error()
                    ),
                    "here",
                ));
                resolved
            }
        }
    }
}
