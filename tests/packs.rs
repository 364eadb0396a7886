//! Malformed rule packs are reported as diagnostics pointing at `file:line:col` in the TOML,
//! and every rule's examples run.

mod common;

use common::{default_rules, load_pack, pack_errors};
use copydesk::pack_test;
use copydesk::render;
use copydesk::rules::pack::{self, PackInput};

const VALID_RULE: &str = r#"[pack]
name = "test"

[[existence]]
id = "t.rule"
message = "found `{match}`"
words = ["slammed"]
rationale = "test"
must-fire = ["Critics slammed it."]
must-not-fire = ["Critics criticised it."]
"#;

#[test]
fn a_valid_pack_loads() {
    let set = load_pack(VALID_RULE, &[]).unwrap_or_else(|e| panic!("{:?}", e.errors));
    assert_eq!(set.rules.len(), 1);
    assert!(pack_test::example_failures(&set).is_empty());
}

#[test]
fn toml_syntax_error_is_located() {
    let output = pack_errors(&VALID_RULE.replace("words = [\"slammed\"]", "words = [\"slammed\""));
    insta::assert_snapshot!("syntax_error", output);
    assert!(output.contains("<dir>/pack.toml:"), "{output}");
}

#[test]
fn unknown_key_is_located() {
    let output = pack_errors(&VALID_RULE.replace("words =", "wrods ="));
    assert!(output.contains("unknown field `wrods`"), "{output}");
    assert!(output.contains("<dir>/pack.toml:7:1"), "{output}");
}

#[test]
fn bad_regex_is_located_at_the_regex() {
    let output =
        pack_errors(&VALID_RULE.replace("words = [\"slammed\"]", "patterns = ['slam(med']"));
    insta::assert_snapshot!("bad_regex", output);
    assert!(output.contains("<dir>/pack.toml:7:18"), "{output}");
}

#[test]
fn huge_regex_is_rejected_not_run_out_of_memory() {
    let output = pack_errors(&VALID_RULE.replace(
        "words = [\"slammed\"]",
        r"patterns = ['\w{1000}\w{1000}\w{1000}']",
    ));
    assert!(output.contains("invalid regex"), "{output}");
    assert!(output.contains("size limit"), "{output}");
}

#[test]
fn unknown_scope_is_located() {
    let output = pack_errors(&VALID_RULE.replace(
        "rationale = \"test\"",
        "rationale = \"test\"\nscope = [\"headlines\"]",
    ));
    assert!(output.contains("unknown variant `headlines`"), "{output}");
    assert!(output.contains("<dir>/pack.toml:9:"), "{output}");
}

#[test]
fn rule_without_examples_is_rejected() {
    let output =
        pack_errors(&VALID_RULE.replace("must-not-fire = [\"Critics criticised it.\"]\n", ""));
    insta::assert_snapshot!("missing_examples", output);
    assert!(output.contains("no `must-not-fire` examples"), "{output}");
}

#[test]
fn unknown_placeholder_and_duplicate_id_are_reported_together() {
    let doubled = format!(
        "{}\n{}",
        VALID_RULE.replace("found `{match}`", "found `{mtch}`"),
        VALID_RULE.lines().skip(3).collect::<Vec<_>>().join("\n")
    );
    let output = pack_errors(&doubled);
    assert!(output.contains("unknown placeholder `{mtch}`"), "{output}");
    assert!(
        output.contains("duplicate rule id `t.rule` (first defined in line 5)"),
        "{output}"
    );
}

#[test]
fn consistency_preferred_must_be_a_variant() {
    let output = pack_errors(
        r#"[pack]
name = "test"

[[consistency]]
id = "t.c"
message = "m"
variants = ["Kyiv", "Kiev"]
preferred = "Kyyiv"
rationale = "test"
must-fire = ["Kyiv and Kiev."]
must-not-fire = ["Kyiv."]
"#,
    );
    assert!(
        output.contains("`preferred` must be one of the `variants`"),
        "{output}"
    );
    assert!(output.contains("<dir>/pack.toml:8:13"), "{output}");
}

#[test]
fn missing_data_file_is_located() {
    let output = pack_errors(
        r#"[pack]
name = "test"

[[spelling-system]]
id = "t.s"
message = "m"
data = "nowhere.tsv"
rationale = "test"
must-fire = ["a"]
must-not-fire = ["b"]
"#,
    );
    assert!(output.contains("cannot read data file"), "{output}");
    assert!(output.contains("<dir>/pack.toml:7:8"), "{output}");
}

