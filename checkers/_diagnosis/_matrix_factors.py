"""A square factor left out of a matrix product (``diag(tanh'(Wx + b))`` forgotten in a backward pass).

>>> import sympy
>>> m = sympy.Symbol("m", integer=True, positive=True)
>>> D, v = sympy.MatrixSymbol("D", m, m), sympy.MatrixSymbol("v", m, 1)
>>> same = lambda left, right: left == right
>>> MissingMatrixFactor().find(2 * D * v, 2 * v, same).message
'Your answer is missing the factor D.'
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

import sympy
from sympy import Basic, MatMul, MatrixExpr

from derive._mistakes import Mistake

from ._relations import Candidate, Relation, told
from ._screen import Screen

__all__ = ["MissingMatrixFactor"]

_MOST_FACTORS = 8  # a longer product is not searched factor by factor


class MissingMatrixFactor(Relation):
    """``a = A B`` where ``r = A F B`` for a square matrix ``F``: the product without one of its
    square factors still has the right shape, and is what forgetting that factor gives."""

    kind = Mistake.MISSING_FACTOR

    def candidates(self, expected: Basic, answer: Basic, screen: Screen) -> Iterator[Candidate]:
        if not isinstance(expected, MatMul) or not isinstance(answer, MatrixExpr) or len(expected.args) > _MOST_FACTORS:
            return
        squares = [place for place, factor in enumerate(expected.args) if _is_square_matrix(factor)]
        for place in sorted(squares, key=lambda p: expected.args[p].shape == (1, 1)):  # a 1 x 1 factor (a number) last
            yield Candidate(partial(_without, expected, place, answer),
                            told("Your answer is missing the factor {factor}.", factor=expected.args[place]))


def _is_square_matrix(obj: Basic) -> bool:
    return isinstance(obj, MatrixExpr) and obj.shape[0] == obj.shape[1]


def _without(expected: MatMul, place: int, answer: Basic) -> tuple[Basic, Basic]:
    rest = expected.args[:place] + expected.args[place + 1 :]
    product = sympy.MatMul(*rest).doit(deep=False) if len(rest) > 1 else rest[0]
    return product, answer
