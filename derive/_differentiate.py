"""Worked single-variable derivatives: the rule tree turned into steps."""

from __future__ import annotations

import sympy
from sympy import Derivative, Expr, Symbol

from ._diff_finder import find_rule
from ._diff_rules import DiffRule
from ._errors import UnsupportedInput
from ._steps import Derivation, Step
from ._tidy import tidy_steps

__all__ = ["differentiate", "derivative_steps", "rule_to_step"]


def rule_to_step(rule: DiffRule) -> Step:
    """The step (with substeps) that a rule tree describes."""
    return Step(
        rule=rule.name,
        before=rule.statement(),
        after=rule.result,
        substeps=tuple(rule_to_step(part) for part in rule.parts()),
        conditions=rule.conditions(),
        definitions=rule.definitions(),
    )


def _check_input(expr: Expr, x: Symbol) -> None:
    if not isinstance(x, (Symbol, sympy.Indexed)):
        raise UnsupportedInput(f"can only differentiate with respect to a symbol or an entry x[k], not {x!r}")
    if not isinstance(expr, Expr) or isinstance(expr, sympy.MatrixExpr):
        raise UnsupportedInput(f"expected a scalar sympy expression, got {type(expr).__name__}")


def derivative_steps(expr: Expr, x: Symbol) -> tuple[Step, Expr]:
    """The rule step for d(expr)/dx and the derivative it computes."""
    _check_input(expr, x)
    rule = find_rule(expr, x)
    return rule_to_step(rule), rule.result


def _entrywise(matrix, x, tidy: bool) -> Derivation:
    """d(matrix)/dx entry by entry, for a matrix of explicit shape."""
    if isinstance(matrix, sympy.MatrixExpr):
        if not all(dimension.is_Integer for dimension in matrix.shape):
            raise UnsupportedInput(
                f"derivative of the matrix expression {matrix} (symbolic shape {matrix.shape}) with respect to "
                f"the scalar {x}: not supported; give a matrix of explicit shape, or use matrix_gradient")
        matrix = matrix.as_explicit()
    entries = [[differentiate(matrix[i, j], x, tidy=tidy) for j in range(matrix.cols)] for i in range(matrix.rows)]
    result = sympy.ImmutableMatrix([[d.result for d in row] for row in entries])
    substeps = tuple(
        Step(f"entry ({i + 1}, {j + 1})", Derivative(matrix[i, j], x), d.result, substeps=d.steps)
        for i, row in enumerate(entries) for j, d in enumerate(row) if matrix[i, j].has(x))
    step = Step("entrywise derivative", Derivative(sympy.ImmutableMatrix(matrix), x), result, substeps=substeps,
                note="d/dx of a matrix: differentiate every entry")
    return Derivation(result, (step,), title="derivative", statement=Derivative(sympy.ImmutableMatrix(matrix), x))


def differentiate(expr: Expr, x: Symbol, *, tidy: bool = True) -> Derivation:
    """Worked derivative of ``expr`` with respect to ``x``, one rule per step.

    With ``tidy`` a final step may simplify the result or rewrite it in course vocabulary
    (sigma(1 - sigma)); it is shown as a step, never applied silently.

    >>> from sympy import Symbol, exp, sin
    >>> x = Symbol("x")
    >>> d = differentiate(exp(sin(x**2)), x)
    >>> d.result
    2*x*exp(sin(x**2))*cos(x**2)
    >>> d.rules[:3]
    ('chain rule', 'exp rule', 'chain rule')
    """
    if isinstance(expr, (sympy.MatrixBase, sympy.MatrixExpr)):
        return _entrywise(expr, x, tidy)
    step, result = derivative_steps(expr, x)
    steps = (step, *tidy_steps(result, expr)) if tidy else (step,)
    final = steps[-1].after
    return Derivation(final, steps, title="derivative", statement=Derivative(expr, x))
