//! `copydesk serve` over a real socket (an ephemeral port on 127.0.0.1): every endpoint, every
//! error status, the body limit, invalid UTF-8, a configuration that does not load, the
//! queue, concurrent requests, UTF-16 offsets, and no file read on a request's behalf.

mod common;

use common::server::Server;
use common::{copydesk_in, write_file};
use serde_json::{Value, json};

const DRAFT: &str = "Council backs new bike lanes\n\nZoë 😀 “Łukasz” said the the plan was fine. The regime announced the plan.\n\nThe organized committee liked the colour and the organized plan and the organized vote.\n";

/// `(rule, start offset, end offset)` of a JSON report's findings.
fn findings(report: &Value) -> Vec<(String, u64, u64)> {
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_owned(),
                d["start"]["offset"].as_u64().unwrap(),
                d["end"]["offset"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn check_and_fix_answer_as_the_command_line_does() {
    let server = Server::start(&[]);
    let dir = tempfile::tempdir().unwrap();
    write_file(dir.path(), "draft.md", DRAFT);
    let cli: Value = serde_json::from_slice(
        &copydesk_in(
            dir.path(),
            &["check", "draft.md", "--isolated", "--format", "json"],
        )
        .stdout,
    )
    .unwrap();

    let (status, report) = server.post(
        "/v1/check",
        json!({"text": DRAFT, "format": "md", "name": "draft"}),
    );
    assert_eq!(status, 200, "{report}");
    assert_eq!(report["version"], 1);
    assert_eq!(findings(&report), findings(&cli));
    assert!(findings(&report).len() >= 3);
    // UTF-16 offsets: what a browser's string indexes.
    let doubled = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "typo.doubled-word")
        .unwrap();
    let offset = doubled["start"]["offset"].as_u64().unwrap() as usize;
    assert_eq!(
        doubled["start"]["utf16"].as_u64().unwrap() as usize,
        DRAFT[..offset].encode_utf16().count()
    );

    let (status, fixed) = server.post("/v1/fix", json!({"text": DRAFT, "format": "md"}));
    assert_eq!(status, 200, "{fixed}");
    copydesk_in(
        dir.path(),
        &["check", "draft.md", "--isolated", "--fix", "-q"],
    );
    assert_eq!(
        fixed["text"],
        std::fs::read_to_string(dir.path().join("draft.md")).unwrap()
    );
    assert!(!fixed["edits"].as_array().unwrap().is_empty());
    assert!(fixed["remaining"]["diagnostics"].is_array());
}

#[test]
fn a_draft_sent_as_fields_is_checked_and_fixed_field_by_field() {
    let server = Server::start(&[]);
    let fields = json!({"headline": "Mayor’s “plan” 😀 backs the the bridge",
                        "dek": "A dek", "body": "<p>The the bridge opened.</p>"});
    let (status, report) = server.post(
        "/v1/check",
        json!({"fields": fields, "format": "html", "name": "cms-42"}),
    );
    assert_eq!(status, 200, "{report}");
    let doubled: Vec<&Value> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "typo.doubled-word")
        .collect();
    assert_eq!(doubled.len(), 2, "{report}");
    assert_eq!(doubled[0]["path"], "cms-42");
    assert_eq!(doubled[0]["field"], "headline");
    let headline = fields["headline"].as_str().unwrap();
    let at = doubled[0]["start"]["field_offset"].as_u64().unwrap() as usize;
    assert!(headline[at..].starts_with("the the"), "{}", &headline[at..]);
    assert_eq!(
        doubled[0]["start"]["field_utf16"].as_u64().unwrap() as usize,
        headline[..at].encode_utf16().count()
    );
    assert_eq!(doubled[1]["field"], "body");
    assert_eq!(doubled[1]["start"]["field_offset"], 3);

    let (status, fixed) = server.post("/v1/fix", json!({"fields": fields, "format": "html"}));
    assert_eq!(status, 200, "{fixed}");
    assert_eq!(
        fixed["fields"]["headline"],
        "Mayor’s “plan” 😀 backs the bridge"
    );
    assert_eq!(fixed["fields"]["dek"], "A dek");
    assert_eq!(fixed["fields"]["body"], "<p>The bridge opened.</p>");
    let edited: Vec<&Value> = fixed["edits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| &e["field"])
        .collect();
    assert_eq!(edited, [&json!("headline"), &json!("body")]);

    let (status, error) = server.post("/v1/check", json!({"text": "x", "fields": {"body": "y"}}));
    assert_eq!(status, 400);
    assert!(
        error["error"]["message"]
            .as_str()
            .unwrap()
            .contains("`text` or as `fields`")
    );
    let (status, _) = server.post("/v1/check", json!({"name": "nothing"}));
    assert_eq!(status, 400);
}

#[test]
fn rules_are_listed_and_explained() {
    let server = Server::start(&[]);
    let (status, list) = server.get("/v1/rules");
    assert_eq!(status, 200);
    let rules = list["rules"].as_array().unwrap();
    assert!(
        rules
            .iter()
            .any(|r| r["id"] == "news.tone.clickbait" && r["kind"] == "classifier")
    );
    let (status, one) = server.get("/v1/rules/typo.doubled-word");
    assert_eq!(status, 200);
    assert!(
        one["explain"]
            .as_str()
            .unwrap()
            .starts_with("# typo.doubled-word")
    );
    let (status, missing) = server.get("/v1/rules/no.such.rule");
    assert_eq!(
        (status, missing["error"]["status"].clone()),
        (404, json!(404))
    );
    assert_eq!(server.get("/v2/nothing").0, 404);
}

#[test]
fn the_review_page_is_served_whole_with_no_outside_resources() {
    let server = Server::start(&[]);
    let mut response = Server::agent()
        .get(format!("{}/", server.base))
        .call()
        .expect("an answer");
    assert_eq!(response.status().as_u16(), 200);
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned();
    assert!(content_type.starts_with("text/html"), "{content_type}");
    let page = response.body_mut().read_to_string().unwrap();
    assert!(page.contains("/v1/check") && page.contains("/v1/fix"));
    // Works offline: no script, style or font from elsewhere.
    for outside in ["http://", "https://", "//cdn"] {
        assert!(!page.contains(outside), "the page loads {outside}");
    }
}

#[test]
fn bad_requests_get_clear_json_errors() {
    let server = Server::start(&["--body-limit", "2000"]);
    let (status, error) = server.post_bytes("/v1/check", b"{not json");
    assert_eq!(status, 400, "{error}");
    assert!(
        error["error"]["message"]
            .as_str()
            .unwrap()
            .contains("not a check request")
    );
    let (status, _) = server.post_bytes("/v1/check", b"{\"text\": \"caf\xff\"}");
    assert_eq!(status, 400);
    let (status, _) = server.post("/v1/check", json!({"text": "x".repeat(5000)}));
    assert_eq!(status, 413);
    let (status, error) = server.post(
        "/v1/check",
        json!({"text": "A headline\n\nBody.", "config": "[rules\nselect = 3"}),
    );
    assert_eq!(status, 422, "{error}");
    assert!(
        error["error"]["message"]
            .as_str()
            .unwrap()
            .contains("config"),
        "{error}"
    );
    let (status, error) = server.post(
        "/v1/check",
        json!({"text": "x", "config": "[rules]\npacks = [\"/etc\"]\n"}),
    );
    assert_eq!(status, 422, "{error}");
    let (status, _) = server.post("/v1/check", json!({"text": "x", "format": "docx"}));
    assert_eq!(status, 400);
}

#[test]
fn a_request_reads_no_file() {
    let server = Server::start(&[]);
    let hostname = std::fs::read_to_string("/etc/hostname").unwrap_or_default();
    for declared in [
        "/etc/hostname",
        "../../../../etc/hostname",
        "../../Cargo.toml",
    ] {
        let draft = format!(
            "---\nsources:\n  - {declared}\n---\nMayor quits\n\nThe mayor said “I quit today after years of work” on Monday.\n"
        );
        let (status, report) = server.post("/v1/check", json!({"text": draft, "format": "md"}));
        assert_eq!(status, 200, "{report}");
        let text = report.to_string();
        assert!(
            hostname.trim().is_empty() || !text.contains(hostname.trim()),
            "{text}"
        );
        assert!(!text.contains("[package]"), "{text}");
        assert!(
            !report["errors"].as_array().unwrap().is_empty(),
            "the refused source is said: {text}"
        );
    }
}

#[test]
fn concurrent_requests_all_get_the_same_answer() {
    let server = Server::start(&[]);
    let (_, expected) = server.post("/v1/check", json!({"text": DRAFT, "format": "md"}));
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..8)
            .map(|_| {
                scope.spawn(|| {
                    for _ in 0..10 {
                        let (status, report) =
                            server.post("/v1/check", json!({"text": DRAFT, "format": "md"}));
                        assert_eq!(status, 200);
                        assert_eq!(findings(&report), findings(&expected));
                    }
                })
            })
            .collect();
        for handle in handles {
            handle.join().unwrap();
        }
    });
}

#[test]
fn a_full_queue_answers_busy() {
    let server = Server::start(&["--workers", "1", "--queue", "1", "--test-delay-ms", "400"]);
    let statuses: Vec<u16> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..5)
            .map(|_| {
                scope.spawn(|| {
                    server
                        .post("/v1/check", json!({"text": "Headline\n\nBody."}))
                        .0
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert!(statuses.contains(&503), "{statuses:?}");
    assert!(statuses.contains(&200), "{statuses:?}");
    // And it serves again once the queue drains.
    assert_eq!(
        server
            .post("/v1/check", json!({"text": "Headline\n\nBody."}))
            .0,
        200
    );
}
