//! Check-worthy claims and what vouches for them.
//!
//! A claim is check-worthy when a reader would ask "says who?": a toll (people killed,
//! injured, arrested), an approximate count of people, a share of people, a figure about the
//! future, a record or a superlative, an agentless absolute. The reporter's own background is
//! not: dates, years, ages, times, durations and measures, scores and tallies, figures in
//! parentheses, and figures in a clause that describes an earlier event ("the shootings that
//! left 31 dead").

use super::lexicon::{
    ABSOLUTE, APPROX, CALENDAR, DATA, HARM, NUMBER, PEOPLE, SPEECH, SUPERLATIVE, UNIT, VOUCH,
};
use super::view::{Token, Views};
use super::{Claim, ClaimKind, Vouched};
use crate::article::Article;
use crate::span::Span;
use foldhash::{HashMap, HashMapExt};

pub fn find(article: &Article, views: &Views) -> Vec<Claim> {
    let mut claims = Vec::new();
    // Every figure stated in a sentence that attributes, with its cue.
    let mut attributed: Vec<(&str, Span)> = Vec::new();
    for view in &views.views {
        let first_of_view = claims.len();
        for (range, sentence) in &view.sentences {
            let tokens = &view.tokens[range.clone()];
            let figures = figures(article, tokens);
            // Read only for a sentence with a claim or a figure, which most have not.
            let cues = std::cell::OnceCell::new();
            let cues = || cues.get_or_init(|| Cues::of(tokens));
            for (span, kind) in claims_of(article, tokens, &figures) {
                let cue = cues().outside(span);
                claims.push(Claim {
                    span,
                    sentence: *sentence,
                    kind,
                    cue,
                    vouched: cue.map(|_| Vouched::Sentence),
                });
            }
            if let Some(cue) = (!figures.is_empty())
                .then(|| cues().outside(Span::new(0, 0)))
                .flatten()
            {
                attributed.extend(figures.iter().map(|&(at, last)| {
                    (
                        article.text(Span::new(tokens[at].span.start, tokens[last].span.end)),
                        cue,
                    )
                }));
            }
        }
        super::vouching::by_paragraph(article, view, &mut claims[first_of_view..]);
    }
    super::vouching::confirmed_by_next(article, views, &mut claims);
    attributed.extend(
        claims
            .iter()
            .filter_map(|c| Some((article.text(c.span), c.cue.filter(|_| c.vouched.is_some())?))),
    );
    // The first cue of each figure as written.
    let mut cue_of: HashMap<&str, Span> = HashMap::new();
    for (text, cue) in attributed {
        cue_of.entry(text).or_insert(cue);
    }
    for claim in claims.iter_mut().filter(|c| c.vouched.is_none()) {
        let text = article.text(claim.span);
        if let Some(&cue) = cue_of.get(text) {
            claim.cue = Some(cue);
            claim.vouched = Some(Vouched::Elsewhere);
        }
    }
    claims
}

/// The figures of a sentence that are not the reporter's background, as first and last word.
fn figures(article: &Article, tokens: &[Token]) -> Vec<(usize, usize)> {
    (0..tokens.len())
        .filter(|&at| is_figure(article, tokens, at))
        .map(|at| (at, figure_end(article, tokens, at)))
        .filter(|&(at, last)| !background(article, tokens, at, last))
        .collect()
}

fn word<'a>(article: &'a Article, token: &Token) -> &'a str {
    article.text(token.span)
}

/// The attribution cues of a sentence, outside its quotations, found once: verbs of saying or
/// vouching ("said", "estimated", "reported", "according to"), and data releases ("figures
/// show").
struct Cues {
    speech: Vec<Span>,
    data: Vec<Span>,
}

impl Cues {
    fn of(tokens: &[Token]) -> Self {
        let open = |class: u32| {
            tokens
                .iter()
                .filter(|t| !t.quoted && t.is(class))
                .map(|t| t.span)
                .collect()
        };
        Cues {
            speech: open(SPEECH | VOUCH),
            data: open(DATA),
        }
    }

    /// The sentence's cue outside the claim `claim` itself: the first verb, else the first
    /// data release.
    fn outside(&self, claim: Span) -> Option<Span> {
        let first = |cues: &[Span]| cues.iter().copied().find(|c| !claim.overlaps(*c));
        first(&self.speech).or_else(|| first(&self.data))
    }
}

/// Whether token `at` of `tokens` is a figure: digits or a number word used as a count.
fn is_figure(article: &Article, tokens: &[Token], at: usize) -> bool {
    let token = &tokens[at];
    let text = word(article, token);
    if token.quoted {
        return false;
    }
    if token.is(NUMBER) {
        return true;
    }
    let digits = |t: &Token| article.text(t.span).bytes().all(|b| b.is_ascii_digit());
    // "5,000" and "1.5" are split into words at the comma or stop: a figure starts at the
    // first group.
    let continues =
        || at > 0 && digits(&tokens[at - 1]) && matches!(article.text(token.gap), "," | ".");
    text.starts_with(|c: char| c.is_ascii_digit()) && digits(token) && !continues()
}

