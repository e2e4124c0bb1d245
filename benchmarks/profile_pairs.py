"""Where the CPU time of a check goes, by phase, on the distinct conformance pairs.

    python benchmarks/profile_pairs.py [--slowest 40] [--out FILE.json] [--times FILE.json]

Each distinct pair of ``tests/checkers/data/conformance`` (public answer-test fixtures of
STACK and Math-Verify) is checked alone, in this process, with its fixture notation; the
time is split (exclusively: a phase inside another counts for itself only) into reading,
the 4-point screen, the short and the long proof attempts (by strategy), the 24-point
screen, the high-precision re-verification, the diagnosis of incorrect answers and the
rest (result building, planning). Printed for all pairs and for the ``--slowest``; per-pair
CPU seconds, statuses and methods go to ``--times`` (to compare two versions).
"""

from __future__ import annotations

import argparse
import functools
import json
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "checkers" / "data")]

from conformance_rows import load  # noqa: E402

import checkers._check as check_module  # noqa: E402
import checkers._compare as compare_module  # noqa: E402
import checkers._symbolic as symbolic_module  # noqa: E402
from checkers import check  # noqa: E402


class Phases:
    """Exclusive CPU time per phase: the innermost active phase is charged."""

    def __init__(self) -> None:
        self.totals: Counter[str] = Counter()
        self.stack: list[str] = ["other"]
        self.mark = time.process_time()

    def switch(self, phase: str | None) -> None:
        now = time.process_time()
        self.totals[self.stack[-1]] += now - self.mark
        self.mark = now
        if phase is None:
            self.stack.pop()
        else:
            self.stack.append(phase)

    def wrap(self, function, phase):
        @functools.wraps(function)
        def wrapped(*args, **kwargs):
            name = phase(*args, **kwargs) if callable(phase) else phase
            self.switch(name)
            try:
                return function(*args, **kwargs)
            finally:
                self.switch(None)
        return wrapped


PHASES = Phases()


def _instrument() -> None:
    comparison = compare_module.Comparison
    comparison.screen = PHASES.wrap(comparison.screen, lambda self, e, a, count: f"screen-{count}")
    comparison.prove = PHASES.wrap(
        comparison.prove, lambda self, e, a, at_most=None: "proof-short" if at_most is not None else "proof-long")
    comparison.settled = PHASES.wrap(comparison.settled, "reverify-40-digits")
    comparison.agreement = PHASES.wrap(comparison.agreement, "reverify-constant-100-digits")
    check_module._read = PHASES.wrap(check_module._read, "reading")
    check_module.read_expected = PHASES.wrap(check_module.read_expected, "reading-reference")
    check_module._Question.diagnosed = PHASES.wrap(check_module._Question.diagnosed, "diagnosis")
    check_module._verdict = PHASES.wrap(check_module._verdict, "result")
    symbolic_module.STRATEGIES = tuple(
        (name, PHASES.wrap(strategy, f"strategy:{name}")) for name, strategy in symbolic_module.STRATEGIES)


def run(pairs: dict[tuple[str, str], str]) -> list[dict]:
    results = []
    for (reference, answer), notation in pairs.items():
        before = Counter(PHASES.totals)
        PHASES.switch("other")
        started = time.process_time()
        status = method = "refused"
        try:
            verdict = check(reference, answer, notation=notation)
            status, method = verdict.status.value, verdict.method.value
        except Exception:  # a reference that cannot be read
            pass
        seconds = time.process_time() - started
        PHASES.switch(None)
        phases = {k: v - before.get(k, 0.0) for k, v in PHASES.totals.items() if v - before.get(k, 0.0) > 1e-9}
        results.append({"reference": reference, "answer": answer, "seconds": seconds, "status": status,
                        "method": method, "phases": phases})
    return results


def _table(title: str, rows: list[dict]) -> None:
    totals: Counter[str] = Counter()
    for row in rows:
        totals.update(row["phases"])
    whole = sum(totals.values()) or 1.0
    print(f"\n{title}: {len(rows)} pairs, {sum(r['seconds'] for r in rows):.1f} CPU s")
    for phase, seconds in totals.most_common():
        print(f"  {phase:32s} {seconds:8.2f} s  {seconds / whole:6.1%}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--slowest", type=int, default=40)
    parser.add_argument("--times", type=Path, help="write per-pair seconds, status and method here")
    arguments = parser.parse_args()
    pairs = {(row.reference, row.answer): row.notation for row in load().values()}
    _instrument()
    check("x", "x")
    check("sin(x)**2", "1 - cos(x)**2")  # sympy's first simplify imports sympy.physics: not a pair's cost
    results = run(pairs)
    ordered = sorted(results, key=lambda r: r["seconds"], reverse=True)
    seconds = [r["seconds"] for r in results]
    print(f"{len(results)} pairs: total {sum(seconds):.1f} CPU s; slowest 20 {sum(sorted(seconds)[-20:]):.1f} s; "
          f"p50 {statistics.median(seconds) * 1000:.1f} ms; p95 {statistics.quantiles(seconds, n=20)[-1]:.2f} s")
    _table("all pairs", results)
    _table(f"the slowest {arguments.slowest}", ordered[:arguments.slowest])
    print(f"\nslowest {arguments.slowest}:")
    for r in ordered[:arguments.slowest]:
        top = max(r["phases"].items(), key=lambda kv: kv[1])[0] if r["phases"] else "-"
        pair = f"{r['reference'][:40]!r} vs {r['answer'][:40]!r}"
        print(f"  {r['seconds']:6.2f} s  {r['status']:9s} {r['method']:9s} {top:26s} {pair}")
    if arguments.times:
        arguments.times.write_text(json.dumps(results, indent=0), encoding="utf-8")


if __name__ == "__main__":
    main()
