//! The rule kinds, one file each. A kind's `//!` comment is its `copydesk explain` text, in
//! fixed sections: What it flags / Why / Example / Instead / Fix safety.
//!
//! Adding a kind: a file here with a `Spec` (declared with `rule_spec!`), a `KIND` and a
//! `compile` function; a line in [`KINDS`], in [`AnySpec`] and in the pack file struct
//! (`src/rules/pack.rs`); fixtures in `tests/kinds.rs`; rules using it in a pack. See
//! CONTRIBUTING.md.

pub mod attribution;
pub mod consistency;
pub mod duplicate_block;
pub mod existence;
pub mod first_reference;
pub mod glued_words;
pub mod headline_case;
pub mod headline_form;
pub mod length;
pub mod preferred_term;
pub mod quotation;
pub mod repetition;
pub mod source_fact;
pub mod source_quote;
pub mod spelling_system;
pub mod variants;

use super::Check;
use super::pack::{Common, Compiler};
use crate::article::BlockKind;

/// What the engine knows of a kind.
pub struct KindInfo {
    /// The kind's name: the TOML table name (`[[preferred-term]]`).
    pub name: &'static str,
    /// The blocks a rule reads when it names no `scope`.
    pub default_scope: &'static [BlockKind],
    /// The `{placeholders}` its messages may use.
    pub placeholders: &'static [&'static str],
    /// The kind's source file, whose `//!` comment is its documentation.
    pub source: &'static str,
}

impl KindInfo {
    /// The kind's documentation: its source file's leading `//!` comment, as Markdown.
    pub fn doc(&self) -> String {
        self.source
            .lines()
            .take_while(|line| line.starts_with("//!"))
            .map(|line| {
                line.trim_start_matches("//!")
                    .strip_prefix(' ')
                    .unwrap_or("")
            })
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// Every kind, in the order `copydesk rules` and the docs list them.
pub const KINDS: &[&KindInfo] = &[
    &existence::KIND,
    &preferred_term::KIND,
    &consistency::KIND,
    &spelling_system::KIND,
    &repetition::KIND,
    &length::KIND,
    &headline_form::KIND,
    &headline_case::KIND,
    &attribution::KIND,
    &quotation::KIND,
    &glued_words::KIND,
    &duplicate_block::KIND,
    &source_quote::KIND,
    &source_fact::KIND,
    &variants::KIND,
    &first_reference::KIND,
];

/// The text blocks of an article, where most rules look unless a pack says otherwise.
pub const PROSE: &[BlockKind] = &[
    BlockKind::Headline,
    BlockKind::Dek,
    BlockKind::Subhead,
    BlockKind::Paragraph,
    BlockKind::Caption,
];

/// A rule table of any kind, as read from a pack.
pub enum AnySpec {
    Existence(existence::Spec),
    PreferredTerm(preferred_term::Spec),
    Consistency(consistency::Spec),
    SpellingSystem(spelling_system::Spec),
    Repetition(repetition::Spec),
    Length(length::Spec),
    HeadlineForm(headline_form::Spec),
    HeadlineCase(headline_case::Spec),
    Attribution(attribution::Spec),
    Quotation(quotation::Spec),
    GluedWords(glued_words::Spec),
    DuplicateBlock(duplicate_block::Spec),
    SourceQuote(source_quote::Spec),
    SourceFact(source_fact::Spec),
    Variants(variants::Spec),
    FirstReference(first_reference::Spec),
}

impl AnySpec {
    pub fn common(&self) -> Common {
        match self {
            AnySpec::Existence(s) => s.common(),
            AnySpec::PreferredTerm(s) => s.common(),
            AnySpec::Consistency(s) => s.common(),
            AnySpec::SpellingSystem(s) => s.common(),
            AnySpec::Repetition(s) => s.common(),
            AnySpec::Length(s) => s.common(),
            AnySpec::HeadlineForm(s) => s.common(),
            AnySpec::HeadlineCase(s) => s.common(),
            AnySpec::Attribution(s) => s.common(),
            AnySpec::Quotation(s) => s.common(),
            AnySpec::GluedWords(s) => s.common(),
            AnySpec::DuplicateBlock(s) => s.common(),
            AnySpec::SourceFact(s) => s.common(),
            AnySpec::Variants(s) => s.common(),
            AnySpec::FirstReference(s) => s.common(),
            AnySpec::SourceQuote(s) => s.common(),
        }
    }

    pub fn kind(&self) -> &'static KindInfo {
        match self {
            AnySpec::Existence(_) => &existence::KIND,
            AnySpec::PreferredTerm(_) => &preferred_term::KIND,
            AnySpec::Consistency(_) => &consistency::KIND,
            AnySpec::SpellingSystem(_) => &spelling_system::KIND,
            AnySpec::Repetition(_) => &repetition::KIND,
            AnySpec::Length(_) => &length::KIND,
            AnySpec::HeadlineForm(_) => &headline_form::KIND,
            AnySpec::HeadlineCase(_) => &headline_case::KIND,
            AnySpec::Attribution(_) => &attribution::KIND,
            AnySpec::Quotation(_) => &quotation::KIND,
            AnySpec::GluedWords(_) => &glued_words::KIND,
            AnySpec::DuplicateBlock(_) => &duplicate_block::KIND,
            AnySpec::SourceFact(_) => &source_fact::KIND,
            AnySpec::Variants(_) => &variants::KIND,
            AnySpec::FirstReference(_) => &first_reference::KIND,
            AnySpec::SourceQuote(_) => &source_quote::KIND,
        }
    }

    /// Registers the rule's literals and patterns and builds its check; `None` after reporting
    /// errors to `compiler`.
    pub fn compile(&self, compiler: &mut Compiler<'_>) -> Option<Box<dyn Check>> {
        match self {
            AnySpec::Existence(s) => existence::compile(s, compiler),
            AnySpec::PreferredTerm(s) => preferred_term::compile(s, compiler),
            AnySpec::Consistency(s) => consistency::compile(s, compiler),
            AnySpec::SpellingSystem(s) => spelling_system::compile(s, compiler),
            AnySpec::Repetition(s) => repetition::compile(s, compiler),
            AnySpec::Length(s) => length::compile(s, compiler),
            AnySpec::HeadlineForm(s) => headline_form::compile(s, compiler),
            AnySpec::HeadlineCase(s) => headline_case::compile(s, compiler),
            AnySpec::Attribution(s) => attribution::compile(s, compiler),
            AnySpec::Quotation(s) => quotation::compile(s, compiler),
            AnySpec::GluedWords(s) => glued_words::compile(s, compiler),
            AnySpec::DuplicateBlock(s) => duplicate_block::compile(s, compiler),
            AnySpec::SourceFact(s) => source_fact::compile(s, compiler),
            AnySpec::Variants(s) => variants::compile(s, compiler),
            AnySpec::FirstReference(s) => first_reference::compile(s, compiler),
            AnySpec::SourceQuote(s) => source_quote::compile(s, compiler),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_documents_the_fixed_sections() {
        for kind in KINDS {
            let doc = kind.doc();
            for section in [
                "## What it flags",
                "## Why",
                "## Example",
                "## Instead",
                "## Fix safety",
            ] {
                assert!(
                    doc.contains(section),
                    "kind {} lacks `{section}`",
                    kind.name
                );
            }
        }
    }
}
