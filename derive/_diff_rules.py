"""Single-variable differentiation rules, one small frozen dataclass per rule.

In the style of sympy's ``integrals/manualintegrate.py``: a rule records how ``expr`` is
differentiated with respect to ``variable`` and which rules its parts use; ``result()``
computes the derivative from the parts. Each docstring states the rule's formula.
The rule finder lives in :mod:`derive._diff_finder`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import ClassVar

import sympy
from sympy import Abs, Add, Derivative, Eq, Expr, Heaviside, Mul, Ne, Sum, Symbol, exp, log, sign

from ._functions import relu, sigmoid, softplus

__all__ = [
    "DiffRule", "ConstantRule", "IdentityRule", "IndexedRule", "SumRule", "FiniteSumRule", "ConstantMultipleRule", "PowerRule",
    "ProductRule", "QuotientRule", "ChainRule", "ExpRule", "ExponentialRule", "LogRule",
    "TrigRule", "InverseTrigRule", "HyperbolicRule", "TanhRule", "SigmoidRule", "SoftplusRule",
    "ReluRule", "AbsRule", "UnknownFunctionRule", "LogarithmicDifferentiationRule", "NoRule", "KNOWN_FUNCTION_RULES",
]


@dataclass(frozen=True)
class DiffRule:
    """How ``expr`` is differentiated with respect to ``variable``."""

    expr: Expr
    variable: Symbol
    name: ClassVar[str] = "rule"

    def parts(self) -> tuple[DiffRule, ...]:
        """The rules for the pieces this rule combines (its substeps)."""
        return ()

    def definitions(self) -> tuple[Eq, ...]:
        """Names introduced by this rule, e.g. ``Eq(u, sin(x**2))``."""
        return ()

    def conditions(self) -> tuple[sympy.Basic, ...]:
        """Side conditions under which the rule's formula holds."""
        return ()

    def statement(self) -> sympy.Basic:
        """What the step shows before its result: ``Derivative(expr, variable)``; a rule that
        rewrites first shows the chain ``Eq(Derivative(expr, variable), rewritten)``."""
        return Derivative(self.expr, self.variable)

    @cached_property
    def result(self) -> Expr:
        """The derivative d(expr)/d(variable)."""
        return self._compute()

    def _compute(self) -> Expr:  # pragma: no cover - every rule overrides
        raise NotImplementedError


@dataclass(frozen=True)
class ConstantRule(DiffRule):
    """Constant rule: d/dx c = 0 (c does not depend on x)."""

    name: ClassVar[str] = "constant rule"

    def _compute(self) -> Expr:
        return sympy.S.Zero


@dataclass(frozen=True)
class IdentityRule(DiffRule):
    """Identity rule: d/dx x = 1."""

    name: ClassVar[str] = "identity rule"

    def _compute(self) -> Expr:
        return sympy.S.One


@dataclass(frozen=True)
class IndexedRule(DiffRule):
    """Index rule: d x[i] / d x[k] = delta_ik (KroneckerDelta: 1 if i = k, else 0)."""

    name: ClassVar[str] = "index rule"

    def _compute(self) -> Expr:
        return sympy.Mul(*(sympy.KroneckerDelta(i, k) for i, k in zip(self.expr.indices, self.variable.indices)))


@dataclass(frozen=True)
class SumRule(DiffRule):
    """Sum rule: d/dx (f + g) = f' + g'."""

    terms: tuple[DiffRule, ...] = ()
    name: ClassVar[str] = "sum rule"

    def parts(self):
        return self.terms

    def _compute(self) -> Expr:
        return Add(*(term.result for term in self.terms))


@dataclass(frozen=True)
class FiniteSumRule(DiffRule):
    """Sum rule (linearity) for a finite sum whose limits do not depend on x, the index kept:
    d/dx sum_{i=a}^{b} f_i = sum_{i=a}^{b} d f_i/dx.

    >>> from sympy import IndexedBase, Symbol, Sum
    >>> phi, x, i, n = Symbol("phi"), IndexedBase("x"), Symbol("i", integer=True), Symbol("n")
    >>> summand = (phi * x[i]) ** 2
    >>> rule = FiniteSumRule(Sum(summand, (i, 1, n)), phi, PowerRule(phi**2, phi, 2))
    >>> rule.statement().rhs
    Sum(Derivative(phi**2*x[i]**2, phi), (i, 1, n))
    """

    inner: DiffRule | None = None
    name: ClassVar[str] = "sum rule (linearity)"

    def parts(self):
        return (self.inner,)

    def statement(self) -> sympy.Basic:
        termwise = Sum(Derivative(self.expr.function, self.variable), *self.expr.limits)
        return Eq(Derivative(self.expr, self.variable), termwise, evaluate=False)

    def _compute(self) -> Expr:
        return Sum(self.inner.result, *self.expr.limits)


