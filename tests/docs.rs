//! The README documents what the code does: every kind, every scope, the JSON version.

use copydesk::article::BlockKind;
use copydesk::render::json::SCHEMA_VERSION;
use copydesk::rules::kinds::KINDS;

fn readme() -> String {
    std::fs::read_to_string("README.md").expect("README.md")
}

#[test]
fn readme_lists_every_kind_and_its_placeholders() {
    let readme = readme();
    for kind in KINDS {
        let row = readme
            .lines()
            .find(|l| l.starts_with(&format!("| `[[{}]]`", kind.name)))
            .unwrap_or_else(|| panic!("README has no row for kind {}", kind.name));
        for placeholder in kind.placeholders {
            assert!(
                row.contains(&format!("`{{{placeholder}}}`")),
                "{} row lacks {{{placeholder}}}",
                kind.name
            );
        }
    }
}

#[test]
fn readme_lists_every_block_kind() {
    let readme = readme();
    for kind in BlockKind::ALL {
        assert!(
            readme.contains(&format!("| `{}` |", kind.name())),
            "README lacks block kind {kind}"
        );
    }
}

#[test]
fn readme_names_the_json_schema_version_and_the_two_commands() {
    let readme = readme();
    assert!(readme.contains(&format!("\"version\": {SCHEMA_VERSION}")));
    assert!(readme.contains("cargo run --release -- check corpus/"));
    assert!(readme.contains("cargo test"));
}
