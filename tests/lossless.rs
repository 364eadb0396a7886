//! Property tests: a fix changes the bytes of its fixes and nothing else. Article records are
//! written back byte for byte but for the string of each field a fix changed; no fix joins or
//! splits lines or changes a line end.

use copydesk::config::RecordFields;
use copydesk::pipeline::{ConfigChoice, DraftOrigin, Options, RecordLine, RecordReader, Session};
use proptest::prelude::*;
use std::sync::LazyLock;

static SESSION: LazyLock<Session> = LazyLock::new(|| {
    let options = Options {
        config: ConfigChoice::Isolated,
        ..Options::default()
    };
    match Session::prepare(options, Vec::new()) {
        Ok((session, _)) => session,
        Err(errors) => panic!("the built-in pack does not load: {errors:?}"),
    }
});

/// Prose with things to fix (doubled words, spelling variants, glued sentences, quotation
/// marks), line breaks of every kind, and characters JSON escapes.
fn prose() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("the the".to_owned()),
        Just("in\r\nin".to_owned()),
        Just("in\nin".to_owned()),
        Just("neighbourhood".to_owned()),
        Just("neighborhood".to_owned()),
        Just("Kyiv".to_owned()),
        Just("Kiev".to_owned()),
        Just("free\nreign".to_owned()),
        Just("cease\r\nfire".to_owned()),
        Just("ceasefire".to_owned()),
        Just("report.The".to_owned()),
        Just("TimeWarner".to_owned()),
        Just("Time\r\nWarner".to_owned()),
        Just("al-Saadi".to_owned()),
        Just("Al\nSaadi".to_owned()),
        Just("\"".to_owned()),
        Just("“".to_owned()),
        Just("\n".to_owned()),
        Just("\r\n".to_owned()),
        Just("\n\n".to_owned()),
        Just("\r".to_owned()),
        Just("<p>".to_owned()),
        Just("café/😀\t\\".to_owned()),
        "[a-zA-Z]{1,8}",
        "[ .,]",
        any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..30).prop_map(|pieces| pieces.join(" "))
}

/// Raw JSON values a CMS may write, none of which a reader may normalise.
fn other_value() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "12345678901234567890123",
        "1.50",
        "0.1000000000000000055511151231257827",
        "-0",
        "1E+2",
        "1e400",
        r#""caf\u00e9 \/ \ud83d\ude00""#,
        r#""tab\tline\nend""#,
        r#"[1, 2.0 ,"x"]"#,
        r#"{"a" : {"b": null}, "a": 1}"#,
        "true",
        "null",
        r#""""#,
    ])
}

/// White space JSON allows between tokens.
fn gap() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec!["", " ", "  ", "\t"])
}

/// A JSON string for `text`: as serde_json writes it, or with every character outside ASCII
/// as a `\u` escape (in capitals, unlike copydesk's own).
fn literal(text: &str, ascii: bool) -> String {
    let plain = serde_json::Value::from(text).to_string();
    if !ascii {
        return plain;
    }
    plain
        .chars()
        .map(|c| match c.is_ascii() {
            true => c.to_string(),
            false => c
                .encode_utf16(&mut [0; 2])
                .iter()
                .map(|unit| format!("\\u{unit:04X}"))
                .collect(),
        })
        .collect()
}