/// The index of the last word of the figure that starts at token `at`, with the groups that
/// follow it ("5,000", "1.5").
fn figure_end(article: &Article, tokens: &[Token], at: usize) -> usize {
    let mut end = at;
    while let Some(next) = tokens.get(end + 1) {
        let joined = matches!(article.text(next.gap), "," | ".")
            && article.text(next.span).bytes().all(|b| b.is_ascii_digit());
        if !joined {
            break;
        }
        end += 1;
    }
    end
}

/// Whether figure `at` is the reporter's background rather than a claim.
fn background(article: &Article, tokens: &[Token], at: usize, last: usize) -> bool {
    let text = word(article, &tokens[at]);
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    let year = at == last
        && digits.len() == 4
        && (digits.starts_with("18") || digits.starts_with("19") || digits.starts_with("20"));
    let next = tokens.get(last + 1);
    let previous = at.checked_sub(1).map(|i| &tokens[i]);
    let gap_after = next.map_or("", |t| article.text(t.gap));
    let gap_before = article.text(tokens[at].gap);
    let unit_next = next.is_some_and(|t| t.is(UNIT | CALENDAR))
        || tokens
            .get(last + 2)
            .is_some_and(|t| t.is(UNIT) && next.is_some_and(|n| n.is(NUMBER)));
    let dated = previous.is_some_and(|t| t.is(CALENDAR));
    let time_or_ratio = gap_after.starts_with(':') || gap_before.ends_with(':');
    let age = gap_before.ends_with(", ")
        && gap_after.starts_with(',')
        && previous.is_some_and(|t| word(article, t).starts_with(char::is_uppercase))
        || previous.is_some_and(|t| t.is_one_of(article, &["aged", "age", "ages"]));
    let bracketed = gap_before.contains(['(', '/']) || gap_after.starts_with('/');
    let descriptive = tokens[..at]
        .iter()
        .rev()
        .take(6)
        .any(|t| t.is_one_of(article, &["that", "which"]));
    year || unit_next || dated || time_or_ratio || age || bracketed || descriptive
}

/// The claims of one sentence: each check-worthy figure, superlative or absolute.
fn claims_of(
    article: &Article,
    tokens: &[Token],
    figures: &[(usize, usize)],
) -> Vec<(Span, ClaimKind)> {
    let mut found = Vec::new();
    // Read only for a sentence with figures.
    let traits = std::cell::OnceCell::new();
    for &(at, last) in figures {
        let traits = traits.get_or_init(|| Traits::of(article, tokens));
        if let Some(kind) = figure_kind(article, tokens, traits, at, last) {
            found.push((
                Span::new(tokens[at].span.start, tokens[last].span.end),
                kind,
            ));
        }
    }
    // A record set beside the figure it qualifies ("is now £41.5 million, its highest level
    // ever") is a measurement, checkable in the data it comes from; "the port's busiest month
    // ever, with 90,000 passengers" is still a claim someone makes.
    let record = record(article, tokens).filter(|span| {
        let at = tokens.partition_point(|t| t.span.start < span.start);
        !figures
            .iter()
            .any(|&(_, last)| last < at && at - last <= RECORD_AFTER_FIGURE)
    });
    if let Some(span) = record {
        found.push((span, ClaimKind::Record));
    }
    if let Some(span) = absolute(article, tokens) {
        found.push((span, ClaimKind::Absolute));
    }
    found
}

/// The most words from a figure to the superlative that qualifies it ("£41.5 million, its
/// highest").
const RECORD_AFTER_FIGURE: usize = 3;

/// What a sentence says of all its figures, read once however many it has.
#[derive(Clone, Copy)]
struct Traits {
    /// It dates its event to the story's own time ("on Wednesday", "overnight"): a toll or a
    /// count of it needs a source; one of an earlier event is the reporter's background.
    fresh: bool,
    /// An expectation with no one expecting: "growth is expected to reach 3%".
    agentless: bool,
}

impl Traits {
    fn of(article: &Article, tokens: &[Token]) -> Self {
        let fresh = tokens.iter().any(|t| {
            !t.quoted
                && (t.is(CALENDAR) && word(article, t).ends_with("day")
                    || t.is_one_of(article, &["today", "yesterday", "overnight", "tonight"]))
        });
        // The rarest word of the three is asked about first.
        let agentless = tokens.windows(3).any(|w| {
            w[1].is_one_of(
                article,
                &[
                    "expected",
                    "forecast",
                    "projected",
                    "predicted",
                    "estimated",
                ],
            ) && w[0].is_one_of(article, &["is", "are", "was", "were", "be", "been"])
                && w[2].is_one_of(article, &["to", "at"])
        });
        Traits { fresh, agentless }
    }
}

