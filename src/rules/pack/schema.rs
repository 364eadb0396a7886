//! What a pack file may say: the `[pack]` header and the fields every rule table has. Each
//! kind's own table is declared with [`rule_spec!`](crate::rule_spec), and the registry in
//! [`kinds`](crate::rules::kinds) gathers them into the pack file's schema.

use crate::article::BlockKind;
use crate::diagnostic::Severity;
use serde::Deserialize;
use toml::Spanned;

/// The `[pack]` table.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct PackHeader {
    pub name: String,
    #[serde(default)]
    pub description: String,
    /// Fixture drafts (files, or folders of `.txt` and `.md` files) relative to the pack,
    /// checked by `copydesk test` against `DRAFT.expected`.
    #[serde(default)]
    pub fixtures: Vec<Spanned<String>>,
}

/// The fields every rule table has; each kind's `Spec` is declared with [`rule_spec!`], which
/// adds these to the kind's own fields.
pub struct Common {
    pub id: Spanned<String>,
    /// Former ids of the rule: selections, severities and suppressions naming them still work.
    pub aliases: Vec<Spanned<String>>,
    pub severity: Severity,
    pub message: Spanned<String>,
    pub scope: Option<Vec<Spanned<BlockKind>>>,
    pub in_quotes: bool,
    pub help: Option<Spanned<String>>,
    pub rationale: String,
    pub must_fire: Vec<Spanned<String>>,
    pub must_not_fire: Vec<Spanned<String>>,
    pub preview: bool,
    pub enabled: bool,
    pub defers_to: Vec<Spanned<String>>,
    pub news_only: bool,
    pub unattributed: bool,
}

/// Rules run unless their table says `enabled = false`.
pub fn enabled_by_default() -> bool {
    true
}

/// Declares a kind's rule table: the common fields ([`Common`]) plus the kind's own.
#[macro_export]
macro_rules! rule_spec {
    ($(#[$attr:meta])* pub struct Spec { $($body:tt)* }) => {
        $(#[$attr])*
        #[derive(serde::Deserialize)]
        #[serde(deny_unknown_fields, rename_all = "kebab-case")]
        pub struct Spec {
            pub id: toml::Spanned<String>,
            #[serde(default)]
            pub aliases: Vec<toml::Spanned<String>>,
            #[serde(default)]
            pub severity: $crate::diagnostic::Severity,
            pub message: toml::Spanned<String>,
            #[serde(default)]
            pub scope: Option<Vec<toml::Spanned<$crate::article::BlockKind>>>,
            #[serde(default)]
            pub in_quotes: bool,
            #[serde(default)]
            pub help: Option<toml::Spanned<String>>,
            pub rationale: String,
            #[serde(default)]
            pub must_fire: Vec<toml::Spanned<String>>,
            #[serde(default)]
            pub must_not_fire: Vec<toml::Spanned<String>>,
            #[serde(default)]
            pub preview: bool,
            #[serde(default = "copydesk::rules::pack::enabled_by_default")]
            pub enabled: bool,
            #[serde(default)]
            pub defers_to: Vec<toml::Spanned<String>>,
            #[serde(default)]
            pub news_only: bool,
            #[serde(default)]
            pub unattributed: bool,
            $($body)*
        }

        impl Spec {
            pub fn common(&self) -> $crate::rules::pack::Common {
                $crate::rules::pack::Common {
                    id: self.id.clone(),
                    aliases: self.aliases.clone(),
                    severity: self.severity,
                    message: self.message.clone(),
                    scope: self.scope.clone(),
                    in_quotes: self.in_quotes,
                    help: self.help.clone(),
                    rationale: self.rationale.clone(),
                    must_fire: self.must_fire.clone(),
                    must_not_fire: self.must_not_fire.clone(),
                    preview: self.preview,
                    enabled: self.enabled,
                    defers_to: self.defers_to.clone(),
                    news_only: self.news_only,
                    unattributed: self.unattributed,
                }
            }
        }
    };
}
