//! Whether a passage is someone's view rather than the reporter's own: the gate of a rule with
//! `unattributed = true`, which judges only what the reporter says unprompted.
//!
//! Every sentence's cues are counted once per article ([`Voicing`]), so the gate costs a
//! bisection and a look at the words of the match itself, however many matches a sentence has.

use super::Voicing;
use super::lexicon::{SOURCED, VIEW, classes};
use crate::article::{Article, BlockKind};
use crate::span::Span;

impl Article {
    /// Whether `span` is someone's view, reported: its sentence has a verb of saying, calling,
    /// believing or thinking outside quotation marks and outside `span` ("Democrats called it
    /// disgraceful"); or it follows in its paragraph a sentence with such a verb, which
    /// reported speech runs on from ("He said he was sick of it. It was pathetic that …"); or
    /// the sentence before it, the rest of its paragraph or the next paragraph names where it
    /// comes from ("…, according to the Tribune. He will reportedly resign.", "He will
    /// reportedly resign. The Tribune reported that …").
    pub fn attributed(&self, span: Span) -> bool {
        let tokens = self.tokens();
        let sentences = &tokens.sentences;
        let after = sentences.partition_point(|s| s.start <= span.start);
        let Some(at) = after
            .checked_sub(1)
            .filter(|&i| sentences[i].contains(span))
        else {
            return false;
        };
        let Some(block) = self.block_at(span) else {
            return false;
        };
        let voicing = self.voicing();
        let own = tokens.block_sentences[block].clone();
        let says = voicing.views[at] > self.cues_in(span, VIEW);
        let ran_on = at > own.start && voicing.views[at - 1] > 0;
        // Where a claim comes from, named just before it or after it: the sentence before (the
        // last of the previous paragraph for a paragraph's first), and the rest of its paragraph
        // with the next paragraph.
        let paragraph = |index: usize| {
            self.blocks
                .get(index)
                .is_some_and(|b| b.kind == BlockKind::Paragraph)
        };
        let sources = |from: usize, to: usize| voicing.sources[to] - voicing.sources[from];
        let before = at > own.start || block > 0 && paragraph(block - 1);
        let sourced_before = before && at > 0 && sources(at - 1, at) > 0;
        let until = match paragraph(block + 1) {
            true => tokens.block_sentences[block + 1].end,
            false => own.end,
        };
        let sourced_after = sources(at + 1, until.max(at + 1)) > 0;
        says || ran_on || sourced_before || sourced_after
    }

    /// Each sentence's cues, counted once.
    fn voicing(&self) -> &Voicing {
        self.voicing.get_or_init(|| {
            let sentences = &self.tokens().sentences;
            let mut voicing = Voicing {
                views: Vec::with_capacity(sentences.len()),
                sources: vec![0],
            };
            let mut seen = 0;
            for &sentence in sentences {
                voicing.views.push(self.cues_in(sentence, VIEW));
                seen = u32::saturating_add(seen, self.cues_in(sentence, SOURCED));
                voicing.sources.push(seen);
            }
            voicing
        })
    }

    /// How many words of `class` stand outside quotation marks in `span`.
    fn cues_in(&self, span: Span, class: u32) -> u32 {
        let count = self
            .words(span)
            .filter(|&word| classes(self.text(word)) & class != 0 && !self.in_quote(word))
            .count();
        u32::try_from(count).unwrap_or(u32::MAX)
    }
}
