//! The source documents drafts are checked against: `--source` files and source texts for
//! every document, and each Markdown draft's front-matter `sources`.
//!
//! A draft is written by anyone who can open a pull request, so the sources it names must stay
//! inside its project ([`Confinement`], as for the paths in configurations and packs): an
//! absolute path, or one that climbs out (`../..`, or a link pointing outside), is refused.
//! Sources given on the command line are the user's own choice and are read as given.

use super::origin::parse_text;
use super::{DraftOrigin, FileAccess, Options, SourceText};
use crate::article::Article;
use crate::input::InputProblem;
use crate::input::project::Confinement;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The sources of a chunk of articles.
#[derive(Default)]
pub struct ReadSources {
    pub docs: Vec<Article>,
    /// For each article, the indices of its sources in `docs`.
    pub of_article: Vec<Vec<usize>>,
    pub problems: Vec<InputProblem>,
}

/// A source to read, once however many articles name it.
#[derive(PartialEq)]
enum Wanted<'a> {
    File(PathBuf),
    Text(&'a SourceText),
}

/// Reads every source the articles are checked against: the run's, and for each article
/// those it names in front matter and those `given` with it (a record's).
pub fn read(options: &Options, articles: &[Article], given: &[&[SourceText]]) -> ReadSources {
    let mut wanted: Vec<Wanted<'_>> = Vec::new();
    let mut index_of = |w| want(&mut wanted, w);
    let mut global: Vec<usize> = Vec::new();
    for path in &options.source_files {
        global.push(index_of(Wanted::File(path.clone())));
    }
    for text in &options.source_texts {
        global.push(index_of(Wanted::Text(text)));
    }
    let mut problems = Vec::new();
    let mut projects = Projects::default();
    let mut of_article: Vec<Vec<usize>> = Vec::with_capacity(articles.len());
    for (index, article) in articles.iter().enumerate() {
        let mut own = global.clone();
        let with_it = given.get(index).copied().unwrap_or_default();
        own.extend(with_it.iter().map(|text| index_of(Wanted::Text(text))));
        for declared in &article.declared_sources {
            match declared_path(options, article, declared, &mut projects) {
                Ok(path) => own.push(index_of(Wanted::File(path))),
                Err(message) => problems.push(InputProblem {
                    name: article.name.clone(),
                    message: format!("source `{declared}`: {message}"),
                    is_error: options.file_access == FileAccess::Full,
                }),
            }
        }
        of_article.push(own);
    }
    let (docs, remap) = read_wanted(&wanted, &mut problems);
    let of_article = of_article
        .into_iter()
        .map(|list| list.into_iter().filter_map(|i| remap[i]).collect())
        .collect();
    ReadSources {
        docs,
        of_article,
        problems,
    }
}

/// The index of `source` among those wanted, added if it is new.
fn want<'a>(wanted: &mut Vec<Wanted<'a>>, source: Wanted<'a>) -> usize {
    match wanted.iter().position(|x| *x == source) {
        Some(i) => i,
        None => {
            wanted.push(source);
            wanted.len() - 1
        }
    }
}

/// Reads the wanted sources; returns them and, for each wanted one, its index among those read.
fn read_wanted(
    wanted: &[Wanted],
    problems: &mut Vec<InputProblem>,
) -> (Vec<Article>, Vec<Option<usize>>) {
    let mut docs = Vec::new();
    let mut remap = Vec::with_capacity(wanted.len());
    for source in wanted {
        let read = match source {
            Wanted::File(path) => DraftOrigin::File(path.clone()).read(),
            Wanted::Text(text) => Ok(parse_text(&text.name, &text.text)),
        };
        match read {
            Ok(article) => {
                remap.push(Some(docs.len()));
                docs.push(article);
            }
            Err(problem) => {
                remap.push(None);
                problems.push(InputProblem {
                    message: format!("source {}", problem.message),
                    ..problem
                });
            }
        }
    }
    (docs, remap)
}

/// The confinement of each folder drafts are in, found once per folder.
#[derive(Default)]
struct Projects {
    by_folder: HashMap<PathBuf, Confinement>,
}

impl Projects {
    fn of(&mut self, folder: &Path) -> &Confinement {
        self.by_folder
            .entry(folder.to_path_buf())
            .or_insert_with(|| Confinement::project(folder))
    }
}

/// The file a draft's front matter names, if the draft may read it: named as the draft is
/// named, relative or not.
fn declared_path(
    options: &Options,
    article: &Article,
    declared: &str,
    projects: &mut Projects,
) -> Result<PathBuf, String> {
    if options.file_access == FileAccess::Off {
        return Err(
            "not read: sources named in front matter are not read here; send them with the request"
                .to_owned(),
        );
    }
    let folder = Path::new(&article.name)
        .parent()
        .unwrap_or(Path::new(""))
        .to_path_buf();
    projects
        .of(&folder)
        .resolve(&folder, declared)
        .map_err(|refusal| format!("refused: {}", refusal.reason()))
}
