#!/usr/bin/env bash
# Every .rs file under the given folders (default: src tests benches fuzz python) passes
# `rustfmt --check --edition 2024 FILE` on its own. `cargo fmt --check` formats only the files
# it reaches through `mod` lines, so a module declared any other way (by a macro, say) would
# never be checked; here every file is. rustfmt on a file also checks the modules that file
# declares, so a file is reported only where rustfmt shows a diff in it (or cannot read it),
# not in every file that reaches it.
#
#   scripts/rustfmt-each.sh [FOLDER...]
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$#" -eq 0 ]; then
  set -- src tests benches fuzz python
fi

unformatted=()
unreadable=0
while IFS= read -r -d '' file; do
  set +e
  output="$(rustfmt --check --edition 2024 --color never "$file" 2>&1)"
  status=$?
  set -e
  [ "$status" -eq 0 ] && continue
  # `Diff in /abs/path/file.rs:LINE:` names each file that differs.
  diffs="$(printf '%s\n' "$output" | sed -n 's/^Diff in \(.*\.rs\):[0-9]*:$/\1/p' | sort -u)"
  if [ -z "$diffs" ]; then
    echo "rustfmt cannot check $file:"
    printf '%s\n' "$output" | sed 's/^/  /'
    unreadable=1
    continue
  fi
  while IFS= read -r differing; do
    unformatted+=("$(realpath --relative-to=. "$differing")")
  done <<<"$diffs"
done < <(find "$@" -name target -prune -o -name '*.rs' -type f -print0 | sort -z)

if [ "${#unformatted[@]}" -gt 0 ]; then
  echo "not formatted (run \`rustfmt --edition 2024 FILE\`):"
  printf '%s\n' "${unformatted[@]}" | sort -u | sed 's/^/  /'
fi
if [ "${#unformatted[@]}" -gt 0 ] || [ "$unreadable" -ne 0 ]; then
  exit 1
fi
echo "rustfmt: every .rs file under $* is formatted"
