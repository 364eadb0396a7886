//! Anonymous sources: people the story does not name ("a senior official said", "people
//! familiar with the talks", ", officials said"), with the reason the story gives for the
//! anonymity, looked for in the source's paragraph and then anywhere in the story (a reason
//! that names the anonymity, given for one unnamed source, covers its like ones). "Official
//! data", "official figures" and "an official statement" are no source. A source that speaks
//! in public (at a hearing, a news conference, in a statement) is not anonymous, and the
//! officials of a local body speak for it ("police officials said").

use super::AnonymousSource;
use super::lexicon::{
    CALENDAR, DATA, DOCUMENT, GROUP, INSTITUTION, NUMBER, PUBLIC, SOURCE_NOUN, SPEECH,
};
use super::view::{Token, View, Views};
use crate::article::Article;
use crate::span::Span;
use foldhash::{HashMap, HashMapExt};

/// Phrases that give the reason for an anonymity, compared in ASCII lower case.
const REASONS: &[&str] = &[
    "anonymity",
    "anonymously",
    "not authorized",
    "not authorised",
    "unauthorized",
    "unauthorised",
    "not permitted",
    "not allowed to",
    "declined to be identified",
    "declined to be named",
    "not to be identified",
    "not to be named",
    "requested anonymity",
    "on background",
    "not cleared",
    "private",
    "confidential",
    "sensitiv",
    "because they were not",
    "because he was not",
    "because she was not",
    "not publicly",
    "fear of reprisal",
    "for fear",
];

/// The reasons that name the anonymity itself: given anywhere in the story, they cover its
/// unnamed sources ("spoke on condition of anonymity", "was not authorized to discuss"); the
/// other reasons ("private", "sensitive") count only in the source's paragraph.
const STORY_REASONS: &[&str] = &[
    "anonymity",
    "anonymously",
    "not authorized to speak",
    "not authorized to discuss",
    "not authorized to comment",
    "not authorized to talk",
    "not authorised to speak",
    "not authorised to discuss",
    "not authorised to comment",
    "not authorised to talk",
    "declined to be identified",
    "declined to be named",
    "not to be identified",
    "not to be named",
];

/// How many quoted words in a source's sentence quote the source ([`AnonymousSource::quoted`]);
/// fewer are a term or a scare quote ("the “right conditions”").
const QUOTED_WORDS: usize = 4;

/// Words that make a source indefinite, introduced for the first time.
const INDEFINITE: &[&str] = &[
    "a", "an", "one", "several", "some", "other", "another", "many", "two", "three", "four",
];

/// Words that end the noun phrase of a source when read backwards ("a day after Texas
/// officials said" is not "a … officials").
const PREPOSITIONS: &[&str] = &[
    "after", "before", "of", "in", "on", "at", "for", "with", "by", "from", "to", "than", "when",
    "as", "and", "or", "that", "said", "says", "citing", "quoted", "quoting", "reported",
];

/// Prepositions whose object is not a source ("contact with several advisers").
const OBJECT_OF: &[&str] = &[
    "with", "of", "for", "from", "among", "about", "between", "against", "on", "at", "in", "to",
    "into", "over", "like", "by",
];

/// Words after a source that make it a knowledgeable, unnamed one.
const KNOWLEDGE: &[&str] = &[
    "familiar",
    "close",
    "briefed",
    "knowledgeable",
    "involved",
    "aware",
];

