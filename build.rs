//! Build-time work a run should not repeat: the classifier weights files of the built-in pack
//! (`rules/**/*.tsv` with a `bias` line) become sorted tables in the binary, so a run looks
//! weights up without parsing 7,000 lines first. `Model::parse` stays the one reader a run uses
//! for any other weights file, and a test checks that each table here is what it reads.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    println!("cargo:rerun-if-changed=rules");
    let mut files = Vec::new();
    collect(Path::new("rules"), &mut files);
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
}

fn collect(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, files);
        } else if path.extension().is_some_and(|e| e == "tsv") {
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
