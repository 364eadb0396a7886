//! How the grounding layer compares words, below every file that compares them.

/// Lower case, with curly apostrophes made straight.
pub fn normalise_word(word: &str) -> String {
    word.to_lowercase().replace('’', "'")
}
