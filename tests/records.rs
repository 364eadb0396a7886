//! `check --input jsonl`: article records of a CMS export, one JSON object a line — named by
//! their ids, checked against the sources they bring, fixed field by field with every line of
//! the export written back in order, and read under `[records]` of the nearest copydesk.toml.

mod common;

use common::{copydesk_in, copydesk_with_stdin, stderr, stdout, write_file};
use serde_json::{Value, json};

const WIRE: &str = "Council plan\n\n“We will build the neighbourhood centre,” said the mayor, Ana Ruiz, on Monday.\n";

fn jsonl(records: &[Value]) -> String {
    records.iter().map(|r| format!("{r}\n")).collect()
}

/// `copydesk check --input jsonl` with `args`, in `dir`.
fn check_records(dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    let mut all = vec!["check", "--input", "jsonl"];
    all.extend_from_slice(args);
    copydesk_in(dir, &all)
}

fn findings(output: &str) -> Vec<Value> {
    output
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

#[test]
fn records_are_named_by_id_and_a_bad_line_loses_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let export = jsonl(&[
        json!({"id": "story-1", "headline": "Council backs plan", "body": "The the council met on Monday."}),
        json!({"id": 42, "headline": "Bridge opens", "body": "The bridge opened on Friday."}),
    ]) + "{\"id\": \"story-3\", \"body\": \"No headline field.\"}\nnot json at all\n"
        + &jsonl(&[
            json!({"id": "story-5", "headline": "Rain", "body": "It rained and and rained."}),
        ]);
    write_file(dir.path(), "export.jsonl", &export);
    let out = check_records(dir.path(), &["export.jsonl", "--format", "concise"]);
    assert_eq!(out.status.code(), Some(2), "unreadable lines fail the run");
    let text = stdout(&out);
    assert!(
        text.contains("story-1:3:1: warning[typo.doubled-word]"),
        "{text}"
    );
    assert!(
        text.contains("story-5:3:11: warning[typo.doubled-word]"),
        "{text}"
    );
    assert!(
        text.contains("export.jsonl:3: record `story-3`: no `headline` field"),
        "{text}"
    );
    assert!(text.contains("export.jsonl:4: not a JSON record"), "{text}");
    assert!(
        stderr(&out).contains(
            "checked 3 articles: 0 errors, 2 warnings, 0 infos; 2 records could not be read"
        ),
        "{}",
        stderr(&out)
    );
}

