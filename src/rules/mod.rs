//! Rules: kinds in code, rules in data.
//!
//! A *kind* is Rust (one file in [`kinds`]); a *rule* is a TOML table in a pack that configures a
//! kind. [`pack`] turns packs into a [`RuleSet`], whose [`matcher`] holds the literals and
//! regexes of every rule in combined matchers (a word table and an automaton, each run once per
//! article, which also find the literals that let each regex run).

pub mod data_format;
pub mod dictionary;
mod exceptions;
pub mod forms;
pub mod kind;
pub mod kinds;
pub mod linear;
pub mod matcher;
pub mod pack;
pub mod style;
mod template;

pub use template::{fill_template, keep_case, placeholders};

use crate::article::{Article, Block, BlockKind};
use crate::diagnostic::{Diagnostic, Label, Severity};
use crate::grounding::drift::DriftReading;
use crate::grounding::{Alignment, Sources};
use crate::span::Span;
pub use exceptions::Exceptions;
use matcher::{Hit, Matcher};

/// What every kind implements: look at one article, push diagnostics.
pub trait Check: Send + Sync {
    fn check_article(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>);

    /// The form this rule settles as house style (a consistency group's `preferred`), which
    /// every rule of its set then keeps to.
    fn house_form(&self) -> Option<&str> {
        None
    }

    /// What `copydesk explain` shows of the compiled rule: what it matches, and the form it
    /// prefers where it has one.
    fn details(&self) -> Details {
        Details::default()
    }

    /// Kinds whose findings change when a whole corpus is judged at once (`--corpus`).
    fn corpus(&self) -> Option<&dyn CorpusCheck> {
        None
    }
}

/// What a compiled rule says of itself for `copydesk explain`.
#[derive(Debug, Clone, Default)]
pub struct Details {
    /// What it matches, one entry a line (words, patterns, pairs, variants).
    pub matches: Vec<String>,
    /// The form its `{preferred}` placeholder stands for, where there is one.
    pub preferred: Option<String>,
}

/// The corpus side of a kind: what each article contributes, then verdicts over all of it
/// ([`forms`] gathers the occurrences into evidence and reports against the verdicts). Memory
/// grows with the ways each group is written, not with the text.
pub trait CorpusCheck: Send + Sync {
    fn collect(&self, cx: &Context<'_>) -> Vec<Occurrence>;
    /// The verdicts on the groups of `evidence`: all a run (or a whole corpus) holds of each.
    fn verdicts(
        &self,
        rule: &RuleMeta,
        evidence: &[forms::evidence::Evidence],
    ) -> Vec<forms::verdict::Verdict>;
}

/// One use of a form of something a corpus rule keeps consistent: a variant of a group, a
/// spelling of a name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Occurrence {
    pub article: usize,
    pub span: Span,
    /// What the forms are forms of (a group key).
    pub group: String,
    /// The form used here, as the rule compares forms (a variant's number, a lower-cased
    /// spelling).
    pub form: String,
    /// The text as written.
    pub written: String,
    /// Inside a direct quotation (reported as information only, since quotes are verbatim).
    pub quoted: bool,
    /// Capitalised only because it opens a sentence ("Sixth-form teachers …").
    pub capital_opens_sentence: bool,
    /// Written as a name (capitalised mid-sentence, or a pair of capitalised words): a group
    /// with a name's use anywhere is a name's.
    pub name: bool,
}

/// A set of block kinds, as a bit set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Scope(u16);

impl Scope {
    pub fn of(kinds: &[BlockKind]) -> Self {
        Self(kinds.iter().fold(0, |bits, &k| bits | 1 << k as u16))
    }

    pub fn contains(self, kind: BlockKind) -> bool {
        self.0 & (1 << kind as u16) != 0
    }

    pub fn kinds(self) -> impl Iterator<Item = BlockKind> {
        BlockKind::ALL
            .into_iter()
            .filter(move |&k| self.contains(k))
    }
}

