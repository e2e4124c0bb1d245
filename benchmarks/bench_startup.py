"""Cold start-up of the command line, side by side with ``python -c "import sympy"`` (issue 15).

    python benchmarks/bench_startup.py [--runs 9] [--part derivatives.2.c --answer '-x e^{-x^2/2}'] [--before /work/main]

Each round runs, in turn, one fresh interpreter for every case (alternated, so a change in the
machine's load hits all cases alike): ``import sympy``, and the same import ending in
``gc.freeze()`` (no final garbage collection, as the console script ends); ``check --expected 'x^2' 2x``; ``check
ID.PART ANSWER`` with an empty reference cache (cold) and with the entry written by the run
before it (warm); with ``--before CHECKOUT`` the same cases of that checkout too, in the same
rounds. Printed: median wall and CPU (user + system, children included) seconds
per case, the ratios to ``import sympy`` and the CPU ratio to the import without its final
collection. Bytecode is compiled once into a private
``PYTHONPYCACHEPREFIX`` (as an installed package has it), so no case pays for compiling.

Measured 2026-12-01 (stop 22), 3.11, load 1.1-1.3, ``--runs 13 --before`` stop 21 (8b269f3),
CPU medians, ratio to ``import sympy`` (0.661 s) and to ``import sympy`` without its final
collection (0.523 s):

    case                                  stop 21          now
    check --expected x^2 2x               1.36x / 1.72x    1.14x / 1.43x
    check derivatives.2.c, cold cache     2.94x / 3.71x    2.51x / 3.16x
    check derivatives.2.c, warm cache     1.41x / 1.77x    1.01x / 1.28x

The console script (``problems.cli.run``) skips the interpreter's final garbage collection,
which costs ``import sympy`` a fifth to a third of its time (docs/performance.md, stop 22).

Earlier, on the shared 2-core machine (load average 7.5 -> 12.3 during the run: wall
figures say little), ``--runs 11 --before CHECKOUT`` (the branch point bac2b00 of s15-cold),
medians, ratio to ``import sympy`` (1.64 s wall, 0.552 s CPU):

    case                                  before wall / CPU      after wall / CPU
    check --expected x^2 2x               2.23 s 1.36x / 1.43x   2.25 s 1.37x / 1.33x
    check derivatives.2.c, cold cache     4.81 s 2.93x / 2.92x   5.06 s 3.08x / 2.92x
    check derivatives.2.c, warm cache     2.32 s 1.41x / 1.53x   2.39 s 1.46x / 1.39x

At a lower load (about 8) the same code measured 1.27x CPU for ``--expected`` in
``/tmp``-scripted alternated runs. What remains beyond ``import sympy`` (CPU, in-process):
click (about 30 ms with its teardown); the command line's own modules, pickle and the
verdict (about 40 ms); in the forked child the checker's import (about 25 ms), the plain
reader and the diagnosis (about 10 ms) and the check itself (about 28 ms, of which 2.3 ms
compile ``tokenize``'s regular expression and about 8 ms diagnose the incorrect answer).
A correct ``x x`` costs about 0.1x more: sympy's first general ``Add`` imports
``sympy.tensor.tensor`` and with it ``sympy.combinatorics`` (inside sympy, unavoidable from here).
Earlier (2026-11-30, main at 7efc393 -> the issue 15 branch) the figures were 2.40x -> 1.86x CPU
and 2.79x -> 1.51x. Each checkout has its own warm cache: when both have the reference cache, one
shared directory made them overwrite each other's entry and every "warm" run a miss.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLI = "import problems.cli as cli; getattr(cli, 'run', cli.main)()"
"""The console script's code (``run``; a checkout from before ``run`` existed starts ``main``)."""
UNCOLLECTED = "import gc, sympy; gc.freeze()"
"""``import sympy`` leaving as ``derivecheck`` does, without the final garbage collection."""


def _cases(part: str, answer: str, roots: dict[str, Path]) -> dict[str, tuple[list[str], Path]]:
    """Every case, run in every checkout of ``roots`` (its label prefixes the case's name)."""
    cases = {"import sympy": (["-c", "import sympy"], ROOT),
             "import sympy, no final collection": (["-c", UNCOLLECTED], ROOT)}
    for label, root in roots.items():
        prefix = f"{label}: " if label else ""
        cases |= {
            f"{prefix}check --expected x^2 2x": (["-c", CLI, "check", "--expected", "x^2", "2x"], root),
            f"{prefix}check {part} (cold cache)": (["-c", CLI, "check", part, answer], root),
            f"{prefix}check {part} (warm cache)": (["-c", CLI, "check", part, answer], root),
        }
    return cases


def _run(arguments: list[str], environment: dict[str, str], root: Path = ROOT) -> tuple[float, float]:
    """Wall and CPU seconds of one fresh interpreter running ``arguments``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run([sys.executable, *arguments], cwd=root, env=environment, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, check=False)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def measure(runs: int, part: str, answer: str, roots: dict[str, Path]) -> dict[str, list[tuple[float, float]]]:
    """Alternated rounds of every case; the cold case gets a fresh cache directory each round."""
    scratch = Path(tempfile.mkdtemp(prefix="bench-startup-"))
    base = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    base |= {"PYTHONPYCACHEPREFIX": str(scratch / "pyc")}
    cases = _cases(part, answer, roots)
    # each checkout its own warm cache: an entry is keyed by its sources, so two checkouts sharing
    # one directory would overwrite each other's entry and every "warm" run would be a miss
    warm = {root: {"DERIVECHECK_CACHE_DIR": str(scratch / f"warm-{number}")}
            for number, root in enumerate(dict.fromkeys(root for _, root in cases.values()))}
    for arguments, root in cases.values():  # compile the bytecode and fill the warm cache
        _run(arguments, base | warm[root], root)
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in cases}
    for round_number in range(runs):
        for name, (arguments, root) in cases.items():
            cold = {"DERIVECHECK_CACHE_DIR": str(scratch / f"cold-{round_number}-{len(times[name])}")} if "cold" in name else {}
            times[name].append(_run(arguments, base | warm[root] | cold, root))
    return times


def report(times: dict[str, list[tuple[float, float]]]) -> str:
    names = list(times)
    wall = {name: statistics.median(t[0] for t in times[name]) for name in names}
    cpu = {name: statistics.median(t[1] for t in times[name]) for name in names}
    base, uncollected = names[:2]
    lines = [f"{'case':48} {'wall s':>8} {'ratio':>6} {'cpu s':>8} {'ratio':>6} {'ratio to no final collection':>29}"]
    for name in names:
        lines.append(f"{name:48} {wall[name]:8.3f} {wall[name] / wall[base]:6.2f} {cpu[name]:8.3f} {cpu[name] / cpu[base]:6.2f}"
                     f" {cpu[name] / cpu[uncollected]:29.2f}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--part", default="derivatives.2.c")
    parser.add_argument("--answer", default="-x e^{-x^2/2}")
    parser.add_argument("--before", type=Path, help="another checkout (e.g. main) run alongside, labelled 'before'")
    options = parser.parse_args()
    print(f"load average before: {os.getloadavg()[0]:.1f}; {options.runs} alternated rounds, medians")
    roots = {"before": options.before, "after": ROOT} if options.before else {"": ROOT}
    print(report(measure(options.runs, options.part, options.answer, roots)))
    print(f"load average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
