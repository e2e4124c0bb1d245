"""Conditions compared: the propositional proof over canonical atoms, sets of reals compared as
sorted lists of pieces, and linear relations solved directly. Rows typed by hand; the STACK/Math-Verify rows they speed up are in
the conformance suite (tests/checkers/test_conformance.py)."""

from __future__ import annotations

import pytest
import sympy
from sympy import Eq, FiniteSet, Interval, Ne, Rational, Symbol, Union, oo, sqrt
from sympy.solvers.inequalities import reduce_rational_inequalities

from checkers import check
from checkers._conditions import MAX_ATOMS, propositionally_same
from checkers._real_pieces import same_set
from checkers._solution_sets import _linear_solution_set

A, B, C, a, x, y = (Symbol(name) for name in ("A", "B", "C", "a", "x", "y"))

PROVED = [
    # the same by their logical form once each relation is written one way round
    (A & Eq(C, B), A & Eq(B, C)),
    (Ne(x, y), Ne(y, x)),
    (x > 1, 1 < x),
    ((x < 1) | (x > 3), (3 < x) | (1 > x)),
    (x >= 1, ~(x < 1)),
    (~Eq(x, y), Ne(y, x)),
    ((x < 1) | Eq(x, y), ~((x >= 1) & Ne(y, x))),
    (sympy.Implies(x > 0, y > 0), (x <= 0) | (y > 0)),
    ((x > 0) & ((y > 0) | (y < -1)), ((x > 0) & (y > 0)) | ((x > 0) & (-1 > y))),
    ((x > 0) | (x <= 0), sympy.true),
]

NOT_PROVED = [
    # different conditions
    (x > 1, x > 2),
    (x > 1, x >= 1),
    (Eq(x, y), Eq(x, -y)),
    ((x > 0) & (y > 0), (x > 0) | (y > 0)),
    # the same, but only through what the atoms mean: not a propositional proof
    ((x > 1) & (x > 2), x > 2),
    (x**2 - 3 * a < 0, 3 * x**2 < 9 * a),
    ((x > 0) | (x < 0), Ne(x, 0)),
    # too many atoms for a truth table
    (sympy.Or(*(x > k for k in range(MAX_ATOMS + 1))), sympy.Or(*(x > k for k in reversed(range(MAX_ATOMS + 1))))),
    # not conditions
    (x + 1, x + 1),
]


@pytest.mark.parametrize(("first", "second"), PROVED)
def test_proved_by_logical_form(first: sympy.Basic, second: sympy.Basic) -> None:
    assert propositionally_same(first, second) is True
    assert propositionally_same(second, first) is True


@pytest.mark.parametrize(("first", "second"), NOT_PROVED)
def test_not_proved_by_logical_form(first: sympy.Basic, second: sympy.Basic) -> None:
    assert propositionally_same(first, second) is False


SETS = [
    # (first, second, equal: True / False / None for "cannot say")
    (Interval(0, 1), Interval(0, 1), True),
    (Union(Interval(0, 1), Interval.Lopen(1, 2)), Interval(0, 2), True),
    (Union(Interval.open(0, 1), Interval.open(1, 2)), Interval.open(0, 2), False),  # 1 missing
    (Union(Interval.open(0, 1), FiniteSet(1), Interval.open(1, 2)), Interval.open(0, 2), True),
    (Interval.Ropen(0, 1), Interval(0, 1), False),  # half-open end
    (Interval.Lopen(0, 1), Interval.Ropen(0, 1), False),
    (Union(Interval.open(-oo, 2), Interval.open(2, oo)), Union(Interval.open(-oo, 3), Interval.open(3, oo)), False),
    (Union(Interval.open(-oo, 2), Interval.open(2, oo)), sympy.Complement(sympy.S.Reals, FiniteSet(2)), True),
    (Interval(-sqrt(5), sqrt(5)), Interval(-2 * sqrt(5) / 2, sqrt(20) / 2), True),  # algebraic ends
    (Union(Interval.open(-sqrt(5), 1), FiniteSet(-sqrt(5), 1)), Interval(-sqrt(5), 1), True),
    (Interval(0, sqrt(2)), Interval(0, Rational(14142135623730951, 10**16)), False),
    (Interval(0, sqrt(2) + sqrt(3)), Interval(0, sqrt(5 + 2 * sqrt(6))), None),  # equal, not provable by order
    (FiniteSet(1, 2, 3), FiniteSet(3, 2, 1), True),
    (FiniteSet(1, 2), FiniteSet(1, 2, 3), False),
    (FiniteSet(2), Interval(2, 2), True),
    (sympy.EmptySet, Interval.open(1, 1), True),
    (sympy.EmptySet, FiniteSet(0), False),
    (sympy.S.Reals, Union(Interval(-oo, 0), Interval.open(0, oo)), True),
    (sympy.S.Integers, Interval(0, 1), None),  # not a union of intervals and points
    (FiniteSet(x), FiniteSet(1), None),  # an end that is not a number
]


@pytest.mark.parametrize(("first", "second", "equal"), SETS)
def test_sets_compared_as_pieces(first: sympy.Set, second: sympy.Set, equal: bool | None) -> None:
    assert same_set(first, second) is equal
    assert same_set(second, first) is equal


CHECKS = [
    # (reference, answer, status, message): the routes above seen through check()
    ("C = B and A", "A and B = C", "correct", "Correct: the same condition."),
    ("x > 1 and y > 1", "1 < y and 1 < x", "correct", "Correct: the same condition."),
    ("x > 1 and y > 2", "x > 2 and y > 1", "undecided", None),
    ("x != 0", "x != 1", "incorrect", "Incorrect: the condition differs from the expected one."),
    ("abs(x) > 1", "abs(x) < 1", "incorrect", "Incorrect: the condition differs from the expected one."),
    ("x**2 <= 5", "-sqrt(5) <= x and x <= sqrt(5)", "correct", "Correct: the same solution set."),
    ("x**2 < 5", "-sqrt(5) <= x and x < sqrt(5)", "incorrect", "Incorrect: the condition differs from the expected one."),
]


@pytest.mark.parametrize(("reference", "answer", "status", "message"), CHECKS)
def test_conditions_checked(reference: str, answer: str, status: str, message: str | None) -> None:
    verdict = check(reference, answer, notation="plain")
    assert verdict.status == status
    if message is not None:
        assert verdict.message == message


xr = Symbol("x", real=True)
LINEAR = [
    # a relation of a linear function with rational coefficients: the fast route must give the
    # very set sympy's rational-inequality solver gives
    xr < 3, xr <= Rational(-1, 2), xr > 0, xr >= 7, -2 * xr < 1, -xr >= Rational(5, 3), Rational(3, 4) * xr > -2,
    Eq(xr - 3, 0), Eq(2 * xr, -1), Ne(xr, 0), Ne(-xr + 1, 4), 3 > 2 * xr + 1, Eq(5, 1 - xr),
]
NOT_LINEAR = [
    # left to the solver: other numbers write the root in another form; not of degree 1
    xr < sqrt(2), sympy.Float(0.5) * xr > 1, xr**2 < 1, 1 / xr < 1, sympy.Abs(xr) < 1, Ne(xr**2, 2),
]


@pytest.mark.parametrize("condition", LINEAR)
def test_linear_solution_set_is_the_solvers(condition: sympy.Basic) -> None:
    assert _linear_solution_set(condition, xr) == reduce_rational_inequalities([[condition]], xr, relational=False)


@pytest.mark.parametrize("condition", NOT_LINEAR)
def test_linear_solution_set_declines(condition: sympy.Basic) -> None:
    assert _linear_solution_set(condition, xr) is None
