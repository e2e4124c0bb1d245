"""The numpy evaluator of the numeric screen against mpmath, and the screen that uses it.

Wherever the vector evaluator gives a value it must be mpmath's (to double precision);
where mpmath has none (a pole, log 0, no piece applies) it must give NaN; what it does not
cover falls back to mpmath, and double precision never decides a verdict.
"""

import subprocess
import sys

import mpmath
import numpy as np
import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from checkers import Status
from checkers._budget import Budget
from checkers._compare import Comparison
from checkers._numeric import ELEMENTARY, Undefined, evaluate
from checkers._vector import NotVectorisable, agree_in_double, evaluate_many

x, y = sympy.symbols("x y")
p = sympy.Symbol("p", positive=True)
k = sympy.IndexedBase("k")
POINTS = [{x: "0.5", y: "-1.25"}, {x: "-2.3", y: "0.75"}, {x: "3", y: "2"}, {x: "-0.05", y: "-4.5"}]

EXPRESSIONS = [
    x**2 + 3 * x * y - 1, (x + y) ** 5, 1 / (1 + x**2), x ** sympy.Rational(1, 3), sympy.sqrt(x), x**-3,
    sympy.exp(x) * sympy.sin(y), sympy.log(x), sympy.log(x * y), sympy.tan(x) + sympy.cot(y), sympy.sec(x) * sympy.csc(y),
    sympy.asin(x), sympy.acos(y), sympy.atan(x * y), sympy.acot(x), sympy.asinh(x), sympy.acosh(x), sympy.atanh(y),
    sympy.sinh(x) / sympy.cosh(y), sympy.tanh(x) * sympy.coth(y) + sympy.sech(x) - sympy.csch(y), sympy.Abs(x - y),
    x**y, sympy.Max(x, y, 0), sympy.Min(x, 2 * y), sympy.sign(x), sympy.Heaviside(y), sympy.Heaviside(x, 0),
    sympy.Piecewise((x, x > 0), (-x, True)), sympy.Piecewise((x**2, (x > -1) & (y < 1)), (y, sympy.Or(x > 2, y < -3))),
    sympy.Piecewise((1, sympy.Not(x > 0)), (2, True)), sympy.I * x + sympy.E ** y + sympy.pi,
    (sympy.I * x) ** sympy.Rational(1, 2),
    sympy.exp(800 * x), sympy.exp(-800 * x) * 1e300, sympy.Float("1e-300") * x, x / (x - sympy.Rational(1, 2)),
    sympy.log(x - 3), (x - 3) ** -2, sympy.Piecewise((x, x > 10)), sympy.Heaviside(x - 3),
]


def _mpmath_value(expr, point):
    try:
        return complex(evaluate(expr, point, digits=30))
    except Undefined:
        return None


@pytest.mark.parametrize("expr", EXPRESSIONS, ids=str)
def test_the_vector_value_is_mpmaths_or_nan(expr):
    values = evaluate_many(expr, POINTS)
    for point, value in zip(POINTS, values):
        expected = _mpmath_value(expr, point)
        if expected is None:
            assert np.isnan(value), (point, value)
        elif not np.isnan(value):
            assert abs(value - expected) <= 1e-12 * max(1.0, abs(expected)), (point, value, expected)


@pytest.mark.parametrize("expr", [x**2 + 3 * x * y - 1, sympy.exp(x) * sympy.sin(y), sympy.tanh(x) * sympy.coth(y),
                                  sympy.Abs(x - y), sympy.Max(x, y), sympy.atan(x * y), sympy.log(x**2 + 1)], ids=str)
def test_ordinary_expressions_are_evaluated_at_every_point(expr):
    assert not np.isnan(evaluate_many(expr, POINTS)).any()


