"""`copydesk.Session` gives what the command line gives: the same findings for drafts, files
and records, and located errors as exceptions."""

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

import copydesk
from conftest import CORPUS, cli, key, read_draft, run_json


@pytest.fixture(scope="module")
def isolated() -> copydesk.Session:
    return copydesk.Session(isolated=True)


def names_sources(path: Path) -> bool:
    """Whether a draft's front matter names source files (read beside the file on disk)."""
    return "\nsources:" in read_draft(path).split("\n---", 1)[0]


def test_check_gives_the_findings_of_check_format_json(isolated, drafts):
    in_memory = [p for p in drafts if not names_sources(p)]
    assert [p.name for p in drafts if names_sources(p)] == ["16-flood-rewrite.md"]
    expected = run_json("--isolated", *[p.name for p in in_memory], cwd=CORPUS)
    by_path = Counter(key(f) for f in expected["diagnostics"])
    got = Counter()
    for path in in_memory:
        findings = isolated.check(read_draft(path), name=path.name)
        assert findings.version == copydesk.SCHEMA_VERSION == expected["version"]
        got.update(key(f) for f in findings)
    assert sum(by_path.values()) > 30, "the drafts should have findings to compare"
    assert got == by_path


def test_check_path_gives_the_findings_of_check_format_json(isolated, monkeypatch):
    expected = run_json("--isolated", "corpus", cwd=CORPUS.parent)
    monkeypatch.chdir(CORPUS.parent)
    got = isolated.check_path("corpus")
    sources = [f for f in got if f["rule"].startswith("grounding.")]
    assert sources, "the rewrite in corpus/ should be checked against the source it names"
    assert [key(f) for f in got] == [key(f) for f in expected["diagnostics"]]
    assert got.summary == expected["summary"]


def test_findings_carry_positions_and_counts(isolated):
    findings = isolated.check("The the harbor was calm.\n", name="note.txt")
    doubled = [f for f in findings if f["rule"] == "typo.doubled-word"]
    assert len(doubled) == 1
    assert doubled[0]["path"] == "note.txt"
    assert doubled[0]["start"] == {"offset": 0, "line": 1, "column": 1, "utf16": 0}
    assert findings.summary["articles"] == 1
    assert findings.errors == []


def test_format_comes_from_the_argument_or_the_name(isolated):
    html = "<h1>Harbor calm</h1><p>The the harbor was calm.</p>"
    as_html = isolated.check(html, format="html")
    assert as_html[0]["path"] == "draft"
    assert as_html[0]["start"]["line"] == 1, "read as HTML: the paragraph's words, not the tags"
    assert isolated.check(html, name="story.html")[0]["path"] == "story.html"
    named = isolated.check(html, name="content/politics/story.v2", format="html")
    assert named[0]["path"] == "content/politics/story.v2", "a name is kept as given"
    with pytest.raises(ValueError, match="unknown format `docx`"):
        isolated.check(html, format="docx")


def test_sources_are_checked_against(isolated):
    source = "Harbor officials said 40 boats were damaged in the storm on Tuesday.\n"
    draft = "Storm damages boats\n\nHarbor officials said 400 boats were damaged in the storm on Tuesday.\n"
    plain = {f["rule"] for f in isolated.check(draft)}
    against = {f["rule"] for f in isolated.check(draft, sources={"wire.txt": source})}
    assert "grounding.changed-figure" not in plain
    assert "grounding.changed-figure" in against


def test_fix_changes_only_the_bytes_of_the_fixes(isolated, tmp_path):
    draft = "Storm batters coast\r\n\r\nThe the storm hit the coast on Tuesday, officials said.\r\n"
    fixed = isolated.fix(draft, name="storm.txt")
    on_disk = tmp_path / "storm.txt"
    on_disk.write_bytes(draft.encode())
    subprocess.run([cli(), "check", "--isolated", "--fix", str(on_disk)], capture_output=True)
    assert fixed.text == on_disk.read_bytes().decode()
    assert fixed.text != draft and "\r\n" in fixed.text
    assert len(fixed.edits) >= 1
    for edit in fixed.edits:
        assert set(edit) >= {"start", "end", "replacement"}
    assert all(f["rule"] != "typo.doubled-word" for f in fixed.findings)


def test_check_path_finds_the_projects_configuration(tmp_path):
    project = tmp_path / "desk"
    (project / "drafts").mkdir(parents=True)
    draft = project / "drafts" / "harbor.txt"
    draft.write_text("Harbor calm\n\nThe the harbor was calm on Tuesday, officials said.\n")
    session = copydesk.Session(isolated=True)
    assert "typo.doubled-word" in {f["rule"] for f in session.check_path(draft)}
    (project / "copydesk.toml").write_text('[rules]\nignore = ["typo.doubled-word"]\n')
    discovering = copydesk.Session()
    for path in (draft, project):
        rules = {f["rule"] for f in discovering.check_path(path)}
        assert "typo.doubled-word" not in rules
        assert discovering.check_path(path) == run_json(str(path), cwd=tmp_path)["diagnostics"]


