//! Nicknames in quotation marks inside a name — `Dwayne “The Rock” Johnson`, `Hamid “Abu
//! Bakr” al-Zubaidi`, `Marcus Delgado “the Hammer”` — which are marks around a name, not
//! anyone's words.
//!
//! A quoted passage is a nickname when it has the shape of one (one to four words, no
//! sentence punctuation, each word capitalised or a name particle such as “the”, “al”, “bin”),
//! a part of a name stands right before it (a capitalised word, not in capitals, neither
//! possessive nor a function word), and
//! either another part of the name follows it (`… Johnson`, `… al-Zubaidi`, `… bin Laden`) or
//! it opens with an article, as a nickname after a name does (`… “the Hammer”`).

use super::text;

/// The most words a nickname has.
const MOST_WORDS: usize = 4;

/// Lower-case words that join the parts of a name or open a nickname: “Abu Bakr “the Hammer”
/// al-Tamimi”, “Osama bin Laden”, “Louis van Gaal”.
const PARTICLES: &[&str] = &[
    "the", "al", "el", "la", "le", "il", "bin", "ibn", "bint", "abu", "ben", "de", "del", "della",
    "di", "da", "dos", "du", "van", "von", "der", "den", "ter", "ten",
];

/// The articles a nickname after a name opens with: “the Hammer”, “El Chapo”.
const ARTICLES: &[&str] = &["the", "el", "la", "le", "il"];

/// Words that may be capitalised (a sentence's first word, a title-case heading) but are never
/// part of a name: `Trump ‘Furious’ Over Ruling` is a quotation, not a nickname.
const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "from", "by",
    "with", "as", "after", "before", "over", "under", "into", "onto", "amid", "against", "about",
    "up", "out", "off", "than", "if", "is", "are", "was", "were", "be", "been", "will", "would",
    "has", "have", "had", "not", "no", "says", "said", "say", "tells", "told", "his", "her",
    "their", "its", "this", "that", "these", "those", "how", "why", "what", "who", "when", "where",
    "it", "he", "she", "they", "we", "i", "you",
];

/// Whether the quoted passage whose inside is `inside`, written between `before` and `after`
/// in its block, is a nickname inside a name.
pub(super) fn is_nickname(before: &str, inside: &str, after: &str) -> bool {
    let Some(opens_with_article) = nickname_shape(inside) else {
        return false;
    };
    let name_before = last_word(before).is_some_and(is_name_part);
    name_before && (opens_with_article || name_follows(after))
}

/// Whether `inside` has the shape of a nickname; if so, whether it opens with an article.
fn nickname_shape(inside: &str) -> Option<bool> {
    if inside.contains([',', '.', ';', ':', '!', '?', '"', '“', '”']) {
        return None;
    }
    let words: Vec<&str> = inside.split_whitespace().collect();
    if words.is_empty() || words.len() > MOST_WORDS {
        return None;
    }
    let capitalised = |w: &&str| w.starts_with(char::is_uppercase);
    if !words.iter().all(|w| capitalised(w) || is_particle(w)) || !words.iter().any(capitalised) {
        return None;
    }
    let first = words[0].to_lowercase();
    Some(ARTICLES.contains(&first.as_str()) && words.len() > 1)
}

/// The word that ends `text` after nothing but white space; `None` when `text` does not end
/// in white space after a word.
fn last_word(text: &str) -> Option<&str> {
    let trimmed = text.trim_end();
    if trimmed.len() == text.len() {
        return None;
    }
    let word = text::words(trimmed).last()?;
    (word.end == trimmed.len()).then(|| &trimmed[word.range()])
}

/// A capitalised word in lower case after its capital (not a word of a heading set in
/// capitals), neither possessive (`ABC’s “The View”` is a title) nor a function word.
fn is_name_part(word: &str) -> bool {
    let possessive = ["’s", "'s"].iter().any(|s| word.ends_with(s));
    word.starts_with(char::is_uppercase)
        && word.chars().any(char::is_lowercase)
        && !possessive
        && !FUNCTION_WORDS.contains(&word.to_lowercase().as_str())
}

/// Whether `after` (the text after the closing mark) goes on with a part of a name: a
/// capitalised word that is no function word (`Johnson`), a particle joined to one
/// (`al-Zubaidi`) or particles before one (`bin Laden`, `de la Cruz`).
fn name_follows(after: &str) -> bool {
    if !after.starts_with(char::is_whitespace) {
        return false;
    }
    for span in text::words(after) {
        let word = &after[span.range()];
        if is_name_part(word) || joined_to_particle(word) {
            return true;
        }
        if !is_particle(word) {
            return false;
        }
    }
    false
}

fn is_particle(word: &str) -> bool {
    PARTICLES.contains(&word.to_lowercase().as_str())
}

/// A name part joined to the particle before it: `al-Zubaidi`, `el-Amin`.
fn joined_to_particle(word: &str) -> bool {
    word.split_once(['-', '‐', '’', '\''])
        .is_some_and(|(particle, rest)| {
            is_particle(particle) && rest.starts_with(char::is_uppercase)
        })
}

#[cfg(test)]
mod tests {
    use super::is_nickname;

    /// Whether the first passage in curly double marks of `text` is a nickname.
    fn nickname(text: &str) -> bool {
        let open = text.find('“').expect("an opening mark");
        let close = text.find('”').expect("a closing mark");
        is_nickname(&text[..open], &text[open + 3..close], &text[close + 3..])
    }

    #[test]
    fn nicknames_between_and_after_the_parts_of_a_name() {
        for text in [
            "Wrestler Dwayne “The Rock” Johnson",
            "carrying Hamid “Abu Bakr” al-Zubaidi near",
            "Yusuf “the Hammer” bin Rashid",
            "the boxer Marcus Delgado “the Hammer”, who",
            "Joaquín “El Chapo” Guzmán",
            "Lena “Iron Lady” de la Cruz",
        ] {
            assert!(nickname(text), "{text}");
        }
    }

    #[test]
    fn quotations_are_not_nicknames() {
        for text in [
            // Speech after a name, in a round-up.
            "Rovers boss Tom Hale “We were poor” after the defeat",
            "Rovers boss Tom Hale “Poor” after the defeat",
            // A title-case heading.
            "Mayor “Furious” Over Ruling",
            // A scare quote after a lower-case word, a quoted word before a name.
            "the so-called “Iron Dome” Johnson",
            "said “Yes” Johnson",
            // Sentence punctuation inside, too many words.
            "Minister Sara Odum “No, Never” Johnson",
            "Sara “One Two Three Four Five” Odum",
            // A title after a possessive, marks in a heading set in capitals.
            "interviewed on NBC’s “The Hour” on Friday",
            "‘RICH’ VERSUS “POOR” TAX BILLS",
            // No space before the mark.
            "Odum“The Rock” Johnson",
        ] {
            assert!(!nickname(text), "{text}");
        }
    }
}
