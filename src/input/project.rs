//! The project a file belongs to, and the files a path written in the project's files may
//! reach.
//!
//! A draft's front matter, a `copydesk.toml` and a rule pack can all be changed by a pull
//! request, and the pre-commit hook and CI run copydesk on them: a path written in one of them
//! is a stranger's. Every such path is resolved by [`Confinement::resolve`], which admits it
//! only inside the project root ([`root_of`]) or under a folder given on the command line, with
//! links followed: an absolute path, one that climbs out with `..`, and one that leads out
//! through a link are refused before anything is read.

use std::fmt;
use std::path::{Component, Path, PathBuf};

/// The names a configuration file may have, in the order they are looked for.
pub const CONFIG_FILE_NAMES: &[&str] = &["copydesk.toml", ".copydesk.toml"];

/// The root of the project `folder` lies in: the nearest folder at or above it that holds a
/// configuration file, else the nearest that holds `.git` (a repository's root, or a git
/// worktree's), else `folder` itself. Absolute, with links resolved where the folder exists.
pub fn root_of(folder: &Path) -> PathBuf {
    let start = canonical(folder);
    let with_config = start.ancestors().find(|dir| {
        CONFIG_FILE_NAMES
            .iter()
            .any(|name| dir.join(name).is_file())
    });
    let root = with_config.or_else(|| start.ancestors().find(|dir| dir.join(".git").exists()));
    root.unwrap_or(&start).to_path_buf()
}

/// The root of the project the file `path` belongs to ([`root_of`] its folder): what a fix
/// may write through a link to.
pub fn root_of_file(path: &Path) -> PathBuf {
    root_of(parent_folder(path))
}

/// Where paths written in a project's files may lead: inside the project root. A folder given
/// on the command line always lies inside its own project's root, so one root serves for both.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Confinement {
    /// Absolute, with links resolved.
    root: PathBuf,
}

/// A path resolved inside a confinement, with the confinement what it names is held to (a pack
/// named in a configuration, and the data files that pack names).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Confined {
    pub path: PathBuf,
    pub within: Confinement,
}

/// Why a path was not read: the path as written, and the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub written: String,
    reason: String,
}

impl Refusal {
    /// Why it was refused, for a message that names the path itself.
    pub fn reason(&self) -> &str {
        &self.reason
    }
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "refused `{}`: {}", self.written, self.reason)
    }
}

impl Confinement {
    /// Inside the project `folder` lies in ([`root_of`]).
    pub fn project(folder: &Path) -> Self {
        Confinement {
            root: root_of(folder),
        }
    }

    /// What a path given on the command line (a pack file, a folder of packs) may name: anything
    /// in the project of the folder it names or lies in, which holds that folder.
    pub fn given(path: &Path) -> Self {
        if path.is_dir() {
            Confinement::project(path)
        } else {
            Confinement::project(parent_folder(path))
        }
    }

    /// The project root, absolute and with links resolved.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The file `written` names, written in a file in `folder`, if it lies inside: joined to
    /// `folder` as written (so it is named as before), refused when it is absolute, when its
    /// `..` climbs out, or when a link on the way leads out. Nothing is read but the links.
    pub fn resolve(&self, folder: &Path, written: &str) -> Result<PathBuf, Refusal> {
        let refuse = |reason: String| Refusal {
            written: written.to_owned(),
            reason,
        };
        let relative = Path::new(written);
        let absolute = relative.is_absolute()
            || relative.has_root()
            || relative
                .components()
                .any(|c| matches!(c, Component::Prefix(_)));
        if absolute {
            return Err(refuse(
                "an absolute path; name it relative to the file that names it, inside the project"
                    .to_owned(),
            ));
        }
        let joined = canonical(folder).join(relative);
        // By names first, so a path out of the project is refused whether or not it exists.
        if !self.holds(&normalized(&joined)) {
            return Err(refuse(format!("it is outside {}", self.describe())));
        }
        self.admit_links(&joined).map_err(refuse)?;
        Ok(folder.join(relative))
    }

    /// Whether a file found in a folder that was resolved (a pack in a folder of packs, a
    /// fixture draft) stays inside once its links are followed.
    pub fn admit(&self, path: &Path) -> Result<(), Refusal> {
        self.admit_links(path).map_err(|reason| Refusal {
            written: path.display().to_string(),
            reason,
        })
    }

    /// `Err` with the reason when a link on the way to `path` leads out of the project, or
    /// leads nowhere: a dangling link is refused in the same words as one that leads out, so
    /// the answer never tells whether a file outside exists. A plain missing file is let
    /// through (reading it says so).
    fn admit_links(&self, path: &Path) -> Result<(), String> {
        let through_a_link = || {
            Err(format!(
                "it leads through a link out of {}, or to nothing",
                self.describe()
            ))
        };
        match std::fs::canonicalize(path) {
            Ok(real) if self.holds(&real) => Ok(()),
            Ok(_) => through_a_link(),
            Err(_) => {
                // Missing: the deepest part that exists, links followed, must lie inside (or
                // above the root, where nothing is), and the step below it must not be a link.
                let mut below: Option<&Path> = None;
                for step in path.ancestors() {
                    if let Ok(real) = std::fs::canonicalize(step) {
                        let inside = self.holds(&real) || self.root.starts_with(&real);
                        let dangling = below.is_some_and(|link| link.symlink_metadata().is_ok());
                        return if inside && !dangling {
                            Ok(())
                        } else {
                            through_a_link()
                        };
                    }
                    below = Some(step);
                }
                Ok(())
            }
        }
    }

    fn holds(&self, path: &Path) -> bool {
        path.starts_with(&self.root)
    }

    fn describe(&self) -> String {
        format!("the project root {}", self.root.display())
    }
}