@pytest.mark.parametrize("expr, point, reason", [
    (sympy.log(x), {x: "0"}, "log 0"),
    (1 / x, {x: "0"}, "a pole"),
    (sympy.cot(x), {x: "0"}, "a pole of a reciprocal"),
    (sympy.acot(x), {x: "0"}, "mpmath gives pi/2, numpy 1/0"),
    (sympy.asin(x), {x: "2"}, "on the cut: mpmath and numpy pick different sides"),
    (sympy.acos(x), {x: "2"}, "on the cut"),
    (sympy.atanh(x), {x: "2"}, "on the cut"),
    (sympy.atan(sympy.I * x), {x: "3"}, "on the cut"),
    (sympy.exp(x), {x: "800"}, "overflow"),
    (sympy.exp(x) - sympy.exp(x + 1), {x: "710"}, "overflow in a difference"),
    (sympy.sign(x - sympy.Rational(3, 10)), {x: "0.3"}, "a sign at its switch"),
    (sympy.Heaviside(x, 0), {x: "0"}, "a step at its switch"),
    (sympy.Piecewise((1, x > sympy.Rational(1, 10)), (0, True)), {x: "0.1"}, "a condition at its boundary"),
    (sympy.Piecewise((1, x > 0)), {x: "-1"}, "no piece applies"),
    (sympy.Max(x, sympy.sqrt(x)), {x: "-1"}, "a complex value ordered"),
])
def test_points_left_to_mpmath_are_nan(expr, point, reason):
    assert np.isnan(evaluate_many(expr, [point])[0]), reason


def test_the_branch_cut_of_log_and_roots_is_mpmaths():
    values = evaluate_many(sympy.log(-x) + sympy.sqrt(-x) + (-x) ** sympy.Rational(1, 3), [{x: "2"}])
    expected = complex(mpmath.log(-2) + mpmath.sqrt(-2) + mpmath.power(-2, mpmath.mpf(1) / 3))
    assert abs(values[0] - expected) < 1e-12


@pytest.mark.parametrize("expr", [sympy.gamma(x), sympy.factorial(x), sympy.erf(x), sympy.floor(x), sympy.Function("f")(x),
                                  sympy.besselj(0, x), sympy.Integer(10) ** 400 * x, x + sympy.EulerGamma,
                                  sympy.Piecewise((1, sympy.Contains(x, sympy.Interval(0, 1))), (0, True))], ids=str)
def test_what_the_walk_does_not_cover_is_left_to_mpmath(expr):
    with pytest.raises((NotVectorisable, OverflowError)):
        evaluate_many(expr, POINTS)
    assert not agree_in_double([expr], [expr], POINTS, rtol=1e-12, atol=1e-14).any()


def test_indexed_entries_are_variables():
    values = evaluate_many(k[1] * k[2], [{k[1]: "2", k[2]: "-3"}, {k[1]: "0.5", k[2]: "4"}])
    assert values.tolist() == [-6, 2]


def test_every_function_numpy_has_is_evaluated():
    covered = [name for name, function in ELEMENTARY.items() if function.numpy]
    assert len(covered) >= 20
    for name in covered:
        point = {x: "1.3" if name == "acosh" else "0.3"}  # inside the real domain
        value = evaluate_many(getattr(sympy, name)(x), [point])[0]
        assert abs(value - _mpmath_value(getattr(sympy, name)(x), point)) < 1e-12, name


@pytest.mark.parametrize("expected, answer, agree", [
    (sympy.exp(2 * x), sympy.exp(x) ** 2, [True] * 4),
    (x**2, x, [False] * 4),
    (sympy.log(x), sympy.log(x), [True, False, True, False]),  # complex where x < 0: mpmath decides
    (sympy.I * x, sympy.I * x, [False] * 4),  # complex values are compared only when the reference is complex
])
def test_agreement_in_double_precision(expected, answer, agree):
    assert agree_in_double([expected], [answer], POINTS, rtol=1e-12, atol=1e-14).tolist() == agree


def test_complex_references_are_compared_as_complex_numbers():
    agreed = agree_in_double([sympy.I * x], [sympy.I * x], POINTS, rtol=1e-12, atol=1e-14, complex_values=True)
    assert agreed.all()


@settings(max_examples=60, deadline=None, derandomize=True)
@given(st.floats(-6, 6), st.floats(-6, 6))
def test_at_any_point_the_vector_value_is_mpmaths_or_nan(u, v):
    point = {x: repr(u), y: repr(v)}
    for expr in (sympy.exp(x) * sympy.cos(y) / (1 + x**2), sympy.log(x**2 + y**2 + 1) * sympy.atan(x), sympy.sqrt(x) * y**3,
                 sympy.tanh(x - y) + sympy.Abs(y) ** sympy.Rational(3, 2), sympy.asin(x / 7) + sympy.acosh(y + 7)):
        value, expected = evaluate_many(expr, [point])[0], _mpmath_value(expr, point)
        if expected is None:
            assert np.isnan(value)
        elif not np.isnan(value):
            assert abs(value - expected) <= 1e-11 * max(1.0, abs(expected)), (expr, point)


