//! What a story says it is, when it is not news: opinion, analysis, a review, a column. The
//! editorial-voice rules (a rule with `news-only = true`) leave such a story alone, for a
//! column may judge and exclaim as a news story may not.
//!
//! How the label is read, the first that says one:
//! - a Markdown draft's front matter: `type: opinion` (YAML) or `type = "opinion"` (TOML);
//! - a record's `type` field ([`crate::config::RecordFields`]);
//! - a kicker: a label word before the headline's colon or bar ("Analysis: No pain, no
//!   gain?");
//! - a label line: a block among the first three after the headline whose whole text is a
//!   label word, in any case, with a colon, a bar or a dash after it ("Opinion", "ANALYSIS:",
//!   "Review |").
//!
//! A value that is not a label word ("news", "feature", "obituary") labels nothing: the story
//! is read as news.

use super::{Block, BlockKind};
use crate::span::Span;
use serde::Serialize;

/// A kind of story that is not news.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum StoryLabel {
    /// Opinion, commentary, an editorial, an op-ed.
    Opinion,
    /// Analysis, news analysis.
    Analysis,
    /// A review of a book, a film, a record, a restaurant.
    Review,
    /// A column.
    Column,
}

/// The words that label a story, in lower case, and the label each gives.
const LABEL_WORDS: &[(&str, StoryLabel)] = &[
    ("opinion", StoryLabel::Opinion),
    ("commentary", StoryLabel::Opinion),
    ("comment", StoryLabel::Opinion),
    ("editorial", StoryLabel::Opinion),
    ("op-ed", StoryLabel::Opinion),
    ("analysis", StoryLabel::Analysis),
    ("news analysis", StoryLabel::Analysis),
    ("review", StoryLabel::Review),
    ("column", StoryLabel::Column),
];

/// The longest block read as a label line, in bytes ("News analysis |"): a longer one is
/// prose, and is not lower-cased to find out.
const LONGEST_LABEL_LINE: usize = 24;

/// How many blocks after the headline a label line may stand in.
const LABEL_LINE_WITHIN: usize = 3;

impl StoryLabel {
    /// The label a value names ("Opinion", "op-ed", " analysis "), if any.
    pub fn named(value: &str) -> Option<Self> {
        let value = value.trim().to_lowercase();
        LABEL_WORDS
            .iter()
            .find(|(word, _)| *word == value)
            .map(|&(_, label)| label)
    }

    pub fn name(self) -> &'static str {
        match self {
            StoryLabel::Opinion => "opinion",
            StoryLabel::Analysis => "analysis",
            StoryLabel::Review => "review",
            StoryLabel::Column => "column",
        }
    }

    /// The label line of `blocks` of `source`, if one of the first blocks after the headline
    /// is a label word on its own: the label and the line.
    pub fn line(source: &str, blocks: &[Block]) -> Option<(Self, Span)> {
        Self::kicker(source, blocks).or_else(|| Self::label_line(source, blocks))
    }

    /// A label word before the headline's colon or bar ("Analysis: No pain, no gain?").
    fn kicker(source: &str, blocks: &[Block]) -> Option<(Self, Span)> {
        let headline = blocks.iter().find(|b| b.kind == BlockKind::Headline)?;
        let text = source.get(headline.span.range())?;
        let end = text
            .find([':', '|'])
            .filter(|&end| end < LONGEST_LABEL_LINE)?;
        let label = Self::named(&text[..end])?;
        Some((
            label,
            Span::new(headline.span.start, headline.span.start + end),
        ))
    }

    fn label_line(source: &str, blocks: &[Block]) -> Option<(Self, Span)> {
        blocks
            .iter()
            .filter(|b| b.kind != BlockKind::Headline)
            .take(LABEL_LINE_WITHIN)
            .filter(|block| block.span.len() <= LONGEST_LABEL_LINE)
            .find_map(|block| {
                let text = source.get(block.span.range())?;
                let word = text.trim().trim_end_matches([':', '|', '-', '—', '–', ' ']);
                Some((Self::named(word)?, block.span))
            })
    }
}

#[cfg(test)]
mod tests {
    use super::StoryLabel;
    use crate::article::{Article, Format};

    #[test]
    fn label_words_in_any_case_name_a_label_and_others_none() {
        assert_eq!(StoryLabel::named("Opinion"), Some(StoryLabel::Opinion));
        assert_eq!(StoryLabel::named(" OP-ED "), Some(StoryLabel::Opinion));
        assert_eq!(
            StoryLabel::named("news analysis"),
            Some(StoryLabel::Analysis)
        );
        for news in ["news", "feature", "opinions differ", ""] {
            assert_eq!(StoryLabel::named(news), None, "{news}");
        }
    }

    #[test]
    fn a_label_line_under_the_headline_labels_the_story() {
        let labelled = Article::parse(
            "a.txt",
            "Why the harbour plan fails\n\nANALYSIS:\n\nThe council's plan is late.\n",
            Format::Plain,
        );
        assert_eq!(labelled.label.map(|l| l.0), Some(StoryLabel::Analysis));
        // A paragraph that opens with the word is not a label line.
        let news = Article::parse(
            "b.txt",
            "Harbour plan delayed\n\nAnalysis of the plan shows it is late.\n",
            Format::Plain,
        );
        assert_eq!(news.label, None);
    }
}
