//! `copydesk train`: cross-validation figures, the strongest features, a weights file a pack
//! can load, and located errors for bad input.

mod common;

use common::{copydesk_in, fired, load_pack, stderr, stdout, write_file};
use std::path::Path;

const OWN_SET: &str = include_str!("../training/tone-not-topic.tsv");

fn words_file() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("rules/words/english.txt"))
        .expect("the pack's word list")
}

#[test]
fn training_prints_folds_and_features_and_writes_weights_a_pack_loads() {
    let dir = tempfile::tempdir().unwrap();
    write_file(dir.path(), "data.tsv", OWN_SET);
    write_file(dir.path(), "words.txt", &words_file());
    let out = copydesk_in(
        dir.path(),
        &[
            "train",
            "data.tsv",
            "--vocabulary",
            "words.txt",
            "--folds",
            "4",
            "--out",
            "w.tsv",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.starts_with(
            "200 texts (100 clickbait, 100 other); 4-fold cross-validation at threshold 0.5"
        ),
        "{text}"
    );
    for wanted in [
        "\n1 ",
        "\n4 ",
        "\nall         200 ",
        "strongest towards the label",
        "wrote w.tsv",
    ] {
        assert!(text.contains(wanted), "no {wanted:?} in\n{text}");
    }
    let weights = std::fs::read_to_string(dir.path().join("w.tsv")).unwrap();
    assert!(
        weights.starts_with("# copydesk classifier weights"),
        "{weights}"
    );
    let pack = "[pack]\nname = \"house\"\n\n[[classifier]]\nid = \"house.bait\"\nmessage = \"bait\"\nweights = \"w.tsv\"\nrationale = \"r\"\nmust-fire = [\"x\"]\nmust-not-fire = [\"y\"]\n";
    let rules =
        load_pack(pack, &[("w.tsv", &weights)]).unwrap_or_else(|e| panic!("{:?}", e.errors));
    assert_eq!(
        fired(
            &rules,
            "a.txt",
            "You won't believe what the senate did\n\nBody.\n"
        ),
        ["house.bait"]
    );
}

#[test]
fn training_is_reproducible() {
    let dir = tempfile::tempdir().unwrap();
    write_file(dir.path(), "data.tsv", OWN_SET);
    let run = |out: &str| {
        let output = copydesk_in(
            dir.path(),
            &["train", "data.tsv", "--folds", "2", "--out", out],
        );
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        std::fs::read_to_string(dir.path().join(out)).unwrap()
    };
    assert_eq!(run("a.tsv"), run("b.tsv"));
}

#[test]
fn bad_training_input_is_a_located_error() {
    let dir = tempfile::tempdir().unwrap();
    write_file(dir.path(), "three.tsv", "clickbait\ta\nnews\tb\nsport\tc\n");
    write_file(dir.path(), "notab.tsv", "clickbait\ta\nnews b\n");
    for (args, wanted) in [
        (vec!["train", "missing.tsv"], "cannot read missing.tsv"),
        (
            vec!["train", "three.tsv"],
            "three.tsv: line 3: a third label \"sport\"",
        ),
        (
            vec!["train", "notab.tsv"],
            "notab.tsv: line 2: not `label<TAB>text`",
        ),
        (
            vec!["train", "three.tsv", "--threshold", "2"],
            "not a probability",
        ),
    ] {
        let out = copydesk_in(dir.path(), &args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(stderr(&out).contains(wanted), "{args:?}: {}", stderr(&out));
    }
}
