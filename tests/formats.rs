//! The format tables are the only lists: every `--format` value clap accepts is an output
//! format of `render::EMITTERS` and the other way round, and a folder walk takes a file exactly
//! when an input format of the table claims its extension (and reads it in that format), so
//! the command line, discovery and the README cannot drift from the tables again.

use clap::{CommandFactory, Parser};
use copydesk::article::Format;
use copydesk::cli::{Cli, Command};
use copydesk::input;
use copydesk::pipeline::{self, DraftOrigin};
use copydesk::render::EMITTERS;
use std::collections::BTreeSet;
use std::path::Path;

#[test]
fn every_format_value_clap_accepts_is_an_output_format_of_the_table() {
    let command = Cli::command();
    let check = command.find_subcommand("check").expect("a check command");
    let format = check
        .get_arguments()
        .find(|arg| arg.get_id() == "format")
        .expect("a --format flag");
    let accepted: Vec<String> = format
        .get_possible_values()
        .iter()
        .map(|value| value.get_name().to_owned())
        .collect();
    let table: Vec<String> = EMITTERS.iter().map(|e| e.name().to_owned()).collect();
    assert_eq!(accepted, table);
    for name in &table {
        let cli = Cli::try_parse_from(["copydesk", "check", "--format", name])
            .unwrap_or_else(|e| panic!("--format {name}: {e}"));
        let Command::Check(args) = cli.command else {
            panic!("--format {name} parses as check");
        };
        assert_eq!(args.format.map(|f| f.name()), Some(name.as_str()));
    }
    assert!(Cli::try_parse_from(["copydesk", "check", "--format", "docx"]).is_err());
}

/// Every extension of the table, as written and in capitals.
fn table_files() -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for &format in Format::ALL {
        for extension in format.info().extensions {
            names.insert(format!("lower-{extension}.{extension}"));
            names.insert(format!("upper-{extension}.{}", extension.to_uppercase()));
        }
    }
    names
}

#[test]
fn a_folder_walk_takes_exactly_the_extensions_of_the_input_format_table() {
    let dir = tempfile::tempdir().unwrap();
    let others = [
        "notes.docx",
        "export.jsonl",
        "feed.ndjson",
        "pack.toml",
        "script.rs",
        "no-extension",
        "README.md",
        "CHANGELOG.txt",
    ];
    for name in table_files().iter().map(String::as_str).chain(others) {
        std::fs::write(dir.path().join(name), "Mayor opens bridge\n\nIt opened.\n").unwrap();
    }
    let walked = |wanted| -> BTreeSet<String> {
        let gathered = pipeline::gather(&[dir.path().to_path_buf()], wanted, None);
        assert!(gathered.problems.is_empty(), "{:?}", gathered.problems);
        gathered
            .inputs
            .iter()
            .map(|origin| match origin {
                DraftOrigin::File(path) => file_name(path),
                other => panic!("a walk yields files, not {other:?}"),
            })
            .collect()
    };
    assert_eq!(walked(input::is_draft_file), table_files());
    let records: BTreeSet<String> = ["export.jsonl", "feed.ndjson"].map(String::from).into();
    assert_eq!(walked(input::is_record_export), records);
    // Each file is read in the format whose extension it has.
    for name in table_files() {
        let article = DraftOrigin::File(dir.path().join(&name)).read().unwrap();
        let extension = name.rsplit('.').next().unwrap().to_lowercase();
        assert!(
            article
                .format
                .info()
                .extensions
                .contains(&extension.as_str()),
            "{name} was read as {:?}",
            article.format
        );
    }
}

fn file_name(path: &Path) -> String {
    path.file_name().unwrap().to_string_lossy().into_owned()
}

#[test]
fn the_readme_names_the_extensions_of_the_table() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let start = readme
        .find("they yield ")
        .expect("the README says what a folder walk yields");
    let rest = &readme[start..];
    let sentence = &rest[..rest.find(" files").unwrap_or(rest.len())];
    let named: Vec<&str> = sentence
        .split('`')
        .skip(1)
        .step_by(2)
        .filter_map(|quoted| quoted.strip_prefix('.'))
        .collect();
    let table: Vec<&str> = Format::ALL
        .iter()
        .flat_map(|format| format.info().extensions.iter().copied())
        .collect();
    assert_eq!(named, table, "{sentence}");
}

#[test]
fn the_readme_and_the_format_matrix_name_every_output_format() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let row = readme
        .lines()
        .find(|line| line.starts_with("| `--format "))
        .expect("the README's flag table has a --format row");
    let listed = row["| `--format ".len()..]
        .split('`')
        .next()
        .unwrap_or_default();
    let table: Vec<&str> = EMITTERS.iter().map(|e| e.name()).collect();
    assert_eq!(listed.split("\\|").collect::<Vec<_>>(), table, "{row}");
    let matrix = std::fs::read_to_string("tests/matrix.rs").unwrap();
    for name in table {
        assert!(
            matrix.contains(&format!("\"--format\", \"{name}\"")),
            "tests/matrix.rs runs no mode with --format {name}"
        );
    }
}
