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

from latex_corpus import expected_members, load, same_meaning  # noqa: E402

from checkers._errors import InvalidAnswer  # noqa: E402
from checkers._latex import read_latex  # noqa: E402


def classify(entry) -> str:
    try:
        got = read_latex(entry.latex, entry.vocabulary).members
    except InvalidAnswer:
        return "invalid (as meant)" if entry.invalid else "wrongly refused"
    if entry.invalid:
        return "misread"
    want = expected_members(entry)
    if len(got) >= len(want) and all(same_meaning(a, b) for a, b in zip(got[-len(want):], want)):
        return "read correctly"
    return "misread"


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
