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
