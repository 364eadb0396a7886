//! Everyday use in a content repository: configuration, suppressions, fixes and the machine
//! formats, through the binary as a user runs it.

mod common;

use common::{copydesk_in, stderr, stdout, write_file};
use std::path::Path;

/// A content folder with one British-spelled draft that also says "organized".
fn newsroom() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write_file(
        dir.path(),
        "draft.txt",
        "Council backs new cycle routes\n\nThe council organized a vote on the colour of the new cycle routes and the centre lines. Members said the the plan was popular.\n",
    );
    dir
}

#[test]
fn configuration_sets_the_house_spelling_system() {
    let dir = newsroom();
    let check_spelling = || {
        copydesk_in(
            dir.path(),
            &[
                "check",
                "--format",
                "concise",
                "--select",
                "spelling",
                "draft.txt",
            ],
        )
    };
    let out = check_spelling();
    assert!(
        stdout(&out).contains("`organized` does not follow this article's British spelling"),
        "{}",
        stdout(&out)
    );

    write_file(dir.path(), "copydesk.toml", "[style]\nspelling = \"us\"\n");
    let out = check_spelling();
    assert!(
        stdout(&out).contains("`colour` does not follow this article's American spelling"),
        "{}",
        stdout(&out)
    );
    assert!(
        stdout(&out).contains("`centre` does not follow this article's American spelling"),
        "{}",
        stdout(&out)
    );
    assert!(!stdout(&out).contains("`organized`"));

    let out = copydesk_in(
        dir.path(),
        &[
            "check",
            "--isolated",
            "--format",
            "concise",
            "--select",
            "spelling",
            "draft.txt",
        ],
    );
    assert!(
        stdout(&out).contains("`organized`"),
        "--isolated ignores the file"
    );
}

#[test]
fn configuration_is_found_upward_and_the_nearest_wins() {
    let dir = newsroom();
    write_file(
        dir.path(),
        "copydesk.toml",
        "[rules]\nignore = [\"typo\"]\n",
    );
    write_file(
        dir.path(),
        "sport/match.txt",
        "Rovers win\n\nThe the match ended late.\n",
    );
    write_file(
        dir.path(),
        "sport/.copydesk.toml",
        "[rules]\nselect = [\"typo\"]\n",
    );
    let out = copydesk_in(dir.path(), &["check", "--format", "concise", "."]);
    let text = stdout(&out);
    assert!(
        text.contains("sport/match.txt:3:1: warning[typo.doubled-word]"),
        "{text}"
    );
    assert!(
        !text
            .lines()
            .any(|l| l.contains("draft.txt") && l.contains("typo.doubled-word")),
        "the root configuration ignores typos in draft.txt:\n{text}"
    );
    assert!(
        text.lines().any(|l| l.contains("draft.txt")),
        "other rules still run on draft.txt:\n{text}"
    );
}

