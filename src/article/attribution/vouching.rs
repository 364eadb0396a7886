//! What vouches for a claim with no cue of its own in its sentence: the sentence before it in
//! its paragraph, or, for an agentless "it has been confirmed", the next paragraph.

use super::view::{View, Views};
use super::{Claim, ClaimKind, Vouched};
use crate::article::Article;

/// Cues that report what someone said or counted: the ones whose sentence vouches for the
/// sentence after it in a paragraph ("Police said the blast hit at noon. Twelve people were
/// hurt.").
const REPORTING: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "according",
    "reported",
    "estimated",
    "estimates",
    "added",
    "confirmed",
    "stated",
    "announced",
    "figures",
    "data",
    "statement",
    "showed",
    "shows",
];

/// A claim with no cue of its own is vouched for by the sentence before it in its paragraph
/// when that one reports ("Police said the blast hit at noon. No injuries were reported.").
pub fn by_paragraph(article: &Article, view: &View, claims: &mut [Claim]) {
    let block = article.blocks[view.block].span;
    let reporting = |range: &std::ops::Range<usize>| {
        view.tokens[range.clone()]
            .iter()
            .find(|t| !t.quoted && t.is_one_of(article, REPORTING))
            .map(|t| t.span)
    };
    for claim in claims
        .iter_mut()
        .filter(|c| c.vouched.is_none() && block.contains(c.span))
    {
        let at = view
            .sentences
            .binary_search_by_key(&claim.sentence.start, |(_, s)| s.start)
            .ok()
            .filter(|&i| view.sentences[i].1 == claim.sentence);
        let previous = at
            .and_then(|i| i.checked_sub(1))
            .map(|i| &view.sentences[i].0);
        if let Some(cue) = previous.and_then(reporting) {
            claim.cue = Some(cue);
            claim.vouched = Some(Vouched::Paragraph);
        }
    }
}

/// Words of a decision that vouch for an "it has been confirmed" ahead of them ("The decision
/// was ratified by the party's executive").
const DECIDED: &[&str] = &[
    "ratified",
    "approved",
    "decided",
    "agreed",
    "voted",
    "announced",
];

/// An agentless "it has been confirmed" is vouched for when the next paragraph of the running
/// text says who confirmed or decided it ("…, it has been confirmed." then "The decision was
/// ratified by the executive …" or "…, the organiser said").
pub fn confirmed_by_next(article: &Article, views: &Views, claims: &mut [Claim]) {
    for claim in claims.iter_mut().filter(|c| {
        c.vouched.is_none()
            && c.kind == ClaimKind::Absolute
            && article
                .text(c.span)
                .get(..2)
                .is_some_and(|w| w.eq_ignore_ascii_case("it"))
    }) {
        let Some(block) = article.block_at(claim.span) else {
            continue;
        };
        let next = crate::article::next_in_text(&article.blocks, block)
            .and_then(|next| views.of_block(next));
        let cue = next.and_then(|view| {
            view.tokens
                .iter()
                .find(|t| {
                    !t.quoted && (t.is_one_of(article, REPORTING) || t.is_one_of(article, DECIDED))
                })
                .map(|t| t.span)
        });
        if let Some(cue) = cue {
            claim.cue = Some(cue);
            claim.vouched = Some(Vouched::Paragraph);
        }
    }
}