@dataclass(frozen=True)
class ConstantMultipleRule(DiffRule):
    """Constant multiple rule: d/dx (c f) = c f'."""

    constant: Expr = sympy.S.One
    inner: DiffRule | None = None
    name: ClassVar[str] = "constant multiple rule"

    def parts(self):
        return (self.inner,)

    def _compute(self) -> Expr:
        return self.constant * self.inner.result


@dataclass(frozen=True)
class PowerRule(DiffRule):
    """Power rule: d/dx x^n = n x^(n-1) (n does not depend on x)."""

    exponent: Expr = sympy.S.One
    name: ClassVar[str] = "power rule"

    def _compute(self) -> Expr:
        return self.exponent * self.variable ** (self.exponent - 1)


@dataclass(frozen=True)
class ProductRule(DiffRule):
    """Product rule: d/dx (f g) = f' g + f g' (for n factors: sum of f_i' times the others)."""

    factors: tuple[Expr, ...] = ()
    factor_rules: tuple[DiffRule, ...] = ()
    name: ClassVar[str] = "product rule"

    def parts(self):
        return self.factor_rules

    def _compute(self) -> Expr:
        terms = []
        for index, rule in enumerate(self.factor_rules):
            others = self.factors[:index] + self.factors[index + 1 :]
            terms.append(Mul(rule.result, *others))
        return Add(*terms)


@dataclass(frozen=True)
class QuotientRule(DiffRule):
    """Quotient rule: d/dx (f / g) = (f' g - f g') / g^2."""

    numerator: Expr = sympy.S.One
    denominator: Expr = sympy.S.One
    numerator_rule: DiffRule | None = None
    denominator_rule: DiffRule | None = None
    name: ClassVar[str] = "quotient rule"

    def parts(self):
        return (self.numerator_rule, self.denominator_rule)

    def conditions(self):
        return (Ne(self.denominator, 0),)

    def _compute(self) -> Expr:
        f, g = self.numerator, self.denominator
        df, dg = self.numerator_rule.result, self.denominator_rule.result
        return (df * g - f * dg) / g**2


@dataclass(frozen=True)
class ChainRule(DiffRule):
    """Chain rule: d/dx f(u(x)) = f'(u) u'(x), with the inner function named u."""

    inner: Expr = sympy.S.Zero
    inner_name: Symbol = Symbol("u")  # noqa: RUF009 - an immutable sympy symbol
    outer_rule: DiffRule | None = None
    inner_rule: DiffRule | None = None
    name: ClassVar[str] = "chain rule"

    def parts(self):
        return (self.outer_rule, self.inner_rule)

    def definitions(self):
        return (Eq(self.inner_name, self.inner, evaluate=False),)

    def _compute(self) -> Expr:
        outer = self.outer_rule.result.subs(self.inner_name, self.inner)
        return outer * self.inner_rule.result


@dataclass(frozen=True)
class _OneFunctionRule(DiffRule):
    """A rule for f(x) with f a fixed elementary function; subclasses give f' as a table."""

    derivatives: ClassVar[dict[type, Callable[[Expr], Expr]]] = {}

    def _compute(self) -> Expr:
        return self.derivatives[self.expr.func](self.variable)


@dataclass(frozen=True)
class ExpRule(_OneFunctionRule):
    """Exponential rule: d/dx e^x = e^x."""

    name: ClassVar[str] = "exp rule"
    derivatives: ClassVar = {exp: exp}


@dataclass(frozen=True)
class ExponentialRule(DiffRule):
    """Exponential rule for a constant base: d/dx a^x = a^x ln(a)."""

    name: ClassVar[str] = "exponential rule"

    def _compute(self) -> Expr:
        return self.expr * log(self.expr.base)


@dataclass(frozen=True)
class LogRule(_OneFunctionRule):
    """Logarithm rule: d/dx ln(x) = 1/x."""

    name: ClassVar[str] = "log rule"
    derivatives: ClassVar = {log: lambda x: 1 / x}

    def conditions(self):
        return (Ne(self.variable, 0),)


@dataclass(frozen=True)
class TrigRule(_OneFunctionRule):
    """Trigonometric rules: sin' = cos, cos' = -sin, tan' = 1 + tan^2 = sec^2,
    cot' = -(1 + cot^2), sec' = sec tan, csc' = -csc cot."""

    name: ClassVar[str] = "trig rule"
    derivatives: ClassVar = {
        sympy.sin: sympy.cos,
        sympy.cos: lambda x: -sympy.sin(x),
        sympy.tan: lambda x: 1 + sympy.tan(x) ** 2,
        sympy.cot: lambda x: -1 - sympy.cot(x) ** 2,
        sympy.sec: lambda x: sympy.sec(x) * sympy.tan(x),
        sympy.csc: lambda x: -sympy.csc(x) * sympy.cot(x),
    }


