//! Checking a chunk of inputs: read them, read their sources, run each one's rules, apply
//! configuration overrides and suppressions.

use super::sources::{self, ReadSources};
use super::{DraftOrigin, Options, Planned, Session, SourceText};
use crate::article::Article;
use crate::config::Document;
use crate::diagnostic::Diagnostic;
use crate::engine::{self, Corpus};
use crate::grounding::Sources;
use crate::input::InputProblem;
use crate::render::Report;
use crate::rules::RuleSet;
use crate::rules::forms::{Evidence, Verdict};
use crate::suppress::{self, RuleNames};
use std::path::Path;
use std::time::Instant;

/// What checking a chunk gives: the articles read, the sources they were checked against,
/// the findings (sorted) and the inputs that could not be read.
#[derive(Default)]
pub struct Checked {
    pub articles: Vec<Article>,
    /// Where each article came from.
    pub inputs: Vec<DraftOrigin>,
    pub sources: Option<Sources>,
    pub diagnostics: Vec<Diagnostic>,
    pub problems: Vec<InputProblem>,
    /// For each article, its sources (indices into `sources`).
    pub(super) source_of: Vec<Vec<usize>>,
    /// For each article, its profile in the session.
    pub(super) profile_of: Vec<usize>,
    /// When the work on this chunk must stop (see [`Session::check_with_sources`]).
    pub(super) deadline: Option<Instant>,
    /// Whether the deadline passed before the rules were done: the findings are incomplete.
    pub abandoned: bool,
}

impl Checked {
    /// Whether this chunk's deadline has passed.
    pub(super) fn past_deadline(&self) -> bool {
        self.deadline
            .is_some_and(|deadline| Instant::now() >= deadline)
    }

    /// The findings as the renderers take them.
    pub fn report(&self) -> Report<'_> {
        Report {
            articles: &self.articles,
            sources: self.sources.as_ref(),
            source_of: &self.source_of,
            diagnostics: &self.diagnostics,
            problems: &self.problems,
        }
    }
}

impl Session {
    /// Reads and checks `chunk`; `progress` is called once per article checked.
    pub fn check(&self, chunk: &[Planned], progress: Option<&(dyn Fn() + Sync)>) -> Checked {
        self.check_against(&self.options, chunk, progress, None)
    }

    /// Checks `chunk` against these sources as well as the session's own: how a server reuses
    /// one prepared session for requests that each bring their sources. Past `deadline` no
    /// further rule starts, here or in [`Session::fix`]'s re-checks, and the result is marked
    /// [`Checked::abandoned`].
    pub fn check_with_sources(
        &self,
        chunk: &[Planned],
        sources: &[SourceText],
        deadline: Option<Instant>,
    ) -> Checked {
        let mut options = self.options.clone();
        options.source_texts.extend_from_slice(sources);
        self.check_against(&options, chunk, None, deadline)
    }

    fn check_against(
        &self,
        options: &Options,
        chunk: &[Planned],
        progress: Option<&(dyn Fn() + Sync)>,
        deadline: Option<Instant>,
    ) -> Checked {
        let mut checked = self.read(options, chunk, deadline);
        checked.diagnostics = self.diagnose(&checked, progress);
        checked.abandoned = checked.past_deadline();
        checked
    }

    /// The first pass of judging consistency across a corpus too large for one run (a
    /// distributed job's partition; see [`engine::Corpus`]): reads `chunk`, whose articles are
    /// at `places` in the corpus, and gathers the evidence of every group of the rules that
    /// judge a corpus. Only those rules run; the findings come from
    /// [`Session::check_with_verdicts`].
    pub fn gather_evidence(&self, chunk: &[Planned], places: &[u64]) -> (Checked, Vec<Evidence>) {
        let checked = self.read(&self.options, chunk, None);
        let (_, evidence) = self.diagnose_in(&checked, None, Corpus::Gather, places);
        (checked, evidence)
    }

    /// The verdicts on a whole corpus's evidence (gathered by [`Session::gather_evidence`] over
    /// its parts and merged, [`Evidence::merge`]), under the session's first profile, which
    /// every record of an export is checked under.
    pub fn verdicts(&self, evidence: &[Evidence]) -> Vec<Verdict> {
        engine::verdicts(&self.profiles[0].rules, evidence)
    }

