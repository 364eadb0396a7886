//! One source document, read like a draft, and what was gathered from it for the checks.

use super::changed;
use super::figures::Figure;
use crate::article::Article;
use crate::span::Span;
use foldhash::{HashMap, HashSet};

/// A word of a source: where it is and its interned, normalised form.
#[derive(Debug, Clone, Copy)]
pub(super) struct SourceWord {
    pub(super) span: Span,
    pub(super) id: u32,
}

/// One source document and what was gathered from it.
pub struct SourceDoc {
    pub article: Article,
    pub(super) words: Vec<SourceWord>,
    /// Where each word (by id) first appears in `words`.
    pub(super) first_of: HashMap<u32, usize>,
    /// Normalised figures (see [`super::figure_value`]).
    pub(super) figures: HashSet<String>,
    /// Every figure with the words around it, for changed-figure checks.
    pub(super) figure_list: Vec<Figure>,
    /// The figures by the words around them, indexed the first time a check asks.
    pub(super) figure_index: std::sync::OnceLock<changed::FigureIndex>,
    /// Month-and-day dates ("march 15") and weekdays ("wednesday").
    pub(super) dates: HashSet<String>,
    /// The words of the source in their own case, joined by single spaces and padded, so a
    /// name is found with one substring search.
    pub(super) joined: String,
    /// The suffixes of `joined`, sorted the first time a name is looked for: each name is
    /// then found by bisection, however long the source.
    pub(super) suffixes: std::sync::OnceLock<suffix::SuffixTable<'static, 'static>>,
}