pub fn find(article: &Article, views: &Views) -> Vec<AnonymousSource> {
    let mut found: Vec<AnonymousSource> = Vec::new();
    // Reasons that name the anonymity, anywhere in the story, with the kinds of source their
    // paragraphs speak of: each covers its like sources elsewhere ("a senior official said …"
    // in the lede, "officials spoke on condition of anonymity" further down).
    let story_reasons = std::cell::OnceCell::new();
    // The last source whose anonymity was explained, for those after it.
    let mut explained: Option<Span> = None;
    // The kinds of source the story has described so far: a vague mention of one after
    // ("people familiar with the meeting …", then "one person said") refers back to it.
    let mut described_kinds: Vec<String> = Vec::new();
    for view in &views.views {
        // The paragraph's reason, looked for once, when it first has a source.
        let mut paragraph_reason: Option<Option<Span>> = None;
        for (range, sentence) in &view.sentences {
            let tokens = &view.tokens[range.clone()];
            let mentioned = mentions(article, tokens);
            if mentioned.is_empty()
                || tokens.iter().any(|t| !t.quoted && t.is(PUBLIC))
                || in_statement(article, *sentence)
            {
                continue;
            }
            let here = *paragraph_reason.get_or_insert_with(|| {
                reason(article, view).or_else(|| next_reason(article, views, view.block))
            });
            let opinion = super::opinion::gives_opinion(article, *sentence);
            let quoted = tokens
                .iter()
                .filter(|t| t.quoted)
                .nth(QUOTED_WORDS - 1)
                .is_some();
            for Mention {
                span,
                noun,
                described,
            } in mentioned
            {
                let kind = super::members::kind_of(article.text(tokens[noun].span));
                // "a person familiar" and "a source" are one kind of source here.
                let family = if kind == "person" { "source" } else { &kind };
                let described = described || described_kinds.iter().any(|k| k == family);
                if described && !described_kinds.iter().any(|k| k == family) {
                    described_kinds.push(family.to_owned());
                }
                // "…, officials said" with no one further described: the wire's shorthand for
                // the officials of the body the story is about, which a routine fact needs no
                // more than.
                let bare_officials = span.start == tokens[noun].span.start
                    && tokens[noun].is_one_of(article, &["officials"]);
                if bare_officials && !opinion {
                    continue;
                }
                // The story-wide reasons are read only for a source its paragraph leaves
                // unexplained.
                let reason = here.or_else(|| {
                    story_reasons
                        .get_or_init(|| explained_kinds(article, views))
                        .get(&kind)
                        .copied()
                });
                found.push(AnonymousSource {
                    span,
                    reason,
                    explained_before: explained,
                    named_later: None,
                    opinion,
                    described,
                    quoted,
                });
                if reason.is_some() {
                    explained = Some(span);
                }
            }
        }
    }
    super::members::name_lede_groups(article, views, &mut found);
    found
}

/// For each kind of source that a paragraph naming an anonymity ([`STORY_REASONS`]) speaks
/// of, the first such reason.
fn explained_kinds(article: &Article, views: &Views) -> HashMap<String, Span> {
    let mut kinds = HashMap::new();
    for view in &views.views {
        let Some(reason) = reason_of(article, view, STORY_REASONS) else {
            continue;
        };
        for token in view.tokens.iter().filter(|t| t.is(SOURCE_NOUN)) {
            kinds
                .entry(super::members::kind_of(article.text(token.span)))
                .or_insert(reason);
        }
    }
    kinds
}

/// Whether a sentence reports words given in public: a statement, a release, a document's
/// account ("as described by the report"), or the public's own reaction ("people took to
/// social media to say …"), which is a summary, not sourcing.
fn in_statement(article: &Article, sentence: Span) -> bool {
    let text = article.text(sentence);
    text.contains("in a statement")
        || text.contains("news release")
        || text.contains("press release")
        || REACTION.iter().any(|r| text.contains(r))
        || DOCUMENTED.iter().any(|d| text.contains(d))
}

/// Words that put an unnamed person inside a document's account ("…, a former official wrote
/// to the board, as described by the audit").
const DOCUMENTED: &[&str] = &[
    "as described by",
    "as described in",
    "according to the report",
    "according to a report",
    "according to documents",
    "according to court",
    "according to the indictment",
    "according to the complaint",
    "according to the lawsuit",
    "according to the filing",
    "the report said",
    "the report says",
];

/// Words of a summary of public reaction.
const REACTION: &[&str] = &[
    "social media",
    "on Twitter",
    "on Facebook",
    "on Instagram",
    "on TikTok",
    "online",
    "took to",
    "reaction",
    "commenters",
    "viewers",
    "listeners",
    "readers",
];

/// An unnamed source as one sentence introduces it.
struct Mention {
    /// The words that describe the source.
    span: Span,
    /// The index of its source noun in the sentence's tokens.
    noun: usize,
    /// Whether the words say who the source is ([`AnonymousSource::described`]).
    described: bool,
}

/// Words before a source noun that give its standing or number, not who it is: "a senior
/// official" says no more than "an official" of whom the source works for.
const STANDING: &[&str] = &[
    "senior",
    "top",
    "high-ranking",
    "high-level",
    "former",
    "current",
    "one",
    "other",
    "another",
    "some",
    "several",
    "many",
    "anonymous",
    "unnamed",
    "unidentified",
    "two",
    "three",
    "four",
    "multiple",
    "a",
    "an",
    "according",
    "to",
    "government",
];

