"""The sympy-syntax constructors the plain reader accepts: ``Matrix([[...]])``, ``Eq``,
``Piecewise``, ``Sum``, ``Product``, ``FiniteSet``, ``Interval``, ``Union``, ``Tuple``, ``Indicator``, ``Derivative`` (of an
unknown function only), ``Identity``. Functions (``sin``, ``tr``, ``softmax`` ...) are not
here: both readers share :mod:`checkers._functions`. Each constructor takes the arguments
already read and raises :class:`Refused` with the spelling it expects.

>>> from sympy import Symbol
>>> x = Symbol("x")
>>> CONSTRUCTORS["Indicator"]([x > 0])
Piecewise((1, x > 0), (0, True))
>>> CONSTRUCTORS["Interval"]([0, 1, sympy.true, sympy.false])
Interval.Lopen(0, 1)
>>> CONSTRUCTORS["Sum"]([x])
Traceback (most recent call last):
...
checkers._errors.Refused: write Sum(term, (i, 1, n))
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from types import MappingProxyType

import sympy
from sympy import Basic, ImmutableMatrix
from sympy.core.function import AppliedUndef

from . import _real_sets as real_sets
from ._arithmetic import Refused

__all__ = ["CONSTRUCTORS"]

_LARGEST_IDENTITY = 50


def _sum(args: Sequence[Basic]) -> Basic:
    if len(args) < 2 or not all(isinstance(a, sympy.Tuple) and len(a) == 3 for a in args[1:]):
        raise Refused("write Sum(term, (i, 1, n))")
    return sympy.Sum(args[0], *args[1:])


def _product(args: Sequence[Basic]) -> Basic:
    if len(args) < 2 or not all(isinstance(a, sympy.Tuple) and len(a) == 3 for a in args[1:]):
        raise Refused("write Product(factor, (i, 1, n))")
    return sympy.Product(args[0], *args[1:])


def _piecewise(args: Sequence[Basic]) -> Basic:
    if not args or not all(isinstance(a, sympy.Tuple) and len(a) == 2 for a in args):
        raise Refused("write Piecewise((value, condition), ...)")
    return sympy.Piecewise(*(tuple(a) for a in args))


def _explicit_matrix(args: Sequence[Basic]) -> Basic:
    if len(args) != 1 or not isinstance(args[0], ImmutableMatrix):
        raise Refused("write Matrix([[a, b], [c, d]])")
    return args[0]


def _equation(args: Sequence[Basic]) -> Basic:
    if len(args) != 2:
        raise Refused("write Eq(left side, right side)")
    return sympy.Eq(*args, evaluate=False)


def _derivative(args: Sequence[Basic]) -> Basic:
    """Derivatives are readable only of the reference's undefined functions (a'(u))."""
    if len(args) < 2 or not args[0].atoms(AppliedUndef) or args[0].free_symbols - _undefined_arguments(args[0]):
        raise Refused("an answer may name derivatives only of unknown functions such as a(u); work the derivative out")
    return sympy.Derivative(*args)


def _undefined_arguments(expr: Basic) -> set:
    return {s for call in expr.atoms(AppliedUndef) for s in call.free_symbols}


def _identity(args: Sequence[Basic]) -> Basic:
    size = args[0] if len(args) == 1 else None
    if size is None or not (size.is_Integer or size.is_Symbol) or (size.is_Integer and not 0 < size <= _LARGEST_IDENTITY):
        raise Refused("write Identity(n) with a size n")
    return sympy.Identity(size)


def _indicator(args: Sequence[Basic]) -> Basic:
    if len(args) != 1 or not isinstance(args[0], sympy.logic.boolalg.Boolean):
        raise Refused("write Indicator(condition), e.g. Indicator(x > 0)")
    return sympy.Piecewise((1, args[0]), (0, True))


def _interval(args: Sequence[Basic]) -> Basic:
    flags = args[2:]
    if len(args) not in (2, 3, 4) or any(flag not in (sympy.true, sympy.false) for flag in flags):
        raise Refused("write Interval(a, b) or Interval(a, b, left_open, right_open) with True/False")
    opens = [flag is sympy.true for flag in flags] + [False] * (2 - len(flags))
    return real_sets.interval(args[0], args[1], *opens)


def _union(args: Sequence[Basic]) -> Basic:
    if not args:
        raise Refused("write Union(set, set, ...)")
    result = real_sets.as_interval(args[0])
    for part in args[1:]:
        result = real_sets.set_operation("∪", result, part)
    return result


CONSTRUCTORS: Mapping[str, Callable[[Sequence[Basic]], Basic]] = MappingProxyType({
    "Matrix": _explicit_matrix,
    "Eq": _equation,
    "Piecewise": _piecewise,
    "Sum": _sum,
    "Product": _product,
    "FiniteSet": lambda args: sympy.FiniteSet(*args),
    "Interval": _interval,
    "Union": _union,
    "Tuple": lambda args: sympy.Tuple(*args),
    "Indicator": _indicator,
    "Derivative": _derivative,
    "Identity": _identity,
    "eye": _identity,
})
