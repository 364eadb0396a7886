//! Files a configuration or a pack may read, through the real binary: every path written in a
//! `copydesk.toml`, a pack or front matter stays inside its project (or under a folder given on
//! the command line), and no byte of a file that should not be read is ever printed.

mod common;

use common::{copydesk_in, write_file};
use std::path::{Path, PathBuf};
use std::process::Output;

/// What the files outside the project hold; no output may ever contain it.
const SECRET: &str = "VIOLET_ANCHOR_4417";

/// A folder holding a project (`desk/`, with its `copydesk.toml` and a draft) and, beside it,
/// files the project has no business reading (`outside/`).
struct Scene {
    dir: tempfile::TempDir,
}

impl Scene {
    fn new(config: &str) -> Scene {
        let dir = tempfile::tempdir().expect("temp dir");
        write_file(
            dir.path(),
            "outside/secret.env",
            &format!("API_TOKEN={SECRET}\n"),
        );
        write_file(
            dir.path(),
            "outside/secret.toml",
            &format!("token = \"{SECRET}\"\n"),
        );
        write_file(dir.path(), "desk/copydesk.toml", config);
        write_file(
            dir.path(),
            "desk/story.txt",
            "Council backs harbour plan\n\nThe council voted on Monday to rebuild the harbour wall.\n",
        );
        Scene { dir }
    }

    fn project(&self) -> PathBuf {
        self.dir.path().join("desk")
    }

    fn outside(&self) -> PathBuf {
        self.dir.path().join("outside")
    }

    fn write(&self, relative: &str, text: &str) {
        write_file(&self.project(), relative, text);
    }

    /// Runs copydesk in the project; returns its exit code and everything it printed.
    fn run(&self, args: &[&str]) -> (Option<i32>, String) {
        said(copydesk_in(&self.project(), args))
    }
}

/// The exit code, and standard output and standard error together; fails the test if either
/// holds the secret.
fn said(out: Output) -> (Option<i32>, String) {
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!text.contains(SECRET), "the secret was printed:\n{text}");
    assert!(
        !text.contains("root:x:0:0"),
        "/etc/passwd was printed:\n{text}"
    );
    (out.status.code(), text)
}

/// A pack with one rule of `kind` whose data file is `field = "path"`, with examples that pass
/// when the data file is read.
fn pack_naming(kind: &str, field: &str, path: &str) -> String {
    let (extra, fires, quiet) = match kind {
        "glued-words" => (
            "",
            "Officers made an arrestLater.",
            "Officers made an arrest.",
        ),
        "classifier" => (
            "threshold = 0.5\n",
            "You will not believe it",
            "Council meets",
        ),
        _ => ("", "The colour was bright.", "The color was bright."),
    };
    format!(
        "[pack]\nname = \"house\"\n\n[[{kind}]]\nid = \"house.data\"\nmessage = \"m\"\n{field} = \"{path}\"\n{extra}rationale = \"House style.\"\nmust-fire = [\"{fires}\"]\nmust-not-fire = [\"{quiet}\"]\n"
    )
}

const HOUSE_PACK: &str = "[pack]\nname = \"house\"\n\n[[existence]]\nid = \"house.wall\"\nmessage = \"m\"\nwords = [\"harbour wall\"]\nrationale = \"House style.\"\nmust-fire = [\"The harbour wall fell.\"]\nmust-not-fire = [\"The sea wall fell.\"]\n";

