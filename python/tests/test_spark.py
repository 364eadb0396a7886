"""The archive audit on Spark (local mode) gives the findings of `check --input jsonl --corpus`:
consistency judged across records in different partitions, reduced to one verdict a group."""

import json
import os
import subprocess
import sys
from collections import Counter

import pytest

pytest.importorskip("pyspark", reason="PySpark is not installed here (scripts/spark-check.sh installs it and runs these)")

from copydesk import spark  # noqa: E402
from conftest import run_json  # noqa: E402

# Four records: three write "Iran-backed", one "Iranian-backed" — only across records does the
# majority decide; and a US/U.S. mix within one record.
RECORDS = [
    {"id": "a", "headline": "Iran-backed militia claims strike", "body": "The Iran-backed group said it fired rockets on Monday, officials said.\n"},
    {"id": "b", "headline": "Talks resume in Baghdad", "body": "Iran-backed factions joined the talks on Tuesday, a spokesman said.\n"},
    {"id": "c", "headline": "Militia leader killed", "body": "An Iranian-backed commander died in the strike, the army said.\n"},
    {"id": "d", "headline": "Ceasefire holds", "body": "Iran-backed fighters kept to the truce, residents said. The US envoy and the U.S. embassy welcomed it.\n"},
]


def findings(folder) -> Counter:
    found = Counter()
    for part in (folder / "findings.jsonl").glob("part-*"):
        for line in part.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            found[(row["id"], row["start"]["line"], row["start"]["column"], row["rule"])] += 1
    return found


def expected(export, tmp_path, *flags) -> Counter:
    report = run_json("--isolated", "--input", "jsonl", *flags, str(export), cwd=tmp_path)
    return Counter((d["path"], d["start"]["line"], d["start"]["column"], d["rule"]) for d in report["diagnostics"])


@pytest.fixture(scope="module")
def session():
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark_session = SparkSession.builder.master("local[2]").appName("copydesk tests").getOrCreate()
    spark_session.sparkContext.setLogLevel("ERROR")
    yield spark_session
    spark_session.stop()


def write(tmp_path, records, extra_lines=()):
    export = tmp_path / "export.jsonl"
    lines = [json.dumps(r) for r in records] + list(extra_lines)
    export.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return export


def test_the_audit_judges_consistency_across_partitions(session, tmp_path):
    export = write(tmp_path, RECORDS)
    counts = spark.audit(str(export), str(tmp_path / "out"), isolated=True, partitions=4, spark=session)
    got = findings(tmp_path / "out")
    assert got == expected(export, tmp_path, "--corpus")
    losers = [key for key in got if key[0] == "c" and key[3] == "consistency.iran-backed"]
    assert losers, "the one `Iranian-backed` loses to the archive's majority"
    assert counts["records"] == 4 and counts["verdicts"] >= 1
    assert (tmp_path / "out" / "findings.parquet").is_dir()


def test_without_corpus_each_record_is_judged_alone(session, tmp_path):
    export = write(tmp_path, RECORDS)
    spark.audit(str(export), str(tmp_path / "out"), isolated=True, corpus=False, spark=session)
    got = findings(tmp_path / "out")
    assert got == expected(export, tmp_path)
    assert not [key for key in got if key[0] == "c" and key[3] == "consistency.iran-backed"]


def test_lines_that_are_not_records_are_errors(session, tmp_path):
    export = write(tmp_path, RECORDS[:2], extra_lines=['{"id": "x", "body": 7}', "", "not json"])
    counts = spark.audit(str(export), str(tmp_path / "out"), isolated=True, spark=session)
    assert counts["errors"] == 2 and counts["records"] == 2, "a blank line is neither"
    errors = [json.loads(line) for part in (tmp_path / "out" / "errors.jsonl").glob("part-*") for line in part.read_text().splitlines()]
    assert sorted(e["id"] for e in errors) == [f"{export}:3", f"{export}:5"]
    # The same folder again, with a clean export: no error of the last run is left in it.
    clean = write(tmp_path, RECORDS[:2])
    assert spark.audit(str(clean), str(tmp_path / "out"), isolated=True, spark=session)["errors"] == 0
    assert not [p for p in (tmp_path / "out" / "errors.jsonl").glob("part-*") if p.read_text().strip()]


def test_a_folder_of_exports_names_each_file_and_finds_its_configuration(session, tmp_path):
    folder = tmp_path / "desk" / "exports"
    folder.mkdir(parents=True)
    (folder / "a.jsonl").write_text("".join(json.dumps(r) + "\n" for r in RECORDS[:2]))
    (folder / "b.jsonl").write_text("".join(json.dumps(r) + "\n" for r in RECORDS[2:]) + "not json\n")
    (tmp_path / "desk" / "copydesk.toml").write_text('[rules]\nignore = ["consistency.us-abbreviation"]\n')
    counts = spark.audit(str(folder), str(tmp_path / "out"), spark=session)
    assert counts["records"] == 4 and counts["errors"] == 1
    got = findings(tmp_path / "out")
    # The audit judges the folder as one archive; `check --corpus` judges a folder's exports
    # one by one, so it is given their lines as one export.
    whole = tmp_path / "desk" / "whole.jsonl"
    whole.write_text((folder / "a.jsonl").read_text() + (folder / "b.jsonl").read_text())
    report = run_json("--input", "jsonl", "--corpus", str(whole), cwd=tmp_path, codes=(2,))
    assert got == Counter((d["path"], d["start"]["line"], d["start"]["column"], d["rule"]) for d in report["diagnostics"])
    assert not [key for key in got if key[3] == "consistency.us-abbreviation"], "the configuration above applies"
    errors = [json.loads(line) for part in (tmp_path / "out" / "errors.jsonl").glob("part-*") for line in part.read_text().splitlines()]
    assert [e["id"] for e in errors] == [f"{folder / 'b.jsonl'}:3"]


def test_what_cannot_run_exits_2_with_one_line(tmp_path):
    missing = subprocess.run([sys.executable, "-m", "copydesk.spark", "audit", str(tmp_path / "nosuch.jsonl"), "--out", str(tmp_path / "o")], capture_output=True, text=True)
    assert missing.returncode == 2 and "no such file" in missing.stderr and "Traceback" not in missing.stderr
    export = write(tmp_path, RECORDS)
    (tmp_path / "bad.toml").write_text("[rules]\nselect = 7\n")
    bad = subprocess.run([sys.executable, "-m", "copydesk.spark", "audit", str(export), "--out", str(tmp_path / "o"), "--config", str(tmp_path / "bad.toml")], capture_output=True, text=True)
    assert bad.returncode == 2 and "bad.toml:2" in bad.stderr and "Traceback" not in bad.stderr


def test_the_command_needs_a_subcommand():
    done = subprocess.run([sys.executable, "-m", "copydesk.spark"], capture_output=True, text=True)
    assert done.returncode == 2 and "audit" in done.stderr
