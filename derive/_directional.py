"""Directional derivatives and the directions of fastest, slowest and zero change."""

from __future__ import annotations

from collections.abc import Sequence

import sympy
from sympy import Expr, ImmutableMatrix, Symbol

from ._errors import DerivationError
from ._partials import as_point, at_point_step, gradient_steps
from ._steps import Derivation, Step

__all__ = ["directional_derivative", "steepest_directions"]


def _gradient_at(expr: Expr, variables: Sequence[Symbol], point) -> tuple[list[Step], ImmutableMatrix]:
    steps, grad = gradient_steps(expr, variables)
    steps = [Step("gradient", grad, grad, substeps=steps)]
    at = as_point(point, variables)
    if at:
        steps.append(at_point_step(grad, at))
        grad = steps[-1].after
    return steps, grad


def _unit(vector: ImmutableMatrix) -> tuple[ImmutableMatrix, Step | None]:
    norm = sympy.sqrt(sum(c**2 for c in vector))
    if norm == 1:
        return vector, None
    if norm == 0:
        raise DerivationError("the direction must be a nonzero vector")
    unit = ImmutableMatrix(vector / norm).applyfunc(sympy.radsimp)
    return unit, Step("normalise the direction", vector, unit, note="v / |v|")


def directional_derivative(expr: Expr, variables: Sequence[Symbol], direction, *, point=None) -> Derivation:
    """Worked D_v f = grad(f)^T v (v normalised to a unit vector first).

    >>> from sympy import symbols, sqrt
    >>> x, y = symbols("x y")
    >>> directional_derivative(x**2 + 4*y**2, [x, y], [1, 1], point=(1, 1)).result
    5*sqrt(2)
    """
    steps, grad = _gradient_at(expr, variables, point)
    unit, normalise = _unit(ImmutableMatrix(list(direction)))
    if normalise:
        steps.append(normalise)
    value = sympy.radsimp(sympy.simplify((grad.T * unit)[0, 0]))
    product = sympy.MatMul(grad.T, unit, evaluate=False)
    steps.append(Step("directional derivative", product, value, note="D_v f = grad(f)·v"))
    return Derivation(value, tuple(steps), title="directional derivative")


def _zero_directions(grad: ImmutableMatrix) -> tuple[ImmutableMatrix, ...]:
    """Unit vectors orthogonal to the gradient (a basis of its orthogonal complement)."""
    basis = grad.T.nullspace()
    return tuple(_unit(ImmutableMatrix(b))[0] for b in basis)


def steepest_directions(expr: Expr, variables: Sequence[Symbol], *, point=None) -> Derivation:
    """Worked extremes of D_v f over unit v: max |grad f| along grad f/|grad f|, min
    -|grad f| along the opposite direction, zero along directions orthogonal to grad f.

    The result is ``Tuple(max rate, unit direction of max)``.

    >>> from sympy import symbols
    >>> x, y = symbols("x y")
    >>> steepest_directions(x**2 + 4*y**2, [x, y], point=(1, 1)).result
    (2*sqrt(17), Matrix([
    [  sqrt(17)/17],
    [4*sqrt(17)/17]]))
    """
    steps, grad = _gradient_at(expr, variables, point)
    norm = sympy.sqrt(sum(c**2 for c in grad))
    if norm == 0:
        steps.append(Step("zero gradient", grad, grad, note="D_v f = 0 in every direction"))
        return Derivation(sympy.Tuple(0, grad), tuple(steps), title="steepest directions")
    best = ImmutableMatrix(grad / norm).applyfunc(sympy.radsimp)
    norm = sympy.radsimp(norm)
    v_star, v_zero = Symbol("v^*"), Symbol("v_0")
    components = sympy.sqrt(sum(sympy.UnevaluatedExpr(c) ** 2 for c in grad))
    steps.append(Step("maximum rate of increase = |grad f|", components, norm,
                      note="Cauchy-Schwarz: grad(f)·v <= |grad f| |v|"))
    steps.append(Step("direction of steepest ascent",
                      sympy.Eq(v_star, sympy.MatMul(1 / norm, grad, evaluate=False), evaluate=False), best))
    steps.append(Step("minimum rate (opposite direction)", -norm, -norm))
    for zero in _zero_directions(grad):
        steps.append(Step("direction of zero change (orthogonal to the gradient)",
                          sympy.Eq(v_zero, zero, evaluate=False), zero, note="tangent to the level set"))
    return Derivation(sympy.Tuple(norm, best), tuple(steps), title="steepest directions")
