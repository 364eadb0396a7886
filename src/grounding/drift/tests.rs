//! Drift comparisons on invented text, with the built-in pack's word lists.

use super::DriftKind;
use crate::article::{Article, Format};
use crate::grounding::Sources;

const WORDS: &str = include_str!("../../../rules/news/drift-words.tsv");

/// Each drift of `kind` in `draft` against `source`: the draft's words and the source's.
pub(super) fn drifts(kind: DriftKind, draft: &str, source: &str) -> Vec<(String, String)> {
    let words = super::words::parse(WORDS).expect("the built-in word lists parse");
    let source = format!("Source\n\n{source}\n");
    let sources = Sources::new(vec![Article::parse("source", source, Format::Plain)]);
    let article = Article::parse("draft", format!("Draft\n\n{draft}\n"), Format::Plain);
    let alignment = sources.align(&[0], &article);
    let reading = sources.drift_reading(&article, &alignment);
    sources
        .drifts(kind, &words, &article, &alignment, &reading)
        .into_iter()
        .map(|d| {
            (
                article.text(d.span).to_owned(),
                sources.text(d.doc, d.source).to_owned(),
            )
        })
        .collect()
}

/// Background sentences, so that the words of the compared sentence are rarer than in a
/// one-sentence source.
const AROUND: &str = "The council met in the town hall on Tuesday evening.\n\nResidents \
    filled the public gallery and many stood at the back.\n\nThe meeting ran past midnight.";

pub(super) fn with_background(paragraph: &str) -> String {
    format!("{paragraph}\n\n{AROUND}")
}

#[test]
fn an_attribution_dropped_is_found_with_its_source_words() {
    let source = with_background(
        "The pumping station will be replaced before the winter floods, council engineers said.",
    );
    let found = drifts(
        DriftKind::AttributionDropped,
        "The pumping station will be replaced before the winter floods.",
        &source,
    );
    assert_eq!(
        found,
        [(
            "The pumping station will be replaced before the winter floods".to_owned(),
            "council engineers said".to_owned()
        )]
    );
    for kept in [
        "Council engineers say the pumping station will be replaced before the winter floods.",
        "The pumping station will be replaced before the winter floods, according to engineers.",
    ] {
        assert_eq!(
            drifts(DriftKind::AttributionDropped, kept, &source),
            [],
            "{kept}"
        );
    }
}

#[test]
fn a_sentence_split_in_two_keeps_its_attribution_in_one_half() {
    let source = with_background(
        "Council engineers said the pumping station would be replaced before the winter \
         floods, and the old pumps would be sold to a museum in the county town.",
    );
    let draft = "Council engineers said the pumping station would be replaced before the winter \
        floods. The old pumps would be sold to a museum in the county town.";
    assert_eq!(drifts(DriftKind::AttributionDropped, draft, &source), []);
}

#[test]
fn a_stronger_verb_or_another_speaker_is_an_attribution_changed() {
    let source = with_background(
        "The ferry timetable will change in March to add a late crossing, Imogen Tarrant said.",
    );
    let changed = |draft: &str| drifts(DriftKind::AttributionChanged, draft, &source);
    assert_eq!(
        changed(
            "The ferry timetable will change in March to add a late crossing, Tarrant admitted."
        ),
        [(
            "Tarrant admitted".to_owned(),
            "Imogen Tarrant said".to_owned()
        )]
    );
    assert_eq!(
        changed("The ferry timetable will change in March to add a late crossing, Okonkwo said."),
        [("Okonkwo said".to_owned(), "Imogen Tarrant said".to_owned())]
    );
    for same in [
        "The ferry timetable will change in March to add a late crossing, said Ms Tarrant.",
        "Tarrant says the ferry timetable will change in March to add a late crossing.",
        "The ferry timetable will change in March to add a late crossing, she said.",
    ] {
        assert_eq!(changed(same), [], "{same}");
    }
    let confirmed = with_background(
        "The ferry timetable will change in March to add a late crossing, Imogen Tarrant \
         confirmed.",
    );
    let weaker = "The ferry timetable will change in March to add a late crossing, Tarrant said.";
    assert_eq!(
        drifts(DriftKind::AttributionChanged, weaker, &confirmed),
        []
    );
}

