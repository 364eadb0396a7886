//! Arbitrary requests through the server's request path, without a socket: the `Host`,
//! `Origin` and `Content-Type` headers and the body are cut from the input at its first three
//! newlines; the guard admits or refuses the headers, and an admitted body is decoded and run
//! as a check and as a fix. Nothing may panic, and every answer must be JSON.
#![no_main]

use axum::body::Bytes;
use axum::http::{HeaderMap, HeaderValue, Method};
use copydesk::serve::api::{self, Mode};
use copydesk::serve::guard::Guard;
use copydesk::serve::{ServeOptions, State};
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;
use std::time::Duration;

static STATE: LazyLock<State> = LazyLock::new(|| {
    let options = ServeOptions {
        deadline: Duration::from_millis(500),
        max_findings: 50,
        ..ServeOptions::new(([127, 0, 0, 1], 8480).into())
    };
    State::new(options).unwrap_or_else(|message| panic!("the built-in rules load: {message}"))
});

static GUARD: LazyLock<Guard> = LazyLock::new(|| {
    Guard::new(
        ([127, 0, 0, 1], 8480).into(),
        &["desk.example".to_owned()],
        &["https://cms.example".to_owned()],
    )
});

fuzz_target!(|data: &[u8]| {
    let mut parts = data.splitn(4, |&b| b == b'\n');
    let mut headers = HeaderMap::new();
    for name in ["host", "origin", "content-type"] {
        let Some(value) = parts.next() else { return };
        if let Ok(value) = HeaderValue::from_bytes(value) {
            headers.insert(name, value);
        }
    }
    let body = parts.next().unwrap_or_default();
    if GUARD.admit(&Method::POST, &headers).is_err() {
        return;
    }
    let Ok(request) = api::parse(Ok(Bytes::copy_from_slice(body))) else {
        return;
    };
    let fixing = api::parse(Ok(Bytes::copy_from_slice(body)));
    for (request, mode) in [(Ok(request), Mode::Check), (fixing, Mode::Fix)] {
        let Ok(request) = request else { continue };
        if let Ok(answer) = api::run(&STATE, request, mode) {
            assert!(serde_json::from_str::<serde_json::Value>(&answer).is_ok());
        }
    }
});