#[test]
fn packs_a_configuration_names_outside_its_project_are_refused_unread() {
    let scene = Scene::new("");
    let absolute = scene.outside().join("secret.toml");
    scene.write(
        "copydesk.toml",
        &format!(
            "[rules]\npacks = [\n  {:?},\n  \"../outside/secret.env\",\n  \"house/../../../../../../../../etc/passwd\",\n]\n",
            absolute.display().to_string()
        ),
    );
    let (code, text) = scene.run(&["check", "story.txt"]);
    assert_eq!(code, Some(2), "{text}");
    assert!(
        text.contains(&format!(
            "error[config]: refused pack `{}`: an absolute path",
            absolute.display()
        )),
        "{text}"
    );
    assert!(
        text.contains("refused pack `../outside/secret.env`: it is outside the project root"),
        "{text}"
    );
    assert!(
        text.contains("refused pack `house/../../../../../../../../etc/passwd`"),
        "{text}"
    );
    // Each at its value in the configuration.
    for at in [
        "copydesk.toml:3:3",
        "copydesk.toml:4:3",
        "copydesk.toml:5:3",
    ] {
        assert!(text.contains(at), "{at}: {text}");
    }
    assert!(!text.contains("council"), "no draft is checked: {text}");
}

#[test]
fn data_files_weights_and_fixtures_outside_the_project_are_refused_at_their_names() {
    let scene = Scene::new("[rules]\npacks = [\"house/house.toml\"]\n");
    for (kind, field) in [
        ("classifier", "weights"),
        ("glued-words", "dictionary"),
        ("spelling-system", "data"),
    ] {
        for written in ["../../outside/secret.env", "/etc/passwd"] {
            scene.write("house/house.toml", &pack_naming(kind, field, written));
            let (code, text) = scene.run(&["check", "story.txt"]);
            assert_eq!(code, Some(2), "{text}");
            assert!(
                text.contains(&format!("cannot read data file: refused `{written}`")),
                "{kind}: {text}"
            );
            assert!(text.contains("house/house.toml:7:"), "{kind}: {text}");
            // `copydesk test` on the pack says the same.
            let (code, text) = scene.run(&["test", "house/house.toml"]);
            assert_eq!(code, Some(2), "{text}");
            assert!(text.contains("refused"), "{kind}: {text}");
        }
    }
    scene.write(
        "house/house.toml",
        &HOUSE_PACK.replace(
            "name = \"house\"\n",
            "name = \"house\"\nfixtures = [\"../../outside\"]\n",
        ),
    );
    let (code, text) = scene.run(&["test", "house/house.toml"]);
    assert_eq!(code, Some(2), "{text}");
    assert!(
        text.contains(
            "cannot read fixtures: refused `../../outside`: it is outside the project root"
        ),
        "{text}"
    );
}

#[cfg(unix)]
#[test]
fn links_inside_the_project_that_lead_out_are_refused() {
    use std::os::unix::fs::symlink;
    let scene = Scene::new("[rules]\npacks = [\"house/\"]\n");
    let secret = scene.outside().join("secret.env");
    scene.write("house/house.toml", HOUSE_PACK);
    symlink(&secret, scene.project().join("house/zz-linked.toml")).expect("link");
    let (code, text) = scene.run(&["check", "story.txt"]);
    assert_eq!(code, Some(2), "{text}");
    assert!(
        text.contains("zz-linked.toml`: it leads through a link out of the project root"),
        "{text}"
    );

    // A data file that is a link, and a folder link the path climbs through.
    std::fs::remove_file(scene.project().join("house/zz-linked.toml")).expect("unlink");
    symlink(&secret, scene.project().join("house/weights.tsv")).expect("link");
    symlink(scene.outside(), scene.project().join("shelf")).expect("link");
    for written in ["weights.tsv", "../shelf/secret.env"] {
        scene.write(
            "house/house.toml",
            &pack_naming("classifier", "weights", written),
        );
        let (code, text) = scene.run(&["check", "story.txt"]);
        assert_eq!(code, Some(2), "{text}");
        assert!(
            text.contains(&format!("refused `{written}`: it leads through a link")),
            "{text}"
        );
    }

    // A configuration that is itself a link out of its folder.
    std::fs::remove_file(scene.project().join("copydesk.toml")).expect("remove");
    symlink(
        scene.outside().join("secret.toml"),
        scene.project().join("copydesk.toml"),
    )
    .expect("link");
    let (code, text) = scene.run(&["check", "story.txt"]);
    assert_eq!(code, Some(2), "{text}");
    assert!(text.contains("refused configuration"), "{text}");

    // A fixture draft that is a link out.
    std::fs::remove_file(scene.project().join("copydesk.toml")).expect("remove");
    scene.write("copydesk.toml", "");
    std::fs::create_dir_all(scene.project().join("house/fixtures")).expect("folder");
    symlink(&secret, scene.project().join("house/fixtures/leak.txt")).expect("link");
    scene.write(
        "house/house.toml",
        &HOUSE_PACK.replace(
            "name = \"house\"\n",
            "name = \"house\"\nfixtures = [\"fixtures\"]\n",
        ),
    );
    let (code, text) = scene.run(&["test", "house/house.toml"]);
    assert_eq!(code, Some(2), "{text}");
    assert!(
        text.contains("leak.txt`: it leads through a link"),
        "{text}"
    );
}

