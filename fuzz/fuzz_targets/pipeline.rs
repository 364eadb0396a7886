//! Arbitrary bytes through the whole path a front end runs: decoded as a draft (and, after a
//! NUL byte, a source), read as plain text, Markdown and HTML, checked with sources through the
//! library pipeline, fixed, and rendered in every format. Nothing may panic, and the machine
//! formats must stay valid JSON.
#![no_main]

use copydesk::pipeline::{ConfigChoice, FileAccess, Input, Options, Session, SourceText};
use copydesk::render;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (draft, source) = match data.iter().position(|&b| b == 0) {
        Some(at) => (&data[..at], Some(&data[at + 1..])),
        None => (data, None),
    };
    let Ok((text, _)) = copydesk::input::decode(draft.to_vec()) else { return };
    let source_texts = source
        .and_then(|bytes| String::from_utf8(bytes.to_vec()).ok())
        .map(|text| vec![SourceText { name: "source.txt".to_owned(), text }])
        .unwrap_or_default();
    for name in ["draft.txt", "draft.md", "draft.html"] {
        let options = Options {
            config: ConfigChoice::Isolated,
            source_texts: source_texts.clone(),
            file_access: FileAccess::Off,
            ..Options::default()
        };
        let input = Input::Text { name: name.to_owned(), text: text.clone() };
        let Ok((session, plan)) = Session::prepare(options, vec![input]) else {
            panic!("the built-in pack loads");
        };
        let mut checked = session.check(&plan.planned, None);
        for pass in 0..2 {
            let report = checked.report();
            let rules: Vec<_> = session.profiles().iter().map(|p| &p.rules).collect();
            let _ = render::human::render(&report, false);
            let _ = render::concise::render(&report);
            let _ = render::github::render(&report);
            let _ = render::statistics::render(&report);
            for json in [render::json::render(&report), render::sarif::render(&report, &rules)] {
                assert!(serde_json::from_str::<serde_json::Value>(&json).is_ok());
            }
            for line in render::json::render_lines(&report).lines() {
                assert!(serde_json::from_str::<serde_json::Value>(line).is_ok());
            }
            if pass == 0 {
                session.fix(&mut checked);
            }
        }
    }
});