#[test]
fn a_typo_in_the_configuration_is_located() {
    let dir = newsroom();
    write_file(dir.path(), "copydesk.toml", "[rules]\nselct = [\"core\"]\n");
    let out = copydesk_in(dir.path(), &["check", "draft.txt"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("unknown field `selct`"), "{err}");
    assert!(err.contains("copydesk.toml:2:1"), "{err}");

    write_file(
        dir.path(),
        "copydesk.toml",
        "[rules]\nignore = [\"no-such-rule\"]\n",
    );
    let out = copydesk_in(dir.path(), &["check", "draft.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("copydesk.toml:2:11"),
        "{}",
        stderr(&out)
    );

    write_file(
        dir.path(),
        "copydesk.toml",
        "[style]\nspelling = \"british\"\n",
    );
    let out = copydesk_in(dir.path(), &["check", "draft.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("copydesk.toml:2:12"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn excludes_overrides_and_severities() {
    let dir = newsroom();
    write_file(dir.path(), "archive/old.txt", "Old story\n\nThe the end.\n");
    write_file(
        dir.path(),
        "opinion/column.txt",
        "Why we must act\n\nThe the time is now.\n",
    );
    write_file(
        dir.path(),
        "copydesk.toml",
        "[rules]\nseverity = { \"typo.doubled-word\" = \"error\" }\n\n[files]\nexclude = [\"archive/**\"]\n\n[[overrides]]\npaths = [\"opinion/**\"]\nignore = [\"typo\"]\n",
    );
    let out = copydesk_in(
        dir.path(),
        &["check", "--format", "concise", "--select", "typo", "."],
    );
    let text = stdout(&out);
    assert!(!text.contains("archive"), "{text}");
    assert!(!text.contains("opinion"), "{text}");
    assert!(text.contains("error[typo.doubled-word]"), "{text}");
}

#[test]
fn init_writes_a_starter_that_loads() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(copydesk_in(dir.path(), &["init"]).status.code(), Some(0));
    assert!(dir.path().join("copydesk.toml").exists());
    assert_eq!(
        copydesk_in(dir.path(), &["init"]).status.code(),
        Some(2),
        "never overwrites"
    );
    write_file(dir.path(), "a.txt", "Title\n\nClean copy.\n");
    assert_eq!(
        copydesk_in(dir.path(), &["check", "a.txt"]).status.code(),
        Some(0)
    );
}

#[test]
fn suppressions_and_unused_ones() {
    let dir = tempfile::tempdir().unwrap();
    write_file(
        dir.path(),
        "a.md",
        "# Title\n\n<!-- copydesk-disable-next-line typo.doubled-word -->\nThe the first.\n\n<!-- copydesk-disable typo -->\nThe the second.\n<!-- copydesk-enable typo -->\n\nThe the third.\n\n<!-- copydesk-disable-next-line news -->\nNothing to hide here.\n",
    );
    write_file(
        dir.path(),
        "b.txt",
        "Title\n\n<!-- copydesk-disable-next-line -->\nThe the end.\n",
    );
    let out = copydesk_in(
        dir.path(),
        &["check", "--format", "concise", "a.md", "b.txt"],
    );
    assert_eq!(
        stdout(&out),
        "a.md:10:1: warning[typo.doubled-word] `The` is written twice\na.md:12:1: info[suppression.unused] this suppression suppresses nothing\n"
    );
}

#[test]
fn fix_changes_what_is_safe_leaves_quotations_and_converges() {
    let dir = tempfile::tempdir().unwrap();
    let quote = "“The the neighbourhood is ours,” she said.";
    let text = format!(
        "Council backs plan\n\nThe neighborhood council met in the neighborhood hall. {quote} The the vote passed, e-mail records show.\n\nThe neighbourhood cheered.\n"
    );
    let path = dir.path().join("a.txt");
    std::fs::write(&path, &text).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    }

    let out = copydesk_in(dir.path(), &["check", "--diff", "a.txt"]);
    assert!(
        stdout(&out).contains("+The neighborhood cheered."),
        "{}",
        stdout(&out)
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        text,
        "--diff writes nothing"
    );

    copydesk_in(dir.path(), &["check", "--fix", "a.txt"]);
    let fixed = std::fs::read_to_string(&path).unwrap();
    assert!(
        fixed.contains(quote),
        "quotations stay byte for byte:\n{fixed}"
    );
    assert!(fixed.contains("The vote passed"), "{fixed}");
    assert!(fixed.contains("The neighborhood cheered."), "{fixed}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o640,
            "permissions kept"
        );
    }
    let out = copydesk_in(dir.path(), &["check", "--fix", "a.txt"]);
    assert!(
        !stderr(&out).contains("fixed a.txt"),
        "a second run changes nothing: {}",
        stderr(&out)
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), fixed);
}

