//! The shape of the code: modules import only from layers below their own (the layers are
//! listed in `src/lib.rs`), no file in `src/` depends on itself through other files, no file
//! is over 500 lines and no function over 100.

#[path = "structure/file_graph.rs"]
mod file_graph;

use file_graph::FileGraph;
use std::path::{Path, PathBuf};

const MAX_FILE_LINES: usize = 500;
const MAX_FUNCTION_LINES: usize = 100;

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src/ is readable") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn sources() -> Vec<(PathBuf, String)> {
    let mut files = Vec::new();
    rust_files(Path::new("src"), &mut files);
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).expect("readable");
            (path, text)
        })
        .collect()
}

/// The layer of each top-level module, from the numbered list in `src/lib.rs` (1 is the top).
fn layers() -> Vec<(String, usize)> {
    let lib = std::fs::read_to_string("src/lib.rs").expect("src/lib.rs");
    let mut layers = Vec::new();
    for line in lib.lines() {
        let Some(rest) = line.strip_prefix("//! ") else {
            continue;
        };
        let Some((number, modules)) = rest.split_once(". ") else {
            continue;
        };
        let Ok(layer) = number.parse::<usize>() else {
            continue;
        };
        let names = modules.split(" — ").next().unwrap_or("");
        for name in names.split(',') {
            let name = name
                .trim()
                .trim_matches(|c| c == '[' || c == ']' || c == '`');
            if !name.is_empty() {
                layers.push((name.to_owned(), layer));
            }
        }
    }
    layers
}

/// The top-level module a file belongs to (`src/rules/pack/load.rs` → `rules`).
fn module_of(path: &Path) -> Option<String> {
    let relative = path.strip_prefix("src").ok()?;
    let first = relative.components().next()?.as_os_str().to_string_lossy();
    Some(first.trim_end_matches(".rs").to_owned())
}

