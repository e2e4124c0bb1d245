"""Second derivatives: Hessians and mixed partials, with the Clairaut (Schwarz) check."""

from __future__ import annotations

from collections.abc import Sequence

import sympy
from sympy import Derivative, Expr, ImmutableMatrix, Symbol

from ._partials import as_point, at_point_step, gradient_steps, partial_step
from ._steps import Derivation, Step

__all__ = ["hessian", "mixed_partial", "clairaut_step"]


def _agree(a: Expr, b: Expr) -> bool:
    return a == b or sympy.simplify(a - b) == 0


def _successive_partials(expr: Expr, order: Sequence[Symbol]) -> tuple[tuple[Step, ...], Expr]:
    """Differentiate ``expr`` by each variable of ``order`` in turn, one step each."""
    steps = []
    current = expr
    for variable in order:
        step = partial_step(current, variable)
        steps.append(step)
        current = step.after
    return tuple(steps), current


def clairaut_step(expr: Expr, first: Symbol, second: Symbol) -> Step:
    """Compute f_(first, second) both ways round and state whether they agree."""
    forward_steps, forward = _successive_partials(expr, (first, second))
    backward_steps, backward = _successive_partials(expr, (second, first))
    agree = _agree(forward, backward)
    note = "mixed partials agree (Clairaut/Schwarz)" if agree else "mixed partials differ: Clairaut's hypotheses fail"
    return Step(
        "Clairaut check",
        sympy.Eq(Derivative(expr, first, second), Derivative(expr, second, first), evaluate=False),
        forward,
        substeps=forward_steps + backward_steps,
        note=note,
    )


def hessian(expr: Expr, variables: Sequence[Symbol], *, point=None) -> Derivation:
    """Worked Hessian: first partials, second partials, mixed partials checked both ways.

    >>> from sympy import symbols
    >>> x, y = symbols("x y")
    >>> hessian(x**3*y + y**2, [x, y]).result
    Matrix([
    [ 6*x*y, 3*x**2],
    [3*x**2,      2]])
    """
    variables = tuple(variables)
    first_steps, gradient_matrix = gradient_steps(expr, variables)
    entries = [[None] * len(variables) for _ in variables]
    second_steps = []
    for i, xi in enumerate(variables):
        step = partial_step(gradient_matrix[i], xi)
        second_steps.append(step)
        entries[i][i] = step.after
        for j in range(i + 1, len(variables)):
            check = clairaut_step(expr, xi, variables[j])
            second_steps.append(check)
            entries[i][j] = entries[j][i] = check.after
    result = ImmutableMatrix(entries)
    symbolic = ImmutableMatrix([[Derivative(expr, a, b) for b in variables] for a in variables])
    steps = [
        Step("first partial derivatives", gradient_matrix, gradient_matrix, substeps=first_steps),
        Step("second partial derivatives", symbolic, result, substeps=tuple(second_steps)),
    ]
    at = as_point(point, variables)
    if at:
        steps.append(at_point_step(result, at))
        result = steps[-1].after
    return Derivation(result, tuple(steps), title="Hessian", statement=expr)


def mixed_partial(expr: Expr, order: Sequence[Symbol]) -> Derivation:
    """Worked mixed partial derivative, differentiating in the given ``order``.

    For two distinct variables a Clairaut check (the other order) is added as a step.

    >>> from sympy import symbols, exp
    >>> x, y = symbols("x y")
    >>> mixed_partial(x**2*exp(y), [x, y]).result
    2*x*exp(y)
    """
    order = tuple(order)
    steps, result = _successive_partials(expr, order)
    if len(order) == 2 and order[0] != order[1]:
        steps = (*steps, clairaut_step(expr, *order))
    return Derivation(result, steps, title="mixed partial", statement=expr)
