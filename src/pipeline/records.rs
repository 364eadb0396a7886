//! Article records: one JSON object a line, as CMS exports and archives arrive
//! (`check --input jsonl`). Where a record's fields are is the configuration's `[records]`;
//! a line that is not a record is reported with its line number and, when fixing, passed
//! through as it was, so that nothing is lost.

use super::SourceText;
use super::json_line::{Escapes, RawMember};
use crate::article::facts::story_date_in;
use crate::article::label::StoryLabel;
use crate::article::{Format, Parts};
use crate::config::{FieldPath, RecordFields};
use crate::diagnostic::Edit;
use crate::fix;
use crate::input::{self, InputProblem};
use crate::span::Span;
use serde_json::Value;
use std::io::BufRead;

/// One article record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// How findings name it.
    pub id: String,
    pub parts: Parts,
    pub format: Format,
    /// Sources given with the record, to check it against.
    pub sources: Vec<SourceText>,
    /// What its `type` field says the story is, when that is not news.
    pub label: Option<StoryLabel>,
    /// The story's date, from its `date` field.
    pub date: Option<chrono::NaiveDate>,
    /// The line as read, with its line end (and a first line's byte-order mark): written back
    /// byte for byte but for the text fields that fixes change.
    line: String,
    /// Where each text field's JSON string lies in `line`.
    literals: Literals,
}

/// The spans of a record's text fields as JSON strings in its line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Literals {
    headline: Option<Span>,
    dek: Option<Span>,
    body: Option<Span>,
}

/// A line of an export: a record, a line with nothing to check, or why it is not a record;
/// each keeps what it needs to be written back as it was read.
#[derive(Debug)]
pub enum RecordLine {
    Record(Box<Record>),
    /// White space only: not checked, written back as read.
    Blank(Vec<u8>),
    /// Not a record; `raw` is the line as read, its line end included (empty when the line
    /// could not be read at all).
    Unreadable {
        problem: InputProblem,
        raw: Vec<u8>,
    },
}

/// Reads the records of a JSON-lines stream one line at a time.
pub struct RecordReader<R> {
    reader: R,
    /// How the stream is named in problems (`export.jsonl:12`).
    name: String,
    fields: RecordFields,
    line: usize,
    done: bool,
}

impl<R: BufRead> RecordReader<R> {
    pub fn new(reader: R, name: impl Into<String>, fields: RecordFields) -> Self {
        RecordReader {
            reader,
            name: name.into(),
            fields,
            line: 0,
            done: false,
        }
    }

    fn unreadable(&self, message: String, raw: Vec<u8>) -> RecordLine {
        RecordLine::Unreadable {
            problem: input::problem(&format!("{}:{}", self.name, self.line), message),
            raw,
        }
    }
}

impl<R: BufRead> Iterator for RecordReader<R> {
    type Item = RecordLine;

    fn next(&mut self) -> Option<RecordLine> {
        if self.done {
            return None;
        }
        let mut raw = Vec::new();
        self.line += 1;
        match self.reader.read_until(b'\n', &mut raw) {
            Ok(0) => {
                self.done = true;
                None
            }
            Ok(_) => {
                let json = json_span(&raw, self.line == 1);
                if raw[json.range()].iter().all(u8::is_ascii_whitespace) {
                    return Some(RecordLine::Blank(raw));
                }
                Some(match Record::read(&raw, json, &self.fields) {
                    Ok(record) => RecordLine::Record(Box::new(record)),
                    Err(message) => self.unreadable(message, raw),
                })
            }
            Err(e) => {
                self.done = true;
                Some(self.unreadable(format!("cannot read: {e}"), Vec::new()))
            }
        }
    }
}

/// Where a line's JSON is: without its line end, and without a byte-order mark on the first
/// line.
fn json_span(raw: &[u8], first: bool) -> Span {
    let content = raw.strip_suffix(b"\n").unwrap_or(raw);
    let content = content.strip_suffix(b"\r").unwrap_or(content);
    let mark = "\u{feff}".as_bytes();
    let start = if first && content.starts_with(mark) {
        mark.len()
    } else {
        0
    };
    Span::new(start, content.len().max(start))
}

