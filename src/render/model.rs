//! `copydesk dump-model`: the article model as a rule author needs to see it — each block's
//! kind, position and text, and the quotations inside it.

use crate::article::Article;
use crate::article::attribution::QuoteSource;
use crate::span::LineIndex;
use std::fmt::Write;

pub fn render(article: &Article) -> String {
    let index = LineIndex::new(&article.contents);
    let position = |offset| {
        let (line, column) = index.line_col(offset);
        format!("{line}:{column}")
    };
    let mut out = header(article, &position);
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
        let sourcing = article.attribution();
        for (quote, source) in article
            .quotes
            .iter()
            .zip(&sourcing.quotes)
            .filter(|(q, _)| q.block == i)
        {
            if quote.nickname {
                let _ = writeln!(
                    out,
                    "  nickname {:>6}  {:?}: in a name, nobody's words",
                    position(quote.span.start),
                    article.text(quote.span)
                );
                continue;
            }
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
            let _ = writeln!(out, "          said by {}", speaker(article, source));
        }
        for claim in sourcing
            .claims
            .iter()
            .filter(|c| block.span.contains(c.span))
        {
            let vouched = match (claim.vouched, claim.cue) {
                (Some(how), Some(cue)) => format!("vouched by {:?} ({how:?})", article.text(cue)),
                _ => "nothing vouches for it".to_owned(),
            };
            let _ = writeln!(
                out,
                "  claim   {:>7}  {} {:?}: {vouched}",
                position(claim.span.start),
                claim.kind.name(),
                article.text(claim.span)
            );
        }
        for source in sourcing
            .anonymous
            .iter()
            .filter(|a| block.span.contains(a.span))
        {
            let reason = match (source.reason, source.explained_before, source.named_later) {
                (Some(reason), _, _) => format!("reason {:?}", article.text(reason)),
                (None, Some(_), _) => "explained earlier in the article".to_owned(),
                (None, None, Some(named)) => format!("named later {:?}", article.text(named)),
                (None, None, None) => "no reason given".to_owned(),
            };
            let says = if source.opinion {
                "; a view or an accusation"
            } else {
                ""
            };
            let who = if source.described { "; described" } else { "" };
            let _ = writeln!(
                out,
                "  unnamed {:>7}  {:?}: {reason}{says}{who}",
                position(source.span.start),
                article.text(source.span)
            );
        }
        super::facts::describe(article, i, &position, &mut out);
        let sentences: Vec<_> = article.sentences(block).collect();
        if sentences.len() > 1 {
            let _ = writeln!(out, "  {} sentences", sentences.len());
        }
    }
    out
}

/// A quotation's speaker as `dump-model` shows it: who, by which cue, and how it was found.
fn speaker(article: &Article, source: &QuoteSource) -> String {
    let mut said = match source.speaker {
        Some(speaker) => format!("{:?}", article.text(speaker)),
        None => "nobody named".to_owned(),
    };
    if let Some(referent) = source.refers_to {
        let _ = write!(said, " (= {:?})", article.text(referent));
    }
    if let Some(cue) = source.cue {
        let _ = write!(said, ", cue {:?}", article.text(cue));
    }
    let _ = write!(said, ": {}", source.how.name());
    said
}

/// The article's name and format, the sources it names and the label it carries.
fn header(article: &Article, position: &dyn Fn(usize) -> String) -> String {
    let mut out = format!("{} ({})\n", article.name, article.format.description());
    if !article.declared_sources.is_empty() {
        let _ = writeln!(out, "sources   {}", article.declared_sources.join(", "));
    }
    if let Some((label, line)) = article.label {
        let place = line.map_or("front matter or record field".to_owned(), |line| {
            format!("line {}", position(line.start))
        });
        let _ = writeln!(out, "label     {} ({place})", label.name());
    }
    if let Some(date) = article.date {
        let _ = writeln!(out, "date      {}", date.format("%Y-%m-%d (%A)"));
    }
    out
}
