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
from dataclasses import dataclass
from types import MappingProxyType

import mpmath
import sympy
from sympy import Basic
from sympy.core.function import AppliedUndef

__all__ = ["Undefined", "Unevaluable", "evaluate", "close", "is_real_value", "new_context", "Elementary", "ELEMENTARY",
           "elementary_of"]


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
             context: mpmath.ctx_mp.MPContext | None = None,
             known: dict[Basic, object] | None = None) -> mpmath.mpf | mpmath.mpc:
    """The value of ``expr`` at ``point`` (values given as decimal strings); ``context``: a
    context of the caller's own thread to reuse (its precision wins over ``digits``); ``known``:
    the values of subexpressions at this same point and precision, read and added to (an
    expression evaluated after another that shares parts with it computes only what is new).

    >>> x = sympy.Symbol("x")
    >>> known = {}
    >>> first = evaluate(sympy.exp(x) + x, {x: "1"}, digits=20, known=known)
    >>> sympy.exp(x) in known, evaluate(2 * sympy.exp(x), {x: "1"}, digits=20, known=known) == 2 * known[sympy.exp(x)]
    (True, True)
    """
    ctx = context or new_context(digits)
    values = {symbol: ctx.mpf(text) for symbol, text in point.items()}
    try:
        result = _Evaluator(ctx, values, known).value(expr)
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


@dataclass(frozen=True)
class Elementary:
    """One elementary function of one argument: its mpmath name and, when numpy has it, the
    numpy ufuncs that compute it, applied in order (``("tan", "reciprocal")`` for cot; empty
    when numpy has none). ``branch_cut``: an inverse function whose cuts numpy and mpmath put
    on different sides (values on a cut are left to mpmath).

    >>> ELEMENTARY["cot"].numpy, ELEMENTARY["erf"].numpy
    (('tan', 'reciprocal'), ())
    """

    mpmath: str
    numpy: tuple[str, ...] = ()
    branch_cut: bool = False


def _same(name: str, numpy: str | None = None, *, branch_cut: bool = False) -> Elementary:
    return Elementary(name, (numpy or name,), branch_cut)


def _reciprocal_of(mpmath_name: str, numpy: str) -> Elementary:
    return Elementary(mpmath_name, (numpy, "reciprocal"))


ELEMENTARY: Mapping[str, Elementary] = MappingProxyType({
    "exp": _same("exp"), "log": _same("log"), "sin": _same("sin"), "cos": _same("cos"), "tan": _same("tan"),
    "cot": _reciprocal_of("cot", "tan"), "sec": _reciprocal_of("sec", "cos"), "csc": _reciprocal_of("csc", "sin"),
    "asin": _same("asin", "arcsin", branch_cut=True), "acos": _same("acos", "arccos", branch_cut=True),
    "atan": _same("atan", "arctan", branch_cut=True), "acot": Elementary("acot", ("reciprocal", "arctan"), True),
    "sinh": _same("sinh"), "cosh": _same("cosh"), "tanh": _same("tanh"), "coth": _reciprocal_of("coth", "tanh"),
    "sech": _reciprocal_of("sech", "cosh"), "csch": _reciprocal_of("csch", "sinh"),
    "asinh": _same("asinh", "arcsinh", branch_cut=True), "acosh": _same("acosh", "arccosh", branch_cut=True),
    "atanh": _same("atanh", "arctanh", branch_cut=True), "erf": Elementary("erf"), "Abs": _same("fabs", "absolute"),
    "floor": Elementary("floor"), "ceiling": Elementary("ceil"),
})
"""The one table of elementary functions of one argument, by sympy name: the mpmath
evaluator here and the numpy one of :mod:`checkers._vector` both read it."""


def elementary_of(e: Basic) -> Elementary | None:
    """The table entry of a call of one argument, or None.

    >>> elementary_of(sympy.sin(sympy.Symbol("x"))).mpmath, elementary_of(sympy.Symbol("x"))
    ('sin', None)
    """
    if isinstance(e, sympy.Function) and len(e.args) == 1:
        return ELEMENTARY.get(type(e).__name__)
    return None


class _Evaluator:
    def __init__(self, ctx: mpmath.ctx_mp.MPContext, values: dict[Basic, object],
                 known: dict[Basic, object] | None = None) -> None:
        self.ctx, self.values, self.known = ctx, values, known
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
            sympy.binomial: self.binomial,
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
        if self.known is None:
            return self.compound(e)
        if e not in self.known:
            self.known[e] = self.compound(e)
        return self.known[e]

    def compound(self, e: Basic) -> object:
        handler = self.table.get(type(e))
        if handler is not None:
            return handler(e)
        formula = getattr(type(e), "formula", None)
        if isinstance(formula, sympy.Lambda):  # a concrete stand-in for an unknown function
            arguments = dict(zip(formula.variables, (self.value(a) for a in e.args)))
            return _Evaluator(self.ctx, arguments).value(formula.expr)
        function = elementary_of(e)
        if function is not None:
            return getattr(self.ctx, function.mpmath)(self.value(e.args[0]))
        if type(e).__name__ == "log" and len(e.args) == 2:
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
        """factorial and gamma (of any real or complex argument, as sympy defines them through
        the gamma function) by mpmath; a pole has no value."""
        try:
            return function(*(self.value(a) for a in e.args))
        except ValueError:  # mpmath: "gamma function pole"
            raise ZeroDivisionError("a pole of the gamma function") from None

    def binomial(self, e: Basic) -> object:
        """mpmath's binomial, which is sympy's except where n is a negative integer or a
        value is complex (there sympy's own evaluation is kept)."""
        n, k = (self.value(a) for a in e.args)
        if not (is_real_value(n) and is_real_value(k)) or (self.ctx.isint(self.ctx.re(n)) and self.ctx.re(n) < 0):
            return self.fallback(e)
        return self.ctx.binomial(self.ctx.re(n), self.ctx.re(k))

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