impl Record {
    /// A record made in memory, such as a draft's fields sent to the HTTP API.
    pub fn new(id: String, parts: Parts, format: Format) -> Record {
        let line = serde_json::json!({
            "id": id,
            "headline": parts.headline,
            "dek": parts.dek,
            "body": parts.body,
        })
        .to_string();
        let literals = RawMember::object(&line, Span::new(0, line.len()))
            .map(|object| Literals::of(object, &RecordFields::default()))
            .unwrap_or_default();
        Record {
            id,
            parts,
            format,
            sources: Vec::new(),
            label: None,
            date: None,
            line,
            literals,
        }
    }

    /// A record from one line of JSON (its line end, if any, is kept to write it back); the
    /// message says what is missing or wrong.
    pub fn parse(line: &[u8], fields: &RecordFields) -> Result<Record, String> {
        Record::read(line, json_span(line, false), fields)
    }

    /// A record from the line `raw` whose JSON lies at `json`.
    fn read(raw: &[u8], json: Span, fields: &RecordFields) -> Result<Record, String> {
        let line = std::str::from_utf8(raw).map_err(|e| {
            format!(
                "not valid UTF-8: invalid byte sequence at byte offset {} of the line",
                e.valid_up_to()
            )
        })?;
        let object = RawMember::object(line, json)?;
        let id = match object.lookup(&fields.id) {
            Some(id) if id.is_string() => Some(string(id)).filter(|id| !id.trim().is_empty()),
            // A number is named as written (a long one is not rounded).
            Some(id)
                if id
                    .text
                    .starts_with(|c: char| c == '-' || c.is_ascii_digit()) =>
            {
                Some(id.text.to_owned())
            }
            Some(_) => None,
            None => return Err(missing(&fields.id)),
        }
        .ok_or_else(|| wrong_type(&fields.id, "a string or a number"))?;
        let in_record = |message: String| format!("record `{id}`: {message}");
        let text_field = |path: &FieldPath, required: bool| match object.lookup(path) {
            Some(value) if value.is_string() => Ok(Some(string(value))),
            None if !required => Ok(None),
            None => Err(in_record(missing(path))),
            Some(_) => Err(in_record(wrong_type(path, "a string"))),
        };
        let headline = text_field(&fields.headline, true)?;
        let dek = text_field(&fields.dek, false)?;
        let body = text_field(&fields.body, true)?.unwrap_or_default();
        let format = match text_field(&fields.format, false)? {
            None => fields.default_format,
            Some(name) => Format::from_name(&name).ok_or_else(|| {
                in_record(format!(
                    "unknown format `{name}` in `{}`: use {}",
                    fields.format.name(),
                    Format::names_for_error()
                ))
            })?,
        };
        let given = object.lookup(&fields.sources);
        let sources = sources(&id, given, &fields.sources).map_err(in_record)?;
        let label = text_field(&fields.story_type, false)?
            .as_deref()
            .and_then(StoryLabel::named);
        let date = match text_field(&fields.date, false)? {
            None => None,
            Some(text) => Some(story_date_in(&text).ok_or_else(|| {
                in_record(format!(
                    "`{}` is `{text}`, which is not a date: write it as 2026-12-03 (a timestamp \
                     that starts so will do)",
                    fields.date.name()
                ))
            })?),
        };
        Ok(Record {
            id,
            parts: Parts {
                headline,
                dek,
                body,
            },
            format,
            sources,
            label,
            date,
            literals: Literals::of(object, fields),
            line: line.to_owned(),
        })
    }

