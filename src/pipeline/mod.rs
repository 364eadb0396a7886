//! The check pipeline every front end runs — the command line, and anything else that checks
//! drafts (an editor, a server): **gather** inputs, **prepare** a [`Session`] (each input's
//! configuration and rules), **check** a chunk of inputs, **fix** what is safe to fix. Rendering
//! is [`crate::render`]'s, writing files back is [`crate::fix`]'s.
//!
//! Documents may come from files, standard input or memory; a document in memory has a
//! virtual path that chooses its format (and, with file access, its configuration). With
//! [`FileAccess::Off`] nothing is read from disk because a document asked: no configuration is
//! discovered, no pack named in a configuration is loaded, no source named in front matter is
//! read.

mod check;
mod configs;
mod fixing;
mod json_line;
mod origin;
mod records;
mod source_text;
mod sources;

pub use check::Checked;
pub use fixing::FixedArticle;
pub use origin::DraftOrigin;
pub use records::{Record, RecordLine, RecordReader};
pub use source_text::SourceText;

use crate::config::Profile;
use crate::input::{self, InputProblem};
use crate::located::LocatedErrors;
use std::path::{Path, PathBuf};

/// Whether the pipeline may read files that documents or configurations name.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum FileAccess {
    /// Read configurations, packs and sources from disk (the command line).
    #[default]
    Full,
    /// Read nothing from disk on a document's behalf (a server answering requests).
    Off,
}

/// Which configuration applies to each document.
#[derive(Debug, Clone, Default)]
pub enum ConfigChoice {
    /// The nearest `copydesk.toml` above each document (its virtual path for documents in
    /// memory and standard input).
    #[default]
    Discover,
    /// This file for every document.
    File(PathBuf),
    /// This text for every document (named `name` in errors).
    Text { name: String, text: String },
    /// No configuration at all.
    Isolated,
}

/// Which rules to load and run, on top of what configurations say.
#[derive(Debug, Clone, Default)]
pub struct RuleOptions {
    /// More packs: TOML files or folders of them.
    pub packs: Vec<PathBuf>,
    pub no_default_rules: bool,
    pub select: Vec<String>,
    pub extend_select: Vec<String>,
    pub ignore: Vec<String>,
    pub preview: bool,
}

/// Everything a run is told.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub rules: RuleOptions,
    pub config: ConfigChoice,
    /// Source files every document is checked against (`--source`).
    pub source_files: Vec<PathBuf>,
    /// Source documents in memory every document is checked against.
    pub source_texts: Vec<SourceText>,
    /// Judge consistency across all documents of a chunk, not one at a time.
    pub corpus: bool,
    /// The date of every document that gives none itself (`--date`).
    pub date: Option<chrono::NaiveDate>,
    pub file_access: FileAccess,
}

/// Why a session could not be prepared.
#[derive(Debug)]
pub enum SetupError {
    /// A pack or configuration that does not load, located in its file.
    Located(LocatedErrors),
    /// Anything else: a pack folder that cannot be read, a selector matching no rule.
    Message(String),
}

/// The documents a run found, and what could not be found.
#[derive(Debug, Default)]
pub struct Gathered {
    pub inputs: Vec<DraftOrigin>,
    pub problems: Vec<InputProblem>,
}

/// Files and folders (walked for the files `wanted` accepts — [`input::is_draft_file`] or
/// [`input::is_record_export`] — honouring ignore files) and `-` for standard input, named
/// `stdin_name` when given. A file named here is taken whatever its name.
pub fn gather(
    paths: &[PathBuf],
    wanted: fn(&Path) -> bool,
    stdin_name: Option<&PathBuf>,
) -> Gathered {
    let mut gathered = Gathered::default();
    for path in paths {
        if path.as_os_str() == "-" {
            gathered.inputs.push(DraftOrigin::Stdin {
                name: stdin_name.cloned(),
            });
        } else if !path.is_dir() {
            // Named explicitly: read it whatever its extension; reading reports what is wrong.
            gathered.inputs.push(DraftOrigin::File(path.clone()));
        } else {
            let (files, problems) = input::walk(path, wanted);
            gathered
                .inputs
                .extend(files.into_iter().map(DraftOrigin::File));
            gathered.problems.extend(problems);
        }
    }
    gathered
}

/// The configurations and rules of a run, loaded once and shared by every chunk it checks.
pub struct Session {
    options: Options,
    profiles: Vec<Profile>,
}

/// What a session will check, in order, and what configurations excluded.
#[derive(Debug, Default)]
pub struct Plan {
    pub planned: Vec<Planned>,
    /// Inputs that a configuration's `[files] exclude` leaves out.
    pub excluded: Vec<DraftOrigin>,
}

/// A document to check, with the profile (configuration and rules) that applies to it.
#[derive(Debug, Clone)]
pub struct Planned {
    pub input: DraftOrigin,
    profile: usize,
}

impl Session {
    /// The loaded profiles (each a configuration and its compiled rules).
    pub fn profiles(&self) -> &[Profile] {
        &self.profiles
    }

    pub fn options(&self) -> &Options {
        &self.options
    }

    /// Plans one more input under the session's first configuration, with no discovery: how a
    /// long-running front end (an editor, a server, a fuzzer) reuses one prepared session for
    /// document after document.
    pub fn plan(&self, input: DraftOrigin) -> Planned {
        Planned { input, profile: 0 }
    }

    /// Plans one more input under the profile of one already planned: how the records of a
    /// JSON-lines file are checked under the file's configuration, a chunk at a time.
    pub fn plan_like(&self, planned: &Planned, input: DraftOrigin) -> Planned {
        Planned {
            input,
            profile: planned.profile,
        }
    }

    /// The profile (configuration and rules) a planned input is checked under.
    pub fn profile_of(&self, planned: &Planned) -> &Profile {
        &self.profiles[planned.profile]
    }

    /// The session from now on reads nothing from disk on a document's behalf (the sources a
    /// draft's front matter names): how a library front end checks text that strangers write
    /// under the configuration and packs it has already loaded.
    pub fn without_file_access(mut self) -> Session {
        self.options.file_access = FileAccess::Off;
        self
    }

    /// The profiles, taken out of the session.
    pub fn into_profiles(self) -> Vec<Profile> {
        self.profiles
    }
}
