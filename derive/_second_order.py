"""Second derivatives: Hessians and mixed partials, with the Clairaut (Schwarz) check."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import sympy
from sympy import Derivative, Expr, ImmutableMatrix, Symbol

from ._partials import as_point, at_point_step, gradient_steps, partial_step
from ._steps import Derivation, Step

__all__ = ["hessian", "mixed_partial", "clairaut_step"]


def _agree(a: Expr, b: Expr) -> bool:
    return a == b or sympy.simplify(a - b) == 0


Worked = Mapping[tuple[Expr, Symbol], Expr]
"""Partial derivatives a derivation has already shown: (expression, variable) -> value."""


def _successive_partials(expr: Expr, order: Sequence[Symbol], worked: Worked | None = None
                         ) -> tuple[tuple[Step, ...], Expr, int]:
    """Differentiate ``expr`` by each variable of ``order`` in turn: one step for each partial
    not in ``worked`` (those are used, not recomputed); also how many were used."""
    worked = worked or {}
    steps, used = [], 0
    current = expr
    for variable in order:
        if (current, variable) in worked:
            current, used = worked[current, variable], used + 1
            continue
        step = partial_step(current, variable)
        steps.append(step)
        current = step.after
    return tuple(steps), current, used


def clairaut_step(expr: Expr, first: Symbol, second: Symbol, worked: Worked | None = None) -> Step:
    """Compute f_(first, second) both ways round and state whether they agree; the partials in
    ``worked`` (shown earlier in the derivation) are referred to, not worked again.

    >>> from sympy import symbols
    >>> x, y = symbols("x y")
    >>> f = x**2 * y
    >>> check = clairaut_step(f, x, y, worked={(f, x): 2*x*y, (f, y): x**2})
    >>> [step.before for step in check.substeps], check.note
    ([Derivative(2*x*y, y), Derivative(x**2, x)], 'mixed partials agree (Clairaut/Schwarz); using the first partials above')
    """
    forward_steps, forward, forward_used = _successive_partials(expr, (first, second), worked)
    backward_steps, backward, backward_used = _successive_partials(expr, (second, first), worked)
    agree = _agree(forward, backward)
    note = "mixed partials agree (Clairaut/Schwarz)" if agree else "mixed partials differ: Clairaut's hypotheses fail"
    if forward_used == 2 or backward_used == 2:
        note += "; using the partials worked above"
    elif forward_used or backward_used:
        note += "; using the first partial" + ("s" if forward_used and backward_used else "") + " above"
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
    first_partials = {(expr, v): gradient_matrix[i] for i, v in enumerate(variables)}
    entries = [[None] * len(variables) for _ in variables]
    second_steps = []
    for i, xi in enumerate(variables):
        step = partial_step(gradient_matrix[i], xi)
        second_steps.append(step)
        entries[i][i] = step.after
        for j in range(i + 1, len(variables)):
            check = clairaut_step(expr, xi, variables[j], first_partials)
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

    For two distinct variables a Clairaut check (the other order) is added as a step; it uses
    the partials worked above instead of working them again.

    >>> from sympy import symbols, exp
    >>> x, y = symbols("x y")
    >>> mixed_partial(x**2*exp(y), [x, y]).result
    2*x*exp(y)
    """
    order = tuple(order)
    steps, result, _ = _successive_partials(expr, order)
    if len(order) == 2 and order[0] != order[1]:
        first_partial = steps[0].after
        worked = {(expr, order[0]): first_partial, (first_partial, order[1]): result}
        steps = (*steps, clairaut_step(expr, *order, worked))
    return Derivation(result, steps, title="mixed partial", statement=expr)