    /// The second pass: checks `chunk` (at `places` in the corpus) with every rule, the rules
    /// that judge a corpus reporting against `verdicts`. Over every part of a corpus this gives
    /// the findings of checking the whole in one run with `corpus` set.
    pub fn check_with_verdicts(
        &self,
        chunk: &[Planned],
        places: &[u64],
        verdicts: &[Verdict],
    ) -> Checked {
        let mut checked = self.read(&self.options, chunk, None);
        let corpus = Corpus::Verdicts(verdicts);
        checked.diagnostics = self.diagnose_in(&checked, None, corpus, places).0;
        checked
    }

    /// Reads `chunk` and the sources its drafts are checked against.
    fn read(&self, options: &Options, chunk: &[Planned], deadline: Option<Instant>) -> Checked {
        let read: Vec<Result<Article, InputProblem>> =
            engine::map_in_parallel(chunk, |_, p| p.input.read());
        let mut checked = Checked {
            articles: Vec::with_capacity(chunk.len()),
            inputs: Vec::with_capacity(chunk.len()),
            sources: None,
            diagnostics: Vec::new(),
            problems: Vec::new(),
            source_of: Vec::new(),
            profile_of: Vec::with_capacity(chunk.len()),
            deadline,
            abandoned: false,
        };
        for (result, planned) in read.into_iter().zip(chunk) {
            match result {
                Ok(mut article) => {
                    article.date = article.date.or(options.date);
                    checked.articles.push(article);
                    checked.inputs.push(planned.input.clone());
                    checked.profile_of.push(planned.profile);
                }
                Err(problem) => checked.problems.push(problem),
            }
        }
        let given: Vec<&[SourceText]> = checked.inputs.iter().map(record_sources).collect();
        let ReadSources {
            docs,
            of_article,
            problems,
        } = sources::read(options, &checked.articles, &given);
        checked.problems.extend(problems);
        checked.sources = (!docs.is_empty()).then(|| Sources::new(docs));
        checked.source_of = of_article;
        checked
    }

    /// Runs the rules over the articles of `checked` as they are now.
    pub(super) fn diagnose(
        &self,
        checked: &Checked,
        progress: Option<&(dyn Fn() + Sync)>,
    ) -> Vec<Diagnostic> {
        let corpus = if self.options.corpus {
            Corpus::Judge
        } else {
            Corpus::Off
        };
        self.diagnose_in(checked, progress, corpus, &[]).0
    }

    /// Runs the rules over the articles of `checked`, judging a corpus as `corpus` says: the
    /// findings (configuration and suppressions applied) and the evidence gathered.
    fn diagnose_in(
        &self,
        checked: &Checked,
        progress: Option<&(dyn Fn() + Sync)>,
        corpus: Corpus<'_>,
        places: &[u64],
    ) -> (Vec<Diagnostic>, Vec<Evidence>) {
        let rule_sets: Vec<&RuleSet> = self.profiles.iter().map(|p| &p.rules).collect();
        let run = engine::Run {
            articles: &checked.articles,
            sources: checked.sources.as_ref(),
            article_sources: &checked.source_of,
            corpus,
            article_places: places,
            progress,
            deadline: checked.deadline,
        };
        let (found, evidence) = engine::gather_run_with(&rule_sets, &checked.profile_of, run);
        let mut by_article: Vec<Vec<Diagnostic>> = vec![Vec::new(); checked.articles.len()];
        for d in found {
            by_article[d.primary.article].push(d);
        }
        let adjusted: Vec<Diagnostic> = by_article
            .into_iter()
            .enumerate()
            .flat_map(|(index, list)| {
                let profile = &self.profiles[checked.profile_of[index]];
                let name = &checked.articles[index].name;
                let document = match checked.inputs[index] {
                    DraftOrigin::Record(_) => Document::Record(name),
                    _ => Document::File(Path::new(name)),
                };
                profile.adjust(document, list)
            })
            .collect();
        let diagnostics = suppress::apply(&checked.articles, adjusted, &AllRules(&rule_sets));
        (diagnostics, evidence)
    }
}

/// The rules of every profile, as suppressions see them.
struct AllRules<'a>(&'a [&'a RuleSet]);

impl RuleNames for AllRules<'_> {
    fn selects(&self, entry: &str, id: &str) -> bool {
        self.0.iter().any(|set| set.selects_id(entry, id))
    }

    fn renamed(&self, entry: &str) -> Option<String> {
        self.0.iter().find_map(|set| {
            set.rules
                .iter()
                .find(|r| r.meta.aliases.iter().any(|a| a == entry))
                .map(|r| r.meta.id.clone())
        })
    }
}

/// The sources a record brings with it.
fn record_sources(input: &DraftOrigin) -> &[SourceText] {
    match input {
        DraftOrigin::Record(record) => &record.sources,
        _ => &[],
    }
}
