//! The lead-in of a quotation: the words of its sentence before it, outside quotations, with
//! what the speaker search asks of them (the last verb of saying, the last "according to",
//! the first verb that characterises, whether a document is named) kept up to date as words
//! are read. Quotations of one sentence share one lead-in that grows from one to the next,
//! so a sentence of thousands of quotations is read once.

use super::lexicon::{CHARACTERISE, DOCUMENT, SPEECH};
use super::view::{Token, View};
use crate::article::Article;

/// The lead-in of one quotation (see the module).
#[derive(Default)]
pub struct Lead {
    /// The words, outside quotations.
    pub tokens: Vec<Token>,
    /// The last verb of saying.
    pub last_speech: Option<usize>,
    /// The last "according" followed by "to".
    pub last_according: Option<usize>,
    /// The first word after that "according to" whose gap has a comma.
    pub comma_after_according: Option<usize>,
    /// The first verb that characterises ("accused", "called").
    pub first_characterise: Option<usize>,
    /// A word that names a document ("statement", "bill").
    pub document: bool,
}

impl Lead {
    fn push(&mut self, article: &Article, token: Token) {
        let at = self.tokens.len();
        if token.is(SPEECH) {
            self.last_speech = Some(at);
        }
        if token.is(CHARACTERISE) && self.first_characterise.is_none() {
            self.first_characterise = Some(at);
        }
        self.document |= token.is(DOCUMENT);
        let after_according = self.last_according.is_some_and(|a| at >= a + 2);
        if after_according
            && self.comma_after_according.is_none()
            && article.text(token.gap).contains(',')
        {
            self.comma_after_according = Some(at);
        }
        let according = at > 0
            && token.is_one_of(article, &["to"])
            && self.tokens[at - 1].is_one_of(article, &["according"]);
        if according {
            self.last_according = Some(at - 1);
            self.comma_after_according = None;
        }
        self.tokens.push(token);
    }
}

/// Reads the lead-ins of the quotations of an article, in order.
#[derive(Default)]
pub struct Leads {
    /// The block and the sentence's first token of the lead-in read so far, and how far it is
    /// read.
    place: Option<(usize, usize, usize)>,
    lead: Lead,
}

impl Leads {
    /// The lead-in of the words `start..end` of `view` (a sentence's start, a quotation's
    /// first word): grown from the last one where it is the same sentence, read afresh
    /// otherwise.
    pub fn lead(&mut self, article: &Article, view: &View, start: usize, end: usize) -> &Lead {
        let read_from = match self.place {
            Some((block, from, read)) if block == view.block && from == start && read <= end => {
                read
            }
            _ => {
                self.lead = Lead::default();
                start
            }
        };
        for token in view.tokens[read_from..end].iter().filter(|t| !t.quoted) {
            self.lead.push(article, *token);
        }
        self.place = Some((view.block, start, end));
        &self.lead
    }
}
