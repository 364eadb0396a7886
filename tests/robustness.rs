//! Named failure modes: bad input gets a clear error and nothing is lost.

mod common;

use common::{copydesk, stderr, write_file};
use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};

#[test]
fn a_directory_symlink_loop_ends() {
    let dir = tempfile::tempdir().unwrap();
    write_file(dir.path(), "drafts/a.txt", "Title\n\nThe the end.\n");
    #[cfg(unix)]
    std::os::unix::fs::symlink(dir.path(), dir.path().join("drafts/loop")).unwrap();
    let out = copydesk(&["check", "--format", "concise", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).lines().count(),
        1,
        "the file is checked once"
    );
}

#[test]
fn permission_denied_is_reported_and_the_rest_checked() {
    let is_root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0");
    if is_root {
        eprintln!("skipped: running as root, which reads any file");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let locked = dir.path().join("locked.txt");
    std::fs::write(&locked, "Title\n\nText.\n").unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    }
    let out = copydesk(&[
        "check",
        locked.to_str().unwrap(),
        "corpus/09-clean-council.txt",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("locked.txt: cannot read: Permission denied")
    );
    assert!(stderr(&out).contains("checked 1 article"));
}

#[test]
fn a_closed_pipe_ends_the_run_quietly() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(["check", "--format", "concise", "corpus/"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 8];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    // The read end is dropped: the rest of the output goes nowhere.
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    let status = child.wait().unwrap();
    assert!(
        !err.contains("panicked") && !err.contains("Broken pipe"),
        "{err}"
    );
    assert!(status.code().is_some(), "ended by itself, not by a signal");
}

#[test]
fn a_long_single_line_file_is_checked() {
    // A 0.8 MB draft with no line breaks; the 100 MB case runs in release (see below).
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("one-line.txt");
    std::fs::write(
        &path,
        "The council met and the the vote passed. ".repeat(20_000),
    )
    .unwrap();
    let out = copydesk(&[
        "check",
        "--format",
        "concise",
        "--select",
        "typo",
        path.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 20_000);
}

/// 100 MB on one line, in linear time: run by `.ci/run` with a release build
/// (`cargo test --release --test robustness -- --ignored`), as a debug build takes minutes.
#[test]
#[ignore = "needs a release build; .ci/run runs it"]
fn a_100_mb_single_line_file_is_checked() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.txt");
    let sentence =
        "Shares in the harbour company rose on Tuesday after the council approved the plan. ";
    let text = sentence.repeat(100 * 1024 * 1024 / sentence.len());
    std::fs::write(&path, &text).unwrap();
    assert!(Path::new(&path).metadata().unwrap().len() >= 100 * 1000 * 1000);
    let out = copydesk(&[
        "check",
        "--format",
        "concise",
        "--quiet",
        path.to_str().unwrap(),
    ]);
    assert!(
        out.status.code().is_some_and(|c| c <= 1),
        "{}",
        stderr(&out)
    );
}
