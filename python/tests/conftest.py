"""What the Python tests share: the repository, the `copydesk check` they compare against,
and the project's own drafts (`corpus/`)."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "corpus"
DRAFT_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm"}


def cli() -> str:
    """The command line compared against: `COPYDESK_BIN` (the Rust build), else the installed
    `copydesk` command."""
    found = os.environ.get("COPYDESK_BIN") or shutil.which("copydesk")
    if not found:
        pytest.fail("no copydesk command: set COPYDESK_BIN or install the package")
    return found


def run_json(*args: str, cwd: Path, codes: tuple = (0, 1)) -> dict:
    """`copydesk check ARGS --format json`, run in `cwd`, as a document; it must exit with one
    of `codes` (2: some input could not be read)."""
    done = subprocess.run(
        [cli(), "check", *args, "--format", "json"],
        cwd=cwd,
        capture_output=True,
        text=True,
    )
    assert done.returncode in codes, done.stderr
    return json.loads(done.stdout)


def read_draft(path: Path) -> str:
    """A draft's text exactly as on disk: line endings kept, a byte-order mark too (the
    checker handles it as it does when reading the file)."""
    return path.read_bytes().decode("utf-8")


@pytest.fixture(scope="session")
def drafts() -> list:
    paths = sorted(p for p in CORPUS.iterdir() if p.suffix in DRAFT_SUFFIXES and p.name != "README.md")
    assert len(paths) >= 15, "corpus/ should hold the project's drafts"
    return paths


def key(finding: dict) -> tuple:
    """A finding as the comparisons see it: the whole finding, as sorted JSON."""
    return json.dumps(finding, sort_keys=True)
