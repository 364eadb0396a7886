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
    export = write(tmp_path, RECORDS[:2], extra_lines=['{"id": "x", "body": 7}', "not json"])
    counts = spark.audit(str(export), str(tmp_path / "out"), isolated=True, spark=session)
    assert counts["errors"] == 2 and counts["records"] == 2
    errors = [json.loads(line) for part in (tmp_path / "out" / "errors.jsonl").glob("part-*") for line in part.read_text().splitlines()]
    assert sorted(e["id"] for e in errors) == ["export.jsonl:3", "export.jsonl:4"]


def test_the_command_needs_a_subcommand():
    done = subprocess.run([sys.executable, "-m", "copydesk.spark"], capture_output=True, text=True)
    assert done.returncode == 2 and "audit" in done.stderr
