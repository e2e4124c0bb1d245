"""Optional final steps that tidy a result: simplification and course vocabulary.

Each rewrite is returned as a step, so nothing changes the result silently.
"""

from __future__ import annotations

import sympy
from sympy import Expr, exp

from ._det_trace import constant_sums_step
from ._functions import sigmoid
from ._steps import Step

__all__ = ["tidy_steps", "logistic_arguments", "rewrite_with_sigmoid"]

_MAX_OPS_TO_SIMPLIFY = 40


def logistic_arguments(expr: Expr) -> tuple[Expr, ...]:
    """Every u for which ``expr`` contains the logistic pattern 1 / (1 + e^(-u))."""
    found = []
    for node in sympy.preorder_traversal(expr):
        if node.is_Pow and node.exp == -1 and node.base.is_Add and len(node.base.args) == 2:
            one, other = sorted(node.base.args, key=lambda a: a != 1)
            if one == 1 and isinstance(other, exp):
                found.append(-other.args[0])
    return tuple(dict.fromkeys(found))


def _positive_leading_factor(expr: Expr) -> Expr:
    """Write -c (a - 1) ... as c (1 - a) ...: move a minus sign into one factor."""
    if not expr.is_Mul:
        return expr
    coefficient, factors = expr.as_coeff_mul()
    for index, factor in enumerate(factors):
        if coefficient.is_negative and factor.is_Add and factor.as_coeff_Add()[0].is_negative:
            flipped = (*factors[:index], -factor, *factors[index + 1:])
            return sympy.Mul(-coefficient, *flipped)
    return expr


def _sigmoid_form(expr: Expr, u: Expr) -> Expr:
    s = sigmoid(u)
    replaced = expr.subs({exp(-u): (1 - s) / s, exp(u): s / (1 - s)})
    return _positive_leading_factor(sympy.factor(sympy.cancel(replaced)))


def rewrite_with_sigmoid(result: Expr, original: Expr) -> Expr:
    """Rewrite e^(+-u) in ``result`` through sigma(u) when ``original`` is written with it
    and that makes the result shorter.

    >>> from sympy import Symbol, exp
    >>> x = Symbol("x")
    >>> f = 1 / (1 + exp(-x))
    >>> rewrite_with_sigmoid(f.diff(x), f)
    (1 - sigmoid(x))*sigmoid(x)
    """
    rewritten = result
    for u in logistic_arguments(original):
        rewritten = _sigmoid_form(rewritten, u)
    return rewritten if sympy.count_ops(rewritten) < sympy.count_ops(result) else result


def _simplified(result: Expr) -> Expr:
    """A shorter equal form by algebra only (no rewriting of functions), or ``result``."""
    if sympy.count_ops(result) > _MAX_OPS_TO_SIMPLIFY:
        return result
    if result.is_polynomial():
        candidates = (sympy.expand(result),)
    else:
        candidates = (sympy.cancel(result), sympy.factor(result), sympy.factor_terms(result))
    best = min(candidates, key=sympy.count_ops)
    return best if sympy.count_ops(best) < sympy.count_ops(result) else result


def tidy_steps(result: Expr, original: Expr) -> tuple[Step, ...]:
    """Steps (possibly none) evaluating sums of a constant (Σ_{i=1}^{I} 1 = I), then putting
    ``result`` in course vocabulary, else simplifying it."""
    steps = []
    constant = constant_sums_step(result)
    if constant is not None:
        steps.append(constant)
        result = constant.after
    vocabulary = rewrite_with_sigmoid(result, original)
    if vocabulary != result:
        steps.append(Step("course vocabulary", result, vocabulary,
                          note="sigma(u) = 1/(1 + e^(-u))"))
        return tuple(steps)
    simplified = _simplified(result)
    if simplified != result:
        steps.append(Step("simplify", result, simplified))
    return tuple(steps)