/// Where a rule was defined: which pack file, and the span of its `id` value there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Origin {
    pub pack: usize,
    pub id_span: Span,
}

/// A text from a rule's `must-fire` or `must-not-fire` list, with its span in the pack file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Example {
    pub text: String,
    pub span: Span,
}

/// What every rule has, whatever its kind.
#[derive(Debug, Clone)]
pub struct RuleMeta {
    pub id: String,
    /// Former ids: selectors, severities and suppressions naming them still reach the rule.
    pub aliases: Vec<String>,
    pub kind: &'static str,
    pub severity: Severity,
    /// The message template, with `{placeholders}` the kind fills in.
    pub message: String,
    pub scope: Scope,
    /// Whether the rule also reads text inside direct quotations (off by default: quotes are
    /// verbatim).
    pub in_quotes: bool,
    pub help: Option<String>,
    pub rationale: String,
    pub must_fire: Vec<Example>,
    pub must_not_fire: Vec<Example>,
    /// A new rule still being tuned on real copy: off unless `--preview` is given.
    pub preview: bool,
    /// Off by default: runs only when selected by its id (`enabled = false` in the pack).
    pub enabled: bool,
    /// Rule ids or id prefixes (`news.tone`): where one of them reports in a block, this rule's
    /// findings in that block are dropped (`defers-to` in the pack).
    pub defers_to: Vec<String>,
    /// Editorial voice: left out of a story labelled opinion, analysis, review or column
    /// ([`crate::article::label`]) and of a passage in the first person
    /// ([`crate::article::voice`]); `news-only = true` in the pack.
    pub news_only: bool,
    /// The reporter's own claims only: a match in a sentence that attributes (a verb of saying,
    /// calling, believing or thinking), or that follows one with a verb of saying in its
    /// paragraph, is someone's view and not reported ([`Article::attributed`];
    /// `unattributed = true` in the pack).
    pub unattributed: bool,
    pub origin: Origin,
    /// The forms house style settles in the rule set this rule belongs to — each consistency
    /// group's `preferred` variant, folded by [`fold_form`] — which no rule moves copy away
    /// from: where two forms of one thing are judged, a house form wins.
    pub house_forms: std::sync::Arc<[String]>,
}

/// A form as compared with a house form: lower case, curly apostrophes straight.
pub fn fold_form(form: &str) -> String {
    form.to_lowercase().replace('’', "'")
}

impl RuleMeta {
    /// Whether this rule may see `span`, in block `block` of `article`: outside quotations
    /// (unless it opts in), off markup, for a news-only rule in the reporter's voice
    /// ([`Article::in_first_person`]), and for an unattributed-only rule where nothing
    /// attributes it ([`Article::attributed`]). The engine asks it of every match; a kind that
    /// reads blocks itself asks it through [`Context::may_report`].
    pub fn may_see(&self, article: &Article, block: usize, span: Span) -> bool {
        let quoted = !self.in_quotes && article.in_quote(span);
        let other_voice = self.news_only && article.in_first_person(block);
        let attributed = self.unattributed && article.attributed(span);
        !(quoted || other_voice || attributed || article.touches_markup(block, span))
    }

    /// Whether `form` is one house style settles (see [`RuleMeta::house_forms`]).
    pub fn is_house_form(&self, form: &str) -> bool {
        !self.house_forms.is_empty() && self.house_forms.contains(&fold_form(form))
    }

    /// Whether this rule gives way to the rule with id `other` (`defers-to`).
    pub fn defers_to(&self, other: &str) -> bool {
        other != self.id
            && self.defers_to.iter().any(|entry| {
                other == entry
                    || other
                        .strip_prefix(entry.as_str())
                        .is_some_and(|rest| rest.starts_with('.'))
            })
    }

