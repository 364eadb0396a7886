#!/usr/bin/env bash
# The archive audit on Apache Spark, proved in local mode: builds the Python package's wheel,
# installs it with PySpark (`.[spark]`'s dependency, from PyPI) in a fresh virtualenv, with
# Java from Debian's packages when it is missing; writes ../shared/corpus-real as records;
# runs `python -m copydesk.spark audit` over them and `copydesk check --input jsonl --corpus`
# on the same export, and compares the findings as multisets of (id, line, column, rule)
# (scripts/spark-compare.py), the corpus-wide verdicts included. Then the Spark tests
# (python/tests/test_spark.py). A missing ../shared, Java or PyPI skips (exit 77), saying so,
# or fails with CI set (scripts/real-tool.sh).
#
#   scripts/spark-check.sh [--keep DIR]   (--keep: work in DIR and leave it there)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
source "$repo/scripts/real-tool.sh"
source "$repo/scripts/python-env.sh"
corpus="$repo/../shared/corpus-real"
work_folder "$@"
[ -d "$corpus" ] || skip spark "$corpus is not here, so the audit was not compared"
if ! command -v java >/dev/null 2>&1; then
  apt_install openjdk-17-jre-headless || skip spark "Java is missing and openjdk-17-jre-headless could not be installed"
fi
# A kept folder keeps its virtualenv, PySpark included.
[ -x "$work/spark/bin/python" ] || fresh_venv spark "$work/spark"
pip_install spark "$work/spark" "maturin>=1.9,<2" "pytest>=7"

cd "$repo"
cargo build --release --quiet
build_wheel "$work/spark"
pip_install spark "$work/spark" --force-reinstall "${wheel}[spark]"

python3 scripts/corpus-records.py "$work/export.jsonl" --corpus "$corpus"
bin=target/release/copydesk
"$bin" check --isolated --input jsonl --corpus --format json "$work/export.jsonl" >"$work/corpus.json" || [ $? -eq 1 ]
"$bin" check --isolated --input jsonl --format json "$work/export.jsonl" >"$work/alone.json" || [ $? -eq 1 ]
cd "$work"
started=$EPOCHREALTIME
# Exit 1: findings at warning or above were written, as `copydesk check` says it.
"$work/spark/bin/python" -m copydesk.spark audit "$work/export.jsonl" --out "$work/audit" \
  --isolated --master 'local[2]' 2> >(grep -v -E '^(WARN|Setting default log level|To adjust logging|Using Spark)' >&2) ||
  [ $? -eq 1 ]
awk -v s="$started" -v f="$EPOCHREALTIME" 'BEGIN { printf "the audit took %.1f s of wall time, Spark start-up included\n", f - s }'
"$work/spark/bin/python" "$repo/scripts/spark-compare.py" "$work/corpus.json" "$work/alone.json" "$work/audit"
COPYDESK_BIN="$repo/$bin" "$work/spark/bin/python" -m pytest -q -rs -p no:cacheprovider \
  "$repo/python/tests/test_spark.py"
