//! Who said what: the attribution layer of the article model.
//!
//! Computed once per article, the first time a rule asks ([`Article::attribution`]), and shown by
//! `copydesk dump-model`:
//! - for every direct quotation, its speaker, the cue that attributes it ("said", "told",
//!   "according to", a colon) and how that was decided ([`Resolution`]);
//! - for every check-worthy claim (a death toll, an estimate of a crowd, a poll share, a
//!   forecast, a record, an absolute such as "no casualties were reported"), what vouches for
//!   it, if anything;
//! - every anonymous source, with the reason the story gives for the anonymity, if any.
//!
//! Everything here reads the words of the article as split once ([`Article::words`]), with one
//! table lookup per word ([`lexicon`]); quoted words are never attribution.

mod anonymous;
mod around;
mod claims;
mod clause;
mod lead;
pub mod lexicon;
mod members;
mod model;
mod opinion;
mod speakers;
mod view;
mod voiced;
mod vouching;

pub use model::{
    AnonymousSource, Attribution, Claim, ClaimKind, QuoteSource, Resolution, Voicing, Vouched,
};

use super::Article;

/// The attribution layer of `article`.
fn analyse(article: &Article) -> Attribution {
    let views = view::Views::new(article);
    Attribution {
        quotes: speakers::resolve(article, &views),
        claims: claims::find(article, &views),
        anonymous: anonymous::find(article, &views),
    }
}

impl Article {
    /// Who said each quotation, what vouches for each check-worthy claim, and the anonymous
    /// sources (see [`attribution`](self)), worked out once.
    pub fn attribution(&self) -> &Attribution {
        self.attribution.get_or_init(|| analyse(self))
    }
}
