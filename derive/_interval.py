"""One-variable facts on an interval: global extrema and mean-value-theorem points."""

from __future__ import annotations

import sympy
from sympy import Eq, Expr, FiniteSet, Interval, Symbol, Tuple

from ._critical import real_solutions_1d
from ._differentiate import differentiate
from ._steps import Derivation, Step

__all__ = ["global_extrema", "mean_value_points"]


def global_extrema(expr: Expr, x: Symbol, interval: tuple) -> Derivation:
    """Worked global minimum and maximum of ``expr`` on the closed ``interval`` (a, b):
    compare f at the critical points inside and at the endpoints.

    Result: ``Tuple(Tuple(x_min, f_min), Tuple(x_max, f_max))``.

    >>> from sympy import Symbol
    >>> x = Symbol("x")
    >>> global_extrema(x**3 - 3*x, x, (0, 3)).result
    ((1, -2), (3, 18))
    """
    a, b = (sympy.sympify(end) for end in interval)
    first = differentiate(expr, x)
    inside = real_solutions_1d(first.result, x, Interval.open(a, b))
    candidates = [a, *inside, b]
    values = [sympy.simplify(expr.subs(x, c)) for c in candidates]
    low = min(range(len(values)), key=lambda i: float(sympy.N(values[i])))
    high = max(range(len(values)), key=lambda i: float(sympy.N(values[i])))
    table = Tuple(*(Tuple(c, v) for c, v in zip(candidates, values)))
    steps = (
        Step("derivative", sympy.Derivative(expr, x), first.result, substeps=first.steps),
        Step("critical points inside the interval", Eq(first.result, 0, evaluate=False), FiniteSet(*inside),
             conditions=(sympy.And(sympy.Lt(a, x), sympy.Lt(x, b)),)),
        Step("evaluate f at the candidates (x, f(x))", Tuple(*candidates), table,
             note="endpoints and critical points", connective="give"),
        Step("global minimum", table, Tuple(candidates[low], values[low]), connective="⇒ least f at"),
        Step("global maximum", table, Tuple(candidates[high], values[high]), connective="⇒ greatest f at"),
    )
    result = Tuple(Tuple(candidates[low], values[low]), Tuple(candidates[high], values[high]))
    return Derivation(result, steps, title=f"global extrema on [{a}, {b}]", statement=expr)


def mean_value_points(expr: Expr, x: Symbol, interval: tuple) -> Derivation:
    """Worked mean value theorem: the points c in (a, b) with f'(c) = (f(b) - f(a)) / (b - a).

    >>> from sympy import Symbol
    >>> x = Symbol("x")
    >>> mean_value_points(x**3, x, (0, 3)).result
    {sqrt(3)}
    """
    a, b = (sympy.sympify(end) for end in interval)
    first = differentiate(expr, x)
    secant = sympy.simplify((expr.subs(x, b) - expr.subs(x, a)) / (b - a))
    points = FiniteSet(*real_solutions_1d(first.result - secant, x, Interval.open(a, b)))
    steps = (
        Step("derivative", sympy.Derivative(expr, x), first.result, substeps=first.steps),
        Step("slope of the secant", (expr.subs(x, b) - expr.subs(x, a)) / (b - a), secant,
             note="(f(b) - f(a)) / (b - a)"),
        Step("solve f'(c) = slope in (a, b)", Eq(first.result, secant, evaluate=False), points),
    )
    return Derivation(points, steps, title=f"mean value theorem on [{a}, {b}]", statement=expr)
