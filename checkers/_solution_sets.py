"""Equations and conditions compared by what they say: their solution sets.

Two equations are the same when one side-difference is the other times a nonzero constant
(``y/2 = sin x cos x`` and ``y = sin 2x``), or when their numerators over a common
denominator are (``y = x/(2x-1)`` and ``1/x + 1/y = 2``: the factor between them, (2x-1)/(xy),
only removes points where a side is undefined). Multiplicity counts: ``(x-2)^2 = 0`` is not
``x = 2``. Conditions are the same when each, written ``f < 0`` or ``f <= 0``, has the other's
f times a positive constant, or when, in one real variable, their solution sets are equal
(``x^2 > 4`` and ``x < -2 or x > 2``).

>>> from sympy import Symbol, Eq, sin, cos
>>> x, y = Symbol("x", real=True), Symbol("y", real=True)
>>> constant_ratio(y / 2 - sin(x) * cos(x), y - sin(2 * x))
1/2
>>> same_solutions(x**2 > 4, (x > 2) | (x < -2))
True
"""

from __future__ import annotations

import sympy
from sympy import Basic
from sympy.solvers.inequalities import reduce_abs_inequality, reduce_rational_inequalities

from ._numeric import Undefined, Unevaluable, close, evaluate
from ._real_pieces import same_set
from ._sampling import PointSampler, variables_of

__all__ = ["constant_ratio", "equation_factor", "normalized_condition", "same_solutions", "solution_set_in", "positive_multiple",
           "as_equations"]

_POINTS = 8


def constant_ratio(left: Basic, right: Basic) -> Basic | None:
    """The number c with left = c * right, found at random points and checked at all of them
    (a simple rational or a complex rational), or None when the ratio is not constant."""
    ratios = []
    sampler = PointSampler(seed_text=f"ratio|{sympy.srepr(left)}|{sympy.srepr(right)}")
    for point in sampler.points(variables_of([left, right]), _POINTS * 3):
        try:
            numerator, denominator = evaluate(left, point, digits=40), evaluate(right, point, digits=40)
        except (Undefined, Unevaluable):
            continue
        if abs(denominator) < 1e-20 or abs(numerator) < 1e-20:
            continue
        ratios.append(numerator / denominator)
        if len(ratios) == _POINTS:
            break
    if len(ratios) < _POINTS // 2 or not all(close(r, ratios[0], rtol=1e-25, atol=1e-25) for r in ratios):
        return None
    return _exact(ratios[0])


def _exact(value: object) -> Basic | None:
    real, imaginary = (sympy.nsimplify(sympy.Float(str(part), 30), rational=True, tolerance=1e-24)
                       for part in (getattr(value, "real", value), getattr(value, "imag", 0)))
    if not (real.is_Rational and imaginary.is_Rational) or max(real.q, imaginary.q) > 10**6:
        real, imaginary = (sympy.Float(str(getattr(value, part, 0)), 15) for part in ("real", "imag"))
    result = real + sympy.I * imaginary
    return result if result != 0 else None


def equation_factor(expected: Basic, answer: Basic) -> tuple[Basic, str] | None:
    """(factor, how) when the answer's side-difference is a nonzero multiple of the expected one:
    a constant, or a factor that only removes points where a side is undefined."""
    ratio = constant_ratio(expected, answer)
    if ratio is not None:
        return ratio, "multiplied by"
    top_expected, top_answer = _numerator(expected), _numerator(answer)
    if top_expected is None or top_answer is None:
        return None
    ratio = constant_ratio(top_expected, top_answer)
    return (ratio, "over a common denominator, multiplied by") if ratio is not None else None


def _numerator(expr: Basic) -> Basic | None:
    try:
        top = sympy.numer(sympy.together(expr))
    except (TypeError, ValueError, NotImplementedError, sympy.PolynomialError):
        return None
    return top if top.free_symbols else None


_FLIPPED = {"<": ">", "<=": ">=", ">": "<", ">=": "<=", "==": "==", "!=": "!="}
"""Each relation with its sides swapped."""
_INEQUALITIES = ("<", "<=", ">", ">=")
_LESS = {"<": sympy.StrictLessThan, "<=": sympy.LessThan}


