"""The numeric screen every diagnosis candidate passes before the engine verifies it.

The reference and the answer are evaluated once at a few shared samples (concrete instances
for matrix symbols, symbolic-size sums and undefined functions, then a few points; each
variable's value is drawn from its own name, so every expression sees the same values). A
candidate equation is computed from values already known (its *parts*: the reference, the
answer, one term ...), and only a candidate whose two sides agree wherever both are defined
goes on to the engine. The screen only says "no" early: agreement decides nothing.

>>> import sympy
>>> x = sympy.Symbol("x")
>>> screen = Screen((x**2 + sympy.sin(x), x**2))
>>> screen.differ(2 * x, x + x), screen.differ(2 * x, 3 * x)
(False, True)
>>> screen.constant(screen.values(x**2), screen.values(3 * x**2), lambda e, a: a / e)
3
"""

from __future__ import annotations

import random
import threading
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from copy import copy
from dataclasses import dataclass
from fractions import Fraction
from itertools import tee
from typing import TypeVar

import mpmath
import sympy
from sympy import Basic, MatrixBase, MatrixExpr

from .. import _instances as instances
from .._canonical import canonical
from .._numeric import close, evaluate, is_real_value, new_context
from .._sampling import domains_in, sample_value, stable_seed, variables_of

__all__ = ["Screen", "Quick", "Values"]

Values = list  # per sample: a tuple of entry values (one for a scalar), or None where undefined
_POINTS = 2  # points per concrete case
_CASES = 2  # concrete cases when instances are needed (one otherwise, with _POINTS + 1 points)
_DIGITS = 20
_RTOL = 1e-8
_LARGEST = 100  # the largest numerator or denominator of a constant that is named
_LOCAL = threading.local()
_Item = TypeVar("_Item")


@dataclass(frozen=True)
class Quick:
    """A candidate's two sides from the values of its ``parts``: ``sides(*entry values)`` gives
    (left, right) for one entry (``lambda e, t, a: (e - t, a)`` for "the answer is the
    reference without the term t")."""

    parts: tuple[Basic, ...]
    sides: Callable[..., tuple]


def _context() -> mpmath.ctx_mp.MPContext:
    """This thread's mpmath context (costly to make: one per thread is kept)."""
    if not hasattr(_LOCAL, "context"):
        _LOCAL.context = new_context(_DIGITS)
    return _LOCAL.context