/// Source nouns that name a role, not just someone who speaks ("a diplomat said").
const ROLE_NOUNS: &[&str] = &["diplomat", "diplomats", "witnesses"];

/// Whether the source noun at `at`, whose phrase starts at `start`, is described
/// ([`AnonymousSource::described`]): a modifier that is no mere standing, a role noun, or a
/// knowledge phrase after it.
fn is_described(article: &Article, tokens: &[Token], start: usize, at: usize, knows: bool) -> bool {
    // "an official at the ministry", "a source in the prime minister's office"
    let affiliated = tokens.get(at + 1..at + 3).is_some_and(|after| {
        after[0].is_one_of(
            article,
            &["at", "from", "of", "in", "with", "for", "inside"],
        ) && !after[1].quoted
            && !after[1].is(SPEECH)
    });
    knows
        || affiliated
        || tokens[at].is_one_of(article, ROLE_NOUNS)
        || tokens[start..at]
            .iter()
            .any(|t| !t.is(NUMBER) && !t.is_one_of(article, STANDING))
}

/// The unnamed sources one sentence introduces.
fn mentions(article: &Article, tokens: &[Token]) -> Vec<Mention> {
    let mut found = Vec::new();
    for (at, token) in tokens.iter().enumerate() {
        if token.quoted {
            continue;
        }
        // "according to two senior staff members": the words of a group nobody names.
        let group = || {
            token.is(GROUP)
                && (at.saturating_sub(6)..at.saturating_sub(2)).any(|i| {
                    tokens[i].is_one_of(article, &["according"])
                        && tokens[i + 1].is_one_of(article, &["to"])
                })
        };
        if !token.is(SOURCE_NOUN) && !group() {
            continue;
        }
        // "official data", "official figures", "an official statement": an adjective.
        let adjective = token.is_one_of(article, &["official"])
            && tokens
                .get(at + 1)
                .is_some_and(|t| t.is(DATA | DOCUMENT) && !t.quoted);
        if adjective {
            continue;
        }
        let after = &tokens[at + 1..tokens.len().min(at + 4)];
        // "a campaign aide had been told": told something, not telling it.
        let passive = after
            .iter()
            .take(2)
            .any(|t| t.is_one_of(article, &["been", "was", "were", "is", "are", "being"]));
        let speaks = !passive && after.iter().take(2).any(|t| t.is(SPEECH) && !t.quoted);
        // "A senior aide, who spoke on condition of anonymity, said …"
        let speaks_later = !passive
            && tokens[at + 1..]
                .iter()
                .take(10)
                .any(|t| t.is(SPEECH) && !t.quoted);
        let knows = after
            .first()
            .is_some_and(|t| t.is_one_of(article, KNOWLEDGE))
            || after.windows(2).next().is_some_and(|w| {
                w[0].is_one_of(article, &["with"])
                    && w[1].is_one_of(article, &["knowledge", "direct"])
            });
        let people = token.is_one_of(article, &["person", "people"]);
        let start = phrase_start(article, tokens, at);
        if not_a_source(article, tokens, start, at) {
            continue;
        }
        let determiner = tokens[start..at]
            .iter()
            .position(|t| t.is_one_of(article, INDEFINITE) || t.is(NUMBER));
        let according = start >= 2
            && tokens[start - 2].is_one_of(article, &["according"])
            && tokens[start - 1].is_one_of(article, &["to"]);
        let definite = tokens[start..at].iter().any(|t| {
            t.is_one_of(
                article,
                &[
                    "the", "this", "that", "these", "those", "his", "her", "their", "its",
                ],
            )
        });
        let institution = tokens[start..at].iter().any(|t| t.is(INSTITUTION));
        let bare = start == at
            && speaks
            && !people
            && (at == 0 || article.text(token.gap).contains([',', '—', '–']));
        let introduced = (determiner.is_some() || according)
            && !definite
            && (speaks_later || knows || according);
        // "people close to the minister said", not "a list of people close to the minister".
        let knowing = knows && !definite && (speaks_later || according);
        if people && !knows {
            continue;
        }
        if (introduced || knowing || bare) && (knows || !institution) {
            let from = determiner.map_or(start, |d| start + d);
            let end = after
                .iter()
                .take(2)
                .filter(|t| t.is(SPEECH) || t.is_one_of(article, KNOWLEDGE))
                .last()
                .map_or(token.span.end, |t| t.span.end);
            found.push(Mention {
                span: Span::new(tokens[from].span.start, end),
                noun: at,
                described: is_described(article, tokens, start, at, knows),
            });
        }
    }
    found
}

