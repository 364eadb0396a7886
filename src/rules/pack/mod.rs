//! Rule packs: TOML files → a compiled [`RuleSet`](super::RuleSet).
//!
//! A pack is one TOML file with a `[pack]` header and one array of tables per rule kind
//! (`[[existence]]`, `[[preferred-term]]` …). Every problem — TOML syntax, an unknown key, a bad
//! regex, an unknown scope, a rule without examples — becomes a
//! [`LocatedError`](crate::located::LocatedError) in the file, and all of a pack's problems are
//! reported together.
//!
//! [`schema`] is what a pack file may say, [`load`] reads packs, [`validate`] checks the
//! fields every rule has, and
//! [`compiler`] is what a kind's `compile` function works with.

pub mod compiler;
pub mod load;
pub mod schema;
pub mod validate;

pub use compiler::Compiler;
pub use load::{load, load_registered, load_with};
pub use schema::{Common, PackHeader, enabled_by_default};

use crate::input::project::Confinement;
use std::path::{Path, PathBuf};

/// The pack compiled into the binary: every file under `rules/`, by its path.
pub const DEFAULT_PACK: &[(&str, &str)] = &[
    ("rules/core.toml", include_str!("../../../rules/core.toml")),
    (
        "rules/news/tone.toml",
        include_str!("../../../rules/news/tone.toml"),
    ),
    (
        "rules/news/clickbait.tsv",
        include_str!("../../../rules/news/clickbait.tsv"),
    ),
    (
        "rules/news/attribution.toml",
        include_str!("../../../rules/news/attribution.toml"),
    ),
    (
        "rules/news/quotations.toml",
        include_str!("../../../rules/news/quotations.toml"),
    ),
    (
        "rules/news/artifacts.toml",
        include_str!("../../../rules/news/artifacts.toml"),
    ),
    (
        "rules/news/loaded-wording.toml",
        include_str!("../../../rules/news/loaded-wording.toml"),
    ),
    (
        "rules/news/claims.toml",
        include_str!("../../../rules/news/claims.toml"),
    ),
    (
        "rules/news/voice.toml",
        include_str!("../../../rules/news/voice.toml"),
    ),
    (
        "rules/news/facts.toml",
        include_str!("../../../rules/news/facts.toml"),
    ),
    (
        "rules/news/grounding.toml",
        include_str!("../../../rules/news/grounding.toml"),
    ),
    (
        "rules/news/drift-words.tsv",
        include_str!("../../../rules/news/drift-words.tsv"),
    ),
    (
        "rules/spelling/us-uk-common.tsv",
        include_str!("../../../rules/spelling/us-uk-common.tsv"),
    ),
    (
        "rules/words/english.txt",
        include_str!("../../../rules/words/english.txt"),
    ),
];

/// Where a pack comes from.
#[derive(Debug, Clone)]
pub enum PackInput {
    /// A file of [`DEFAULT_PACK`]; its data files are looked up there too.
    Embedded {
        name: &'static str,
        text: &'static str,
    },
    /// A TOML file on disk; its data files are read relative to its folder, and only `within`.
    File { path: PathBuf, within: Confinement },
    /// A pack given as text (an editor integration, a fuzzer); it can name no data files.
    Text { name: String, text: String },
}

impl PackInput {
    /// The TOML files of the default pack.
    pub fn defaults() -> Vec<PackInput> {
        DEFAULT_PACK
            .iter()
            .filter(|(name, _)| name.ends_with(".toml"))
            .map(|&(name, text)| PackInput::Embedded { name, text })
            .collect()
    }

    /// A pack file given on the command line: it may name files anywhere in its project.
    pub fn file(path: &Path) -> PackInput {
        PackInput::File {
            path: path.to_path_buf(),
            within: Confinement::given(path),
        }
    }

    /// A path given on the command line (`--rules`, `copydesk test PACK`): a TOML file, or a
    /// folder whose `*.toml` files (recursively, in name order) are packs. They may name files
    /// anywhere in the project of that path, which holds the path itself.
    pub fn given(path: &Path) -> Result<Vec<PackInput>, String> {
        PackInput::from_path(path, &Confinement::given(path))
    }

    /// A TOML file or a folder of them, as [`given`](Self::given), whose packs may read only
    /// `within`: each pack file, links followed, and every file it names.
    pub fn from_path(path: &Path, within: &Confinement) -> Result<Vec<PackInput>, String> {
        let file = |path: PathBuf| PackInput::File {
            path,
            within: within.clone(),
        };
        if path.is_dir() {
            let mut files = Vec::new();
            collect_toml(path, &mut files)
                .map_err(|e| format!("cannot read rule folder {}: {e}", path.display()))?;
            files.sort();
            if files.is_empty() {
                return Err(format!("no .toml rule packs in {}", path.display()));
            }
            Ok(files.into_iter().map(file).collect())
        } else {
            Ok(vec![file(path.to_path_buf())])
        }
    }
}

/// The path of a fixture draft's expected output: `DRAFT.expected`.
pub fn expected_path(draft: &Path) -> PathBuf {
    let mut name = draft.as_os_str().to_owned();
    name.push(".expected");
    PathBuf::from(name)
}

fn collect_toml(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect_toml(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "toml") {
            out.push(path);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A run trusts the built-in packs, compiled into the binary, and skips the checks that
    /// would only build automata to throw away; here they are loaded from their files, as a
    /// user's pack is, with every check.
    #[test]
    fn embedded_packs_pass_every_check() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let inputs: Vec<PackInput> = DEFAULT_PACK
            .iter()
            .filter(|(name, _)| name.ends_with(".toml"))
            .map(|(name, _)| PackInput::file(&root.join(name)))
            .collect();
        if let Err(errors) = load(&inputs) {
            panic!("{errors:?}");
        }
    }

    #[test]
    fn the_default_pack_lists_every_file_under_rules() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut on_disk = Vec::new();
        let mut stack = vec![root.join("rules")];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    // Fixture drafts are read from disk by `copydesk test`, not embedded.
                    if !path.ends_with("fixtures") {
                        stack.push(path);
                    }
                } else if path
                    .extension()
                    .is_some_and(|e| e == "toml" || e == "tsv" || e == "txt")
                    && !path.to_string_lossy().ends_with("LICENSE.txt")
                {
                    on_disk.push(
                        path.strip_prefix(root)
                            .unwrap()
                            .to_string_lossy()
                            .replace('\\', "/"),
                    );
                }
            }
        }
        on_disk.sort();
        let mut embedded: Vec<String> = DEFAULT_PACK.iter().map(|(n, _)| n.to_string()).collect();
        embedded.sort();
        assert_eq!(
            on_disk, embedded,
            "update DEFAULT_PACK in src/rules/pack.rs"
        );
    }

    #[test]
    fn the_default_pack_loads() {
        let set = load(&PackInput::defaults()).unwrap_or_else(|e| panic!("{:?}", e.errors));
        assert!(!set.rules.is_empty());
    }
}
