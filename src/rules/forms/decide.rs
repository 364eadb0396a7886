//! Reaching a group's verdict from its whole evidence.

use super::evidence::{Evidence, Shape};
use super::verdict::{Decision, Policy, Verdict, Winner};
use crate::rules::RuleMeta;
use foldhash::{HashMap, HashMapExt};

/// The verdict on a group from its whole `evidence`, or none when there is nothing to decide
/// (one form only, or only quoted uses). `preferred` is the rule's house form; else a form
/// house style settles elsewhere in the rule set ([`RuleMeta::is_house_form`]) wins. Across
/// articles the run's order means nothing (file names decide it): the majority wins there
/// whatever the policy, and a tie is no verdict but a [`Decision::Tie`].
pub fn verdict(
    rule: &RuleMeta,
    evidence: &Evidence,
    policy: Policy,
    preferred: Option<&str>,
) -> Option<Verdict> {
    let shapes = &evidence.shapes;
    let deciding: Vec<&Shape> = shapes.iter().filter(|s| !s.quoted).collect();
    let first = deciding
        .iter()
        .min_by_key(|s| (s.first.article, s.first.start))?;
    if shapes.iter().all(|s| s.form == first.form) {
        return None;
    }
    let house = preferred.or_else(|| {
        deciding
            .iter()
            .map(|s| s.form.as_str())
            .find(|form| rule.is_house_form(form))
    });
    let tally = tally(&deciding);
    let (first_article, last_article) = evidence.articles();
    let winner: &str = match (house, policy) {
        (Some(form), _) => form,
        (None, _) if first_article != last_article => match sole_leader(&tally) {
            Some(form) => form,
            None => return Some(tie(evidence)),
        },
        (None, Policy::First) => &first.form,
        (None, Policy::Majority) => leader_used_first(&tally),
    };
    let example = deciding.iter().find(|s| s.form == winner);
    let decision = Decision::Winner(Winner {
        form: winner.to_owned(),
        written: example.map_or(winner, |s| s.written.as_str()).to_owned(),
        house: house.is_some(),
        example: example.map(|s| s.first.clone()),
        uses: tally.iter().map(|&(f, n)| (f.to_owned(), n)).collect(),
    });
    Some(Verdict {
        rule: evidence.rule.clone(),
        group: evidence.group.clone(),
        decision,
    })
}

/// Each form's uses among `deciding` (in order of first use), forms in order of first use.
fn tally<'s>(deciding: &[&'s Shape]) -> Vec<(&'s str, u64)> {
    let mut forms: Vec<(&'s str, u64)> = Vec::new();
    let mut slot_of: HashMap<&str, usize> = HashMap::new();
    for shape in deciding {
        match slot_of.get(shape.form.as_str()) {
            Some(&slot) => forms[slot].1 += shape.uses,
            None => {
                slot_of.insert(&shape.form, forms.len());
                forms.push((&shape.form, shape.uses));
            }
        }
    }
    forms
}

/// The form used most; on a tie, the one used first.
fn leader_used_first<'s>(tally: &[(&'s str, u64)]) -> &'s str {
    let mut best: (&str, u64) = ("", 0);
    for &(form, uses) in tally {
        if uses > best.1 {
            best = (form, uses);
        }
    }
    best.0
}

/// The form used most, if no other is used as often.
fn sole_leader<'s>(tally: &[(&'s str, u64)]) -> Option<&'s str> {
    let top = tally.iter().map(|&(_, uses)| uses).max()?;
    let mut leaders = tally.iter().filter(|&&(_, uses)| uses == top);
    let &(form, _) = leaders.next()?;
    leaders.next().is_none().then_some(form)
}

/// The tie of a group's forms: the alphabetically first form, as first written anywhere
/// (quoted or not).
fn tie(evidence: &Evidence) -> Verdict {
    let reference = evidence
        .shapes
        .iter()
        .min_by(|a, b| {
            (a.form.as_str(), a.first.article, a.first.start).cmp(&(
                b.form.as_str(),
                b.first.article,
                b.first.start,
            ))
        })
        .map(|s| (s.form.clone(), s.written.clone()))
        .unwrap_or_default();
    Verdict {
        rule: evidence.rule.clone(),
        group: evidence.group.clone(),
        decision: Decision::Tie {
            form: reference.0,
            written: reference.1,
        },
    }
}
