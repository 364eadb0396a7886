//! What `/v1/check` and `/v1/fix` answer, as data: the JSON renderer's report (the same
//! [`JsonReport`] `check --format json` prints) with the server's own fields, and a fix's edits,
//! found by diffing the draft before and after fixing.

use crate::article::Article;
use crate::render::json::JsonReport;
use crate::span::LineIndex;
use serde::Serialize;
use std::time::{Duration, Instant};

/// The least time the edits of a fix are looked for, even past the check's deadline.
const DIFF_TIME: Duration = Duration::from_millis(100);

/// What `/v1/check` answers: the JSON report of `check --format json`, and whether findings
/// past the server's `max_findings` were left out.
#[derive(Serialize)]
pub(super) struct CheckAnswer<'a> {
    #[serde(flatten)]
    pub(super) report: JsonReport<'a>,
    pub(super) truncated: bool,
}

/// What `/v1/fix` answers: the fixed draft and its edits, and the report of what remains.
#[derive(Serialize)]
pub(super) struct FixAnswer<'a> {
    #[serde(flatten)]
    pub(super) fixed: Fixed,
    pub(super) version: u32,
    pub(super) remaining: CheckAnswer<'a>,
}

/// A fixed draft: its text, or, for a draft sent as fields, each field.
#[derive(Serialize)]
#[serde(untagged)]
pub(super) enum Fixed {
    Text {
        text: String,
        edits: Vec<TextEdit>,
    },
    Fields {
        fields: FixedFields,
        edits: Vec<TextEdit>,
    },
}

/// The fields of a draft sent as fields, as fixing left them.
#[derive(Serialize)]
pub(super) struct FixedFields {
    headline: Option<String>,
    dek: Option<String>,
    body: String,
}

/// One edit of a fix: a range of the text (or field) as it was, and what replaces it.
#[derive(Serialize)]
pub(super) struct TextEdit {
    start: EditPosition,
    end: EditPosition,
    replacement: String,
    /// For a draft sent as fields, the field the edit is in (its offsets are the field's).
    #[serde(skip_serializing_if = "Option::is_none")]
    field: Option<&'static str>,
}

/// A place in a text, in bytes and in UTF-16 code units.
#[derive(Serialize)]
pub(super) struct EditPosition {
    offset: usize,
    utf16: usize,
}

/// What `/v1/fix` answers for the draft: the fixed text and its edits, or, for a draft sent as
/// fields, each fixed field and the edits with the field they are in (offsets from the field's
/// start); an empty text when there is no draft before and after.
pub(super) fn fixed_answer(
    before: Option<&Article>,
    after: Option<&Article>,
    deadline: Instant,
) -> Fixed {
    let (Some(before), Some(after)) = (before, after) else {
        return Fixed::Text {
            text: String::new(),
            edits: Vec::new(),
        };
    };
    let (Some(old), Some(new)) = (before.parts(), after.parts()) else {
        let edits = edits_between(&before.contents, &after.contents, deadline, None);
        return Fixed::Text {
            text: after.contents.clone(),
            edits,
        };
    };
    let mut edits = Vec::new();
    let pairs = [
        ("headline", old.headline.as_deref(), new.headline.as_deref()),
        ("dek", old.dek.as_deref(), new.dek.as_deref()),
        ("body", Some(old.body.as_str()), Some(new.body.as_str())),
    ];
    for (field, was, is) in pairs {
        if let (Some(was), Some(is)) = (was, is) {
            edits.extend(edits_between(was, is, deadline, Some(field)));
        }
    }
    let fields = FixedFields {
        headline: new.headline,
        dek: new.dek,
        body: new.body,
    };
    Fixed::Fields { fields, edits }
}

/// The edits that turn `original` into `fixed`, as ranges of the original (byte and UTF-16
/// offsets) and their replacements, each marked with `field` if given. Past `deadline` the diff
/// stops looking for the smallest edits and settles for correct, larger ones, so its cost stays
/// bounded.
fn edits_between(
    original: &str,
    fixed: &str,
    deadline: Instant,
    field: Option<&'static str>,
) -> Vec<TextEdit> {
    let diff = similar::TextDiff::configure()
        .deadline(deadline.max(Instant::now() + DIFF_TIME))
        .diff_chars(original, fixed);
    let index = LineIndex::new(original);
    let byte_of: Vec<usize> = original
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(original.len()))
        .collect();
    let new_chars: Vec<char> = fixed.chars().collect();
    let position = |char_index: usize| {
        let offset = byte_of[char_index.min(byte_of.len() - 1)];
        EditPosition {
            offset,
            utf16: index.utf16_offset(offset),
        }
    };
    diff.ops()
        .iter()
        .filter(|op| op.tag() != similar::DiffTag::Equal)
        .map(|op| {
            let old = op.old_range();
            let new = op.new_range();
            TextEdit {
                start: position(old.start),
                end: position(old.end),
                replacement: new_chars[new].iter().collect(),
                field,
            }
        })
        .collect()
}
