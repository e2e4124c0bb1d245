"""Critical points, second- and first-derivative tests, convexity, interval extrema, MVT, KKT."""

import pytest
import sympy
from sympy import FiniteSet, Rational, exp, sqrt

import derive

x, y, C = sympy.symbols("x y C", real=True)
x1, x2 = sympy.symbols("x1 x2", real=True)


def _classifications(derivation):
    return {str(s.before): str(s.after) for s in derivation.steps if s.rule == "classify critical point"}


def test_seed_000_critical_points():
    # seed 000: f' = 3x^2 - 10x + 3, x = 3 local min, x = 1/3 local max
    derivation = derive.critical_points(x**3 - 5 * x**2 + 3 * x + C, x)
    assert derivation.steps[0].after == 3 * x**2 - 10 * x + 3
    assert derivation.result == FiniteSet(3, Rational(1, 3))
    assert _classifications(derivation) == {"Eq(x, 1/3)": "local maximum", "Eq(x, 3)": "local minimum"}


def test_inconclusive_second_derivative_falls_back_to_first_derivative_test():
    derivation = derive.critical_points((x - 1) ** 4, x)
    classify = next(s for s in derivation.steps if s.rule == "classify critical point")
    assert [s.rule for s in classify.substeps] == ["second-derivative test", "first-derivative test"]
    assert classify.substeps[0].after == 0
    assert str(classify.after) == "local minimum"


def test_inflection_point_is_not_an_extremum():
    derivation = derive.critical_points(x**3, x)
    assert set(_classifications(derivation).values()) == {"not an extremum"}


def test_several_variables_saddle_and_minimum():
    derivation = derive.critical_points(x**3 - 3 * x + y**2, [x, y])
    assert derivation.result == FiniteSet(sympy.Tuple(1, 0), sympy.Tuple(-1, 0))
    assert sorted(_classifications(derivation).values()) == ["local minimum", "saddle point"]


@pytest.mark.parametrize("f, verdict", [
    (x1**2 + x2**2 + x1 * x2, "convex"),       # seed 001, Exercise 2.8 (a)
    (exp(x1 + 2 * x2), "convex"),               # (b)
    (x1 * x2, "neither"),                       # (c)
    (-(x1**2) - x2**4, "concave"),
    (x1 + 3 * x2, "affine"),
])
def test_convexity(f, verdict):
    assert str(derive.convexity(f, [x1, x2]).result) == verdict


def test_global_extrema_on_closed_interval():
    result = derive.global_extrema(x**3 - 3 * x, x, (0, 3)).result
    assert result == sympy.Tuple(sympy.Tuple(1, -2), sympy.Tuple(3, 18))


def test_mean_value_points():
    assert derive.mean_value_points(x**3, x, (0, 3)).result == FiniteSet(sqrt(3))


def test_kkt_single_constraint():
    derivation = derive.kkt(x**2 + y**2, [x, y], inequalities=[x + y >= 1])
    assert derivation.result == sympy.Tuple(sympy.Tuple(Rational(1, 2), Rational(1, 2)), Rational(1, 2))
    cases = next(s for s in derivation.steps if s.rule.startswith("complementary slackness"))
    assert len(cases.substeps) == 2


def test_kkt_box_with_three_constraints():
    derivation = derive.kkt((x - 2) ** 2 + (y - 2) ** 2, [x, y], inequalities=[x + y <= 2, x >= 0, y >= 0])
    assert derivation.result == sympy.Tuple(sympy.Tuple(1, 1), 2)
    cases = next(s for s in derivation.steps if s.rule.startswith("complementary slackness"))
    assert len(cases.substeps) == 8


def test_kkt_equality_constraint():
    derivation = derive.kkt(x + y, [x, y], equalities=[sympy.Eq(x**2 + y**2, 1)])
    assert derivation.result == sympy.Tuple(sympy.Tuple(-sqrt(2) / 2, -sqrt(2) / 2), -sqrt(2))
