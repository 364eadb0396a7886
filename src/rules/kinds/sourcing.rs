//! # sourcing
//!
//! ## What it flags
//! What the article model's attribution layer (`copydesk dump-model` shows it) finds unsourced,
//! chosen by `check`:
//! - `"speaker"`: a direct quotation of at least `min-words` words (default 6; shorter ones
//!   are terms or scare quotes) with no speaker. A speaker counts when a cue stands in the
//!   quotation's sentence (`“…,” the mayor said`, `said Smith`, `Smith told reporters that
//!   “…”`, `according to Smith`), a colon introduces it, it is a partial quotation inside a
//!   sentence whose subject says or characterises it (`The chairman accused the president of
//!   a “…”`), another quotation or a verb of saying in its paragraph names one, it opens a
//!   paragraph after one with a speaker (a speaker's words over several paragraphs), or the
//!   next paragraph opens by naming one (read across captions and web furniture), a list,
//!   heading or signature names one (`Dana Ross, council leader — “…”`, `— Dana Ross` under
//!   it), or the story is a profile whose subject is its only named speaker. The words of a
//!   document (`the statement read`, `the bill states`) and titles (`a story headlined “…”`,
//!   `a scene from “…”`) need no speaker. The first such quotation of a story is reported,
//!   with the others as labels.
//! - `"claim"`: a check-worthy claim that nothing vouches for — a toll (people killed,
//!   injured, arrested, displaced), an approximate count of people ("about 3,000
//!   protesters"), a share of people ("62% of voters"), a figure about the future ("growth of
//!   7.9% expected"), a record or superlative ("the deadliest ever"), an agentless absolute
//!   ("No civilian casualties were reported", "it has been confirmed"; not the wire's hedge
//!   for an incident, "no injuries or arrests were reported"). A claim is vouched
//!   for by a verb of saying or vouching in its sentence ("said", "according to",
//!   "estimated", "reported", "figures show"), by the sentence before it in its paragraph
//!   when that one reports ("Police said …. No deaths were reported."), an "it has been
//!   confirmed" by the next paragraph saying who confirmed or decided it, or by
//!   the same figure or claim attributed elsewhere in the article (a lede's toll
//!   attributed further down). The reporter's own background is never a claim: dates, years,
//!   ages ("Smith, 45,"), times, durations and measures ("for three years", "60 miles"),
//!   scores and tallies, figures in parentheses, figures in a clause describing an earlier
//!   event ("the shootings that left 31 dead"), tolls and counts of people with no day of the
//!   story's own event in their sentence (an earlier disaster's toll), an expectation someone
//!   is named as holding, an aspiration ("want to be the biggest band ever"), and a plain
//!   "no one was hurt", which is the reporter's own account. `claims = ["toll", "estimate",
//!   "share", "forecast", "record", "absolute"]` chooses the kinds reported (all by default).
//! - `"anonymous"`: a vague unnamed source introduced with no reason for the anonymity in its
//!   paragraph ("a senior official said", "sources said", "aides said"), nor anywhere in the
//!   story for a like source ("the official spoke on condition of anonymity" further down
//!   covers "an official said" in the lede; a reason given for "a
//!   person familiar" does not cover "officials"). Once a reason is given, later unnamed
//!   sources refer back to it. "Official data", "official figures" and "an official
//!   statement" are no source. A
//!   source speaking in public (at a hearing, a news conference, to reporters, in a
//!   statement) is not anonymous, nor are a local body's officials ("police officials
//!   said"), nor is an unnamed group in the lede whose member the story names further down
//!   ("…, officials said" and then "said Dana Ross, a council spokeswoman"), a lede source or
//!   a group whose next paragraph opens by naming who speaks, a reason that names the
//!   anonymity in the next paragraph, nor a summary of public reaction ("took to social
//!   media"), someone else's or a document's account ("X testified that an official said",
//!   "as described by the report"), a role ("acting as an adviser") or a passive recipient
//!   ("an aide had been told"). Bare "…, officials said" for a routine fact is the wire's
//!   shorthand for the officials of the body in the story, and is not reported. The first
//!   unexplained source of an article is reported, with the later ones as labels: as a
//!   warning where one of them gives a view or an accusation (blame, fault, motive, fear,
//!   what should be), as info where all give routine facts. A source the story describes short of a name — by affiliation or role
//!   ("a senior administration official", "a Republican congressional aide", "a diplomat") or
//!   by what they know ("people familiar with the talks") — is the wire's accepted practice
//!   and is reported only where the story quotes it (four or more words in quotation marks
//!   in its sentence: words a named speaker would be held to) or with `described = true`, the
//!   strict reading of AP's rule. A vague mention after a described one of its kind refers
//!   back to it ("people familiar with the talks said …", then "one source said").
//!   `copydesk dump-model` marks described sources.
//!
//! ## Why
//! A reader trusts a quotation, a figure or an absolute claim as far as they know who vouches
//! for it, and a source kept anonymous owes the reader the reason (AP Stylebook, "anonymous
//! sources", "quotations in the news"; Reuters Handbook, "sourcing").
//!
//! ## Example
//! ```toml
//! [[sourcing]]
//! id = "news.unsupported-claim"
//! message = "`{match}`: {claim} that nothing attributes"
//! check = "claim"
//! rationale = "Say who reports it."
//! must-fire = ["Title\n\nAbout 3,000 protesters marched on the capitol.\n"]
//! must-not-fire = ["Title\n\nAbout 3,000 protesters marched on the capitol, police said.\n"]
//! ```
//!
//! ## Instead
//! Say who said the quotation; attribute the figure ("…, police said", "according to the
//! health ministry"); say why the source cannot be named ("who asked not to be identified
//! because the talks are private").
//!
//! ## Fix safety
//! No fix: only the reporter knows who said it, who vouches for it, or why a source is unnamed.

