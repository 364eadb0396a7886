//! Flagging the uses of losing forms in the articles at hand, against the verdicts on their
//! groups (reached from the same articles, or from a whole corpus elsewhere).

use super::evidence::Evidence;
use super::evidence::Place;
use super::verdict::{Decision, Verdict, Winner};
use crate::diagnostic::{Diagnostic, Fix, Label, Severity};
use crate::rules::{CorpusCheck, Occurrence, RuleMeta, keep_case};
use crate::span::Span;
use foldhash::{HashMap, HashMapExt};

/// Flags every occurrence (one rule's, in run order) whose group has a verdict and whose form
/// lost. `local(place)` is the run's index of the article at `place`, when it is one of this
/// run's: the winner's first use is then a secondary label, else a note naming its article.
/// Uses inside quotations are reported as info, with no fix, since quotations stay verbatim.
pub fn report(
    rule: &RuleMeta,
    occurrences: &[Occurrence],
    verdicts: &[Verdict],
    local: &dyn Fn(&Place) -> Option<usize>,
    out: &mut Vec<Diagnostic>,
) {
    let mut decided: HashMap<&str, Decided<'_>> = HashMap::with_capacity(verdicts.len());
    for v in verdicts.iter().filter(|v| v.rule == rule.id) {
        let uses = match &v.decision {
            Decision::Winner(winner) => winner.uses.iter().map(|(f, n)| (f.as_str(), *n)).collect(),
            Decision::Tie { .. } => HashMap::new(),
        };
        decided.insert(&v.group, (&v.decision, uses));
    }
    if decided.is_empty() {
        return;
    }
    for o in occurrences {
        match decided.get(o.group.as_str()) {
            Some((Decision::Tie { form, written }, _)) if o.form != *form => {
                out.push(tied(rule, o, written));
            }
            Some((Decision::Winner(winner), uses)) if o.form != winner.form => {
                let uses_of = |form: &str| uses.get(form).copied().unwrap_or(0);
                // A fix that rewrites a form used as often as the winner is a choice, not a
                // correction: shown, not applied, unless a house form decides.
                let choice = !winner.house && uses_of(&o.form) >= uses_of(&winner.form);
                out.push(loser(rule, o, winner, choice, local));
            }
            _ => {}
        }
    }
}

/// A group's decision, and each form's uses outside quotations.
type Decided<'v> = (&'v Decision, HashMap<&'v str, u64>);

/// A use of a losing form; `choice`: its fix is shown, not applied.
fn loser(
    rule: &RuleMeta,
    o: &Occurrence,
    winner: &Winner,
    choice: bool,
    local: &dyn Fn(&Place) -> Option<usize>,
) -> Diagnostic {
    let winner_text = &winner.written;
    let written = &o.written;
    let mut diagnostic = flagged(rule, o, winner_text);
    if let Some(example) = &winner.example {
        match local(example) {
            Some(article) => {
                let why = match (winner.house, article == o.article) {
                    (true, _) => format!("house style `{winner_text}` is used here"),
                    (false, true) => format!("first written `{winner_text}` here"),
                    (false, false) => format!("written `{winner_text}` in this article"),
                };
                diagnostic.secondary.push(Label {
                    article,
                    span: Span {
                        start: example.start,
                        end: example.end,
                    },
                    message: why,
                });
            }
            None => diagnostic
                .notes
                .push(format!("written `{winner_text}` in {}", example.name)),
        }
    }
    if o.quoted {
        diagnostic.severity = Severity::Info;
        diagnostic
            .notes
            .push("inside a quotation, which stays verbatim".to_owned());
        return diagnostic;
    }
    // A name with inner capitals (al-Saadi, McDonald) is written exactly as it wins; other
    // words take the case of the text they replace (sentence starts).
    let replacement = if winner_text.chars().skip(1).any(char::is_uppercase) {
        winner_text.to_owned()
    } else {
        keep_case(written, winner_text)
    };
    diagnostic.fix = Some(if choice {
        Fix::needs_review(o.span, replacement)
    } else {
        Fix::safe(o.span, replacement)
    });
    diagnostic
}

/// The rule's finding on a use of a form that is not `preferred`.
fn flagged(rule: &RuleMeta, o: &Occurrence, preferred: &str) -> Diagnostic {
    let written = &o.written;
    rule.diagnostic(
        o.article,
        o.span,
        format!("`{written}`"),
        &[("match", written), ("preferred", preferred)],
    )
}

/// A use of a form tied with others across articles: info, no fix, asking for a choice.
fn tied(rule: &RuleMeta, o: &Occurrence, reference: &str) -> Diagnostic {
    let mut diagnostic = flagged(rule, o, reference);
    diagnostic.severity = Severity::Info;
    diagnostic.notes.push(
        "the forms are used equally often across the articles: choose one, or name the house form in `[style] preferred`"
            .to_owned(),
    );
    diagnostic
}

/// Judges the occurrences of one rule over one run (sorted in run order; article `i` is the
/// run's `i`th): gathers their evidence, asks the rule for its verdicts and reports the losing
/// forms.
pub fn judge(
    rule: &RuleMeta,
    check: &dyn CorpusCheck,
    occurrences: &[Occurrence],
    out: &mut Vec<Diagnostic>,
) {
    if occurrences.is_empty() {
        return;
    }
    let evidence = Evidence::gather(&rule.id, occurrences, &|i| (i as u64, ""));
    let verdicts = check.verdicts(rule, &evidence);
    report(
        rule,
        occurrences,
        &verdicts,
        &|place| Some(place.article as usize),
        out,
    );
}
