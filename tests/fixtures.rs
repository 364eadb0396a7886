//! `copydesk test` checks pack fixtures as `copydesk check` checks a file: a fixture's blessed
//! output is, byte for byte, what `copydesk check --isolated --color never --rules PACK FIXTURE`
//! prints run from the pack's folder — for every input format, with suppressions, and with the
//! sources a draft's front matter names.

mod common;

use common::{copydesk, copydesk_in, stderr, stdout, write_file};
use std::path::Path;

const PACK: &str = r#"[pack]
name = "house"
fixtures = ["fixtures"]

[[existence]]
id = "house.slams"
message = "`slams` is headline slang"
words = ["slams"]
rationale = "Say what was said."
must-fire = ["Council slams bus plan"]
must-not-fire = ["Council rejects bus plan"]
"#;

/// Every fixture of the test project: its name in `fixtures/`, and its text.
const FIXTURES: &[(&str, &str)] = &[
    (
        "plain.txt",
        "Council slams bus plan\n\nThe council voted against the new route on Monday, its leader said.\n",
    ),
    (
        "quiet.txt",
        "Council rejects bus plan\n\n<!-- copydesk-disable-next-line house.slams -->\nThe council slams the route again, its leader said on Monday.\n",
    ),
    (
        "story.md",
        "---\nsources:\n  - sources/statement.txt\n---\n# Harbour board slams dredging bill\n\n\"We will not pay for the whole channel,\" the board chair, Ines Morrow, said on Tuesday.\n",
    ),
    (
        "lost-source.md",
        "---\nsources:\n  - sources/absent.txt\n---\n# Ferry fares rise\n\nFares on the Kellin ferry rise by a tenth in March, the operator said.\n",
    ),
    (
        "page.html",
        "<h1>Mayor slams parking budget</h1>\n<p>The mayor criticised the parking budget at Thursday's meeting, a spokesman said.</p>\n",
    ),
    (
        "export.jsonl",
        "{\"id\": \"r-1\", \"headline\": \"Union slams pay offer\", \"body\": \"The union rejected the offer on Friday, its secretary said.\"}\nnot a record\n{\"id\": \"r-2\", \"headline\": \"Pay talks resume\", \"body\": \"Talks resumed on Monday, both sides said.\"}\n",
    ),
];

const STATEMENT: &str = "The board chair, Ines Morrow, said: \"We will not pay for the dredging of the whole channel.\"\n";

/// A project with the pack in `house/` and its fixtures (and a source they name) beside it.
fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    write_file(dir.path(), "house/house.toml", PACK);
    for (name, text) in FIXTURES {
        write_file(dir.path(), &format!("house/fixtures/{name}"), text);
    }
    write_file(
        dir.path(),
        "house/fixtures/sources/statement.txt",
        STATEMENT,
    );
    // A draft that cannot be decoded: reported as `check` reports it.
    std::fs::write(
        dir.path().join("house/fixtures/latin1.txt"),
        b"Caf\xe9 owners slam rent rise\n",
    )
    .expect("write latin1.txt");
    dir
}

/// What `check` prints for `fixture` run from `folder` (the pack's), as `copydesk test` runs it.
fn check_output(folder: &Path, rules: &str, extra: &[&str], fixture: &str) -> Vec<u8> {
    let mut args = vec!["check", "--isolated", "--color", "never", "--rules", rules];
    args.extend_from_slice(extra);
    if fixture.ends_with(".jsonl") {
        args.extend_from_slice(&["--input", "jsonl"]);
    }
    args.push(fixture);
    copydesk_in(folder, &args).stdout
}

