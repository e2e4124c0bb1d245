"""What the work budget's call counting costs: the same checks counted by each meter, and not counted.

    python benchmarks/bench_budget_tax.py [--rounds 2]

A check's budget counts the Python calls of its thread (``checkers/_metering.py``), so that
a verdict does not depend on how busy the machine is. Python 3.12 and later count with
``sys.monitoring``; 3.11 can only use ``sys.settrace``, and any trace or profile function
there (even one written in C) switches the interpreter to its tracing mode: every bytecode
goes through the tracing dispatch and the specialised (quickened) instructions are not
used. This benchmark measures the cost on the distinct conformance pairs
(``tests/checkers/data/conformance``, from maths/moodle-qtype_stack
``tests/fixtures/answertestfixtures.class.php`` and huggingface/Math-Verify ``tests/*.py``).

Each mode runs in a fresh interpreter that checks the pairs ``--rounds`` times and reports
the CPU time of the last round (sympy's caches warm alike in every mode):

- ``sys.monitoring`` (3.12 and later only) and ``sys.settrace``: the budgets count with that meter;
- ``not counted``: a meter that sees no call, so no budget can stop anything.

Only the pairs whose counted check stops no budget are timed (the same list in every mode):
uncounted, a budget cannot expire, and those pairs do exactly the same work in every mode.
Printed: pairs, CPU seconds per mode and the ratios to ``not counted``.

Measured 2026-12-01 on the shared 2-core machine (load average 1-2), ``--rounds 2``, 486 of
the 506 pairs: Python 3.11.7 settrace 6.79 s, not counted 2.70 s (2.52x); 3.12.1
monitoring 5.23 s (1.62x), settrace 12.32 s (3.80x), not counted 3.24 s; 3.13.0 monitoring
5.91 s (1.84x), settrace 8.43 s (2.63x), not counted 3.20 s. Other rounds: 3.11 2.01x-2.67x,
3.12 monitoring 1.38x. Before one counter served a thread's whole chain of budgets (stop 20),
3.11 measured 2.97x at load 3 and 3.12's monitoring 2.11x. Half or more of the tax on 3.11
is the tracing mode itself: a tracer that did nothing cost 0.80x of the counting one.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "checkers" / "data")]

MODES = ("sys.monitoring", "sys.settrace", "not counted")  # the first only on Python 3.12 and later


def pairs() -> list[tuple[str, str, str]]:
    """(reference, answer, notation) of each distinct conformance pair, in a fixed order."""
    from conformance_rows import load

    found = {(row.reference, row.answer): row.notation for row in load().values()}
    return sorted((reference, answer, notation) for (reference, answer), notation in found.items())


def _run(chosen: list[tuple[str, str, str]]) -> tuple[float, int]:
    """CPU seconds for checking ``chosen`` once, and how many of them stopped a budget."""
    from checkers import check
    from checkers._budget import Budget

    stopped = 0
    original_exit = Budget.__exit__

    def noting_exit(budget, kind, error, trace):  # a budget that expired, however it ends
        nonlocal stopped
        swallowed = original_exit(budget, kind, error, trace)
        stopped += budget.expired or budget.reason is not None
        return swallowed

    Budget.__exit__ = noting_exit
    started = time.process_time()
    for reference, answer, notation in chosen:
        try:
            check(reference, answer, notation=notation)
        except Exception:  # a reference that cannot be read: a row all the same
            pass
    Budget.__exit__ = original_exit
    return time.process_time() - started, stopped


def _switch(mode: str) -> None:
    """Make the budgets count with the meter ``mode`` names (or not at all)."""
    from checkers import _metering

    chosen = {meter.name: meter for meter in _metering.meters()}
    _metering.select(_NotCounting() if mode == "not counted" else chosen[mode])


class _NotCounting:
    """A meter that sees no call: no budget can stop anything."""

    name = "not counted"

    def enter(self, budget) -> None:
        return None

    exit = enter

    def pause(self) -> None:
        return None

    def resume(self, paused) -> None:
        return None


def worker(mode: str, rounds: int, listing: Path) -> None:
    """In a fresh interpreter: time the listed pairs in ``mode`` (the first mode, with no
    listing yet, first finds the pairs whose check stops no budget and lists them)."""
    every = pairs()
    if not listing.exists():
        quiet = [pair for pair in every if _run([pair])[1] == 0]
        listing.write_text(json.dumps(quiet), encoding="utf-8")
    chosen = [tuple(pair) for pair in json.loads(listing.read_text(encoding="utf-8"))]
    _switch(mode)
    seconds = stopped = 0.0
    for _ in range(rounds):
        seconds, stopped = _run(chosen)
    print(json.dumps({"mode": mode, "pairs": len(chosen), "of": len(every), "seconds": seconds, "stopped": stopped}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--worker", choices=MODES, help=argparse.SUPPRESS)
    parser.add_argument("--listing", type=Path, help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.worker:
        worker(arguments.worker, arguments.rounds, arguments.listing)
        return
    listing = Path(tempfile.mkdtemp(prefix="budget-tax-")) / "pairs.json"
    modes = [mode for mode in MODES if mode != "sys.monitoring" or sys.version_info >= (3, 12)]
    results = {}
    for mode in modes:
        command = [sys.executable, __file__, "--worker", mode, "--rounds", str(arguments.rounds), "--listing", str(listing)]
        output = subprocess.run(command, capture_output=True, text=True, check=True, cwd=ROOT).stdout
        results[mode] = json.loads(output.strip().splitlines()[-1])
    free = results["not counted"]
    print(f"Python {sys.version.split()[0]}: {free['pairs']} of {free['of']} distinct conformance pairs stop no budget; "
          "CPU s of one warm round:")
    for mode in modes:
        seconds = results[mode]["seconds"]
        print(f"  {mode:15s} {seconds:7.2f} s  {seconds / free['seconds']:5.2f}x of not counted"
              f"  (budgets stopped: {results[mode]['stopped']:.0f})")


if __name__ == "__main__":
    main()
