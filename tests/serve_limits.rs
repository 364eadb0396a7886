//! `copydesk serve` against hostile callers, over a real socket: web pages of other origins,
//! names rebound to 127.0.0.1, form posts, drafts that take too long to check or give too many
//! findings, and a big draft that must not hold up small ones.

mod common;

use common::drafts::sample_draft;
use common::server::Server;
use serde_json::json;
use std::time::Instant;

/// A POST of a small draft as a browser would send it: the request line and headers, with
/// `origin` and `content_type` as given.
fn browser_post(
    server: &Server,
    host: &str,
    origin: Option<&str>,
    content_type: &str,
) -> (u16, String) {
    let body = json!({"text": "Mayor quits\n\nThe the mayor left."}).to_string();
    let origin = origin
        .map(|o| format!("Origin: {o}\r\n"))
        .unwrap_or_default();
    let head = format!(
        "POST /v1/check HTTP/1.1\r\nHost: {host}\r\n{origin}Content-Type: {content_type}\r\n"
    );
    server.raw(&head, body.as_bytes())
}

#[test]
fn a_page_of_another_origin_is_refused() {
    let server = Server::start(&[]);
    let host = server.authority().to_owned();
    let (status, answer) = browser_post(
        &server,
        &host,
        Some("http://evil.example"),
        "application/json",
    );
    assert_eq!(status, 403, "{answer}");
    assert!(answer.contains("--allow-origin"), "{answer}");
    assert!(
        !answer.contains("news.doubled-word"),
        "refused before checking: {answer}"
    );
    let own = format!("http://{host}");
    let (status, answer) = browser_post(&server, &host, Some(&own), "application/json");
    assert_eq!(status, 200, "{answer}");
    let (status, answer) = browser_post(&server, &host, None, "application/json; charset=utf-8");
    assert_eq!(
        status, 200,
        "a tool that is not a browser sends no origin: {answer}"
    );
}

#[test]
fn a_form_post_is_refused() {
    let server = Server::start(&[]);
    let host = server.authority().to_owned();
    for content_type in ["text/plain", "application/x-www-form-urlencoded"] {
        let (status, answer) = browser_post(&server, &host, None, content_type);
        assert_eq!(status, 415, "{content_type}: {answer}");
        assert!(answer.contains("application/json"), "{answer}");
    }
}

#[test]
fn a_name_rebound_to_loopback_is_refused() {
    let server = Server::start(&[]);
    let port = server
        .authority()
        .rsplit(':')
        .next()
        .expect("a port")
        .to_owned();
    let get = |host: &str| server.raw(&format!("GET /v1/rules HTTP/1.1\r\nHost: {host}\r\n"), b"");
    let (status, answer) = get(&format!("attacker.example:{port}"));
    assert_eq!(status, 403, "{answer}");
    assert!(answer.contains("--allow-host"), "{answer}");
    for host in [
        format!("localhost:{port}"),
        format!("127.0.0.1:{port}"),
        format!("[::1]:{port}"),
    ] {
        assert_eq!(get(&host).0, 200, "{host}");
    }
    let named = Server::start(&["--allow-host", "desk.newsroom.example"]);
    let port = named
        .authority()
        .rsplit(':')
        .next()
        .expect("a port")
        .to_owned();
    let head = format!("GET /v1/rules HTTP/1.1\r\nHost: desk.newsroom.example:{port}\r\n");
    assert_eq!(named.raw(&head, b"").0, 200);
}

#[test]
fn an_allowed_origin_gets_cors_headers() {
    let server = Server::start(&["--allow-origin", "https://cms.example"]);
    let host = server.authority().to_owned();
    let preflight = |origin: &str| {
        server.raw(
            &format!(
                "OPTIONS /v1/check HTTP/1.1\r\nHost: {host}\r\nOrigin: {origin}\r\n\
                 Access-Control-Request-Method: POST\r\n\
                 Access-Control-Request-Headers: content-type\r\n"
            ),
            b"",
        )
    };
    let (status, answer) = preflight("https://cms.example");
    assert!((200..300).contains(&status), "{answer}");
    let lower = answer.to_ascii_lowercase();
    assert!(
        lower.contains("access-control-allow-origin: https://cms.example"),
        "{answer}"
    );
    assert!(lower.contains("content-type"), "{answer}");
    assert_eq!(preflight("https://evil.example").0, 403);
    let (status, answer) = browser_post(
        &server,
        &host,
        Some("https://cms.example"),
        "application/json",
    );
    assert_eq!(status, 200, "{answer}");
    assert!(
        answer
            .to_ascii_lowercase()
            .contains("access-control-allow-origin: https://cms.example"),
        "{answer}"
    );
}

#[test]
fn a_check_past_the_deadline_is_abandoned_and_the_server_goes_on() {
    let server = Server::start(&["--deadline-ms", "1", "--workers", "1"]);
    let draft = sample_draft("Council backs budget", 150_000, true);
    let (status, answer) = server.post("/v1/check", json!({"text": draft}));
    assert_eq!(status, 503, "{answer}");
    let message = answer["error"]["message"].as_str().expect("a message");
    assert!(
        message.contains("--deadline-ms") && message.contains("1 ms"),
        "{message}"
    );
    let (status, answer) = server.post("/v1/fix", json!({"text": draft}));
    assert_eq!(status, 503, "fix too: {answer}");
    let roomy = Server::start(&[]);
    let (status, answer) = roomy.post(
        "/v1/check",
        json!({"text": "Mayor quits\n\nThe the mayor left."}),
    );
    assert_eq!(status, 200, "{answer}");
}

#[test]
fn an_answer_lists_at_most_max_findings() {
    let draft = format!("Mayor quits\n\n{}", "The the mayor left. ".repeat(40));
    let capped = Server::start(&["--max-findings", "5"]);
    let (status, report) = capped.post("/v1/check", json!({"text": draft}));
    assert_eq!(status, 200, "{report}");
    assert_eq!(report["diagnostics"].as_array().expect("a list").len(), 5);
    assert_eq!(report["truncated"], json!(true));
    let (status, answer) = capped.post("/v1/fix", json!({"text": draft}));
    assert_eq!(status, 200, "{answer}");
    assert_eq!(
        answer["remaining"]["truncated"],
        json!(false),
        "all fixed: {answer}"
    );
    let roomy = Server::start(&[]);
    let (_, report) = roomy.post("/v1/check", json!({"text": draft}));
    let found = report["diagnostics"].as_array().expect("a list").len();
    assert!(found >= 40, "{found}");
    assert_eq!(report["truncated"], json!(false));
}

#[test]
fn a_small_draft_is_answered_while_a_big_one_runs() {
    let server = Server::start(&["--workers", "1", "--queue", "4", "--deadline-ms", "120000"]);
    let big = sample_draft("Council backs budget", 300_000, true);
    let (big_done, small_done) = std::thread::scope(|scope| {
        let big_request = scope.spawn(|| {
            let (status, answer) = server.post("/v1/check", json!({"text": big}));
            assert_eq!(status, 200, "{answer}");
            Instant::now()
        });
        std::thread::sleep(std::time::Duration::from_millis(500));
        let (status, answer) = server.post(
            "/v1/check",
            json!({"text": "Mayor quits\n\nThe the mayor left."}),
        );
        assert_eq!(status, 200, "{answer}");
        let small_done = Instant::now();
        (big_request.join().expect("the big request"), small_done)
    });
    assert!(
        small_done < big_done,
        "the small draft waited for the big one"
    );
}
