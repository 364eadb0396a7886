//! What the attribution layer finds: its data, below the files that find it and the article
//! that keeps it.

use crate::span::Span;
use serde::Serialize;

/// What the attribution layer found in one article.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Attribution {
    /// One entry per quotation of [`Article::quotes`](crate::article::Article::quotes), in
    /// the same order.
    pub quotes: Vec<QuoteSource>,
    pub claims: Vec<Claim>,
    pub anonymous: Vec<AnonymousSource>,
}

/// The cues of every sentence, counted once for the gate of a rule with `unattributed = true`
/// ([`Article::attributed`](crate::article::Article::attributed)).
#[derive(Debug, Clone, Default)]
pub struct Voicing {
    /// For each sentence of the article, in order: its verbs that make words someone's view
    /// (saying, calling, believing), outside quotation marks.
    pub views: Vec<u32>,
    /// Words that name where a claim comes from ("reported", "according", "newspaper"),
    /// outside quotation marks, in all the sentences before each one: sentence `i` holds
    /// `sources[i + 1] - sources[i]` of them.
    pub sources: Vec<u32>,
}

/// How a quotation's speaker was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Resolution {
    /// A cue in the quotation's own sentence: `“…,” the mayor said`, `Smith said that “…”`.
    Sentence,
    /// A colon introduces it: `The minister said in a statement: “…”`.
    Introduced,
    /// A partial quotation inside a sentence whose subject says or characterises it: `The
    /// chairman accused the president of a “…”`.
    Subject,
    /// Another quotation or a cue in the same paragraph names the speaker.
    Paragraph,
    /// The paragraph opens with the quotation and the previous one has a speaker: the
    /// convention for a speaker's words over several paragraphs.
    Continues,
    /// The next paragraph opens by naming who said it.
    NextParagraph,
    /// A heading or label above it names the speaker ("Dana Ross, council leader"), or a
    /// signature under it does ("— Dana Ross", "~ Dana Ross").
    Heading,
    /// A profile: the person the headline or the lede names is the story's only named
    /// speaker.
    Profile,
    /// The words of a document: a statement, a bill, an advertisement, a sign.
    Document,
    /// A title: `a story headlined “…”`, `a scene from “…”`.
    Title,
    /// A nickname in quotation marks inside a name (`Dwayne “The Rock” Johnson`): nobody's
    /// words ([`crate::article::Quote::nickname`]).
    Nickname,
    /// Nothing in the article says who said it.
    Unresolved,
}

impl QuoteSource {
    /// A quotation whose speaker was not found.
    pub(super) fn unresolved() -> Self {
        QuoteSource {
            speaker: None,
            cue: None,
            how: Resolution::Unresolved,
            refers_to: None,
        }
    }
}

impl Resolution {
    pub fn name(self) -> &'static str {
        match self {
            Resolution::Sentence => "in its sentence",
            Resolution::Introduced => "introduced by a colon",
            Resolution::Subject => "the sentence's subject",
            Resolution::Paragraph => "elsewhere in its paragraph",
            Resolution::Continues => "continues the previous paragraph's speaker",
            Resolution::NextParagraph => "named in the next paragraph",
            Resolution::Heading => "named by a heading or signature",
            Resolution::Profile => "the only speaker of a profile",
            Resolution::Document => "a document",
            Resolution::Title => "a title",
            Resolution::Nickname => "a nickname in a name",
            Resolution::Unresolved => "no speaker",
        }
    }
}

/// Who said one quotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct QuoteSource {
    /// The speaker as written ("the mayor", "Smith", "he"), where one is named.
    pub speaker: Option<Span>,
    /// The word that attributes the quotation ("said", "told", "according", ":").
    pub cue: Option<Span>,
    pub how: Resolution,
    /// For a pronoun speaker, the last speaker named before it.
    pub refers_to: Option<Span>,
}

/// What makes a claim check-worthy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ClaimKind {
    /// A count of people killed, injured, arrested or displaced.
    Toll,
    /// An approximate count of people: "about 3,000 protesters".
    Estimate,
    /// A share of people: "62% of voters".
    Share,
    /// A figure about the future: "growth of 7.9% is expected".
    Forecast,
    /// A record or a superlative: "the deadliest ever".
    Record,
    /// An absolute with no agent: "no casualties were reported", "it has been confirmed".
    Absolute,
}

impl ClaimKind {
    pub fn name(self) -> &'static str {
        match self {
            ClaimKind::Toll => "a toll",
            ClaimKind::Estimate => "an estimate",
            ClaimKind::Share => "a share",
            ClaimKind::Forecast => "a forecast",
            ClaimKind::Record => "a record",
            ClaimKind::Absolute => "an absolute claim",
        }
    }
}

/// Where a claim's attribution stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Vouched {
    /// In its own sentence.
    Sentence,
    /// In the sentence before it in its paragraph.
    Paragraph,
    /// The same figure is attributed elsewhere in the article (a lede's toll, attributed
    /// further down).
    Elsewhere,
}

/// A check-worthy claim and what vouches for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Claim {
    /// The figure or the words that make the claim.
    pub span: Span,
    pub sentence: Span,
    pub kind: ClaimKind,
    /// The attribution cue, where there is one.
    pub cue: Option<Span>,
    pub vouched: Option<Vouched>,
}

/// An anonymous source: a person or group the story does not name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct AnonymousSource {
    /// The words that describe the source ("a senior official said", "people familiar with").
    pub span: Span,
    /// The reason given for the anonymity ("who asked not to be named because …"), nearby.
    pub reason: Option<Span>,
    /// An earlier source of the article whose anonymity was explained: later mentions refer
    /// back to it.
    pub explained_before: Option<Span>,
    /// For an unnamed group in the lede ("officials said"), a member the story names further
    /// down ("Dana Ross, a department spokeswoman").
    pub named_later: Option<Span>,
    /// Whether what the source says is a view or an accusation ("blamed", "should", "feared"),
    /// not a routine fact.
    pub opinion: bool,
    /// Whether the story says who the source is, short of a name: an affiliation or a role
    /// ("a senior administration official", "a Republican congressional aide", "a diplomat")
    /// or what they know ("people familiar with the talks"). A vague source ("sources", "an
    /// official", "aides said") says neither.
    pub described: bool,
    /// Whether the source's sentence quotes them: four or more words in quotation marks, words
    /// a named speaker would be held to ("A senior source at the club said: “This time it's
    /// different”").
    pub quoted: bool,
}

impl AnonymousSource {
    /// Whether the story leaves this source unexplained: no reason, no like source explained
    /// before it, no member named later.
    pub fn unexplained(&self) -> bool {
        self.reason.is_none() && self.explained_before.is_none() && self.named_later.is_none()
    }
}