fn expected(folder: &Path, fixture: &str) -> String {
    let path = folder.join(format!("{fixture}.expected"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn every_fixture_is_blessed_as_check_prints_it() {
    let dir = project();
    let out = copydesk_in(dir.path(), &["test", "--bless", "house/"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("1 rules, 2 examples, 7 fixtures: 9 passed, 0 failed"),
        "{}",
        stderr(&out)
    );
    let folder = dir.path().join("house");
    let names = FIXTURES.iter().map(|(name, _)| *name);
    for name in names.chain(["latin1.txt"]) {
        let fixture = format!("fixtures/{name}");
        let blessed = expected(&folder, &fixture);
        let checked = check_output(&folder, "house.toml", &[], &fixture);
        assert_eq!(
            blessed,
            String::from_utf8_lossy(&checked),
            "{fixture}: blessed output differs from `check`"
        );
        assert_eq!(blessed.as_bytes(), checked.as_slice(), "{fixture}");
    }
    let out = copydesk_in(dir.path(), &["test", "house/"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
}

#[test]
fn fixtures_are_checked_with_their_format_suppressions_and_sources() {
    let dir = project();
    let out = copydesk_in(dir.path(), &["test", "--bless", "house/"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let folder = dir.path().join("house");
    let read = |name: &str| expected(&folder, &format!("fixtures/{name}"));

    let plain = read("plain.txt");
    assert!(
        plain.contains(
            "warning[house.slams]: `slams` is headline slang\n  ┌─ fixtures/plain.txt:1:9"
        ),
        "{plain}"
    );
    // The suppression comment holds, as it does for `check`.
    let quiet = read("quiet.txt");
    assert!(!quiet.contains("house.slams"), "{quiet}");
    // An HTML draft is read as HTML: the finding is in the headline, markup and all.
    let page = read("page.html");
    assert!(page.contains("┌─ fixtures/page.html:1:11"), "{page}");
    // A source named in front matter is read relative to the draft, and named as `check` run
    // from the pack's folder names it.
    let story = read("story.md");
    assert!(story.contains("error[grounding.misquote]"), "{story}");
    assert!(
        story.contains("┌─ fixtures/sources/statement.txt:1:"),
        "{story}"
    );
    let lost = read("lost-source.md");
    assert!(
        lost.contains("error[io]: fixtures/sources/absent.txt: source cannot read:"),
        "{lost}"
    );
    // Records are read as `check --input jsonl` reads them; a line that is no record is named
    // by its line.
    let export = read("export.jsonl");
    assert!(export.contains("warning[house.slams]"), "{export}");
    assert!(export.contains("┌─ r-1:1:7"), "{export}");
    assert!(
        export.contains("error[io]: fixtures/export.jsonl:2:"),
        "{export}"
    );
    let latin1 = read("latin1.txt");
    assert!(
        latin1.starts_with("error[io]: fixtures/latin1.txt: not valid UTF-8"),
        "{latin1}"
    );
}

#[test]
fn a_fixture_of_a_format_copydesk_does_not_read_is_reported_and_not_counted() {
    let dir = project();
    write_file(
        dir.path(),
        "house/fixtures/notes.rtf",
        "{\\rtf1 Council slams bus plan}\n",
    );
    write_file(dir.path(), "house/fixtures/.DS_Store", "finder state\n");
    let out = copydesk_in(dir.path(), &["test", "--bless", "house/"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stdout(&out).contains(
            "error[fixture]: house/fixtures/notes.rtf was not checked: copydesk reads articles ending .txt, .md, .markdown, .html, .htm and records ending .jsonl, .ndjson"
        ),
        "{}",
        stdout(&out)
    );
    assert!(
        stderr(&out).contains("7 fixtures: 9 passed, 0 failed; 1 not run"),
        "{}",
        stderr(&out)
    );
    assert!(
        !dir.path()
            .join("house/fixtures/notes.rtf.expected")
            .exists()
    );
    assert!(!stdout(&out).contains(".DS_Store"), "{}", stdout(&out));
}

#[test]
fn the_built_in_fixtures_are_what_check_prints_without_the_compiled_in_pack() {
    let out = copydesk(&["test", "rules/"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let folder = root.join("rules/news");
    let mut compared = 0;
    for entry in std::fs::read_dir(folder.join("fixtures")).expect("rules/news/fixtures") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "expected") {
            continue;
        }
        let name = path.file_name().expect("a file name").to_string_lossy();
        let fixture = format!("fixtures/{name}");
        let checked = check_output(&folder, "..", &["--no-default-rules"], &fixture);
        assert_eq!(
            expected(&folder, &fixture),
            String::from_utf8_lossy(&checked),
            "{fixture}"
        );
        compared += 1;
    }
    assert!(compared >= 4, "only {compared} built-in fixtures");
}

#[test]
fn some_but_not_all_built_in_files_named_is_an_error_that_says_what_to_name() {
    let out = copydesk(&["test", "rules/news/tone.toml"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let said = stderr(&out);
    assert!(
        said.contains("repeat files of the built-in pack (rules/news/tone.toml) but not all of it"),
        "{said}"
    );
    assert!(said.contains("`copydesk test rules/`"), "{said}");
}
