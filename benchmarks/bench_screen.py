"""The many-point numeric screen with and without double precision (issue 15 item 3).

    python benchmarks/bench_screen.py [--repeat 7]

For each pair (the expressions that reach the 24-point screen in the conformance corpus and
the bank, and a few matrices of them), in one warm process: the CPU time of
``Comparison.screen(..., 24)`` in mpmath alone and with ``in_double=True`` (numpy finds the
agreeing points, mpmath the rest), then of the same screen followed by the high-precision
re-verification (``settled``) that every agreement still needs. Medians of ``--repeat``
alternated runs; numpy's import is done before timing (about 0.11-0.13 s CPU once per process).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import sympy

import checkers._vector  # noqa: F401  (numpy imported before timing)
from checkers._budget import Budget
from checkers._compare import Comparison

x, y, z = sympy.symbols("x y z")
PAIRS = [
    (sympy.sech(x) ** 2, 1 - sympy.tanh(x) ** 2),
    (sympy.sin(x / 2) * sympy.cos(x), sympy.sin(x / 2) / (1 + sympy.tan(x) * sympy.tan(x / 2))),
    (-(7 * x**6 + 4 * x**3) * sympy.csc(7 * y + x**7 + x**4 + 1) ** 2,
     -(7 * x**6 + 4 * x**3) / sympy.sin(7 * y + x**7 + x**4 + 1) ** 2),
    (sympy.log(sympy.Abs(x - 3)) + sympy.log(sympy.Abs(x + 3)), sympy.log(sympy.Abs(x**2 - 9))),
    (sympy.acos(x / 3) + sympy.asin(x / 3), sympy.pi / 2),
    (sympy.exp(x) / (1 + sympy.exp(x)) ** 2, 1 / (4 * sympy.cosh(x / 2) ** 2)),
]
SOFTMAX = [sympy.exp(v) / sum(sympy.exp(w) for w in (x, y, z)) for v in (x, y, z)]
JACOBIAN = [s.diff(v) for s in SOFTMAX for v in (x, y, z)]
MATRICES = [(JACOBIAN, [(SOFTMAX[i] * (int(i == j) - SOFTMAX[j])) for i in range(3) for j in range(3)])]


def timed(expected: list, answer: list, *, in_double: bool, settle: bool) -> float:
    comparison = Comparison(Budget(60), seed_text=str(expected))
    started = time.process_time()
    screen = comparison.screen(expected, answer, 24, in_double=in_double)
    if settle:
        comparison.settled(expected, answer, screen)
    return time.process_time() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    options = parser.parse_args()
    cases = [([e], [a]) for e, a in PAIRS] + MATRICES
    print(f"{'pair':48} {'mpmath ms':>10} {'double ms':>10} {'+settled':>18}")
    totals = [0.0, 0.0, 0.0, 0.0]
    for expected, answer in cases:
        runs = {key: [] for key in ((False, False), (True, False), (False, True), (True, True))}
        for _ in range(options.repeat):
            for in_double, settle in runs:
                runs[(in_double, settle)].append(timed(expected, answer, in_double=in_double, settle=settle))
        medians = [1000 * statistics.median(runs[key]) for key in ((False, False), (True, False), (False, True), (True, True))]
        totals = [t + m for t, m in zip(totals, medians)]
        label = str(expected[0])[:44] + (f" (+{len(expected) - 1})" if len(expected) > 1 else "")
        print(f"{label:48} {medians[0]:10.1f} {medians[1]:10.1f} {medians[2]:8.1f} {medians[3]:8.1f}")
    print(f"{'total':48} {totals[0]:10.1f} {totals[1]:10.1f} {totals[2]:8.1f} {totals[3]:8.1f}")


if __name__ == "__main__":
    main()
