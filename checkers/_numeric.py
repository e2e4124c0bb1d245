"""Evaluate sympy expressions at points with mpmath, thread-safely and at chosen precision.

Each call gets its own mpmath context, so precision never leaks between threads. A point
where the expression is undefined raises :class:`Undefined`; one that cannot be evaluated
(a free name left over) raises :class:`Unevaluable`.

>>> from sympy import Symbol, exp
>>> x = Symbol("x")
>>> value = evaluate(exp(x) / (1 + exp(x)), {x: "0"}, digits=20)
>>> print(value)
0.5
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping

import mpmath
import sympy
from sympy import Basic
from sympy.core.function import AppliedUndef

__all__ = ["Undefined", "Unevaluable", "evaluate", "close", "is_real_value", "new_context"]


class Undefined(ArithmeticError):
    """The expression has no value at this point (pole, log of 0, nan ...)."""


class Unevaluable(ValueError):
    """The expression still has a free name or an operation without a numeric meaning."""


_CONTEXTS = threading.local()  # each thread's own contexts by precision: building one costs ~1 ms


def new_context(digits: int) -> mpmath.ctx_mp.MPContext:
    """A context of this thread's own working with ``digits`` decimal digits (made once per
    thread and precision, its precision reset on each use).

    >>> new_context(25).dps, new_context(25) is new_context(25)
    (25, True)
    """
    contexts = _CONTEXTS.__dict__
    ctx = contexts.get(digits)
    if ctx is None:
        ctx = contexts[digits] = mpmath.MPContext()
    ctx.dps = digits
    return ctx


def evaluate(expr: Basic, point: Mapping[Basic, str], *, digits: int = 30,
             context: mpmath.ctx_mp.MPContext | None = None) -> mpmath.mpf | mpmath.mpc:
    """The value of ``expr`` at ``point`` (values given as decimal strings); ``context``: a
    context of the caller's own thread to reuse (its precision wins over ``digits``)."""
    ctx = context or new_context(digits)
    values = {symbol: ctx.mpf(text) for symbol, text in point.items()}
    try:
        result = _Evaluator(ctx, values).value(expr)
    except (ZeroDivisionError, OverflowError) as error:
        raise Undefined(str(error)) from None
    if not ctx.isfinite(result):
        raise Undefined("not finite")
    return result


def close(a: mpmath.mpc, b: mpmath.mpc, *, rtol: float, atol: float) -> bool:
    """|a - b| <= atol + rtol * max(|a|, |b|)."""
    difference = abs(a - b)
    return bool(difference <= atol + rtol * max(abs(a), abs(b)))


def is_real_value(value: mpmath.mpc, *, tolerance: float = 1e-20) -> bool:
    """True when the imaginary part is negligible."""
    imaginary = getattr(value, "imag", 0)
    return bool(abs(imaginary) <= tolerance * max(1, abs(value)))


_UNARY = {
    "exp": "exp", "log": "log", "sin": "sin", "cos": "cos", "tan": "tan", "cot": "cot", "sec": "sec",
    "csc": "csc", "asin": "asin", "acos": "acos", "atan": "atan", "acot": "acot", "sinh": "sinh",
    "cosh": "cosh", "tanh": "tanh", "coth": "coth", "sech": "sech", "csch": "csch", "asinh": "asinh",
    "acosh": "acosh", "atanh": "atanh", "erf": "erf", "Abs": "fabs", "floor": "floor", "ceiling": "ceil",
}