#[test]
fn a_hedge_dropped_is_found_unless_the_draft_hedges_in_its_own_way() {
    let source =
        with_background("The fire may have started in a storeroom behind the bakery on Mill Lane.");
    assert_eq!(
        drifts(
            DriftKind::HedgeDropped,
            "The fire started in a storeroom behind the bakery on Mill Lane.",
            &source
        )
        .into_iter()
        .map(|(_, theirs)| theirs)
        .collect::<Vec<_>>(),
        ["may"]
    );
    assert_eq!(
        drifts(
            DriftKind::HedgeDropped,
            "The fire could have started in a storeroom behind the bakery on Mill Lane.",
            &source
        ),
        []
    );
    let reported =
        with_background("The driver of the lorry reportedly fled towards the ring road on foot.");
    let attributed = "The driver of the lorry fled towards the ring road on foot, police said.";
    assert_eq!(drifts(DriftKind::HedgeDropped, attributed, &reported), []);
    let bare = "The driver of the lorry fled towards the ring road on foot.";
    assert_eq!(drifts(DriftKind::HedgeDropped, bare, &reported).len(), 1);
}

#[test]
fn a_hedge_in_a_clause_the_draft_does_not_take_is_left_alone() {
    let source = with_background(
        "The bakery on Mill Lane reopened on Saturday morning, though its storeroom may stay \
         shut until spring.",
    );
    let draft = "The bakery on Mill Lane reopened on Saturday morning.";
    assert_eq!(drifts(DriftKind::HedgeDropped, draft, &source), []);
}

#[test]
fn a_qualifier_dropped_or_of_another_sense_is_found() {
    let source = with_background(
        "The storm flooded at least 40 homes along the coast road near the old harbour.",
    );
    let changed = |draft: &str| drifts(DriftKind::QualifierChanged, draft, &source);
    assert_eq!(
        changed("The storm flooded 40 homes along the coast road near the old harbour."),
        [("40".to_owned(), "at least 40".to_owned())]
    );
    assert_eq!(
        changed("The storm flooded nearly 40 homes along the coast road near the old harbour."),
        [("nearly 40".to_owned(), "at least 40".to_owned())]
    );
    for same in [
        "The storm flooded more than 40 homes along the coast road near the old harbour.",
        "The storm flooded at least forty homes along the coast road near the old harbour.",
        "The storm flooded 41 homes along the coast road near the old harbour.",
    ] {
        assert_eq!(changed(same), [], "{same}");
    }
}

#[test]
fn a_denial_narrowed_or_no_longer_exclusive_is_a_qualifier_changed() {
    let source = with_background(
        "Two workers were hurt when the crane fell.\n\nNo other injuries were reported.",
    );
    assert_eq!(
        drifts(
            DriftKind::QualifierChanged,
            "No passenger injuries were reported.",
            &source
        ),
        [(
            "No passenger injuries".to_owned(),
            "No other injuries".to_owned()
        )]
    );
    assert_eq!(
        drifts(
            DriftKind::QualifierChanged,
            "No other injuries were reported.",
            &source
        ),
        []
    );
}

#[test]
fn amounts_that_are_not_figures_keep_their_qualifiers_too() {
    let source = with_background(
        "Investors lost about $180bn when the lender collapsed, and more than a dozen branches \
         closed within a week.",
    );
    let found = drifts(
        DriftKind::QualifierChanged,
        "Investors lost $180bn when the lender collapsed, and a dozen branches closed within a \
         week.",
        &source,
    );
    let theirs: Vec<&str> = found.iter().map(|(_, theirs)| theirs.as_str()).collect();
    assert_eq!(theirs, ["about $180bn", "more than a dozen"]);
}

