//! Applying safe fixes: non-overlapping edits, never inside a direct quotation, written only
//! when the file on disk is still what was read. A file is replaced atomically (a temporary
//! file in the same folder, then a rename, keeping permissions); a symbolic link is written
//! through to its target when the target is inside the project; a file with other hard links
//! is rewritten in place, so that every name of it sees the fix.

use crate::article::{Article, Parts};
use crate::diagnostic::{Applicability, Diagnostic, Edit};
use crate::span::Span;
use std::io::Write;
use std::path::{Path, PathBuf};

/// An edit's change of one text into another, as pulls in opposite directions are compared:
/// without regard to case ("Neighbourhood" → "Neighborhood" undoes "neighborhood" →
/// "neighbourhood"), unless the change is of case alone ("city council" → "City Council"),
/// which only the change back in exactly those cases undoes.
fn turn(from: &str, to: &str) -> (String, String) {
    let (from_folded, to_folded) = (from.to_lowercase(), to.to_lowercase());
    if from_folded == to_folded {
        (from.to_owned(), to.to_owned())
    } else {
        (from_folded, to_folded)
    }
}

/// The safe edits of `article`'s diagnostics, sorted, without overlaps (the first in report
/// order wins), without any that touch a direct quotation (but for swapping its marks), and
/// without pairs of edits that undo each other.
pub fn safe_edits(
    article: &Article,
    article_index: usize,
    diagnostics: &[Diagnostic],
) -> Vec<Edit> {
    let mut edits: Vec<Edit> = diagnostics
        .iter()
        .filter(|d| d.primary.article == article_index)
        .filter_map(|d| d.fix.as_ref())
        .filter(|fix| fix.applicability == Applicability::Safe)
        .flat_map(|fix| fix.edits.iter().cloned())
        .filter(|edit| !article.in_quote(edit.span) || is_mark_edit(article, edit))
        .filter(|edit| article.layout.is_none_or(|layout| layout.holds(edit.span)))
        .collect();
    // Two rules that pull a word opposite ways ("neighbourhood" → "neighborhood" here,
    // "neighborhood" → "neighbourhood" there) would undo each other on every run: neither is
    // applied, and both findings stay for an editor.
    let turns: std::collections::HashSet<(String, String)> = edits
        .iter()
        .map(|e| turn(article.text(e.span), &e.replacement))
        .collect();
    edits.retain(|e| {
        let from = article.text(e.span);
        from.is_empty() || !turns.contains(&turn(&e.replacement, from))
    });
    edits.sort_by_key(|e| (e.span.start, e.span.end));
    let mut kept: Vec<Edit> = Vec::with_capacity(edits.len());
    for edit in edits {
        // Two insertions at one place would depend on each other: keep the first.
        let clear = kept.last().is_none_or(|last| {
            edit.span.start > last.span.end
                || (edit.span.start == last.span.end
                    && !(edit.span.is_empty() && last.span.is_empty()))
        });
        if clear {
            kept.push(edit);
        }
    }
    kept
}

/// An edit that only swaps one quotation mark for another, which may touch a quotation's
/// boundary without changing a word of it.
fn is_mark_edit(article: &Article, edit: &Edit) -> bool {
    const MARKS: &[&str] = &["\"", "“", "”", "'", "‘", "’"];
    MARKS.contains(&article.text(edit.span)) && MARKS.contains(&edit.replacement.as_str())
}

/// `text` with `edits` (sorted, not overlapping) applied.
pub fn apply(text: &str, edits: &[Edit]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut cursor = 0;
    for edit in edits {
        out.push_str(&text[cursor..edit.span.start]);
        out.push_str(&edit.replacement);
        cursor = edit.span.end;
    }
    out.push_str(&text[cursor..]);
    out
}

/// `article` with `edits` (sorted, not overlapping, from [`safe_edits`]) applied and read
/// again in its format and encoding; a record's article is assembled again from its fields, each
/// with the edits inside it.
pub fn edited(article: &Article, edits: &[Edit]) -> Article {
    let Some(layout) = article.layout else {
        let mut fixed = Article::parse(
            article.name.clone(),
            apply(&article.contents, edits),
            article.format,
        );
        fixed.encoding = article.encoding;
        // A date given from outside the text (a record's field, `--date`) stays.
        fixed.date = fixed.date.or(article.date);
        return fixed;
    };
    let field = |span: Span| {
        let inside: Vec<Edit> = edits
            .iter()
            .filter(|e| span.contains(e.span))
            .map(|e| Edit {
                span: Span::new(e.span.start - span.start, e.span.end - span.start),
                replacement: e.replacement.clone(),
            })
            .collect();
        apply(article.text(span), &inside)
    };
    let parts = Parts {
        headline: layout.headline.map(field),
        dek: layout.dek.map(field),
        body: field(layout.body),
    };
    let mut fixed = Article::assemble(article.name.clone(), &parts, article.format);
    fixed.label = article.label;
    fixed.date = fixed.date.or(article.date);
    fixed
}

