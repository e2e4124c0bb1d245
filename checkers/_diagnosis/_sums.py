"""A sum left out: the answer is the summand, its index still free.

>>> import sympy
>>> x, i, n = sympy.IndexedBase("x"), sympy.Symbol("i", integer=True), sympy.Symbol("n", integer=True)
>>> same = lambda left, right: sympy.simplify((left - right).doit()) == 0
>>> MissingSum().find(sympy.Sum(2 * x[i], (i, 1, n)), 2 * x[i], same).message
'Your answer is one term of the sum over i = 1, …, n: sum it.'
"""

from __future__ import annotations

from collections.abc import Iterator

import sympy
from sympy import Basic

from derive._mistakes import Mistake

from ._relations import Candidate, Relation
from ._screen import Screen
from ._words import shown

__all__ = ["MissingSum"]


class MissingSum(Relation):
    """``r = Σ_{i=l}^{h} a`` where ``i`` is the index of a sum in ``r`` and a free name of ``a``:
    the answer is the sum's term, written without the sum."""

    kind = Mistake.MISSING_SUM

    def candidates(self, expected: Basic, answer: Basic, screen: Screen) -> Iterator[Candidate]:
        for index, low, high in _loose_indices(expected, answer):
            yield Candidate(lambda: (expected, sympy.Sum(answer, (index, low, high))), _telling(index, low, high))


def _loose_indices(expected: Basic, answer: Basic) -> Iterator[tuple[Basic, Basic, Basic]]:
    """The limits of each sum of ``expected`` whose index ``answer`` uses freely (``expected`` does not)."""
    if not isinstance(expected, sympy.Expr) or not isinstance(answer, sympy.Expr):
        return
    loose = answer.free_symbols - expected.free_symbols
    seen = set()
    for total in expected.atoms(sympy.Sum):
        for index, low, high in total.limits:
            if index in loose and index not in seen:
                seen.add(index)
                yield index, low, high


def _telling(index: Basic, low: Basic, high: Basic):
    def telling() -> tuple[str, dict]:
        detail = {"index": shown(index), "from": shown(low), "to": shown(high)}
        return f"Your answer is one term of the sum over {detail['index']} = {detail['from']}, …, {detail['to']}: sum it.", detail
    return telling
