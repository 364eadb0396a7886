//! Who an unnamed source is, as far as the story says: its kind ("officials" and "official" are
//! one), and for an unnamed group in the lede, a member the story names further down.

use super::AnonymousSource;
use super::lexicon::{self, SOURCE_NOUN, SPEECH};
use super::view::{Token, Views};
use crate::article::Article;
use crate::span::Span;
use foldhash::{HashMap, HashMapExt};

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

/// Covers the unnamed sources the story identifies further down:
/// - an unnamed group in the lede ("…, officials said") whose member the story names later
///   ("said Dana Ross, a department spokeswoman", "spokesman Owen Pike");
/// - delayed identification: a source in the lede, or an unnamed group anywhere, whose next
///   paragraph opens by naming who speaks ("…, a senior aide said." then "White House
///   legislative director Dana Ross … said").
///
/// Each kind's member and each block's next paragraph are looked for once, however many
/// sources share them.
pub(super) fn name_lede_groups(article: &Article, views: &Views, found: &mut [AnonymousSource]) {
    let lede_end = views
        .views
        .iter()
        .filter(|v| article.blocks[v.block].kind == crate::article::BlockKind::Paragraph)
        .nth(1)
        .map_or(0, |v| article.blocks[v.block].span.end);
    let mut members_of: HashMap<String, Option<Span>> = HashMap::new();
    let mut named_after: HashMap<usize, Option<Span>> = HashMap::new();
    for source in found.iter_mut().filter(|s| s.reason.is_none()) {
        let in_lede = source.span.end <= lede_end;
        let group = group_kind(article, source.span);
        if let Some(kind) = group.as_ref().filter(|_| in_lede) {
            source.named_later = *members_of.entry(kind.clone()).or_insert_with(|| {
                views
                    .views
                    .iter()
                    .filter(|v| article.blocks[v.block].span.start >= lede_end)
                    .find_map(|v| named_member(article, &v.tokens, member_nouns(kind)))
            });
        }
        let Some(block) = article.block_at(source.span) else {
            continue;
        };
        if source.named_later.is_none() && (in_lede || group.is_some()) {
            source.named_later = *named_after
                .entry(block)
                .or_insert_with(|| speaker_named_next(article, views, block));
        }
    }
}

/// The kind of a plural source noun in `span` ("officials" → "official"), if it names a group.
fn group_kind(article: &Article, span: Span) -> Option<String> {
    let noun = article.text(span).split_whitespace().find(|w| {
        let w = w
            .trim_matches(|c: char| !c.is_alphabetic())
            .to_ascii_lowercase();
        w.ends_with('s') && lexicon::classes(&w) & SOURCE_NOUN != 0
    })?;
    Some(kind_of(noun.trim_matches(|c: char| !c.is_alphabetic())))
}

/// The name that the first sentence of the paragraph after `block` gives its speaker: a verb
/// of saying outside quotation marks, and two capitalised words in a row ("Dana Ross",
/// "the Harbour Pilots Association").
fn speaker_named_next(article: &Article, views: &Views, block: usize) -> Option<Span> {
    let next = crate::article::next_in_text(&article.blocks, block)?;
    let view = views.of_block(next)?;
    let (range, _) = view.sentences.first()?;
    let tokens = &view.tokens[range.clone()];
    let capital = |t: &Token| {
        !t.quoted && t.classes == 0 && article.text(t.span).starts_with(char::is_uppercase)
    };
    let speaks = tokens.iter().any(|t| !t.quoted && t.is(SPEECH));
    let name = tokens
        .windows(2)
        .find(|w| capital(&w[0]) && capital(&w[1]) && article.text(w[1].gap).trim().is_empty())?;
    speaks.then(|| Span::new(name[0].span.start, name[1].span.end))
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
