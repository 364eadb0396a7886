"""`Session.check_records` gives the findings of `copydesk check --input jsonl`."""

import json
import os
from collections import Counter
from pathlib import Path

import pytest

import copydesk
from conftest import REPO, key, read_draft, run_json

SHARED = REPO.parent / "shared" / "corpus-real"


def corpus_records(drafts) -> list:
    formats = {".md": "md", ".html": "html", ".txt": "txt"}
    records = []
    for path in drafts:
        headline, _, body = read_draft(path).partition("\n")
        record = {"id": path.stem, "headline": headline.strip(), "body": body, "format": formats[path.suffix]}
        record["desk"] = {"kept": True}  # a field the checker does not read
        records.append(record)
    return records


def shared_records(limit: int) -> list:
    paths = sorted(SHARED.glob("*/*.txt"))[:limit]
    records = []
    for path in paths:
        headline, _, body = read_draft(path).partition("\n")
        records.append({"id": path.name, "headline": headline, "body": body.lstrip("\n")})
    return records


def same_as_cli(records, tmp_path: Path) -> int:
    export = tmp_path / "export.jsonl"
    export.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
    expected = run_json("--isolated", "--input", "jsonl", str(export), cwd=tmp_path)
    got = copydesk.Session(isolated=True).check_records(iter(records))
    assert Counter(key(f) for f in got) == Counter(key(f) for f in expected["diagnostics"])
    assert got.summary == expected["summary"]
    return len(got)


def test_records_from_the_drafts_match_the_command_line(drafts, tmp_path):
    assert same_as_cli(corpus_records(drafts), tmp_path) > 30


def test_records_from_corpus_real_match_the_command_line(tmp_path):
    if not SHARED.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"{SHARED} is not here, and CI needs it")
        pytest.skip(f"SKIPPED — {SHARED} is not here (the project's drafts are compared above)")
    assert same_as_cli(shared_records(1500), tmp_path) > 100


def test_a_record_without_an_id_is_a_record_error():
    session = copydesk.Session(isolated=True)
    with pytest.raises(copydesk.RecordError, match="record 2"):
        session.check_records([{"id": "a", "headline": "Fine", "body": "Fine.\n"}, {"headline": "No id", "body": "No id.\n"}])


def test_no_records_is_no_findings():
    findings = copydesk.Session(isolated=True).check_records([])
    assert list(findings) == [] and findings.summary["articles"] == 0


def test_bad_records_can_be_reported_and_the_rest_checked():
    session = copydesk.Session(isolated=True)
    records = [
        {"id": "a", "headline": "Fine", "body": "The the harbor was calm.\n"},
        {"headline": "No id", "body": "No id.\n"},
        {"id": "c", "headline": "Bad value", "body": "Text.\n", "extra": float("nan")},
        {"id": "d", "headline": "Fine", "body": "The the tide was high.\n"},
    ]
    findings = session.check_records(records, errors="report")
    assert sorted({f["path"] for f in findings}) == ["a", "d"]
    assert [e["path"] for e in findings.errors] == ["record 2", "record 3"]
    with pytest.raises(copydesk.RecordError, match="record 3: not a JSON record"):
        session.check_records([records[0], records[0], records[2]])


def test_dates_are_written_as_a_record_writes_them():
    import datetime

    record = {"id": "a", "headline": "Fine", "body": "The the harbor was calm.\n", "date": datetime.date(2024, 5, 1)}
    assert len(copydesk.Session(isolated=True).check_records([record])) == 1


def test_one_record_is_not_records():
    with pytest.raises(TypeError, match="iterable of records"):
        copydesk.Session(isolated=True).check_records({"id": "a", "headline": "x", "body": "y"})