/// Writes `fixed` over `path` if the file still holds `original`, and returns the file written:
/// `path`, or the target of the symbolic link `path` is. A link is followed only to a file
/// inside `project` (an absolute folder): a draft in a pull request may be a link to anywhere.
/// A file with one name is replaced atomically ([`replace_atomically`]); one with other hard
/// links is rewritten in place ([`rewrite_in_place`]), since a rename would split it.
pub fn write_atomically(
    path: &Path,
    project: &Path,
    original: &[u8],
    fixed: &[u8],
) -> Result<PathBuf, String> {
    let file = followed(path, project)?;
    let current = std::fs::read(&file).map_err(|e| format!("cannot read it again: {e}"))?;
    if current != original {
        return Err("it changed since it was read; not fixed".to_owned());
    }
    let metadata = std::fs::metadata(&file).map_err(|e| e.to_string())?;
    if links(&metadata) > 1 {
        rewrite_in_place(&file, original, fixed)?;
    } else {
        replace_atomically(&file, metadata.permissions(), fixed)?;
    }
    Ok(file)
}

/// The file a fix to `path` goes to: `path`, or, for a symbolic link, its target if that lies
/// inside `project`.
fn followed(path: &Path, project: &Path) -> Result<PathBuf, String> {
    let is_link = std::fs::symlink_metadata(path)
        .map_err(|e| format!("cannot read it again: {e}"))?
        .file_type()
        .is_symlink();
    if !is_link {
        return Ok(path.to_path_buf());
    }
    let target =
        std::fs::canonicalize(path).map_err(|e| format!("cannot follow the symbolic link: {e}"))?;
    let root = std::fs::canonicalize(project).unwrap_or_else(|_| project.to_path_buf());
    if !target.starts_with(&root) {
        return Err(format!(
            "a symbolic link to {}, outside the project ({}); not fixed",
            target.display(),
            root.display()
        ));
    }
    Ok(target)
}

/// How many names (hard links) the file has.
#[cfg(unix)]
fn links(metadata: &std::fs::Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::nlink(metadata)
}

#[cfg(not(unix))]
fn links(_metadata: &std::fs::Metadata) -> u64 {
    1
}

/// Replaces `path` with `fixed`: written to a temporary file in the same folder with the same
/// permissions, then renamed over it, so a reader never sees half a file.
fn replace_atomically(
    path: &Path,
    permissions: std::fs::Permissions,
    fixed: &[u8],
) -> Result<(), String> {
    let mut temp = tempfile::NamedTempFile::new_in(folder_of(path))
        .map_err(|e| format!("cannot create a temporary file: {e}"))?;
    temp.write_all(fixed).map_err(|e| e.to_string())?;
    temp.as_file().sync_all().map_err(|e| e.to_string())?;
    std::fs::set_permissions(temp.path(), permissions).map_err(|e| e.to_string())?;
    temp.persist(path).map_err(|e| e.error.to_string())?;
    Ok(())
}

/// Rewrites a hard-linked file in place, so every name keeps seeing one file. A write in place
/// is not atomic: the original is first saved and synced beside it, removed once the fixed text
/// is written and synced, and kept — its path in the error — if the write fails.
fn rewrite_in_place(path: &Path, original: &[u8], fixed: &[u8]) -> Result<(), String> {
    let mut backup = tempfile::Builder::new()
        .prefix(".copydesk-original-")
        .tempfile_in(folder_of(path))
        .map_err(|e| format!("cannot save the original beside it: {e}"))?;
    backup
        .write_all(original)
        .and_then(|()| backup.as_file().sync_all())
        .map_err(|e| format!("cannot save the original beside it: {e}"))?;
    let written = std::fs::OpenOptions::new()
        .write(true)
        .open(path)
        .and_then(|mut file| {
            file.write_all(fixed)?;
            file.set_len(fixed.len() as u64)?;
            file.sync_all()
        });
    written.map_err(|e| match backup.keep() {
        Ok((_, kept)) => format!(
            "the write in place failed ({e}); the original is kept in {}",
            kept.display()
        ),
        Err(_) => format!("the write in place failed ({e})"),
    })
}

