//! Arbitrary bytes through the whole path a front end runs: decoded as a draft (and, after a
//! NUL byte, a source), read as plain text, Markdown and HTML, checked with sources through the
//! library pipeline (every built-in rule, among them `grounding.unsupported-sentence`, the drift
//! rules — `grounding.attribution-dropped`, `attribution-changed`, `hedge-dropped`,
//! `qualifier-changed` — and the alignment they read), fixed, and rendered in every format and summary, the
//! sourcing table and its trace too. Nothing may panic, and the machine formats must stay valid
//! JSON.
#![no_main]

#[path = "built_in.rs"]
mod built_in;

use copydesk::pipeline::{DraftOrigin, Session, SourceText};
use copydesk::render::{self, SummaryForm};
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

/// The built-in rules, loaded once; each run plans its documents into this session.
static SESSION: LazyLock<Session> = LazyLock::new(|| built_in::session(Vec::new()));

fuzz_target!(|data: &[u8]| {
    let (draft, source) = match data.iter().position(|&b| b == 0) {
        Some(at) => (&data[..at], Some(&data[at + 1..])),
        None => (data, None),
    };
    let Ok((text, _)) = copydesk::input::decode(draft.to_vec()) else {
        return;
    };
    let source_texts = source
        .and_then(|bytes| String::from_utf8(bytes.to_vec()).ok())
        .map(|text| {
            vec![SourceText {
                name: "source.txt".to_owned(),
                text,
            }]
        })
        .unwrap_or_default();
    // A draft with a source needs a session of its own; one without reuses the loaded rules.
    let with_source = (!source_texts.is_empty()).then(|| built_in::session(source_texts));
    let session = with_source.as_ref().unwrap_or(&*SESSION);
    for name in ["draft.txt", "draft.md", "draft.html"] {
        let input = DraftOrigin::Text {
            name: name.to_owned(),
            text: text.clone(),
            format: None,
        };
        let mut checked = session.check(&[session.plan(input)], None);
        for pass in 0..2 {
            let report = checked.report();
            let rules: Vec<_> = session.profiles().iter().map(|p| &p.rules).collect();
            let context = render::Context {
                rules: &rules,
                color: false,
            };
            for format in render::EMITTERS {
                let output = String::from_utf8(format.render(&report, &context)).expect("UTF-8");
                match format.name() {
                    "json" | "sarif" => assert_json(&output),
                    "jsonl" => output.lines().for_each(assert_json),
                    _ => {}
                }
            }
            for form in [
                SummaryForm::Table,
                SummaryForm::Document,
                SummaryForm::Lines,
            ] {
                for summary in [
                    render::statistics::render_as(form, &report),
                    render::sourcing::render_as(form, &report),
                ] {
                    let output = String::from_utf8(summary).expect("UTF-8");
                    match form {
                        SummaryForm::Document => assert_json(&output),
                        SummaryForm::Lines => output.lines().for_each(assert_json),
                        SummaryForm::Table => {}
                    }
                }
            }
            if pass == 0 {
                session.fix(&mut checked);
            }
        }
    }
});

fn assert_json(text: &str) {
    assert!(
        serde_json::from_str::<serde_json::Value>(text).is_ok(),
        "not JSON: {text}"
    );
}