/// The folder a file lies in (`.` for a bare name).
fn parent_folder(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

/// `path` absolute, with links resolved where it exists, else with `.` and `..` resolved by
/// name.
fn canonical(path: &Path) -> PathBuf {
    let path = if path.as_os_str().is_empty() {
        Path::new(".")
    } else {
        path
    };
    std::fs::canonicalize(path).unwrap_or_else(|_| normalized(path))
}

/// `path` made absolute against the current folder, with `.` and `..` resolved by name.
fn normalized(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut out = PathBuf::new();
    for component in absolute.components() {
        match component {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn project_with_config() -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().expect("temp dir");
        let project = dir.path().join("desk");
        std::fs::create_dir_all(project.join("rules/news")).expect("folders");
        std::fs::write(project.join("copydesk.toml"), "").expect("config");
        (dir, project)
    }

    #[test]
    fn the_root_is_the_nearest_configuration_then_the_repository_then_the_folder() {
        let (dir, project) = project_with_config();
        let real = |p: &Path| std::fs::canonicalize(p).expect("exists");
        assert_eq!(root_of(&project.join("rules/news")), real(&project));
        let repository = dir.path().join("repo");
        std::fs::create_dir_all(repository.join(".git")).expect("git folder");
        std::fs::create_dir_all(repository.join("a/b")).expect("folders");
        assert_eq!(root_of(&repository.join("a/b")), real(&repository));
        let loose = dir.path().join("loose");
        std::fs::create_dir_all(&loose).expect("folder");
        assert_eq!(root_of(&loose), real(&loose));
    }

    #[test]
    fn paths_inside_the_project_resolve_as_written() {
        let (_dir, project) = project_with_config();
        let confinement = Confinement::project(&project);
        let folder = project.join("rules/news");
        assert_eq!(
            confinement.resolve(&folder, "../words/english.txt"),
            Ok(folder.join("../words/english.txt"))
        );
        assert!(confinement.resolve(&folder, "../../copydesk.toml").is_ok());
    }

    #[test]
    fn absolute_paths_and_climbs_out_are_refused_existing_or_not() {
        let (_dir, project) = project_with_config();
        let confinement = Confinement::project(&project);
        let folder = project.join("rules");
        for written in [
            "/etc/passwd",
            "../../etc/passwd",
            "../../../../../../../../etc/passwd",
            "a/../../../nowhere.txt",
        ] {
            let refusal = confinement.resolve(&folder, written).unwrap_err();
            assert_eq!(refusal.written, written);
            assert!(
                refusal
                    .to_string()
                    .starts_with(&format!("refused `{written}`: ")),
                "{refusal}"
            );
        }
        let refusal = confinement.resolve(&folder, "../../x").unwrap_err();
        assert!(
            refusal
                .reason()
                .starts_with("it is outside the project root"),
            "{refusal}"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_link_inside_the_project_that_leads_out_is_refused() {
        let (dir, project) = project_with_config();
        let secret = dir.path().join("secret.env");
        std::fs::write(&secret, "TOKEN=opensesame\n").expect("secret");
        std::os::unix::fs::symlink(&secret, project.join("rules/weights.tsv")).expect("link");
        std::os::unix::fs::symlink(dir.path(), project.join("up")).expect("link");
        let confinement = Confinement::project(&project);
        let folder = project.join("rules");
        for written in ["weights.tsv", "../up/secret.env"] {
            let refusal = confinement.resolve(&folder, written).unwrap_err();
            assert!(refusal.reason().contains("through a link"), "{refusal}");
        }
        let refusal = confinement
            .admit(&project.join("rules/weights.tsv"))
            .unwrap_err();
        assert!(refusal.reason().contains("through a link"), "{refusal}");
        assert!(confinement.admit(&project.join("copydesk.toml")).is_ok());
        // A link to a file outside that does not exist is refused in the same words, so the
        // answer says nothing of what exists outside; a missing file inside is let through.
        let nowhere = dir.path().join("no-such-file");
        std::os::unix::fs::symlink(&nowhere, project.join("rules/missing.tsv")).expect("link");
        let refusal = confinement.resolve(&folder, "missing.tsv").unwrap_err();
        let existing = confinement.resolve(&folder, "weights.tsv").unwrap_err();
        assert_eq!(
            refusal.reason(),
            existing.reason(),
            "a link out reads the same whether its target exists or not"
        );
        assert!(confinement.resolve(&folder, "not-yet-written.tsv").is_ok());
        // A project reached through a link is still itself: a missing file in it is let
        // through (a fixture's `DRAFT.expected` before the first `--bless`).
        let alias = dir.path().join("alias");
        std::os::unix::fs::symlink(&project, &alias).expect("link");
        assert!(
            confinement
                .admit(&alias.join("rules/a.txt.expected"))
                .is_ok()
        );
        assert!(confinement.admit(&alias.join("rules/missing.tsv")).is_err());
    }

    #[test]
    fn a_path_given_on_the_command_line_may_name_files_in_its_project_and_under_it() {
        let (dir, project) = project_with_config();
        let packs = dir.path().join("elsewhere/packs");
        std::fs::create_dir_all(&packs).expect("folder");
        let confinement = Confinement::given(&packs);
        assert!(
            confinement
                .resolve(&packs.join("news"), "../words.txt")
                .is_ok()
        );
        assert!(
            confinement
                .resolve(&packs, "../../desk/copydesk.toml")
                .is_err()
        );
        // A pack file inside a project may name anything in the project.
        let confinement = Confinement::given(&project.join("rules/news/house.toml"));
        assert!(
            confinement
                .resolve(&project.join("rules"), "../x.txt")
                .is_ok()
        );
    }
}
