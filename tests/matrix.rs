//! Every output format in every mode (README, "Formats and modes"), article records included: each cell exits with its
//! documented code (never a panic's 101), the JSON formats parse, SARIF validates against the
//! schema (a skip without `../shared`, a failure with `CI` set), and every format reports the same multiset
//! of (path, line, column, rule) as `--format json` — counts compared, not just sets.

mod common;

use common::{shared_file, write_file};
use serde_json::Value;
use std::path::Path;
use std::process::Output;
use std::sync::LazyLock;

const DRAFT: &str = "Council backs the neighbourhood plan\n\nThe the council met on Monday in the neighborhood hall. “We will build the neighbourhood centre,” said the mayor, Ana Ruiz.\n\nThe neighborhood group said the plan was late.\n\nThe hall needs a new roof before the winter. The plan will cost the town four million pounds, the treasurer admitted.\n\nThe old library will close when the centre opens. Forty residents signed a petition against the plan.\n";
const WIRE: &str = "Council plan\n\n“We will build the neighbourhood centre,” said the mayor, Ana Ruiz, on Monday.\n\nThe hall needs a new roof before the winter, council surveyors said. The plan will cost the town four million pounds, the treasurer said.\n\nThe old library may close when the centre opens. At least 40 residents signed a petition against the plan.\n";
/// The rules that compare a draft with its source beyond its words: the draft drifts from the
/// wire in each way, so every cell of the `source` mode carries a finding of each.
const DRIFT_RULES: [&str; 4] = [
    "grounding.attribution-dropped",
    "grounding.attribution-changed",
    "grounding.hedge-dropped",
    "grounding.qualifier-changed",
];
const STORY: &str = "---\ntitle: Mayor backs the plan\nsources: [wire.txt]\n---\n\n“We will build the neighbourhood center soon,” said the mayor, Ana Ruiz.\n\nThe the vote is on Friday.\n";
const PAGE: &str = "<html><body><h1>Mayor backs plan</h1><p>She said &ldquo;our neighbourhood is ready&rdquo; and left. The neighborhood hall was full. The the vote is on Friday.</p></body></html>";

/// The formats: the `--format` value, and `--statistics` as a table and as JSON.
const FORMATS: [&str; 10] = [
    "human",
    "concise",
    "json",
    "jsonl",
    "sarif",
    "github",
    "statistics",
    "statistics-json",
    "sourcing",
    "sourcing-json",
];

/// The modes: what is checked and how.
const MODES: [&str; 11] = [
    "plain",
    "source",
    "corpus",
    "fix",
    "diff",
    "markdown-sources",
    "html-entities",
    "stdin",
    "unreadable",
    "records",
    "records-fix",
];

fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write_file(dir.path(), "draft.txt", DRAFT);
    write_file(dir.path(), "wire.txt", WIRE);
    write_file(dir.path(), "story.md", STORY);
    write_file(dir.path(), "page.html", PAGE);
    std::fs::write(dir.path().join("bad.txt"), b"Head\n\ncaf\xe9\n").unwrap();
    write_file(dir.path(), "export.jsonl", &export());
    dir
}

/// The drafts as the records of a CMS export: a plain body, a Markdown one that brings its
/// source, an HTML one.
fn export() -> String {
    let split = |text: &'static str| text.split_once("\n\n").expect("a headline and a body");
    let (headline, body) = split(DRAFT);
    let page_body = PAGE.replace("<h1>Mayor backs plan</h1>", "");
    let records = [
        serde_json::json!({"id": "draft", "headline": headline, "body": body}),
        serde_json::json!({"id": "story", "headline": "Mayor backs the plan", "format": "md",
            "body": split(STORY).1, "sources": [{"name": "wire.txt", "text": WIRE}]}),
        serde_json::json!({"id": "page", "headline": "Mayor backs plan", "format": "html",
            "body": page_body}),
    ];
    records.iter().map(|r| format!("{r}\n")).collect()
}

/// The arguments of a mode, and what it pipes to standard input.
fn mode_args(mode: &str) -> (Vec<&'static str>, Option<&'static str>) {
    match mode {
        "plain" => (vec!["draft.txt"], None),
        "source" => (vec!["draft.txt", "--source", "wire.txt"], None),
        "corpus" => (vec!["draft.txt", "story.md", "page.html", "--corpus"], None),
        "fix" => (vec!["draft.txt", "page.html", "--fix"], None),
        "diff" => (vec!["draft.txt", "--diff"], None),
        "markdown-sources" => (vec!["story.md"], None),
        "html-entities" => (vec!["page.html"], None),
        "stdin" => (vec!["-", "--stdin-filename", "story.md"], Some(STORY)),
        "unreadable" => (vec!["draft.txt", "bad.txt"], None),
        "records" => (vec!["--input", "jsonl", "export.jsonl"], None),
        "records-fix" => (vec!["--input", "jsonl", "export.jsonl", "--fix"], None),
        _ => unreachable!("a mode of MODES"),
    }
}