#[test]
fn fix_on_the_corpus_keeps_every_quotation() {
    let dir = tempfile::tempdir().unwrap();
    let mut quotations = Vec::new();
    for entry in std::fs::read_dir("corpus").unwrap() {
        let path = entry.unwrap().path();
        if path.is_file() {
            let target = dir.path().join(path.file_name().unwrap());
            std::fs::copy(&path, &target).unwrap();
            let article = copydesk::pipeline::DraftOrigin::File(path.clone())
                .read()
                .unwrap();
            quotations.extend(
                article
                    .quotes
                    .iter()
                    .map(|q| article.text(q.span).to_owned()),
            );
        }
    }
    copydesk_in(dir.path(), &["check", "--fix", "--isolated", "."]);
    let mut after = Vec::new();
    for entry in std::fs::read_dir(dir.path()).unwrap() {
        let path = entry.unwrap().path();
        let article = copydesk::pipeline::DraftOrigin::File(path.clone())
            .read()
            .unwrap();
        after.extend(
            article
                .quotes
                .iter()
                .map(|q| article.text(q.span).to_owned()),
        );
    }
    quotations.sort();
    after.sort();
    assert_eq!(quotations, after);
    let out = copydesk_in(dir.path(), &["check", "--diff", "--isolated", "."]);
    assert_eq!(stdout(&out), "", "nothing left to fix after one --fix run");
}

#[test]
fn github_and_jsonl_formats() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = copydesk_in(
        root,
        &[
            "check",
            "--format",
            "github",
            "corpus/02-militia-strike.txt",
        ],
    );
    let text = stdout(&out);
    assert!(
        text.lines().any(|l| l == "::warning file=corpus/02-militia-strike.txt,line=3,col=29,endLine=3,endColumn=43,title=consistency.iran-backed::`Iranian-backed` here, but `Iran-backed` elsewhere"),
        "{text}"
    );
    let out = copydesk_in(
        root,
        &["check", "--format", "jsonl", "corpus/02-militia-strike.txt"],
    );
    let lines: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 4);
    assert_eq!(lines[0]["rule"], "consistency.iran-backed");
    assert_eq!(lines[0]["start"]["line"], 3);
}

#[test]
fn sarif_validates_against_the_official_schema() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = copydesk_in(root, &["check", "--format", "sarif", "corpus/"]);
    let sarif: serde_json::Value = serde_json::from_slice(&out.stdout).expect("SARIF is JSON");
    assert_eq!(sarif["version"], "2.1.0");
    assert!(
        sarif["runs"][0]["results"]
            .as_array()
            .is_some_and(|r| r.len() > 10)
    );
    assert_valid_sarif(&sarif);
}

/// Validates a SARIF log against the official 2.1.0 schema in `../shared/data` (with `CI` set,
/// its absence fails; otherwise the skip is said on standard error).
fn assert_valid_sarif(sarif: &serde_json::Value) {
    let Some(schema_path) = common::shared_file(
        "data/sarif-schema-2.1.0.json",
        "the SARIF schema validation in tests/workflow.rs",
    ) else {
        return;
    };
    let schema_text = std::fs::read_to_string(&schema_path).expect("read the SARIF schema");
    let schema: serde_json::Value = serde_json::from_str(&schema_text).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(sarif)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn sarif_offsets_count_code_points_as_its_column_kind_says() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Café’s “résumé” day\n\nThe owner of Zoë’s café said said it was 😀 fine fine.\n";
    write_file(dir.path(), "cafe.txt", text);
    let out = copydesk_in(dir.path(), &["check", "--format", "sarif", "cafe.txt"]);
    let sarif: serde_json::Value = serde_json::from_slice(&out.stdout).expect("SARIF is JSON");
    assert_eq!(sarif["runs"][0]["columnKind"], "unicodeCodePoints");
    let chars: Vec<char> = text.chars().collect();
    let flagged = |region: &serde_json::Value| -> String {
        let offset = region["charOffset"].as_u64().unwrap() as usize;
        let length = region["charLength"].as_u64().unwrap() as usize;
        chars[offset..offset + length].iter().collect()
    };
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    let regions: Vec<String> = results
        .iter()
        .filter(|r| r["ruleId"] == "typo.doubled-word")
        .map(|r| flagged(&r["locations"][0]["physicalLocation"]["region"]))
        .collect();
    assert_eq!(regions, ["said said", "fine fine"], "{sarif:#}");
    let deleted: Vec<String> = results
        .iter()
        .filter(|r| r["ruleId"] == "typo.doubled-word")
        .map(|r| flagged(&r["fixes"][0]["artifactChanges"][0]["replacements"][0]["deletedRegion"]))
        .collect();
    assert_eq!(deleted, [" said", " fine"], "{sarif:#}");
    assert_valid_sarif(&sarif);
}

