"""Both LaTeX readers on the same corpus: read right, refused, silently wrong.

Run from the repository root: ``python benchmarks/latex_readers_report.py [--by-category]``
(needs the ``test`` extra, which brings latex2sympy2_extended).

Each corpus string is read by derivecheck's reader and by latex2sympy2 and graded against
the corpus meaning with the classification of ``tests/checkers/data/latex_readers.py`` (the
one the oracle test uses). The first four columns are shares of the strings that have a
meaning, the next two of the strings that must be refused; *silently wrong* (a misread, or
a string read although it must be refused) is a share of all strings. The last list counts
how latex2sympy2 differs from derivecheck, by the oracle test's categories.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "checkers" / "data")]

from latex_corpus import load  # noqa: E402
from latex_readers import (  # noqa: E402
    AGREE,
    LISTABLE,
    MISREAD,
    NOT_COMPARABLE,
    READ_INADMISSIBLE,
    READ_RIGHT,
    REFUSED_AS_MEANT,
    WRONGLY_REFUSED,
    Classified,
    classify,
)

READERS = {"derivecheck": "our_outcome", "latex2sympy2": "their_outcome"}
# column -> (the outcomes it counts, the strings it is a share of: "meaning", "refuse" or "all")
COLUMNS = {
    "read right": ((READ_RIGHT,), "meaning"),
    "refused": ((WRONGLY_REFUSED,), "meaning"),
    "misread": ((MISREAD,), "meaning"),
    "not comparable": ((NOT_COMPARABLE,), "meaning"),
    "refused as meant": ((REFUSED_AS_MEANT,), "refuse"),
    "read anyway": ((READ_INADMISSIBLE,), "refuse"),
    "silently wrong": ((MISREAD, READ_INADMISSIBLE), "all"),
}


def tally(results: list[Classified], reader: str) -> Counter:
    """One reader's count of strings per outcome, plus the group sizes ``meaning``, ``refuse``, ``all``."""
    counts = Counter(getattr(result, READERS[reader]) for result in results)
    counts["refuse"] = sum(result.entry.invalid for result in results)
    counts["all"] = len(results)
    counts["meaning"] = counts["all"] - counts["refuse"]
    return counts


def cell(counts: Counter, column: str) -> str:
    """``count (p%)`` for one column, the share taken of the column's group."""
    outcomes, group = COLUMNS[column]
    count, total = sum(counts[o] for o in outcomes), counts[group]
    return f"{count} ({100 * count / total:.0f}%)" if total else "-"


def print_table(title: str, rows: dict[str, Counter]) -> None:
    """A markdown table: one row per name, one column per :data:`COLUMNS` entry."""
    print(f"\n{title}\n")
    print("| | strings (to be refused) | " + " | ".join(COLUMNS) + " |")
    print("|---|---:|" + "---:|" * len(COLUMNS))
    for name, counts in rows.items():
        sizes = f"{counts['all']} ({counts['refuse']})"
        print(f"| {name} | {sizes} | " + " | ".join(cell(counts, c) for c in COLUMNS) + " |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--by-category", action="store_true", help="also one table per reader, by corpus category")
    options = parser.parse_args()
    results = [classify(entry) for entry in load("latex_corpus.tsv") + load("latex_seed_corpus.tsv")]
    print_table("Both readers, whole corpus", {reader: tally(results, reader) for reader in READERS})
    if options.by_category:
        categories = sorted({r.entry.category for r in results})
        for reader in READERS:
            rows = {c: tally([r for r in results if r.entry.category == c], reader) for c in categories}
            print_table(f"{reader}, by corpus category", rows)
    differences = Counter(result.difference for result in results)
    print("\nlatex2sympy2 against derivecheck (the oracle test's categories)\n")
    for category in (AGREE, *LISTABLE, *sorted(set(differences) - {AGREE, *LISTABLE})):
        print(f"  {category:32} {differences[category]}")
    return 0 if set(differences) <= {AGREE, *LISTABLE} else 1


if __name__ == "__main__":
    raise SystemExit(main())