# -- the screen: double precision finds agreement, mpmath decides ------------------------------

def _comparison():
    return Comparison(Budget(30), seed_text="vector screen")


@pytest.mark.parametrize("expected, answer", [
    (sympy.asinh(x), sympy.log(x + sympy.sqrt(x**2 + 1))),
    (sympy.log((x + 1) / (1 - x)), -sympy.log((1 - x) / (x + 1))),
    (x**2 + 1, x**2 + 1 + sympy.Float("1e-9")),
    (sympy.sqrt(x**2), sympy.Abs(x)),
    (sympy.sqrt(p**2), p),
    (sympy.Piecewise((x, x > 0), (0, True)), sympy.Max(x, 0)),
    (sympy.gamma(x + 1), x * sympy.gamma(x)),
])
def test_the_screen_in_double_precision_agrees_with_the_screen_in_mpmath(expected, answer):
    in_double = _comparison().screen([expected], [answer], 24, in_double=True)
    in_mpmath = _comparison().screen([expected], [answer], 24)
    assert in_double.drawn == in_mpmath.drawn
    assert (in_double.agreed, in_double.points) == (in_mpmath.agreed, in_mpmath.points)
    assert (in_double.counterexample is None) == (in_mpmath.counterexample is None)


def _cancelling(big):
    """exp(40 + x^2) + ``big`` - exp(40 + x^2), left unevaluated: ``big`` is lost in double precision."""
    far = sympy.exp(40 + x**2)
    return sympy.Add(far, big, -far, evaluate=False)


def test_double_precision_fooled_by_cancellation_decides_nothing():
    expected, answer = _cancelling(sympy.Integer(1)), _cancelling(sympy.Integer(0))
    comparison = _comparison()
    fooled = comparison.screen([expected], [answer], 24, in_double=True)
    assert fooled.in_double and fooled.counterexample is None  # double precision saw agreement
    assert not comparison.settled([expected], [answer], fooled)  # the high-precision re-verification does not
    again = comparison.screen([expected], [answer], 24, drawn=fooled.drawn)
    assert again.counterexample is not None
    fresh = _comparison()
    with fresh.budget:
        assert fresh.values([expected], [answer]).status is Status.INCORRECT


def test_a_screen_that_numpy_cannot_evaluate_is_mpmaths():
    screen = _comparison().screen([sympy.gamma(x + 1)], [x * sympy.gamma(x)], 24, in_double=True)
    assert screen.in_double == 0 and screen.agreed == 24


@pytest.mark.parametrize("expr, value", [
    (sympy.factorial(sympy.Symbol("n", integer=True)), {"n": "5"}),
    (sympy.factorial(x) / sympy.factorial(x - 2), {"x": "6"}),
    (sympy.factorial(x) * y, {"x": "2.5", "y": "-1.5"}),
    (sympy.binomial(x, y), {"x": "5", "y": "2"}),
    (sympy.binomial(x, y), {"x": "-2.3", "y": "1.7"}),
    (sympy.binomial(x + 1, y), {"x": "-3", "y": "1"}),  # a negative integer: sympy's own value
])
def test_mpmath_evaluates_what_numpy_cannot_as_sympy_does(expr, value):
    point = {s: value[str(s)] for s in expr.free_symbols}
    numeric = sympy.N(expr.xreplace({s: sympy.Float(v, 30) for s, v in point.items()}), 30)
    assert abs(complex(evaluate(expr, point)) - complex(numeric)) < 1e-20 * max(1.0, abs(complex(numeric)))


@pytest.mark.parametrize("code, loads_numpy", [
    ("check('x^2', '2x'); check('x^2', 'x*x'); check('(x+1)^2', 'x^2+2x+1')", False),  # a counterexample, identity, a quick proof
    ("from checkers._vector import evaluate_many", True),  # the probe can fail
])
def test_numpy_is_imported_only_for_a_many_point_screen(code, loads_numpy):
    probe = f"from checkers import check\n{code}\nimport sys\nprint('numpy' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120)
    assert done.stdout.strip().splitlines()[-1] == str(loads_numpy)
