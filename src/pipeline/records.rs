//! Article records: one JSON object a line, as CMS exports and archives arrive
//! (`check --input jsonl`). Where a record's fields are is the configuration's `[records]`;
//! a line that is not a record is reported with its line number and, when fixing, passed
//! through as it was, so that nothing is lost.

use super::SourceText;
use crate::article::{Format, Parts};
use crate::config::{FieldPath, RecordFields};
use crate::input::{self, InputProblem};
use serde_json::{Map, Value};
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
    /// The record as read, written back with its text fields fixed.
    value: Value,
    fields: RecordFields,
}

/// A line of an export: a record, or why it is not one and its bytes as read.
#[derive(Debug)]
pub enum RecordLine {
    Record(Box<Record>),
    Unreadable { problem: InputProblem, raw: Vec<u8> },
}

/// Reads the records of a JSON-lines stream one line at a time, skipping blank lines.
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
        while !self.done {
            let mut raw = Vec::new();
            self.line += 1;
            match self.reader.read_until(b'\n', &mut raw) {
                Ok(0) => self.done = true,
                Ok(_) => {
                    let content = trim_line(&raw, self.line == 1);
                    if content.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    return Some(match Record::parse(content, &self.fields) {
                        Ok(record) => RecordLine::Record(Box::new(record)),
                        Err(message) => self.unreadable(message, content.to_vec()),
                    });
                }
                Err(e) => {
                    self.done = true;
                    return Some(self.unreadable(format!("cannot read: {e}"), Vec::new()));
                }
            }
        }
        None
    }
}

/// The line without its line end, and without a byte-order mark on the first line.
fn trim_line(raw: &[u8], first: bool) -> &[u8] {
    let raw = raw.strip_suffix(b"\n").unwrap_or(raw);
    let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
    match raw.strip_prefix("\u{feff}".as_bytes()) {
        Some(rest) if first => rest,
        _ => raw,
    }
}

impl Record {
    /// A record made in memory, such as a draft's fields sent to the HTTP API.
    pub fn new(id: String, parts: Parts, format: Format) -> Record {
        let value = serde_json::json!({
            "id": id,
            "headline": parts.headline,
            "dek": parts.dek,
            "body": parts.body,
        });
        Record {
            id,
            parts,
            format,
            sources: Vec::new(),
            value,
            fields: RecordFields::default(),
        }
    }

    /// A record from one line's JSON; the message says what is missing or wrong.
    pub fn parse(line: &[u8], fields: &RecordFields) -> Result<Record, String> {
        let text = std::str::from_utf8(line).map_err(|e| {
            format!(
                "not valid UTF-8: invalid byte sequence at byte offset {} of the line",
                e.valid_up_to()
            )
        })?;
        let value: Value =
            serde_json::from_str(text).map_err(|e| format!("not a JSON record: {e}"))?;
        if !value.is_object() {
            return Err("not a record: a line must be a JSON object".to_owned());
        }
        let id = match lookup(&value, &fields.id) {
            Some(Value::String(id)) if !id.trim().is_empty() => id.clone(),
            Some(Value::Number(id)) => id.to_string(),
            Some(_) => return Err(wrong_type(&fields.id, "a string or a number")),
            None => return Err(missing(&fields.id)),
        };
        let in_record = |message: String| format!("record `{id}`: {message}");
        let text_field = |path: &FieldPath, required: bool| match lookup(&value, path) {
            Some(Value::String(text)) => Ok(Some(text.clone())),
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
                    "unknown format `{name}` in `{}`: use \"txt\", \"md\" or \"html\"",
                    fields.format.name()
                ))
            })?,
        };
        let sources =
            sources(&id, lookup(&value, &fields.sources), &fields.sources).map_err(in_record)?;
        Ok(Record {
            id,
            parts: Parts {
                headline,
                dek,
                body,
            },
            format,
            sources,
            fields: fields.clone(),
            value,
        })
    }

    /// The record as one JSON line with its text fields replaced by `parts`; every other field
    /// stays as it was, in its place.
    pub fn with_parts(&self, parts: &Parts) -> String {
        let mut value = self.value.clone();
        let fields = [
            (&self.fields.headline, parts.headline.as_ref()),
            (&self.fields.dek, parts.dek.as_ref()),
            (&self.fields.body, Some(&parts.body)),
        ];
        for (path, text) in fields {
            if let (Some(slot), Some(text)) = (lookup_mut(&mut value, path), text) {
                *slot = Value::String(text.clone());
            }
        }
        value.to_string()
    }
}

/// The sources of a record: an array of `{"name", "text"}` objects (a name is optional).
fn sources(id: &str, value: Option<&Value>, path: &FieldPath) -> Result<Vec<SourceText>, String> {
    let Some(value) = value.filter(|v| !v.is_null()) else {
        return Ok(Vec::new());
    };
    let expected = || wrong_type(path, "an array of {\"name\", \"text\"} objects");
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

/// The value at `path`, if there is one and it is not `null`.
fn lookup<'a>(value: &'a Value, path: &FieldPath) -> Option<&'a Value> {
    path.keys()
        .iter()
        .try_fold(value, |value, key| value.as_object()?.get(key))
        .filter(|v| !v.is_null())
}

fn lookup_mut<'a>(value: &'a mut Value, path: &FieldPath) -> Option<&'a mut Value> {
    path.keys().iter().try_fold(value, |value, key| {
        value
            .as_object_mut()
            .and_then(|o: &mut Map<String, Value>| o.get_mut(key))
    })
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
        let problems: Vec<(String, String)> = lines[1..]
            .iter()
            .map(|line| match line {
                RecordLine::Unreadable { problem, .. } => {
                    (problem.name.clone(), problem.message.clone())
                }
                RecordLine::Record(record) => panic!("not a record: {record:?}"),
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
}
