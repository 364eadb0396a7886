//! Bad input never crashes the server: any body decodes to a request or a 4xx error, and any
//! request runs to an answer or an error, with both check and fix.

use super::{Mode, parse, run};
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

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_body_is_a_request_or_a_client_error(bytes in prop::collection::vec(any::<u8>(), 0..256)) {
        if let Err(error) = parse(Ok(Bytes::from(bytes))) {
            prop_assert!(error.status.is_client_error());
        }
    }

    #[test]
    fn any_request_gets_an_answer_or_an_error(request in request(), cut in any::<prop::sample::Index>()) {
        let body = request.to_string().into_bytes();
        // The whole request, and the same cut short.
        let short = body[..cut.index(body.len() + 1)].to_vec();
        for bytes in [body, short] {
            let Ok(decoded) = parse(Ok(Bytes::from(bytes))) else { continue };
            let answer = run(&STATE, decoded, Mode::Check);
            if let Ok(answer) = answer {
                prop_assert!(serde_json::from_str::<Value>(&answer).is_ok());
            }
        }
        if let Ok(decoded) = parse(Ok(Bytes::from(request.to_string())))
            && let Ok(answer) = run(&STATE, decoded, Mode::Fix)
        {
            prop_assert!(serde_json::from_str::<Value>(&answer).is_ok());
        }
    }
}
