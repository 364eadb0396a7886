//! Every draft in `corpus/`, checked with the built-in rules: the human output (no colour) and
//! the article model are snapshots, and the rules that fire must match `corpus/README.md`.

mod common;

use copydesk::input;
use copydesk::pipeline::{ConfigChoice, DraftOrigin, Options, Session};
use copydesk::render;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn drafts() -> Vec<PathBuf> {
    let mut drafts: Vec<PathBuf> = std::fs::read_dir("corpus")
        .expect("corpus/ exists")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_file() && p.file_name().is_some_and(|n| n != "README.md"))
        .collect();
    drafts.sort();
    drafts
}

/// The `triggers` column of corpus/README.md, by draft file name.
fn documented_triggers() -> Vec<(String, BTreeSet<String>)> {
    let readme = std::fs::read_to_string("corpus/README.md").expect("corpus/README.md");
    readme
        .lines()
        .filter(|l| l.starts_with("| `"))
        .map(|line| {
            // `\|` is a literal bar inside a cell.
            let line = line.replace("\\|", "/");
            let cells: Vec<&str> = line.split('|').map(str::trim).collect();
            let name = cells[1].trim_matches('`').to_owned();
            let rules = cells[3]
                .split(',')
                .map(|r| r.trim().trim_matches('`').to_owned())
                .filter(|r| !r.is_empty())
                .collect();
            (name, rules)
        })
        .collect()
}

#[test]
fn the_sources_folder_is_clean_copy() {
    let rules = common::default_rules();
    let (sources, problems) = input::walk(Path::new("corpus/sources"), input::is_draft_file);
    assert!(problems.is_empty() && !sources.is_empty());
    let articles: Vec<_> = sources
        .into_iter()
        .map(|path| DraftOrigin::File(path).read().expect("source reads"))
        .collect();
    let diagnostics = copydesk::engine::check_all(&rules, &articles);
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
}

#[test]
fn corpus_drafts_match_their_snapshots_and_readme() {
    let documented = documented_triggers();
    let drafts = drafts();
    assert!(drafts.len() >= 10, "the corpus has at least ten drafts");
    for path in drafts {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let article = DraftOrigin::File(path.clone()).read().expect("draft reads");
        let model = render::model::render(&article);
        // The library pipeline, as every front end runs it, with no configuration.
        let options = Options {
            config: ConfigChoice::Isolated,
            ..Options::default()
        };
        let (session, plan) =
            Session::prepare(options, vec![DraftOrigin::File(path.clone())]).expect("rules load");
        let checked = session.check(&plan.planned, None);
        assert!(checked.problems.is_empty(), "{:?}", checked.problems);
        let diagnostics = checked.diagnostics.clone();
        let output =
            String::from_utf8(render::human::render(&checked.report(), false)).expect("utf-8");
        let stem = name.replace('.', "_");
        insta::assert_snapshot!(stem.clone(), output);
        insta::assert_snapshot!(format!("{stem}_model"), model);

        let fired: BTreeSet<String> = diagnostics.into_iter().map(|d| d.rule).collect();
        let (_, expected) = documented
            .iter()
            .find(|(n, _)| *n == name)
            .unwrap_or_else(|| panic!("corpus/README.md has no row for {name}"));
        assert_eq!(
            &fired, expected,
            "rules fired on {name} differ from corpus/README.md"
        );
    }
}