class _Evaluator:
    def __init__(self, ctx: mpmath.ctx_mp.MPContext, values: dict[Basic, object]) -> None:
        self.ctx, self.values = ctx, values
        self.table: dict[type, Callable[[Basic], object]] = {
            sympy.Add: lambda e: self.ctx.fsum(self.value(a) for a in e.args),
            sympy.Mul: self.product,
            sympy.Pow: self.power,
            sympy.Piecewise: self.piecewise,
            sympy.Max: lambda e: self.extreme(e, max),
            sympy.Min: lambda e: self.extreme(e, min),
            sympy.sign: lambda e: self.ctx.sign(self.real(self.value(e.args[0]))),
            sympy.Heaviside: self.heaviside,
            sympy.factorial: lambda e: self.gamma_like(self.ctx.factorial, e),
            sympy.gamma: lambda e: self.gamma_like(self.ctx.gamma, e),
            sympy.binomial: lambda e: self.gamma_like(self.ctx.binomial, e),
        }

    def value(self, e: Basic) -> object:
        if e in self.values:
            return self.values[e]
        if e.is_Integer:
            return self.ctx.mpf(int(e))
        if e.is_Rational:
            return self.ctx.mpf(int(e.p)) / int(e.q)
        if e.is_Float:
            return self.ctx.mpf(sympy.Float(e)._mpf_)
        if e is sympy.E:
            return self.ctx.e
        if e is sympy.pi:
            return self.ctx.pi
        if e is sympy.I:
            return self.ctx.mpc(0, 1)
        handler = self.table.get(type(e))
        if handler is not None:
            return handler(e)
        formula = getattr(type(e), "formula", None)
        if isinstance(formula, sympy.Lambda):  # a concrete stand-in for an unknown function
            arguments = dict(zip(formula.variables, (self.value(a) for a in e.args)))
            return _Evaluator(self.ctx, arguments).value(formula.expr)
        name = type(e).__name__
        if isinstance(e, sympy.Function) and name in _UNARY and len(e.args) == 1:
            return getattr(self.ctx, _UNARY[name])(self.value(e.args[0]))
        if name == "log" and len(e.args) == 2:
            return self.ctx.log(self.value(e.args[0])) / self.ctx.log(self.value(e.args[1]))
        return self.fallback(e)

    def product(self, e: Basic) -> object:
        result = self.ctx.mpf(1)
        for factor in e.args:
            result *= self.value(factor)
        return result

    def power(self, e: Basic) -> object:
        base, exponent = self.value(e.base), self.value(e.exp)
        if base == 0 and self.ctx.re(exponent) < 0:
            raise ZeroDivisionError("0 to a negative power")
        if e.exp.is_Integer:
            return base ** int(e.exp)
        return self.ctx.power(base, exponent)

    def gamma_like(self, function: Callable, e: Basic) -> object:
        """factorial, gamma, binomial (of any real or complex arguments, as sympy defines them
        through the gamma function) by mpmath; a pole has no value."""
        try:
            return function(*(self.value(a) for a in e.args))
        except ValueError:  # mpmath: "gamma function pole"
            raise ZeroDivisionError("a pole of the gamma function") from None

    def real(self, v: object) -> object:
        if not is_real_value(v):
            raise Undefined("a comparison of complex values")
        return self.ctx.re(v)

    def extreme(self, e: Basic, pick: Callable) -> object:
        return pick(self.real(self.value(a)) for a in e.args)

    def heaviside(self, e: Basic) -> object:
        v = self.real(self.value(e.args[0]))
        if v == 0:
            if len(e.args) > 1:
                return self.value(e.args[1])
            raise Undefined("Heaviside at 0")
        return self.ctx.mpf(1 if v > 0 else 0)

    def truth(self, condition: Basic) -> bool:
        if condition is sympy.true or condition is True:
            return True
        if condition is sympy.false or condition is False:
            return False
        if isinstance(condition, sympy.And):
            return all(self.truth(c) for c in condition.args)
        if isinstance(condition, sympy.Or):
            return any(self.truth(c) for c in condition.args)
        if isinstance(condition, sympy.Not):
            return not self.truth(condition.args[0])
        if isinstance(condition, sympy.core.relational.Relational):
            left, right = self.real(self.value(condition.lhs)), self.real(self.value(condition.rhs))
            return bool({"<": left < right, "<=": left <= right, ">": left > right, ">=": left >= right,
                         "==": left == right, "!=": left != right}[condition.rel_op])
        raise Unevaluable("a condition in it cannot be decided at the test points")

    def piecewise(self, e: Basic) -> object:
        for value, condition in e.args:
            if self.truth(condition):
                return self.value(value)
        raise Undefined("no piece applies")

    def fallback(self, e: Basic) -> object:
        if e.atoms(AppliedUndef):
            raise Unevaluable("an unknown function in it has no numeric value")
        substituted = e.xreplace(
            {k: sympy.Float(str(v), self.ctx.dps) for k, v in self.values.items() if not isinstance(v, self.ctx.mpc)}
        )
        try:
            result = sympy.N(substituted, self.ctx.dps)
        except RecursionError:
            raise Unevaluable("a part of it has no numeric value") from None
        if result.free_symbols or not result.is_number:
            raise Unevaluable("a part of it has no numeric value")
        if result.has(sympy.zoo, sympy.nan, sympy.oo, -sympy.oo):
            raise Undefined("not finite")
        real, imaginary = result.as_real_imag()
        return self.ctx.mpc(str(sympy.N(real, self.ctx.dps)), str(sympy.N(imaginary, self.ctx.dps)))
