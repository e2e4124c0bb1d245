"""Figures for the LaTeX corpus by category: read correctly / refused as meant / misread.

Run from the repository root: ``python benchmarks/latex_corpus_report.py``.
A *misread* is a string read to something other than its meaning, or read although it
must be refused; *wrongly refused* is a readable string reported invalid.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "checkers" / "data")]

from latex_corpus import load  # noqa: E402
from latex_readers import (  # noqa: E402
    MISREAD,
    READ_INADMISSIBLE,
    READ_RIGHT,
    REFUSED_AS_MEANT,
    WRONGLY_REFUSED,
    outcome,
    read_derivecheck,
)

LABELS = {
    READ_RIGHT: "read correctly",
    REFUSED_AS_MEANT: "invalid (as meant)",
    WRONGLY_REFUSED: "wrongly refused",
    MISREAD: "misread",
    READ_INADMISSIBLE: "misread",
}


def classify(entry) -> str:
    """derivecheck's outcome on one entry (the classification in tests/checkers/data/latex_readers.py)."""
    return LABELS[outcome(entry, read_derivecheck(entry))]


def main() -> int:
    entries = load("latex_corpus.tsv") + load("latex_seed_corpus.tsv")
    table: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    misreads = []
    for entry in entries:
        outcome = classify(entry)
        table[entry.category][outcome] += 1
        table["TOTAL"][outcome] += 1
        if outcome in ("misread", "wrongly refused"):
            misreads.append((outcome, entry))
    columns = ["read correctly", "invalid (as meant)", "wrongly refused", "misread"]
    print(f"{'category':14}" + "".join(f"{c:>20}" for c in columns))
    for category in sorted(table, key=lambda c: (c == "TOTAL", c)):
        print(f"{category:14}" + "".join(f"{table[category][c]:>20}" for c in columns))
    for outcome, entry in misreads:
        print(f"{outcome}: {entry.category}:{entry.line} {entry.latex!r}")
    return 1 if table["TOTAL"]["misread"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
