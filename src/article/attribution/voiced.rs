//! Whether a passage is someone's view rather than the reporter's own: the gate of a rule with
//! `unattributed = true`, which judges only what the reporter says unprompted.

use super::lexicon::{VIEW, classes};
use crate::article::Article;
use crate::span::Span;

impl Article {
    /// Whether `span` is in a sentence that attributes (a verb of saying, calling, believing or
    /// thinking outside quotation marks and outside `span`: "Democrats called it
    /// disgraceful"), or follows in its paragraph a sentence with such a verb, which reported
    /// speech runs on from ("He said he was sick of it. It was
    /// pathetic that …"; "…, according to the Tribune. He will reportedly …").
    pub fn attributed(&self, span: Span) -> bool {
        let Some(sentence) = self.sentence_at(span) else {
            return false;
        };
        self.has_cue(sentence, span)
            || self
                .sentence_before(sentence)
                .is_some_and(|before| self.has_cue(before, span))
    }

    /// Whether a verb of the [`VIEW`] class stands outside quotation marks in `sentence`, other
    /// than the words of `span` itself (the "said" of "is said to").
    fn has_cue(&self, sentence: Span, span: Span) -> bool {
        self.words(sentence).any(|word| {
            classes(self.text(word)) & VIEW != 0 && !span.overlaps(word) && !self.in_quote(word)
        })
    }
}
