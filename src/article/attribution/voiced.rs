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

#[cfg(test)]
mod tests {
    use crate::article::{Article, Format};

    /// Whether the first `word` of `source` is attributed.
    fn attributed(source: &str, word: &str) -> bool {
        let article = Article::parse("t.txt", source, Format::Plain);
        let start = source.find(word).expect("word in source");
        article.attributed(crate::span::Span::new(start, start + word.len()))
    }

    #[test]
    fn a_verb_of_saying_or_calling_in_the_sentence_makes_it_someones_view() {
        let title = "Pier vote\n\n";
        assert!(!attributed(
            &format!("{title}The disgraceful vote closed the pier.\n"),
            "disgraceful"
        ));
        assert!(attributed(
            &format!("{title}Anglers called the vote disgraceful.\n"),
            "disgraceful"
        ));
        assert!(attributed(
            &format!("{title}The vote was disgraceful, she said.\n"),
            "disgraceful"
        ));
        // Quoted verbs do not count, nor the match's own words.
        assert!(!attributed(
            &format!("{title}The vote, a “said” deal, was disgraceful.\n"),
            "disgraceful"
        ));
        assert!(!attributed(
            &format!("{title}The pier is said to be unsafe.\n"),
            "is said to"
        ));
    }

    #[test]
    fn reported_speech_runs_on_into_the_next_sentence_of_its_paragraph_only() {
        let text =
            "Pier vote\n\nThe mayor said she was tired. It was disgraceful to vote at night.\n";
        assert!(attributed(text, "disgraceful"));
        let apart =
            "Pier vote\n\nThe mayor said she was tired.\n\nIt was disgraceful to vote at night.\n";
        assert!(!attributed(apart, "disgraceful"));
    }

    #[test]
    fn a_report_named_before_or_after_vouches_for_a_claim() {
        let before = "Pier sale\n\nThe pier will be sold, according to the Gazette.\n\nThe buyer reportedly paid cash.\n";
        assert!(attributed(before, "reportedly"));
        let after = "Pier sale\n\nThe buyer reportedly paid cash.\n\nThe deal closed on Monday. The Gazette reported the price.\n";
        assert!(attributed(after, "reportedly"));
        let far = "Pier sale\n\nThe buyer reportedly paid cash.\n\nThe deal closed on Monday.\n\nThe Gazette reported the price.\n";
        assert!(!attributed(far, "reportedly"));
    }
}
