//! One JSON object as written on a line of an export: its members found without building a
//! value, each with its raw text and where it lies, so that a record's text fields can be read
//! and a changed field written back into the line while every other byte — numbers, escapes,
//! spacing, key order, repeated keys — stays as it was.

use crate::config::FieldPath;
use crate::span::Span;
use serde_json::value::RawValue;
use std::collections::HashMap;

/// A JSON value as written in a line: its raw text and its span in the line.
#[derive(Debug, Clone, Copy)]
pub(super) struct RawMember<'a> {
    pub text: &'a str,
    pub span: Span,
}

impl<'a> RawMember<'a> {
    /// The JSON text at `json` in `line`, if it is one JSON object; the message says why not.
    pub fn object(line: &'a str, json: Span) -> Result<Self, String> {
        let text = &line[json.range()];
        let raw: &RawValue =
            serde_json::from_str(text).map_err(|e| format!("not a JSON record: {e}"))?;
        if !raw.get().starts_with('{') {
            return Err("not a record: a line must be a JSON object".to_owned());
        }
        Ok(RawMember::inside(text, json.start, raw.get()))
    }

    /// The value at `path` inside this object, if there is one and it is not `null`. Where a
    /// key is written twice the last one counts, as for any JSON reader that keeps one.
    pub fn lookup(self, path: &FieldPath) -> Option<RawMember<'a>> {
        path.keys()
            .iter()
            .try_fold(self, |object, key| object.member(key))
            .filter(|value| value.text != "null")
    }

    fn member(self, key: &str) -> Option<RawMember<'a>> {
        if !self.text.starts_with('{') {
            return None;
        }
        let members: HashMap<String, &'a RawValue> = serde_json::from_str(self.text).ok()?;
        Some(RawMember::inside(
            self.text,
            self.span.start,
            members.get(key)?.get(),
        ))
    }

    /// `text`, a slice of `outer`, which starts at `at` in the line.
    fn inside(outer: &str, at: usize, text: &'a str) -> Self {
        let offset = (text.as_ptr() as usize).wrapping_sub(outer.as_ptr() as usize);
        debug_assert!(offset + text.len() <= outer.len(), "a slice of its object");
        let start = at + offset;
        RawMember {
            text,
            span: Span::new(start, start + text.len()),
        }
    }

    /// Whether the value is a JSON string.
    pub fn is_string(self) -> bool {
        self.text.starts_with('"')
    }
}

/// How an export escapes its strings, read from one of its lines, so a field written back
/// looks like its neighbours: some exporters write every character outside ASCII as `\u` and
/// every `/` as `\/` (Python's and PHP's defaults).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Escapes {
    ascii_only: bool,
    slashes: bool,
}

impl Escapes {
    pub fn of(line: &str) -> Self {
        Escapes {
            ascii_only: line.is_ascii() && line.contains("\\u"),
            slashes: line.contains("\\/"),
        }
    }

    /// `text` as a JSON string literal, escaped in this style.
    pub fn quote(self, text: &str) -> String {
        let plain = serde_json::Value::from(text).to_string();
        if !self.ascii_only && !self.slashes {
            return plain;
        }
        // serde_json's escapes are ASCII and hold no `/`: every other character is the text's.
        let mut out = String::with_capacity(plain.len() + 8);
        for c in plain.chars() {
            match c {
                '/' if self.slashes => out.push_str("\\/"),
                c if self.ascii_only && !c.is_ascii() => {
                    for unit in c.encode_utf16(&mut [0; 2]) {
                        out.push_str(&format!("\\u{unit:04x}"));
                    }
                }
                c => out.push(c),
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn members_are_found_where_they_are_written_and_the_last_repeat_counts() {
        let line = r#"x {"id": 1, "a": {"b": "first", "b" : "second"}, "n": null} "#;
        let object = RawMember::object(line, Span::new(1, line.len())).unwrap();
        assert_eq!(&line[object.span.range()], object.text);
        let b = object.lookup(&FieldPath::new("a.b")).unwrap();
        assert_eq!(b.text, "\"second\"");
        assert_eq!(&line[b.span.range()], "\"second\"");
        assert!(object.lookup(&FieldPath::new("n")).is_none());
        assert!(object.lookup(&FieldPath::new("id.x")).is_none());
        let object = |line: &'static str| RawMember::object(line, Span::new(0, line.len()));
        assert!(object("[1]").unwrap_err().contains("JSON object"));
        assert!(object("{").unwrap_err().starts_with("not a JSON"));
    }

    #[test]
    fn strings_are_quoted_in_the_export_s_style() {
        let text = "Café / “quote” 😀\n";
        assert_eq!(Escapes::default().quote(text), "\"Café / “quote” 😀\\n\"");
        let python = Escapes::of(r#"{"a": "caf\u00e9"}"#);
        let quoted = python.quote(text);
        assert!(quoted.is_ascii(), "{quoted}");
        assert_eq!(quoted, r#""Caf\u00e9 / \u201cquote\u201d \ud83d\ude00\n""#);
        let php = Escapes::of(r#"{"url": "a\/b"}"#);
        assert_eq!(php.quote("a/b"), r#""a\/b""#);
        for style in [python, php] {
            let back: String = serde_json::from_str(&style.quote(text)).unwrap();
            assert_eq!(back, text);
        }
    }
}
