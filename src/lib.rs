//! copydesk: an editorial linter for news writing.
//!
//! The path data takes, one module per arrow:
//! [`input`] (walk and decode) → [`article`] (the model) → [`rules`] (packs compiled into a
//! [`rules::RuleSet`]) → [`engine`] (check articles in parallel) → [`diagnostic`] → [`render`].

pub mod article;
pub mod cli;
pub mod config;
pub mod diagnostic;
pub mod engine;
pub mod fix;
pub mod grounding;
pub mod input;
pub mod pack_test;
pub mod render;
pub mod rules;
pub mod span;
pub mod suppress;
