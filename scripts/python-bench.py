"""The cost of one `session.check` against the command line on one article, in CPU time
(user + sys, medians; these machines are shared, so not wall time).

    python scripts/python-bench.py path/to/copydesk [ARTICLE]

ARTICLE defaults to the corpus-real article nearest 1,000 words that scripts/bench.sh times
(bbc-tech-396.txt), or the longest of corpus/ without ../shared. Run it with the interpreter
of a virtualenv where the package is installed (scripts/python-check.sh does).
"""

import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

import copydesk

REPO = Path(__file__).resolve().parents[1]
RUNS = 31


def article() -> Path:
    if len(sys.argv) > 2:
        return Path(sys.argv[2])
    shared = REPO.parent / "shared" / "corpus-real" / "uk" / "bbc-tech-396.txt"
    if shared.exists():
        return shared
    return max((REPO / "corpus").glob("*.txt"), key=lambda p: p.stat().st_size)


def cpu_of_command(command: list) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def cpu_of_call(call) -> float:
    before = time.process_time()
    call()
    return time.process_time() - before


def main() -> None:
    binary = sys.argv[1]
    path = article()
    text = path.read_bytes().decode("utf-8")
    words = len(text.split())
    load = statistics.median(cpu_of_call(lambda: copydesk.Session(isolated=True)) for _ in range(9))
    session = copydesk.Session(isolated=True)
    session.check(text, name=path.name)
    call = statistics.median(cpu_of_call(lambda: session.check(text, name=path.name)) for _ in range(RUNS))
    command = [binary, "check", "--isolated", "--format", "json", str(path)]
    cli = statistics.median(cpu_of_command(command) for _ in range(RUNS))
    print(f"one article ({path.name}, {words} words), CPU, median of {RUNS}:")
    print(f"  session.check            {call * 1000:6.2f} ms  (the session loaded once: {load * 1000:.2f} ms)")
    print(f"  copydesk check (process) {cli * 1000:6.2f} ms  (start-up and pack included)")


if __name__ == "__main__":
    main()
