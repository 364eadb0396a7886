//! Build-time work a run should not repeat:
//! - the classifier weights files of the built-in pack (`rules/**/*.tsv` with a `bias` line)
//!   become sorted tables in the binary, so a run looks weights up without parsing 7,000 lines
//!   first. `Model::parse` stays the one reader a run uses for any other weights file, and a
//!   test checks that each table here is what it reads;
//! - the regexes of the built-in pack (`patterns`, `trigger-patterns` and `support-patterns` in
//!   `rules/**/*.toml`) get their gates ([`gate`] and [`pattern`], the matcher's own code), so loading the pack
//!   parses none of them; a test checks each against the gate of the parsed pattern.

#[path = "src/rules/matcher/gate.rs"]
mod gate;
#[path = "src/rules/matcher/pattern.rs"]
mod pattern;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    println!("cargo:rerun-if-changed=rules");
    let mut files = Vec::new();
    collect_with(Path::new("rules"), "tsv", &mut files);
    files.sort();
    let mut out = String::from(
        "/// The weights files of the built-in pack, as sorted tables (made by `build.rs`).\n\
         /// Trained weights are data: one that happens to be near a constant is not that constant.\n\
         #[allow(clippy::approx_constant)]\n\
         pub static COMPILED_WEIGHTS: &[CompiledWeights] = &[\n",
    );
    for path in files {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let Some((bias, mut weights)) = weights_of(&text) else {
            continue;
        };
        weights.sort_by(|a, b| a.0.cmp(&b.0));
        let name = path.to_string_lossy().replace('\\', "/");
        let _ = writeln!(
            out,
            "    CompiledWeights {{ file: {name:?}, bias: {bias:?}, weights: &["
        );
        for (key, weight) in weights {
            let _ = writeln!(out, "        ({key:?}, {weight:?}),");
        }
        out.push_str("    ] },\n");
    }
    out.push_str("];\n");
    let target = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(target.join("compiled_weights.rs"), out).expect("OUT_DIR is writable");
    std::fs::write(target.join("built_in_gates.rs"), built_in_gates())
        .expect("OUT_DIR is writable");
}

/// The keys whose strings are regexes, in every kind of the built-in pack.
const PATTERN_KEYS: &[&str] = &["patterns", "trigger-patterns", "support-patterns"];

/// `BUILT_IN_GATES`: every regex of the built-in pack's TOML files, with either case setting,
/// and its gate, sorted by pattern and setting for a binary search.
fn built_in_gates() -> String {
    let mut files = Vec::new();
    collect_with(Path::new("rules"), "toml", &mut files);
    let mut patterns = Vec::new();
    for path in files {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        // A pack that does not parse is reported when it is loaded, not here.
        if let Ok(table) = text.parse::<toml::Table>() {
            patterns_in(&toml::Value::Table(table), &mut patterns);
        }
    }
    let mut entries: Vec<(String, bool)> = patterns
        .into_iter()
        .flat_map(|p| [(p.clone(), false), (p, true)])
        .collect();
    entries.sort();
    entries.dedup();
    let mut out = String::from(
        "/// The built-in pack's regexes and their gates (made by `build.rs`).\n\
         pub static BUILT_IN_GATES: &[BuiltInGate] = &[\n",
    );
    for (pattern, case_insensitive) in entries {
        // The matcher's own parse, so the gate is read from the very pattern a run compiles;
        // a bad pattern is left to the loader, which reports it.
        let Ok(hir) = pattern::parse(&pattern, case_insensitive) else {
            continue;
        };
        let (literals, any_case) = match gate::gate(&hir) {
            Some(gate) => (format!("Some(&{:?})", gate.literals), gate.any_case),
            None => ("None".to_owned(), false),
        };
        let _ = writeln!(
            out,
            "    BuiltInGate {{ pattern: {pattern:?}, case_insensitive: {case_insensitive}, literals: {literals}, any_case: {any_case} }},"
        );
    }
    out.push_str("];\n");
    out
}

fn patterns_in(value: &toml::Value, out: &mut Vec<String>) {
    match value {
        toml::Value::Table(table) => {
            for (key, value) in table {
                match value {
                    toml::Value::Array(items) if PATTERN_KEYS.contains(&key.as_str()) => {
                        out.extend(items.iter().filter_map(|i| i.as_str().map(str::to_owned)))
                    }
                    _ => patterns_in(value, out),
                }
            }
        }
        toml::Value::Array(items) => items.iter().for_each(|item| patterns_in(item, out)),
        _ => {}
    }
}

/// Every file under `dir` whose extension is `extension`.
fn collect_with(dir: &Path, extension: &str, files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_with(&path, extension, files);
        } else if path.extension().is_some_and(|e| e == extension) {
            files.push(path);
        }
    }
}

/// A weights file's bias and features, if it is one: `#` comment lines, `bias<TAB>weight`,
/// `feature<TAB>weight`. Anything else leaves the file to be read at run time, where its
/// errors are reported.
fn weights_of(text: &str) -> Option<(f64, Vec<(String, f64)>)> {
    let mut bias = None;
    let mut weights = Vec::new();
    for line in text.lines() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let (key, value) = line.split_once('\t')?;
        let value: f64 = value.trim().parse().ok()?;
        match key {
            "bias" => bias = Some(value),
            _ => weights.push((key.to_owned(), value)),
        }
    }
    Some((bias?, weights))
}
