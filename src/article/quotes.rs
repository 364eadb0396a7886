//! Finding direct quotations: curly and straight double marks, and single marks where they open
//! and close within one block (headline style, British style). A double-quoted passage left open
//! at the end of a paragraph runs on when the next paragraph reopens it. A nickname in marks
//! inside a name (`Dwayne “The Rock” Johnson`) is marked as one ([`Quote::nickname`]).

use super::{Block, Quote, entity, nickname};
use crate::span::Span;
use std::ops::Range;

#[derive(Clone, Copy, PartialEq)]
enum Marks {
    Double,
    Single,
}

/// The direct quotations of `blocks`. With `entities` (HTML and Markdown), quotation marks
/// written as character references (`&ldquo;`, `&#8220;`, `&quot;` …) count as the marks they
/// stand for; spans still cover the references as written.
pub fn find(source: &str, blocks: &[Block], entities: bool) -> Vec<Quote> {
    let mut quotes = Vec::new();
    for (index, block) in blocks.iter().enumerate() {
        let text = &source[block.span.range()];
        // Where the open quotation starts, its marks and the length of its opening mark.
        let mut open: Option<(usize, Marks, usize)> = None;
        for (i, c, len) in marks(text, entities) {
            let previous = char_before(text, i, entities);
            let next = char_after(text, i + len, entities);
            let opens = opening_context(previous, next, entities);
            // A closing mark follows text; a straight one may also stand after a space when
            // nothing follows it but space or punctuation ("… nine years... " he recalled). A
            // curly closing mark closes wherever it stands ("Medicare for All ” insurance").
            let closes = previous.is_some_and(|p| !p.is_whitespace())
                || (c == '"' && next.is_none_or(|n| n.is_whitespace() || n.is_ascii_punctuation()));
            match (c, open) {
                ('“', None) => open = Some((i, Marks::Double, len)),
                ('"', None) if opens => open = Some((i, Marks::Double, len)),
                ('”' | '"', Some((start, Marks::Double, open_len))) if closes || c == '”' => {
                    quotes.push(closed(
                        text,
                        block,
                        index,
                        start..start + open_len,
                        i..i + len,
                    ));
                    open = None;
                }
                ('‘', None) => open = Some((i, Marks::Single, len)),
                ('\'', None) if opens && next.is_some_and(char::is_alphabetic) => {
                    open = Some((i, Marks::Single, len));
                }
                ('’' | '\'', Some((start, Marks::Single, open_len)))
                    if closes && !next.is_some_and(char::is_alphanumeric) =>
                {
                    quotes.push(closed(
                        text,
                        block,
                        index,
                        start..start + open_len,
                        i..i + len,
                    ));
                    open = None;
                }
                _ => {}
            }
        }
        if let Some((start, Marks::Double, _)) = open {
            // A quotation runs on across a caption or web furniture to the next paragraph.
            let next = super::block::next_in_text(blocks, index).map(|i| &blocks[i]);
            let reopened = next.is_some_and(|next| {
                next.kind == block.kind
                    && marks(&source[next.span.range()], entities)
                        .next()
                        .is_some_and(|(at, c, _)| at == 0 && matches!(c, '“' | '"'))
            });
            quotes.push(Quote {
                span: Span::new(block.span.start + start, block.span.end),
                block: index,
                unclosed: true,
                continues: reopened,
                nickname: false,
            });
        }
    }
    quotes
}