    /// A diagnostic of this rule at `span` of article `article`, with the message template
    /// filled from `values` and the rule's rationale and help attached.
    pub fn diagnostic(
        &self,
        article: usize,
        span: Span,
        label: impl Into<String>,
        values: &[(&str, &str)],
    ) -> Diagnostic {
        Diagnostic {
            rule: self.id.clone(),
            severity: self.severity,
            message: fill_template(&self.message, values),
            primary: Label {
                article,
                span,
                message: label.into(),
            },
            secondary: Vec::new(),
            rationale: Some(self.rationale.clone()),
            notes: Vec::new(),
            help: self.help.as_ref().map(|h| fill_template(h, values)),
            fix: None,
        }
    }
}

pub struct Rule {
    pub meta: RuleMeta,
    pub check: Box<dyn Check>,
}

/// A pack file as it was read, kept to render errors and example failures against.
#[derive(Debug, Clone, Default)]
pub struct PackFile {
    /// How the file is named in messages (`rules/core.toml`, or the path given).
    pub name: String,
    /// The pack's own name, from its `[pack]` table.
    pub title: String,
    pub description: String,
    /// The folder of a pack read from disk (`None` for the built-in pack).
    pub folder: Option<std::path::PathBuf>,
    /// Fixture drafts named in `[pack] fixtures`, resolved (only for packs read from disk).
    pub fixtures: Vec<std::path::PathBuf>,
    pub text: String,
}

/// Every rule of every loaded pack, compiled.
pub struct RuleSet {
    pub rules: Vec<Rule>,
    pub packs: Vec<PackFile>,
    pub matcher: Matcher,
    /// Whether each rule runs on articles (all but preview rules, until selection changes it).
    pub enabled: Vec<bool>,
}

impl RuleSet {
    /// Turns rules on and off: preview rules only with `preview`; then, where `select` is not
    /// empty, only rules matching one of its entries, plus those matching `extend`; then none
    /// matching an `ignore` entry. An entry matches a rule by its id, an id prefix ending at a
    /// `.` (`news` matches `news.tone.slams`), or the name of its pack. A rule that is off by
    /// default (`enabled = false`) runs only when `select` or `extend` names its full id.
    pub fn select(
        &mut self,
        preview: bool,
        select: &[String],
        extend: &[String],
        ignore: &[String],
    ) {
        for (index, rule) in self.rules.iter().enumerate() {
            let matches = |entry: &String| self.selects(entry, rule);
            let named = select
                .iter()
                .chain(extend)
                .any(|e| *e == rule.meta.id || rule.meta.aliases.contains(e));
            let chosen = (select.is_empty() && rule.meta.enabled)
                || select.iter().any(matches)
                || extend.iter().any(matches);
            self.enabled[index] = (preview || !rule.meta.preview)
                && chosen
                && (rule.meta.enabled || named)
                && !ignore.iter().any(matches);
        }
    }

    /// Whether selector `entry` (an id, an id prefix or a pack name) names `rule`.
    pub fn selects(&self, entry: &str, rule: &Rule) -> bool {
        let id = &rule.meta.id;
        id == entry
            || rule.meta.aliases.iter().any(|alias| alias == entry)
            || id
                .strip_prefix(entry)
                .is_some_and(|rest| rest.starts_with('.'))
            || self.packs[rule.meta.origin.pack].title == entry
    }

    /// Whether selector `entry` names the rule with this id.
    pub fn selects_id(&self, entry: &str, id: &str) -> bool {
        self.rule(id).is_some_and(|rule| self.selects(entry, rule))
    }

    /// Sets the severity of every rule `entry` names.
    pub fn set_severity(&mut self, entry: &str, severity: crate::diagnostic::Severity) {
        let named: Vec<usize> = (0..self.rules.len())
            .filter(|&i| self.selects(entry, &self.rules[i]))
            .collect();
        for index in named {
            self.rules[index].meta.severity = severity;
        }
    }

