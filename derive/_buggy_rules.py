"""Buggy rules: what the classic misuse of each rule a derivative applied would give.

The rule tree of ``d(expr)/dx`` (:func:`derive._diff_finder.find_rule`) is replayed with one
rule misapplied, in the style of sympy's ``integrals/manualintegrate.py``: one small class per
misuse, its formula in the docstring. A misuse either replaces one node of the tree by a
wrong value (the parents recompute from it, so a chain rule forgotten deep inside a product
still propagates to the whole answer) or replaces the whole answer. Each gives a
:class:`BuggyResult` with a message naming the rule and the factor or term involved, never
the right answer. Candidates equal to the right derivative, and duplicates, are dropped.

>>> from sympy import Symbol, exp, sin
>>> x = Symbol("x")
>>> for wrong in buggy_derivatives(exp(sin(x**2)), x)[::2]:
...     print(wrong.kind.value, wrong.expression, "|", wrong.message)
chain-rule exp(sin(x**2)) | Revisit the chain rule: the derivative of the inner function sin(x²) is missing.
chain-rule exp(sin(x**2))*cos(x**2) | Revisit the chain rule: the derivative of the inner function x² is missing.
missing-factor 2*exp(sin(x**2))*cos(x**2) | Revisit the power rule: differentiating x² leaves the factor x; it is missing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, fields, replace
from typing import ClassVar

import sympy
from sympy import Derivative, Expr, Mul, Sum, Symbol
from sympy.core.function import AppliedUndef

from ._diff_finder import InnerNames, find_rule
from ._diff_rules import ChainRule, DiffRule, NoRule, PowerRule, ProductRule, QuotientRule
from ._mistakes import BuggyResult, Mistake
from ._notation import notation_in_effect, printed_in
from ._render._unicode import unicode_text
from ._same_value import Fingerprint, agree, fingerprint, proportional, same_value
from ._steps import Derivation

__all__ = ["buggy_derivatives", "buggy_results", "BUGGY_RULES", "Within"]

Within = Callable[[Callable[[], Expr]], "Expr | None"]
"""Runs a computation under a cap and returns its value, or None when it did not finish."""


def _words(expr: sympy.Basic) -> str:
    """An expression as a student reads it in a sentence: ``x²``, ``sin(x²)``."""
    return unicode_text(expr, notation_in_effect())


@dataclass(frozen=True)
class _Given(DiffRule):
    """A node whose (wrong) derivative is given: what a misuse computed there."""

    value: Expr = sympy.S.Zero
    name: ClassVar[str] = "misapplied rule"

    def _compute(self) -> Expr:
        return self.value


def _children(rule: DiffRule) -> Iterator[DiffRule]:
    yield from (part for part in rule.parts() if part is not None)


def _map_children(rule: DiffRule, change: Callable[[DiffRule], DiffRule]) -> DiffRule:
    """``rule`` with ``change`` applied to each sub-rule (the same object when nothing changed)."""
    updates = {}
    for item in fields(rule):
        value = getattr(rule, item.name)
        if isinstance(value, DiffRule):
            new = change(value)
            if new is not value:
                updates[item.name] = new
        elif isinstance(value, tuple) and value and all(isinstance(v, DiffRule) for v in value):
            new_tuple = tuple(change(v) for v in value)
            if any(n is not o for n, o in zip(new_tuple, value)):
                updates[item.name] = new_tuple
    return replace(rule, **updates) if updates else rule


def _with_node(root: DiffRule, target: DiffRule, replacement: DiffRule) -> DiffRule:
    """The tree ``root`` with the node ``target`` (by identity) replaced."""
    if root is target:
        return replacement
    return _map_children(root, lambda child: _with_node(child, target, replacement))


def _walk(rule: DiffRule) -> Iterator[DiffRule]:
    yield rule
    for child in _children(rule):
        yield from _walk(child)


def _undefined_as_chain(rule: DiffRule, names: InnerNames) -> DiffRule:
    """The tree with each ``a(g(x))`` of an undefined function a (a "no rule" leaf) made a
    chain rule with inner function g, so its misuses can be named too."""
    expr = rule.expr
    if isinstance(rule, NoRule) and isinstance(expr, AppliedUndef) and len(expr.args) == 1 \
            and expr.args[0] != rule.variable:
        (inner,) = expr.args
        u = names.fresh(rule.variable if isinstance(rule.variable, Symbol) else Symbol("x"))
        inner_rule = _undefined_as_chain(find_rule(inner, rule.variable, names), names)
        return ChainRule(expr, rule.variable, inner, u, NoRule(expr.func(u), u), inner_rule)
    return _map_children(rule, lambda child: _undefined_as_chain(child, names))


@dataclass(frozen=True)
class _Misuse:
    """One buggy rule: for a node of the tree, the wrong values it gives (with a message)."""

    kind: ClassVar[Mistake]
    rule: ClassVar[str]
    replaces_answer: ClassVar[bool] = False  # True: the value is the whole answer, not the node's

    def wrong(self, node: DiffRule, variable) -> Iterator[tuple[Expr, str]]:  # pragma: no cover - overridden
        raise NotImplementedError


class ChainWithoutInner(_Misuse):
    """Chain rule without the inner derivative: f(g(x))' taken as f'(g(x)) (g' set to 1)."""

    kind = Mistake.CHAIN_RULE
    rule = "chain rule"

    def wrong(self, node, variable):
        if isinstance(node, ChainRule):
            outer = node.outer_rule.result.subs(node.inner_name, node.inner)
            yield outer, (f"Revisit the chain rule: the derivative of the inner function {_words(node.inner)} "
                          "is missing.")


class ChainOnlyInner(_Misuse):
    """Chain rule with only the inner derivative: the answer is g'(x) alone, for some f(g(x))
    of the expression (what contains g was not differentiated)."""

    kind = Mistake.CHAIN_RULE
    rule = "chain rule"
    replaces_answer = True

    def wrong(self, node, variable):
        if isinstance(node, ChainRule) and node.variable == variable:
            yield node.inner_rule.result, (
                f"Revisit the chain rule: your answer is only the derivative of the inner function "
                f"{_words(node.inner)}; the derivative of the function applied to it is missing.")


class PowerWithoutPower(_Misuse):
    """Power rule without the lowered power: (g^n)' taken as n g' (the factor g^(n-1) missing),
    for x^n itself or a power of an inner function g."""

    kind = Mistake.MISSING_FACTOR
    rule = "power rule"

    def wrong(self, node, variable):
        if isinstance(node, PowerRule) and node.variable == variable and node.exponent != 1:
            base, exponent, inner_derivative = node.variable, node.exponent, sympy.S.One
        elif isinstance(node, ChainRule) and isinstance(node.outer_rule, PowerRule) and node.outer_rule.exponent != 1:
            base, exponent, inner_derivative = node.inner, node.outer_rule.exponent, node.inner_rule.result
        else:
            return
        yield exponent * inner_derivative, (
            f"Revisit the power rule: differentiating {_words(sympy.Pow(base, exponent, evaluate=False))} leaves "
            f"the factor {_words(base ** (exponent - 1))}; it is missing.")


class ProductOfDerivatives(_Misuse):
    """Product rule as the product of the derivatives: (u v)' taken as u' v'."""

    kind = Mistake.PRODUCT_RULE
    rule = "product rule"

    def wrong(self, node, variable):
        if isinstance(node, ProductRule):
            factors = " and ".join(_words(f) for f in node.factors)
            yield Mul(*(r.result for r in node.factor_rules)), (
                f"Revisit the product rule: the derivative of the product of {factors} is not the product "
                "of their derivatives.")


class ProductOneTerm(_Misuse):
    """Product rule with one term only: (u v)' taken as u' v (or u v'), the term where the other
    factor is differentiated missing."""

    kind = Mistake.PRODUCT_RULE
    rule = "product rule"

    def wrong(self, node, variable):
        if not isinstance(node, ProductRule):
            return
        for index, (factor, rule) in enumerate(zip(node.factors, node.factor_rules)):
            others = node.factors[:index] + node.factors[index + 1:]
            missing = ", ".join(_words(f) for f in others)
            yield Mul(rule.result, *others), (
                f"Revisit the product rule: your answer has the term where {_words(factor)} is differentiated, "
                f"but the term where {missing} is differentiated is missing.")


class QuotientOfDerivatives(_Misuse):
    """Quotient rule as the quotient of the derivatives: (u / v)' taken as u' / v'."""

    kind = Mistake.QUOTIENT_RULE
    rule = "quotient rule"

    def wrong(self, node, variable):
        if isinstance(node, QuotientRule) and node.denominator_rule.result != 0:
            yield node.numerator_rule.result / node.denominator_rule.result, (
                f"Revisit the quotient rule: the derivative of a quotient with denominator "
                f"{_words(node.denominator)} is not the quotient of the derivatives.")


class QuotientSignFlipped(_Misuse):
    """Quotient rule with the numerator's terms swapped: (u / v)' taken as (u v' - u' v) / v^2."""

    kind = Mistake.QUOTIENT_RULE
    rule = "quotient rule"

    def wrong(self, node, variable):
        if isinstance(node, QuotientRule):
            f, g = node.numerator, node.denominator
            df, dg = node.numerator_rule.result, node.denominator_rule.result
            yield (f * dg - df * g) / g**2, (
                f"Revisit the quotient rule: the numerator has its two terms in the wrong order (the sign is "
                f"flipped); the term with the derivative of the numerator {_words(f)} comes first.")


BUGGY_RULES: tuple[_Misuse, ...] = (ChainWithoutInner(), ChainOnlyInner(), ProductOfDerivatives(),
                                    ProductOneTerm(), QuotientOfDerivatives(), QuotientSignFlipped(),
                                    PowerWithoutPower())
"""Every buggy rule applied to the nodes of a derivative's rule tree, in this order."""


def _rule_misuses(root: DiffRule, variable) -> Iterator[BuggyResult]:
    """Every buggy rule at every node of the tree, as the whole answer it leads to."""
    for node in _walk(root):
        for misuse in BUGGY_RULES:
            for value, message in misuse.wrong(node, variable):
                answer = value if misuse.replaces_answer else _with_node(
                    root, node, _Given(node.expr, node.variable, value)).result
                yield BuggyResult(misuse.kind, answer, misuse.rule, message, node.expr)


def _whole_misuses(expr: Expr, variable, within: Within | None) -> Iterator[BuggyResult]:
    """The function left undifferentiated, and (when ``within`` lets it finish) an antiderivative."""
    yield BuggyResult(Mistake.NOT_DIFFERENTIATED, expr, "differentiation",
                      "Your answer is the function itself: it still has to be differentiated.", expr)
    if within is None or expr.has(AppliedUndef, sympy.Indexed, Sum) or not isinstance(variable, Symbol):
        return
    antiderivative = within(lambda: sympy.integrate(expr, variable))
    if antiderivative is not None and not antiderivative.has(sympy.Integral):
        yield BuggyResult(Mistake.INTEGRATED, antiderivative, "differentiation",
                          "Your answer is an antiderivative of the function: differentiate it instead "
                          "of integrating it.", expr)


_WHOLE = frozenset({Mistake.NOT_DIFFERENTIATED, Mistake.INTEGRATED})


def _distinct(candidates: Iterator[BuggyResult], right: Expr) -> tuple[BuggyResult, ...]:
    """The candidates that differ from the right result and from every earlier candidate. The
    function or its antiderivative is dropped when it is a constant multiple of the right result
    (``sin`` for ``cos' = -sin`` is a sign slip as much as an antiderivative: say less)."""
    seen: list[tuple[Expr, Fingerprint]] = [(right, fingerprint(right))]
    kept: list[BuggyResult] = []
    for candidate in candidates:
        value = fingerprint(candidate.expression)
        if any(candidate.expression == expr or agree(value, known) for expr, known in seen):
            continue
        if candidate.kind in _WHOLE and proportional(candidate.expression, right):
            continue
        seen.append((candidate.expression, value))
        kept.append(candidate)
    return tuple(kept)


def _summed(result: BuggyResult, limits: tuple) -> BuggyResult:
    return replace(result, expression=Sum(result.expression, *limits))


def buggy_derivatives(expr: Expr, variable, *, within: Within | None = None) -> tuple[BuggyResult, ...]:
    """The wrong results of ``d(expr)/d(variable)`` that the classic misuses of its rules give:
    chain rule (each composition), product rule, quotient rule, the function not differentiated
    and, when ``within`` is given (it runs ``sympy.integrate`` under a cap), an antiderivative.
    A sum ``Sum(f, (i, 1, n))`` with limits free of the variable gets its term's misuses, summed.

    >>> from sympy import Symbol, sin
    >>> x = Symbol("x")
    >>> [(b.kind.value, b.expression) for b in buggy_derivatives(x**2 * sin(x), x)]  # doctest: +NORMALIZE_WHITESPACE
    [('product-rule', 2*x*cos(x)), ('product-rule', 2*x*sin(x)), ('product-rule', x**2*cos(x)),
     ('missing-factor', x**2*cos(x) + 2*sin(x)), ('not-differentiated', x**2*sin(x))]
    """
    if isinstance(expr, Sum) and not any(limit.has(variable) for limit in expr.limits):
        return tuple(_summed(b, expr.limits) for b in buggy_derivatives(expr.function, variable, within=within))
    names = InnerNames(expr)
    root = _undefined_as_chain(find_rule(expr, variable, names), names)
    candidates = (*_rule_misuses(root, variable), *_whole_misuses(expr, variable, within))
    return _distinct(iter(candidates), root.result)


def _differentiated(derivation: Derivation) -> Derivative | None:
    """The ``Derivative(expr, x)`` a derivation computes (its statement or its first step), when
    it is a first derivative of a scalar in one variable."""
    for stated in (derivation.statement, derivation.steps[0].before if derivation.steps else None):
        if isinstance(stated, Derivative) and len(stated.variable_count) == 1 \
                and stated.variable_count[0][1] == 1 and isinstance(stated.expr, Expr) \
                and not isinstance(stated.expr, sympy.MatrixExpr) and not stated.expr.is_Matrix:
            return stated
    return None


def buggy_results(derivation: Derivation, *, within: Within | None = None) -> tuple[BuggyResult, ...]:
    """The buggy results of a derivation whose result is the first derivative of a scalar in one
    variable (else none: a critical point, a value at a point, a rewritten result).

    >>> import derive
    >>> from sympy import Symbol, cos
    >>> x = Symbol("x")
    >>> [b.message for b in buggy_results(derive.differentiate(cos(x), x))]
    ['Your answer is the function itself: it still has to be differentiated.']
    """
    stated = _differentiated(derivation)
    if stated is None or not isinstance(derivation.result, Expr):
        return ()
    if not same_value(derivation.result, find_rule(stated.expr, stated.variables[0]).result):
        return ()
    with printed_in(derivation.notation):  # the messages write functions as the problem does: a'[u]
        return buggy_derivatives(stated.expr, stated.variables[0], within=within)
