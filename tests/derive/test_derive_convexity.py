"""Convexity: verdicts are proved (convex/concave/affine) or witnessed (neither), never guessed.

Each verdict is also checked independently: the eigenvalues of sympy's own Hessian at
random points whose coordinates and parameters respect every symbol's assumptions.
"""

import random
import time

import mpmath
import pytest
import sympy
from sympy import Abs, Max, Min, Symbol, exp, log, symbols

import derive
from derive._convexity import sample_assignment

t1, t2, x1, x2, x3, y, u, theta, x = symbols("t1 t2 x1 x2 x3 y u theta x")
lam = Symbol("lambda", positive=True)
a = Symbol("a", real=True)
c = Symbol("c", negative=True)
w1, w2, a1, a2 = symbols("w_1 w_2 a_1 a_2")

CASES = [
    # bug report: lambda sampled from uniform(-3, 3) despite positive=True gave "neither"
    (log(1 + exp(-y * (t1 * x1 + t2 * x2))) + lam / 2 * (t1**2 + t2**2), [t1, t2], "convex"),
    (log(1 + exp(u)), [u], "convex"),
    (log(1 + exp(theta * x)) - y * theta * x, [theta], "convex"),
    (log(1 + exp(-y * (w1 * a1 + w2 * a2))), [w1, w2], "convex"),   # problem bank, seed mvc
    (derive.softplus(u), [u], "convex"),
    (-lam * x1**2 - x2**2, [x1, x2], "concave"),
    (c * x1**2, [x1], "concave"),
    (lam * exp(x1) + x2**2 * lam, [x1, x2], "convex"),
    (x1**2 + x2**2 + x3**2 - x1 * x2, [x1, x2, x3], "convex"),
    (x1 * x2 * x3, [x1, x2, x3], "neither"),
    (x1**2 - x2**2, [x1, x2], "neither"),
    (a * x1**2, [x1], "inconclusive"),          # depends on the sign of a: never guessed
    (a * x1 * x2, [x1, x2], "neither"),          # neither already at a = 1
    (Max(x1, x2, x3), [x1, x2, x3], "convex"),
    (Min(x1, x2) + x3, [x1, x2, x3], "concave"),
    (Abs(x1 - x2) + derive.relu(x1), [x1, x2], "convex"),
    (Max(x1, x2) + x1**2 + x2**2, [x1, x2], "convex"),
    (Max(x1, x2) - x1**2, [x1, x2], "inconclusive"),
    (3 * x1 - a * x2 + 1, [x1, x2], "affine"),
]


def _hessian_eigenvalues(expr, variables, point):
    matrix = sympy.hessian(expr, variables).xreplace(point)
    with mpmath.workdps(30):
        numeric = mpmath.matrix([[mpmath.mpf(str(sympy.N(matrix[i, j], 30))) for j in range(len(variables))]
                                 for i in range(len(variables))])
        return [float(v) for v in mpmath.eigsy(numeric, eigvals_only=True)]


@pytest.mark.parametrize("expr, variables, verdict", CASES, ids=[str(c[0])[:40] for c in CASES])
def test_convexity_verdicts(expr, variables, verdict):
    start = time.perf_counter()
    assert str(derive.derive_by_name("convexity", expr, variables).result) == verdict
    assert time.perf_counter() - start < 5


@pytest.mark.parametrize("expr, variables, verdict",
                         [c for c in CASES if c[2] in ("convex", "concave") and not c[0].has(Max, Min, Abs, derive.relu)],
                         ids=lambda v: str(v)[:30])
def test_proved_verdicts_hold_at_random_admissible_points(expr, variables, verdict):
    rng = random.Random(1)
    for _ in range(15):
        point = sample_assignment(expr.free_symbols, rng)
        eigenvalues = _hessian_eigenvalues(expr, variables, point)
        if verdict == "convex":
            assert min(eigenvalues) >= -1e-12
        else:
            assert max(eigenvalues) <= 1e-12


@pytest.mark.parametrize("expr, variables", [(c[0], c[1]) for c in CASES if c[2] == "neither"],
                         ids=lambda v: str(v)[:30])
def test_neither_witness_is_independently_valid(expr, variables):
    derivation = derive.convexity(expr, variables)
    witness = next(s for s in derivation.steps if s.rule == "numeric witness (verified)")
    points = []
    for listed in witness.after:
        assignment = dict(str(item).split(" = ") for item in listed)
        points.append({s: sympy.Rational(assignment[s.name]) for s in expr.free_symbols})
    assert {k: v for k, v in points[0].items() if k not in variables} == \
        {k: v for k, v in points[1].items() if k not in variables}   # one parameter assignment
    assert max(_hessian_eigenvalues(expr, variables, points[0])) > 0
    assert min(_hessian_eigenvalues(expr, variables, points[1])) < 0


@pytest.mark.parametrize("symbol, check", [
    (Symbol("p", positive=True), lambda v: v > 0),
    (Symbol("q", nonnegative=True), lambda v: v >= 0),
    (Symbol("r", negative=True), lambda v: v < 0),
    (Symbol("k", integer=True, positive=True), lambda v: v.is_integer and v > 0),
    (Symbol("z", nonzero=True), lambda v: v != 0),
    (Symbol("e", even=True), lambda v: v % 2 == 0),
])
def test_sampling_respects_assumptions(symbol, check):
    rng = random.Random(0)
    for _ in range(50):
        assert check(sample_assignment([symbol], rng)[symbol])