#[test]
fn straight_quotes_become_curly_where_the_house_asks() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.txt");
    std::fs::write(&path, "Mayor opens bridge\n\n\"It is open,\" she said.\n").unwrap();
    let out = copydesk_in(dir.path(), &["check", "--format", "concise", "a.txt"]);
    assert!(!stdout(&out).contains("straight-marks"), "off by default");
    write_file(
        dir.path(),
        "copydesk.toml",
        "[rules]\nextend-select = [\"news.quote.straight-marks\"]\n",
    );
    copydesk_in(dir.path(), &["check", "--fix", "a.txt"]);
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "Mayor opens bridge\n\n“It is open,” she said.\n"
    );
}

#[test]
fn a_renamed_rule_answers_to_its_former_id() {
    let dir = tempfile::tempdir().unwrap();
    write_file(
        dir.path(),
        "house.toml",
        r#"
[pack]
name = "house"

[[existence]]
id = "house.bike-lane"
aliases = ["house.cycle-lane"]
message = "say bike lane, not `{match}`"
rationale = "House style."
must-fire = ["New cycle lane opens."]
must-not-fire = ["New bike lane opens."]
words = ["cycle lane"]
"#,
    );
    write_file(
        dir.path(),
        "draft.txt",
        "Lanes open\n\n<!-- copydesk-disable-next-line house.cycle-lane -->\nA new cycle lane opens.\n\nAnother cycle lane opens.\n",
    );
    let check = |extra: &[&str]| {
        let mut args = vec![
            "check",
            "--format",
            "concise",
            "--no-default-rules",
            "--rules",
            "house.toml",
        ];
        args.extend_from_slice(extra);
        args.push("draft.txt");
        stdout(&copydesk_in(dir.path(), &args))
    };
    let text = check(&[]);
    assert!(
        text.contains("draft.txt:6:9: warning[house.bike-lane]"),
        "{text}"
    );
    assert!(
        text.contains(
            "draft.txt:3:1: info[suppression.renamed] `house.cycle-lane` is now `house.bike-lane`"
        ),
        "{text}"
    );
    assert!(!text.contains(":4:"), "the suppression still works: {text}");
    let ignored = check(&["--ignore", "house.cycle-lane"]);
    assert!(!ignored.contains("warning[house.bike-lane]"), "{ignored}");
    let listed = stdout(&copydesk_in(
        dir.path(),
        &["rules", "--no-default-rules", "--rules", "house.toml"],
    ));
    assert!(listed.contains("was house.cycle-lane"), "{listed}");
}

#[test]
fn rule_authors_see_every_problem_located() {
    let dir = tempfile::tempdir().unwrap();
    // A type error in one rule table does not hide the problems of another.
    write_file(
        dir.path(),
        "house.toml",
        r#"[pack]
name = "house"

[[existence]]
id = "house.one"
severity = 5
message = "m"
rationale = "r"
must-fire = ["a"]
must-not-fire = ["b"]
words = ["a"]

[[existence]]
id = "typo.doubled-word"
message = "m"
rationale = "r"
must-fire = ["a"]
must-not-fire = ["b"]
words = ["a"]
"#,
    );
    let out = copydesk_in(dir.path(), &["test", "house.toml"]);
    assert_eq!(out.status.code(), Some(2));
    let errors = stderr(&out);
    assert!(errors.contains("house.toml:6:12"), "{errors}");
    assert!(
        errors.contains("duplicate rule id `typo.doubled-word` (first defined in rules/core.toml)"),
        "`copydesk test` rejects a clash with a built-in id as `check --rules` does: {errors}"
    );
}

