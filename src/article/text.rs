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

/// Whether `word` opens with a capital letter: an ASCII one, most words, without decoding.
#[inline]
pub fn opens_with_capital(word: &str) -> bool {
    match word.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => word.chars().next().is_some_and(char::is_uppercase),
    }
}

/// A sketch of a word in `bits` bits (at most 24): its length and its first, second and last
/// bytes, each folded by its case bit (`| 0x20`, which lower-cases ASCII letters), hashed.
/// Words that differ only in ASCII case share a sketch, so a table of words can keep a bit per
/// sketch and rule out most words of a text before folding and hashing them.
#[inline]
pub fn word_sketch(word: &[u8], bits: u32) -> usize {
    let byte = |b: Option<&u8>| b.map_or(0, |b| b | 0x20);
    let ends = [byte(word.first()), byte(word.get(1)), byte(word.last())];
    sketch_of(ends, word.len().min(255) as u8, bits)
}

/// [`word_sketch`] from a word's first, second and last bytes already folded, and its length.
#[inline]
pub fn sketch_of([first, second, last]: [u8; 3], len: u8, bits: u32) -> usize {
    let key = u32::from_le_bytes([first, second, last, len]);
    // Fibonacci hashing: the top bits of the product mix every byte of the key.
    (key.wrapping_mul(0x9E37_79B1) >> (32 - bits)) as usize
}

/// Apostrophes and hyphens join word parts ("don’t", "Iran-backed").
fn is_word_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '‐')
}

/// What a character is to [`words`].
#[derive(Clone, Copy, PartialEq, Eq)]
enum CharKind {
    Word,
    Joiner,
    Other,
}

/// The kind of the character at byte `at` of `text` (a character boundary) and its width:
/// ASCII, most of a text, without decoding.
#[inline]
fn char_kind(text: &str, at: usize) -> (CharKind, usize) {
    match text.as_bytes().get(at) {
        Some(b) if b.is_ascii_alphanumeric() => (CharKind::Word, 1),
        Some(b'\'' | b'-') => (CharKind::Joiner, 1),
        Some(b) if b.is_ascii() => (CharKind::Other, 1),
        _ => match text.get(at..).and_then(|rest| rest.chars().next()) {
            Some(c) if is_word_char(c) => (CharKind::Word, c.len_utf8()),
            Some(c) if is_word_joiner(c) => (CharKind::Joiner, c.len_utf8()),
            Some(c) => (CharKind::Other, c.len_utf8()),
            None => (CharKind::Other, 1),
        },
    }
}

/// The words of `text`: runs of letters and digits, joined by inner apostrophes and hyphens.
pub fn words(text: &str) -> impl Iterator<Item = Span> + '_ {
    let mut at = 0;
    std::iter::from_fn(move || {
        loop {
            if at >= text.len() {
                return None;
            }
            let (kind, width) = char_kind(text, at);
            if kind == CharKind::Word {
                break;
            }
            at += width;
        }
        let start = at;
        while at < text.len() {
            let (kind, width) = char_kind(text, at);
            match kind {
                CharKind::Word => at += width,
                // A joiner joins only when a word character follows it.
                CharKind::Joiner if char_kind(text, at + width).0 == CharKind::Word => {
                    at += width;
                }
                _ => break,
            }
        }
        Some(Span::new(start, at))
    })
}

/// Abbreviations that stand before a name or a number and so never end a sentence (compared
/// without the stop, case-sensitively): titles, months before a date, "No. 5".
const TITLES: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Cmdr", "Sgt", "Adm",
    "Gov", "Sen", "Rep", "Rev", "St", "Mt", "Ft", "Jan", "Feb", "Mar", "Apr", "Aug", "Sep", "Sept",
    "Oct", "Nov", "Dec", "No", "Nos", "vs", "v", "approx", "Ave", "Blvd",
];

/// Abbreviations that may end a sentence as well as stand inside one ("in Evansville, Ind.
/// Former Indiana Sen. Richard Lugar…"): the next word decides ([`SENTENCE_OPENERS`]).
const MAY_END: &[&str] = &[
    "Sr", "Jr", "Inc", "Corp", "Co", "Ltd", "Bros", "etc", "U.S", "U.K", "U.N", "E.U", "D.C",
    "a.m", "p.m", "Ph.D", "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill",
    "Ind", "Kan", "Ky", "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev",
    "N.H", "N.J", "N.M", "N.Y", "N.C", "N.D", "Okla", "Ore", "Pa", "Penn", "R.I", "S.C", "S.D",
    "Tenn", "Va", "Vt", "Wash", "W.Va", "Wis", "Wyo",
];

