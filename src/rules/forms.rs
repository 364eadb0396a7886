//! Choosing between forms of one thing — variants of a consistency group, spellings of a
//! name — and flagging every use of a losing form. One article or a whole corpus is judged the
//! same way: the occurrences come in run order (article, then position).

use super::{Occurrence, RuleMeta, keep_case};
use crate::diagnostic::{Applicability, Diagnostic, Fix, Label, Severity};
use foldhash::{HashMap, HashMapExt};
use serde::Deserialize;

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

/// Flags the losing forms of every group in `occurrences` (sorted in run order). `preferred`
/// is the house form of every group, where the rule names one; else a group that uses a form
/// house style settles elsewhere in the rule set ([`RuleMeta::is_house_form`]) keeps to it.
/// Uses inside quotations are reported as info, with no fix, since quotations stay verbatim.
pub fn resolve(
    rule: &RuleMeta,
    occurrences: &[Occurrence],
    policy: Policy,
    preferred: Option<&str>,
    out: &mut Vec<Diagnostic>,
) {
    let mut groups: Vec<(&str, Vec<&Occurrence>)> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    for occurrence in occurrences {
        let slot = *index.entry(&occurrence.group).or_insert_with(|| {
            groups.push((&occurrence.group, Vec::new()));
            groups.len() - 1
        });
        groups[slot].1.push(occurrence);
    }
    for (_, uses) in groups {
        let deciding: Vec<&Occurrence> = uses.iter().copied().filter(|o| !o.quoted).collect();
        let Some(first) = deciding.first() else {
            continue;
        };
        if uses.iter().all(|o| o.form == first.form) {
            continue;
        }
        let preferred = preferred.or_else(|| {
            deciding
                .iter()
                .map(|o| o.form.as_str())
                .find(|form| rule.is_house_form(form))
        });
        // Across articles the run's order means nothing (file names decide it): the majority
        // wins there whatever the policy, and a tie is no verdict.
        let across_articles = uses.iter().any(|o| o.article != first.article);
        let Some(winner) = winner(preferred, policy, &deciding, across_articles) else {
            report_tie(rule, &uses, out);
            continue;
        };
        let uses_of = |form: &str| deciding.iter().filter(|o| o.form == form).count();
        let winner_uses = uses_of(winner);
        let first_winner = deciding.iter().find(|o| o.form == winner);
        let winner_text = first_winner.map_or(winner, |o| o.written.as_str());
        for loser in uses.iter().filter(|o| o.form != winner) {
            let written = &loser.written;
            let mut diagnostic = rule.diagnostic(
                loser.article,
                loser.span,
                format!("`{written}`"),
                &[("match", written), ("preferred", winner_text)],
            );
            if let Some(example) = first_winner {
                let why = match (preferred, example.article == loser.article) {
                    (Some(_), _) => format!("house style `{winner_text}` is used here"),
                    (None, true) => format!("first written `{winner_text}` here"),
                    (None, false) => format!("written `{winner_text}` in this article"),
                };
                diagnostic.secondary.push(Label {
                    article: example.article,
                    span: example.span,
                    message: why,
                });
            }
            if loser.quoted {
                diagnostic.severity = Severity::Info;
                diagnostic
                    .notes
                    .push("inside a quotation, which stays verbatim".to_owned());
            } else {
                // A name with inner capitals (al-Saadi, McDonald) is written exactly as it wins;
                // other words take the case of the text they replace (sentence starts).
                let replacement = if winner_text.chars().skip(1).any(char::is_uppercase) {
                    winner_text.to_owned()
                } else {
                    keep_case(written, winner_text)
                };
                let mut fix = Fix::safe(loser.span, replacement);
                // A fix that rewrites a form used as often as the winner is a choice, not a
                // correction: shown, not applied, unless a house form decides.
                if preferred.is_none() && uses_of(&loser.form) >= winner_uses {
                    fix.applicability = Applicability::Unsafe;
                }
                diagnostic.fix = Some(fix);
            }
            out.push(diagnostic);
        }
    }
}

/// The form that wins among `deciding` (in run order, not empty): the house form, else by
/// `policy` within one article, else the majority across articles; `None` for a tie across
/// articles.
fn winner<'o>(
    preferred: Option<&'o str>,
    policy: Policy,
    deciding: &[&'o Occurrence],
    across_articles: bool,
) -> Option<&'o str> {
    let first = deciding.first()?;
    match (preferred, policy) {
        (Some(form), _) => Some(form),
        (None, _) if across_articles => majority(deciding),
        (None, Policy::First) => Some(&first.form),
        (None, Policy::Majority) => {
            let count = |form: &str| deciding.iter().filter(|o| o.form == form).count();
            // Earlier forms win ties: scan in order of first use, keep strictly larger.
            let mut best = (first.form.as_str(), count(&first.form));
            for o in deciding {
                let n = count(&o.form);
                if n > best.1 {
                    best = (&o.form, n);
                }
            }
            Some(best.0)
        }
    }
}

/// The form most of `uses` take, if one form leads.
fn majority<'o>(uses: &[&'o Occurrence]) -> Option<&'o str> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for o in uses {
        *counts.entry(o.form.as_str()).or_default() += 1;
    }
    let top = counts.values().copied().max()?;
    let mut leaders = counts.iter().filter(|(_, n)| **n == top);
    let (form, _) = leaders.next()?;
    leaders.next().is_none().then_some(*form)
}

/// Forms used equally often across articles: an info finding on each use of every form but
/// the alphabetically first, with no fix, asking for a choice (the same whatever the order of
/// the files).
fn report_tie(rule: &RuleMeta, uses: &[&Occurrence], out: &mut Vec<Diagnostic>) {
    let Some(reference) = uses.iter().min_by(|a, b| a.form.cmp(&b.form)) else {
        return;
    };
    for o in uses.iter().filter(|o| o.form != reference.form) {
        let written = &o.written;
        let mut diagnostic = rule.diagnostic(
            o.article,
            o.span,
            format!("`{written}`"),
            &[("match", written), ("preferred", &reference.written)],
        );
        diagnostic.severity = Severity::Info;
        diagnostic.notes.push(
            "the forms are used equally often across the articles: choose one, or name the house form in `[style] preferred`"
                .to_owned(),
        );
        out.push(diagnostic);
    }
}
