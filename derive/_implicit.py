"""Implicit differentiation: dy/dx = -F_x / F_y for a curve F(x, y) = 0."""

from __future__ import annotations

import sympy
from sympy import Derivative, Eq, Expr, Function, Ne, Symbol

from ._partials import as_point, at_point_step, partial_step
from ._steps import Derivation, Step

__all__ = ["implicit_derivative"]


def _as_level_function(equation: Expr | Eq) -> Expr:
    """F with the curve written as F = 0 (an equation a = b becomes a - b)."""
    if isinstance(equation, sympy.Equality):
        return equation.lhs - equation.rhs
    return sympy.sympify(equation)


def implicit_derivative(equation: Expr | Eq, x: Symbol, y: Symbol, *, point=None) -> Derivation:
    """Worked dy/dx for the curve ``equation`` (an Eq, or an expression meaning F = 0).

    >>> from sympy import symbols, Eq, Rational
    >>> x, y = symbols("x y")
    >>> implicit_derivative(Eq(x**2/4 + y**2/9, 1), x, y).result
    -9*x/(4*y)
    """
    F = _as_level_function(equation)
    fx, fy = partial_step(F, x), partial_step(F, y)
    slope = sympy.cancel(-fx.after / fy.after)
    y_of_x = Function(y.name)(x)
    rule = Step(
        "implicit differentiation",
        Derivative(y_of_x, x),
        slope,
        substeps=(fx, fy),
        conditions=(Ne(fy.after, 0),),
        definitions=(Eq(Symbol("F"), F, evaluate=False),),
        note="dy/dx = -F_x / F_y",
    )
    steps = [rule]
    at = as_point(point, (x, y))
    if at:
        steps.append(at_point_step(slope, at))
    return Derivation(steps[-1].after, tuple(steps), title="implicit derivative dy/dx")