def test_check_path_of_nothing_is_file_not_found(isolated, tmp_path):
    with pytest.raises(FileNotFoundError):
        isolated.check_path(tmp_path / "missing.txt")


def test_a_pack_that_does_not_load_raises_a_located_error(tmp_path):
    pack = tmp_path / "house.toml"
    pack.write_text('[pack]\nname = "house"\n\n[[preferred-term]]\nid = "house.x"\nreplace = [[1, 2]]\n')
    with pytest.raises(copydesk.ConfigError) as raised:
        copydesk.Session(rules=pack, isolated=True)
    message = str(raised.value)
    assert "house.toml:" in message
    assert "error" in message
    assert isinstance(raised.value, copydesk.CopydeskError)


def test_a_configuration_that_does_not_load_raises_a_located_error(tmp_path):
    config = tmp_path / "copydesk.toml"
    config.write_text("[rules]\nselect = 7\n")
    with pytest.raises(copydesk.ConfigError, match="copydesk.toml:2"):
        copydesk.Session(config=config)


def test_a_selector_matching_no_rule_raises():
    with pytest.raises(copydesk.ConfigError, match="no rule or pack matches `nonsense.rule`"):
        copydesk.Session(select=["nonsense.rule"], isolated=True)


def installed_command() -> str:
    """The `copydesk` command the package installed, beside this interpreter."""
    found = Path(sys.executable).parent / ("copydesk.exe" if os.name == "nt" else "copydesk")
    assert found.exists(), f"the package should install {found}"
    return str(found)


def test_the_command_is_the_same_program(tmp_path):
    command = installed_command()
    done = subprocess.run([command, "--version"], capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout.startswith("copydesk ")
    wrong = subprocess.run([command, "chek"], capture_output=True, text=True)
    assert wrong.returncode == 2 and "similar subcommand exists: 'check'" in wrong.stderr
    draft = tmp_path / "a.txt"
    draft.write_text("Harbor calm\n\nThe the harbor was calm.\n")
    installed = subprocess.run([command, "check", "--isolated", "--format", "json", str(draft)], capture_output=True, text=True)
    assert installed.returncode == 1
    assert json.loads(installed.stdout)["diagnostics"] == run_json("--isolated", str(draft), cwd=tmp_path)["diagnostics"]


def test_files_a_draft_names_are_not_read(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "secret.txt").write_text("The mayor said \u201cwe will build six parks\u201d on Monday.\n")
    draft = "---\ntitle: Parks\nsources: [secret.txt]\n---\n\nThe mayor said \u201cwe will build ten parks\u201d on Monday.\n"
    findings = copydesk.Session(isolated=True).check(draft, name="x.md")
    assert not [f for f in findings if f["rule"].startswith("grounding.")], findings
    assert "six" not in json.dumps(findings) and "secret" not in json.dumps([f for f in findings])
    assert any("not read" in e["message"] for e in findings.errors), findings.errors


def test_answers_are_bounded(isolated):
    text = "Headline\n\n" + "the the " * 6000 + "\n"
    findings = isolated.check(text)
    assert len(findings) == copydesk.MAX_FINDINGS and findings.truncated
    assert sum(findings.summary[k] for k in ("errors", "warnings", "infos")) == copydesk.MAX_FINDINGS
    everything = copydesk.Session(isolated=True, max_findings=None).check(text)
    assert len(everything) > copydesk.MAX_FINDINGS and not everything.truncated
    assert not isolated.check("Harbor calm\n\nThe harbor was calm.\n").truncated


def test_one_rule_name_is_one_name():
    session = copydesk.Session(isolated=True, ignore="typo.doubled-word")
    assert not session.check("Harbor calm\n\nThe the harbor was calm.\n")


def test_exceptions_pickle_as_the_packages(tmp_path):
    import pickle

    with pytest.raises(copydesk.ConfigError) as raised:
        copydesk.Session(select=["nonsense.rule"], isolated=True)
    back = pickle.loads(pickle.dumps(raised.value))
    assert type(back) is copydesk.ConfigError and str(back) == str(raised.value)
    assert copydesk.ConfigError.__module__ == "copydesk"


def test_sources_must_be_names_and_texts(isolated):
    with pytest.raises(TypeError, match="pair"):
        isolated.check("Text.\n", sources=["wire.txt"])
    with pytest.raises(TypeError, match="not one string"):
        isolated.check("Text.\n", sources="wire.txt")