#[test]
fn files_that_are_not_packs_or_not_data_are_reported_without_their_content() {
    // Secrets inside the project: a `.env` a developer keeps beside the drafts.
    let scene = Scene::new("[rules]\npacks = [\".env\"]\n");
    scene.write(".env", &format!("API_TOKEN={SECRET}\n"));
    scene.write("notes.toml", &format!("token = \"{SECRET}\"\n"));
    let (code, text) = scene.run(&["check", "story.txt"]);
    assert_eq!(code, Some(2), "{text}");
    assert!(
        text.contains(".env is not a rule pack: it has no `[pack]` line"),
        "{text}"
    );
    scene.write("copydesk.toml", "[rules]\npacks = [\"notes.toml\"]\n");
    let (_, text) = scene.run(&["check", "story.txt"]);
    assert!(
        text.contains("notes.toml is not a rule pack: it has no `[pack]` line"),
        "{text}"
    );
    // A binary file named as a pack.
    std::fs::write(scene.project().join("blob.toml"), b"[pack]\x00\x01\x02").expect("blob");
    scene.write("copydesk.toml", "[rules]\npacks = [\"blob.toml\"]\n");
    let (code, text) = scene.run(&["check", "story.txt"]);
    assert_eq!(code, Some(2), "{text}");
    assert!(
        text.contains("blob.toml is not a rule pack: not text: it contains NUL bytes"),
        "{text}"
    );

    // The same files named as data: located at the name, by line number alone.
    scene.write("copydesk.toml", "[rules]\npacks = [\"house/house.toml\"]\n");
    let cases = [
        ("classifier", "weights", "line 1 of the weights file"),
        (
            "spelling-system",
            "data",
            "line 1 of the data file is not `us<TAB>uk`",
        ),
    ];
    for (kind, field, said) in cases {
        scene.write("house/house.toml", &pack_naming(kind, field, "../.env"));
        let (code, text) = scene.run(&["check", "story.txt"]);
        assert_eq!(code, Some(2), "{text}");
        assert!(text.contains(said), "{kind}: {text}");
        assert!(text.contains("house/house.toml:7:"), "{kind}: {text}");
    }
    std::fs::write(
        scene.project().join("house/words.txt"),
        b"arrest\x00later\n",
    )
    .expect("blob");
    scene.write(
        "house/house.toml",
        &pack_naming("glued-words", "dictionary", "words.txt"),
    );
    let (code, text) = scene.run(&["check", "story.txt"]);
    assert_eq!(code, Some(2), "{text}");
    assert!(
        text.contains("is not text: it contains NUL bytes"),
        "{text}"
    );
}

#[test]
fn a_pack_in_the_project_still_shows_its_own_lines() {
    let scene = Scene::new("[rules]\npacks = [\"house/\"]\n");
    scene.write(
        "house/house.toml",
        &HOUSE_PACK.replace("words = [\"harbour wall\"]", "patterns = ['(harbour wall']"),
    );
    let (code, text) = scene.run(&["check", "story.txt"]);
    assert_eq!(code, Some(2), "{text}");
    assert!(text.contains("house/house.toml:7:14"), "{text}");
    assert!(
        text.contains("7 │ patterns = ['(harbour wall']"),
        "the pack's own line is shown: {text}"
    );
}

