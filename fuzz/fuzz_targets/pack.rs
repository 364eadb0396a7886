//! Arbitrary text as a rule pack: it loads or it reports located errors, and never panics,
//! hangs on a huge regex or runs out of memory.
#![no_main]

use copydesk::rules::pack::{PackInput, load};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let input = PackInput::Text {
        name: "fuzz.toml".to_owned(),
        text: text.to_owned(),
    };
    if let Err(errors) = load(&[input]) {
        for error in &errors.errors {
            if let Some(span) = error.span {
                assert!(span.start <= span.end && span.end <= text.len());
            }
        }
    }
});
