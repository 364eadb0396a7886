//! What a written form is made of, to the variants rule: its letters folded, whether it
//! carries a mark that can make it a variant, and whether it may be one at all.

use crate::span::Span;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// The letters of a form: accents removed, lower case, no apostrophes, hyphens or spaces.
pub(super) fn fold(form: &str) -> String {
    if form.is_ascii() {
        // No accents to take apart: drop the marks and lower the case.
        return form
            .bytes()
            .filter(|b| !matches!(b, b'\'' | b'-' | b' '))
            .map(|b| char::from(b.to_ascii_lowercase()))
            .collect();
    }
    form.nfd()
        .filter(|c| !is_combining_mark(*c) && !matches!(c, '\'' | '’' | '-' | '‐' | ' '))
        .flat_map(char::to_lowercase)
        .collect()
}

/// "we're", "I'll", "don't": an apostrophe followed by a contraction's ending.
fn is_contraction(word: &str) -> bool {
    word.rfind(['\'', '’']).is_some_and(|at| {
        let tail = &word[at + word[at..].chars().next().map_or(1, char::len_utf8)..];
        matches!(
            tail.to_lowercase().as_str(),
            "s" | "t" | "re" | "ll" | "ve" | "d" | "m"
        )
    })
}

/// Part of a web address, handle or hashtag: "twitter.com/JaneDoe", "@JaneDoe", "#MeToo".
fn in_address(source: &str, span: Span) -> bool {
    let before = source[..span.start].chars().next_back();
    let after = source[span.end..].chars().next();
    before.is_some_and(|c| matches!(c, '/' | '@' | '#' | '_' | '.'))
        || after.is_some_and(|c| matches!(c, '/' | '@' | '_'))
}

/// Whether a form can be a variant at all: not a contraction, not in capitals, no digits, not
/// part of a web address or handle.
pub(super) fn eligible(source: &str, span: Span, written: &str) -> bool {
    let shouted = written
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase);
    !shouted
        && !written.bytes().any(|b| b.is_ascii_digit())
        && !is_contraction(written)
        && !in_address(source, span)
}

/// Whether a form has an apostrophe, hyphen, space, accent or inner capital: the only forms
/// that can differ from another with the same letters. Words are letters and digits joined
/// by apostrophes or hyphens, so any byte that is not an ASCII letter or digit is a mark.
pub(super) fn marked(written: &str) -> bool {
    match written.as_bytes().split_first() {
        Some((first, rest)) => {
            !first.is_ascii_alphanumeric()
                || rest.iter().any(|&b| !UNMARKED_AFTER_FIRST[usize::from(b)])
        }
        None => false,
    }
}

/// The bytes that mark no word after its first: lower-case ASCII letters and digits.
const UNMARKED_AFTER_FIRST: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 256 {
        let b = byte as u8;
        table[byte] = b.is_ascii_lowercase() || b.is_ascii_digit();
        byte += 1;
    }
    table
};

/// A word without its possessive ending: "Kataib’s" → "Kataib".
pub(super) fn base(word: &str) -> &str {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_keeps_only_letters() {
        assert_eq!(fold("Kata’ib"), "kataib");
        assert_eq!(fold("al-Saadi"), fold("Al Saadi"));
        assert_eq!(fold("Pokémon"), "pokemon");
        assert_eq!(base("Kataib’s"), "Kataib");
        assert!(is_contraction("we’re") && is_contraction("I'll") && is_contraction("don't"));
        assert!(!is_contraction("O'Rourke") && !is_contraction("Kata’ib"));
        for word in [
            "al-Saadi",
            "TimeWarner",
            "Kata’ib",
            "Pokémon",
            "Time Warner",
            "-a",
        ] {
            assert!(marked(word), "{word}");
        }
        for word in ["Kataib", "kataib", "K9", "2024", ""] {
            assert!(!marked(word), "{word}");
        }
    }
}
