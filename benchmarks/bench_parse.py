"""Parse timing of the LaTeX reader over the corpus: prints p50 / p95 / max in milliseconds.

Run from the repository root: ``python benchmarks/bench_parse.py [--repeat N]``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "checkers" / "data")]

from latex_corpus import load  # noqa: E402

from checkers._errors import InvalidAnswer  # noqa: E402
from checkers._latex import read_latex  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    entries = load("latex_corpus.tsv") + load("latex_seed_corpus.tsv")
    timings = []
    for _ in range(args.repeat):
        for entry in entries:
            vocabulary = entry.vocabulary
            start = time.perf_counter()
            try:
                read_latex(entry.latex, vocabulary)
            except InvalidAnswer:
                pass
            timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    p95 = timings[int(0.95 * (len(timings) - 1))]
    print(f"{len(entries)} strings x {args.repeat}: parse p50 {statistics.median(timings):.2f} ms, "
          f"p95 {p95:.2f} ms, max {timings[-1]:.2f} ms")


if __name__ == "__main__":
    main()