#[test]
fn fixing_writes_every_line_back_in_order_with_its_fields_fixed() {
    let dir = tempfile::tempdir().unwrap();
    let first = json!({"id": "a", "url": "/a", "headline": "Council backs plan", "body": "The the council met.\n\nIt voted.", "tags": ["x"]});
    let second = json!({"id": "b", "headline": "Quiet day", "dek": "Nothing to fix", "body": "All is well."});
    let export = format!("{first}\nnot json\n{second}\n");
    let out = copydesk_with_stdin(
        dir.path(),
        &[
            "check", "-q", "--input", "jsonl", "-", "--fix", "--format", "concise",
        ],
        export.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let lines: Vec<&str> = std::str::from_utf8(&out.stdout).unwrap().lines().collect();
    assert_eq!(lines.len(), 3, "{lines:?}");
    let fixed: Value = serde_json::from_str(lines[0]).unwrap();
    assert_eq!(fixed["body"], "The council met.\n\nIt voted.");
    // Every other field stays, in its place.
    let keys: Vec<&String> = fixed.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["id", "url", "headline", "body", "tags"]);
    assert_eq!(
        lines[1], "not json",
        "a line that is not a record passes through"
    );
    assert_eq!(serde_json::from_str::<Value>(lines[2]).unwrap(), second);
    // The findings that remain go to standard error, so standard output is the export.
    assert!(
        stderr(&out).contains("stdin>:2: not a JSON record"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn fixing_writes_unfixed_records_byte_for_byte_and_keeps_blank_lines() {
    // Nothing here is the fixer's to change: big and precise numbers, trailing zeros, escapes,
    // odd spacing, a repeated key, blank lines and CRLF line ends. Only the second record's
    // body has a doubled word.
    let export = concat!(
        "{\"id\": 98765432109876543210987, \"price\": 2.50, \"ratio\": 0.3000000000000000444089209850062616,\r\n",
        // (that first line is cut: not JSON, passed through)
        "\r\n",
        "{ \"id\":\"harbour-2\" , \"headline\":\"Ferry caf\\u00e9 reopens\", \"url\":\"https:\\/\\/example.test\\/ferry\",",
        " \"body\":\"draft\", \"body\": \"The the ferry sails at noon.\"}\r\n",
        "   \n",
        "{\"id\":\"harbour-3\",\"headline\":\"Tide tables\",\"body\":\"High water is at 14:05.\",\"depth\":1e400}\n",
        "\n",
        "{\"id\":\"harbour-4\",\"headline\":\"Pier\",\"body\":\"Closed.\",\"tags\":[\"a\" ,\"b\"]}",
    );
    let dir = tempfile::tempdir().unwrap();
    let out = copydesk_with_stdin(
        dir.path(),
        &["check", "-q", "--input", "jsonl", "-", "--fix"],
        export.as_bytes(),
    );
    let written = std::str::from_utf8(&out.stdout).unwrap();
    let fixed = export.replace(
        "\"The the ferry sails at noon.\"",
        "\"The ferry sails at noon.\"",
    );
    assert_ne!(fixed, export, "the doubled word is there to fix");
    assert_eq!(written, fixed, "{}", stderr(&out));
    assert_eq!(written.split('\n').count(), export.split('\n').count());
}

#[test]
fn a_record_is_checked_against_its_own_sources_only() {
    let dir = tempfile::tempdir().unwrap();
    let body = "“We will build the neighbourhood center soon,” said the mayor, Ana Ruiz.";
    let export = jsonl(&[
        json!({"id": "with-source", "headline": "Mayor backs plan 😀", "body": body,
               "sources": [{"name": "wire.txt", "text": WIRE}]}),
        json!({"id": "without", "headline": "Mayor backs plan", "body": body}),
    ]);
    write_file(dir.path(), "export.jsonl", &export);
    let out = check_records(dir.path(), &["export.jsonl", "--format", "jsonl"]);
    let misquotes: Vec<Value> = findings(&stdout(&out))
        .into_iter()
        .filter(|f| f["rule"] == "grounding.misquote")
        .collect();
    assert_eq!(misquotes.len(), 1, "{}", stdout(&out));
    let misquote = &misquotes[0];
    assert_eq!(misquote["path"], "with-source");
    // Positions inside the field, for a CMS that highlights the body it holds: the emoji in
    // the headline moves the record's offsets but not the body's.
    assert_eq!(misquote["field"], "body");
    assert_eq!(misquote["start"]["field_offset"], 0);
    assert_eq!(misquote["start"]["field_utf16"], 0);
    let end_in_body = &body[..misquote["end"]["field_offset"].as_u64().unwrap() as usize];
    assert!(end_in_body.ends_with('”'), "{end_in_body}");
    assert_eq!(
        misquote["end"]["field_utf16"].as_u64().unwrap() as usize,
        end_in_body.encode_utf16().count()
    );
}

#[test]
fn field_names_and_the_body_format_come_from_the_nearest_configuration() {
    let dir = tempfile::tempdir().unwrap();
    write_file(
        dir.path(),
        "copydesk.toml",
        "[records]\nformat = \"html\"\n[records.fields]\nid = \"meta.slug\"\nheadline = \"fields.headline\"\ndek = \"fields.standfirst\"\nbody = \"fields.body\"\n\n[[overrides]]\npaths = [\"opinion/**\"]\nignore = [\"typo\"]\n",
    );
    let record = |slug: &str| {
        json!({"meta": {"slug": slug}, "fields": {
            "headline": "Bridge opens", "standfirst": "Ten years late",
            "body": "<p>The the bridge opened &amp; traffic flowed.</p>"}})
    };
    let export = jsonl(&[record("bridge"), record("opinion/bridge")]);
    write_file(dir.path(), "exports/day.jsonl", &export);
    let out = check_records(dir.path(), &["exports", "--format", "concise"]);
    let text = stdout(&out);
    assert!(
        text.contains("bridge:5:4: warning[typo.doubled-word]"),
        "{text}"
    );
    // Overrides match records by id, wherever the run starts.
    assert!(!text.contains("opinion/bridge"), "{text}");
    let elsewhere = tempfile::tempdir().unwrap();
    let export_path = dir.path().join("exports/day.jsonl");
    let export_path = export_path.to_str().unwrap();
    let out = check_records(elsewhere.path(), &[export_path, "--format", "concise"]);
    assert!(stdout(&out).contains("bridge:5:4"), "{}", stdout(&out));
    assert!(!stdout(&out).contains("opinion/bridge"), "{}", stdout(&out));

    write_file(
        dir.path(),
        "copydesk.toml",
        "[records]\nformat = \"docx\"\n",
    );
    let out = check_records(dir.path(), &["exports"]);
    assert_eq!(out.status.code(), Some(2));
    let error = stderr(&out);
    assert!(error.contains("unknown format `docx`"), "{error}");
    assert!(
        error.contains("copydesk.toml:2:10"),
        "the error points into the file: {error}"
    );
}

#[test]
fn records_stream_a_chunk_at_a_time_in_order() {
    // More records than one chunk holds: every one is checked, and findings come out in the
    // order of the export.
    let dir = tempfile::tempdir().unwrap();
    let records: Vec<Value> = (0..600)
        .map(|i| json!({"id": format!("r{i:03}"), "headline": "Council meets", "body": "The the council met."}))
        .collect();
    write_file(dir.path(), "big.jsonl", &jsonl(&records));
    let out = check_records(dir.path(), &["big.jsonl", "--format", "jsonl"]);
    let paths: Vec<String> = findings(&stdout(&out))
        .iter()
        .map(|f| f["path"].as_str().unwrap().to_owned())
        .collect();
    let expected: Vec<String> = (0..600).map(|i| format!("r{i:03}")).collect();
    assert_eq!(paths, expected);
}