#[test]
fn every_module_has_a_layer_and_imports_only_from_below() {
    let layers = layers();
    let layer_of = |name: &str| layers.iter().find(|(n, _)| n == name).map(|(_, l)| *l);
    let mut problems = Vec::new();
    for (path, text) in sources() {
        let Some(module) = module_of(&path) else {
            continue;
        };
        if module == "lib" || module == "main" {
            continue;
        }
        let Some(own) = layer_of(&module) else {
            problems.push(format!(
                "{}: module `{module}` is not in the layers of src/lib.rs",
                path.display()
            ));
            continue;
        };
        for (number, line) in text.lines().enumerate() {
            let Some(rest) = line.trim_start().strip_prefix("use crate::") else {
                continue;
            };
            let imported: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if imported == module {
                continue;
            }
            match layer_of(&imported) {
                Some(layer) if layer > own => {}
                Some(layer) => problems.push(format!(
                    "{}:{}: `{module}` (layer {own}) imports `{imported}` (layer {layer}), which is not below it",
                    path.display(),
                    number + 1
                )),
                None => problems.push(format!(
                    "{}:{}: `{imported}` is not in the layers of src/lib.rs",
                    path.display(),
                    number + 1
                )),
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn files_and_functions_stay_small() {
    let mut problems = Vec::new();
    for (path, text) in sources() {
        let lines: Vec<&str> = text.lines().collect();
        if lines.len() > MAX_FILE_LINES {
            problems.push(format!(
                "{}: {} lines (at most {MAX_FILE_LINES})",
                path.display(),
                lines.len()
            ));
        }
        // rustfmt puts a function's closing brace at its own indentation.
        for (start, line) in lines.iter().enumerate() {
            let trimmed = line.trim_start();
            let is_fn = ["fn ", "pub fn ", "pub(crate) fn ", "pub(super) fn "]
                .iter()
                .any(|p| trimmed.starts_with(p));
            // A declaration without a body (in a trait) ends in `;` before any `{`.
            let declaration = lines[start..]
                .iter()
                .find(|l| l.trim_end().ends_with('{') || l.trim_end().ends_with(';'))
                .is_none_or(|l| l.trim_end().ends_with(';'));
            if !is_fn || declaration {
                continue;
            }
            let indent = &line[..line.len() - trimmed.len()];
            let closing = format!("{indent}}}");
            let end = lines[start..]
                .iter()
                .position(|l| *l == closing)
                .map_or(lines.len(), |i| start + i);
            let length = end - start + 1;
            if length > MAX_FUNCTION_LINES {
                problems.push(format!(
                    "{}:{}: `{}` is {length} lines (at most {MAX_FUNCTION_LINES})",
                    path.display(),
                    start + 1,
                    trimmed.split('(').next().unwrap_or(trimmed)
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// No cycle between files: the graph of which file names an item of which (see
/// `structure/file_graph.rs` for what counts) has no strongly connected component of more than
/// one file. `scripts/deps-graph.py` prints the same graph.
#[test]
fn no_file_depends_on_itself_through_others() {
    let graph = FileGraph::read(Path::new("src"));
    let cycles = graph.cycles();
    let report: Vec<String> = cycles
        .iter()
        .map(|component| {
            let cycle = graph.shortest_cycle(component);
            let files: Vec<String> = cycle.iter().map(|f| f.display().to_string()).collect();
            let members: Vec<String> = component.iter().map(|f| f.display().to_string()).collect();
            format!(
                "a cycle: {}\n  (files that reach one another: {})",
                files.join(" -> "),
                members.join(", ")
            )
        })
        .collect();
    assert!(
        cycles.is_empty(),
        "{} file-level cycles:\n{}",
        cycles.len(),
        report.join("\n")
    );
}

/// The graph sees the imports it must: a file that names another file's item depends on it,
/// through a re-export to the file that defines the item.
#[test]
fn the_file_graph_follows_imports_to_the_defining_file() {
    let graph = FileGraph::read(Path::new("src"));
    let edges = |file: &str| graph.edges[Path::new(file)].clone();
    let pack_load = edges("src/rules/pack/load.rs");
    // `use super::compiler::{Compiler, …}`, and `crate::rules::kinds::Registry`, re-exported
    // by `kinds/mod.rs` from `rules/kind.rs`.
    assert!(
        pack_load.contains(Path::new("src/rules/pack/compiler.rs")),
        "{pack_load:?}"
    );
    assert!(
        pack_load.contains(Path::new("src/rules/kind.rs")),
        "{pack_load:?}"
    );
    // `crate::rule_spec!`, a `#[macro_export]` macro defined in `rules/pack/schema.rs`.
    let existence = edges("src/rules/kinds/existence.rs");
    assert!(
        existence.contains(Path::new("src/rules/pack/schema.rs")),
        "{existence:?}"
    );
    // `pub use compiler::Compiler` is a name for others, not a use by `pack/mod.rs`.
    let pack = edges("src/rules/pack/mod.rs");
    assert!(
        !pack.contains(Path::new("src/rules/pack/compiler.rs")),
        "{pack:?}"
    );
}

/// `scripts/rustfmt-each.sh` judges every file on its own: files that `mod` lines reach (from
/// a `mod.rs`, from a `name.rs` beside a `name/` folder) pass when formatted, and an
/// unformatted file fails, named alone, whether a `mod` line reaches it or only a macro
/// declares it (which `cargo fmt` never visits).
#[test]
fn the_per_file_rustfmt_check_judges_each_file_alone() {
    let root = std::env::temp_dir().join(format!("copydesk-rustfmt-each-{}", std::process::id()));
    let files = [
        (
            "lib.rs",
            "mod child;\nmod folder;\nmod outer;\n\nmacro_rules! declare {\n    ($name:ident) => {\n        mod $name;\n    };\n}\n\ndeclare!(hidden);\n",
        ),
        ("child.rs", "pub fn child() {}\n"),
        ("folder/mod.rs", "mod leaf;\n"),
        ("folder/leaf.rs", "pub fn leaf() {}\n"),
        ("outer.rs", "mod inner;\n"),
        ("outer/inner.rs", "pub fn inner() {}\n"),
        ("hidden.rs", "pub fn hidden() {}\n"),
    ];
    for (name, text) in files {
        let path = root.join(name);
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("a temporary folder");
        std::fs::write(path, text).expect("a temporary file");
    }
    let check = || {
        let output = std::process::Command::new("bash")
            .arg("scripts/rustfmt-each.sh")
            .arg(&root)
            .output()
            .expect("bash runs the script");
        let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
        (output.status.code(), stdout)
    };
    let (status, stdout) = check();
    assert_eq!(status, Some(0), "formatted files fail: {stdout}");

    std::fs::write(root.join("hidden.rs"), "pub fn hidden( ) {}\n").expect("rewritten");
    let (status, stdout) = check();
    assert_eq!(status, Some(1), "{stdout}");
    assert!(stdout.contains("hidden.rs"), "{stdout}");
    assert!(
        !stdout.contains("lib.rs"),
        "the file declaring it is not at fault: {stdout}"
    );

    std::fs::write(root.join("hidden.rs"), "pub fn hidden() {}\n").expect("rewritten");
    std::fs::write(root.join("outer/inner.rs"), "pub fn inner( ) {}\n").expect("rewritten");
    let (status, stdout) = check();
    assert_eq!(status, Some(1), "{stdout}");
    assert!(stdout.contains("inner.rs"), "{stdout}");
    assert!(
        !stdout.contains("outer.rs") && !stdout.contains("lib.rs"),
        "{stdout}"
    );
    std::fs::remove_dir_all(&root).expect("the temporary folder is removed");
}

/// Checking reads no files: the article model, grounding, the rule kinds and the engine work
/// on the text they are given. Files are read by `input`, `config`, the pack loader
/// (`rules/pack`, through `Confinement`) and the `pipeline`, before any check runs.
#[test]
fn the_checking_code_reads_no_files() {
    let checking = [
        "src/article/",
        "src/grounding/",
        "src/rules/kinds/",
        "src/engine.rs",
    ];
    let mut problems = Vec::new();
    for (path, text) in sources() {
        let shown = path.display().to_string();
        if !checking.iter().any(|prefix| shown.starts_with(prefix)) {
            continue;
        }
        for (number, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            if ["std::fs", "fs::", "File::open", "OpenOptions"]
                .iter()
                .any(|api| code.contains(api))
            {
                problems.push(format!("{shown}:{}: {}", number + 1, line.trim()));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "checking code touches files:\n{}",
        problems.join("\n")
    );
}
