//! The library pipeline as a front end other than the command line uses it: documents,
//! sources and configuration in memory, and no file read on their behalf.

use copydesk::pipeline::{ConfigChoice, DraftOrigin, FileAccess, Options, Session, SourceText};

fn in_memory(config: Option<&str>) -> Options {
    Options {
        config: match config {
            Some(text) => ConfigChoice::Text {
                name: "request config".to_owned(),
                text: text.to_owned(),
            },
            None => ConfigChoice::Isolated,
        },
        source_texts: vec![SourceText {
            name: "wire.txt".to_owned(),
            text:
                "Flood waters\n\n\"We lost everything in one night,\" said the mayor, Ana Ruiz.\n"
                    .to_owned(),
        }],
        file_access: FileAccess::Off,
        ..Options::default()
    }
}

#[test]
fn an_in_memory_draft_is_checked_against_an_in_memory_source_touching_no_disk() {
    // The draft names sources in its front matter, including a file outside any project:
    // with file access off, none is read.
    let draft = "---\ntitle: Flood waters rise\nsources: [\"/etc/hostname\", \"../../secret.txt\"]\n---\n\n\"We lost everything in one week,\" said the mayor, Ana Ruiz.\n";
    let input = DraftOrigin::Text {
        name: "desk/flood.md".to_owned(),
        text: draft.to_owned(),
        format: None,
    };
    let (session, plan) = Session::prepare(in_memory(None), vec![input]).expect("rules load");
    let checked = session.check(&plan.planned, None);
    let misquote = checked
        .diagnostics
        .iter()
        .find(|d| d.rule == "grounding.misquote")
        .expect("the changed quotation is reported against the source in memory");
    let source_label = &misquote.secondary[0];
    assert_eq!(
        checked.report().document(source_label.article).name,
        "wire.txt"
    );
    assert_eq!(checked.problems.len(), 2, "{:?}", checked.problems);
    for problem in &checked.problems {
        assert!(problem.message.contains("not read"), "{}", problem.message);
        assert!(!problem.is_error);
    }
}

#[test]
fn a_configuration_in_memory_may_not_name_packs_when_file_access_is_off() {
    let input = DraftOrigin::Text {
        name: "a.txt".to_owned(),
        text: "Headline\n\nText.\n".to_owned(),
        format: None,
    };
    let error = Session::prepare(
        in_memory(Some("[rules]\npacks = [\"/etc\"]\n")),
        vec![input],
    );
    assert!(error.is_err());
    let input = DraftOrigin::Text {
        name: "a.txt".to_owned(),
        text: "Headline\n\nThe the vote.\n".to_owned(),
        format: None,
    };
    let (session, plan) = Session::prepare(
        in_memory(Some("[rules]\nignore = [\"typo\"]\n")),
        vec![input],
    )
    .expect("a configuration without packs loads");
    let checked = session.check(&plan.planned, None);
    assert!(
        checked
            .diagnostics
            .iter()
            .all(|d| !d.rule.starts_with("typo"))
    );
}
