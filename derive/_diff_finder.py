"""Choose the differentiation rule for an expression, recursively (the rule finder).

The exercise's own structure is kept: a product with factors raised to negative powers is
presented as a quotient (sympy stores f/g as f*g**-1), e^(-x) stays a product factor, and
nothing is expanded or normalised before the rules are chosen.
"""

from __future__ import annotations

from collections.abc import Iterator

from sympy import Expr, Indexed, Mul, Pow, Sum, Symbol, log
from sympy.core.function import AppliedUndef

from ._diff_rules import (
    KNOWN_FUNCTION_RULES,
    ChainRule,
    ConstantMultipleRule,
    ConstantRule,
    DiffRule,
    ExponentialRule,
    FiniteSumRule,
    IdentityRule,
    IndexedRule,
    LogarithmicDifferentiationRule,
    NoRule,
    PowerRule,
    ProductRule,
    QuotientRule,
    SumRule,
    UnknownFunctionRule,
)

__all__ = ["find_rule", "InnerNames", "depends_on"]

_PREFERRED_NAMES = ("u", "v", "w", "t", "s", "r", "q")


class InnerNames:
    """Fresh names for chain-rule inner functions: u, v, w, ... avoiding names in use."""

    def __init__(self, expr: Expr) -> None:
        taken = {s.name for s in expr.free_symbols}
        self._names: Iterator[str] = (
            name for name in self._candidates() if name not in taken
        )

    @staticmethod
    def _candidates() -> Iterator[str]:
        yield from _PREFERRED_NAMES
        index = 1
        while True:
            yield f"u_{index}"
            index += 1

    def fresh(self, like: Symbol) -> Symbol:
        """A new symbol with the assumptions of ``like`` (so real stays real)."""
        return Symbol(next(self._names), **like.assumptions0)


def _may_coincide(a: Indexed, b: Indexed) -> bool:
    """Whether the entries a and b can be the same entry (same base, indices not provably
    different): x[i] and x[k] can, x[1] and x[2] cannot."""
    if a.base != b.base or len(a.indices) != len(b.indices):
        return False
    return not any((p - q).is_zero is False for p, q in zip(a.indices, b.indices))


def depends_on(expr: Expr, x) -> bool:
    """Whether ``expr`` depends on the variable ``x``. For an entry x = v[k] of an IndexedBase,
    v[i] depends on it unless i != k is provable (d v[i]/d v[k] = KroneckerDelta(i, k))."""
    if isinstance(x, Indexed):
        return expr.has(x) or any(_may_coincide(a, x) for a in expr.atoms(Indexed))
    return expr.has(x)


def find_rule(expr: Expr, x: Symbol, names: InnerNames | None = None) -> DiffRule:
    """The rule tree differentiating ``expr`` with respect to ``x``.

    >>> from sympy import Symbol, sin
    >>> x = Symbol("x")
    >>> rule = find_rule(sin(x**2), x)
    >>> rule.name, rule.inner, rule.result
    ('chain rule', x**2, 2*x*cos(x**2))
    """
    names = names or InnerNames(expr)
    if not depends_on(expr, x):
        return ConstantRule(expr, x)
    if expr == x:
        return IdentityRule(expr, x)
    if isinstance(expr, Indexed) and isinstance(x, Indexed):
        return IndexedRule(expr, x)
    if isinstance(expr, Sum) and not any(depends_on(limit, x) for limit in expr.limits):
        return FiniteSumRule(expr, x, find_rule(expr.function, x, names))
    if expr.is_Add:
        return SumRule(expr, x, tuple(find_rule(term, x, names) for term in expr.args))
    if expr.is_Mul:
        return _product_rule(expr, x, names)
    if expr.is_Pow:
        return _power_rule(expr, x, names)
    if expr.func in KNOWN_FUNCTION_RULES and len(expr.args) == 1:
        return _function_rule(expr, x, names)
    if isinstance(expr, AppliedUndef) and len(expr.args) == 1:
        return _unknown_function_rule(expr, x, names)
    return NoRule(expr, x)


def _chain(expr: Expr, x: Symbol, inner: Expr, outer_of, names: InnerNames) -> DiffRule:
    """Chain rule for ``outer_of(inner)``; ``outer_of(u)`` builds the outer function."""
    u = names.fresh(x)
    outer_rule = find_rule(outer_of(u), u, names)
    return ChainRule(expr, x, inner, u, outer_rule, find_rule(inner, x, names))


def _function_rule(expr: Expr, x: Symbol, names: InnerNames) -> DiffRule:
    (argument,) = expr.args
    if argument == x:
        return KNOWN_FUNCTION_RULES[expr.func](expr, x)
    return _chain(expr, x, argument, expr.func, names)


def _unknown_function_rule(expr: AppliedUndef, x: Symbol, names: InnerNames) -> DiffRule:
    """a(x) gives a'(x); a(g(x)) the chain rule a'(g) g' (a an unknown function, as the
    activation a[.] of a network)."""
    (argument,) = expr.args
    if argument == x:
        return UnknownFunctionRule(expr, x)
    return _chain(expr, x, argument, expr.func, names)


def _power_rule(expr: Pow, x: Symbol, names: InnerNames) -> DiffRule:
    base, exponent = expr.args
    if not depends_on(exponent, x):
        if base == x:
            return PowerRule(expr, x, exponent)
        return _chain(expr, x, base, lambda u: u**exponent, names)
    if not depends_on(base, x):
        if exponent == x:
            return ExponentialRule(expr, x)
        return _chain(expr, x, exponent, lambda u: base**u, names)
    log_form = exponent * log(base)
    return LogarithmicDifferentiationRule(expr, x, log_form, find_rule(log_form, x, names))


def _is_denominator(factor: Expr) -> bool:
    """A factor written below the fraction bar: g**(-k) with k a positive number."""
    return factor.is_Pow and factor.exp.is_Number and factor.exp.is_negative


def _product_rule(expr: Mul, x: Symbol, names: InnerNames) -> DiffRule:
    constants = [f for f in expr.args if not depends_on(f, x)]
    varying = [f for f in expr.args if depends_on(f, x)]
    if constants:
        rest = Mul(*varying)
        return ConstantMultipleRule(expr, x, Mul(*constants), find_rule(rest, x, names))
    if len(varying) == 1:
        return find_rule(varying[0], x, names)
    below = [f for f in varying if _is_denominator(f)]
    above = [f for f in varying if not _is_denominator(f)]
    if below:
        numerator = Mul(*above)
        denominator = Mul(*(f.base ** (-f.exp) for f in below))
        return QuotientRule(
            expr, x, numerator, denominator,
            find_rule(numerator, x, names), find_rule(denominator, x, names),
        )
    rules = tuple(find_rule(f, x, names) for f in varying)
    return ProductRule(expr, x, tuple(varying), rules)
