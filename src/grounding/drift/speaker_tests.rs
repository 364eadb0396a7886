//! Drift comparisons of speakers on invented text: who a draft and its source say said it.

use super::DriftKind;
use super::tests::{drifts, with_background};

#[test]
fn a_speaker_named_a_word_more_fully_is_the_same_speaker() {
    let source = with_background(
        "A survey for the Harbour Gazette newspaper suggests most traders back the new quay.",
    );
    let fuller = "A Marlow survey for the Harbour Gazette suggests most traders back the new quay.";
    assert_eq!(drifts(DriftKind::AttributionChanged, fuller, &source), []);
    let other = "A survey for the Valley Gazette newspaper suggests most traders back the new \
        quay.";
    assert_eq!(
        drifts(DriftKind::AttributionChanged, other, &source).len(),
        1
    );
}

#[test]
fn a_stronger_verb_the_source_has_as_a_participle_is_kept() {
    let source = with_background(
        "The ferry will stop running in March, the mayor said, acknowledging that islanders \
         would lose their only crossing.",
    );
    let draft = "The ferry will stop running in March, and islanders will lose their only \
        crossing, she acknowledged.";
    assert_eq!(drifts(DriftKind::AttributionChanged, draft, &source), []);
}

#[test]
fn a_speaker_the_source_describes_may_be_named_from_its_sentence() {
    let source = with_background(
        "Harbour Bakeries Ltd has settled with the council over the quay, the company said \
         on Tuesday.",
    );
    let named = "Harbour Bakeries Ltd said on Tuesday it has settled with the council over the \
        quay.";
    assert_eq!(drifts(DriftKind::AttributionChanged, named, &source), []);
    let other = "Valley Mills said on Tuesday that Harbour Bakeries Ltd has settled with the \
        council over the quay.";
    assert_eq!(
        drifts(DriftKind::AttributionChanged, other, &source).len(),
        1
    );
}

#[test]
fn a_country_and_its_demonym_are_one_speaker() {
    let source = with_background(
        "The Chinese state press has said the harbour deal will be signed in the spring.",
    );
    let changed = |draft: &str| drifts(DriftKind::AttributionChanged, draft, &source);
    assert_eq!(
        changed("The harbour deal will be signed in the spring, according to China's state press."),
        []
    );
    assert_eq!(
        changed("The harbour deal will be signed in the spring, according to Japan's state press.")
            .len(),
        1
    );
}

#[test]
fn a_quotation_after_the_verb_is_what_is_said_not_who() {
    let source = with_background(
        "Ann Hale, head of the harbour board, said: \u{201c}This summer (of record trade) was \
         far ahead of our forecasts and silenced the doubters.\u{201d}",
    );
    let draft = "Ann Hale, head of the harbour board, said the summer had been far ahead of the \
        board's forecasts and silenced the doubters.";
    assert_eq!(drifts(DriftKind::AttributionDropped, draft, &source), []);
}

#[test]
fn an_attribution_after_a_quotation_vouches_for_the_quotation_not_its_speaker() {
    // "…,” said Ann Hale, director of …": the speaker's description is the writer's own, and
    // a draft that tells who runs the inspections says nothing the speaker vouched for.
    let source = with_background(
        "Inspectors will check every pipe in the district before spring. \u{201c}We will find \
         every leak,\u{201d} said Ann Hale, director of the Northern Water Inspection Board \
         (NWIB).",
    );
    let draft = "The inspections are run by the Northern Water Inspection Board (NWIB).";
    assert_eq!(drifts(DriftKind::AttributionDropped, draft, &source), []);
}

#[test]
fn a_draft_that_still_names_the_speaker_keeps_the_attribution() {
    // The source's attribution is read as reaching past its clause; the draft's, after
    // "which", as its clause only. Both name the critics: nothing stands on its own.
    let source = with_background(
        "After weeks of angry meetings over a new parking plan critics say favours visitors, \
         the mayor opened the rebuilt market hall on Saturday.",
    );
    let draft = "The mayor opened the rebuilt market hall on Saturday, after weeks of angry \
        meetings over a new parking plan which critics argue favours visitors.";
    assert_eq!(drifts(DriftKind::AttributionDropped, draft, &source), []);
}

#[test]
fn a_speaker_whose_acronym_is_spelt_out_is_the_same() {
    let source = with_background(
        "The ferry will stop running in March, Ann Hale of the Harbour Users Association said.",
    );
    let changed = |draft: &str| drifts(DriftKind::AttributionChanged, draft, &source);
    assert_eq!(
        changed("The ferry will stop running in March, the HUA's Ann Hale said."),
        []
    );
    assert_eq!(
        changed("The ferry will stop running in March, the VFC's Ann Hale said.").len(),
        1
    );
}

#[test]
fn an_acronym_with_full_stops_is_spelt_out_too() {
    let source = with_background(
        "The United Nations ferry agency UNFA told reporters the harbour camp was full.",
    );
    let draft = "The harbour camp was full, the U.N. ferry agency UNFA told reporters.";
    assert_eq!(drifts(DriftKind::AttributionChanged, draft, &source), []);
}

#[test]
fn an_acronym_both_speakers_share_does_not_make_them_one() {
    let source = with_background(
        "U.S. Harbour Secretary Ann Hale said on Friday the harbour camp was full.",
    );
    let draft = "U.S. Harbour Secretary Ben Okafor said on Friday the harbour camp was full.";
    assert_eq!(
        drifts(DriftKind::AttributionChanged, draft, &source).len(),
        1
    );
}