fn format_args(format: &str) -> Vec<&'static str> {
    match format {
        "statistics" => vec!["--statistics"],
        "statistics-json" => vec!["--statistics", "--format", "json"],
        "sourcing" => vec!["--sourcing"],
        "sourcing-json" => vec!["--sourcing", "--format", "json"],
        "human" => vec!["--format", "human", "--color", "never"],
        "concise" => vec!["--format", "concise"],
        "json" => vec!["--format", "json"],
        "jsonl" => vec!["--format", "jsonl"],
        "sarif" => vec!["--format", "sarif"],
        "github" => vec!["--format", "github"],
        _ => unreachable!("a format of FORMATS"),
    }
}

fn run(dir: &Path, mode: &str, format: &str) -> Output {
    let (mut args, stdin) = mode_args(mode);
    args.extend(format_args(format));
    let mut all = vec!["check", "-q"];
    all.extend(args);
    common::copydesk_with_stdin(dir, &all, stdin.unwrap_or("").as_bytes())
}

/// A finding as every format can say it.
type Finding = (String, u64, u64, String);

fn sorted(mut findings: Vec<Finding>) -> Vec<Finding> {
    findings.sort();
    findings
}

fn from_json(text: &str) -> Vec<Finding> {
    let json: Value = serde_json::from_str(text).expect("JSON parses");
    json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(json_finding)
        .collect()
}

fn json_finding(d: &Value) -> Finding {
    (
        d["path"].as_str().unwrap().to_owned(),
        d["start"]["line"].as_u64().unwrap(),
        d["start"]["column"].as_u64().unwrap(),
        d["rule"].as_str().unwrap().to_owned(),
    )
}

fn from_jsonl(text: &str) -> Vec<Finding> {
    text.lines()
        .map(|line| serde_json::from_str::<Value>(line).expect("each line parses"))
        .filter(|d| d.get("rule").is_some())
        .map(|d| json_finding(&d))
        .collect()
}

/// The findings of a line format whose pattern captures path, line, column and rule.
fn from_lines(pattern: &str, text: &str) -> Vec<Finding> {
    let pattern = regex::Regex::new(pattern).unwrap();
    text.lines()
        .filter_map(|line| pattern.captures(line))
        .map(|c| {
            (
                c[1].to_owned(),
                c[2].parse().unwrap(),
                c[3].parse().unwrap(),
                c[4].to_owned(),
            )
        })
        .collect()
}

fn from_concise(text: &str) -> Vec<Finding> {
    from_lines(r"^(.+?):(\d+):(\d+): \w+\[([^\]]+)\] ", text)
}

fn from_github(text: &str) -> Vec<Finding> {
    from_lines(
        r"^::\w+ file=([^,]+),line=(\d+),col=(\d+),.*title=([^:]+)::",
        text,
    )
}