class Screen:
    """Values at shared samples for the objects of one diagnosis (and anything built from them)."""

    def __init__(self, objects: Sequence[Basic], *, assumptions: Iterable[Basic] = ()) -> None:
        objects = [o for o in objects if isinstance(o, Basic)]
        self.assumptions = tuple(assumptions)
        self.domains = domains_in(self.assumptions)
        self.cases = _cases(objects, self.assumptions, self.domains)
        points = _POINTS if len(self.cases) > 1 or any(self.cases[0]) else _POINTS + 1
        self.points = range(points)
        self.known: dict[Basic, Values | None] = {}
        self.drawn: dict[tuple[Basic, int], str] = {}
        self.evaluated: dict[int, dict[Basic, object]] = {index: {} for index in self.points}  # subexpressions' values
        self.worked: dict[tuple, Iterator] = {}

    def remembered(self, work: Callable[..., Iterable[_Item]], *args: Hashable) -> Iterator[_Item]:
        """What ``work(*args)`` yields, worked out once for this diagnosis however many relations
        ask (lazily: a later reader replays what earlier ones drew, then draws on).

        >>> x = sympy.Symbol("x")
        >>> screen = Screen((x,))
        >>> first = screen.remembered(range, 3)
        >>> next(first), list(screen.remembered(range, 3)), list(first)
        (0, [0, 1, 2], [1, 2])
        """
        key = (work, args)
        if key not in self.worked:
            self.worked[key] = tee(work(*args), 1)[0]  # never advanced itself: it keeps the start
        return copy(self.worked[key])

    # -- values ---------------------------------------------------------------------------
    def values(self, obj: Basic) -> Values | None:
        """The values of ``obj`` at every sample (None when it cannot be evaluated at all)."""
        if obj not in self.known:
            self.known[obj] = self._values(obj)
        return self.known[obj]

    def _values(self, obj: Basic) -> Values | None:
        found: Values = []
        try:
            for case in self.cases:
                entries = _entries(_concrete(obj, case))
                if entries is None:
                    return None
                variables = variables_of(entries)  # once for all points
                found.extend(self._at(entries, variables, point) for point in self.points)
        except Exception:  # a form the instances or the evaluator cannot handle: no evidence
            return None
        return found

    def _at(self, entries: list[Basic], variables: list[Basic], index: int) -> tuple | None:
        point = {v: self._value_of(v, index) for v in variables}
        try:
            known = self.evaluated[index]  # a variable has one value at each point index, whatever the case
            return tuple(evaluate(e, point, context=_context(), known=known) for e in entries)
        except Exception:  # undefined or not evaluable at this point
            return None

    def _value_of(self, variable: Basic, index: int) -> str:
        key = (variable, index)
        if key not in self.drawn:
            rng = random.Random(stable_seed("diagnosis screen", str(variable), str(index)))
            domain = variable if isinstance(variable, sympy.Symbol) else sympy.Dummy(real=True)
            self.drawn[key] = sample_value(domain, rng, self.domains.get(variable))
        return self.drawn[key]

    # -- decisions ------------------------------------------------------------------------
    def admits(self, quick: Quick) -> bool:
        """False when the two sides clearly differ at a sample where all parts are real."""
        known = [self.values(part) for part in quick.parts]
        if any(v is None for v in known):
            return True
        for at in zip(*known):
            if any(v is None for v in at) or len({len(v) for v in at}) != 1:
                continue
            if not all(is_real_value(x) for v in at for x in v):
                continue
            scale = max((abs(x) for v in at for x in v), default=0)
            for entry in zip(*at):
                left, right = quick.sides(*entry)
                if not close(left, right, rtol=_RTOL, atol=1e-10 * (1 + scale)):
                    return False
        return True

    def differ(self, left: Basic, right: Basic) -> bool:
        """True when ``left`` and ``right`` clearly take different values (a False decides nothing)."""
        return not self.admits(Quick((left, right), lambda a, b: (a, b)))

    def constant(self, first: Values | None, second: Values | None,
                 combine: Callable[[object, object], object]) -> sympy.Rational | None:
        """The small rational ``combine(first, second)`` equals at every sample and entry
        (e.g. a ratio or a difference), or None."""
        if first is None or second is None:
            return None
        found = []
        for one, other in zip(first, second):
            if one is None or other is None or len(one) != len(other):
                continue
            for a, b in zip(one, other):
                try:
                    value = combine(a, b)
                except (ZeroDivisionError, ArithmeticError):
                    continue
                if is_real_value(value) and mpmath.isfinite(value):
                    found.append(mpmath.re(value))
        return _small_rational(found) if len(found) >= 2 else None


def _small_rational(values: list) -> sympy.Rational | None:
    guess = Fraction(float(values[0])).limit_denominator(_LARGEST)
    if abs(guess.numerator) > _LARGEST:
        return None
    exact = mpmath.mpf(guess.numerator) / guess.denominator
    if any(abs(v - exact) > 1e-12 * (1 + abs(v)) for v in values):
        return None
    return sympy.Rational(guess.numerator, guess.denominator)


# -- concrete cases ------------------------------------------------------------------------

_Case = tuple  # (matrix instance, size instance, function instance), each possibly None


def _cases(objects: list[Basic], assumptions: tuple, domains: dict) -> list[_Case]:
    """Up to :data:`_CASES` concrete choices for the abstract objects (one empty case if none)."""
    has_matrices = any(o.atoms(sympy.MatrixSymbol) for o in objects)
    matrices = instances.matrix_instances(objects, assumptions, seed_text="diagnosis screen",
                                          count=_CASES) if has_matrices else []
    sums = instances.sum_instances(objects, sizes=(3, 2, 5), domains=domains)
    functions = instances.function_instances(objects, seed_text="diagnosis screen", count=_CASES)
    count = min(_CASES, max(len(matrices), len(sums), len(functions), 1))
    pick = lambda found, k: found[k % len(found)] if found else None  # noqa: E731
    return [(pick(matrices, k), pick(sums, k), pick(functions, k)) for k in range(count)]


def _concrete(obj: Basic, case: _Case) -> Basic:
    matrix_case, size_case, function_case = case
    if size_case is not None:
        obj = instances.explicit_sums(obj.xreplace(size_case.sizes))
    if matrix_case is not None:
        obj = matrix_case.apply(obj)
    if function_case is not None:
        obj = instances.apply_function_instance(function_case, obj)
    return obj


def _entries(obj: Basic) -> list[Basic] | None:
    """The scalar entries to evaluate (one for a scalar), canonical; None for what has no values."""
    if isinstance(obj, MatrixBase):
        return [canonical(e) for e in obj]
    if isinstance(obj, MatrixExpr) or not isinstance(obj, sympy.Expr):
        return None
    if obj.has(sympy.MatrixSymbol):
        return None
    return [canonical(obj)]
