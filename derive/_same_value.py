"""A quick numeric fingerprint of an expression, to tell candidate results apart.

Each expression is evaluated at a few fixed points: every symbol or entry x[i] gets a value
drawn from its own name (so the same atom has the same value in every expression), an undefined
function becomes a fixed smooth function, and a sum with a symbolic bound is written out for a
bound of 2. Agreement at every point counts as equal. This only decides which generated
candidates to keep (never a verdict), so an expression that cannot be evaluated is simply
"different" from everything.

>>> from sympy import Symbol, sin, cos
>>> x = Symbol("x")
>>> same_value(sin(x)**2 + cos(x)**2, 1), same_value(sin(x), cos(x)), proportional(-sin(x), 2*sin(x))
(True, False, True)
"""

from __future__ import annotations

import functools
import random

import sympy
from sympy import Expr, Sum
from sympy.core.function import AppliedUndef

__all__ = ["Fingerprint", "fingerprint", "agree", "same_value", "proportional"]

Fingerprint = tuple[complex, ...] | None
"""The values at the fixed points, or None when one could not be computed."""

_POINTS = 3
_SUM_BOUND = 2
_CONCRETE = (lambda z: sympy.sin(z) + z**2 / 3, lambda z: sympy.exp(z / 2) + z / 5,
             lambda z: sympy.atan(z) + z**3 / 7)


def _concrete_function(call: AppliedUndef) -> Expr:
    pick = _CONCRETE[sum(map(ord, call.func.__name__)) % len(_CONCRETE)]
    return sympy.Add(*(pick(arg + k) for k, arg in enumerate(call.args)))


def _concrete(expr: Expr) -> Expr:
    """``expr`` with undefined functions made concrete and sums with symbolic bounds written out."""
    if expr.has(AppliedUndef):
        expr = expr.replace(lambda e: isinstance(e, AppliedUndef), _concrete_function).doit()
    bounds = {s for total in expr.atoms(Sum) for limit in total.limits for bound in limit[1:]
              for s in sympy.sympify(bound).free_symbols}
    if bounds:
        expr = expr.subs({bound: _SUM_BOUND for bound in bounds}).doit()
    return expr


def _value(atom: sympy.Basic, point: int) -> sympy.Float:
    return sympy.Float(random.Random(f"{atom}|{point}").uniform(0.3, 1.7), 20)


@functools.lru_cache(maxsize=512)
def fingerprint(expr: Expr) -> Fingerprint:
    """The values of ``expr`` at the fixed points (None when one cannot be computed)."""
    try:
        concrete = _concrete(sympy.sympify(expr))
        atoms = concrete.free_symbols | concrete.atoms(sympy.Indexed)
        values = tuple(complex(concrete.xreplace({a: _value(a, k) for a in atoms}).evalf(20)) for k in range(_POINTS))
    except (TypeError, ValueError, ZeroDivisionError, AttributeError):
        return None
    return values if all(v == v and abs(v) != float("inf") for v in values) else None


def agree(first: Fingerprint, second: Fingerprint) -> bool:
    """Both known and equal at every point (1e-9 relative)."""
    return first is not None and second is not None and all(
        abs(a - b) <= 1e-9 * (abs(a) + abs(b) + 1) for a, b in zip(first, second))


def same_value(first: Expr, second: Expr) -> bool:
    """Whether two expressions are identical or agree at the fixed points."""
    first, second = sympy.sympify(first), sympy.sympify(second)
    return first == second or agree(fingerprint(first), fingerprint(second))


def proportional(first: Expr, second: Expr) -> bool:
    """Whether ``first`` is a constant multiple of ``second`` (at the fixed points, second nonzero)."""
    a, b = fingerprint(first), fingerprint(second)
    if a is None or b is None or any(abs(v) < 1e-12 for v in b):
        return False
    ratios = tuple(x / y for x, y in zip(a, b))
    return agree(ratios, (ratios[0],) * len(ratios))
