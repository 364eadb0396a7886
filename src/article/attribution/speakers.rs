//! Who said each quotation: a cue in its sentence, a colon, the sentence's subject, its
//! paragraph, the paragraph before (a speaker's words running over several paragraphs) or the
//! paragraph after; a document's words and titles need no speaker.

use super::clause::{cover, is_signature_mark, speaker_before, subject, without_auxiliaries};
use super::lead::{Lead, Leads};
use super::lexicon::{DOCUMENT, PRONOUN, SPEECH, SPEECH_NOUN, TITLE};
use super::view::{Token, View, Views};
use super::{QuoteSource, Resolution};
use crate::article::{Article, BlockKind, Quote};
use crate::span::Span;

/// The speaker of every quotation of `article`, in the order of [`Article::quotes`].
pub fn resolve(article: &Article, views: &Views) -> Vec<QuoteSource> {
    let mut leads = Leads::default();
    let mut found: Vec<QuoteSource> = article
        .quotes
        .iter()
        .map(|quote| match views.of_block(quote.block) {
            _ if quote.nickname => QuoteSource {
                how: Resolution::Nickname,
                ..QuoteSource::unresolved()
            },
            Some(view) => in_sentence(article, view, quote, &mut leads),
            None => QuoteSource::unresolved(),
        })
        .collect();
    let mut around = super::around::Around::new(article, views, &found);
    for index in 0..found.len() {
        if found[index].how == Resolution::Unresolved {
            found[index] = around.resolve(&found, index);
            around.found(index, &found[index]);
        }
    }
    point_pronouns(article, &mut found);
    let unresolved = found.iter().any(|f| f.how == Resolution::Unresolved);
    if let Some(subject) = unresolved
        .then(|| profile_subject(article, views, &found))
        .flatten()
    {
        for source in found.iter_mut().filter(|f| f.how == Resolution::Unresolved) {
            *source = QuoteSource {
                speaker: Some(subject),
                how: Resolution::Profile,
                ..QuoteSource::unresolved()
            };
        }
    }
    found
}

/// The subject of a profile: the one person named as a speaker in the whole story — of a
/// quotation or of reported speech — whose surname the headline or the lede gives. Their words
/// need no speaker beside every quotation.
fn profile_subject(article: &Article, views: &Views, found: &[QuoteSource]) -> Option<Span> {
    let surname = |speaker: Span| {
        let last = article.text(speaker).split_whitespace().last()?;
        let last = last
            .strip_suffix("’s")
            .or_else(|| last.strip_suffix("'s"))
            .unwrap_or(last);
        last.starts_with(char::is_uppercase).then_some(last)
    };
    let reported = views.views.iter().flat_map(|view| {
        let tokens = &view.tokens;
        (0..tokens.len())
            .filter(|&at| !tokens[at].quoted && tokens[at].is(SPEECH))
            .filter_map(|at| speaker_before(article, tokens, at))
    });
    // Every speaker but an unresolved pronoun, with its surname if it is a named person.
    let speakers: Vec<(Span, Option<&str>)> = found
        .iter()
        .filter_map(|f| f.refers_to.or(f.speaker))
        .chain(reported)
        .filter(|&s| {
            let text = article.text(s);
            text.contains(' ') || super::lexicon::classes(text) & PRONOUN == 0
        })
        .map(|s| (s, surname(s)))
        .collect();
    let &(first, Some(first_surname)) = speakers.first()? else {
        return None;
    };
    let only_one = speakers.iter().all(|(_, s)| *s == Some(first_surname));
    let lede = article
        .blocks
        .iter()
        .filter(|b| {
            matches!(
                b.kind,
                BlockKind::Headline | BlockKind::Dek | BlockKind::Paragraph
            )
        })
        .take(3)
        .any(|b| article.text(b.span).contains(first_surname));
    (only_one && lede).then_some(first)
}

/// The most words read for a speaker named after a dash (`“…” — Democrat Antonio
/// Villaraigosa, former mayor`) before settling for the first six.
const MAX_SPEAKER_WORDS: usize = 64;

/// Whether a gap of punctuation ends a clause for the purpose of finding a speaker.
fn stops(article: &Article, gap: Span) -> bool {
    article
        .text(gap)
        .contains(['.', '!', '?', ';', ':', '(', ')'])
}

