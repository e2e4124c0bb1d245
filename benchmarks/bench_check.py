"""Benchmark ``checkers.check`` on a fixed mixed set of checks (run on demand).

    python benchmarks/bench_check.py [--repeat N]

Prints checks per second and p50 / p95 / max latency, overall and by kind, then the cost of
diagnosis (and partial credit) on the incorrect answers: each is checked again with and
without it (``diagnose=False, partial_credit=False``), both after the first check so both
find sympy's caches warm, in thread CPU time; the difference is reported, with how many got
a diagnosis and of which kind.
Targets on a 2-core machine: scalar p50 <= 20 ms, p95 <= 200 ms; diagnosis adds <= 50 ms at p50.

Diagnosis cost (113 incorrect answers, 2-core machine shared with three other jobs):
- before the shared numeric screen (main at 7efc393): p50 33.7 ms, p95 319.7 ms, max 1467 ms CPU
  (the earlier figure of ~190 ms at p50 timed a cold check with diagnosis against a warm one
  without, in wall time on a busy machine);
- with it (every candidate screened on values of the reference and the answer computed once):
  p50 20.1 ms, p95 180.0 ms, max 450.7 ms CPU; 3 more answers get a (verified) diagnosis.
- with the relations inside one factor of a product (d12-steady), two runs each on a machine at
  load average 8: main at bac2b00 p50 8.3 / 9.5 ms, p95 61.2 / 67.7 ms, max 239.6 / 234.8 ms;
  d12-steady p50 8.7 / 9.9 ms, p95 74.2 / 83.9 ms, max 207.6 / 258.1 ms CPU (the same kinds found;
  the new relations with and without, interleaved in one process: p50 8.7 and 8.8 ms, within noise).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "checkers")]

from _figures import percentile  # noqa: E402
from test_equivalent_pairs import DECLARED, EQUIVALENT, NOT_EQUIVALENT  # noqa: E402
from test_structured_answers import COLLECTIONS, EQUATIONS, EXPLICIT_MATRICES, FUNCTIONS, MATRIX_EXPRESSIONS, PIECEWISE, SUMS  # noqa: E402

from checkers import check  # noqa: E402

LATEX = [
    (r"\sigma(x)(1-\sigma(x))", r"\frac{e^{-x}}{(1+e^{-x})^2}"),
    (r"2x\cos(x^2)e^{\sin(x^2)}", r"e^{\sin x^2}\cos(x^2)\cdot 2x"),
    (r"\frac{x}{1+e^{wx+b}}", r"(1-\sigma(wx+b))x"),
    (r"3x^2 - 10x + 3", r"(3x-1)(x-3)"),
    (r"\operatorname{sech}^2 x", r"1 - \tanh^2 x"),
    (r"x^x(\ln x + 1)", r"x^x \log x + x^x"),
    (r"\frac{1}{2\sqrt{x}}", r"\frac12 x^{-1/2}"),
    (r"\{3, \tfrac13\}", r"x = 3 \text{ and } x = \frac{1}{3}"),
]


def cases() -> list[tuple[str, object, object, dict]]:
    """(kind, expected, answer, keyword arguments) for every check in the set."""
    table = [("scalar", e, a, {"symbols": DECLARED}) for e, a in EQUIVALENT + NOT_EQUIVALENT]
    table += [("scalar-reversed", a, e, {"symbols": DECLARED}) for e, a in EQUIVALENT + NOT_EQUIVALENT]
    table += [("latex", e, a, {}) for e, a in LATEX]
    table += [("matrix-expression", e, a, {"symbols": d, "assumptions": f}) for e, a, d, f, _ in MATRIX_EXPRESSIONS]
    table += [("matrix", e, a, {}) for e, a, _ in EXPLICIT_MATRICES]
    table += [("sum", e, a, {}) for e, a, _ in SUMS]
    table += [("function", e, a, {}) for e, a, _ in FUNCTIONS]
    table += [("collection", e, a, {}) for e, a, _ in COLLECTIONS + EQUATIONS]
    table += [("piecewise", e, a, {}) for e, a, _ in PIECEWISE]
    return table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    table = cases() * args.repeat
    latencies: dict[str, list[float]] = defaultdict(list)
    incorrect = []
    started = time.perf_counter()
    for kind, expected, answer, options in table:
        verdict = check(expected, answer, **options)
        latencies[kind].append(verdict.elapsed)
        if verdict.status.value == "incorrect":
            incorrect.append((expected, answer, options, verdict))
    wall = time.perf_counter() - started
    every = [t for values in latencies.values() for t in values]
    print(f"{len(table)} checks in {wall:.2f} s: {len(table) / wall:.1f} checks/s")
    print(f"{'kind':20} {'n':>5} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    for kind, values in [*sorted(latencies.items()), ("ALL", every)]:
        print(f"{kind:20} {len(values):5d} {1000 * statistics.median(values):8.1f} "
              f"{1000 * percentile(values, 0.95):8.1f} {1000 * max(values):8.1f}")
    diagnosis_cost(incorrect)


def diagnosis_cost(incorrect: list) -> None:
    """What diagnosis adds to incorrect answers: each is checked again with and without it
    (both after the first check, so both find sympy's caches equally warm), timed in the
    thread's CPU time (a busy machine does not inflate it)."""
    added, kinds = [], Counter()
    for expected, answer, options, verdict in incorrect:
        plain = _cpu(lambda: check(expected, answer, diagnose=False, partial_credit=False, **options))
        diagnosed = _cpu(lambda: check(expected, answer, **options))
        added.append(max(0.0, diagnosed - plain))
        kinds[verdict.diagnosis.kind.value if verdict.diagnosis else "(none)"] += 1
    if not added:
        return
    print(f"diagnosis on {len(added)} incorrect answers: added p50 {1000 * statistics.median(added):.1f} ms, "
          f"p95 {1000 * percentile(added, 0.95):.1f} ms, max {1000 * max(added):.1f} ms (CPU)")
    print("  kinds: " + ", ".join(f"{kind} {count}" for kind, count in kinds.most_common()))


def _cpu(run) -> float:
    started = time.thread_time()
    run()
    return time.thread_time() - started


if __name__ == "__main__":
    main()
