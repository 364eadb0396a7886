//! Finding the configuration of a file: the nearest `copydesk.toml` (or `.copydesk.toml`) in
//! its folder or above, cached per folder.

use super::FILE_NAMES;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Finds the configuration for files by walking up from their folders, caching per folder.
#[derive(Default)]
pub struct Discovery {
    by_folder: HashMap<PathBuf, Option<PathBuf>>,
}

impl Discovery {
    /// The nearest configuration file above `path` (a file or a folder), if any.
    pub fn find(&mut self, path: &Path) -> Option<PathBuf> {
        let start = if path.is_dir() {
            path.to_path_buf()
        } else {
            path.parent().unwrap_or(Path::new(".")).to_path_buf()
        };
        let start = if start.as_os_str().is_empty() {
            PathBuf::from(".")
        } else {
            start
        };
        let absolute = std::fs::canonicalize(&start).unwrap_or_else(|_| start.clone());
        if let Some(found) = self.by_folder.get(&absolute) {
            return found.clone();
        }
        let found = absolute.ancestors().find_map(|dir| {
            FILE_NAMES
                .iter()
                .map(|name| dir.join(name))
                .find(|candidate| candidate.is_file())
        });
        self.by_folder.insert(absolute, found.clone());
        found
    }

    /// The project `path` (a file) belongs to, as an absolute folder: the folder of its nearest
    /// configuration, else of the repository it is in (the nearest folder with `.git`), else
    /// its own folder. What a pull request changes may not reach out of it.
    pub fn project_root(&mut self, path: &Path) -> PathBuf {
        let folder = std::path::absolute(path)
            .unwrap_or_else(|_| path.to_path_buf())
            .parent()
            .map_or_else(|| PathBuf::from("/"), Path::to_path_buf);
        if let Some(config) = self.find(path)
            && let Some(root) = config.parent()
        {
            return root.to_path_buf();
        }
        let real = std::fs::canonicalize(&folder).unwrap_or_else(|_| folder.clone());
        real.ancestors()
            .find(|dir| dir.join(".git").exists())
            .map_or(real.clone(), Path::to_path_buf)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_project_is_the_configuration_s_folder_else_the_repository_else_the_file_s() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        let draft = root.join("repo/news/2026/story.txt");
        std::fs::create_dir_all(draft.parent().unwrap()).unwrap();
        let mut discovery = Discovery::default();
        assert_eq!(discovery.project_root(&draft), root.join("repo/news/2026"));
        std::fs::create_dir(root.join("repo/.git")).unwrap();
        assert_eq!(Discovery::default().project_root(&draft), root.join("repo"));
        std::fs::write(root.join("repo/news/copydesk.toml"), "").unwrap();
        assert_eq!(
            Discovery::default().project_root(&draft),
            root.join("repo/news")
        );
    }
}
