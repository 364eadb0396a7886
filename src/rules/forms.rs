//! Choosing between forms of one thing — variants of a consistency group, spellings of a
//! name — and flagging every use of a losing form. One article or a whole corpus is judged the
//! same way: the occurrences come in run order (article, then position).

use super::{Occurrence, RuleMeta, keep_case};
use crate::diagnostic::{Diagnostic, Fix, Label, Severity};
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
        // Each form's uses, counted once: a group's cost stays linear in its uses.
        let tally = Tally::of(&deciding);
        // Across articles the run's order means nothing (file names decide it): the majority
        // wins there whatever the policy, and a tie is no verdict.
        let across_articles = uses.iter().any(|o| o.article != first.article);
        let winner: &str = match (preferred, policy) {
            (Some(form), _) => form,
            (None, _) if across_articles => match tally.sole_leader() {
                Some(form) => form,
                None => {
                    report_tie(rule, &uses, out);
                    continue;
                }
            },
            (None, Policy::First) => &first.form,
            (None, Policy::Majority) => tally.leader_used_first(),
        };
        let winner_uses = tally.uses_of(winner);
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
                // A fix that rewrites a form used as often as the winner is a choice, not a
                // correction: shown, not applied, unless a house form decides.
                let choice = preferred.is_none() && tally.uses_of(&loser.form) >= winner_uses;
                diagnostic.fix = Some(if choice {
                    Fix::needs_review(loser.span, replacement)
                } else {
                    Fix::safe(loser.span, replacement)
                });
            }
            out.push(diagnostic);
        }
    }
}

/// How often each form of a group is used, with the forms in order of first use.
struct Tally<'o> {
    /// Each form and its uses, in order of first use.
    forms: Vec<(&'o str, usize)>,
    /// Where each form is in `forms`.
    index: HashMap<&'o str, usize>,
}

impl<'o> Tally<'o> {
    fn of(uses: &[&'o Occurrence]) -> Self {
        let mut tally = Tally {
            forms: Vec::new(),
            index: HashMap::new(),
        };
        for o in uses {
            let slot = *tally.index.entry(o.form.as_str()).or_insert_with(|| {
                tally.forms.push((o.form.as_str(), 0));
                tally.forms.len() - 1
            });
            tally.forms[slot].1 += 1;
        }
        tally
    }

    fn uses_of(&self, form: &str) -> usize {
        self.index.get(form).map_or(0, |&slot| self.forms[slot].1)
    }

    /// The form used most; on a tie, the one used first.
    fn leader_used_first(&self) -> &'o str {
        let mut best: (&'o str, usize) = ("", 0);
        for &(form, uses) in &self.forms {
            if uses > best.1 {
                best = (form, uses);
            }
        }
        best.0
    }

    /// The form used most, if no other is used as often.
    fn sole_leader(&self) -> Option<&'o str> {
        let top = self.forms.iter().map(|&(_, uses)| uses).max()?;
        let mut leaders = self.forms.iter().filter(|&&(_, uses)| uses == top);
        let &(form, _) = leaders.next()?;
        leaders.next().is_none().then_some(form)
    }
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