#[test]
fn one_reading_of_the_article_serves_every_kind() {
    let source = with_background(
        "The pumping station will be replaced before the winter floods, council engineers \
         said.\n\nThe boathouse fire was possibly started deliberately, investigators \
         said.\n\nNearly 40 volunteers cleared the riverbank on Sunday morning, organisers said.",
    );
    let draft = "The pumping station will be replaced before the winter floods.\n\nThe boathouse \
        fire was started deliberately, investigators confirmed.\n\n40 volunteers cleared the \
        riverbank on Sunday morning, organisers said.";
    let words = super::words::parse(WORDS).expect("the built-in word lists parse");
    let sources = Sources::new(vec![Article::parse(
        "source",
        format!("Source\n\n{source}\n"),
        Format::Plain,
    )]);
    let article = Article::parse("draft", format!("Draft\n\n{draft}\n"), Format::Plain);
    let alignment = sources.align(&[0], &article);
    let reading = sources.drift_reading(&article, &alignment);
    let found = |kind| {
        sources
            .drifts(kind, &words, &article, &alignment, &reading)
            .into_iter()
            .map(|d| sources.text(d.doc, d.source).to_owned())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        found(DriftKind::AttributionDropped),
        ["council engineers said"]
    );
    assert_eq!(found(DriftKind::AttributionChanged), ["investigators said"]);
    assert_eq!(found(DriftKind::HedgeDropped), ["possibly"]);
    assert_eq!(found(DriftKind::QualifierChanged), ["Nearly 40"]);
}

#[test]
fn an_attribution_set_off_by_commas_or_before_its_clause_is_kept() {
    let source = with_background(
        "The pumping station beside the river will be replaced before the winter floods at a \
         cost of two million pounds, according to Ruth Abara.",
    );
    for kept in [
        // Set off by commas, it covers the whole sentence.
        "The pumping station beside the river will be replaced before the winter floods, Ruth \
         Abara said, at a cost of two million pounds.",
        // Named in an aside before its verb, and the verb leads its clause.
        "The engineer, Ruth Abara, said the station will be replaced (at a cost of two \
         million pounds) before the winter floods.",
    ] {
        assert_eq!(
            drifts(DriftKind::AttributionDropped, kept, &source),
            [],
            "{kept}"
        );
    }
}

#[test]
fn a_trailing_attribution_vouches_for_its_own_clause() {
    let source = with_background(
        "A lamp priced at 900 pounds drew complaints, but was a misprint, the shop said.",
    );
    let draft = "A lamp priced at 900 pounds drew complaints; the shop said it was a misprint.";
    assert_eq!(drifts(DriftKind::AttributionDropped, draft, &source), []);
}

#[test]
fn a_speaker_described_by_whose_they_are_may_be_named() {
    let source = with_background(
        "The ferry timetable will change in March to add a late crossing, his sister told \
         reporters.",
    );
    let draft = "Imogen Tarrant told reporters the ferry timetable will change in March to add \
        a late crossing.";
    assert_eq!(drifts(DriftKind::AttributionChanged, draft, &source), []);
}

#[test]
fn a_hedge_on_words_the_draft_does_not_state_is_left_alone() {
    let source = with_background(
        "Council officers are listing the car parks that might be suitable for market stalls. \
         Traders said parking in the town centre is scarce on Saturdays and the plan makes no \
         sense.",
    );
    let draft = "Traders warned that town centre parking is scarce on Saturdays, and that the plan \
        makes no sense in car parks.";
    assert_eq!(drifts(DriftKind::HedgeDropped, draft, &source), []);
    let dropped = "Council officers are listing the car parks that are suitable for market \
        stalls.";
    assert_eq!(drifts(DriftKind::HedgeDropped, dropped, &source).len(), 1);
}

#[test]
fn an_attribution_before_an_acronym_in_brackets_still_trails() {
    let source = with_background(
        "The harbour deficit shrank to four million pounds in October, according to the Office \
         for Harbour Statistics.",
    );
    let draft = "The harbour deficit shrank to four million pounds in October, according to the \
        Office for Harbour Statistics (OHS).";
    assert_eq!(drifts(DriftKind::AttributionDropped, draft, &source), []);
}

#[test]
fn the_last_of_a_list_of_speakers_is_not_the_speaker() {
    let source = with_background(
        "Six Atlantic ferry firms including Redline, Bluewater and Marsh Shipping said they would add \
         late crossings in March.",
    );
    let draft = "Six Atlantic ferry firms said they would add late crossings in March.";
    assert_eq!(drifts(DriftKind::AttributionChanged, draft, &source), []);
}

