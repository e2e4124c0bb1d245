"""The diagnosis does not depend on Python's hash seed: the same sample points, the same values,
the same candidates in the same order, the same screen decisions and the same diagnosis.

Each run is a fresh interpreter with its own ``PYTHONHASHSEED`` (set and dict iteration order of
sympy objects changes with it); the runs print what the diagnosis works with and must agree.
The pairs: a missing term inside a sum over a symbolic range with an undefined function (like
udl 2.1), a missing factor (like udl 6.3 without its sum), an extra term inside one factor of a
product (like udl 3.7), and a missing term.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ("0", "1", "2")

PROBE = r"""
import sympy
from checkers import check
from checkers._diagnosis import RELATIONS
from checkers._diagnosis._screen import Screen

i = sympy.Symbol("i", integer=True)
n = sympy.Symbol("n", integer=True, positive=True)
p, q = sympy.symbols("p q", real=True)
x, y = sympy.IndexedBase("x"), sympy.IndexedBase("y")
a = sympy.Function("a")
inner = p + q * x[i]
residual = sympy.sin(inner) * sympy.exp(-inner**2 / 32) - y[i]
PAIRS = [
    (sympy.Sum(2 * a(inner) * x[i] - 2 * y[i], (i, 1, n)), sympy.Sum(2 * a(inner) * x[i], (i, 1, n))),
    (2 * q * residual * sympy.cos(inner), residual * sympy.cos(inner)),
    (2 * a(inner) * (p + q * a(inner) - y[i]), 2 * (a(inner) + q) * (p + q * a(inner) - y[i])),
    (p**2 * q + sympy.sin(p) - q, p**2 * q + sympy.sin(p)),
]
for expected, answer in PAIRS:
    screen = Screen((expected, answer))
    print(screen.values(expected), screen.values(answer))
    print(sorted((str(key), value) for key, value in screen.drawn.items()))
    for relation in RELATIONS["scalar"]:
        for candidate in relation.candidates(expected, answer, screen):
            print(type(relation).__name__, candidate.message, screen.admits(candidate.screened()))
    verdict = check(expected, answer, timeout=20.0)
    print(verdict.status.value, verdict.diagnosis)
"""


def _run(seed: str) -> str:
    environment = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, env=environment, capture_output=True, text=True,
                          timeout=600, check=True)
    return done.stdout


def test_the_diagnosis_is_the_same_at_every_hash_seed():
    first, *others = (_run(seed) for seed in SEEDS)
    assert "incorrect Diagnosis(kind=<Mistake.MISSING_FACTOR" in first
    assert "incorrect Diagnosis(kind=<Mistake.EXTRA_TERM" in first
    assert first.count("incorrect Diagnosis(kind=<Mistake.MISSING_TERM") == 2
    for other in others:
        assert other == first
