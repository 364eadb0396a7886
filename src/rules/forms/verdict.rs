//! A group's verdict: which form wins, or that the forms tie ([`super::verdict`] reaches it).

use super::evidence::Place;
use serde::{Deserialize, Serialize};

/// How the winning form is chosen when no house form is named.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Policy {
    /// The form used first.
    #[default]
    First,
    /// The form used most often; on a tie, the one used first.
    Majority,
}

/// The verdict on one group of one rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Verdict {
    pub rule: String,
    pub group: String,
    pub decision: Decision,
}

/// What a verdict decides.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "decision")]
pub enum Decision {
    /// One form wins; every use of another is flagged.
    Winner(Winner),
    /// Forms used equally often across articles: every use of each form but `form` (the
    /// alphabetically first) asks for a choice.
    Tie { form: String, written: String },
}

/// The winning form of a group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Winner {
    pub form: String,
    /// The winner as first written (or the house form, where it is not used).
    pub written: String,
    /// Decided by house style (the rule's preferred form, or one settled elsewhere).
    pub house: bool,
    /// The first use of the winner, where there is one.
    pub example: Option<Place>,
    /// Each form and its uses outside quotations: a fix that rewrites a form used as often as
    /// the winner is a choice, not a correction.
    pub uses: Vec<(String, u64)>,
}