    /// The record's line as read — its line end included — with its text fields replaced by
    /// `parts`. A field that `parts` leaves as it was keeps its bytes; a changed one is written
    /// as a JSON string escaped as the line's other strings are; every other byte stays.
    pub fn with_parts(&self, parts: &Parts) -> String {
        let escapes = Escapes::of(self.line.trim_start_matches('\u{feff}'));
        let fields = [
            (
                self.literals.headline,
                self.parts.headline.as_deref(),
                parts.headline.as_deref(),
            ),
            (
                self.literals.dek,
                self.parts.dek.as_deref(),
                parts.dek.as_deref(),
            ),
            (
                self.literals.body,
                Some(self.parts.body.as_str()),
                Some(parts.body.as_str()),
            ),
        ];
        let mut edits: Vec<Edit> = fields
            .into_iter()
            .filter(|(_, old, new)| old != new)
            .filter_map(|(span, _, new)| {
                Some(Edit {
                    span: span?,
                    replacement: escapes.quote(new?),
                })
            })
            .collect();
        edits.sort_by_key(|edit| edit.span.start);
        // Two roles named by one field (`headline = "body"`) hold one string: write it once.
        edits.dedup_by_key(|edit| edit.span);
        fix::apply(&self.line, &edits)
    }
}

impl Literals {
    fn of(object: RawMember<'_>, fields: &RecordFields) -> Literals {
        let string_at = |path: &FieldPath| {
            object
                .lookup(path)
                .filter(|value| value.is_string())
                .map(|value| value.span)
        };
        Literals {
            headline: string_at(&fields.headline),
            dek: string_at(&fields.dek),
            body: string_at(&fields.body),
        }
    }
}

/// The text of a JSON string found by [`RawMember::lookup`] (valid: the line was read as JSON).
fn string(value: RawMember<'_>) -> String {
    serde_json::from_str(value.text).unwrap_or_default()
}

/// The sources of a record: an array of `{"name", "text"}` objects (a name is optional).
fn sources(
    id: &str,
    given: Option<RawMember<'_>>,
    path: &FieldPath,
) -> Result<Vec<SourceText>, String> {
    let Some(given) = given else {
        return Ok(Vec::new());
    };
    let expected = || wrong_type(path, "an array of {\"name\", \"text\"} objects");
    let value: Value = serde_json::from_str(given.text).map_err(|_| expected())?;
    let list = value.as_array().ok_or_else(expected)?;
    list.iter()
        .enumerate()
        .map(|(index, source)| {
            let object = source.as_object().ok_or_else(expected)?;
            let text = object
                .get("text")
                .and_then(Value::as_str)
                .ok_or_else(expected)?;
            let name = object
                .get("name")
                .and_then(Value::as_str)
                .map_or_else(|| format!("{id} source {}", index + 1), str::to_owned);
            Ok(SourceText {
                name,
                text: text.to_owned(),
            })
        })
        .collect()
}

fn missing(path: &FieldPath) -> String {
    format!(
        "no `{}` field (`[records.fields]` in copydesk.toml says where a record's fields are)",
        path.name()
    )
}

