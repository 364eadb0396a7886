//! The rule kinds, one file each. A kind's `//!` comment is its `copydesk explain` text, in
//! fixed sections: What it flags / Why / Example / Instead / Fix safety.
//!
//! Adding a kind: a file here with a `Spec` (declared with `rule_spec!`), a `KIND` and a
//! `compile` function, one `pub mod` line below and one line in the registry list. See
//! CONTRIBUTING.md. What the kinds share (`KindInfo`, `PROSE` …) is in `rules/kind.rs`,
//! below every kind.

pub use super::kind::{KindInfo, PROSE, Registry, TITLE_CASE_LOWER};

pub mod attribution;
pub mod classifier;
pub mod consistency;
pub mod contradiction;
pub mod duplicate_block;
pub mod existence;
pub mod first_reference;
pub mod furniture;
pub mod glued_words;
pub mod headline_case;
pub mod headline_form;
pub mod length;
pub mod preferred_term;
pub mod quotation;
pub mod repetition;
pub mod source_drift;
pub mod source_fact;
pub mod source_quote;
pub mod source_sentence;
pub mod sourcing;
pub mod spelling_system;
pub mod variants;

// The built-in kinds: each line names a kind's module (declared above) and its variant in
// `AnySpec`, in the order `copydesk rules` and the docs list them.
crate::kind_registry! {
    existence => Existence,
    preferred_term => PreferredTerm,
    consistency => Consistency,
    spelling_system => SpellingSystem,
    repetition => Repetition,
    length => Length,
    headline_form => HeadlineForm,
    headline_case => HeadlineCase,
    classifier => Classifier,
    attribution => Attribution,
    sourcing => Sourcing,
    quotation => Quotation,
    glued_words => GluedWords,
    duplicate_block => DuplicateBlock,
    furniture => Furniture,
    source_quote => SourceQuote,
    source_fact => SourceFact,
    source_drift => SourceDrift,
    source_sentence => SourceSentence,
    variants => Variants,
    first_reference => FirstReference,
    contradiction => Contradiction,
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
