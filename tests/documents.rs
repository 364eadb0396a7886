//! JSON and SARIF are one document around every finding of a run, yet a run writes them a
//! chunk of articles at a time (256) so that its memory stays bounded: the document must still
//! be one valid document, holding every finding once, with the run's totals and its unreadable
//! inputs at the end.

mod common;

use common::{copydesk_in, shared_file, stderr, write_file};
use serde_json::Value;

/// An export of `records` records, each with one doubled word, and one line that is no record.
fn export(records: usize) -> String {
    let mut lines: Vec<String> = (0..records)
        .map(|i| {
            serde_json::json!({
                "id": format!("story-{i}"),
                "headline": format!("Council meets on plan {i}"),
                "body": "The council said said it would vote on the plan next month.",
            })
            .to_string()
        })
        .collect();
    lines.insert(records / 2, "{\"id\": broken".to_owned());
    lines.join("\n") + "\n"
}

/// `check` of the export in `dir`, in `format`.
fn check_export(dir: &std::path::Path, format: &str) -> std::process::Output {
    copydesk_in(
        dir,
        &[
            "check",
            "--isolated",
            "--input",
            "jsonl",
            "export.jsonl",
            "--format",
            format,
        ],
    )
}

fn run(dir: &std::path::Path, format: &str) -> Value {
    let out = check_export(dir, format);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    serde_json::from_slice(&out.stdout).expect("the document parses as one JSON value")
}

#[test]
fn a_json_document_over_several_chunks_holds_every_finding_and_the_runs_totals() {
    let dir = tempfile::tempdir().unwrap();
    write_file(dir.path(), "export.jsonl", &export(600));
    let json = run(dir.path(), "json");
    let diagnostics = json["diagnostics"].as_array().unwrap();
    let doubled: Vec<&str> = diagnostics
        .iter()
        .filter(|d| d["rule"] == "typo.doubled-word")
        .map(|d| d["path"].as_str().unwrap())
        .collect();
    assert_eq!(doubled.len(), 600);
    // Every record once, in the export's order.
    let expected: Vec<String> = (0..600).map(|i| format!("story-{i}")).collect();
    assert_eq!(doubled, expected);
    assert_eq!(json["summary"]["articles"], 600);
    assert_eq!(
        json["summary"]["warnings"].as_u64().unwrap() as usize,
        diagnostics
            .iter()
            .filter(|d| d["severity"] == "warning")
            .count()
    );
    let errors = json["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0]["message"]
            .as_str()
            .unwrap()
            .contains("not a JSON record")
    );
}

#[test]
fn the_json_documents_findings_are_the_jsonl_lines() {
    let dir = tempfile::tempdir().unwrap();
    write_file(dir.path(), "export.jsonl", &export(300));
    let json = run(dir.path(), "json");
    let out = check_export(dir.path(), "jsonl");
    let lines: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .filter(|v: &Value| v.get("rule").is_some())
        .collect();
    assert_eq!(json["diagnostics"].as_array().unwrap(), &lines);
}

#[test]
fn a_sarif_log_over_several_chunks_is_valid_and_indexes_its_rules() {
    let dir = tempfile::tempdir().unwrap();
    write_file(dir.path(), "export.jsonl", &export(600));
    let sarif = run(dir.path(), "sarif");
    let run = &sarif["runs"][0];
    let rules: Vec<&str> = run["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    let results = run["results"].as_array().unwrap();
    assert_eq!(
        results
            .iter()
            .filter(|r| r["ruleId"] == "typo.doubled-word")
            .count(),
        600
    );
    for result in results {
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index], result["ruleId"], "{result}");
    }
    // Each rule that fired is described once.
    let mut unique = rules.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), rules.len());
    validate(&sarif);
}

#[test]
fn a_run_with_nothing_to_check_still_writes_whole_documents() {
    let dir = tempfile::tempdir().unwrap();
    write_file(dir.path(), "export.jsonl", "");
    for format in ["json", "sarif"] {
        let out = check_export(dir.path(), format);
        let document: Value = serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|e| panic!("{format}: {e}: {}", String::from_utf8_lossy(&out.stdout)));
        match format {
            "json" => {
                assert_eq!(document["diagnostics"], serde_json::json!([]));
                assert_eq!(document["summary"]["articles"], 0);
            }
            _ => {
                assert_eq!(document["runs"][0]["results"], serde_json::json!([]));
                validate(&document);
            }
        }
    }
}

fn validate(sarif: &Value) {
    let Some(schema_path) = shared_file(
        "data/sarif-schema-2.1.0.json",
        "the SARIF schema validation in tests/documents.rs",
    ) else {
        return;
    };
    let schema: Value =
        serde_json::from_str(&std::fs::read_to_string(schema_path).unwrap()).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(sarif)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}
