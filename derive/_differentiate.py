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
        before=Derivative(rule.expr, rule.variable),
        after=rule.result,
        substeps=tuple(rule_to_step(part) for part in rule.parts()),
        conditions=rule.conditions(),
        definitions=rule.definitions(),
    )


def _check_input(expr: Expr, x: Symbol) -> None:
    if not isinstance(x, Symbol):
        raise UnsupportedInput(f"can only differentiate with respect to a symbol, not {x!r}")
    if not isinstance(expr, Expr) or isinstance(expr, sympy.MatrixExpr):
        raise UnsupportedInput(f"expected a scalar sympy expression, got {type(expr).__name__}")


def derivative_steps(expr: Expr, x: Symbol) -> tuple[Step, Expr]:
    """The rule step for d(expr)/dx and the derivative it computes."""
    _check_input(expr, x)
    rule = find_rule(expr, x)
    return rule_to_step(rule), rule.result


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
    step, result = derivative_steps(expr, x)
    steps = (step,) + tidy_steps(result, expr) if tidy else (step,)
    final = steps[-1].after
    return Derivation(final, steps, title="derivative", statement=Derivative(expr, x))
