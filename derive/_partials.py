"""Partial derivatives, gradients and Jacobians as worked derivations."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import sympy
from sympy import Derivative, Eq, Expr, ImmutableMatrix, Symbol

from ._differentiate import differentiate
from ._errors import UnsupportedInput
from ._steps import Derivation, Step

__all__ = ["partial_step", "partial_derivative", "gradient", "jacobian", "at_point_step",
           "as_point", "gradient_steps"]


def partial_step(expr: Expr, x: Symbol) -> Step:
    """The step ``d(expr)/dx = ...`` (other variables held constant): the rule step itself,
    or a "partial derivative" step over it and its tidying steps."""
    worked = differentiate(expr, x)
    if len(worked.steps) == 1:
        return worked.steps[0]
    return Step("partial derivative", Derivative(expr, x), worked.result, substeps=worked.steps)


def partial_derivative(expr: Expr, x: Symbol) -> Derivation:
    """Worked partial derivative of ``expr`` with respect to ``x``.

    >>> from sympy import symbols
    >>> x, y = symbols("x y")
    >>> partial_derivative(x**2*y + 3*y**3, y).result
    x**2 + 9*y**2
    """
    step = partial_step(expr, x)
    return Derivation(step.after, (step,), title=f"partial derivative with respect to {x}")


def as_point(point: Mapping | Sequence | None, variables: Sequence[Symbol]) -> dict:
    """A point given as a mapping or a sequence of coordinates, as ``{symbol: value}``."""
    if point is None:
        return {}
    if isinstance(point, Mapping):
        return {sympy.sympify(k): sympy.sympify(v) for k, v in point.items()}
    values = list(point)
    if len(values) != len(variables):
        raise UnsupportedInput(f"point has {len(values)} coordinates, expected {len(variables)}")
    return {v: sympy.sympify(value) for v, value in zip(variables, values)}


def _substituted(value: sympy.Basic, point: dict) -> sympy.Basic:
    """``value`` with the point's coordinates put in and nothing evaluated (2·2·1, not 4)."""
    with sympy.evaluate(False):
        return value.xreplace(point)


def at_point_step(value: sympy.Basic, point: dict) -> Step:
    """Evaluate ``value`` at ``point`` by substitution: the coordinates put in (shown
    unevaluated, with the point as 'where'), then the value.

    >>> from sympy import symbols
    >>> x, y = symbols("x y")
    >>> step = at_point_step(x**2 * y, {x: 2, y: 3})
    >>> step.rule, step.before.rhs, step.after
    ('evaluate at the point (substitute)', 3*2**2, 12)
    """
    point = {k: sympy.sympify(v) for k, v in point.items()}
    evaluated = sympy.simplify(value.subs(point)) if point else value
    definitions = tuple(Eq(k, v, evaluate=False) for k, v in point.items())
    substituted = _substituted(value, point) if point else value
    if substituted in (value, evaluated):
        return Step("evaluate at the point", value, evaluated, definitions=definitions)
    return Step("evaluate at the point (substitute)", Eq(value, substituted, evaluate=False), evaluated,
                definitions=definitions)


def _check_variables(variables: Sequence[Symbol]) -> tuple[Symbol, ...]:
    variables = tuple(variables)
    if not variables or not all(isinstance(v, (Symbol, sympy.Indexed)) for v in variables):
        raise UnsupportedInput("differentiation variables must be a non-empty list of symbols (or entries x[k])")
    return variables


def gradient_steps(expr: Expr, variables: Sequence[Symbol]) -> tuple[tuple[Step, ...], ImmutableMatrix]:
    """One partial-derivative step per variable, an assembly step, and the gradient."""
    variables = _check_variables(variables)
    partials = tuple(partial_step(expr, v) for v in variables)
    gradient_matrix = ImmutableMatrix([p.after for p in partials])
    symbolic = ImmutableMatrix([Derivative(expr, v) for v in variables])
    assemble = Step("gradient (column of partial derivatives)", symbolic, gradient_matrix)
    return (*partials, assemble), gradient_matrix


def gradient(expr: Expr, variables: Sequence[Symbol], *, point=None) -> Derivation:
    """Worked gradient of a scalar ``expr``, optionally evaluated at ``point``.

    >>> from sympy import symbols
    >>> x, y = symbols("x y")
    >>> gradient(x**2*y + y**3, [x, y], point=(2, 1)).result
    Matrix([
    [4],
    [7]])
    """
    steps, result = gradient_steps(expr, variables)
    at = as_point(point, variables)
    if at:
        evaluate = at_point_step(result, at)
        steps, result = (*steps, evaluate), evaluate.after
    return Derivation(result, steps, title="gradient", statement=expr)


def jacobian(functions: Sequence[Expr] | sympy.MatrixBase, variables: Sequence[Symbol], *, point=None) -> Derivation:
    """Worked Jacobian: row i holds the partial derivatives of component i.

    >>> from sympy import symbols
    >>> x, y = symbols("x y")
    >>> jacobian([x*y, x + y], [x, y]).result
    Matrix([
    [y, x],
    [1, 1]])
    """
    variables = _check_variables(variables)
    components = list(functions)
    rows = []
    steps = []
    for index, component in enumerate(components, start=1):
        partials = tuple(partial_step(component, v) for v in variables)
        row = ImmutableMatrix([[p.after for p in partials]])
        steps.append(Step(f"row {index}: gradient of component {index}",
                          ImmutableMatrix([[Derivative(component, v) for v in variables]]), row,
                          substeps=partials))
        rows.append(list(row))
    result = ImmutableMatrix(rows)
    steps.append(Step("Jacobian (stack the rows)",
                      ImmutableMatrix([[Derivative(c, v) for v in variables] for c in components]),
                      result))
    at = as_point(point, variables)
    if at:
        evaluate = at_point_step(result, at)
        steps.append(evaluate)
        result = evaluate.after
    return Derivation(result, tuple(steps), title="Jacobian")