/// Words that open sentences and are rarely part of a name, so after an abbreviation that may
/// end a sentence they show it did: pronouns, articles, conjunctions, common openers.
const SENTENCE_OPENERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "His",
    "Her",
    "Its",
    "Their",
    "Our",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "But",
    "And",
    "Or",
    "So",
    "Yet",
    "If",
    "When",
    "While",
    "After",
    "Before",
    "As",
    "In",
    "On",
    "At",
    "For",
    "From",
    "By",
    "With",
    "Former",
    "Police",
    "Officials",
    "Authorities",
    "Some",
    "Many",
    "Most",
    "Other",
    "Both",
    "Each",
    "Such",
    "What",
    "Who",
    "Why",
    "How",
    "Where",
    "One",
    "Two",
    "Three",
    "No",
    "Not",
    "Still",
    "Also",
    "Meanwhile",
    "However",
    "Since",
    "Until",
    "Although",
    "Though",
    "Under",
    "According",
    "Last",
    "Earlier",
    "Later",
    "Now",
    "Then",
];

/// The sentences of `text`, trimmed of surrounding whitespace. A text with two or more
/// " - " dashes before a capital is a flattened bullet list (BBC copy), each item a sentence.
pub fn sentences(text: &str) -> impl Iterator<Item = Span> + '_ {
    let bullets = memchr::memmem::find_iter(text.as_bytes(), b" - ")
        .filter(|&at| starts_sentence(&text[at + 3..]))
        .nth(1)
        .is_some();
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
            let end = sentence_end(text, start, bullets);
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
fn sentence_end(text: &str, from: usize, bullets: bool) -> usize {
    let bytes = text.as_bytes();
    let mut i = from;
    while i < bytes.len() {
        let b = bytes[i];
        if bullets
            && b == b'-'
            && i > from
            && bytes[i - 1] == b' '
            && bytes.get(i + 1) == Some(&b' ')
            && starts_sentence(&text[i + 2..])
        {
            return i - 1;
        }
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
                && !(b == b'.' && continues_after(&text[from..i], next_visible))
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
        // A list item run into the text after a stop ("… (Le Matin). - Two crooks …").
        Some('-' | '•' | '–') => {
            chars.next() == Some(' ')
                && chars
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        }
        Some(c) => c.is_uppercase() || c.is_ascii_digit(),
        None => false,
    }
}

/// Whether the sentence goes on after a full stop that ends `before_stop`: the stop closes an
/// initial or a title, or an abbreviation that may end a sentence but is not followed by a
/// word that opens one.
fn continues_after(before_stop: &str, next: &str) -> bool {
    let word_start = before_stop
        .rfind(|c: char| c.is_whitespace() || matches!(c, '(' | '"' | '“' | '‘'))
        .map_or(0, |i| {
            i + before_stop[i..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &before_stop[word_start..];
    let mut chars = word.chars();
    let single_initial =
        matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase());
    if single_initial || TITLES.contains(&word) {
        return true;
    }
    if !MAY_END.contains(&word) {
        return false;
    }
    let next_word = next
        .trim_start_matches(['"', '“', '\'', '‘', '(', '['])
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or_default();
    !SENTENCE_OPENERS.contains(&next_word)
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
    fn an_abbreviation_ends_a_sentence_when_the_next_word_opens_one() {
        let text = "He grew up in Evansville, Ind. Former Indiana Sen. Richard Lugar backed him. Acme Inc. said no. It sued Acme Inc. The case goes on.";
        assert_eq!(
            texts(text, sentences(text)),
            [
                "He grew up in Evansville, Ind.",
                "Former Indiana Sen. Richard Lugar backed him.",
                "Acme Inc. said no.",
                "It sued Acme Inc.",
                "The case goes on."
            ]
        );
    }

    #[test]
    fn a_flattened_bullet_list_is_a_sentence_an_item() {
        let text = "The plans include - Withdrawing from the treaty - Introduce new laws - Cut fees for all. The cost - so they say - is small.";
        assert_eq!(
            texts(text, sentences(text)),
            [
                "The plans include",
                "- Withdrawing from the treaty",
                "- Introduce new laws",
                "- Cut fees for all.",
                "The cost - so they say - is small."
            ]
        );
    }

    #[test]
    fn a_list_item_run_in_after_a_stop_opens_a_sentence() {
        let text = "A ferry turned back (the Courier said). - Two crooks robbed a bank.";
        assert_eq!(
            texts(text, sentences(text)),
            [
                "A ferry turned back (the Courier said).",
                "- Two crooks robbed a bank."
            ]
        );
    }

    #[test]
    fn sentences_handle_non_latin_text_and_no_final_stop() {
        let text = "Мэр сказал. Next one";
        assert_eq!(texts(text, sentences(text)), ["Мэр сказал.", "Next one"]);
    }
}
