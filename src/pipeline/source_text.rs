//! A source document given in memory: below the options that carry it and the readers that
//! make it.

/// A source document given in memory, to check drafts against.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceText {
    pub name: String,
    pub text: String,
}
