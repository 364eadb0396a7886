//! Consistency judged across a corpus in parts, as a distributed job judges it: evidence
//! gathered part by part and merged, verdicts reached once, each part checked against them.
//! The findings are those of judging the whole corpus in one run (`--corpus`), however the
//! corpus is split and in whatever order the parts' evidence merges.

mod common;

use copydesk::pipeline::{ConfigChoice, DraftOrigin, Options, Planned, Session};
use copydesk::rules::forms::Evidence;
use std::collections::BTreeMap;

/// The sample drafts, and short articles whose spellings only the whole corpus decides.
fn articles() -> Vec<DraftOrigin> {
    let mut inputs: Vec<DraftOrigin> = std::fs::read_dir("corpus")
        .expect("corpus/")
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|e| e == "txt" || e == "md"))
        .map(|path| DraftOrigin::Text {
            name: path.file_name().unwrap().to_string_lossy().into_owned(),
            text: std::fs::read_to_string(&path).expect("a draft"),
            format: None,
        })
        .collect();
    let written = [
        "Iran-backed militia claims strike\n\nThe Iran-backed group fired rockets on Monday, officials said.\n",
        "Talks resume\n\nIran-backed factions joined the talks on Tuesday, a spokesman said.\n",
        "Militia leader killed\n\nAn Iranian-backed commander died in the strike, the army said.\n",
        "Envoy visits\n\nThe US envoy met the U.S. ambassador, officials said. Kataib Hezbollah said nothing.\n",
        "Strike condemned\n\nKata'ib Hezbollah condemned the strike, its spokesman said.\n",
    ];
    inputs.sort_by_key(DraftOrigin::name);
    inputs.extend(
        written
            .iter()
            .enumerate()
            .map(|(i, text)| DraftOrigin::Text {
                name: format!("wire-{i}.txt"),
                text: (*text).to_owned(),
                format: None,
            }),
    );
    inputs
}

fn session(corpus: bool) -> (Session, Vec<Planned>) {
    let options = Options {
        config: ConfigChoice::Isolated,
        corpus,
        ..Options::default()
    };
    Session::prepare(options, articles())
        .map(|(s, plan)| (s, plan.planned))
        .expect("rules load")
}

/// Every finding as text: article, span, rule, severity, message, fix.
fn findings(checked: &copydesk::pipeline::Checked) -> Vec<String> {
    let mut found: Vec<String> = checked
        .diagnostics
        .iter()
        .map(|d| {
            format!(
                "{} {:?} {} {:?} {} {:?}",
                checked.articles[d.primary.article].name,
                d.primary.span,
                d.rule,
                d.severity,
                d.message,
                d.fix.as_ref().map(|f| (&f.edits, f.applicability))
            )
        })
        .collect();
    found.sort();
    found
}

/// The findings of the corpus judged in `parts` (each a range of the articles), the parts'
/// evidence merged in `merge_order`.
fn in_parts(parts: &[std::ops::Range<usize>], reversed: bool) -> Vec<String> {
    let (session, planned) = session(true);
    let mut merged: BTreeMap<(String, String), Evidence> = BTreeMap::new();
    let mut order: Vec<&std::ops::Range<usize>> = parts.iter().collect();
    if reversed {
        order.reverse();
    }
    for part in order {
        let places: Vec<u64> = part.clone().map(|i| i as u64).collect();
        let (_, evidence) = session.gather_evidence(&planned[part.clone()], &places);
        for e in evidence {
            match merged.get_mut(&(e.rule.clone(), e.group.clone())) {
                Some(known) => known.merge(e),
                None => {
                    merged.insert((e.rule.clone(), e.group.clone()), e);
                }
            }
        }
    }
    let evidence: Vec<Evidence> = merged.into_values().collect();
    let verdicts = session.verdicts(&evidence);
    let mut found = Vec::new();
    for part in parts {
        let places: Vec<u64> = part.clone().map(|i| i as u64).collect();
        let checked = session.check_with_verdicts(&planned[part.clone()], &places, &verdicts);
        found.extend(findings(&checked));
    }
    found.sort();
    found
}

#[test]
fn a_corpus_judged_in_parts_gives_the_findings_of_one_run() {
    let (session, planned) = session(true);
    let whole = findings(&session.check(&planned, None));
    let (alone_session, alone_planned) = self::session(false);
    let alone = findings(&alone_session.check(&alone_planned, None));
    let across: Vec<&String> = whole.iter().filter(|f| !alone.contains(f)).collect();
    assert!(
        across.iter().any(|f| f.contains("Iranian-backed")),
        "the corpus decides a group no single article does: {across:#?}"
    );
    let n = planned.len();
    let whole_corpus: Vec<std::ops::Range<usize>> = std::iter::once(0..n).collect();
    for parts in [
        whole_corpus,
        vec![0..n / 2, n / 2..n],
        vec![0..3, 3..7, 7..n - 2, n - 2..n],
        (0..n).map(|i| i..i + 1).collect::<Vec<_>>(),
    ] {
        for reversed in [false, true] {
            assert_eq!(
                in_parts(&parts, reversed),
                whole,
                "parts {parts:?}, reversed {reversed}"
            );
        }
    }
}

#[test]
fn evidence_round_trips_through_json_and_merges_in_any_order() {
    let (session, planned) = session(true);
    let places: Vec<u64> = (0..planned.len() as u64).collect();
    let (_, evidence) = session.gather_evidence(&planned, &places);
    assert!(!evidence.is_empty());
    let text = serde_json::to_string(&evidence).expect("evidence is JSON");
    let back: Vec<Evidence> = serde_json::from_str(&text).expect("and back");
    assert_eq!(back, evidence);
    let verdicts = session.verdicts(&back);
    assert!(!verdicts.is_empty());
    let text = serde_json::to_string(&verdicts).expect("verdicts are JSON");
    assert_eq!(serde_json::from_str::<Vec<_>>(&text).ok(), Some(verdicts));
}
