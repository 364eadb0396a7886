//! copydesk: an editorial linter for news writing.
//!
//! The path data takes, one module per arrow:
//! [`input`] (walk and decode) → [`article`] (the model) → [`rules`] (packs compiled into a
//! [`rules::RuleSet`]) → [`engine`] (check articles in parallel) → [`diagnostic`] → [`render`],
//! with [`pipeline`] running those steps for every front end ([`cli`], [`lsp`], [`serve`]).
//!
//! The modules in layers, top to bottom. A module imports only from layers below its own
//! (`tests/structure.rs` checks every `use crate::…` line):
//!
//! 1. [`cli`] — the command line
//! 2. [`lsp`], [`serve`], [`pack_test`] — the language server (`copydesk lsp`), the HTTP API
//!    (`copydesk serve`), rule examples and pack fixtures checked as `check` does (`copydesk test`)
//! 3. [`pipeline`] — gather, prepare, check, fix: the library API every front end calls
//! 4. [`train`] — fitting a classifier's weights (`copydesk train`)
//! 5. [`render`] — human, concise, JSON, SARIF, GitHub, statistics, the model, explanations
//! 6. [`config`] — `copydesk.toml` and the profiles it makes of the rules
//! 7. [`engine`], [`fix`], [`suppress`] — running rules, applying fixes, suppressions
//! 8. [`rules`] — kinds, packs, the combined matcher, house style
//! 9. [`grounding`] — source documents and what drafts are checked against in them
//! 10. [`input`] — finding and decoding files, and the project a path written in one may not leave
//! 11. [`article`] — the article model
//! 12. [`diagnostic`], [`located`] — findings, and errors located in user files
//! 13. [`span`] — byte spans and line indexes
//!
//! # Architecture invariants
//!
//! Each holds today and each is checked; the check is named.
//!
//! - **Architecture invariant: layers point down.** A module imports only from layers below
//!   its own in the list above. `tests/structure.rs`
//!   (`every_module_has_a_layer_and_imports_only_from_below`).
//! - **Architecture invariant: no file depends on itself through other files.** A file names
//!   the items of files that do not name it back, directly or around a loop, so each file can
//!   be read knowing only the files below it. What a module's files share lives in a leaf
//!   (`rules/kind.rs` under every kind, `article/block.rs` under every parser,
//!   `article/attribution/clause.rs` under both speaker walks); a `mod.rs` may re-export it. A
//!   `pub use` is a name for others, declaring a module is not using it, and `#[cfg(test)]`
//!   code may reach anywhere. `tests/structure.rs` (`no_file_depends_on_itself_through_others`,
//!   reading the graph with syn) and `scripts/deps-graph.py` (an independent reading, in
//!   `.ci/run`), which prints the graph and its number of cycles: 0.
//! - **Architecture invariant: checking reads no files.** The article model, grounding, the
//!   rule kinds and the engine work on the text they are handed; files are read before any
//!   check, by [`input`], [`config`], the pack loader and the [`pipeline`]. A path written in
//!   a file a stranger can change resolves inside the project (`Confinement::resolve`).
//!   `tests/structure.rs` (`the_checking_code_reads_no_files`); `tests/paths.rs`.
//! - **Architecture invariant: a rule kind is one file and two lines.** Its file in
//!   `src/rules/kinds/` (spec, `KIND`, `compile`, check, and the `//!` text `copydesk explain`
//!   shows), one `pub mod` line and one registry line in `src/rules/kinds/mod.rs`; packs, the
//!   docs and `explain` find it through the registry. `tests/registry.rs` (a kind registered by
//!   one line from outside the crate loads and fires); the tests that walk every registered
//!   kind: its doc sections (`rules/kinds/mod.rs`), its README row (`tests/docs.rs`), its
//!   adversarial input (`tests/scaling.rs`).
//! - **Architecture invariant: checking never panics on what a user writes.** Any text, in
//!   every input format, parses and checks with every finding on character boundaries.
//!   `tests/properties.rs` (`any_text_parses_and_checks_with_sound_spans`); the fuzz targets in
//!   `fuzz/` (built by `.ci/run`, run with `cargo fuzz`).
//! - **Architecture invariant: a fix changes the bytes it fixes and nothing else.**
//!   `tests/lossless.rs`.
//! - **Architecture invariant: every file is formatted and small.** Every `.rs` file passes
//!   `rustfmt --check` on its own, reached by a `mod` line or not (`scripts/rustfmt-each.sh`,
//!   in `.ci/run`); no file in `src/` is over 500 lines and no function over 100
//!   (`tests/structure.rs`, `files_and_functions_stay_small`).

// `rule_spec!` names a serde default by a path that must resolve inside this crate too.
extern crate self as copydesk;

pub mod cli;
pub mod lsp;
pub mod pack_test;
pub mod pipeline;
pub mod serve;

pub mod train;

pub mod render;

pub mod config;

pub mod engine;
pub mod fix;
pub mod suppress;

pub mod rules;

pub mod grounding;

pub mod input;

pub mod article;

pub mod diagnostic;
pub mod located;

pub mod span;