def normalized_condition(condition: Basic) -> tuple[type, Basic] | None:
    """A single inequality as (``<`` or ``<=``, f) with the condition ``f < 0`` / ``f <= 0``.

    >>> x = sympy.Symbol("x")
    >>> normalized_condition(x > 2), normalized_condition(sympy.Eq(x, 2))
    ((<class 'sympy.core.relational.StrictLessThan'>, 2 - x), None)
    """
    if not isinstance(condition, sympy.core.relational.Relational) or condition.rel_op not in _INEQUALITIES:
        return None
    if condition.rel_op in _LESS:
        return _LESS[condition.rel_op], condition.lhs - condition.rhs
    return _LESS[_FLIPPED[condition.rel_op]], condition.rhs - condition.lhs


def positive_multiple(expected: Basic, answer: Basic) -> bool:
    """Both single inequalities of one strictness, the answer's f a positive multiple of the expected one's."""
    first, second = normalized_condition(expected), normalized_condition(answer)
    if first is None or second is None or first[0] is not second[0]:
        return False
    ratio = constant_ratio(first[1], second[1])
    return ratio is not None and ratio.is_real and ratio > 0


def same_solutions(expected: Basic, answer: Basic) -> bool | None:
    """Equal solution sets over the reals in one variable; None when that cannot be worked out."""
    variables = variables_of([expected, answer])
    if len(variables) != 1:
        return None
    variable = variables[0]
    real = sympy.Symbol(variable.name, real=True)
    try:
        first = solution_set_in(expected.xreplace({variable: real}), real)
        second = solution_set_in(answer.xreplace({variable: real}), real)
    except (TypeError, ValueError, NotImplementedError, AttributeError, sympy.PolynomialError):
        return None
    if first.has(sympy.ConditionSet) or second.has(sympy.ConditionSet):
        return None
    compared = same_set(first, second)  # exact on sorted pieces, far cheaper than the set algebra below
    if compared is not None:
        return compared
    difference = sympy.Union(sympy.Complement(first, second), sympy.Complement(second, first))
    if difference is sympy.EmptySet:
        return True
    return False if difference.is_empty is False else None


_CONNECTIVES = {sympy.And: sympy.Intersection, sympy.Or: sympy.Union}


def solution_set_in(condition: Basic, variable: sympy.Symbol) -> sympy.Set:
    """Where ``condition`` holds on the real line: a (non-)equation or inequality between
    rational functions of ``variable`` by its real roots and poles (exact, and far cheaper than
    sympy's ``as_set``, which first looks for a period), one with absolute values of
    polynomials split into such cases, ``and``/``or`` of those by intersection/union;
    anything else (or what the fast ways cannot do) by ``as_set``.

    >>> x = sympy.Symbol("x", real=True)
    >>> solution_set_in((x < -1) | (x**2 < 1/sympy.Integer(4)), x)
    Union(Interval.open(-oo, -1), Interval.open(-1/2, 1/2))
    >>> solution_set_in(sympy.Abs(x**2 - 4) >= 1, x)
    Union(Interval(-oo, -sqrt(5)), Interval(-sqrt(3), sqrt(3)), Interval(sqrt(5), oo))
    """
    if type(condition) in _CONNECTIVES:
        return _CONNECTIVES[type(condition)](*(solution_set_in(part, variable) for part in condition.args))
    linear = _linear_solution_set(condition, variable)
    if linear is not None:
        return linear
    try:
        if _rational_in(condition, variable):
            return reduce_rational_inequalities([[condition]], variable, relational=False)
        if _with_absolute_values(condition, variable):
            cases = reduce_abs_inequality(condition.lhs - condition.rhs, condition.rel_op, variable)
            return solution_set_in(cases, variable)
    except (TypeError, ValueError, NotImplementedError, sympy.PolynomialError):
        pass
    return condition.as_set()


