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
}