/// Titles written with a stop before a name ("said Dr. Amina Yusuf").
const TITLES: &[&str] = &[
    "dr", "mr", "mrs", "ms", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "prof", "rev", "st",
    "capt", "maj", "adm", "cmdr",
];

fn is_title(article: &Article, token: &Token) -> bool {
    token.is_one_of(article, TITLES)
}

/// A resolution by a cue in the quotation's own sentence, a colon, its subject or what marks
/// it as a document or a title.
fn in_sentence(article: &Article, view: &View, quote: &Quote, leads: &mut Leads) -> QuoteSource {
    let first = view.token_at(quote.span.start);
    let after = view.token_at(quote.span.end);
    if let Some(found) = after_quote(article, view, quote, after) {
        return found;
    }
    let sentence_start = view
        .sentence_of(first)
        .map_or(0, |(range, _)| range.start)
        .min(first);
    before_quote(
        article,
        quote,
        leads.lead(article, view, sentence_start, first),
    )
}

/// `“…,” the mayor said` and `“…,” said Smith`: a cue within ten words after the quotation,
/// in the same clause.
fn after_quote(article: &Article, view: &View, quote: &Quote, after: usize) -> Option<QuoteSource> {
    let mut tail = Vec::new();
    for (i, token) in view.tokens[after..].iter().enumerate().take(12) {
        let gap = if i == 0 {
            Span::new(quote.span.end, token.span.start)
        } else {
            token.gap
        };
        let after_title = tail.last().is_some_and(|t: &Token| is_title(article, t));
        if token.quoted || (stops(article, gap) && !(after_title && article.text(gap) == ". ")) {
            break;
        }
        tail.push(*token);
    }
    let dash_after = view.tokens.get(after).is_some_and(|t| {
        is_signature_mark(article.text(Span::new(quote.span.end, t.span.start)))
            && article.text(t.span).starts_with(char::is_uppercase)
    });
    if dash_after {
        // `“…” — Democrat Antonio Villaraigosa, former mayor`
        let rest = &view.tokens[after..];
        let end = rest
            .iter()
            .skip(1)
            .take(MAX_SPEAKER_WORDS)
            .position(|t| stops(article, t.gap) || article.text(t.gap).contains(','))
            .map_or(rest.len().min(6), |p| p + 1);
        return Some(QuoteSource {
            speaker: cover(&rest[..end]),
            cue: None,
            how: Resolution::Sentence,
            refers_to: None,
        });
    }
    // `“…,” according to a statement from the committee.`
    if let [first, second, named @ ..] = tail.as_slice()
        && first.is_one_of(article, &["according"])
        && second.is_one_of(article, &["to"])
    {
        let end = named
            .iter()
            .position(|t| article.text(t.gap).contains(','))
            .unwrap_or(named.len());
        let document = named[..end].iter().any(|t| t.is(DOCUMENT));
        return Some(QuoteSource {
            speaker: cover(&named[..end]),
            cue: Some(first.span),
            how: if document {
                Resolution::Document
            } else {
                Resolution::Sentence
            },
            refers_to: None,
        });
    }
    let cue = tail
        .iter()
        .position(|t| t.is(SPEECH | SPEECH_NOUN))
        .filter(|&k| k <= 10)?;
    let speaker = if cue == 0 {
        let rest = &tail[1..];
        let end = rest
            .iter()
            .position(|t| article.text(t.gap).contains(','))
            .unwrap_or(rest.len())
            .min(8);
        cover(&rest[..end])
    } else {
        cover(without_auxiliaries(article, &tail[..cue]))
    };
    let document = tail[..cue].iter().any(|t| t.is(DOCUMENT));
    Some(QuoteSource {
        speaker,
        cue: Some(tail[cue].span),
        how: if document {
            Resolution::Document
        } else {
            Resolution::Sentence
        },
        refers_to: None,
    })
}

