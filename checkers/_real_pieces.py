"""Sets of real numbers compared as sorted lists of pieces, without sympy's set algebra.

A finite union of intervals and points with real number ends has one normal form: its
pieces sorted and merged until no two overlap or touch. Two such sets are equal exactly when
their normal forms are. Every order or equality of two ends must be decided exactly (sympy's
comparison of numbers answering True); when one cannot be, the comparison says nothing
(None) and the caller falls back to sympy's ``Complement``.

>>> from sympy import Interval, FiniteSet, Union, sqrt
>>> same_set(Union(Interval(0, 1), Interval.Lopen(1, 2)), Interval(0, 2))
True
>>> same_set(Interval(-sqrt(5), 1), Union(Interval.open(-sqrt(5), 1), FiniteSet(-sqrt(5), 1)))
True
>>> same_set(Interval.Ropen(0, 1), Interval(0, 1))
False
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import sympy
from sympy import Basic

__all__ = ["Piece", "pieces", "same_set"]


class _Undecided(Exception):
    """Two ends whose order or equality cannot be decided exactly."""


@dataclass(frozen=True)
class Piece:
    """An interval ``low .. high`` (a point when they are equal), with its closed ends."""

    low: Basic
    high: Basic
    low_closed: bool
    high_closed: bool


def same_set(first: sympy.Set, second: sympy.Set) -> bool | None:
    """Whether two finite unions of intervals and points of the real line are equal; None when
    either is another kind of set or an order of two ends cannot be decided.

    >>> from sympy import Interval, FiniteSet, sqrt
    >>> same_set(FiniteSet(2 * sqrt(5) / 2), FiniteSet(sqrt(5)))
    True
    >>> same_set(Interval(0, sqrt(2)), Interval(0, 1.4142135623730951)) is False
    True
    >>> same_set(sympy.ImageSet(sympy.Lambda(sympy.Symbol("n"), 2 * sympy.Symbol("n")), sympy.Integers), Interval(0, 1))
    """
    try:
        left, right = _normal_form(first), _normal_form(second)
        if left is None or right is None:
            return None
        return len(left) == len(right) and all(_same_piece(a, b) for a, b in zip(left, right))
    except _Undecided:
        return None


def pieces(found: sympy.Set) -> list[Piece] | None:
    """The set's normal form: sorted pieces, none overlapping or touching another; None when it
    is not a finite union of intervals and points with real number ends, or when two of its
    ends cannot be ordered exactly.

    >>> from sympy import Interval, FiniteSet, Union
    >>> [(p.low, p.high, p.high_closed) for p in pieces(Union(Interval.open(2, 3), FiniteSet(3, 0), Interval(-1, 0)))]
    [(-1, 0, True), (2, 3, True)]
    """
    try:
        return _normal_form(found)
    except _Undecided:
        return None


def _normal_form(found: sympy.Set) -> list[Piece] | None:
    raw = _raw_pieces(found)
    if raw is None:
        return None
    raw.sort(key=functools.cmp_to_key(_by_start))
    merged: list[Piece] = []
    for piece in raw:
        if merged and _overlap_or_touch(merged[-1], piece):
            merged[-1] = _joined(merged[-1], piece)
        else:
            merged.append(piece)
    return merged


def _raw_pieces(found: sympy.Set) -> list[Piece] | None:
    if found is sympy.EmptySet:
        return []
    if isinstance(found, sympy.Union):
        parts = [_raw_pieces(part) for part in found.args]
        return None if any(part is None for part in parts) else [piece for part in parts for piece in part]
    if isinstance(found, sympy.Interval) and _is_end(found.start) and _is_end(found.end):
        return [Piece(found.start, found.end, not found.left_open, not found.right_open)]
    if isinstance(found, sympy.FiniteSet) and all(_is_end(v) and v.is_finite for v in found.args):
        return [Piece(value, value, True, True) for value in found.args]
    return None


def _is_end(value: Basic) -> bool:
    """A real number or an infinity: something two ends can be ordered by exactly."""
    return isinstance(value, sympy.Expr) and value.is_number and value.is_extended_real is True


def _order(first: Basic, second: Basic) -> int:
    """-1, 0 or 1 as ``first`` is below, equal to or above ``second``; raises when undecided."""
    if first == second:
        return 0
    if (first < second) is sympy.true:
        return -1
    if (second < first) is sympy.true:
        return 1
    raise _Undecided


def _by_start(first: Piece, second: Piece) -> int:
    order = _order(first.low, second.low)
    return order if order else int(second.low_closed) - int(first.low_closed)


def _overlap_or_touch(before: Piece, after: Piece) -> bool:
    """``after`` (which starts no earlier) starts inside ``before`` or where it ends, with no gap."""
    order = _order(after.low, before.high)
    return order < 0 or (order == 0 and (before.high_closed or after.low_closed))


def _joined(before: Piece, after: Piece) -> Piece:
    low_closed = before.low_closed or (_order(before.low, after.low) == 0 and after.low_closed)
    order = _order(after.high, before.high)
    if order > 0:
        return Piece(before.low, after.high, low_closed, after.high_closed)
    high_closed = before.high_closed or (order == 0 and after.high_closed)
    return Piece(before.low, before.high, low_closed, high_closed)


def _same_piece(first: Piece, second: Piece) -> bool:
    return (first.low_closed, first.high_closed) == (second.low_closed, second.high_closed) and (
        _order(first.low, second.low) == 0 and _order(first.high, second.high) == 0)