#[test]
fn failing_examples_point_into_the_toml() {
    let broken = VALID_RULE.replace(
        "must-fire = [\"Critics slammed it.\"]",
        "must-fire = [\"Critics praised it.\"]",
    );
    let set = load_pack(&broken, &[]).unwrap_or_else(|e| panic!("{:?}", e.errors));
    let failures = pack_test::example_failures(&set);
    assert_eq!(failures.len(), 1);
    let output = String::from_utf8(copydesk::pack_test::render_example_failures(
        &set, &failures, false,
    ))
    .unwrap();
    assert!(
        output.contains("a `must-fire` example did not fire"),
        "{output}"
    );
    assert!(output.contains("pack.toml:9:14"), "{output}");
}

#[test]
fn every_rule_of_the_default_pack_passes_its_examples() {
    let set = default_rules();
    let failures = pack_test::example_failures(&set);
    let output = String::from_utf8(copydesk::pack_test::render_example_failures(
        &set, &failures, false,
    ))
    .unwrap();
    assert!(failures.is_empty(), "{output}");
    for rule in &set.rules {
        assert!(
            !rule.meta.must_fire.is_empty() && !rule.meta.must_not_fire.is_empty(),
            "{}",
            rule.meta.id
        );
    }
}

/// The errors of a pack with one rule of `kind` whose `field` names `data.txt` holding `data`,
/// as the CLI prints them, with the temp folder replaced by `<dir>`.
fn data_file_errors(kind: &str, field: &str, data: &str) -> String {
    let dir = tempfile::tempdir().expect("temp dir");
    let pack = format!(
        "[pack]\nname = \"test\"\n\n[[{kind}]]\nid = \"t.data\"\nmessage = \"m\"\n{field} = \"data.txt\"\nrationale = \"test\"\nmust-fire = [\"a\"]\nmust-not-fire = [\"b\"]\n"
    );
    std::fs::write(dir.path().join("pack.toml"), pack).expect("write pack");
    std::fs::write(dir.path().join("data.txt"), data).expect("write data");
    let errors = match pack::load(&[PackInput::file(&dir.path().join("pack.toml"))]) {
        Ok(_) => panic!("{kind}: the pack loaded without errors"),
        Err(errors) => errors,
    };
    let text =
        String::from_utf8(render::human::render_located_errors(&errors, false)).expect("utf-8");
    text.replace(&dir.path().display().to_string(), "<dir>")
}

#[test]
fn a_data_file_line_that_could_never_match_is_located_by_line_not_quoted() {
    // Each kind of data file, with a comment after an entry on line 3 and then with a
    // trailing space on line 3: the error names the line, at the file's name in the pack, and
    // shows nothing of what the line says.
    let kinds = [
        (
            "glued-words",
            "dictionary",
            "# words\nharbour\nquay # a note\n",
            "line 3 of the word list is not one lower-case word: a `#` at column 6",
        ),
        (
            "spelling-system",
            "data",
            "# pairs\nharbor\tharbour\ncolor\tcolour # a note\n",
            "line 3 of the data file is not `us<TAB>uk`: a `#` at column 14",
        ),
        (
            "classifier",
            "weights",
            "# weights\nbias\t-1\nword:quay\t0.5 # a note\n",
            "line 3 of the weights file: not `feature<TAB>weight`: a `#` at column 15",
        ),
    ];
    for (kind, field, data, said) in kinds {
        let output = data_file_errors(kind, field, data);
        assert!(output.contains(said), "{kind}: {output}");
        assert!(output.contains("<dir>/pack.toml:7:"), "{kind}: {output}");
        assert!(
            !output.contains("a note"),
            "{kind} quoted the line: {output}"
        );
        let spaced = data.replace(" # a note", " ");
        let output = data_file_errors(kind, field, &spaced);
        assert!(output.contains("line 3 of the"), "{kind}: {output}");
        assert!(
            output.contains("whitespace at the end of the"),
            "{kind}: {output}"
        );
    }
    // A phrase is a legitimate spelling pair and a legitimate feature; two spaces are not.
    let output = data_file_errors("spelling-system", "data", "high  school\thigh-school\n");
    assert!(
        output.contains("line 1 of the data file is not `us<TAB>uk`: two spaces in a row inside the US form (column 6)"),
        "{output}"
    );
    let output = data_file_errors("glued-words", "dictionary", "harbour\nKyiv\n");
    assert!(output.contains("line 2 of the word list"), "{output}");
    assert!(
        output.contains("an upper-case letter at column 1"),
        "{output}"
    );
}

#[test]
fn the_built_in_spelling_pairs_load_clean_and_armouries_matches() {
    // `armories<TAB>armouries` once carried a comment after it, kept as part of the British
    // form, so "armouries" never matched.
    let rules = default_rules();
    let fired = common::fired(
        &rules,
        "a.txt",
        "The harbor museum opened.\n\nIts armouries hold the colors of old regiments.\n",
    );
    assert_eq!(
        fired
            .iter()
            .filter(|id| *id == "spelling.us-uk-mix")
            .count(),
        1,
        "{fired:?}"
    );
}
