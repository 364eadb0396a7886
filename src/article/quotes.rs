//! Finding direct quotations: curly and straight double marks, and single marks where they open
//! and close within one block (headline style, British style). A double-quoted passage left open
//! at the end of a paragraph runs on when the next paragraph reopens it.

use super::{Block, Quote};
use crate::span::Span;

#[derive(Clone, Copy, PartialEq)]
enum Marks {
    Double,
    Single,
}

pub fn find(source: &str, blocks: &[Block]) -> Vec<Quote> {
    let mut quotes = Vec::new();
    for (index, block) in blocks.iter().enumerate() {
        let text = &source[block.span.range()];
        let mut open: Option<(usize, Marks)> = None;
        // Only quotation marks matter: jump from one to the next (the curly ones all start
        // with the byte 0xE2, which never continues a character).
        for i in memchr::memchr3_iter(b'"', b'\'', 0xE2, text.as_bytes()) {
            let Some(c) = text[i..]
                .chars()
                .next()
                .filter(|c| matches!(c, '“' | '”' | '‘' | '’' | '"' | '\''))
            else {
                continue;
            };
            let previous = text[..i].chars().next_back();
            let next = text[i + c.len_utf8()..].chars().next();
            let opens = opening_context(previous, next);
            // A closing mark follows text; a straight one may also stand after a space when
            // nothing follows it but space or punctuation ("… nine years... " he recalled).
            let closes = previous.is_some_and(|p| !p.is_whitespace())
                || (c == '"' && next.is_none_or(|n| n.is_whitespace() || n.is_ascii_punctuation()));
            match (c, open) {
                ('“', None) => open = Some((i, Marks::Double)),
                ('"', None) if opens => open = Some((i, Marks::Double)),
                ('”' | '"', Some((start, Marks::Double))) if closes => {
                    quotes.push(closed(block, index, start, i + c.len_utf8()));
                    open = None;
                }
                ('‘', None) => open = Some((i, Marks::Single)),
                ('\'', None) if opens && next.is_some_and(char::is_alphabetic) => {
                    open = Some((i, Marks::Single));
                }
                ('’' | '\'', Some((start, Marks::Single)))
                    if closes && !next.is_some_and(char::is_alphanumeric) =>
                {
                    quotes.push(closed(block, index, start, i + c.len_utf8()));
                    open = None;
                }
                _ => {}
            }
        }
        if let Some((start, Marks::Double)) = open {
            let reopened = blocks.get(index + 1).is_some_and(|next| {
                next.kind == block.kind && source[next.span.range()].starts_with(['“', '"'])
            });
            quotes.push(Quote {
                span: Span::new(block.span.start + start, block.span.end),
                block: index,
                unclosed: true,
                continues: reopened,
            });
        }
    }
    quotes
}

fn closed(block: &Block, index: usize, start: usize, end: usize) -> Quote {
    Quote {
        span: Span::new(block.span.start + start, block.span.start + end),
        block: index,
        unclosed: false,
        continues: false,
    }
}

/// An opening mark follows the start, white space or an opening bracket or dash, and is
/// followed by something that is not white space.
fn opening_context(previous: Option<char>, next: Option<char>) -> bool {
    let after_boundary = previous
        .is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '[' | '—' | '–' | '-' | ':' | '/'));
    after_boundary && next.is_some_and(|n| !n.is_whitespace())
}

#[cfg(test)]
mod tests {
    use crate::article::{Article, Format};

    fn quoted(source: &str) -> Vec<(&str, bool, bool)> {
        let article = Article::parse("t.txt", source, Format::Plain);
        article
            .quotes
            .iter()
            .map(|q| (&source[q.span.range()], q.unclosed, q.continues))
            .collect()
    }

    #[test]
    fn curly_straight_and_single_quotes() {
        assert_eq!(
            quoted("Headline\n\nShe said “yes” and \"no\" to 'Project X' on the players' union.\n"),
            [
                ("“yes”", false, false),
                ("\"no\"", false, false),
                ("'Project X'", false, false)
            ]
        );
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert!(
            quoted("Headline\n\nThe mayor’s plan isn't new; it's the '90s again.\n").is_empty()
        );
    }

    #[test]
    fn quotes_over_several_paragraphs() {
        assert_eq!(
            quoted("Headline\n\n“We will stay,\n\n“and we will win,” he said.\n\n“Never again.\n"),
            [
                ("“We will stay,", true, true),
                ("“and we will win,”", false, false),
                ("“Never again.", true, false)
            ]
        );
    }
}
