use super::*;

/// Each block's kind and text, for asserting a model.
pub(super) fn kinds(article: &Article) -> Vec<(BlockKind, &str)> {
    article
        .blocks
        .iter()
        .map(|b| (b.kind, article.text(b.span)))
        .collect()
}

#[test]
fn cached_words_match_words_split_on_the_spot() {
    let source = "Mayor’s plan: U.S.-backed deal\n\nThe e-mail said “don't go.” Then Kata’ib Hezbollah spoke.\n";
    let article = Article::parse("t.txt", source, Format::Plain);
    for block in &article.blocks {
        for unit in article
            .sentences(block)
            .chain([block.span])
            .chain(article.quotes.iter().map(|q| q.span))
        {
            let cached: Vec<Span> = article.words(unit).collect();
            let direct: Vec<Span> = text::words(article.text(unit))
                .map(|w| w.shift(unit.start))
                .collect();
            assert_eq!(cached, direct, "{:?}", article.text(unit));
        }
    }
}

#[test]
fn block_at_and_in_quote_find_by_offset() {
    let article = Article::parse(
        "t.txt",
        "Mayor opens bridge\n\nThe mayor said “it is open” today.\n",
        Format::Plain,
    );
    assert_eq!(
        kinds(&article),
        [
            (BlockKind::Headline, "Mayor opens bridge"),
            (BlockKind::Paragraph, "The mayor said “it is open” today.")
        ]
    );
    let open = article.contents.find("open”").unwrap();
    assert!(article.in_quote(Span::new(open, open + 4)));
    let today = article.contents.find("today").unwrap();
    assert!(!article.in_quote(Span::new(today, today + 5)));
    assert_eq!(article.block_at(Span::new(today, today + 5)), Some(1));
}
