//! Whose voice a block's words are in: a quotation's words are the speaker's. The classifier
//! reads a block's shapes outside its quotations, and leaves out a quotation's words of address
//! ("you") and of the speaker ("I", "we"), which are not the block speaking to its reader.

use std::ops::Range;

/// Words that address the reader.
pub const SECOND_PERSON: &[&str] = &[
    "you",
    "your",
    "yours",
    "yourself",
    "yourselves",
    "you're",
    "you'll",
    "you've",
    "you'd",
    "ya",
    "u",
];

/// The speaker's own voice inside a quotation ("'We will not pay'").
const FIRST_PERSON: &[&str] = &[
    "i",
    "i'm",
    "i've",
    "i'll",
    "i'd",
    "me",
    "my",
    "mine",
    "myself",
    "we",
    "we're",
    "we've",
    "we'll",
    "we'd",
    "us",
    "our",
    "ours",
    "ourselves",
];

/// `text` twice: with its quotations blanked out (where the shapes are read), and with only the
/// words of address and of the speaker inside them blanked out (the words the model weighs).
///
/// `None` for a text with no quotation, which reads the same either way (most headlines).
pub fn split(text: &str) -> Option<(String, String)> {
    let quotations = match spoken_after_label(text) {
        Some(range) => vec![range],
        None => quotations(text),
    };
    if quotations.is_empty() {
        return None;
    }
    let mut outside = text.to_owned();
    for range in &quotations {
        outside.replace_range(range.clone(), &" ".repeat(range.len()));
    }
    let addressed = blank(text, &quotations, |word| {
        let word = word
            .trim_matches(['\'', '‘', '’'])
            .to_lowercase()
            .replace('’', "'");
        SECOND_PERSON.contains(&word.as_str()) || FIRST_PERSON.contains(&word.as_str())
    });
    Some((outside, addressed))
}

/// Labels before a headline's colon that name a kind of story, not a speaker.
const KICKERS: &[&str] = &[
    "analysis",
    "explainer",
    "factbox",
    "exclusive",
    "breaking",
    "update",
    "watch",
    "video",
    "opinion",
    "comment",
    "review",
    "interview",
    "live",
    "timeline",
    "quiz",
    "photos",
    "podcast",
    "editorial",
    "correction",
    "poll",
    "recap",
    "preview",
    "profile",
];

/// For a headline that gives a speaker's words after their name and a colon ("Biden: If you
/// can't choose me …", "Mayor Ross: We will not close the library"), the byte range of the
/// words: one to three capitalised words that are no kicker ("Analysis:"), and words after
/// the colon in the speaker's own voice ("I", "me", "we").
fn spoken_after_label(text: &str) -> Option<Range<usize>> {
    let colon = text.find(':')?;
    let label: Vec<&str> = text[..colon].split_whitespace().collect();
    let named = (1..=3).contains(&label.len())
        && label.iter().all(|word| {
            word.starts_with(|c: char| c.is_uppercase())
                && word
                    .chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '.' | '-'))
        })
        && !label
            .iter()
            .any(|word| KICKERS.contains(&word.to_lowercase().as_str()));
    let spoken = text[colon + 1..]
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .any(|word| FIRST_PERSON.contains(&word.to_lowercase().replace('’', "'").as_str()));
    (named && spoken).then(|| colon + 1..text.len())
}

/// The byte ranges of the quotations of `text`, marks included: a mark that opens at the
/// start or after a character that is no letter or digit, closed by its like mark before the
/// end or such a character, so an apostrophe ("Trump's", "won't") opens and closes nothing.
fn quotations(text: &str) -> Vec<Range<usize>> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let alnum_at = |i: usize| chars.get(i).is_some_and(|(_, c)| c.is_alphanumeric());
    let mut found = Vec::new();
    let mut open: Option<(usize, bool)> = None;
    for (i, &(at, c)) in chars.iter().enumerate() {
        let double = matches!(c, '"' | '“' | '”');
        let single = matches!(c, '\'' | '‘' | '’');
        if !double && !single {
            continue;
        }
        let after_boundary = i == 0 || !alnum_at(i - 1);
        let before_boundary = !alnum_at(i + 1);
        match open {
            Some((start, was_double))
                if was_double == double && before_boundary && !after_boundary =>
            {
                found.push(start..at + c.len_utf8());
                open = None;
            }
            None if after_boundary && alnum_at(i + 1) && !matches!(c, '”' | '’') => {
                open = Some((at, double));
            }
            _ => {}
        }
    }
    found
}

/// `text` with the words inside `ranges` for which `blanked` holds turned into spaces.
fn blank(text: &str, ranges: &[Range<usize>], blanked: impl Fn(&str) -> bool) -> String {
    let mut out = String::with_capacity(text.len());
    let mut cursor = 0;
    for range in ranges {
        out.push_str(&text[cursor..range.start]);
        let inside = &text[range.clone()];
        let mut word_start = None;
        for (at, c) in inside
            .char_indices()
            .chain(std::iter::once((inside.len(), ' ')))
        {
            let in_word = c.is_alphanumeric() || c == '\'' || c == '’';
            match (in_word, word_start) {
                (true, None) => word_start = Some(at),
                (false, Some(start)) => {
                    let word = &inside[start..at];
                    if blanked(word) {
                        out.extend(std::iter::repeat_n(' ', word.len()));
                    } else {
                        out.push_str(word);
                    }
                    word_start = None;
                }
                _ => {}
            }
            if !in_word && at < inside.len() {
                out.push(c);
            }
        }
        cursor = range.end;
    }
    out.push_str(&text[cursor..]);
    out
}

#[cfg(test)]
mod tests {
    use super::super::features::{Feature, features};

    #[test]
    fn a_speakers_words_after_their_name_and_a_colon_are_theirs() {
        let (outside, _) = super::split("Ross: If you close it, we will sue").unwrap();
        assert!(!outside.contains("you"), "{outside}");
        // A kicker is no speaker, and words with no voice of the speaker are the headline's.
        assert!(super::split("Quiz: Which harbour are you? We know").is_none());
        assert!(super::split("Harbour Lights: 9 things you missed").is_none());
    }

    #[test]
    fn shapes_are_read_outside_quotations() {
        let shapes = |text: &str| -> Vec<&'static str> {
            features(text)
                .into_iter()
                .filter_map(|f| match f {
                    Feature::Shape(name) => Some(name),
                    _ => None,
                })
                .collect()
        };
        assert_eq!(
            shapes("\"7th Heaven\" television series comes to an end"),
            Vec::<&str>::new()
        );
        assert_eq!(
            shapes("Which 'Breaking Bad' Character Are You"),
            ["second-person", "quiz"]
        );
        assert_eq!(
            shapes("Obama to Muslims: 'Americans are not your enemy'"),
            Vec::<&str>::new()
        );
        assert!(
            !features("Obama to Muslims: 'Americans are not your enemy'")
                .contains(&Feature::Word("your".to_owned()))
        );
        assert!(
            features("Which 'Breaking Bad' Character Are You")
                .contains(&Feature::Word("breaking".to_owned()))
        );
    }
}
