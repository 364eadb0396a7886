"""Archive audits on Apache Spark: every record of a CMS export checked, with consistency
judged across the whole archive as ``copydesk check --input jsonl --corpus`` judges it on one
machine.

    python -m copydesk.spark audit EXPORT.jsonl --out findings/ [--master local[2]]

or, from Python, :func:`audit`. Needs ``pip install .[spark]`` (PySpark) and Java.

The job runs in three steps, each Spark's own:

1. ``mapPartitions``: each partition's records gather the evidence of every consistency group
   (each way a group is written, how often, where first) with one :class:`copydesk.Session`
   per Python worker, loaded once; ``reduceByKey`` merges the evidence of each group.
2. The driver reaches the corpus-wide verdict on each group (the house form, else the majority;
   a tie asks for a choice) with the same code as ``--corpus``, and broadcasts the verdicts.
3. ``mapPartitions`` again: every record is checked with every rule, the consistency rules
   reporting against the broadcast verdicts. The findings are written as Parquet and JSON lines.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Iterable, Iterator, Optional, Sequence, Tuple

from urllib.parse import urlparse

from . import CopydeskError, Session
from ._copydesk import find_config, merge_evidence

#: The extensions of exports read from a folder, as `check --input jsonl` walks one.
EXPORT_EXTENSIONS = (".jsonl", ".ndjson")

#: Lines of one file of a folder export are numbered within it: a line's place in the corpus
#: is its file's number times this, plus its own.
FILE_PLACES = 1 << 40

#: The columns of the findings written: the record's id and, as in ``--format json``, the
#: rule, severity, ``start`` and ``end`` positions and message.
COLUMNS = ("id", "rule", "severity", "start", "end", "message")

# One session per Python worker and configuration: Spark reuses its Python workers, so the
# packs are loaded once per worker, not once per partition.
_SESSIONS: dict = {}


class Settings(tuple):
    """What each worker builds its session from: (config, rules, isolated); picklable."""

    def session(self) -> Session:
        found = _SESSIONS.get(self)
        if found is None:
            config, rules, isolated = self
            found = _SESSIONS[self] = Session(config, list(rules), isolated=isolated)
        return found


def _batches(rows: Iterable[Tuple[bytes, int]], size: int = 1000) -> Iterator[Tuple[list, list]]:
    lines, places = [], []
    for line, place in rows:
        lines.append(line)
        places.append(place)
        if len(lines) == size:
            yield lines, places
            lines, places = [], []
    if lines:
        yield lines, places


def _gather(settings: Settings, rows) -> Iterator[Tuple[Tuple[str, str], str]]:
    native = settings.session()._native
    for lines, places in _batches(rows):
        for evidence in json.loads(native.gather_evidence(lines, places)):
            yield (evidence["rule"], evidence["group"]), json.dumps(evidence)


def _check(settings: Settings, names: Sequence[str], verdicts: Optional[str], rows) -> Iterator[tuple]:
    native = settings.session()._native
    for lines, places in _batches(rows):
        line_names = [f"{names[place // FILE_PLACES]}:{place % FILE_PLACES + 1}" for place in places]
        report = json.loads(native.check_lines(lines, places, line_names, verdicts))
        yield ("records", None, None, None, None, None, str(report["summary"]["articles"]))
        for f in report["diagnostics"]:
            yield ("finding", f["path"], f["rule"], f["severity"], f["start"], f["end"], f["message"])
        for e in report["errors"]:
            yield ("error", e["path"], None, None, None, None, e["message"])


def _schema():
    from pyspark.sql import types as T

    position = T.StructType([T.StructField(n, T.LongType()) for n in ("offset", "line", "column", "utf16")])
    return T.StructType(
        [
            T.StructField("kind", T.StringType()),
            T.StructField("id", T.StringType()),
            T.StructField("rule", T.StringType()),
            T.StructField("severity", T.StringType()),
            T.StructField("start", position),
            T.StructField("end", position),
            T.StructField("message", T.StringType()),
        ]
    )


def audit(
    export: str,
    out: str,
    *,
    master: Optional[str] = None,
    config: Optional[str] = None,
    rules: Sequence[str] = (),
    isolated: bool = False,
    corpus: bool = True,
    partitions: Optional[int] = None,
    spark=None,
) -> dict:
    """Checks every record of the JSON-lines ``export`` and writes the findings under ``out``:
    ``out/findings.parquet`` and ``out/findings.jsonl`` (Spark's folders of part files), one row
    a finding with the columns of :data:`COLUMNS`; lines that are not records go to
    ``out/errors.jsonl`` (written every run, empty when there are none). ``export`` is a file,
    or a local folder of ``.jsonl``/``.ndjson`` files (each line named by its file). With
    ``corpus`` (the default) consistency is judged across the whole export, as ``--corpus``
    judges it. Without ``config`` or ``isolated``, the ``copydesk.toml`` nearest above a local
    export applies, as ``copydesk check`` finds it (for an export on a cluster's file system,
    the one above the working directory). ``master`` is Spark's (``local[*]`` by default);
    pass ``spark`` to use a session of your own, whose workers need ``PYSPARK_PYTHON`` to name
    an interpreter where this package is installed. Returns the counts: records, findings
    (and of them, those at ``warning`` or above), errors, verdicts.

    Raises:
        ConfigError: the configuration or a pack does not load (before Spark starts).
        FileNotFoundError: a local export that is not there, or an ``out`` that is a file.
    """
    from pyspark.sql import SparkSession

    files = _export_files(export)
    if config is None and not isolated:
        found = find_config(_local_path(files[0]) or ".")
        config, isolated = (os.fspath(found), False) if found is not None else (None, True)
    settings = Settings((config, tuple(rules), isolated))
    settings.session()  # a configuration or pack that does not load fails here, not in a task
    local_out = _local_path(out)
    if local_out is not None and os.path.exists(local_out) and not os.path.isdir(local_out):
        raise FileNotFoundError(20, "not a folder, so findings cannot be written in it", out)
    own = spark is None
    if own:
        # Python workers run this interpreter, where the package is installed, unless told
        # otherwise (on a cluster, PYSPARK_PYTHON names the executors' interpreter).
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        spark = (
            SparkSession.builder.master(master or "local[*]")
            .appName("copydesk audit")
            .config("spark.ui.showConsoleProgress", "false")
            .getOrCreate()
        )
        spark.sparkContext.setLogLevel("ERROR")
    try:
        return _run(spark, files, out, settings, corpus, partitions)
    finally:
        if own:
            spark.stop()


def _local_path(path: str) -> Optional[str]:
    """The path on this machine's disk that `path` names, or None for another file system."""
    parsed = urlparse(path)
    if parsed.scheme == "file":
        return parsed.path
    return path if parsed.scheme == "" or len(parsed.scheme) == 1 else None


def _export_files(export: str) -> list:
    """The files of an export: itself, or a local folder's record files, in name order."""
    local = _local_path(export)
    if local is None:
        return [export]
    if not os.path.exists(local):
        raise FileNotFoundError(2, "no such file or folder", export)
    if not os.path.isdir(local):
        return [export]
    files = sorted(
        os.path.join(folder, name)
        for folder, _, names in os.walk(local)
        for name in names
        if name.lower().endswith(EXPORT_EXTENSIONS) and not name.startswith(".")
    )
    if not files:
        raise FileNotFoundError(2, "no .jsonl or .ndjson file in the folder", export)
    return files


def _run(spark, files: list, out: str, settings: Settings, corpus: bool, partitions) -> dict:
    context = spark.sparkContext
    # Each line, as the UTF-8 bytes the checker reads, at its place: its file's number and its
    # own, the order `--corpus` reads records in. (Spark's text reader has already replaced
    # bytes that are not UTF-8 with U+FFFD: such a line is checked, where the command line
    # refuses it.)
    parts = []
    for number, path in enumerate(files):
        base = number * FILE_PLACES
        text = context.textFile(path, minPartitions=partitions, use_unicode=False)
        parts.append(text.zipWithIndex().map(lambda pair, base=base: (pair[0], base + pair[1])))
    lines = (parts[0] if len(parts) == 1 else context.union(parts)).cache()
    verdicts = None
    if corpus:
        merged = lines.mapPartitions(lambda rows: _gather(settings, rows)).reduceByKey(merge_evidence).values()
        evidence = "[" + ",".join(merged.collect()) + "]"
        verdicts = settings.session()._native.verdicts(evidence)
    shared = context.broadcast(verdicts)
    names = list(files)
    rows = lines.mapPartitions(lambda part: _check(settings, names, shared.value, part))
    frame = spark.createDataFrame(rows, _schema()).cache()
    findings = frame.where("kind = 'finding'").drop("kind")
    errors = frame.where("kind = 'error'").select("id", "message")
    findings.write.mode("overwrite").parquet(os.path.join(out, "findings.parquet"))
    findings.write.mode("overwrite").json(os.path.join(out, "findings.jsonl"))
    # Written every run, so a folder reused never keeps another run's errors.
    errors.write.mode("overwrite").json(os.path.join(out, "errors.jsonl"))
    records = frame.where("kind = 'records'").select("message").collect()
    counts = {
        "records": sum(int(row.message) for row in records),
        "findings": findings.count(),
        "failing": findings.where("severity in ('error', 'warning')").count(),
        "errors": errors.count(),
        "verdicts": len(json.loads(verdicts)) if verdicts else 0,
    }
    lines.unpersist()
    frame.unpersist()
    return counts


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m copydesk.spark",
        description="Archive audits on Apache Spark: copydesk over every record of a JSON-lines export.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("audit", help="check every record; judge consistency across the export")
    run.add_argument("export", help="a JSON-lines export, one article record a line (a path Spark reads)")
    run.add_argument("--out", required=True, help="the folder findings are written to")
    run.add_argument("--master", help="Spark's master URL (default: local[*], this machine's cores)")
    run.add_argument("--config", help="a copydesk.toml (its [records] table says where the fields are)")
    run.add_argument("--rules", action="append", default=[], help="more rule packs (repeatable)")
    run.add_argument("--isolated", action="store_true", help="use no configuration file")
    run.add_argument("--no-corpus", action="store_true", help="judge consistency article by article")
    run.add_argument("--partitions", type=int, help="at least this many partitions of the export")
    args = parser.parse_args(argv)
    try:
        counts = audit(
            args.export,
            args.out,
            master=args.master,
            config=args.config,
            rules=args.rules,
            isolated=args.isolated,
            corpus=not args.no_corpus,
            partitions=args.partitions,
        )
    except CopydeskError as e:
        print(e, file=sys.stderr)
        return 2
    except FileNotFoundError as e:
        print(f"error: {e.filename}: {e.strerror}", file=sys.stderr)
        return 2
    except Exception as e:  # Spark's own failures (a path it cannot read): its first line
        if type(e).__name__ not in ("Py4JJavaError", "AnalysisException", "IllegalArgumentException"):
            raise
        print(f"error: Spark could not run the audit: {_first_line(e)}", file=sys.stderr)
        return 2
    print(
        f"audited {counts['records']} records: {counts['findings']} findings, "
        f"{counts['verdicts']} corpus-wide verdicts, {counts['errors']} lines not records; "
        f"written to {args.out}",
        file=sys.stderr,
    )
    # As `copydesk check`: 2 when input could not be read, 1 for a finding at warning or above.
    if counts["errors"]:
        return 2
    return 1 if counts["failing"] else 0


def _first_line(error: Exception) -> str:
    java = getattr(error, "java_exception", None)
    text = str(java) if java is not None else str(error)
    return next((line.strip() for line in text.splitlines() if line.strip()), type(error).__name__)


if __name__ == "__main__":
    # Run as `python -m copydesk.spark`, this file is `__main__`, whose functions Spark would
    # ship to its workers by value, with this module's globals; the package's own module is
    # shipped by name, and each worker imports it.
    from copydesk.spark import main as package_main

    sys.exit(package_main())