#[test]
fn packs_and_their_data_inside_the_project_load() {
    let scene = Scene::new("[rules]\npacks = [\"house/\"]\n");
    scene.write("house/rules/house.toml", HOUSE_PACK);
    scene.write(
        "house/rules/glued.toml",
        &pack_naming("glued-words", "dictionary", "../../words/english.txt"),
    );
    scene.write("words/english.txt", "arrest\nlater\n");
    let (code, text) = scene.run(&["check", "--format", "concise", "story.txt"]);
    assert_eq!(code, Some(1), "{text}");
    assert!(text.contains("house.wall"), "{text}");
    let (code, text) = scene.run(&["test", "house/"]);
    assert_eq!(code, Some(0), "{text}");
}

#[test]
fn a_folder_given_on_the_command_line_may_name_files_under_it() {
    let scene = Scene::new("");
    let packs = scene.dir.path().join("shared/packs");
    write_file(&packs, "words/list.txt", "arrest\nlater\n");
    write_file(
        &packs,
        "news/glued.toml",
        &pack_naming("glued-words", "dictionary", "../words/list.txt"),
    );
    let packs_arg = packs.display().to_string();
    let (code, text) = scene.run(&[
        "check",
        "--rules",
        &packs_arg,
        "--select",
        "house",
        "story.txt",
    ]);
    assert_eq!(code, Some(0), "{text}");
    let (code, text) = said(copydesk_in(scene.dir.path(), &["test", &packs_arg]));
    assert_eq!(code, Some(0), "{text}");
    assert!(text.contains("1 rules, 2 examples"), "{text}");
    // But not above it.
    write_file(
        &packs,
        "news/glued.toml",
        &pack_naming("glued-words", "dictionary", "../../../outside/secret.env"),
    );
    let (code, text) = said(copydesk_in(scene.dir.path(), &["test", &packs_arg]));
    assert_eq!(code, Some(2), "{text}");
    assert!(text.contains("it is outside the project root"), "{text}");
}

#[test]
fn without_a_configuration_the_repository_root_is_the_project() {
    let dir = tempfile::tempdir().expect("temp dir");
    let repository = dir.path().join("newsroom");
    std::fs::create_dir_all(repository.join(".git")).expect("a repository");
    write_file(
        dir.path(),
        "secret.txt",
        &format!("The mayor said “{SECRET} is the word” today.\n"),
    );
    write_file(
        &repository,
        "wire/ap.txt",
        "The mayor said “we will rebuild the harbour wall” on Monday.\n",
    );
    let draft = |source: &str| {
        format!(
            "---\ntitle: Mayor backs wall\nsources: [\"{source}\"]\n---\n\nThe mayor said “we will rebuild the harbour wall” on Monday.\n"
        )
    };
    write_file(
        &repository,
        "desk/2026/story.md",
        &draft("../../wire/ap.txt"),
    );
    let (code, text) = said(copydesk_in(&repository, &["check", "desk/2026/story.md"]));
    assert_eq!(code, Some(0), "a source in the repository is read: {text}");
    write_file(
        &repository,
        "desk/2026/story.md",
        &draft("../../../secret.txt"),
    );
    let (code, text) = said(copydesk_in(&repository, &["check", "desk/2026/story.md"]));
    assert_eq!(code, Some(2), "{text}");
    assert!(
        text.contains("source `../../../secret.txt`: refused: it is outside the project root"),
        "{text}"
    );
    assert!(
        text.contains(&display(
            &std::fs::canonicalize(&repository).expect("exists")
        )),
        "the root is named: {text}"
    );
}

fn display(path: &Path) -> String {
    path.display().to_string()
}
