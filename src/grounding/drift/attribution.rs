//! Attributions compared: a claim the source attributes and the draft states on its own
//! authority, and a draft attribution that names another speaker or a stronger verb.

use super::read::{self, Cue, Token};
use super::reading::{DraftSentence, SourceSentence, shared, span_of};
use super::words::{DRAFT_CUES, DriftWords, SAYING};
use crate::span::Span;

/// The draft states on its own authority what a source sentence attributes: no attribution
/// of the draft vouches for the words the source's attribution vouches for.
pub(super) fn attribution_dropped(
    words: &DriftWords,
    draft_sentence: &DraftSentence,
    report: &mut dyn FnMut(Span, Span, Span),
) {
    let (draft, passage) = (&draft_sentence.tokens[..], &draft_sentence.passage[..]);
    if super::hedges::hedges(words, draft)
        .iter()
        .any(|(_, attributed)| *attributed)
    {
        return;
    }
    let draft_terms = &draft_sentence.terms;
    let draft_cues = read::cues(words, draft, DRAFT_CUES, true);
    let vouched_here: Vec<Vec<String>> = draft_cues
        .iter()
        .map(|cue| read::stems(&draft[cue.governs(draft)]))
        .collect();
    let draft_speakers: Vec<Vec<(String, bool)>> = draft_cues
        .iter()
        .filter_map(|cue| read::speaker_terms(words, &draft[cue.speaker.clone()]))
        .collect();
    let mut passage_terms: Vec<String> = passage
        .iter()
        .flat_map(|s| s.terms.iter().cloned())
        .collect();
    passage_terms.sort_unstable();
    passage_terms.dedup();
    let in_passage = shared(draft_terms, &passage_terms);
    for sentence in passage {
        for cue in read::cues(words, &sentence.tokens, SAYING, false) {
            let governed = read::stems(&sentence.tokens[cue.governs(&sentence.tokens)]);
            let claim: Vec<String> = draft_terms
                .iter()
                .filter(|t| governed.binary_search(t).is_ok())
                .cloned()
                .collect();
            if claim.len() < 2 || 2 * claim.len() < in_passage {
                continue;
            }
            // The draft still names the source's speaker with a verb of saying: however the
            // two read its reach, the claim does not stand on the draft's own authority.
            let same_speaker = read::speaker_terms(words, &sentence.tokens[cue.speaker.clone()])
                .is_some_and(|theirs| {
                    draft_speakers.iter().any(|mine| {
                        mine.iter()
                            .any(|(term, _)| theirs.iter().any(|t| &t.0 == term))
                    })
                });
            let kept = vouched_here
                .iter()
                .any(|vouched| 2 * shared(&claim, vouched) >= claim.len());
            if kept || same_speaker {
                return;
            }
            if let (Some(span), Some(source)) = (
                span_of(draft, 0..draft.len()),
                span_of(&sentence.tokens, cue.words()),
            ) {
                report(span, source, sentence.span);
                return;
            }
        }
    }
}

/// The draft's attribution names another speaker than the source's, or a stronger verb.
pub(super) fn attribution_changed(
    words: &DriftWords,
    draft_sentence: &DraftSentence,
    report: &mut dyn FnMut(Span, Span, Span),
) {
    let (draft, passage) = (&draft_sentence.tokens[..], &draft_sentence.passage[..]);
    let draft_cues = read::cues(words, draft, SAYING, false);
    if draft_cues.is_empty() {
        return;
    }
    let source_cues: Vec<(&SourceSentence, Cue)> = passage
        .iter()
        .flat_map(|s| {
            read::cues(words, &s.tokens, SAYING, false)
                .into_iter()
                .map(move |c| (s, c))
        })
        .collect();
    let draft_terms = &draft_sentence.terms;
    for cue in &draft_cues {
        let speaker = read::speaker_terms(words, &draft[cue.speaker.clone()]);
        let readings: Vec<SourceCue> = source_cues
            .iter()
            .map(|(sentence, source_cue)| {
                let theirs =
                    read::speaker_terms(words, &sentence.tokens[source_cue.speaker.clone()]);
                let governed = read::stems(&sentence.tokens[source_cue.governs(&sentence.tokens)]);
                let their_speaker = &sentence.tokens[source_cue.speaker.clone()];
                let refers = describes(their_speaker)
                    || names_described(&speaker, their_speaker, &sentence.terms);
                SourceCue {
                    sentence,
                    cue: source_cue,
                    refers,
                    same_speaker: match (&speaker, &theirs) {
                        (Some(a), Some(b)) => {
                            a.iter().filter(|t| b.iter().any(|u| u.0 == t.0)).count()
                        }
                        _ => 0,
                    },
                    other_speaker: match (&speaker, &theirs) {
                        _ if refers || spells_out(&draft[cue.speaker.clone()], their_speaker) => {
                            false
                        }
                        (Some(mine), Some(theirs)) => other_speaker(mine, theirs, draft_terms),
                        _ => false,
                    },
                    vouched: shared(draft_terms, &governed),
                }
            })
            .collect();
        // The draft may keep any attribution of its passage, or weaken it.
        // The draft may keep any attribution of its passage, or weaken it. A source speaker
        // described by whose they are ("his sister") may be named in the draft.
        let kept = readings.iter().any(|r| {
            !r.other_speaker
                && (r.same_speaker > 0 || speaker.is_none() || r.refers)
                && (!cue.stronger || r.cue.stronger)
        });
        if kept {
            continue;
        }
        // Else the attribution it stands for: the one whose speaker shares most with it, or
        // the one that vouches for most of the draft's words.
        let paired = readings
            .iter()
            .max_by_key(|r| (r.same_speaker, r.vouched))
            .filter(|r| r.same_speaker > 0 || r.vouched >= 2 || readings.len() == 1);
        let Some(paired) = paired else {
            continue;
        };
        let stronger = cue.stronger && !paired.cue.stronger;
        if (stronger || paired.other_speaker)
            && let (Some(span), Some(source)) = (
                span_of(draft, cue.words()),
                span_of(&paired.sentence.tokens, paired.cue.words()),
            )
        {
            report(span, source, paired.sentence.span);
        }
    }
}

