"""Critical points: EmptySet only when proved; finite sums solved by linearity; every
reported point makes the gradient vanish on an explicit instance."""

import random

import pytest
import sympy
from sympy import EmptySet, IndexedBase, Sum, Symbol, exp, log, sin, symbols

import derive

x = IndexedBase("x")
i = Symbol("i", integer=True)
N = Symbol("N", integer=True, positive=True)
mu, s, t, y = symbols("mu s t y", real=True)
GAUSSIAN = Sum((x[i] - mu) ** 2, (i, 1, N)) * exp(-2 * s) / 2 + N * s


def _explicit(expr, n, values):
    """``expr`` with N = n, the sums written out and x[k] given numbers."""
    expr = expr.subs(N, n).doit()
    return expr.xreplace({x[k]: v for k, v in values.items()})


def test_gaussian_negative_log_likelihood_in_mu_and_log_sigma():
    derivation = derive.derive_by_name("critical", GAUSSIAN, [mu, s])
    assert derivation.result != EmptySet
    (point,) = derivation.result
    mean = Sum(x[i], (i, 1, N)) / N
    assert sympy.simplify(point[0] - mean) == 0
    classify = [step.after for step in derivation.steps if step.rule == "classify critical point"]
    assert [str(v) for v in classify] == ["local minimum"]


@pytest.mark.parametrize("seed", range(3))
def test_gaussian_critical_point_makes_the_gradient_vanish_for_n_3(seed):
    rng = random.Random(seed)
    values = {k: sympy.Rational(rng.randint(-20, 20), 7) for k in (1, 2, 3)}
    (point,) = derive.critical_points(GAUSSIAN, [mu, s]).result
    f = _explicit(GAUSSIAN, 3, values)
    at = {mu: _explicit(point[0], 3, values), s: _explicit(point[1], 3, values)}
    for v in (mu, s):
        assert abs(sympy.N(sympy.diff(f, v).subs(at), 30)) < 1e-25
    # and it is the sample mean and log of the (biased) standard deviation
    mean = sum(values.values()) / 3
    variance = sum((v - mean) ** 2 for v in values.values()) / 3
    assert sympy.simplify(at[mu] - mean) == 0
    assert abs(sympy.N(at[s] - log(variance) / 2, 30)) < 1e-25


def test_one_variable_sum():
    derivation = derive.critical_points(Sum((x[i] - mu) ** 2, (i, 1, N)), mu)
    assert derivation.result == sympy.FiniteSet(Sum(x[i], (i, 1, N)) / N)


@pytest.mark.parametrize("expr", [exp(t) + exp(y), sin(t) * sin(y)])
def test_unfinished_solver_raises_instead_of_empty_set(expr):
    with pytest.raises(derive.NoSolution):
        derive.critical_points(expr, [t, y])


def test_empty_set_when_proved():
    # polynomial system: its only solutions (t = +-i) are not real
    assert derive.critical_points(t**3 / 3 + t + y**2, [t, y]).result == EmptySet


def test_symbolic_roots_in_one_variable():
    c = Symbol("c", positive=True)
    derivation = derive.critical_points(c * t**2 - 2 * t, t)
    assert derivation.result == sympy.FiniteSet(1 / c)
    assert [str(st.after) for st in derivation.steps if st.rule == "classify critical point"] == ["local minimum"]
