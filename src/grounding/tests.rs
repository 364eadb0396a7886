use super::*;
use crate::article::Format;

fn sources(text: &str) -> Sources {
    Sources::new(vec![Article::parse("source.txt", text, Format::Plain)])
}

#[test]
fn verbatim_close_and_missing_quotations() {
    let s = sources(
        "Title\n\nThe command said the strike killed “a commander responsible for planning attacks on U.S. forces in the region.”\n",
    );
    let quote = |q: &str| {
        s.find_quote(
            &[0],
            &text::words(q).map(|w| &q[w.range()]).collect::<Vec<_>>(),
            0.3,
        )
    };
    assert!(matches!(
        quote("A commander responsible for planning attacks"),
        QuoteMatch::Verbatim { .. }
    ));
    match quote(
        "US forces struck a commander responsible for planning attacks on U.S. forces in the region",
    ) {
        QuoteMatch::Close { changes, .. } => {
            assert_eq!(changes, [Change::Added("US forces struck".to_owned())]);
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        quote("Nothing like this was ever said by anyone"),
        QuoteMatch::NotFound
    ));
}

#[test]
fn figures_dates_and_names() {
    assert_eq!(figure_value("1,200").as_deref(), Some("1200"));
    assert_eq!(figure_value("three").as_deref(), Some("3"));
    assert_eq!(figure_value("15th").as_deref(), Some("15"));
    assert_eq!(figure_value("Thursday"), None);
    let s = sources("Title\n\nThree soldiers died on Wednesday, March 5, said Antony Blinken.\n");
    assert!(s.has_figure(&[0], "3"));
    assert!(s.has_date(&[0], "march 5") && s.has_date(&[0], "wednesday"));
    assert!(!s.has_date(&[0], "march 15"));
    assert!(s.has_name(&[0], "Antony Blinken"));
    let draft = "Four soldiers died.";
    let spans: Vec<Span> = text::words(draft).collect();
    let four = &figures(draft, &spans)[0];
    assert_eq!(
        s.changed_figure(&[0], four).map(|(_, _, v)| v).as_deref(),
        Some("3")
    );
}

const HARBOUR_SOURCE: &str = "Harbour vote\n\nThe council approved the harbour budget on Monday after a short debate. Fishermen said the new quay would open in three weeks. The mayor, Dana Whitlock, called the vote a turning point for the town.\n";

fn aligned(draft: &str) -> (Sources, Article, Alignment) {
    let s = sources(HARBOUR_SOURCE);
    let article = Article::parse("draft.txt", draft, Format::Plain);
    let alignment = s.align(&[0], &article);
    (s, article, alignment)
}

#[test]
fn sentences_align_with_the_passage_they_come_from() {
    let (s, article, alignment) = aligned(
        "Quay vote\n\nAfter a short debate on Monday, the council approves the harbour budget. The new quay will open in 3 weeks, fishermen say. Protesters burned tyres outside the station and chanted slogans.\n",
    );
    let source: Vec<Span> = s.source_sentences(0).collect();
    assert_eq!(source.len(), 4, "the title and three sentences");
    let body: Vec<&AlignedSentence> = alignment.sentences.iter().filter(|a| !a.summary).collect();
    assert_eq!(body.len(), 3);
    let passage = |a: &AlignedSentence| a.support.passages[0].sentences.clone();
    assert_eq!(passage(body[0]), 1..2);
    assert!(body[0].support.coverage > 0.9, "{:?}", body[0].support);
    assert_eq!(passage(body[1]), 2..3);
    assert!(body[1].support.coverage > 0.9, "three and 3, say and said");
    assert!(body[2].support.coverage < 0.2, "{:?}", body[2].support);
    let unmatched: Vec<&str> = body[2]
        .support
        .unmatched
        .iter()
        .map(|&w| article.text(w))
        .collect();
    assert!(unmatched.contains(&"tyres") && unmatched.contains(&"chanted"));
    assert_eq!(body[2].clauses.len(), 2, "split at `and`");
    assert!(
        article
            .text(body[2].clauses[1].span)
            .starts_with("and chanted")
    );
    let at = alignment.sentence_at(body[1].span).map(|a| a.span);
    assert_eq!(at, Some(body[1].span));
    assert_eq!(
        s.text(0, source[2]),
        "Fishermen said the new quay would open in three weeks."
    );
}

