//! Arbitrary bytes as a JSON-lines export: every line is a record or a located problem; every
//! record is checked through the library pipeline, fixed, rendered as JSON, and written back as
//! a JSON line. Nothing may panic, and what is written must stay valid JSON.
#![no_main]

#[path = "built_in.rs"]
mod built_in;

use copydesk::config::RecordFields;
use copydesk::pipeline::{DraftOrigin, RecordLine, RecordReader, Session};
use copydesk::render::{self, Emitter};
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static SESSION: LazyLock<Session> = LazyLock::new(|| built_in::session(Vec::new()));

fuzz_target!(|data: &[u8]| {
    let session = &*SESSION;
    for line in RecordReader::new(data, "fuzz.jsonl", RecordFields::default()) {
        let RecordLine::Record(record) = line else {
            continue;
        };
        let planned = session.plan(DraftOrigin::Record(record.clone()));
        let mut checked = session.check(&[planned], None);
        session.fix(&mut checked);
        let report = checked.report();
        let context = render::Context {
            rules: &[],
            color: false,
        };
        let json = render::json::Json.render(&report, &context);
        assert!(serde_json::from_slice::<serde_json::Value>(&json).is_ok());
        if let Some(parts) = checked.articles.first().and_then(|a| a.parts()) {
            let written = record.with_parts(&parts);
            assert!(serde_json::from_str::<serde_json::Value>(&written).is_ok());
        }
    }
});
