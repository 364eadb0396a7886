//! The rule kinds, one file each. A kind's `//!` comment is its `copydesk explain` text, in
//! fixed sections: What it flags / Why / Example / Instead / Fix safety.
//!
//! Adding a kind: a file here with a `Spec` (declared with `rule_spec!`), a `KIND` and a
//! `compile` function, and one line in the `kinds!` list below. See CONTRIBUTING.md.

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

/// The text blocks of an article, where most rules look unless a pack says otherwise.
pub const PROSE: &[BlockKind] = &[
    BlockKind::Headline,
    BlockKind::Dek,
    BlockKind::Subhead,
    BlockKind::Paragraph,
    BlockKind::Caption,
];

/// Words that title case leaves in lower case too (AP and Chicago agree on these).
pub const TITLE_CASE_LOWER: &[&str] = &[
    "a", "an", "the", "and", "but", "or", "nor", "for", "so", "yet", "as", "at", "by", "in", "of",
    "off", "on", "per", "to", "up", "v", "via", "vs", "from", "into", "onto", "with", "over",
];

/// A set of kinds that packs can use: their names, and how to read, describe and compile a
/// rule table of any of them. [`kind_registry!`](crate::kind_registry) implements it.
pub trait Registry: Sized {
    /// Every kind of the registry.
    const KINDS: &'static [&'static KindInfo];
    /// Reads a rule table of the kind named `kind`; `None` when no kind has that name.
    fn parse(
        kind: &str,
        table: toml::Spanned<toml::de::DeValue<'_>>,
    ) -> Option<Result<Self, toml::de::Error>>;
    /// The fields every rule has.
    fn common(&self) -> crate::rules::pack::Common;
    fn kind(&self) -> &'static KindInfo;
    /// Registers the rule's literals and patterns and builds its check; `None` after reporting
    /// errors to `compiler`.
    fn compile(
        &self,
        compiler: &mut crate::rules::pack::Compiler<'_>,
    ) -> Option<Box<dyn crate::rules::Check>>;
}

/// Generates the registry from a list of kinds: [`KINDS`] and [`AnySpec`], a rule table of any
/// of them, which implements [`Registry`]. [`kinds!`] calls it with the built-in kinds.
#[macro_export]
macro_rules! kind_registry {
    ($($module:ident => $variant:ident),* $(,)?) => {
        /// Every kind, in the order `copydesk rules` and the docs list them.
        pub const KINDS: &[&$crate::rules::kinds::KindInfo] = &[$(&$module::KIND),*];

        /// A rule table of any kind, as read from a pack.
        pub enum AnySpec {
            $($variant($module::Spec)),*
        }

        impl $crate::rules::kinds::Registry for AnySpec {
            const KINDS: &'static [&'static $crate::rules::kinds::KindInfo] = KINDS;

            fn parse(
                kind: &str,
                table: toml::Spanned<toml::de::DeValue<'_>>,
            ) -> Option<Result<Self, toml::de::Error>> {
                use serde::de::IntoDeserializer;
                $(
                    if kind == $module::KIND.name {
                        let spec = <$module::Spec as serde::Deserialize>::deserialize(
                            table.into_deserializer(),
                        );
                        return Some(spec.map(AnySpec::$variant));
                    }
                )*
                None
            }

            fn common(&self) -> $crate::rules::pack::Common {
                match self {
                    $(AnySpec::$variant(spec) => spec.common()),*
                }
            }

            fn kind(&self) -> &'static $crate::rules::kinds::KindInfo {
                match self {
                    $(AnySpec::$variant(_) => &$module::KIND),*
                }
            }

            fn compile(
                &self,
                compiler: &mut $crate::rules::pack::Compiler<'_>,
            ) -> Option<Box<dyn $crate::rules::Check>> {
                match self {
                    $(AnySpec::$variant(spec) => $module::compile(spec, compiler)),*
                }
            }
        }
    };
}

/// Declares the built-in kinds: each line is a kind's module (its file in this folder) and
/// the name of its variant in [`AnySpec`].
macro_rules! kinds {
    ($($module:ident => $variant:ident),* $(,)?) => {
        $(pub mod $module;)*
        kind_registry!($($module => $variant),*);
    };
}

// One line per kind, in the order `copydesk rules` and the docs list them.
kinds! {
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
    source_quote => SourceQuote,
    source_fact => SourceFact,
    source_drift => SourceDrift,
    source_sentence => SourceSentence,
    variants => Variants,
    first_reference => FirstReference,
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