/// What makes figure `at` check-worthy, if anything does.
fn figure_kind(
    article: &Article,
    tokens: &[Token],
    traits: &Traits,
    at: usize,
    last: usize,
) -> Option<ClaimKind> {
    let after = &tokens[last + 1..tokens.len().min(last + 6)];
    let before = &tokens[at.saturating_sub(3)..at];
    let open = |t: &&Token| !t.quoted;
    let percent = article
        .text(Span::new(
            tokens[last].span.end,
            tokens
                .get(last + 1)
                .map_or(tokens[last].span.end, |t| t.span.start),
        ))
        .contains('%')
        || after
            .first()
            .is_some_and(|t| t.is_one_of(article, &["percent", "per"]));
    let money = article.text(tokens[at].gap).contains(['$', '£', '€'])
        || after
            .first()
            .is_some_and(|t| t.is_one_of(article, &["million", "billion", "trillion"]));
    let harm_after = after.iter().filter(open).any(|t| t.is(HARM));
    let harm_before = before.iter().filter(open).any(|t| {
        t.is(HARM) && word(article, t).ends_with("ed")
            || t.is_one_of(article, &["killing", "injuring", "leaving"])
    });
    let Traits { fresh, agentless } = *traits;
    if (harm_after || harm_before) && fresh {
        return Some(ClaimKind::Toll);
    }
    let people_after = after.iter().take(3).any(|t| t.is(PEOPLE));
    if percent
        && after
            .windows(2)
            .any(|w| w[0].is_one_of(article, &["of"]) && w[1].is(PEOPLE))
    {
        return Some(ClaimKind::Share);
    }
    let approximate = before.iter().any(|t| t.is(APPROX))
        || before.windows(2).any(|w| {
            w[0].is_one_of(article, &["more", "as", "up"])
                && w[1].is_one_of(article, &["than", "many", "to"])
        });
    if approximate && people_after && fresh {
        return Some(ClaimKind::Estimate);
    }
    if agentless && (percent || money) {
        return Some(ClaimKind::Forecast);
    }
    None
}

/// "The largest … ever", "the deadliest in history", outside an aspiration ("want to be the
/// biggest band ever").
fn record(article: &Article, tokens: &[Token]) -> Option<Span> {
    let at = tokens.iter().position(|t| !t.quoted && t.is(SUPERLATIVE))?;
    let ever = tokens[at + 1..]
        .iter()
        .take(4)
        .position(|t| t.is_one_of(article, &["ever"]) || t.is_one_of(article, &["history"]))?;
    // "one of the biggest ever leaks": a hedge, not a record.
    let one_of = at >= 3
        && tokens[at - 3].is_one_of(article, &["one"])
        && tokens[at - 2].is_one_of(article, &["of"]);
    if one_of {
        return None;
    }
    let aspiration = tokens[..at].iter().rev().take(4).any(|t| {
        t.is_one_of(
            article,
            &[
                "want", "wants", "wanted", "will", "aim", "aims", "hope", "hopes", "could",
                "would", "might", "may", "dream", "become",
            ],
        )
    });
    (!aspiration).then(|| Span::new(tokens[at].span.start, tokens[at + 1 + ever].span.end))
}

/// Harm that an incident's "no … reported" denies as the wire's routine hedge.
const ROUTINE_HARM: &[&str] = &[
    "injuries", "injured", "hurt", "wounded", "arrested", "detained",
];

/// "No casualties were reported", "it has been confirmed that": a claim with no agent.
fn absolute(article: &Article, tokens: &[Token]) -> Option<Span> {
    for (at, token) in tokens
        .iter()
        .enumerate()
        .filter(|(_, t)| !t.quoted && t.is(ABSOLUTE))
    {
        if token.is_one_of(article, &["no"]) {
            let noun = tokens[at + 1..]
                .iter()
                .take(3)
                .position(|t| t.is(HARM) || t.is_one_of(article, &["arrests", "survivors"]))?;
            let rest = &tokens[at + 2 + noun..tokens.len().min(at + 6 + noun)];
            if let Some(end) = rest
                .iter()
                .position(|t| t.is_one_of(article, &["reported", "found", "recorded"]))
            {
                // "No injuries or arrests were reported" is the wire's hedge for an incident; a
                // denial of deaths or casualties is the claim a reader asks about.
                let grave = tokens[at + 1..at + 2 + noun + end]
                    .iter()
                    .any(|t| t.is(HARM) && !t.is_one_of(article, ROUTINE_HARM));
                let auxiliary = rest[..end].iter().all(|t| {
                    t.is(HARM)
                        || t.is_one_of(
                            article,
                            &[
                                "or",
                                "and",
                                "were",
                                "was",
                                "have",
                                "has",
                                "had",
                                "been",
                                "immediately",
                                "yet",
                                "arrests",
                            ],
                        )
                });
                if auxiliary && grave {
                    return Some(Span::new(token.span.start, rest[end].span.end));
                }
            }
        }
        if token.is_one_of(article, &["it"]) && tokens.len() > at + 3 {
            let next = &tokens[at + 1..at + 4];
            let confirmed = next[0].is_one_of(article, &["has", "had"])
                && next[1].is_one_of(article, &["been"])
                && next[2].is_one_of(article, &["confirmed"])
                || next[0].is_one_of(article, &["was"])
                    && next[1].is_one_of(article, &["confirmed"])
                    && next[2].is_one_of(article, &["that"]);
            if confirmed {
                return Some(Span::new(token.span.start, next[2].span.end));
            }
        }
    }
    None
}
