//! What the engine knows of a rule kind, and the registry of kinds packs can use. The kinds
//! themselves are in [`kinds`](super::kinds), one file each; this file is below all of them
//! (a kind reads it; it reads no kind).

use crate::article::BlockKind;

/// What the engine knows of a kind.
pub struct KindInfo {
    /// The kind's name: the TOML table name (`[[preferred-term]]`).
    pub name: &'static str,
    /// The blocks a rule reads when it names no `scope`.
    pub default_scope: &'static [BlockKind],
    /// The `{placeholders}` its messages may use.
    pub placeholders: &'static [&'static str],
    /// The text of the kind's Rust file, whose `//!` comment is its documentation.
    pub rust_file: &'static str,
}

impl KindInfo {
    /// The kind's documentation: its Rust file's leading `//!` comment, as Markdown.
    pub fn doc(&self) -> String {
        self.rust_file
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

/// Generates the registry from a list of kinds: `KINDS` and `AnySpec`, a rule table of any
/// of them, which implements [`Registry`]. `src/rules/kinds/mod.rs` calls it
/// with the built-in kinds.
#[macro_export]
macro_rules! kind_registry {
    ($($module:ident => $variant:ident),* $(,)?) => {
        /// Every kind, in the order `copydesk rules` and the docs list them.
        pub const KINDS: &[&$crate::rules::kind::KindInfo] = &[$(&$module::KIND),*];

        /// A rule table of any kind, as read from a pack.
        pub enum AnySpec {
            $($variant($module::Spec)),*
        }

        impl $crate::rules::kind::Registry for AnySpec {
            const KINDS: &'static [&'static $crate::rules::kind::KindInfo] = KINDS;

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

            fn kind(&self) -> &'static $crate::rules::kind::KindInfo {
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