/// The folder a file is in (`.` for a bare file name).
fn folder_of(path: &Path) -> &Path {
    path.parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// A unified diff of one file's fixes.
pub fn diff(name: &str, original: &str, fixed: &str) -> String {
    similar::TextDiff::from_lines(original, fixed)
        .unified_diff()
        .header(
            &format!("a/{}", name.trim_start_matches('/')),
            &format!("b/{}", name.trim_start_matches('/')),
        )
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    #[test]
    fn edits_apply_in_order() {
        let edits = [
            Edit {
                span: Span::new(4, 8),
                replacement: String::new(),
            },
            Edit {
                span: Span::new(12, 12),
                replacement: " ".to_owned(),
            },
        ];
        assert_eq!(apply("the the cat.The end", &edits), "the cat. The end");
    }

    #[test]
    fn a_change_of_case_alone_is_undone_only_by_its_reverse() {
        use crate::article::{Article, Format};
        use crate::diagnostic::{Diagnostic, Fix, Label, Severity};
        let text = "Title\n\nThe Net and the net and the NET.\n";
        let article = Article::parse("a.txt", text, Format::Plain);
        let edit = |word: &str, nth: usize, replacement: &str| {
            let start = text.match_indices(word).nth(nth).map(|(at, _)| at).unwrap();
            let span = Span::new(start, start + word.len());
            Diagnostic {
                rule: "t.case".to_owned(),
                severity: Severity::Warning,
                message: String::new(),
                primary: Label {
                    article: 0,
                    span,
                    message: String::new(),
                },
                secondary: Vec::new(),
                rationale: None,
                notes: Vec::new(),
                help: None,
                fix: Some(Fix::safe(span, replacement)),
            }
        };
        let replaced = |diagnostics: &[Diagnostic]| -> Vec<String> {
            safe_edits(&article, 0, diagnostics)
                .into_iter()
                .map(|e| e.replacement)
                .collect()
        };
        // One way only: "Net" → "net" and "NET" → "net" are kept.
        assert_eq!(
            replaced(&[edit("Net", 0, "net"), edit("NET", 0, "net")]),
            ["net", "net"]
        );
        // Both ways: each undoes the other, so neither is applied.
        assert!(replaced(&[edit("Net", 0, "net"), edit("net", 0, "Net")]).is_empty());
    }

    #[test]
    fn a_file_changed_since_it_was_read_is_not_written() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "new text").unwrap();
        assert!(write_atomically(&path, dir.path(), b"old text", b"fixed").is_err());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new text");
        write_atomically(&path, dir.path(), b"new text", b"fixed").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "fixed");
    }

    #[cfg(unix)]
    #[test]
    fn links_are_written_through_inside_the_project_only() {
        let outside = tempfile::tempdir().unwrap();
        let project = tempfile::tempdir().unwrap();
        let inside = project.path().join("drafts/story.txt");
        std::fs::create_dir_all(inside.parent().unwrap()).unwrap();
        std::fs::write(&inside, "draft").unwrap();
        let link = project.path().join("story-link.txt");
        std::os::unix::fs::symlink("drafts/story.txt", &link).unwrap();
        let written = write_atomically(&link, project.path(), b"draft", b"fixed").unwrap();
        assert_eq!(written, inside.canonicalize().unwrap());
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read_to_string(&inside).unwrap(), "fixed");

        let elsewhere = outside.path().join("secret.txt");
        std::fs::write(&elsewhere, "draft").unwrap();
        let out_link = project.path().join("out-link.txt");
        std::os::unix::fs::symlink(&elsewhere, &out_link).unwrap();
        let refused = write_atomically(&out_link, project.path(), b"draft", b"fixed");
        assert!(refused.unwrap_err().contains("outside the project"));
        assert_eq!(std::fs::read_to_string(&elsewhere).unwrap(), "draft");
    }

    #[cfg(unix)]
    #[test]
    fn a_hard_linked_file_is_fixed_in_place_for_every_name() {
        let dir = tempfile::tempdir().unwrap();
        let first = dir.path().join("a.txt");
        let second = dir.path().join("b.txt");
        std::fs::write(&first, "a long draft").unwrap();
        std::fs::hard_link(&first, &second).unwrap();
        write_atomically(&first, dir.path(), b"a long draft", b"short").unwrap();
        assert_eq!(std::fs::read_to_string(&second).unwrap(), "short");
        assert_eq!(std::fs::read_to_string(&first).unwrap(), "short");
        // No copy of the original is left behind.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
    }
}
