//! Whose voice a passage is in. A news story speaks in the reporter's voice, which never says
//! "I" outside quotation marks. A passage where someone does is another voice: readers'
//! comments printed under a story, or a writer's own account. The editorial-voice rules (a rule
//! with `news-only = true`) leave such a passage alone, as they leave a labelled column alone
//! ([`super::label`]).
//!
//! How the passage is found: the paragraphs in which someone speaks as "I" outside quotation
//! marks ("I think", "I'm", "my", "me"), or speaks to someone as "you" ("your time may have
//! come, Robert"). When two or more do, the passage runs from the first of them to the end of
//! the story, and back over the paragraphs just before it that neither quote nor report speech
//! ("said", "told", "according to" …), for a reader's comment need not say "I"; never back to
//! the first paragraph. One such paragraph is not enough: a stray "me" in a title, or a
//! quotation whose marks never close, must not silence a story.

use super::{Article, BlockKind};
use crate::span::Span;

/// First-person words that are only pronouns.
const FIRST_PERSON: &[&str] = &[
    "I'm", "I’m", "I've", "I’ve", "I'd", "I’d", "I'll", "I’ll", "me", "my", "myself",
];

/// Second-person words: a reader's comment speaks to the story's subject ("your time may have
/// come, Robert") as a news story never does outside quotation marks.
const SECOND_PERSON: &[&str] = &["you", "your", "you're", "you’re", "yourself"];

/// How many paragraphs must speak as "I" before the passage is another voice.
const PARAGRAPHS: usize = 2;

impl Article {
    /// Whether block `block` is in a passage where someone speaks as "I" outside quotation
    /// marks (readers' comments, a writer's own account): not the reporter's news voice.
    pub fn in_first_person(&self, block: usize) -> bool {
        let from = *self.first_person.get_or_init(|| first_person_from(self));
        from.is_some_and(|from| block >= from)
    }
}

/// The index of the block where the story's first-person passage starts, if it has one.
fn first_person_from(article: &Article) -> Option<usize> {
    let mut first = None;
    let mut count = 0;
    for (index, block) in article.blocks.iter().enumerate() {
        if block.kind == BlockKind::Paragraph && speaks_as_i(article, index) {
            first.get_or_insert(index);
            count += 1;
            if count == PARAGRAPHS {
                return first.map(|first| back_over_unreported(article, first));
            }
        }
    }
    None
}

/// The first of the paragraphs before block `from` that neither quote nor report speech, up to
/// the story's first paragraph, which always stays the reporter's (even when `from` is it).
fn back_over_unreported(article: &Article, from: usize) -> usize {
    let lede = article
        .blocks
        .iter()
        .position(|b| b.kind == BlockKind::Paragraph)
        .unwrap_or(from);
    let mut start = from.max(lede + 1);
    while start > lede + 1 && unreported(article, start - 1) {
        start -= 1;
    }
    start
}

/// The verbs that mark a paragraph as reporting what someone said.
const REPORTING: &[&str] = &["said", "says", "told", "according", "added", "asked"];

/// Whether block `block` is a paragraph with no quotation and none of the [`REPORTING`] verbs.
fn unreported(article: &Article, block: usize) -> bool {
    article.blocks[block].kind == BlockKind::Paragraph
        && article.quotes_in(block).is_empty()
        && !article.block_words(block).any(|word| {
            let text = article.text(word);
            REPORTING.iter().any(|r| r.eq_ignore_ascii_case(text))
        })
}

/// Whether someone speaks as "I" outside quotation marks in block `block`.
fn speaks_as_i(article: &Article, block: usize) -> bool {
    let words: Vec<Span> = article.block_words(block).collect();
    words.iter().enumerate().any(|(at, &span)| {
        let text = article.text(span);
        let pronoun = FIRST_PERSON.contains(&text)
            || SECOND_PERSON.iter().any(|w| w.eq_ignore_ascii_case(text))
            || text == "I" && subject_i(article, &words, at);
        pronoun && !article.in_quote(span)
    })
}

/// Whether the "I" at `at` is the pronoun: followed by a word in lower case ("I think"), and not
/// a numeral after a name ("World War I", "Elizabeth I", "Part I").
fn subject_i(article: &Article, words: &[Span], at: usize) -> bool {
    let lower = |span: &Span| article.text(*span).starts_with(|c: char| c.is_lowercase());
    let verb_after = words.get(at + 1).is_some_and(lower);
    let numeral = at.checked_sub(1).is_some_and(|before| {
        let previous = words[before];
        let gap = article.text(Span::new(previous.end, words[at].start));
        gap == " " && article.text(previous).starts_with(char::is_uppercase)
    });
    verb_after && !numeral
}

#[cfg(test)]
mod tests {
    use crate::article::{Article, BlockKind, Format};

    /// The text of each paragraph in a first-person passage.
    fn passage(source: &str) -> Vec<String> {
        let article = Article::parse("t.txt", source, Format::Plain);
        (0..article.blocks.len())
            .filter(|&b| article.blocks[b].kind == BlockKind::Paragraph)
            .filter(|&b| article.in_first_person(b))
            .map(|b| article.text(article.blocks[b].span).to_owned())
            .collect()
    }

    const STORY: &str = "Pier to close\n\n\
        The council voted on Tuesday to close the pier, officials said.\n\n\
        “We had no choice,” the council leader said.\n\n";

    #[test]
    fn readers_comments_after_a_story_are_another_voice() {
        let source = format!(
            "{STORY}What a waste of a fine pier!\n\n\
             I walked on it every Sunday as a boy.\n\n\
             Shame on you, councillors. My town deserves better.\n"
        );
        assert_eq!(
            passage(&source),
            [
                "What a waste of a fine pier!",
                "I walked on it every Sunday as a boy.",
                "Shame on you, councillors. My town deserves better."
            ]
        );
    }

    #[test]
    fn one_first_person_paragraph_or_i_quoted_or_a_numeral_is_not_a_passage() {
        let one = format!("{STORY}I think it is a shame.\n\nThe pier opened in 1901.\n");
        assert!(passage(&one).is_empty());
        let quoted = format!(
            "{STORY}“I think it is a shame,” one angler said.\n\n\
             “My father fished here,” he said.\n"
        );
        assert!(passage(&quoted).is_empty());
        let numerals = format!(
            "{STORY}The pier was built before World War I began.\n\n\
             It was opened by a son of Elizabeth I descendants.\n"
        );
        assert!(passage(&numerals).is_empty());
    }

    #[test]
    fn the_lede_is_never_in_the_passage() {
        let source = "Pier to close\n\nI think my pier should stay.\n\nI walked on it every day.\n";
        assert_eq!(passage(source), ["I walked on it every day."]);
    }
}