#[test]
fn a_sentence_made_of_two_aligns_with_both() {
    let (_, _, alignment) = aligned(
        "Quay vote\n\nFishermen expect the new quay in three weeks; Dana Whitlock called the vote a turning point.\n",
    );
    let body = alignment
        .sentences
        .iter()
        .find(|a| !a.summary)
        .expect("a sentence");
    assert_eq!(body.support.passages[0].sentences, 2..4);
    assert!(body.support.coverage > 0.8, "{:?}", body.support);
}

#[test]
fn a_headline_is_judged_against_several_passages() {
    let (_, article, alignment) =
        aligned("Council backs harbour budget as Whitlock hails turning point\n\nText.\n");
    let headline = &alignment.sentences[0];
    assert!(headline.summary);
    assert!(headline.support.passages.len() >= 2);
    let unmatched: Vec<&str> = headline
        .support
        .unmatched
        .iter()
        .map(|&w| article.text(w))
        .collect();
    assert_eq!(
        unmatched,
        ["backs", "hails"],
        "the rest is in one passage or the other"
    );
}

#[test]
fn as_well_as_and_such_as_open_no_clause() {
    let (_, article, alignment) = aligned(
        "Quay vote\n\nFishermen as well as the mayor backed the budget, and boats such as trawlers will use the quay.\n",
    );
    let body = alignment
        .sentences
        .iter()
        .find(|a| !a.summary)
        .expect("a sentence");
    let clauses: Vec<&str> = body.clauses.iter().map(|c| article.text(c.span)).collect();
    assert_eq!(
        clauses,
        [
            "Fishermen as well as the mayor backed the budget",
            "and boats such as trawlers will use the quay"
        ]
    );
}

#[test]
fn a_quotation_aligns_with_the_passage_it_was_taken_from() {
    let (_, _, alignment) =
        aligned("Quay vote\n\n“A turning point for the town,” the mayor said.\n");
    let body = alignment
        .sentences
        .iter()
        .find(|a| !a.summary)
        .expect("a sentence");
    assert!(body.quoted_share > 0.5);
    assert_eq!(body.support.passages[0].sentences, 3..4);
}

#[test]
fn a_name_is_found_with_or_without_its_possessive() {
    let source = Article::parse(
        "source",
        "Talks stalled\n\nMayor Ruth Okafor said the bridge would reopen. Dana Whitlock’s report disagreed.\n",
        crate::article::Format::Plain,
    );
    let sources = Sources::new(vec![source]);
    assert!(sources.has_name(&[0], "Ruth Okafor's"));
    assert!(sources.has_name(&[0], "Dana Whitlock"));
    assert!(sources.has_name(&[0], "Dana Whitlock's"));
    assert!(!sources.has_name(&[0], "Ruth Whitlock's"));
    assert!(!sources.has_name(&[0], "Okafor Ruth"));
}

#[test]
fn a_word_the_passage_has_in_other_words_is_supported() {
    let s = sources(
        "Ferries\n\nPassengers could not distinguish the new ferries from the old ones. The \
         harbour opened a second ramp.\n",
    );
    let article = Article::parse(
        "draft.txt",
        "Ferries\n\nPassengers could not differentiate the new ferries from the old ones.\n",
        Format::Plain,
    );
    let alignment = s.align(&[0], &article);
    let body = alignment
        .sentences
        .iter()
        .find(|a| !a.summary)
        .expect("a body sentence");
    let unmatched: Vec<&str> = body
        .support
        .unmatched
        .iter()
        .map(|&w| article.text(w))
        .collect();
    assert!(unmatched.is_empty(), "{unmatched:?}");
    assert!(body.support.coverage > 0.8, "{:?}", body.support);
}
