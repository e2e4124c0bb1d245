"""Quick numbers for proposing candidates: values of expressions at a few fixed points.

Only relations use these, to decide which candidate is worth verifying (a constant ratio
or difference read off the values); every candidate is then verified by the engine.

>>> import sympy
>>> x = sympy.Symbol("x")
>>> probe().constant(3 * x / (2 * x)), probe().constant(x**2 / x)
(3/2, None)
"""

from __future__ import annotations

import threading
from fractions import Fraction

import mpmath
import sympy
from sympy import Basic

from .._canonical import canonical
from .._numeric import evaluate, is_real_value, new_context
from .._sampling import PointSampler, variables_of

__all__ = ["Probe", "probe"]

_POINTS = 3
_DIGITS = 20
_KEPT = 64  # sets of points remembered per thread
_LARGEST = 100  # the largest numerator or denominator of a constant that is named


_LOCAL = threading.local()


def probe() -> Probe:
    """This thread's probe (an mpmath context is costly to make: one per thread is kept)."""
    if not hasattr(_LOCAL, "probe"):
        _LOCAL.probe = Probe()
    return _LOCAL.probe


class Probe:
    """Evaluates at a few fixed seeded points with one mpmath context (use one per thread)."""

    def __init__(self) -> None:
        self.context = new_context(_DIGITS)
        self.drawn: dict[tuple, list[dict]] = {}

    def points(self, expressions: list[Basic]) -> list[dict]:
        """The same points for the same variables, whatever was probed before."""
        variables = tuple(variables_of(expressions))
        if variables not in self.drawn:
            if len(self.drawn) > _KEPT:
                self.drawn.clear()
            self.drawn[variables] = PointSampler(seed_text="diagnosis probe").points(list(variables), _POINTS)
        return self.drawn[variables]

    def value(self, expr: Basic, point: dict) -> mpmath.mpc:
        """The value at ``point`` of ``expr`` in the engine's canonical form (fast to evaluate)."""
        return evaluate(canonical(expr), point, context=self.context)

    def values(self, expr: Basic) -> list[mpmath.mpf] | None:
        """Real values at the probe points where defined (None if fewer than two are)."""
        found = []
        for point in self.points([expr]):
            try:
                value = self.value(expr, point)
            except Exception:  # undefined or not evaluable at this point
                continue
            if is_real_value(value):
                found.append(mpmath.re(value))
        return found if len(found) >= 2 or (found and not variables_of([expr])) else None

    def constant(self, expr: Basic) -> sympy.Rational | None:
        """The small rational ``expr`` equals at every probe point (e.g. a ratio), or None."""
        if not isinstance(expr, sympy.Expr) or expr.is_Matrix:
            return None
        values = self.values(expr)
        if not values:
            return None
        guess = Fraction(float(values[0])).limit_denominator(_LARGEST)
        if abs(guess.numerator) > _LARGEST or any(abs(v - mpmath.mpf(guess.numerator) / guess.denominator)
                                                   > 1e-12 * (1 + abs(v)) for v in values):
            return None
        return sympy.Rational(guess.numerator, guess.denominator)
