"""Evaluate sympy expressions at many points at once with numpy, for the numeric screen.

A walk over the expression tree with one handler per node type (functions from the one
table :data:`checkers._numeric.ELEMENTARY`): complex128 arrays, every point in one pass, no
code generation (names from a student's text never become code). What the walk cannot
evaluate raises :class:`NotVectorisable`; a point where numpy has no finite value, or where
double precision and mpmath could disagree (a branch cut, a condition or step at its
boundary), is NaN. Double precision only screens: :func:`agree_in_double` says where the
values clearly agree; every other point, and every verdict, is left to mpmath.

>>> from sympy import Symbol, sqrt
>>> x = Symbol("x")
>>> evaluate_many(x**2 + 1, [{x: "0.5"}, {x: "-2"}]).tolist()
[(1.25+0j), (5+0j)]
>>> evaluate_many(sqrt(x), [{x: "4"}, {x: "-4"}]).tolist()
[(2+0j), 2j]
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import reduce

import numpy as np
import sympy
from sympy import Basic

from ._numeric import elementary_of

__all__ = ["NotVectorisable", "evaluate_many", "agree_in_double"]

_BOUNDARY = 1e-9  # a step, sign or condition this close to its switch is left to mpmath


class NotVectorisable(ValueError):
    """The expression has a part the numpy walk does not evaluate (mpmath will)."""


def evaluate_many(expr: Basic, points: Sequence[Mapping[Basic, str]]) -> np.ndarray:
    """The values of ``expr`` at every point (values given as decimal strings), NaN where
    numpy gives none or may differ from mpmath; raises :class:`NotVectorisable`.

    >>> from sympy import Symbol, log
    >>> x = Symbol("x")
    >>> evaluate_many(log(x) / x, [{x: "1"}, {x: "0"}]).tolist()
    [0j, (nan+nanj)]
    """
    variables = {v for point in points for v in point}
    values = {v: np.array([float(point[v]) for point in points], dtype=complex) for v in variables}
    with np.errstate(all="ignore"):
        result = np.broadcast_to(_Walk(values).value(expr), (len(points),)).astype(complex)
        result[~np.isfinite(result)] = _NAN
    return result


def agree_in_double(expected: Sequence[Basic], answer: Sequence[Basic], points: Sequence[Mapping[Basic, str]], *,
                    rtol: float, atol: float, complex_values: bool = False) -> np.ndarray:
    """Per point, True where every expected value and its answer value are finite, real
    (unless ``complex_values``) and within ``atol + rtol * max(|e|, |a|)`` in double
    precision; False means "ask mpmath", never "they differ". All False when numpy cannot
    evaluate one of them.

    >>> from sympy import Symbol, exp
    >>> x = Symbol("x")
    >>> points = [{x: "0.5"}, {x: "-2"}]
    >>> agree_in_double([exp(2 * x)], [exp(x) ** 2], points, rtol=1e-12, atol=1e-14).tolist()
    [True, True]
    >>> agree_in_double([x**2], [x], points, rtol=1e-12, atol=1e-14).tolist()
    [False, False]
    """
    agreed = np.ones(len(points), dtype=bool)
    try:
        for e, a in zip(expected, answer):
            value_e, value_a = evaluate_many(e, points), evaluate_many(a, points)
            agreed &= np.abs(value_e - value_a) <= atol + rtol * np.maximum(np.abs(value_e), np.abs(value_a))
            if not complex_values:
                agreed &= (value_e.imag == 0) & (value_a.imag == 0)
    except (NotVectorisable, OverflowError, TypeError, ValueError):
        return np.zeros(len(points), dtype=bool)
    return agreed


_NAN = np.complex128(complex(np.nan, np.nan))


def _real_or_nan(v: np.ndarray) -> np.ndarray:
    """The real part where the value is real, NaN elsewhere (mpmath refuses to order complex values)."""
    return np.where(np.imag(v) == 0, np.real(v), np.nan)


class _Walk:
    def __init__(self, values: dict[Basic, np.ndarray]) -> None:
        self.values = values
        self.table: dict[type, Callable[[Basic], object]] = {
            sympy.Add: lambda e: reduce(np.add, (self.value(a) for a in e.args)),
            sympy.Mul: lambda e: reduce(np.multiply, (self.value(a) for a in e.args)),
            sympy.Pow: self.power,
            sympy.Piecewise: self.piecewise,
            sympy.Max: lambda e: self.extreme(e, np.fmax),
            sympy.Min: lambda e: self.extreme(e, np.fmin),
            sympy.sign: lambda e: self.step(e.args[0], np.sign),
            sympy.Heaviside: lambda e: self.step(e.args[0], lambda v: (v > 0).astype(float)),
        }

    def value(self, e: Basic) -> object:
        if e in self.values:
            return self.values[e]
        if e.is_Number or e in (sympy.E, sympy.pi, sympy.I):
            return self.constant(e)
        handler = self.table.get(type(e))
        if handler is not None:
            return handler(e)
        function = elementary_of(e)
        if function is not None and function.numpy:
            return self.call(e.args[0], function.numpy, function.branch_cut)
        raise NotVectorisable(type(e).__name__)

    @staticmethod
    def constant(e: Basic) -> np.complex128:
        value = complex(e)  # OverflowError for a huge integer: the caller leaves it to mpmath
        if not np.isfinite(value):
            raise NotVectorisable("not a finite constant")
        return np.complex128(value)

    def call(self, arg: Basic, ufuncs: tuple[str, ...], branch_cut: bool) -> np.ndarray:
        z = self.value(arg) + 0.0  # +0.0 clears negative zeros: mpmath has none, and cuts follow the sign
        result = reduce(lambda v, name: getattr(np, name)(v), ufuncs, z)
        result = result + 0j  # |z| is real: back to complex
        if branch_cut:
            on_axis = (np.imag(z) == 0) | (np.real(z) == 0)
            result = np.where(on_axis & (np.imag(result) != 0), _NAN, result)
        return result

    def power(self, e: Basic) -> object:
        base = self.value(e.base) + 0.0
        if e.exp is sympy.S.Half:
            return np.sqrt(base)
        exponent = int(e.exp) if e.exp.is_Integer and abs(e.exp) < 100 else self.value(e.exp)
        return np.power(base, exponent)

    def extreme(self, e: Basic, pick: Callable) -> np.ndarray:
        values = [_real_or_nan(self.value(a)) for a in e.args]
        undefined = reduce(np.logical_or, (np.isnan(v) for v in values))
        return np.where(undefined, np.nan, reduce(pick, values)) + 0j

    def step(self, arg: Basic, function: Callable) -> np.ndarray:
        v = _real_or_nan(self.value(arg))
        return np.where(np.abs(v) > _BOUNDARY, function(v), np.nan) + 0j

    def piecewise(self, e: Basic) -> np.ndarray:
        shape = np.shape(next(iter(self.values.values()), np.zeros(1)))
        result, pending, doubt = np.full(shape, _NAN), np.ones(shape, bool), np.zeros(shape, bool)
        for piece, condition in e.args:
            holds, unsure = self.truth(condition, shape)
            doubt |= pending & unsure
            result = np.where(pending & holds, self.value(piece), result)
            pending &= ~holds
        return np.where(doubt | pending, _NAN, result)

    def truth(self, condition: Basic, shape: tuple) -> tuple[np.ndarray, np.ndarray]:
        """(holds, unsure) per point; unsure where a side is complex or near the boundary."""
        if condition in (sympy.true, sympy.false):
            return np.full(shape, condition is sympy.true), np.zeros(shape, bool)
        if isinstance(condition, (sympy.And, sympy.Or)):
            parts = [self.truth(c, shape) for c in condition.args]
            combine = np.logical_and if isinstance(condition, sympy.And) else np.logical_or
            return reduce(combine, (h for h, _ in parts)), reduce(np.logical_or, (u for _, u in parts))
        if isinstance(condition, sympy.Not):
            holds, unsure = self.truth(condition.args[0], shape)
            return ~holds, unsure
        if isinstance(condition, sympy.core.relational.Relational) and condition.rel_op in _RELATIONS:
            left, right = _real_or_nan(self.value(condition.lhs)), _real_or_nan(self.value(condition.rhs))
            difference = np.broadcast_to(left - right, shape)
            unsure = ~(np.abs(difference) > _BOUNDARY * (1 + np.maximum(np.abs(left), np.abs(right))))
            return _RELATIONS[condition.rel_op](difference), unsure
        raise NotVectorisable("a condition")


_RELATIONS: dict[str, Callable[[np.ndarray], np.ndarray]] = {
    "<": lambda d: d < 0, "<=": lambda d: d <= 0, ">": lambda d: d > 0, ">=": lambda d: d >= 0,
    "==": lambda d: d == 0, "!=": lambda d: d != 0,
}