#[test]
fn configuration_errors_are_config_errors_located_in_the_configuration() {
    let dir = newsroom();
    write_file(
        dir.path(),
        "copydesk.toml",
        "[style]\npreferred = { \"consistency.ceasefire\" = \"truce\" }\n",
    );
    let out = copydesk_in(dir.path(), &["check", "draft.txt"]);
    assert_eq!(out.status.code(), Some(2));
    let errors = stderr(&out);
    assert!(errors.contains("error[config]"), "{errors}");
    assert!(
        errors.contains("copydesk.toml:2:41"),
        "located at the value: {errors}"
    );
    assert!(errors.contains("`truce`"), "{errors}");
    write_file(
        dir.path(),
        "copydesk.toml",
        "[rules]\nselect = [\"nothing.here\"]\n",
    );
    let errors = stderr(&copydesk_in(dir.path(), &["check", "draft.txt"]));
    assert!(
        errors.contains("error[config]: no rule or pack matches `nothing.here`"),
        "{errors}"
    );
}

#[test]
fn every_error_of_a_configuration_is_reported_at_once() {
    let dir = newsroom();
    write_file(
        dir.path(),
        "copydesk.toml",
        r#"[rules]
select = ["typo", "no.such.rule"]
selec = ["core"]
severity = { "typo" = "urgent", "core" = "mild" }

[style]
headline-case = "shouting"

[files]
exclude = ["drafts/[", "old/**", "{a,b"]

[[overrides]]
ignore = ["typo"]

[records]
format = "docx"

[reporting]
verbose = true
"#,
    );
    let out = copydesk_in(dir.path(), &["check", "draft.txt"]);
    assert_eq!(out.status.code(), Some(2));
    let errors = stderr(&out);
    let located: Vec<&str> = errors
        .lines()
        .filter_map(|l| l.trim_start().strip_prefix("┌─ "))
        .collect();
    let lines: Vec<String> = located
        .iter()
        .map(|at| at.trim_start_matches(|c| c != ':').to_owned())
        .collect();
    assert_eq!(
        lines,
        [
            ":2:19", ":3:1", ":4:23", ":4:42", ":7:17", ":10:12", ":10:34", ":12:1", ":16:10",
            ":18:2"
        ],
        "{errors}"
    );
    for message in [
        "no rule or pack matches `no.such.rule`",
        "unknown field `selec`",
        "unknown severity `urgent`",
        "unknown severity `mild`",
        "unknown variant `shouting`",
        "invalid glob",
        "an `[[overrides]]` table needs `paths`",
        "unknown format `docx`",
        "unknown section `reporting`",
    ] {
        assert!(errors.contains(message), "{message}: {errors}");
    }
    assert_eq!(errors.matches("error[config]").count(), 10, "{errors}");
}

