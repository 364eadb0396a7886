"""The archive audit's cost on this machine, beside the command line on the same records:
wall time and CPU time for 1x, 2x and 4x corpus-real written as records, and the peak memory
of the JVM (driver and executor in local mode) and of each Python worker.

    scripts/spark-check.sh --keep target/spark          # a virtualenv with the package and PySpark
    target/spark/spark/bin/python scripts/spark-bench.py [--master local[2]] [--copies 1 2 4]

Run it with the interpreter of that virtualenv. Spark's start-up (about 5 s) is paid once and
reported apart: the audit times are of jobs on a running session, as on a cluster.
"""

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BINARY = REPO / "target" / "release" / "copydesk"


class Peaks(threading.Thread):
    """Samples the resident memory of this process's descendants every 50 ms: the peak of the
    JVM and the peak of any one Python worker."""

    def __init__(self):
        super().__init__(daemon=True)
        self.jvm = self.worker = 0
        self.running = True

    def run(self):
        while self.running:
            for pid, command, rss in descendants(os.getpid()):
                if "java" in command:
                    self.jvm = max(self.jvm, rss)
                elif "pyspark" in command or "python" in command:
                    self.worker = max(self.worker, rss)
            time.sleep(0.05)


def descendants(root: int):
    children = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            children.setdefault(int(stat[1]), []).append(int(entry.name))
        except OSError:
            continue
    stack, found = list(children.get(root, [])), []
    while stack:
        pid = stack.pop()
        stack.extend(children.get(pid, []))
        try:
            command = (Path("/proc") / str(pid) / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            rss = int((Path("/proc") / str(pid) / "statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, ValueError):
            continue
        found.append((pid, command, rss))
    return found


def cpu_now() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    return own.ru_utime + own.ru_stime + tree_cpu()


def tree_cpu() -> float:
    """CPU seconds of the running descendants (the JVM and its Python workers)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid, _, _ in descendants(os.getpid()):
        try:
            stat = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()
            total += int(stat[11]) + int(stat[12])
        except (OSError, ValueError):
            continue
    return total / ticks


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--copies", type=int, nargs="+", default=[1, 2, 4])
    args = parser.parse_args()
    from pyspark.sql import SparkSession

    from copydesk import spark as audit

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    peaks = Peaks()
    peaks.start()
    work = Path(tempfile.mkdtemp())
    started = time.perf_counter()
    session = (
        SparkSession.builder.master(args.master)
        .appName("copydesk bench")
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    print(f"Spark {session.version}, {args.master}: start-up {time.perf_counter() - started:.1f} s wall")
    print(f"{'export':>8} {'records':>8} {'MB':>6} | {'CLI --corpus':>22} | {'audit':>22} | {'audit/CLI wall':>14}")
    for copies in args.copies:
        export = work / f"export-{copies}x.jsonl"
        subprocess.run([sys.executable, str(REPO / "scripts" / "corpus-records.py"), str(export), "--copies", str(copies)], check=True)
        records = sum(1 for _ in open(export, encoding="utf-8"))
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        wall = time.perf_counter()
        command = [str(BINARY), "check", "--isolated", "--input", "jsonl", "--corpus", "--format", "json", str(export)]
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        cli_wall = time.perf_counter() - wall
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cli_cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
        cpu = cpu_now()
        wall = time.perf_counter()
        counts = audit.audit(str(export), str(work / f"out-{copies}"), isolated=True, spark=session)
        audit_wall = time.perf_counter() - wall
        audit_cpu = cpu_now() - cpu
        mb = export.stat().st_size / 1e6
        print(
            f"{copies:>7}x {records:>8} {mb:>6.1f} | {cli_wall:6.1f} s wall {cli_cpu:6.1f} s CPU | "
            f"{audit_wall:6.1f} s wall {audit_cpu:6.1f} s CPU | {audit_wall / cli_wall:13.1f}x"
            f"   ({counts['findings']} findings, {records / audit_wall:.0f} records/s)"
        )
    session.stop()
    peaks.running = False
    peaks.join()
    print(f"peak resident memory: the JVM (driver and executor) {peaks.jvm / 2**20:.0f} MB, "
          f"one Python worker {peaks.worker / 2**20:.0f} MB")


if __name__ == "__main__":
    main()
