//! Words and sentences as span iterators over a piece of text.
//!
//! Nothing is copied: both iterators yield [`Span`]s relative to the text they were given. The
//! sentence splitter knows the abbreviations of news copy (Mr., Gen., Jan., U.S.), single initials
//! (John F. Kennedy) and closing quotation marks after the final stop.

use crate::span::Span;

/// Whether `c` can be part of a word.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Apostrophes and hyphens join word parts ("don’t", "Iran-backed").
fn is_word_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '‐')
}

/// The words of `text`: runs of letters and digits, joined by inner apostrophes and hyphens.
pub fn words(text: &str) -> impl Iterator<Item = Span> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, _) = chars.by_ref().find(|&(_, c)| is_word_char(c))?;
        let mut end = text.len();
        while let Some(&(i, c)) = chars.peek() {
            if is_word_char(c) {
                chars.next();
                continue;
            }
            if is_word_joiner(c) {
                let after = text[i + c.len_utf8()..].chars().next();
                if after.is_some_and(is_word_char) {
                    chars.next();
                    continue;
                }
            }
            end = i;
            break;
        }
        Some(Span::new(start, end))
    })
}

/// Abbreviations that end in a full stop without ending a sentence (compared without the stop,
/// case-sensitively).
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Cmdr", "Sgt", "Adm",
    "Gov", "Sen", "Rep", "Rev", "Sr", "Jr", "St", "Ave", "Blvd", "Mt", "Ft", "Jan", "Feb", "Mar",
    "Apr", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Inc", "Corp", "Co", "Ltd", "Bros", "No",
    "Nos", "vs", "v", "etc", "approx", "U.S", "U.K", "U.N", "E.U", "D.C", "a.m", "p.m", "Ph.D",
    "Calif", "Conn", "Fla", "Ill", "Mass", "Mich", "Minn", "Penn", "Tenn", "Va", "Wash", "Wis",
];

/// The sentences of `text`, trimmed of surrounding whitespace.
pub fn sentences(text: &str) -> impl Iterator<Item = Span> + '_ {
    let mut start = 0;
    let mut finished = false;
    std::iter::from_fn(move || {
        if finished {
            return None;
        }
        loop {
            let rest = &text[start..];
            let skipped = rest.len() - rest.trim_start().len();
            start += skipped;
            if start >= text.len() {
                finished = true;
                return None;
            }
            let end = sentence_end(text, start);
            let sentence = Span::new(start, end);
            start = end;
            let trimmed_end =
                start - (text[sentence.range()].len() - text[sentence.range()].trim_end().len());
            if trimmed_end > sentence.start {
                return Some(Span::new(sentence.start, trimmed_end));
            }
        }
    })
}

/// The byte offset just past the sentence that starts at `from`.
fn sentence_end(text: &str, from: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = from;
    while i < bytes.len() {
        let b = bytes[i];
        if matches!(b, b'.' | b'?' | b'!') {
            let mut end = i + 1;
            // Runs of stops ("?!", "...") and closing quotes or brackets belong to the sentence.
            loop {
                let rest = &text[end..];
                match rest.chars().next() {
                    Some(c @ ('.' | '?' | '!' | '"' | '\'' | '”' | '’' | ')' | ']')) => {
                        end += c.len_utf8();
                    }
                    _ => break,
                }
            }
            let rest = &text[end..];
            let next_visible = rest.trim_start();
            let has_space = next_visible.len() < rest.len();
            if next_visible.is_empty() {
                return text.len();
            }
            if has_space
                && starts_sentence(next_visible)
                && !(b == b'.' && is_abbreviation(&text[from..i]))
            {
                return end;
            }
            i = end;
            continue;
        }
        i += 1;
    }
    text.len()
}

fn starts_sentence(text: &str) -> bool {
    let mut chars = text.chars();
    match chars.next() {
        Some('"' | '“' | '\'' | '‘' | '(' | '[') => chars
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()),
        Some(c) => c.is_uppercase() || c.is_ascii_digit(),
        None => false,
    }
}

/// Whether the word that ends right before a full stop is an abbreviation or an initial.
fn is_abbreviation(before_stop: &str) -> bool {
    let word_start = before_stop
        .rfind(|c: char| c.is_whitespace() || matches!(c, '(' | '"' | '“' | '‘'))
        .map_or(0, |i| {
            i + before_stop[i..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &before_stop[word_start..];
    let mut chars = word.chars();
    let single_initial =
        matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase());
    single_initial || ABBREVIATIONS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str, spans: impl Iterator<Item = Span>) -> Vec<&str> {
        spans.map(|s| &text[s.range()]).collect()
    }

    #[test]
    fn words_keep_inner_apostrophes_and_hyphens() {
        let text = "Kata’ib’s Iran-backed don't -- al-Saadi, 2024.";
        assert_eq!(
            texts(text, words(text)),
            ["Kata’ib’s", "Iran-backed", "don't", "al-Saadi", "2024"]
        );
    }

    #[test]
    fn sentences_know_newsroom_abbreviations() {
        let text = "Gen. Smith met Mr. Jones in the U.S. on Jan. 5. They spoke. John F. Kennedy “left.” Then what?";
        assert_eq!(
            texts(text, sentences(text)),
            [
                "Gen. Smith met Mr. Jones in the U.S. on Jan. 5.",
                "They spoke.",
                "John F. Kennedy “left.”",
                "Then what?"
            ]
        );
    }

    #[test]
    fn sentences_handle_non_latin_text_and_no_final_stop() {
        let text = "Мэр сказал. Next one";
        assert_eq!(texts(text, sentences(text)), ["Мэр сказал.", "Next one"]);
    }
}