#[test]
fn an_excluded_file_named_on_the_command_line_says_why_it_was_skipped() {
    let dir = newsroom();
    write_file(
        dir.path(),
        "copydesk.toml",
        "[files]\nexclude = [\"draft.txt\"]\n",
    );
    let out = copydesk_in(dir.path(), &["check", "--format", "concise", "draft.txt"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        stdout(&out)
            .contains("draft.txt: skipped: `[files] exclude` of its copydesk.toml leaves it out"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn explain_fills_placeholders_and_lists_what_a_rule_matches() {
    let dir = newsroom();
    let text = stdout(&copydesk_in(
        dir.path(),
        &["explain", "consistency.ceasefire"],
    ));
    let (rule, _kind) = text.split_once("\n---\n").expect("the rule, then its kind");
    assert!(
        !rule.contains("{preferred}") && !rule.contains("{match}"),
        "{rule}"
    );
    assert!(text.contains("## Matches"), "{text}");
    assert!(text.contains("`ceasefire`"), "{text}");
    let rules = stdout(&copydesk_in(dir.path(), &["rules"]));
    let straight = rules
        .lines()
        .find(|l| l.starts_with("news.quote.straight-marks "))
        .expect("listed");
    assert!(straight.ends_with("off by default"), "{straight}");
}

#[test]
fn fix_applies_a_preferred_term_that_changes_case_alone() {
    let dir = tempfile::tempdir().unwrap();
    write_file(
        dir.path(),
        "house.toml",
        r#"[pack]
name = "house"

[[preferred-term]]
id = "house.board"
message = "write `{preferred}`"
replace = [["harbour board", "Harbour Board"], ["Net", "net"]]
rationale = "House capitals."
must-fire = ["The harbour board met."]
must-not-fire = ["The Harbour Board met."]
"#,
    );
    write_file(
        dir.path(),
        "copydesk.toml",
        "[rules]\npacks = [\"house.toml\"]\n",
    );
    write_file(
        dir.path(),
        "fees.txt",
        "Ferry fees rise\n\nThe harbour board put its fees on the Net. Net income rose.\n",
    );
    let out = copydesk_in(dir.path(), &["check", "--fix", "fees.txt"]);
    assert!(stderr(&out).contains("fixed fees.txt"), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("fees.txt")).unwrap(),
        "Ferry fees rise\n\nThe Harbour Board put its fees on the net. Net income rose.\n"
    );
    let out = copydesk_in(dir.path(), &["check", "fees.txt"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
}

#[cfg(unix)]
#[test]
fn fix_writes_through_links_inside_the_project_and_keeps_hard_links_whole() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    let draft = "Harbour opens\n\nThe the ferry sails at noon.\n";
    let fixed = "Harbour opens\n\nThe ferry sails at noon.\n";
    write_file(&site, "copydesk.toml", "");
    write_file(&site, "drafts/ferry.txt", draft);
    write_file(&site, "drafts/pier.txt", draft);
    write_file(dir.path(), "elsewhere/ferry.txt", draft);
    std::os::unix::fs::symlink("drafts/ferry.txt", site.join("ferry-link.txt")).unwrap();
    std::os::unix::fs::symlink("../elsewhere/ferry.txt", site.join("out-link.txt")).unwrap();
    std::fs::hard_link(site.join("drafts/pier.txt"), site.join("pier-copy.txt")).unwrap();

    let out = copydesk_in(
        &site,
        &[
            "check",
            "--fix",
            "ferry-link.txt",
            "out-link.txt",
            "pier-copy.txt",
        ],
    );
    let read = |path: &Path| std::fs::read_to_string(path).unwrap();
    // The link inside the project stays a link, and its target is fixed.
    assert!(site.join("ferry-link.txt").is_symlink());
    assert_eq!(read(&site.join("drafts/ferry.txt")), fixed);
    // The link out of the project (the folder of copydesk.toml) is not followed, and a file
    // left unfixed fails the run.
    assert_eq!(read(&dir.path().join("elsewhere/ferry.txt")), draft);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("out-link.txt: a symbolic link to")
            && stderr(&out).contains("outside the project"),
        "{}",
        stderr(&out)
    );
    // Both names of a hard-linked file see the fix: it is still one file.
    assert_eq!(read(&site.join("pier-copy.txt")), fixed);
    assert_eq!(read(&site.join("drafts/pier.txt")), fixed);
}

#[test]
fn a_corpus_fix_keeps_to_house_style_whatever_the_majority() {
    // One article in house style against two in the old spelling: the house form wins, and no
    // rule (a consistency group, or variants discovered by their letters) pulls the other way.
    let dir = tempfile::tempdir().unwrap();
    write_file(
        dir.path(),
        "a.txt",
        "Grain talks\n\nTrade envoys met in Kyiv on Tuesday. Kataib Hezbollah was not discussed.\n",
    );
    for name in ["b.txt", "c.txt"] {
        write_file(
            dir.path(),
            name,
            "Grain deal\n\nThe deal was signed in Kiev after a week. Kata’ib Hezbollah said nothing.\n",
        );
    }
    let out = copydesk_in(
        dir.path(),
        &["check", "--isolated", "--corpus", "--fix", "."],
    );
    for name in ["a.txt", "b.txt", "c.txt"] {
        let text = std::fs::read_to_string(dir.path().join(name)).unwrap();
        assert!(
            text.contains("Kyiv") && !text.contains("Kiev"),
            "{name}: {text}\n{}",
            stderr(&out)
        );
        assert!(
            text.contains("Kataib Hezbollah") && !text.contains("Kata’ib"),
            "{name}: {text}"
        );
    }
}
