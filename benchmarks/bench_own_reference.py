"""Every bank part decides its own reference, as derive prints it, in under half a second (issue 15).

    python benchmarks/bench_own_reference.py [--form latex|sympy] [--limit 0.5] [--worst 15]

In one process, for every part of the bank: the reference is derived first (not timed), then
``part.check(<the reference as derive prints it>)`` is timed (LaTeX: ``result_latex`` of
``to_dict()``; sympy: ``result``). Printed: the worst ``--worst`` parts with their time and
status, how many parts are over ``--limit`` seconds, and how many did not end ``correct``.

Measured 2026-11-30 on the shared 2-core machine (load average about 3), 241 parts, all
``correct``; 7 parts take 0.5 s or more in both forms (LaTeX / sympy seconds):
partials.6.c-one 2.57 / 3.18, derivatives.10.W 2.34 / 2.85, derivatives.10.x 1.25 / 1.54,
udl.6.3.phi0 1.23 / 1.71, derivatives.10.b 1.22 / 1.53, udl.6.3.phi1 1.22 / 1.35,
derivatives.10.v 0.90 / 0.80; the next is ch2-solutions.7.W at 0.22 s. Engine speed (the
proof budget) is another change of issue 15.

After branch s15-bank (numeric matrix instances, 1x1 factors made numbers before the identity
check, short sums written out), 2026-12-01, process CPU at load average 6: none of the six
matrix and phi0 parts is over 0.2 s; udl.6.3.phi1 is still 0.68 / 0.47 s (a traced proof by expand).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from problems import bank


def measure(form: str) -> list[tuple[float, str, str]]:
    """(seconds, part id, status) for every part, slowest first."""
    key = "result_latex" if form == "latex" else "result"
    timings = []
    for part in bank.parts():
        printed = part.reference.to_dict()[key]
        started = time.perf_counter()
        status = part.check(printed).status.value
        timings.append((time.perf_counter() - started, part.qualified_id, status))
    return sorted(timings, reverse=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--form", choices=("latex", "sympy"), default="latex")
    parser.add_argument("--limit", type=float, default=0.5)
    parser.add_argument("--worst", type=int, default=15)
    options = parser.parse_args()
    print(f"load average before: {os.getloadavg()[0]:.1f}; form {options.form}")
    timings = measure(options.form)
    for seconds, part_id, status in timings[: options.worst]:
        print(f"{seconds:7.3f} s  {status:10} {part_id}")
    over = [t for t in timings if t[0] >= options.limit]
    wrong = [t for t in timings if t[2] != "correct"]
    print(f"{len(timings)} parts; {len(over)} at or over {options.limit} s; {len(wrong)} not correct: "
          f"{', '.join(f'{p} ({s})' for _, p, s in wrong) or 'none'}")
    print(f"load average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
