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

/// The release workflow (it cannot run here) parses and builds wheels with maturin's action for
/// Linux, macOS and Windows.
#[test]
fn the_release_workflow_builds_wheels_for_three_systems() {
    let text = std::fs::read_to_string(".github/workflows/release.yml").expect("release.yml");
    let workflow: serde_yaml_ng::Value = serde_yaml_ng::from_str(&text).expect("valid YAML");
    let wheels = &workflow["jobs"]["wheels"];
    let systems: Vec<&str> = wheels["strategy"]["matrix"]["include"]
        .as_sequence()
        .expect("a matrix")
        .iter()
        .filter_map(|entry| entry["os"].as_str())
        .collect();
    for system in ["ubuntu", "macos", "windows"] {
        assert!(
            systems.iter().any(|os| os.starts_with(system)),
            "no {system} wheel in {systems:?}"
        );
    }
    let steps = wheels["steps"].as_sequence().expect("steps");
    assert!(
        steps
            .iter()
            .any(|step| step["uses"].as_str() == Some("PyO3/maturin-action@v1"))
    );
}

/// The Python package's build settings point at the bindings crate and its module, and
/// install the `copydesk` command.
#[test]
fn the_python_package_builds_the_bindings_crate() {
    let text = std::fs::read_to_string("pyproject.toml").expect("pyproject.toml");
    let project: toml::Table = toml::from_str(&text).expect("valid TOML");
    let maturin = &project["tool"]["maturin"];
    let manifest = maturin["manifest-path"].as_str().expect("manifest-path");
    let bindings: toml::Table =
        toml::from_str(&std::fs::read_to_string(manifest).expect("the bindings' Cargo.toml"))
            .expect("valid TOML");
    let library = bindings["lib"]["name"].as_str().expect("lib.name");
    assert_eq!(
        maturin["module-name"].as_str(),
        Some(format!("copydesk.{library}").as_str())
    );
    assert_eq!(
        project["project"]["scripts"]["copydesk"].as_str(),
        Some("copydesk.__main__:main")
    );
    let workspace: toml::Table =
        toml::from_str(&std::fs::read_to_string("Cargo.toml").expect("Cargo.toml")).unwrap();
    let default_members = workspace["workspace"]["default-members"]
        .as_array()
        .unwrap();
    assert_eq!(
        default_members.len(),
        1,
        "cargo build should leave the bindings out"
    );
}