/// The words of the lead-in before a quotation decide: a cue (`Smith said that “…”`,
/// `according to Smith, “…”`), a colon, a title word, or a subject that says or characterises
/// a partial quotation.
fn before_quote(article: &Article, quote: &Quote, read: &Lead) -> QuoteSource {
    let lead = read.tokens.as_slice();
    let Some(last) = lead.last() else {
        // A quotation a colon introduces at the start of its block: the speaker is the
        // label above it (a list of tributes, a Q&A).
        let block_start = article.blocks[quote.block].span.start;
        let opening = article
            .text(Span::new(block_start, quote.span.start))
            .trim();
        return if opening.ends_with(':') {
            QuoteSource {
                how: Resolution::Introduced,
                ..QuoteSource::unresolved()
            }
        } else {
            QuoteSource::unresolved()
        };
    };
    let between = article.text(Span::new(last.span.end, quote.span.start));
    let subject = subject(article, lead);
    let document = read.document;
    let found = |how, cue: Option<Span>, speaker| QuoteSource {
        speaker,
        cue,
        how: if document && how != Resolution::Title {
            Resolution::Document
        } else {
            how
        },
        refers_to: None,
    };
    if between.trim_end().ends_with(':') {
        return found(Resolution::Introduced, Some(last.span), subject);
    }
    if let Some(speaker) = listed(article, quote, read, between) {
        return found(Resolution::Introduced, None, speaker);
    }
    if let Some(at) = read.last_speech {
        return found(
            Resolution::Sentence,
            Some(lead[at].span),
            speaker_before(article, lead, at),
        );
    }
    if let Some(at) = read.last_according {
        let end = read.comma_after_according.unwrap_or(lead.len());
        return found(
            Resolution::Sentence,
            Some(lead[at].span),
            cover(&lead[at + 2..end]),
        );
    }
    let opens_capital = article
        .text(quote.span)
        .chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(char::is_uppercase);
    let title_word = last.is(TITLE)
        || (opens_capital
            && last.is_one_of(
                article,
                &[
                    "from", "in", "of", "on", "as", "a", "an", "the", "its", "his", "her", "their",
                    "such",
                ],
            ));
    // "a scene from “…”", "signs with messages such as “…”", "see written on it, “…”".
    let near_document = lead.iter().rev().take(4).any(|t| t.is(DOCUMENT));
    if title_word || (opens_capital && near_document) {
        return found(Resolution::Title, None, None);
    }
    // `Bolton boss Sam Allardyce "I am …"`: a name, then the words, in BBC round-ups.
    let named_before = between.trim().is_empty()
        && article.text(last.span).starts_with(char::is_uppercase)
        && lead.len() >= 2;
    if opens_capital && named_before {
        return found(Resolution::Sentence, None, subject);
    }
    // Reported speech: "Trump's takeaway was that “Iran appears …”".
    if last.is_one_of(article, &["that"]) && lead.len() >= 3 {
        return found(Resolution::Subject, Some(last.span), subject);
    }
    if let Some(at) = read.first_characterise {
        return found(Resolution::Subject, Some(lead[at].span), subject);
    }
    // A partial quotation inside a sentence is the words of its subject.
    if lead.len() >= 2 && !opens_capital {
        return found(Resolution::Subject, None, subject);
    }
    QuoteSource::unresolved()
}

/// A list of who said what: `Dana Ross, council leader — “…”`, the name opening the block and
/// a dash before the quotation; the speaker is the name, up to its comma.
fn listed(article: &Article, quote: &Quote, read: &Lead, between: &str) -> Option<Option<Span>> {
    let lead = read.tokens.as_slice();
    let first = lead.first()?;
    let opens_block = article
        .text(Span::new(
            article.blocks[quote.block].span.start,
            first.span.start,
        ))
        .trim()
        .is_empty();
    let is_list = is_signature_mark(between)
        && opens_block
        && article.text(first.span).starts_with(char::is_uppercase)
        && read.last_speech.is_none();
    is_list.then(|| {
        let end = lead
            .iter()
            .skip(1)
            .position(|t| article.text(t.gap).contains(','))
            .map_or(lead.len(), |p| p + 1);
        cover(&lead[..end])
    })
}

/// A pronoun speaker ("he said") refers to the last speaker named before it.
fn point_pronouns(article: &Article, found: &mut [QuoteSource]) {
    let mut last_named: Option<Span> = None;
    for source in found.iter_mut() {
        let Some(speaker) = source.speaker else {
            continue;
        };
        let text = article.text(speaker);
        let pronoun = !text.contains(' ') && super::lexicon::classes(text) & PRONOUN != 0;
        if pronoun {
            source.refers_to = last_named;
        } else if text.chars().next().is_some_and(char::is_uppercase) {
            last_named = Some(speaker);
        }
    }
}