/// One line of an export, with the text fields' strings left out: `pieces` go around them,
/// and `fields` names each one's role and text, in order.
#[derive(Debug, Clone)]
struct Line {
    pieces: Vec<String>,
    fields: Vec<(&'static str, String)>,
}

impl Line {
    fn text(&self, ascii: bool) -> String {
        let mut text = self.pieces[0].clone();
        for ((_, field), piece) in self.fields.iter().zip(&self.pieces[1..]) {
            text.push_str(&literal(field, ascii));
            text.push_str(piece);
        }
        text
    }
}

/// A record: its id, text fields and other members in any order, with stale copies of the
/// text fields written earlier under the same keys (a reader keeps the last), in any spacing.
fn record(index: usize) -> impl Strategy<Value = Line> {
    let others = prop::collection::vec(
        (
            prop::sample::select(vec!["url", "n", "meta", "\\u0075rl"]),
            other_value(),
        ),
        0..4,
    );
    // Some fields with nothing to fix, some with fixes.
    let text = || prop_oneof![prose(), "[A-Za-zé ]{0,24}"];
    let texts = (text(), prop::option::of(text()), text());
    let stale = prop::sample::subsequence(vec!["headline", "body", "dek"], 0..=2);
    (others, texts, stale, prop::collection::vec(gap(), 8))
        .prop_flat_map(move |(others, (headline, dek, body), stale, gaps)| {
            let mut members: Vec<(String, Option<(&'static str, String)>)> = others
                .into_iter()
                .map(|(key, value)| (format!("\"{key}\":{}", value), None))
                .collect();
            members.push((format!("\"id\": \"r{index}\""), None));
            let texts = [
                ("headline", Some(headline)),
                ("dek", dek),
                ("body", Some(body)),
            ];
            for (role, text) in texts {
                if let Some(text) = text {
                    members.push((
                        format!("\"{role}\"{}:{}", gaps[0], gaps[1]),
                        Some((role, text)),
                    ));
                }
            }
            let stale: Vec<String> = stale
                .iter()
                .map(|role| format!("\"{role}\": \"stale\", "))
                .collect();
            (Just(stale), Just(members).prop_shuffle(), Just(gaps))
        })
        .prop_map(|(stale, members, gaps)| {
            let mut pieces = vec![format!("{{{}{}", gaps[2], stale.concat())];
            let mut fields = Vec::new();
            for (index, (written, field)) in members.into_iter().enumerate() {
                let last = pieces.last_mut().expect("a piece");
                if index > 0 {
                    last.push_str(&format!("{},{}", gaps[3], gaps[4]));
                }
                last.push_str(&written);
                if let Some(field) = field {
                    fields.push(field);
                    pieces.push(String::new());
                }
            }
            pieces
                .last_mut()
                .expect("a piece")
                .push_str(&format!("{}}}", gaps[5]));
            Line { pieces, fields }
        })
}

/// An export: records, blank lines and lines that are not records, each with its line end.
fn export() -> impl Strategy<Value = Vec<(Line, bool, &'static str)>> {
    let line = (0..5usize).prop_flat_map(|kind| match kind {
        0 => gap()
            .prop_map(|gap| Line {
                pieces: vec![gap.to_owned()],
                fields: Vec::new(),
            })
            .boxed(),
        1 => Just(Line {
            pieces: vec!["{\"id\": \"cut".to_owned()],
            fields: Vec::new(),
        })
        .boxed(),
        _ => (0..1000usize).prop_flat_map(record).boxed(),
    });
    let ending = prop::sample::select(vec!["\n", "\r\n"]);
    prop::collection::vec((line, any::<bool>(), ending), 1..5)
}

proptest! {
    // Each case checks and fixes its records through the pipeline: few cases.
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Every line of any export is written back byte for byte — numbers, escapes, spacing, key
    /// order, repeated keys, blank lines, line ends — but for the JSON string of each text
    /// field a fix changed, which then holds the fixed text.
    #[test]
    fn records_are_written_back_byte_for_byte_but_for_fixed_fields(
        lines in export(),
        last_ending in any::<bool>(),
    ) {
        let mut export = String::new();
        for (index, (line, ascii, ending)) in lines.iter().enumerate() {
            let text = line.text(*ascii);
            export.push_str(&text);
            // (A last line with nothing on it and no line end is no line.)
            if last_ending || text.is_empty() || index + 1 < lines.len() {
                export.push_str(ending);
            }
        }
        let read: Vec<RecordLine> =
            RecordReader::new(export.as_bytes(), "e.jsonl", RecordFields::default()).collect();
        prop_assert_eq!(read.len(), lines.len());
        let records: Vec<_> = read.iter().filter_map(|line| match line {
            RecordLine::Record(record) => Some(SESSION.plan(DraftOrigin::Record(record.clone()))),
            _ => None,
        }).collect();
        let mut checked = SESSION.check(&records, None);
        SESSION.fix(&mut checked);
        let mut fixed_parts = checked.articles.iter().map(|article| article.parts());
        let mut written = String::new();
        let originals = export.split_inclusive('\n');
        for ((line, original), (expected, ascii, _)) in read.iter().zip(originals).zip(&lines) {
            let raw = match line {
                RecordLine::Blank(raw) | RecordLine::Unreadable { raw, .. } => {
                    prop_assert!(expected.fields.is_empty(), "{expected:?} is a record");
                    prop_assert_eq!(raw, original.as_bytes());
                    String::from_utf8(raw.clone()).expect("UTF-8")
                }
                RecordLine::Record(record) => {
                    let parts = fixed_parts.next().flatten().expect("a record's parts");
                    let line = record.with_parts(&parts);
                    if parts == record.parts {
                        prop_assert_eq!(&line, original);
                    }
                    let role = |role: &str| match role {
                        "headline" => parts.headline.clone(),
                        "dek" => parts.dek.clone(),
                        _ => Some(parts.body.clone()),
                    };
                    let mut rest = line.as_str();
                    for (piece, (name, before)) in expected.pieces.iter().zip(&expected.fields) {
                        rest = rest.strip_prefix(piece.as_str()).ok_or_else(|| {
                            TestCaseError::fail(format!("{piece:?} kept in {line:?}"))
                        })?;
                        let mut strings = serde_json::Deserializer::from_str(rest).into_iter::<String>();
                        let text = strings.next().and_then(Result::ok);
                        prop_assert_eq!(&text, &role(name), "{} in {:?}", name, line);
                        let (string, after) = rest.split_at(strings.byte_offset());
                        if text.as_ref() == Some(before) {
                            // A field no fix changed keeps its bytes, escapes and all.
                            prop_assert_eq!(string, literal(before, *ascii));
                        }
                        rest = after;
                    }
                    let tail = expected.pieces.last().expect("a piece");
                    let end = rest.strip_prefix(tail.as_str());
                    prop_assert!(end.is_some_and(|end| ["", "\n", "\r\n"].contains(&end)), "{tail:?} ends {line:?}");
                    line
                }
            };
            written.push_str(&raw);
        }
        prop_assert_eq!(written.lines().count(), export.lines().count());
        let unchanged = checked.articles.iter().zip(read.iter().filter_map(|line| match line {
            RecordLine::Record(record) => Some(record),
            _ => None,
        })).all(|(article, record)| article.parts().as_ref() == Some(&record.parts));
        if unchanged {
            prop_assert_eq!(written, export);
        }
    }
}

/// The line ends of `text` as written, `"\r\n"` as one.
fn line_ends(text: &str) -> Vec<&str> {
    let mut ends = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find(['\n', '\r', '\u{85}', '\u{2028}', '\u{2029}']) {
        let width = match &rest[at..] {
            tail if tail.starts_with("\r\n") => 2,
            tail => tail.chars().next().map_or(1, char::len_utf8),
        };
        ends.push(&rest[at..at + width]);
        rest = &rest[at + width..];
    }
    ends
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    /// Whatever rule makes a fix, fixing keeps every line end: as many, of the same kinds, in
    /// the same order (a fix may not join two lines, split one, or turn CRLF into LF).
    #[test]
    fn fixes_never_change_line_ends(
        text in prose(),
        name in prop::sample::select(vec!["draft.txt", "draft.md", "draft.html"]),
    ) {
        let input = DraftOrigin::Text { name: name.to_owned(), text: text.clone(), format: None };
        let mut checked = SESSION.check(&[SESSION.plan(input)], None);
        SESSION.fix(&mut checked);
        prop_assert_eq!(line_ends(&checked.articles[0].contents), line_ends(&text));
    }
}
