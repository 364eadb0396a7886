//! Bad input never crashes the server, and every answer is sound: any body decodes to a
//! request or a 400, and any request runs, with both check and fix, to an answer whose spans,
//! counts and edits agree with its draft, or to the error status its request earns.

use super::{CheckRequest, Mode, parse, run};
use crate::serve::{ServeOptions, State};
use axum::body::Bytes;
use proptest::prelude::*;
use serde_json::{Value, json};
use std::sync::LazyLock;

static STATE: LazyLock<State> = LazyLock::new(|| {
    let options = ServeOptions {
        body_limit: 1 << 20,
        workers: 1,
        queue: 1,
        ..ServeOptions::new(([127, 0, 0, 1], 0).into())
    };
    State::new(options).unwrap_or_else(|message| panic!("the built-in rules load: {message}"))
});

/// Strings that reach the interesting paths: quotations, markup, paths out of the sandbox,
/// broken and valid configurations, emoji.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("The the mayor said “it is open”.".to_owned()),
        Just("\n\n".to_owned()),
        Just("---\nsources: [/etc/hostname, ../../x]\n---\n".to_owned()),
        Just("<p>&ldquo;".to_owned()),
        Just("# ".to_owned()),
        Just("😀".to_owned()),
        Just("[rules\nselect = 3".to_owned()),
        Just("[rules]\npacks = [\"/etc\"]\n".to_owned()),
        Just("[records]\nformat = \"html\"\n".to_owned()),
        any::<String>(),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..6).prop_map(|pieces| pieces.concat())
}

/// A request: mostly a draft as text or as fields, sometimes both or neither (a 400); now
/// and then a configuration, valid or not.
fn request() -> impl Strategy<Value = Value> {
    let format = prop::option::of(prop::sample::select(vec!["txt", "md", "html", "docx"]));
    let draft = prop_oneof![
        4 => text().prop_map(|text| json!({"text": text})),
        4 => (prop::option::of(text()), prop::option::of(text()), text()).prop_map(
            |(headline, dek, body)| json!({"fields": {"headline": headline, "dek": dek, "body": body}})
        ),
        1 => (text(), text()).prop_map(|(text, body)| json!({"text": text, "fields": {"body": body}})),
        1 => Just(json!({})),
    ];
    let config = prop_oneof![3 => Just(None), 1 => text().prop_map(Some)];
    let sources = prop::collection::vec((text(), text()), 0..3);
    (draft, format, prop::option::of(text()), config, sources).prop_map(
        |(mut request, format, name, config, sources)| {
            request["format"] = json!(format);
            request["name"] = json!(name);
            request["config"] = json!(config);
            let sources: Vec<Value> = sources
                .into_iter()
                .map(|(name, text)| json!({"name": name, "text": text}))
                .collect();
            request["sources"] = json!(sources);
            request
        },
    )
}

/// The draft a request sends as `text`, when it sends only that.
fn text_draft(request: &Value) -> Option<&str> {
    request["fields"]
        .is_null()
        .then(|| request["text"].as_str())
        .flatten()
}

/// Whether a request sends its draft exactly one way, as `text` or as `fields`.
fn has_one_draft(request: &Value) -> bool {
    request["text"].is_null() != request["fields"].is_null()
}

/// `text` with `edits` (`start` and `end` byte offsets into it, and a `replacement`) applied,
/// or `None` if they overlap, are out of order or fall outside it.
fn apply_edits<'a>(text: &str, edits: impl Iterator<Item = &'a Value>) -> Option<String> {
    let mut out = String::new();
    let mut at = 0;
    for edit in edits {
        let start = usize::try_from(edit["start"]["offset"].as_u64()?).ok()?;
        let end = usize::try_from(edit["end"]["offset"].as_u64()?).ok()?;
        out.push_str(text.get(at..start)?);
        text.get(start..end)?;
        out.push_str(edit["replacement"].as_str()?);
        at = end;
    }
    out.push_str(text.get(at..)?);
    Some(out)
}

/// What every report says of its findings: the summary counts them (unless cut short), and,
/// for a draft sent as `text`, each span lies on character boundaries of it.
fn check_report(report: &Value, text: Option<&str>) -> Result<(), TestCaseError> {
    prop_assert_eq!(&report["version"], &json!(1));
    let diagnostics = report["diagnostics"].as_array().expect("diagnostics");
    let summary = &report["summary"];
    let counted: u64 = ["errors", "warnings", "infos"]
        .iter()
        .filter_map(|key| summary[key].as_u64())
        .sum();
    if report["truncated"] == json!(false) {
        prop_assert_eq!(counted, diagnostics.len() as u64);
    }
    let Some(text) = text else { return Ok(()) };
    for d in diagnostics {
        let offset = |end: &str| {
            d[end]["offset"]
                .as_u64()
                .and_then(|o| usize::try_from(o).ok())
        };
        let (start, end) = (offset("start"), offset("end"));
        prop_assert!(
            start <= end
                && end
                    .and_then(|end| text.get(start.unwrap_or(end)..end))
                    .is_some(),
            "{d} in {text:?}"
        );
    }
    Ok(())
}

