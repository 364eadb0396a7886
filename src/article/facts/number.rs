//! Whole numbers as news copy writes them: in figures ("12", "1,200") or in words ("twelve",
//! "forty-six").

use super::words::Word;

const UNITS: &[&str] = &[
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];

const TENS: &[&str] = &[
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// Whether `word` may be or hold a number that is not one word of [`words`]: figures
/// ("46", "46-year-old"), or number words joined by a hyphen ("forty-six", "ten-year-old"),
/// the shortest of which is nine letters long.
pub(super) fn may_hold(word: &str) -> bool {
    let bytes = word.as_bytes();
    match bytes.first() {
        Some(first) if first.is_ascii_digit() => true,
        Some(first) => {
            bytes.len() >= 9
                && NUMBER_INITIALS.contains(&first.to_ascii_lowercase())
                && bytes.contains(&b'-')
        }
        None => false,
    }
}

/// The letters every number word starts with.
const NUMBER_INITIALS: &[u8] = b"zotfsen";

/// Every number word below a hundred that is one word.
pub(super) fn words() -> impl Iterator<Item = &'static str> {
    UNITS.iter().chain(TENS).copied().filter(|w| !w.is_empty())
}

/// The value of a number word written in words below a hundred, ignoring case.
fn in_words(word: &str) -> Option<u32> {
    // Every number word starts with one of these letters and is at most "seventy-seven" long:
    // most words are ruled out before any comparison.
    let first = word.bytes().next()?.to_ascii_lowercase();
    if word.len() > 13 || !NUMBER_INITIALS.contains(&first) {
        return None;
    }
    let position = |table: &[&str], w: &str| {
        table
            .iter()
            .position(|t| !t.is_empty() && t.eq_ignore_ascii_case(w))
    };
    if let Some(unit) = position(UNITS, word) {
        return u32::try_from(unit).ok();
    }
    let (tens, unit) = match word.split_once('-') {
        Some((tens, unit)) => (tens, Some(unit)),
        None => (word, None),
    };
    let tens = u32::try_from(position(TENS, tens)?).ok()? * 10;
    match unit {
        None => Some(tens),
        Some(unit) => {
            let unit = u32::try_from(position(UNITS, unit)?).ok()?;
            (1..10).contains(&unit).then_some(tens + unit)
        }
    }
}

pub fn read(words: &[Word<'_>], at: usize) -> Option<(u32, usize)> {
    let first = words.get(at)?;
    if !first.text.starts_with(|c: char| c.is_ascii_digit()) {
        return Some((in_words(first.text)?, at));
    }
    let mut text = first.text.to_owned();
    let mut last = at;
    while let Some(next) = words.get(last + 1) {
        let joined = next.before == "," && next.text.len() == 3;
        if !joined || !next.text.bytes().all(|b| b.is_ascii_digit()) {
            break;
        }
        text.push(',');
        text.push_str(next.text);
        last += 1;
    }
    Some((figures(&text)?, last))
}

/// Whether word `at` is a later digit group of a number that starts before it ("200" in
/// "1,200").
pub fn continues(words: &[Word<'_>], at: usize) -> bool {
    let digits = |w: &Word<'_>| w.text.bytes().all(|b| b.is_ascii_digit());
    at.checked_sub(1).is_some_and(|before| {
        words[at].before == ","
            && words[at].text.len() == 3
            && digits(&words[at])
            && digits(&words[before])
    })
}

/// Digits with optional thousands commas; no other character.
fn figures(word: &str) -> Option<u32> {
    let mut groups = word.split(',');
    let first = groups.next()?;
    if first.is_empty() || first.len() > 3 && word.contains(',') {
        return None;
    }
    let mut digits = String::from(first);
    for group in groups {
        if group.len() != 3 {
            return None;
        }
        digits.push_str(group);
    }
    if !digits.bytes().all(|b| b.is_ascii_digit()) || digits.len() > 9 {
        return None;
    }
    digits.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::{figures, in_words};

    #[test]
    fn figures_and_words_read_as_numbers() {
        assert_eq!(figures("12"), Some(12));
        assert_eq!(figures("1,200"), Some(1200));
        assert_eq!(in_words("twelve"), Some(12));
        assert_eq!(in_words("Forty-six"), Some(46));
        assert_eq!(in_words("twenty"), Some(20));
        assert_eq!(figures("12th"), None);
        assert_eq!(figures("1,20"), None);
        assert_eq!(in_words("forty-zero"), None);
        assert_eq!(in_words("dozen"), None);
    }
}