/// Whether two speakers are different people or bodies: the draft's names someone the
/// source's does not (a capitalised word: "US officials" for "two militia officials", Jones
/// for Smith), and the source's has a word that the draft's sentence lost. A speaker named
/// more fully, or less ("Smith" for "Ann Smith", "groups" for "activists"), is the same; so
/// is one that shares two or more words with the other and differs by a word at most on each
/// side, not a name for a name ("a Populus poll for the News of the World" for "a poll for the
/// News of the World newspaper").
fn other_speaker<'a>(
    mine: &'a [(String, bool)],
    theirs: &'a [(String, bool)],
    draft_terms: &[String],
) -> bool {
    // Each side's words the other lacks: read once, for sameness and for difference.
    let only = |these: &'a [(String, bool)], those: &[(String, bool)]| -> Vec<&'a (String, bool)> {
        these
            .iter()
            .filter(|(term, _)| !those.iter().any(|t| &t.0 == term))
            .collect()
    };
    let (only_mine, only_theirs) = (only(mine, theirs), only(theirs, mine));
    let common = mine.len() - only_mine.len();
    // One name for another ("the British Embassy in Chile" for "… in Argentina") is another
    // speaker still.
    let name_for_name = only_mine
        .iter()
        .chain(&only_theirs)
        .all(|(_, named)| *named);
    if common >= 2 && only_mine.len() <= 1 && only_theirs.len() <= 1 && !name_for_name {
        return false;
    }
    let names_another = only_mine.iter().any(|(_, named)| *named);
    let lost = only_theirs
        .iter()
        .any(|(term, _)| draft_terms.binary_search(term).is_err());
    names_another && lost
}

/// Whether a speaker is described by whose they are — "his sister", "their lawyer" — so that
/// the draft may name them ("Kim Yo Jong") without naming someone else.
fn describes(speaker: &[Token]) -> bool {
    speaker.len() > 1 && matches!(speaker[0].lower.as_str(), "his" | "her" | "its" | "their")
}

/// Whether the draft's speaker names what the source's describes in the same sentence: "the
/// company said" after "Twenty-First Century Fox Inc" may be "Twenty-First Century Fox Inc
/// said". The source's speaker has no name of its own, and every name of the draft's is in
/// the source sentence.
fn names_described(
    mine: &Option<Vec<(String, bool)>>,
    theirs: &[Token],
    sentence_terms: &[String],
) -> bool {
    let Some(mine) = mine else {
        return false;
    };
    let named: Vec<&String> = mine.iter().filter(|t| t.1).map(|t| &t.0).collect();
    !theirs.is_empty()
        && !theirs.iter().any(|t| t.capital)
        && !named.is_empty()
        && named
            .iter()
            .all(|term| sentence_terms.binary_search(term).is_ok())
}

/// A source attribution, read against one of the draft's.
struct SourceCue<'a> {
    sentence: &'a SourceSentence,
    cue: &'a Cue,
    /// Its speaker is described by whose they are ("his sister"; see [`describes`]), or
    /// named by the draft's from its own sentence ([`names_described`]).
    refers: bool,
    /// How many of the speaker's words the draft's speaker shares.
    same_speaker: usize,
    /// Each speaker has words the other lacks: two different speakers.
    other_speaker: bool,
    /// How many of the draft's words it vouches for.
    vouched: usize,
}

/// Whether one speaker spells out the other's acronym: "the ACLU's Omar Jadwat" and "Omar
/// Jadwat of the American Civil Liberties Union", "the U.N. agency" and "the United Nations
/// agency". The acronym's letters — one word, or single capitals in a row as "U.N." is read —
/// are the initials of capitalised words in a row, past "of", "for", "and" and "the".
fn spells_out(one: &[Token], other: &[Token]) -> bool {
    let spelled = |short: &[Token], long: &[Token]| {
        let initials: String = long
            .iter()
            .filter(|t| t.capital || !matches!(t.lower.as_str(), "of" | "for" | "and" | "the"))
            // A word spelt out is a word: an acronym's own letters ("U", "S") are no initials.
            .map(
                |t| match t.capital && !t.acronym && t.lower.chars().count() > 1 {
                    true => t.lower.chars().next().unwrap_or(' '),
                    false => ' ',
                },
            )
            .collect();
        acronyms(short)
            .iter()
            .any(|letters| letters.len() >= 2 && initials.contains(letters.as_str()))
    };
    spelled(one, other) || spelled(other, one)
}

/// The letters of each acronym among `tokens`, in lower case: a word in capitals ("ACLU's"), or
/// single capitals in a row ("U", "N").
fn acronyms(tokens: &[Token]) -> Vec<String> {
    let mut found: Vec<String> = tokens
        .iter()
        .filter(|t| t.acronym)
        .map(|t| {
            let bare = t.lower.strip_suffix("'s").unwrap_or(&t.lower);
            bare.chars().filter(|c| *c != '.').collect()
        })
        .collect();
    let mut run = String::new();
    for token in tokens {
        let letter = token.capital && token.lower.chars().count() == 1;
        if letter {
            run.push_str(&token.lower);
        }
        if !letter && run.len() >= 2 {
            found.push(std::mem::take(&mut run));
        }
        if !letter {
            run.clear();
        }
    }
    if run.len() >= 2 {
        found.push(run);
    }
    found
}