use super::KindInfo;
use crate::article::BlockKind;
use crate::article::attribution::{AnonymousSource, ClaimKind, Resolution};
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::pack::Compiler;
use crate::rules::{Check, Context};
use serde::Deserialize;

pub const KIND: KindInfo = KindInfo {
    name: "sourcing",
    default_scope: &[BlockKind::Dek, BlockKind::Paragraph],
    placeholders: &["match", "claim"],
    rust_file: include_str!("sourcing.rs"),
};

/// What a sourcing rule reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SourcingCheck {
    Speaker,
    Claim,
    Anonymous,
}

crate::rule_spec! {
    pub struct Spec {
        pub check: SourcingCheck,
        #[serde(default = "default_min_words")]
        pub min_words: usize,
        /// With `check = "claim"`: the kinds of claim reported (all when empty).
        #[serde(default)]
        pub claims: Vec<ClaimKind>,
        /// With `check = "anonymous"`: also report sources the story describes short of a
        /// name ("a senior administration official", "people familiar with the talks").
        #[serde(default)]
        pub described: bool,
    }
}

fn default_min_words() -> usize {
    6
}

pub fn compile(spec: &Spec, _compiler: &mut Compiler<'_>) -> Option<Box<dyn Check>> {
    Some(Box::new(Sourcing {
        check: spec.check,
        min_words: spec.min_words.max(1),
        claims: spec.claims.clone(),
        described: spec.described,
    }))
}

struct Sourcing {
    check: SourcingCheck,
    min_words: usize,
    claims: Vec<ClaimKind>,
    described: bool,
}

impl Check for Sourcing {
    fn check_article(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        match self.check {
            SourcingCheck::Speaker => self.speakers(cx, out),
            SourcingCheck::Claim => self.claims(cx, out),
            SourcingCheck::Anonymous => anonymous(cx, self.described, out),
        }
    }
}

/// Whether `span` lies in a block this rule reads.
fn in_scope(cx: &Context<'_>, span: crate::span::Span) -> bool {
    cx.article
        .block_at(span)
        .is_some_and(|b| cx.rule.scope.contains(cx.article.blocks[b].kind))
}

impl Sourcing {
    /// The quotations whose speaker nothing names, reported once per story: the first, with
    /// the others as labels (one reader's question, "who said these?").
    fn speakers(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let article = cx.article;
        let sourcing = article.attribution();
        let mut unnamed = article
            .quotes
            .iter()
            .zip(&sourcing.quotes)
            .filter(|(quote, source)| {
                source.how == Resolution::Unresolved
                    && article.words(quote.span).nth(self.min_words - 1).is_some()
                    && in_scope(cx, quote.span)
            })
            .map(|(quote, _)| quote.span);
        let Some(first) = unnamed.next() else {
            return;
        };
        let mut diagnostic = cx.diagnostic(
            first,
            "who said this?",
            &[("match", cx.text(first)), ("claim", "a quotation")],
        );
        diagnostic.notes.push(
            "no cue in its sentence, no speaker in its paragraph, and neither paragraph beside it names one"
                .to_owned(),
        );
        for other in unnamed {
            diagnostic
                .secondary
                .push(cx.label(other, "another quotation with no speaker"));
        }
        out.push(diagnostic);
    }
}

impl Sourcing {
    fn claims(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for claim in &cx.article.attribution().claims {
            let chosen = self.claims.is_empty() || self.claims.contains(&claim.kind);
            if claim.vouched.is_some() || !chosen || !in_scope(cx, claim.span) {
                continue;
            }
            let kind = claim.kind.name();
            out.push(cx.diagnostic(
                claim.span,
                format!("{kind}: who reports it?"),
                &[("match", cx.text(claim.span)), ("claim", kind)],
            ));
        }
    }
}

/// The unexplained anonymous sources, reported once per story; described ones only when
/// the story quotes them or `described` asks for them.
fn anonymous(cx: &Context<'_>, described: bool, out: &mut Vec<Diagnostic>) {
    let unexplained: Vec<&AnonymousSource> = cx
        .article
        .attribution()
        .anonymous
        .iter()
        .filter(|a| {
            a.unexplained() && (described || !a.described || a.quoted) && in_scope(cx, a.span)
        })
        .collect();
    let Some((first, later)) = unexplained.split_first() else {
        return;
    };
    let mut diagnostic = cx.diagnostic(
        first.span,
        "no reason given for keeping this source unnamed",
        &[
            ("match", cx.text(first.span)),
            ("claim", "an anonymous source"),
        ],
    );
    for source in later {
        diagnostic
            .secondary
            .push(cx.label(source.span, "another unnamed source, no reason given"));
    }
    // A routine fact from an unnamed source is worth a note; a view or an accusation is what
    // anonymity must be justified for.
    if unexplained.iter().any(|a| a.opinion) {
        diagnostic
            .notes
            .push("an unnamed source gives a view or an accusation here".to_owned());
    } else {
        diagnostic.severity = match diagnostic.severity {
            Severity::Error => Severity::Warning,
            Severity::Warning | Severity::Info => Severity::Info,
        };
        diagnostic
            .notes
            .push("what the unnamed source gives is a routine fact".to_owned());
    }
    out.push(diagnostic);
}
