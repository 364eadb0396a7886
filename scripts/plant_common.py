"""What the planted-set scripts share: their command line and their seeded sample of
../shared/corpus-real (half us/, half uk/)."""
import argparse
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus-real"


def arguments(description, seed, articles, out):
    """A parser with --seed, --articles, --out and --binary, with these defaults."""
    parser = argparse.ArgumentParser(description=description, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed", type=int, default=seed)
    parser.add_argument("--articles", type=int, default=articles)
    parser.add_argument("--out", type=Path, default=ROOT / "target" / out)
    parser.add_argument("--binary", type=Path, default=ROOT / "target" / "release" / "copydesk")
    return parser


def sample(options):
    """(rng, every file by half, the seeded sample), or None when the corpus is not here (the
    caller says it skipped). Stops when the release binary is missing."""
    if not CORPUS.is_dir():
        print(f"skipped: {CORPUS} is not here")
        return None
    if not options.binary.is_file():
        sys.exit(f"{options.binary} is missing: cargo build --release")
    rng = random.Random(options.seed)
    files = {half: sorted((CORPUS / half).glob("*.txt")) for half in ("us", "uk")}
    us = options.articles // 2
    chosen = rng.sample(files["us"], us) + rng.sample(files["uk"], options.articles - us)
    return rng, files, chosen
