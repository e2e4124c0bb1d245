"""Worst-case times for the findings of issue 11 ("Hold the line"), run on demand.

    python benchmarks/bench_hostile.py [--timeout 2]

F1 C-level arithmetic (scientific notation, square roots of huge products), in one process
and beside six ordinary checks in threads; F2 integers over Python's 4,300-digit printing
limit; F3 hostile references (and ``derive --expr``); F4 verdicts alone and under eight
concurrent checks (flips counted); F5 hostile text echoed (command line: is any control
character written raw?). Each line: the case, the outcome, and the worst wall time of
``--repeat`` runs. The command-line times include the interpreter's start-up (printed first).

Measured 2026-11-30 with ``--timeout 2`` on the shared 2-core machine under a load average
of about 4.5 (start-up alone 4.0 s), before -> after issue 11:
F1 ``1e9999999`` 10.7 s -> 0.03 s invalid; ``1e99999999`` > 90 s -> 0.00 s; sqrt of 6 / 8
factors 19.6 / 43.7 s -> 0.02 / 0.03 s invalid (LaTeX alike); six ordinary checks beside
one: 19 s and one flipped to undecided -> all keep their verdicts, slowest 0.96 s.
F2 integers over 4,300 digits: ValueError / traceback, exit 1 -> invalid in 0.01-0.10 s.
F3 reference ``x*floor(exp(10**50))`` > 31 s -> usage error after its 4.5 s of CPU (9.1 s
wall under that load); symbolic 3x3 ``Matrix**64`` 9 s -> usage error in 5.9 s;
``derive --expr`` of the first: no budget -> usage error (9.0 s wall with start-up).
F4 104 pairs alone vs under eight threads: 3-5 flips -> 0 (measured when the budgets changed);
here 24 checks of the load-sensitive pairs, eight at once: 0 flips.
F5 ``x ESC]0;pwned BEL``: raw ESC/BEL on the terminal -> escaped, exit 3 (2.1 s with start-up).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from checkers import UsageError, check  # noqa: E402
from checkers._declarations import read_declarations  # noqa: E402

_SIX = "*".join(["(10**999+7)"] * 6)
_EIGHT = "*".join(["(10**999+7)"] * 8)
F1 = {"1e9999999": "1e9999999", "1e99999999": "1e99999999", "sqrt of 6 factors": f"x*sqrt({_SIX}+1)",
      "sqrt of 8 factors": f"x*sqrt({_EIGHT}+1)", "sqrt of 6 factors, LaTeX": r"x\sqrt{" + "(10^{999}+7)" * 6 + "+1}"}
F2 = {"10**4400 + x": "10**4400 + x", "5000 ones": "1" * 5000, "x + 4400 nines": "x + " + "9" * 4400}
F3 = {"x*floor(exp(10**50))": "x*floor(exp(10**50))", "3x3 symbolic Matrix**64": "Matrix([[x, y, z], [z, x, y], [y, z, x]])**64"}
F5 = {"OSC title + BEL": "x\x1b]0;pwned\x07", "RLO bidi": "x\u202e+1"}
ORDINARY = [("x**2", "x*x"), ("exp(-x)/(1+exp(-x))**2", "sigmoid(x)*(1-sigmoid(x))"), ("2*x", "x + 1"),
            ("sin(x)**2", "1 - cos(x)**2"), ("x**3 - 5*x**2 + 3*x", "x(x^2 - 5x + 3)"), ("log(sigmoid(x))", "-log(1+exp(-x))")]
_MATRIX, _ = read_declarations(["A:matrix(m,n)", "x:vector(n)", "b:vector(m)"])
LOAD_SENSITIVE = [
    (r"2 A^T (A x - b)", r"2A^\top A x - 2A^\top b", _MATRIX),
    ("Piecewise((x, x > 0), (0, True))*Piecewise((x, x > 1), (1, True))", "Piecewise((x**2, x > 0), (0, True))", ()),
    ("Piecewise((x, x > 0), (0, True))*Piecewise((1, x > 0), (-1, True))", "Max(x, 0)", ()),
]


def worst(run: Callable[[], str], repeat: int) -> tuple[str, float]:
    """The outcome of the last run and the worst wall time over ``repeat`` runs."""
    times, outcome = [], ""
    for _ in range(repeat):
        started = time.monotonic()
        outcome = run()
        times.append(time.monotonic() - started)
    return outcome, max(times)


def checked(expected: object, answer: str, timeout: float, symbols: object = ()) -> Callable[[], str]:
    def run() -> str:
        try:
            verdict = check(expected, answer, timeout=timeout, symbols=symbols)
            return f"{verdict.status.value} ({verdict.method.value})"
        except UsageError as error:
            return f"usage error: {error.message[:60]}"
    return run


def cli(arguments: list[str]) -> Callable[[], str]:
    def run() -> str:
        done = subprocess.run([sys.executable, "-c", "from problems.cli import run; run()", *arguments],
                              capture_output=True, text=True, cwd=ROOT)
        raw = any(mark in done.stdout + done.stderr for mark in ("\x1b", "\x07", "\u202e"))
        traceback = "Traceback" in done.stdout + done.stderr
        return f"exit {done.returncode}{', RAW CONTROL CHARACTERS' if raw else ''}{', TRACEBACK' if traceback else ''}"
    return run


def beside_ordinary(answer: str, timeout: float) -> Callable[[], str]:
    """The hostile check in one thread, six ordinary ones in others: the slowest ordinary check."""
    def run() -> str:
        def timed(expected: str, text: str) -> tuple[str, float]:
            started = time.monotonic()
            return check(expected, text, timeout=timeout).status.value, time.monotonic() - started
        with ThreadPoolExecutor(max_workers=7) as pool:
            hostile = pool.submit(timed, "x**2", answer)
            others = [pool.submit(timed, e, a) for e, a in ORDINARY]
            slowest = max(f.result()[1] for f in others)
            return f"{hostile.result()[0]}; ordinary checks: {[f.result()[0] for f in others]}, slowest {slowest:.2f} s"
    return run


def flips(timeout: float) -> Callable[[], str]:
    """F4: each load-sensitive pair alone, then eight copies at once; how many verdicts differ."""
    def run() -> str:
        essence = lambda e, a, s: (lambda v: (v.status.value, v.method.value))(check(e, a, symbols=s, timeout=timeout))  # noqa: E731
        alone = [essence(*pair) for pair in LOAD_SENSITIVE]
        with ThreadPoolExecutor(max_workers=8) as pool:
            busy = [list(pool.map(lambda _, pair=pair: essence(*pair), range(8))) for pair in LOAD_SENSITIVE]
        changed = sum(result != alone[i] for i, results in enumerate(busy) for result in results)
        return f"{changed} of {8 * len(LOAD_SENSITIVE)} verdicts differ from alone {alone}"
    return run


def report(finding: str, case: str, outcome_and_time: tuple[str, float]) -> None:
    outcome, seconds = outcome_and_time
    print(f"{finding:3} {case:42} {seconds:7.2f} s  {outcome}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timeout", type=float, default=2.0)
    parser.add_argument("--repeat", type=int, default=2)
    options = parser.parse_args()
    t, n = options.timeout, options.repeat
    report("CLI", "start-up: derivecheck --version", worst(cli(["--version"]), n))
    for case, answer in F1.items():
        report("F1", case, worst(checked("x**2", answer, t), n))
        report("F1", f"{case} (CLI)", worst(cli(["check", "--timeout", str(t), "--expected", "x**2", "--", answer]), n))
    report("F1", "1e99999999 beside 6 ordinary threads", worst(beside_ordinary("1e99999999", t), n))
    report("F1", "sqrt of 8 factors beside 6 ordinary threads", worst(beside_ordinary(F1["sqrt of 8 factors"], t), n))
    for case, answer in F2.items():
        report("F2", case, worst(checked("x**2", answer, t), n))
        report("F2", f"{case} (CLI)", worst(cli(["check", "--timeout", str(t), "--expected", "x**2", "--", answer]), n))
    for case, reference in F3.items():
        report("F3", f"reference {case}", worst(checked(reference, "x", t), n))
        report("F3", f"reference {case} (CLI)", worst(cli(["check", "--timeout", str(t), "--expected", reference, "x"]), n))
    report("F3", "derive --expr x*floor(exp(10**50)) (CLI)",
           worst(cli(["derive", "--expr", F3["x*floor(exp(10**50))"], "--wrt", "x", "--timeout", str(t)]), n))
    report("F4", "load-sensitive pairs, alone vs 8 at once", worst(flips(t), n))
    for case, answer in F5.items():
        report("F5", f"{case} (CLI)", worst(cli(["check", "--timeout", str(t), "--expected", "x", "--", answer]), n))


if __name__ == "__main__":
    main()