fn from_sarif(text: &str) -> Vec<Finding> {
    let sarif: Value = serde_json::from_str(text).expect("SARIF parses");
    validate_sarif(&sarif);
    sarif["runs"][0]["results"]
        .as_array()
        .expect("results")
        .iter()
        .map(|r| {
            let location = &r["locations"][0]["physicalLocation"];
            (
                location["artifactLocation"]["uri"]
                    .as_str()
                    .unwrap()
                    .to_owned(),
                location["region"]["startLine"].as_u64().unwrap(),
                location["region"]["startColumn"].as_u64().unwrap(),
                r["ruleId"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

/// The official SARIF 2.1.0 schema from `../shared`, compiled once; `None` once
/// [`common::skip`] has said the validation did not run.
static SARIF_SCHEMA: LazyLock<Option<jsonschema::Validator>> = LazyLock::new(|| {
    let path = shared_file(
        "data/sarif-schema-2.1.0.json",
        "the SARIF schema validation of matrix::every_format_in_every_mode",
    )?;
    let text = std::fs::read_to_string(path).expect("read the SARIF schema");
    let schema: Value = serde_json::from_str(&text).expect("the schema is JSON");
    Some(jsonschema::validator_for(&schema).expect("the schema compiles"))
});

fn validate_sarif(sarif: &Value) {
    let Some(validator) = SARIF_SCHEMA.as_ref() else {
        return;
    };
    let errors: Vec<String> = validator
        .iter_errors(sarif)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "SARIF does not validate: {errors:?}");
}

fn from_human(text: &str) -> Vec<Finding> {
    let header = regex::Regex::new(r"^(?:error|warning|note)\[([^\]]+)\]").unwrap();
    let locus = regex::Regex::new(r"┌─ (.+?):(\d+):(\d+)$").unwrap();
    let mut found = Vec::new();
    let mut rule: Option<String> = None;
    for line in text.lines() {
        if let Some(c) = header.captures(line) {
            rule = Some(c[1].to_owned());
        } else if let (Some(c), Some(r)) = (locus.captures(line), rule.take()) {
            found.push((
                c[1].to_owned(),
                c[2].parse().unwrap(),
                c[3].parse().unwrap(),
                r,
            ));
        }
    }
    found
}

/// The rules and how often each fired, from statistics as a table or as JSON.
fn rule_counts_from_statistics(text: &str, json: bool) -> Vec<(String, u64)> {
    let mut counts: Vec<(String, u64)> = if json {
        let stats: Value = serde_json::from_str(text).expect("statistics JSON parses");
        stats["rules"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                (
                    r["rule"].as_str().unwrap().to_owned(),
                    r["count"].as_u64().unwrap(),
                )
            })
            .collect()
    } else {
        text.lines()
            .skip(1)
            .filter_map(|line| {
                let fields: Vec<&str> = line.split_whitespace().collect();
                (fields.len() == 4).then(|| (fields[3].to_owned(), fields[0].parse().unwrap()))
            })
            .collect()
    };
    counts.sort();
    counts
}

fn rule_counts(findings: &[Finding]) -> Vec<(String, u64)> {
    let mut counts: std::collections::BTreeMap<String, u64> = Default::default();
    for (_, _, _, rule) in findings {
        *counts.entry(rule.clone()).or_default() += 1;
    }
    counts.into_iter().collect()
}

/// Where a cell's report is: standard output, or standard error when standard output is the
/// fixed records.
fn report_of<'a>(mode: &str, out: &'a Output) -> &'a [u8] {
    if mode == "records-fix" {
        &out.stderr
    } else {
        &out.stdout
    }
}

/// The fixed export: every record, in order, the doubled words gone, nothing else changed.
fn assert_fixed_export(cell: &str, stdout: &[u8]) {
    let text = String::from_utf8_lossy(stdout);
    let records: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{cell}: {e}: {l}")))
        .collect();
    let ids: Vec<&str> = records.iter().filter_map(|r| r["id"].as_str()).collect();
    assert_eq!(ids, ["draft", "story", "page"], "{cell}");
    for record in &records {
        let body = record["body"].as_str().unwrap_or_default();
        assert!(!body.contains("The the"), "{cell}: {body}");
    }
    assert_eq!(records[1]["sources"][0]["text"], WIRE, "{cell}");
}

/// The exit code README documents for a cell, given what `--format json` found there.
fn expected_exit(mode: &str, format: &str, json: &Value) -> i32 {
    let machine = !matches!(format, "human");
    let summary = format.starts_with("statistics") || format.starts_with("sourcing");
    if mode == "diff" && (machine || summary) {
        return 2;
    }
    if mode == "unreadable" {
        return 2;
    }
    // `--diff` changes nothing, so it exits as the drafts stand: its `json` is the plain run's.
    let failing =
        json["summary"]["errors"].as_u64().unwrap() + json["summary"]["warnings"].as_u64().unwrap();
    i32::from(failing > 0)
}

/// How many articles a `--sourcing` summary covers: in JSON its `articles`, in the table its
/// lines that name a file.
fn sourcing_articles(text: &str, json: bool) -> u64 {
    if json {
        let value: Value = serde_json::from_str(text).expect("sourcing JSON parses");
        return value["articles"].as_array().expect("articles").len() as u64;
    }
    text.lines()
        .filter(|l| !l.starts_with(' ') && !l.is_empty())
        .count() as u64
}

#[test]
fn every_format_in_every_mode() {
    for mode in MODES {
        // The reference: the same mode in JSON, on a fresh copy (a fix changes the files).
        let reference_dir = workspace();
        let reference = run(reference_dir.path(), mode, "json");
        let json: Value = if mode == "diff" {
            let plain = run(reference_dir.path(), "plain", "json");
            serde_json::from_slice(&plain.stdout).expect("JSON parses")
        } else {
            serde_json::from_slice(report_of(mode, &reference)).unwrap_or_else(|e| {
                panic!(
                    "{mode}: JSON does not parse: {e}\n{}",
                    String::from_utf8_lossy(report_of(mode, &reference))
                )
            })
        };
        let expected = sorted(
            json["diagnostics"]
                .as_array()
                .unwrap()
                .iter()
                .map(json_finding)
                .collect(),
        );
        assert!(
            !expected.is_empty(),
            "{mode}: the drafts have findings in every mode"
        );
        if mode == "source" {
            for rule in DRIFT_RULES {
                assert!(
                    expected.iter().any(|finding| finding.3 == rule),
                    "{mode}: {rule} reports the draft's drift from the wire"
                );
            }
        }
        if ["source", "markdown-sources", "stdin", "records"].contains(&mode) {
            assert!(
                expected
                    .iter()
                    .any(|(_, _, _, rule)| rule == "grounding.unsupported-sentence"),
                "{mode}: a sentence of the draft is in no source: {expected:?}"
            );
        }
        for format in FORMATS {
            let dir = workspace();
            let out = run(dir.path(), mode, format);
            let cell = format!("{format} × {mode}");
            let code = out.status.code().unwrap_or(-1);
            assert_ne!(
                code,
                101,
                "{cell} panicked: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            assert_eq!(
                code,
                expected_exit(mode, format, &json),
                "{cell}: exit code\n{}",
                String::from_utf8_lossy(&out.stderr)
            );
            if code == 2 && mode == "diff" {
                assert!(
                    String::from_utf8_lossy(&out.stderr).contains("error: --diff"),
                    "{cell}"
                );
                continue;
            }
            let text = String::from_utf8_lossy(report_of(mode, &out)).into_owned();
            if mode == "records-fix" {
                assert_fixed_export(&cell, &out.stdout);
            }
            if mode == "diff" {
                assert!(text.contains("-The the council"), "{cell}: {text}");
                continue;
            }
            let found = match format {
                "human" => from_human(&text),
                "concise" => from_concise(&text),
                "json" => from_json(&text),
                "jsonl" => from_jsonl(&text),
                "sarif" => from_sarif(&text),
                "github" => from_github(&text),
                "sourcing" | "sourcing-json" => {
                    let articles = json["summary"]["articles"].as_u64().unwrap();
                    assert_eq!(
                        sourcing_articles(&text, format == "sourcing-json"),
                        articles,
                        "{cell}: one summary per article checked\n{text}"
                    );
                    continue;
                }
                statistics => {
                    let counts =
                        rule_counts_from_statistics(&text, statistics == "statistics-json");
                    assert_eq!(counts, rule_counts(&expected), "{cell}");
                    continue;
                }
            };
            assert_eq!(sorted(found), expected, "{cell}\n{text}");
        }
    }
}

#[test]
fn fixing_standard_input_prints_the_fixed_text() {
    let dir = workspace();
    let args = [
        "check",
        "--fix",
        "-",
        "--stdin-filename",
        "story.md",
        "--format",
        "concise",
    ];
    let out = common::copydesk_with_stdin(dir.path(), &args, STORY.as_bytes());
    let fixed = String::from_utf8_lossy(&out.stdout);
    assert_eq!(fixed, STORY.replace("The the vote", "The vote"));
    let findings = String::from_utf8_lossy(&out.stderr);
    assert!(
        findings.contains("story.md:6:1: error[grounding.misquote]"),
        "{findings}"
    );
}

#[test]
fn copies_of_one_draft_each_keep_all_their_findings() {
    let dir = tempfile::tempdir().unwrap();
    for copy in 0..2_000 {
        write_file(dir.path(), &format!("copies/{copy:04}.txt"), DRAFT);
    }
    let one = run_in(
        dir.path(),
        &["check", "-q", "--format", "concise", "copies/0000.txt"],
    );
    let per_copy = one.lines().count();
    assert!(per_copy >= 2, "{one}");
    let all = run_in(
        dir.path(),
        &["check", "-q", "--format", "concise", "copies"],
    );
    assert_eq!(all.lines().count(), 2_000 * per_copy);
    let stats = run_in(
        dir.path(),
        &["check", "-q", "--statistics", "--format", "json", "copies"],
    );
    let stats: Value = serde_json::from_str(&stats).unwrap();
    assert_eq!(stats["findings"].as_u64(), Some(2_000 * per_copy as u64));
}

fn run_in(dir: &Path, args: &[&str]) -> String {
    common::stdout(&common::copydesk_in(dir, args))
}
