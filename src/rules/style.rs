//! The house style a configuration sets, which rule kinds read when packs are compiled.

use crate::located::ErrorFile;
use crate::span::Span;
use serde::Deserialize;
use std::collections::BTreeMap;

/// The house style a configuration sets; rule kinds read it when packs are compiled.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HouseStyle {
    pub spelling: Option<Spelling>,
    pub headline_case: Option<HeadlineStyle>,
    /// The house variant of each consistency rule, by rule id.
    pub preferred: BTreeMap<String, String>,
    /// The configuration file that set this style, to locate a value a rule rejects.
    pub origin: Option<StyleOrigin>,
}

/// Where a house style was written: the configuration file, and the span of each `preferred`
/// value by rule id.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StyleOrigin {
    pub file: ErrorFile,
    pub preferred_spans: BTreeMap<String, Span>,
}

/// A spelling system, as named in packs and config.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Spelling {
    Us,
    Uk,
}

impl Spelling {
    /// The system as an adjective: "the British spelling".
    pub fn adjective(self) -> &'static str {
        match self {
            Spelling::Us => "American",
            Spelling::Uk => "British",
        }
    }
}

/// The capitalisation of headlines and subheads a rule or the house asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum HeadlineStyle {
    Sentence,
    Title,
    /// Whatever most of the article's headings use.
    #[default]
    Consistent,
}