/// The quotation marks of `text`: where each starts, which mark it is and how many bytes it
/// takes. Only quotation marks matter, so the scan jumps from one candidate byte to the next
/// (the curly marks all start with the byte 0xE2, which never continues a character).
fn marks(text: &str, entities: bool) -> impl Iterator<Item = (usize, char, usize)> + '_ {
    let bytes = text.as_bytes();
    let mut characters = memchr::memchr3_iter(b'"', b'\'', 0xE2, bytes).peekable();
    let mut references = memchr::memchr_iter(b'&', bytes)
        .filter(move |_| entities)
        .peekable();
    // Both candidate streams are in text order: merge them.
    let candidates = std::iter::from_fn(move || match (characters.peek(), references.peek()) {
        (Some(c), Some(r)) if r < c => references.next(),
        (Some(_), _) => characters.next(),
        (None, _) => references.next(),
    });
    let mut skip_to = 0;
    candidates.filter_map(move |i| {
        if i < skip_to {
            return None;
        }
        let (c, len) = if bytes[i] == b'&' {
            entity::decode(&text[i..])?
        } else {
            let c = text[i..].chars().next()?;
            (c, c.len_utf8())
        };
        // Stand-ins for a closing double mark that conversions leave: a double prime (″) and
        // two closing single marks (’’).
        let (c, len) = match c {
            '″' => ('”', len),
            '’' if text[i + len..].starts_with('’') => ('”', 2 * len),
            _ => (c, len),
        };
        skip_to = i + len;
        matches!(c, '“' | '”' | '‘' | '’' | '"' | '\'').then_some((i, c, len))
    })
}

/// The character that ends just before byte `at`, reading a character reference as the
/// character it stands for.
fn char_before(text: &str, at: usize, entities: bool) -> Option<char> {
    let before = &text[..at];
    if entities && before.ends_with(';') {
        let from = before.len().saturating_sub(entity::LONGEST);
        if let Some(amp) = before.get(from..).and_then(|tail| tail.rfind('&')) {
            let start = from + amp;
            if let Some((c, len)) = entity::decode(&before[start..])
                && start + len == at
            {
                return Some(c);
            }
        }
    }
    before.chars().next_back()
}

/// The character that starts at byte `at`, reading a character reference as the character it
/// stands for.
fn char_after(text: &str, at: usize, entities: bool) -> Option<char> {
    let after = &text[at..];
    if entities
        && after.starts_with('&')
        && let Some((c, _)) = entity::decode(after)
    {
        return Some(c);
    }
    after.chars().next()
}

/// The quotation of `block` (its `index`-th, whose text is `text`) from its opening mark to
/// its closing mark, given as byte ranges into `text`.
fn closed(
    text: &str,
    block: &Block,
    index: usize,
    opening: Range<usize>,
    closing: Range<usize>,
) -> Quote {
    Quote {
        span: Span::new(
            block.span.start + opening.start,
            block.span.start + closing.end,
        ),
        block: index,
        unclosed: false,
        continues: false,
        nickname: nickname::is_nickname(
            &text[..opening.start],
            &text[opening.end..closing.start],
            &text[closing.end..],
        ),
    }
}

/// An opening mark follows the start, white space or an opening bracket or dash, and is
/// followed by something that is not white space.
/// In markup (`entities`), the end of a tag (`<em>"`) is a boundary too.
fn opening_context(previous: Option<char>, next: Option<char>, entities: bool) -> bool {
    let after_boundary = previous.is_none_or(|p| {
        p.is_whitespace()
            || matches!(p, '(' | '[' | '—' | '–' | '-' | ':' | '/')
            || (entities && p == '>')
    });
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
    fn stand_ins_for_a_closing_mark_close_a_quotation() {
        assert_eq!(
            quoted("Headline\n\n“Have you heard?″ she asked. “Not yet.’’ he said.\n"),
            [
                ("“Have you heard?″", false, false),
                ("“Not yet.’’", false, false)
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

    #[test]
    fn quotation_marks_written_as_character_references() {
        let source = "<h1>Vote</h1><p>She said &ldquo;our neighbourhood&rdquo; and &#8220;no&#8221;, \
                      then &quot;never&quot; &mdash; the mayor&rsquo;s &#x201C;last&#x201D; word.</p>";
        let article = Article::parse("t.html", source, Format::Html);
        let quoted: Vec<&str> = article
            .quotes
            .iter()
            .map(|q| &source[q.span.range()])
            .collect();
        assert_eq!(
            quoted,
            [
                "&ldquo;our neighbourhood&rdquo;",
                "&#8220;no&#8221;",
                "&quot;never&quot;",
                "&#x201C;last&#x201D;"
            ]
        );
        let plain = Article::parse(
            "t.txt",
            "Head\n\nShe said &ldquo;hi&rdquo;.\n",
            Format::Plain,
        );
        assert!(
            plain.quotes.is_empty(),
            "plain text has no character references"
        );
    }
}
