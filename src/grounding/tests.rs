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
