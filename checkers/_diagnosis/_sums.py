"""A sum left out: the answer is the summand, its index still free.

>>> import sympy
>>> x, i, n = sympy.IndexedBase("x"), sympy.Symbol("i", integer=True), sympy.Symbol("n", integer=True)
>>> same = lambda left, right: sympy.simplify((left - right).doit()) == 0
>>> MissingSum().find(sympy.Sum(2 * x[i], (i, 1, n)), 2 * x[i], same).message
'Your answer is one term of the sum over i = 1, …, n: sum it.'
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

import sympy
from sympy import Basic

from derive._mistakes import Mistake

from ._relations import Candidate, Relation, told
from ._screen import Screen

__all__ = ["MissingSum"]


class MissingSum(Relation):
    """``r = Σ_{i=l}^{h} a`` where ``i`` is the index of a sum in ``r`` and a free name of ``a``:
    the answer is the sum's term, written without the sum."""

    kind = Mistake.MISSING_SUM

    def candidates(self, expected: Basic, answer: Basic, screen: Screen) -> Iterator[Candidate]:
        for index, low, high in _loose_indices(expected, answer):
            yield Candidate(partial(_summed, expected, answer, (index, low, high)),
                            told("Your answer is one term of the sum over {index} = {low}, …, {high}: sum it.",
                                 index=index, low=low, high=high))


def _summed(expected: Basic, answer: Basic, limits: tuple[Basic, Basic, Basic]) -> tuple[Basic, Basic]:
    return expected, sympy.Sum(answer, limits)


def _loose_indices(expected: Basic, answer: Basic) -> Iterator[tuple[Basic, Basic, Basic]]:
    """The limits of each sum of ``expected`` whose index ``answer`` uses freely (``expected`` does not)."""
    if not isinstance(expected, sympy.Expr) or not isinstance(answer, sympy.Expr):
        return
    loose = answer.free_symbols - expected.free_symbols
    seen = set()
    for total in sorted(expected.atoms(sympy.Sum), key=sympy.default_sort_key):  # the same order in every process
        for index, low, high in total.limits:
            if index in loose and index not in seen:
                seen.add(index)
                yield index, low, high
