//! The `copydesk` binary as a user runs it: exit codes, output formats, bad input, commands.

mod common;

use common::{copydesk, copydesk_in, stderr, stdout, write_file};
use std::path::{Path, PathBuf};

#[test]
fn clean_draft_exits_zero_with_a_summary() {
    let out = copydesk(&["check", "corpus/09-clean-council.txt"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), "");
    assert!(stderr(&out).contains("checked 1 article: 0 errors, 0 warnings, 0 infos"));
}

#[test]
fn findings_exit_one_unless_below_fail_on() {
    let out = copydesk(&["check", "corpus/01-harbor-fire.txt"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("warning[typo.doubled-word]"));
    let out = copydesk(&["check", "--fail-on", "error", "corpus/01-harbor-fire.txt"]);
    assert_eq!(out.status.code(), Some(0));
    let out = copydesk(&[
        "check",
        "--fail-on",
        "info",
        "--quiet",
        "corpus/05-long-headline.txt",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr(&out), "", "--quiet prints no summary");
}

#[test]
fn folders_are_walked_and_gitignore_is_honoured() {
    let dir = tempfile::tempdir().unwrap();
    write_file(dir.path(), ".gitignore", "drafts-old/\n");
    write_file(dir.path(), "drafts-old/a.txt", "Title\n\nThe the end.\n");
    write_file(dir.path(), "b.md", "# Title\n\nThe the end.\n");
    write_file(dir.path(), "notes.json", "{\"the the\": 1}");
    let out = copydesk(&["check", "--format", "concise", dir.path().to_str().unwrap()]);
    let text = stdout(&out);
    assert_eq!(text.lines().count(), 1, "{text}");
    assert!(
        text.contains("b.md:3:1: warning[typo.doubled-word]"),
        "{text}"
    );
}

#[test]
fn concise_format_is_one_line_per_finding() {
    let out = copydesk(&[
        "check",
        "--format",
        "concise",
        "corpus/02-militia-strike.txt",
    ]);
    assert_eq!(
        stdout(&out),
        "corpus/02-militia-strike.txt:3:29: warning[consistency.iran-backed] `Iranian-backed` here, but `Iran-backed` elsewhere\n\
         corpus/02-militia-strike.txt:5:148: info[news.anonymous-source] anonymous source: `two officials said`\n\
         corpus/02-militia-strike.txt:9:1: warning[consistency.us-abbreviation] `US` here, but `U.S.` elsewhere\n\
         corpus/02-militia-strike.txt:13:17: warning[consistency.kataib] `Kata’ib` here, but `Kataib` elsewhere\n"
    );
}

#[test]
fn json_has_the_documented_shape() {
    let out = copydesk(&[
        "check",
        "--format",
        "json",
        "corpus/02-militia-strike.txt",
        "corpus/09-clean-council.txt",
    ]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    assert_eq!(json["version"], 1);
    assert_eq!(json["tool"], "copydesk");
    assert_eq!(json["summary"]["articles"], 2);
    assert_eq!(json["summary"]["warnings"], 3);
    assert_eq!(json["summary"]["infos"], 1);
    let first = &json["diagnostics"][0];
    assert_eq!(first["path"], "corpus/02-militia-strike.txt");
    assert_eq!(first["rule"], "consistency.iran-backed");
    assert_eq!(first["severity"], "warning");
    assert_eq!(first["start"]["line"], 3);
    assert_eq!(first["start"]["column"], 29);
    assert_eq!(first["end"]["line"], 3);
    assert_eq!(first["end"]["column"], 43);
    let (start, end) = (
        first["start"]["offset"].as_u64().unwrap(),
        first["end"]["offset"].as_u64().unwrap(),
    );
    let source = std::fs::read_to_string("corpus/02-militia-strike.txt").unwrap();
    assert_eq!(&source[start as usize..end as usize], "Iranian-backed");
    assert_eq!(first["fix"]["applicability"], "safe");
    assert_eq!(first["fix"]["edits"][0]["replacement"], "Iran-backed");
    assert_eq!(first["labels"][0]["path"], "corpus/02-militia-strike.txt");
    assert_eq!(first["labels"][0]["start"]["line"], 7);
    assert!(first["rationale"].as_str().unwrap().contains("Iran-backed"));
    assert_eq!(json["errors"], serde_json::json!([]));
}

#[test]
fn unreadable_and_non_utf8_files_are_reported_and_the_rest_still_checked() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("latin1.txt");
    std::fs::write(&bad, b"Caf\xe9 opens\n\nThe caf\xe9 opened.\n").unwrap();
    let missing = dir.path().join("missing.txt");
    let out = copydesk(&[
        "check",
        bad.to_str().unwrap(),
        "corpus/01-harbor-fire.txt",
        missing.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    let text = stdout(&out);
    assert!(
        text.contains("warning[typo.doubled-word]"),
        "other files are still checked: {text}"
    );
    assert!(
        text.contains("latin1.txt: not valid UTF-8: invalid byte sequence at byte offset 3"),
        "{text}"
    );
    assert!(text.contains("missing.txt: cannot read"), "{text}");
    assert!(stderr(&out).contains("2 files could not be read"));
}

#[test]
fn an_empty_file_is_an_article_but_a_binary_one_fails_the_run() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let out = copydesk(&["check", empty.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let binary = dir.path().join("image.txt");
    std::fs::write(&binary, b"\x89PNG\x00\x00\x01").unwrap();
    let out = copydesk(&["check", empty.to_str().unwrap(), binary.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
    assert!(stdout(&out).contains("image.txt: not text: it contains NUL bytes"));
}

#[test]
fn utf16_drafts_are_checked_and_fixed_in_utf16() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("draft.txt");
    let text = "Council vote\r\n\r\nThe the council met on Monday in the “neighbourhood” hall.\r\n";
    let utf16 = |text: &str| {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in text.encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        bytes
    };
    std::fs::write(&path, utf16(text)).unwrap();
    let out = copydesk(&["check", "--format", "concise", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert!(
        stdout(&out).contains("draft.txt:3:1: warning[typo.doubled-word]"),
        "{}",
        stdout(&out)
    );
    let out = copydesk(&["check", "--fix", "-q", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let fixed = "Council vote\r\n\r\nThe council met on Monday in the “neighbourhood” hall.\r\n";
    assert_eq!(std::fs::read(&path).unwrap(), utf16(fixed));
}

#[test]
fn stdin_is_read_with_a_dash() {
    let out = common::copydesk_with_stdin(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")),
        &["check", "--format", "concise", "-"],
        b"Title\n\nIt was the the end.\n",
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stdout(&out),
        "<stdin>:3:8: warning[typo.doubled-word] `the` is written twice\n"
    );
}

#[test]
fn a_bad_pack_stops_the_run_with_a_located_error() {
    let dir = tempfile::tempdir().unwrap();
    let pack = dir.path().join("house.toml");
    std::fs::write(&pack, "[pack]\nname = \"house\"\n\n[[existence]]\nid = \"h.x\"\nmessage = \"m\"\npatterns = ['(unclosed']\nrationale = \"r\"\nmust-fire = [\"a\"]\nmust-not-fire = [\"b\"]\n").unwrap();
    let out = copydesk(&[
        "check",
        "--rules",
        pack.to_str().unwrap(),
        "corpus/09-clean-council.txt",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("error[pack]: invalid regex: unclosed group"),
        "{err}"
    );
    assert!(err.contains("house.toml:7:14"), "{err}");
    assert_eq!(stdout(&out), "", "no article is checked with a broken pack");
}

#[test]
fn user_packs_add_rules() {
    let dir = tempfile::tempdir().unwrap();
    write_file(
        dir.path(),
        "house.toml",
        "[pack]\nname = \"house\"\n\n[[preferred-term]]\nid = \"house.cycle\"\nmessage = \"write `{preferred}`\"\nreplace = [[\"cycle lanes\", \"bike lanes\"]]\nrationale = \"House style.\"\nmust-fire = [\"New cycle lanes open.\"]\nmust-not-fire = [\"New bike lanes open.\"]\n",
    );
    let out = copydesk(&[
        "check",
        "--format",
        "concise",
        "--rules",
        dir.path().to_str().unwrap(),
        "corpus/09-clean-council.txt",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains("warning[house.cycle] write `bike lanes`"),
        "{}",
        stdout(&out)
    );
    let out = copydesk(&[
        "rules",
        "--no-default-rules",
        "--rules",
        dir.path().to_str().unwrap(),
    ]);
    assert!(stdout(&out).contains("house.cycle"));
    assert!(!stdout(&out).contains("typo.doubled-word"));
}

#[test]
fn color_only_when_asked_or_on_a_terminal() {
    let out = copydesk(&["check", "--color", "always", "corpus/01-harbor-fire.txt"]);
    assert!(stdout(&out).contains('\u{1b}'));
    let out = copydesk(&["check", "corpus/01-harbor-fire.txt"]);
    assert!(!stdout(&out).contains('\u{1b}'), "a pipe is not a terminal");
}

#[test]
fn rules_and_explain() {
    let out = copydesk(&["rules"]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(text.starts_with("RULE"));
    assert!(text.contains("consistency.iran-backed"));
    assert!(text.contains("spelling-system"));

    let out = copydesk(&["explain", "consistency.iran-backed"]);
    let text = stdout(&out);
    for section in [
        "# consistency.iran-backed",
        "## Why",
        "## Flags",
        "## Leaves alone",
        "## What it flags",
    ] {
        assert!(text.contains(section), "missing {section}: {text}");
    }
    let out = copydesk(&["explain", "repetition"]);
    assert!(stdout(&out).starts_with("# repetition"));
    let out = copydesk(&["explain", "no.such-rule"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no rule or kind named `no.such-rule`"));
}

#[test]
fn test_command_runs_pack_examples() {
    let out = copydesk(&["test"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(stderr(&out).contains("0 failed"));
    let dir = tempfile::tempdir().unwrap();
    let pack = dir.path().join("p.toml");
    std::fs::write(&pack, "[pack]\nname = \"p\"\n\n[[existence]]\nid = \"p.x\"\nmessage = \"m\"\nwords = [\"slams\"]\nrationale = \"r\"\nmust-fire = [\"Mayor blasts plan\"]\nmust-not-fire = [\"Mayor backs plan\"]\n").unwrap();
    let out = copydesk(&["test", pack.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("p.toml:9:14"), "{}", stdout(&out));
}

#[test]
fn test_command_passes_on_the_rules_folder_with_its_fixtures() {
    let out = copydesk(&["test", "rules/"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    assert!(stderr(&out).contains("4 fixtures"), "{}", stderr(&out));
}

#[test]
fn fixtures_are_diffed_and_blessed() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("fixtures")).unwrap();
    write_file(
        dir.path(),
        "p.toml",
        "[pack]\nname = \"p\"\nfixtures = [\"fixtures\"]\n\n[[existence]]\nid = \"p.x\"\nmessage = \"m\"\nwords = [\"slams\"]\nrationale = \"r\"\nmust-fire = [\"Mayor slams plan\"]\nmust-not-fire = [\"Mayor backs plan\"]\n",
    );
    let draft = dir.path().join("fixtures/a.txt");
    std::fs::write(&draft, "Mayor slams plan\n\nThe mayor spoke.\n").unwrap();
    let pack = dir.path().join("p.toml");
    let pack = pack.to_str().unwrap();

    let out = copydesk(&["test", pack]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains("has no expected output"),
        "{}",
        stdout(&out)
    );

    let out = copydesk(&["test", "--bless", pack]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let expected = std::fs::read_to_string(dir.path().join("fixtures/a.txt.expected")).unwrap();
    assert!(
        expected.contains("warning[p.x]: m\n  ┌─ fixtures/a.txt:1:7"),
        "{expected}"
    );
    assert_eq!(copydesk(&["test", pack]).status.code(), Some(0));

    std::fs::write(&draft, "Mayor backs plan\n\nThe mayor spoke.\n").unwrap();
    let out = copydesk(&["test", pack]);
    assert_eq!(out.status.code(), Some(1));
    let diff = stdout(&out);
    assert!(diff.contains("differs from its expected output"), "{diff}");
    assert!(diff.contains("-warning[p.x]: m"), "{diff}");
}

#[test]
fn dump_model_prints_blocks() {
    let out = copydesk(&["dump-model", "corpus/07-wire-dateline.txt"]);
    let text = stdout(&out);
    assert!(text.contains("byline"));
    assert!(text.contains("dateline      5:1-5:21"), "{text}");
}

/// The two seed articles in `../shared/seeds` (the rewrite, the wire story), or `None` once
/// [`common::skip`] has said that the test `name` did not run without them.
fn seeds(name: &str) -> Option<(PathBuf, PathBuf)> {
    let rewrite = common::shared_file("seeds/004_4e1d34a0a0410271.txt", name)?;
    let wire = common::shared_file("seeds/000_05e8034c6cf52475.txt", name)?;
    Some((rewrite, wire))
}

#[test]
fn seed_article_flags_iranian_backed_against_iran_backed() {
    let Some((_, seed)) = seeds("cli::seed_article_flags_iranian_backed_against_iran_backed")
    else {
        return;
    };
    let out = copydesk(&["check", seed.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(
        text.contains("warning[consistency.iran-backed]: `Iranian-backed` here"),
        "{text}"
    );
    assert!(
        text.contains("house style `Iran-backed` is used here"),
        "{text}"
    );

    let out = copydesk(&["dump-model", seed.to_str().unwrap()]);
    let model = stdout(&out);
    assert!(
        model
            .lines()
            .any(|l| l.starts_with("headline") && l.contains("Iranian-backed")),
        "{model}"
    );
    let captions: Vec<&str> = model.lines().filter(|l| l.starts_with("caption")).collect();
    assert!(
        captions.iter().filter(|l| l.contains("REUTERS")).count() == 2,
        "{model}"
    );
}

#[test]
fn seed_rewrite_shows_the_news_pack_findings() {
    let Some((rewrite, wire)) = seeds("cli::seed_rewrite_shows_the_news_pack_findings") else {
        return;
    };
    let out = copydesk(&["check", "--format", "concise", rewrite.to_str().unwrap()]);
    let text = stdout(&out);
    for expected in [
        ":1:34: warning[news.tone.speculative] speculative framing: `could spark`",
        "warning[news.tone.sensational] sensational wording: `Internet erupts`",
        ":5:1: warning[news.headline-case] this subhead is in title case",
        ":11:1: warning[news.unsupported-claim] `No civilian casualties were reported`",
    ] {
        assert!(text.contains(expected), "missing {expected}:\n{text}");
    }
    assert_eq!(
        text.matches("warning[paste.promo-line] promo line left in the copy: `ALSO READ|`")
            .count(),
        2,
        "{text}"
    );

    let out = copydesk(&[
        "check",
        "--format",
        "concise",
        "--select",
        "news.anonymous-source",
        wire.to_str().unwrap(),
    ]);
    let text = stdout(&out);
    // The lede's "officials said" (5:152) is covered by the reason given for like sources at
    // line 15 ("US officials, who were not authorized to speak publicly …"), and those are
    // explained where they stand.
    assert!(
        !text.contains("news.anonymous-source"),
        "the wire story explains its unnamed officials:\n{text}"
    );
}

#[test]
fn seed_rewrite_checked_against_the_wire_story() {
    let Some((rewrite, wire)) = seeds("cli::seed_rewrite_checked_against_the_wire_story") else {
        return;
    };
    let out = copydesk(&[
        "check",
        "--select",
        "news-grounding",
        rewrite.to_str().unwrap(),
        "--source",
        wire.to_str().unwrap(),
    ]);
    let text = stdout(&out);
    assert!(
        text.contains("error[grounding.misquote]: this quotation does not match its source"),
        "{text}"
    );
    assert!(
        text.contains("added: “US forces conducted a defensive precision strike against”"),
        "{text}"
    );
    assert!(
        text.contains("000_05e8034c6cf52475.txt:20:77"),
        "the closest passage is labelled in the source:\n{text}"
    );
    assert!(
        text.contains("`March 15` is in none of the sources"),
        "{text}"
    );
    assert_eq!(
        text.matches("error[grounding.").count(),
        1,
        "the two Blinken quotations match:\n{text}"
    );

    let out = copydesk(&[
        "check",
        "--corpus",
        "--format",
        "concise",
        wire.parent().and_then(Path::to_str).unwrap(),
    ]);
    let text = stdout(&out);
    assert!(text.contains("004_4e1d34a0a0410271.txt:6:39: warning[consistency.neighborhood] `neighbourhood` here, but `neighborhood` elsewhere"), "{text}");
    assert!(
        text.contains("info[consistency.variants] `Kata’ib` here, but `Kataib` elsewhere"),
        "{text}"
    );
}

#[test]
fn corpus_mode_judges_consistency_across_articles() {
    let dir = tempfile::tempdir().unwrap();
    write_file(
        dir.path(),
        "a.txt",
        "Parks plan\n\nThe neighborhood park reopened. Another neighborhood waits.\n",
    );
    write_file(
        dir.path(),
        "b.txt",
        "Library plan\n\nThe neighbourhood library opened.\n",
    );
    let path = dir.path().to_str().unwrap();
    let out = copydesk(&[
        "check",
        "--select",
        "consistency.neighborhood",
        "--format",
        "concise",
        path,
    ]);
    assert_eq!(stdout(&out), "", "each article is consistent on its own");
    let out = copydesk(&[
        "check",
        "--corpus",
        "--select",
        "consistency.neighborhood",
        "--format",
        "json",
        path,
    ]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let d = &json["diagnostics"][0];
    assert!(d["path"].as_str().unwrap().ends_with("b.txt"));
    assert!(
        d["labels"][0]["path"].as_str().unwrap().ends_with("a.txt"),
        "{d}"
    );
    assert_eq!(json["diagnostics"].as_array().unwrap().len(), 1);
}

#[test]
fn a_draft_cannot_make_copydesk_read_files_outside_its_project() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("project");
    write_file(&project, "copydesk.toml", "");
    write_file(
        &dir.path().join("secrets"),
        "key.txt",
        "daemon x 1 1 daemon usr sbin usr bin nologin\n",
    );
    write_file(
        &project,
        "desk/story.md",
        "---\ntitle: Mayor speaks\nsources: [\"/etc/passwd\", \"../../secrets/key.txt\"]\n---\n\n“daemon x 1 1 daemon usr sbin usr bin nologin,” he said.\n",
    );
    let out = copydesk_in(&project, &["check", "--format", "concise", "desk/story.md"]);
    assert_eq!(out.status.code(), Some(2));
    let text = stdout(&out);
    assert!(
        text.contains("source `/etc/passwd`: refused: an absolute path"),
        "{text}"
    );
    assert!(
        text.contains("source `../../secrets/key.txt`: refused: it is outside the project"),
        "{text}"
    );
    assert!(
        !text.contains("grounding.misquote") && !text.contains("passwd:"),
        "{text}"
    );
}

#[test]
fn sourcing_summary_lists_speakers_unnamed_sources_and_claims() {
    let out = copydesk(&[
        "check",
        "-q",
        "--sourcing",
        "corpus/12-hospital-sources.md",
        "corpus/16-flood-rewrite.md",
    ]);
    insta::assert_snapshot!("sourcing-summary", stdout(&out));
    let out = copydesk(&[
        "check",
        "-q",
        "--sourcing",
        "--format",
        "json",
        "corpus/12-hospital-sources.md",
    ]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    let article = &json["articles"][0];
    assert_eq!(article["speakers"][0]["speaker"], "Dr. Amina Yusuf");
    assert_eq!(article["speakers"][0]["quotations"], 2);
    assert_eq!(article["speakers"][0]["identified"], "named");
    assert_eq!(
        article["unnamed_sources"][0]["reason"],
        serde_json::Value::Null
    );
    let out = copydesk(&["check", "--sourcing", "--format", "sarif", "corpus/"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn diff_exits_as_the_drafts_stand() {
    let dir = tempfile::tempdir().unwrap();
    let draft = "Harbour ferry resumes\n\nThe ferry ferry sails again from Monday.\n";
    write_file(dir.path(), "ferry.txt", draft);
    let out = copydesk_in(dir.path(), &["check", "--diff", "ferry.txt"]);
    assert!(
        stdout(&out).contains("+The ferry sails again"),
        "{}",
        stdout(&out)
    );
    assert_eq!(
        out.status.code(),
        Some(1),
        "a draft with findings fails under --diff, fixable or not: {}",
        stderr(&out)
    );
    assert!(
        stderr(&out).contains("1 warning"),
        "the summary counts the draft as it stands: {}",
        stderr(&out)
    );
    let out = copydesk_in(
        dir.path(),
        &["check", "--diff", "--fail-on", "error", "ferry.txt"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("ferry.txt")).unwrap(),
        draft,
        "--diff writes nothing"
    );
    write_file(
        dir.path(),
        "ferry.txt",
        "Harbour ferry resumes\n\nThe ferry sails again.\n",
    );
    let out = copydesk_in(dir.path(), &["check", "--diff", "ferry.txt"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), "");
}

#[test]
fn piped_text_with_no_path_is_named_on_standard_error() {
    let dir = tempfile::tempdir().unwrap();
    write_file(
        dir.path(),
        "on-disk.txt",
        "Bridge shut\n\nThe bridge bridge is shut.\n",
    );
    let piped = b"Piped draft\n\nThe tram tram is late.\n";
    let out = common::copydesk_with_stdin(dir.path(), &["check", "--format", "concise"], piped);
    assert!(
        stderr(&out).contains("the current folder is checked and standard input is not read"),
        "{}",
        stderr(&out)
    );
    assert!(
        stderr(&out).contains("`copydesk check -`"),
        "{}",
        stderr(&out)
    );
    assert!(stdout(&out).contains("on-disk.txt"), "{}", stdout(&out));
    assert!(!stdout(&out).contains("tram"), "{}", stdout(&out));

    let out = common::copydesk_with_stdin(
        dir.path(),
        &["check", "--quiet", "--format", "concise"],
        piped,
    );
    assert_eq!(stderr(&out), "", "--quiet keeps the warning back");

    // Named, standard input is read and nothing is said.
    let out =
        common::copydesk_with_stdin(dir.path(), &["check", "--format", "concise", "-"], piped);
    assert!(
        stdout(&out).contains("`tram` is written twice"),
        "{}",
        stdout(&out)
    );
    assert!(!stderr(&out).contains("warning:"), "{}", stderr(&out));

    // `--stdin-filename` with no path names standard input.
    let out = common::copydesk_with_stdin(
        dir.path(),
        &[
            "check",
            "--format",
            "concise",
            "--stdin-filename",
            "late.txt",
        ],
        piped,
    );
    assert!(
        stdout(&out).starts_with("late.txt:3:5: warning[typo.doubled-word]"),
        "{}",
        stdout(&out)
    );
    assert!(!stdout(&out).contains("on-disk.txt"), "{}", stdout(&out));

    // No standard input (a terminal, or /dev/null as here): no warning.
    let out = copydesk_in(dir.path(), &["check", "--format", "concise"]);
    assert!(!stderr(&out).contains("warning:"), "{}", stderr(&out));
    assert!(stdout(&out).contains("on-disk.txt"), "{}", stdout(&out));
}

const FERRY_SOURCE: &str = "Ferry service cut\n\nThe island ferry will run twice a day from June, the operator said.\n\nThe company blamed a shortage of engineers for the cut.\n";

#[test]
fn sourcing_traces_each_paragraph_to_its_source_lines() {
    let dir = tempfile::tempdir().unwrap();
    write_file(dir.path(), "wire.txt", FERRY_SOURCE);
    write_file(
        dir.path(),
        "draft.md",
        "# Island ferry cut to two crossings\n\nFrom June the island ferry will run just twice a day, the operator said. It blamed too few engineers for the cut.\n\nThe cut sparked a protest march through the harbour town.\n",
    );
    let args = [
        "check",
        "-q",
        "--sourcing",
        "--source",
        "wire.txt",
        "draft.md",
    ];
    let out = copydesk_in(dir.path(), &args);
    insta::assert_snapshot!("sourcing-trace", stdout(&out));
    let mut json_args = args.to_vec();
    json_args.extend(["--format", "json"]);
    let out = copydesk_in(dir.path(), &json_args);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    let trace = &json["articles"][0]["trace"];
    assert_eq!(trace["version"], 1, "{json}");
    insta::assert_snapshot!(
        "sourcing-trace-json",
        serde_json::to_string_pretty(trace).expect("JSON")
    );
    let out = copydesk_in(
        dir.path(),
        &["check", "-q", "--sourcing", "--format", "json", "draft.md"],
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    assert!(
        json["articles"][0].get("trace").is_none(),
        "no sources, no trace: {json}"
    );
}

#[test]
fn a_suppression_marks_a_sentence_as_the_reporters_own() {
    let dir = tempfile::tempdir().unwrap();
    write_file(dir.path(), "wire.txt", FERRY_SOURCE);
    let draft = "# Island ferry cut\n\nThe island ferry will run twice a day from June, the operator said.\n\nThe cut sparked a protest march through the harbour town.\n";
    write_file(dir.path(), "draft.md", draft);
    let args = [
        "check",
        "-q",
        "--format",
        "concise",
        "--select",
        "grounding",
        "--source",
        "wire.txt",
        "draft.md",
    ];
    let out = copydesk_in(dir.path(), &args);
    assert_eq!(
        stdout(&out),
        "draft.md:5:1: warning[grounding.unsupported-sentence] not in the sources: check it or attribute it\n"
    );
    let own = draft.replace(
        "The cut sparked",
        "<!-- copydesk-disable-next-line grounding.unsupported-sentence -->\nThe cut sparked",
    );
    write_file(dir.path(), "draft.md", &own);
    let out = copydesk_in(dir.path(), &args);
    assert_eq!(stdout(&out), "", "{}", stderr(&out));
}

#[test]
fn a_story_date_from_the_flag_checks_weekdays_and_the_summary_says_when_there_is_none() {
    let dir = tempfile::tempdir().expect("temp dir");
    let draft = "Vote\n\nThe vote was held on Thursday, March 19, after weeks of talks.\n";
    write_file(dir.path(), "vote.txt", draft);
    // No date anywhere: the weekday cannot be checked, and the summary says so once.
    let out = copydesk_in(dir.path(), &["check", "--isolated", "vote.txt"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(
            "1 article gives no date of its own, so its weekdays and relative dates were not checked"
        ),
        "{}",
        stderr(&out)
    );
    // With the run's date, March 19, 2026 is a Thursday: no finding; in 2025 it was a Wednesday.
    let out = copydesk_in(
        dir.path(),
        &["check", "--isolated", "--date", "2026-03-20", "vote.txt"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(!stderr(&out).contains("no date"), "{}", stderr(&out));
    let out = copydesk_in(
        dir.path(),
        &["check", "--isolated", "--date", "2025-03-20", "vote.txt"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains("March 19, 2025 is a Wednesday, not a Thursday"),
        "{}",
        stdout(&out)
    );
    // A weekday beside "yesterday" is checked against the run's date: March 20, 2026 is a
    // Friday, so yesterday was a Thursday, not a Wednesday.
    let draft = "Vote\n\nThe council met yesterday (Wednesday) and voted to close the pool.\n";
    write_file(dir.path(), "yesterday.txt", draft);
    let out = copydesk_in(
        dir.path(),
        &[
            "check",
            "--isolated",
            "--date",
            "2026-03-20",
            "--format",
            "concise",
            "yesterday.txt",
        ],
    );
    assert_eq!(
        stdout(&out),
        "yesterday.txt:3:17: warning[news.fact.weekday-mismatch] the story is dated Friday, March 20, 2026\n"
    );
    let out = copydesk_in(dir.path(), &["check", "--date", "20/03/2026", "vote.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("`20/03/2026` is not a date: write it as 2026-12-03"),
        "{}",
        stderr(&out)
    );
}