/// What a fix answer says: applying its edits to the draft gives the fixed draft, field by
/// field for a draft sent as fields; what remains is a sound report of the fixed draft, with
/// no safe fix left to apply.
fn check_fix_answer(request: &Value, answer: &Value) -> Result<(), TestCaseError> {
    let edits = answer["edits"].as_array().expect("edits");
    let fixed = match text_draft(request) {
        Some(text) => {
            let fixed = answer["text"].as_str().expect("the fixed text");
            let applied = apply_edits(text, edits.iter());
            prop_assert_eq!(applied.as_deref(), Some(fixed));
            Some(fixed)
        }
        None => {
            for field in ["headline", "dek", "body"] {
                let (Some(was), Some(is)) = (
                    request["fields"][field].as_str(),
                    answer["fields"][field].as_str(),
                ) else {
                    continue;
                };
                let in_field = edits.iter().filter(|e| e["field"] == json!(field));
                let applied = apply_edits(was, in_field);
                prop_assert_eq!(applied.as_deref(), Some(is), "{}", field);
            }
            None
        }
    };
    let remaining = &answer["remaining"];
    check_report(remaining, fixed)?;
    let safe = |d: &&Value| d["fix"]["applicability"] == json!("safe");
    let left: Vec<&Value> = remaining["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(safe)
        .collect();
    prop_assert!(left.is_empty(), "a safe fix left after fixing: {left:?}");
    Ok(())
}

/// Runs `request` (`decoded`) in `mode`: an answer only for a draft sent one way; otherwise
/// 400, or 422 for a configuration that does not load; 503 past the deadline.
fn check_answer(request: &Value, decoded: CheckRequest, mode: Mode) -> Result<(), TestCaseError> {
    match run(&STATE, decoded, mode) {
        Ok(answer) => {
            prop_assert!(has_one_draft(request), "answered {request}");
            let answer: Value = serde_json::from_str(&answer).expect("the answer is JSON");
            match mode {
                Mode::Check => check_report(&answer, text_draft(request))?,
                Mode::Fix => check_fix_answer(request, &answer)?,
            }
        }
        Err(error) => {
            let status = error.status.as_u16();
            let config = !request["config"].is_null();
            let allowed = status == 503
                || (status == 422 && config)
                || (status == 400 && !has_one_draft(request));
            prop_assert!(allowed, "{status} {}: {request}", error.message);
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Any body is a request (a JSON object) or a 400 that says so.
    #[test]
    fn any_body_is_a_request_or_a_client_error(bytes in prop::collection::vec(any::<u8>(), 0..256)) {
        let is_json_object = serde_json::from_slice::<Value>(&bytes).is_ok_and(|v| v.is_object());
        match parse(Ok(Bytes::from(bytes))) {
            Ok(_) => prop_assert!(is_json_object),
            Err(error) => {
                prop_assert_eq!(error.status.as_u16(), 400);
                prop_assert!(error.message.starts_with("the body is not a check request"), "{}", error.message);
            }
        }
    }

    #[test]
    fn any_request_gets_a_sound_answer_or_the_error_it_earns(
        request in request(),
        cut in any::<prop::sample::Index>(),
    ) {
        let decode = |bytes: &[u8]| parse(Ok(Bytes::copy_from_slice(bytes)));
        let body = request.to_string().into_bytes();
        // The same request cut short is a 400, or, rarely, still a request.
        let short = &body[..cut.index(body.len() + 1)];
        if let Ok(decoded) = decode(short) {
            let cut_short: Value = serde_json::from_slice(short).expect("a request is JSON");
            check_answer(&cut_short, decoded, Mode::Check)?;
        }
        // The whole request is one, but for a format the server does not read.
        let known_format = request["format"] != json!("docx");
        prop_assert_eq!(decode(&body).is_ok(), known_format);
        for mode in [Mode::Check, Mode::Fix] {
            if let Ok(decoded) = decode(&body) {
                check_answer(&request, decoded, mode)?;
            }
        }
    }
}