    /// Entries of `select` or `ignore` lists that match no rule and no pack.
    pub fn unknown_selectors<'a>(&self, entries: &'a [String]) -> Vec<&'a str> {
        entries
            .iter()
            .filter(|entry| !self.rules.iter().any(|rule| self.selects(entry, rule)))
            .map(String::as_str)
            .collect()
    }

    /// The rule with this id, or with this former id.
    pub fn rule(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.meta.id == id).or_else(|| {
            self.rules
                .iter()
                .find(|r| r.meta.aliases.iter().any(|a| a == id))
        })
    }
}

/// What a check sees of one article.
pub struct Context<'a> {
    pub article: &'a Article,
    /// The article's index in the run, for labels.
    pub article_index: usize,
    pub rule: &'a RuleMeta,
    /// This rule's literal and regex matches, already limited to its scope, outside quotations
    /// (unless it opts in) and markup, sorted and not overlapping.
    pub hits: &'a [Hit],
    /// The run's sources (`--source`), if any.
    pub sources: Option<&'a Sources>,
    /// The sources this article is checked against (indices into `sources`).
    pub source_docs: &'a [usize],
    /// Labels into source `doc` use article index `source_offset + doc`.
    pub source_offset: usize,
    /// The article aligned with its sources, computed by the first rule that asks (see
    /// [`Context::alignment`]) and shared by every other.
    pub alignment: &'a std::sync::OnceLock<Alignment>,
    /// The aligned sentences and their passages read into words for the source-drift rules
    /// (see [`Context::drift_reading`]), by the first that asks.
    pub drift_reading: &'a std::sync::OnceLock<DriftReading>,
    /// The run judges consistency across all its articles (`--corpus`).
    pub corpus: bool,
}

impl<'a> Context<'a> {
    /// The blocks this rule reads, with their indices.
    pub fn blocks(&self) -> impl Iterator<Item = (usize, &'a Block)> + 'a {
        let scope = self.rule.scope;
        self.article
            .blocks
            .iter()
            .enumerate()
            .filter(move |(_, b)| scope.contains(b.kind))
    }

    /// Every sentence of the article aligned with the source passage it comes from, or `None`
    /// when the article has no sources. Computed once per article, however many rules ask.
    pub fn alignment(&self) -> Option<&'a Alignment> {
        let sources = self.sources.filter(|_| !self.source_docs.is_empty())?;
        Some(
            self.alignment
                .get_or_init(|| sources.align(self.source_docs, self.article)),
        )
    }

    /// The article's aligned sentences and their passages read into words, with the
    /// alignment they were read from, or `None` when the article has no sources. Computed once
    /// per article, however many source-drift rules ask.
    pub fn drift_reading(&self) -> Option<(&'a Alignment, &'a DriftReading)> {
        let sources = self.sources?;
        let alignment = self.alignment()?;
        let reading = self
            .drift_reading
            .get_or_init(|| sources.drift_reading(self.article, alignment));
        Some((alignment, reading))
    }

    /// Whether this rule may report `span`, in block `block` ([`RuleMeta::may_see`]).
    pub fn may_report(&self, block: usize, span: Span) -> bool {
        self.rule.may_see(self.article, block, span)
    }

    pub fn text(&self, span: Span) -> &'a str {
        self.article.text(span)
    }

    /// A label in source document `doc`.
    pub fn source_label(&self, doc: usize, span: Span, message: impl Into<String>) -> Label {
        Label {
            article: self.source_offset + doc,
            span,
            message: message.into(),
        }
    }

    pub fn label(&self, span: Span, message: impl Into<String>) -> Label {
        Label {
            article: self.article_index,
            span,
            message: message.into(),
        }
    }

    /// A diagnostic of this rule at `span`, with the message template filled from `values`
    /// and the rule's rationale and help attached.
    pub fn diagnostic(
        &self,
        span: Span,
        label: impl Into<String>,
        values: &[(&str, &str)],
    ) -> Diagnostic {
        self.rule
            .diagnostic(self.article_index, span, label, values)
    }
}

#[cfg(test)]
mod tests;