/// Where the noun phrase of the source noun at `at` starts: up to three modifiers back ("a
/// senior administration official"), stopping at punctuation and prepositions.
fn phrase_start(article: &Article, tokens: &[Token], at: usize) -> usize {
    // Up to three modifiers back ("a senior administration official"), then a determiner.
    (at.saturating_sub(4)..at)
        .rev()
        .take_while(|&i| {
            !article
                .text(tokens[i + 1].gap)
                .contains([',', '.', ';', '(', '—', '–'])
                && !tokens[i].is_one_of(article, PREPOSITIONS)
        })
        .last()
        .unwrap_or(at)
}

/// Whether the phrase `start..=at` names someone after all, or is no source: named in an
/// appositive before or after, another outlet's source, or the object of a preposition.
fn not_a_source(article: &Article, tokens: &[Token], start: usize, at: usize) -> bool {
    // "Sam Nunberg, a former campaign aide to Trump, said": named in the appositive.
    let appositive = start > 0
        && start < at
        && tokens[start].is_one_of(article, &["a", "an"])
        && !tokens[start - 1].is(CALENDAR)
        && article.text(tokens[start].gap).contains(',')
        && article
            .text(tokens[start - 1].span)
            .starts_with(char::is_uppercase);
    // Another outlet's unnamed source ("citing two people", "quoted an official as
    // saying"): that outlet granted the anonymity. Or someone else's account ("Taylor
    // testified that … a White House budget official said …"): the unnamed person is in the
    // story, not its source.
    let second_hand = tokens[..start]
        .iter()
        .rev()
        .take(3)
        .any(|t| t.is_one_of(article, &["citing", "quoted", "quoting", "reported"]))
        || tokens[..start]
            .windows(2)
            .any(|w| !w[0].quoted && w[0].is(SPEECH) && w[1].is_one_of(article, &["that"]));
    // "an elected official, Brazilian politician Osmar Terra, who …": named right after.
    let named_after = tokens.get(at + 1).is_some_and(|t| {
        article.text(t.gap).starts_with(',')
            && article.text(t.span).starts_with(char::is_uppercase)
            && !t.is(SPEECH)
    });
    // "in close contact with several advisers": the object of a preposition is nobody's
    // source.
    let object = start > 0
        && tokens[start - 1].is_one_of(article, OBJECT_OF)
        && !(start >= 2 && tokens[start - 2].is_one_of(article, &["according"]));
    // "acting as an adviser for Labour": a role, not a source ("as one official said" is one).
    let role = start > 0
        && tokens[start - 1].is_one_of(article, &["as"])
        && !tokens.get(at + 1).is_some_and(|t| t.is(SPEECH));
    appositive || second_hand || named_after || object || role
}

/// The reason given for an anonymity in the source's paragraph.
fn reason(article: &Article, view: &View) -> Option<Span> {
    reason_of(article, view, REASONS)
}

/// The reason that names the anonymity ([`STORY_REASONS`]) the paragraph after `block` gives
/// for the sources before it ("… according to two officials." then "The officials spoke on
/// condition of anonymity to discuss private talks."), when that paragraph opens by referring
/// back ("The", "They", "Both" …); one that brings in someone else ("One manager, who spoke on
/// condition of anonymity, …") gives that person's reason.
fn next_reason(article: &Article, views: &Views, block: usize) -> Option<Span> {
    let next = crate::article::next_in_text(&article.blocks, block)?;
    let view = views.of_block(next)?;
    let refers_back = view.tokens.first().is_some_and(|t| {
        t.is_one_of(
            article,
            &[
                "the", "they", "both", "those", "these", "all", "each", "neither",
            ],
        )
    });
    refers_back
        .then(|| reason_of(article, view, STORY_REASONS))
        .flatten()
}

/// The first of `reasons` in the paragraph of `view`.
fn reason_of(article: &Article, view: &View, reasons: &[&str]) -> Option<Span> {
    let span = article.blocks[view.block].span;
    let lower = article.text(span).to_ascii_lowercase();
    reasons
        .iter()
        .filter_map(|r| {
            let at = lower.find(r)?;
            Some(Span::new(span.start + at, span.start + at + r.len()))
        })
        .min_by_key(|s| s.start)
}
