"""Writes ../shared/corpus-real as a JSON-lines export of article records: one line an
article, headline = its first line, body = the rest, id = its file name (with `-COPY` after
the first copy). Archive-scale runs use several copies.

    python3 scripts/corpus-records.py OUT.jsonl [--copies N] [--corpus DIR]
"""

import argparse
import json
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--copies", type=int, default=1)
    parser.add_argument("--corpus", default=str(REPO.parent / "shared" / "corpus-real"))
    args = parser.parse_args()
    paths = sorted(Path(args.corpus).glob("*/*.txt"))
    if not paths:
        raise SystemExit(f"no articles under {args.corpus}")
    articles = []
    for path in paths:
        headline, _, body = path.read_text(encoding="utf-8").strip().partition("\n")
        articles.append((path.name, headline.strip(), body.strip() + "\n"))
    with open(args.out, "w", encoding="utf-8") as out:
        for copy in range(args.copies):
            for name, headline, body in articles:
                record_id = name if copy == 0 else f"{name}-{copy}"
                record = {"id": record_id, "headline": headline, "body": body}
                out.write(json.dumps(record, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