def _linear_solution_set(condition: Basic, variable: sympy.Symbol) -> sympy.Set | None:
    """Where ``a*x + b`` (a, b rational numbers, ``a`` nonzero) stands in a relation to 0: the
    same set sympy's rational-inequality solver gives, without its machinery; None for anything
    else (with other numbers, the solver writes the root in another form).

    >>> x = sympy.Symbol("x", real=True)
    >>> _linear_solution_set(sympy.Ne(x - 3, 0), x), _linear_solution_set(-2 * x >= 1, x)
    (Union(Interval.open(-oo, 3), Interval.open(3, oo)), Interval(-oo, -1/2))
    """
    if not _rational_in(condition, variable) or condition.rel_op not in _FLIPPED:
        return None
    try:
        polynomial = sympy.Poly(condition.lhs - condition.rhs, variable)
    except (sympy.PolynomialError, sympy.GeneratorsNeeded):
        return None
    slope, offset = polynomial.all_coeffs() if polynomial.degree() == 1 else (None, None)
    if slope is None or not (slope.is_Rational and offset.is_Rational) or slope == 0:
        return None
    root, operator = -offset / slope, condition.rel_op if slope.is_positive else _FLIPPED[condition.rel_op]
    return {
        "<": lambda: sympy.Interval.open(-sympy.oo, root),
        "<=": lambda: sympy.Interval(-sympy.oo, root),
        ">": lambda: sympy.Interval.open(root, sympy.oo),
        ">=": lambda: sympy.Interval(root, sympy.oo),
        "==": lambda: sympy.FiniteSet(root),
        "!=": lambda: sympy.Union(sympy.Interval.open(-sympy.oo, root), sympy.Interval.open(root, sympy.oo)),
    }[operator]()


def _rational_in(condition: Basic, variable: sympy.Symbol) -> bool:
    return isinstance(condition, sympy.core.relational.Relational) and all(
        isinstance(side, sympy.Expr) and side.is_rational_function(variable) for side in condition.args)


def _with_absolute_values(condition: Basic, variable: sympy.Symbol) -> bool:
    """An inequality, rational in ``variable`` and in absolute values of polynomials of it."""
    if not isinstance(condition, sympy.core.relational.Relational) or condition.rel_op not in ("<", "<=", ">", ">="):
        return False
    absolute = condition.atoms(sympy.Abs)
    if not absolute or not all(a.args[0].is_polynomial(variable) for a in absolute):
        return False
    stand_ins = {a: sympy.Dummy() for a in absolute}
    return all(side.xreplace(stand_ins).is_rational_function(variable, *stand_ins.values()) for side in condition.args)


def as_equations(expected: Basic, answer: Basic) -> tuple[Basic, Basic]:
    """When either side is an equation, each ``or`` of equations and each ``x = {a, b}``
    (from ``x = a or x = b``, ``x = \\pm a``) becomes the one equation whose solutions they
    are: ``(x - a)(x - b) = 0``.

    >>> from sympy import Symbol, Eq, FiniteSet
    >>> x = Symbol("x")
    >>> as_equations(Eq(x**2, 4), Eq(x, FiniteSet(-2, 2), evaluate=False))
    (Eq(x**2, 4), Eq((x - 2)*(x + 2), 0))
    """
    first, second = _one_equation(expected), _one_equation(answer)
    if isinstance(first, sympy.Eq) or isinstance(second, sympy.Eq):
        return first, second
    return expected, answer


def _one_equation(obj: Basic) -> Basic:
    if isinstance(obj, sympy.Or) and all(isinstance(a, sympy.Eq) and not _has_set(a) for a in obj.args):
        return sympy.Eq(sympy.Mul(*(a.lhs - a.rhs for a in obj.args)), 0, evaluate=False)
    if isinstance(obj, sympy.Eq) and isinstance(obj.rhs, sympy.FiniteSet) and isinstance(obj.lhs, sympy.Expr):
        if all(isinstance(v, sympy.Expr) for v in obj.rhs.args):
            return sympy.Eq(sympy.Mul(*(obj.lhs - v for v in obj.rhs.args)), 0, evaluate=False)
    return obj


def _has_set(equation: sympy.Eq) -> bool:
    return any(isinstance(side, sympy.Set) for side in equation.args)