#[test]
fn no_longer_denies_nothing() {
    let source = with_background("The council no longer wants the harbour museum, officers said.");
    let draft = "The council no longer wants the loss-making harbour museum, officers said.";
    assert_eq!(drifts(DriftKind::QualifierChanged, draft, &source), []);
}

#[test]
fn add_up_to_is_a_total_not_a_ceiling() {
    let source = with_background(
        "Repairs to the sea wall could add up to four million pounds by 2030, engineers said.",
    );
    let draft = "Repairs to the sea wall could reach four million pounds by 2030, engineers said.";
    assert_eq!(drifts(DriftKind::QualifierChanged, draft, &source), []);
    let dropped = with_background(
        "Repairs to the sea wall will cost up to four million pounds by 2030, engineers said.",
    );
    let draft = "Repairs to the sea wall will cost four million pounds by 2030, engineers said.";
    assert_eq!(
        drifts(DriftKind::QualifierChanged, draft, &dropped).len(),
        1
    );
}

#[test]
fn examples_keep_the_doubt_of_a_hedge_on_what_might_be_included() {
    let source = with_background(
        "The council will offer help to flooded homes. This might include sandbags for the \
         doors or a grant towards new pumps.",
    );
    let draft = "The council will offer help to flooded homes, for example by handing out \
        sandbags for the doors or a grant towards new pumps.";
    assert_eq!(drifts(DriftKind::HedgeDropped, draft, &source), []);
    let stated = "The council will offer help to flooded homes, with sandbags for the doors \
        and a grant towards new pumps.";
    assert_eq!(drifts(DriftKind::HedgeDropped, stated, &source).len(), 1);
}

#[test]
fn a_company_reporting_its_results_vouches_for_no_claim() {
    let source = with_background(
        "Last year, the Harbour Bakery chain reported a 12% rise in pre-tax profits to \
         £4.2m, helped by its new cafes.",
    );
    let draft = "Pre-tax profits at the Harbour Bakery chain rose 12% to £4.2m last year, helped \
        by its new cafes.";
    assert_eq!(drifts(DriftKind::AttributionDropped, draft, &source), []);
    // A claim it makes is still its own.
    let claimed = with_background(
        "The Harbour Bakery chain said its new cafes would draw a million visitors next year.",
    );
    let stated = "The Harbour Bakery chain's new cafes will draw a million visitors next year.";
    assert_eq!(
        drifts(DriftKind::AttributionDropped, stated, &claimed).len(),
        1
    );
}

#[test]
fn who_puts_a_figure_somewhere_or_accuses_keeps_the_attribution() {
    let source = with_background(
        "Harbour officials have reported 31 damaged boats since the storm began on Friday.",
    );
    let draft = "Harbour officials put the number of damaged boats since the storm began on \
        Friday at 31.";
    assert_eq!(drifts(DriftKind::AttributionDropped, draft, &source), []);
    let accused = with_background(
        "The mayor has since accused the harbour board of hiding the cost of the new quay.",
    );
    let draft = "The mayor has since turned on the board, accusing it of hiding the cost of the \
        new quay.";
    assert_eq!(drifts(DriftKind::AttributionDropped, draft, &accused), []);
}

#[test]
fn a_hedge_before_a_name_names_it() {
    let source = with_background(
        "Backers of the so-called Harbour Charter gathered enough signatures for a vote.",
    );
    let draft = "Backers of the measure, known as the Harbour Charter, gathered enough signatures \
        for a vote.";
    assert_eq!(drifts(DriftKind::HedgeDropped, draft, &source), []);
}

#[test]
fn a_verb_of_saying_after_an_article_qualifies_a_figure() {
    let source = with_background("The harbour economy grew by an estimated 3.1% last year.");
    let draft = "Trade at the harbour grew an estimated 3.1% last year.";
    assert_eq!(drifts(DriftKind::AttributionChanged, draft, &source), []);
}

#[test]
fn an_allegation_is_still_someones() {
    let source = with_background(
        "The Harbour Gazette said the board had hidden the cost of the new quay from voters.",
    );
    let draft = "An inquiry followed a Harbour Gazette allegation that the board had hidden the \
        cost of the new quay from voters.";
    assert_eq!(drifts(DriftKind::AttributionDropped, draft, &source), []);
}
