//! The house style a configuration sets, which rule kinds read when packs are compiled.

use super::kinds::headline_case;
use super::kinds::spelling_system::System;
use crate::located::ErrorFile;
use crate::span::Span;
use std::collections::BTreeMap;

/// The house style a configuration sets; rule kinds read it when packs are compiled.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HouseStyle {
    pub spelling: Option<System>,
    pub headline_case: Option<headline_case::Style>,
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