@dataclass(frozen=True)
class InverseTrigRule(_OneFunctionRule):
    """Inverse trigonometric rules: asin' = 1/sqrt(1-x^2), acos' = -1/sqrt(1-x^2),
    atan' = 1/(1+x^2), acot' = -1/(1+x^2)."""

    name: ClassVar[str] = "inverse trig rule"
    derivatives: ClassVar = {
        sympy.asin: lambda x: 1 / sympy.sqrt(1 - x**2),
        sympy.acos: lambda x: -1 / sympy.sqrt(1 - x**2),
        sympy.atan: lambda x: 1 / (1 + x**2),
        sympy.acot: lambda x: -1 / (1 + x**2),
    }


@dataclass(frozen=True)
class HyperbolicRule(_OneFunctionRule):
    """Hyperbolic rules: sinh' = cosh, cosh' = sinh, coth' = 1 - coth^2,
    asinh' = 1/sqrt(x^2+1), acosh' = 1/sqrt(x^2-1), atanh' = 1/(1-x^2)."""

    name: ClassVar[str] = "hyperbolic rule"
    derivatives: ClassVar = {
        sympy.sinh: sympy.cosh,
        sympy.cosh: sympy.sinh,
        sympy.coth: lambda x: 1 - sympy.coth(x) ** 2,
        sympy.asinh: lambda x: 1 / sympy.sqrt(x**2 + 1),
        sympy.acosh: lambda x: 1 / sympy.sqrt(x**2 - 1),
        sympy.atanh: lambda x: 1 / (1 - x**2),
    }


@dataclass(frozen=True)
class TanhRule(_OneFunctionRule):
    """Tanh rule: d/dx tanh(x) = 1 - tanh(x)^2."""

    name: ClassVar[str] = "tanh rule"
    derivatives: ClassVar = {sympy.tanh: lambda x: 1 - sympy.tanh(x) ** 2}


@dataclass(frozen=True)
class SigmoidRule(_OneFunctionRule):
    """Sigmoid rule: d/dx sigma(x) = sigma(x) (1 - sigma(x))."""

    name: ClassVar[str] = "sigmoid rule"
    derivatives: ClassVar = {sigmoid: lambda x: sigmoid(x) * (1 - sigmoid(x))}


@dataclass(frozen=True)
class SoftplusRule(_OneFunctionRule):
    """Softplus rule: d/dx softplus(x) = d/dx ln(1 + e^x) = sigma(x)."""

    name: ClassVar[str] = "softplus rule"
    derivatives: ClassVar = {softplus: sigmoid}


@dataclass(frozen=True)
class ReluRule(_OneFunctionRule):
    """ReLU rule: d/dx ReLU(x) = 1[x > 0] (Heaviside(x, 0): the value 0 is used at x = 0,
    where ReLU is not differentiable)."""

    name: ClassVar[str] = "relu rule"
    derivatives: ClassVar = {relu: lambda x: Heaviside(x, 0)}


@dataclass(frozen=True)
class AbsRule(_OneFunctionRule):
    """Absolute value rule (x real): d/dx |x| = sign(x), for x != 0."""

    name: ClassVar[str] = "abs rule"
    derivatives: ClassVar = {Abs: sign}

    def conditions(self):
        return (Ne(self.variable, 0),)


@dataclass(frozen=True)
class UnknownFunctionRule(DiffRule):
    """An unknown function's derivative is written with a prime: d/du a(u) = a'(u)
    (``Derivative(a(u), u)``; at an inner function g it is a'(g), sympy's ``Subs``).

    >>> from sympy import Function, Symbol
    >>> a, u = Function("a"), Symbol("u")
    >>> UnknownFunctionRule(a(u), u).result
    Derivative(a(u), u)
    """

    name: ClassVar[str] = "unknown function"

    def _compute(self) -> Expr:
        return Derivative(self.expr, self.variable)


@dataclass(frozen=True)
class LogarithmicDifferentiationRule(DiffRule):
    """Logarithmic differentiation: for y = f^g, ln y = g ln f, so y' = f^g (g ln f)'."""

    log_form: Expr = sympy.S.Zero
    log_rule: DiffRule | None = None
    name: ClassVar[str] = "logarithmic differentiation"

    def parts(self):
        return (self.log_rule,)

    def definitions(self):
        y = Symbol("y")
        return (Eq(log(y), self.log_form, evaluate=False),)

    def conditions(self):
        return (sympy.Gt(self.expr.base, 0, evaluate=False),)

    def _compute(self) -> Expr:
        return self.expr * self.log_rule.result


@dataclass(frozen=True)
class NoRule(DiffRule):
    """No rule explains this derivative; the result is sympy's ``diff``."""

    name: ClassVar[str] = "no rule"

    def _compute(self) -> Expr:
        return sympy.diff(self.expr, self.variable)


KNOWN_FUNCTION_RULES: dict[type, type[_OneFunctionRule]] = {
    func: rule
    for rule in (ExpRule, LogRule, TrigRule, InverseTrigRule, HyperbolicRule, TanhRule,
                 SigmoidRule, SoftplusRule, ReluRule, AbsRule)
    for func in rule.derivatives
}
"""Which rule differentiates f(x) for each elementary function f."""