fn wrong_type(path: &FieldPath, expected: &str) -> String {
    format!("`{}` must be {expected}", path.name())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Vec<RecordLine> {
        RecordReader::new(text.as_bytes(), "export.jsonl", RecordFields::default()).collect()
    }

    #[test]
    fn records_are_read_and_bad_lines_reported_with_their_numbers() {
        let text = "\u{feff}{\"id\": 7, \"headline\": \"Mayor opens bridge\", \"body\": \"It opened.\"}\r\n\n{\"id\": \"b\"}\nnot json\n[1]\n{\"id\":\"c\",\"headline\":\"H\",\"body\":\"B\",\"format\":\"doc\"}\n";
        let lines = read(text);
        let RecordLine::Record(first) = &lines[0] else {
            panic!("the first line is a record: {lines:?}");
        };
        assert_eq!(first.id, "7");
        assert_eq!(first.parts.headline.as_deref(), Some("Mayor opens bridge"));
        assert!(
            matches!(&lines[1], RecordLine::Blank(raw) if raw == b"\n"),
            "{lines:?}"
        );
        let problems: Vec<(String, String)> = lines[2..]
            .iter()
            .map(|line| match line {
                RecordLine::Unreadable { problem, .. } => {
                    (problem.name.clone(), problem.message.clone())
                }
                other => panic!("not a record: {other:?}"),
            })
            .collect();
        assert_eq!(problems.len(), 4);
        assert_eq!(problems[0].0, "export.jsonl:3");
        assert!(
            problems[0].1.starts_with("record `b`: no `headline` field"),
            "{problems:?}"
        );
        assert_eq!(problems[1].0, "export.jsonl:4");
        assert!(
            problems[1].1.starts_with("not a JSON record"),
            "{problems:?}"
        );
        assert!(problems[2].1.contains("JSON object"), "{problems:?}");
        assert!(
            problems[3].1.contains("unknown format `doc`"),
            "{problems:?}"
        );
    }

    #[test]
    fn a_type_field_labels_the_story() {
        let column = br#"{"id":"c","headline":"H","body":"B","type":"Column"}"#;
        let record = Record::parse(column, &RecordFields::default()).unwrap();
        assert_eq!(record.label, Some(StoryLabel::Column));
        let news = br#"{"id":"n","headline":"H","body":"B","type":"news"}"#;
        assert_eq!(
            Record::parse(news, &RecordFields::default()).unwrap().label,
            None
        );
        let wrong = br#"{"id":"w","headline":"H","body":"B","type":3}"#;
        let problem = Record::parse(wrong, &RecordFields::default()).unwrap_err();
        assert!(problem.contains("`type`"), "{problem}");
    }

    #[test]
    fn a_date_field_dates_the_story_and_a_wrong_one_is_an_error() {
        let dated = br#"{"id":"d","headline":"H","body":"B","date":"2026-03-20T09:30:00Z"}"#;
        let record = Record::parse(dated, &RecordFields::default()).unwrap();
        assert_eq!(record.date, chrono::NaiveDate::from_ymd_opt(2026, 3, 20));
        let undated = br#"{"id":"u","headline":"H","body":"B"}"#;
        assert_eq!(
            Record::parse(undated, &RecordFields::default())
                .unwrap()
                .date,
            None
        );
        let wrong = br#"{"id":"w","headline":"H","body":"B","date":"last Tuesday"}"#;
        let problem = Record::parse(wrong, &RecordFields::default()).unwrap_err();
        assert!(
            problem.contains("`date` is `last Tuesday`, which is not a date"),
            "{problem}"
        );
    }

    #[test]
    fn nested_fields_are_written_back_in_place() {
        let fields = RecordFields {
            headline: FieldPath::new("fields.headline"),
            body: FieldPath::new("fields.body"),
            ..RecordFields::default()
        };
        let line = r#"{"id":"x","url":"/x","fields":{"headline":"Old","body":"Text","byline":"A"},"sources":[{"text":"Wire copy."}]}"#;
        let record = Record::parse(line.as_bytes(), &fields).unwrap();
        assert_eq!(record.sources[0].name, "x source 1");
        let parts = Parts {
            headline: Some("New".to_owned()),
            dek: None,
            body: "Text, fixed".to_owned(),
        };
        assert_eq!(
            record.with_parts(&parts),
            r#"{"id":"x","url":"/x","fields":{"headline":"New","body":"Text, fixed","byline":"A"},"sources":[{"text":"Wire copy."}]}"#
        );
    }

    #[test]
    fn a_record_is_written_back_byte_for_byte_but_for_its_changed_fields() {
        // Numbers past f64, trailing zeros, escapes, spacing, a repeated key (the last counts),
        // a byte-order mark and a CRLF line end: none of it is the fixer's to change.
        let line = "\u{feff}{ \"id\" : 12345678901234567890123, \"n\": 1.50,\t\"x\": 0.1000000000000000055511151231257827, \"body\": \"stale\", \"headline\": \"Caf\\u00e9 \\/ bar\", \"body\" : \"The the end\" }\r\n";
        let lines = read(line);
        let RecordLine::Record(record) = &lines[0] else {
            panic!("a record: {lines:?}");
        };
        assert_eq!(record.id, "12345678901234567890123");
        assert_eq!(record.parts.headline.as_deref(), Some("Café / bar"));
        assert_eq!(record.parts.body, "The the end");
        assert_eq!(record.with_parts(&record.parts), line);
        let fixed = Parts {
            body: "The end, “fixed”".to_owned(),
            ..record.parts.clone()
        };
        assert_eq!(
            record.with_parts(&fixed),
            line.replace("\"The the end\"", "\"The end, \\u201cfixed\\u201d\"")
        );
    }
}
