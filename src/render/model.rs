//! `copydesk dump-model`: the article model as a rule author needs to see it — each block's
//! kind, position and text, and the quotations inside it.

use crate::article::Article;
use crate::span::LineIndex;
use std::fmt::Write;

pub fn render(article: &Article) -> String {
    let index = LineIndex::new(&article.source);
    let position = |offset| {
        let (line, column) = index.line_col(offset);
        format!("{line}:{column}")
    };
    let mut out = format!("{} ({})\n", article.name, article.format.name());
    if !article.declared_sources.is_empty() {
        let _ = writeln!(out, "sources   {}", article.declared_sources.join(", "));
    }
    for (i, block) in article.blocks.iter().enumerate() {
        let _ = writeln!(
            out,
            "{:<9} {:>7}-{:<7} bytes {}..{}  {:?}",
            block.kind.name(),
            position(block.span.start),
            position(block.span.end),
            block.span.start,
            block.span.end,
            article.text(block.span),
        );
        for quote in article.quotes.iter().filter(|q| q.block == i) {
            let note = match (quote.unclosed, quote.continues) {
                (true, true) => " (runs on into the next paragraph)",
                (true, false) => " (not closed)",
                _ => "",
            };
            let _ = writeln!(
                out,
                "  quote   {:>7}  {:?}{note}",
                position(quote.span.start),
                article.text(quote.span)
            );
        }
        let sentences: Vec<_> = article.sentences(block).collect();
        if sentences.len() > 1 {
            let _ = writeln!(out, "  {} sentences", sentences.len());
        }
    }
    out
}
