//! Who an unnamed source is, as far as the story says: its kind ("officials" and "official" are
//! one), and for an unnamed group in the lede, a member the story names further down.

use super::AnonymousSource;
use super::lexicon::{self, SOURCE_NOUN};
use super::view::{Token, Views};
use crate::article::Article;
use crate::span::Span;

/// The kind of source a source noun names, in lower case and singular ("officials" and
/// "official" are one kind, "people" and "person" another).
pub(super) fn kind_of(noun: &str) -> String {
    let lower = noun.to_ascii_lowercase();
    if lower == "people" {
        return "person".to_owned();
    }
    match lower.strip_suffix('s') {
        Some(singular) => singular.to_owned(),
        None => lower,
    }
}

/// The nouns that name a member of an unnamed group of a kind ("officials" is named by "Dana
/// Ross, a department spokeswoman").
fn member_nouns(kind: &str) -> &'static [&'static str] {
    match kind {
        "official" => &[
            "official",
            "officials",
            "spokesman",
            "spokeswoman",
            "spokesperson",
            "spokespeople",
        ],
        "aide" | "adviser" | "advisor" | "staffer" => &["aide", "adviser", "advisor", "staffer"],
        "diplomat" => &["diplomat", "ambassador", "envoy"],
        _ => &[],
    }
}

/// An unnamed group in the lede ("…, officials said") whose member the story names further
/// down ("said Dana Ross, a department spokeswoman", "spokesman Owen Pike") is covered.
pub(super) fn name_lede_groups(article: &Article, views: &Views, found: &mut [AnonymousSource]) {
    let lede_end = views
        .views
        .iter()
        .filter(|v| article.blocks[v.block].kind == crate::article::BlockKind::Paragraph)
        .nth(1)
        .map_or(0, |v| article.blocks[v.block].span.end);
    for source in found.iter_mut().filter(|s| s.span.end <= lede_end) {
        let text = article.text(source.span);
        let Some(noun) = text.split_whitespace().find(|w| {
            let w = w
                .trim_matches(|c: char| !c.is_alphabetic())
                .to_ascii_lowercase();
            w.ends_with('s') && lexicon::classes(&w) & SOURCE_NOUN != 0
        }) else {
            continue;
        };
        let kind = kind_of(noun.trim_matches(|c: char| !c.is_alphabetic()));
        let members = member_nouns(&kind);
        source.named_later = views
            .views
            .iter()
            .filter(|v| article.blocks[v.block].span.start >= lede_end)
            .find_map(|v| named_member(article, &v.tokens, members));
    }
}

/// A person named with one of `members` in `tokens`: "Dana Ross, a spokeswoman", "Dana
/// Ross, the department's chief spokeswoman", "spokesman Owen Pike".
fn named_member(article: &Article, tokens: &[Token], members: &[&str]) -> Option<Span> {
    let capital = |t: &Token| !t.quoted && article.text(t.span).starts_with(char::is_uppercase);
    tokens.iter().enumerate().find_map(|(at, token)| {
        // A party's spokesman ("Tory work and pensions spokesman") speaks for no office.
        let party = tokens[at.saturating_sub(5)..at]
            .iter()
            .any(|t| t.is_one_of(article, PARTIES));
        if token.quoted || party || !token.is_one_of(article, members) {
            return None;
        }
        // "spokesman Owen Pike": two capitalised words right after.
        if let [first, second, ..] = &tokens[at + 1..]
            && capital(first)
            && capital(second)
            && !article.text(first.gap).contains([',', '.'])
        {
            return Some(Span::new(token.span.start, second.span.end));
        }
        // "Dana Ross, a spokeswoman": a name, a comma, up to four words, the noun.
        let from = at.saturating_sub(5);
        (from..at.saturating_sub(1)).find_map(|name_end| {
            let comma = article.text(tokens[name_end + 1].gap).contains(',');
            let no_stop = tokens[name_end + 1..=at]
                .iter()
                .all(|t| !article.text(t.gap).contains(['.', ';']));
            (comma
                && no_stop
                && name_end >= 1
                && capital(&tokens[name_end])
                && capital(&tokens[name_end - 1]))
            .then(|| Span::new(tokens[name_end - 1].span.start, token.span.end))
        })
    })
}

/// Words that make a spokesman a party's or a campaign's, not an office's.
const PARTIES: &[&str] = &[
    "shadow",
    "opposition",
    "party",
    "tory",
    "labour",
    "conservative",
    "liberal",
    "democratic",
    "republican",
    "campaign",
];
