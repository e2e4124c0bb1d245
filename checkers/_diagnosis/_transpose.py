"""Transposes: the answer is the reference transposed, or has one factor transposed.

>>> import sympy
>>> A, B = sympy.MatrixSymbol("A", 3, 3), sympy.MatrixSymbol("B", 3, 3)
>>> same = lambda left, right: left.doit() == right.doit()
>>> Transpose().find(A * B.T, A * B, same).message
'Check the transposes: the factor Bᵀ is transposed the wrong way.'
>>> Transpose().find(A * B, (A * B).T, same).kind.value
'transpose'
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

import sympy
from sympy import Basic, MatMul, MatrixBase, MatrixExpr

from derive._mistakes import Mistake

from ._relations import Candidate, Relation, terms_of, told
from ._screen import Screen

__all__ = ["Transpose"]

_WHOLE = "Your answer is the transpose of the right one."


class Transpose(Relation):
    """``a = r^T`` (not symmetric), or ``a = r`` with one factor ``F`` of one term replaced by ``F^T``."""

    kind = Mistake.TRANSPOSE

    def candidates(self, expected: Basic, answer: Basic, screen: Screen) -> Iterator[Candidate]:
        if not isinstance(expected, (MatrixBase, MatrixExpr)) or expected.shape[0] != expected.shape[1]:
            if isinstance(expected, MatrixBase) and 1 not in expected.shape:
                yield Candidate(lambda: (expected.T, answer), told(_WHOLE))
            yield from self.factors(expected, answer)
            return
        yield Candidate(lambda: (sympy.transpose(expected), answer), told(_WHOLE))
        yield from self.factors(expected, answer)

    def factors(self, expected: Basic, answer: Basic) -> Iterator[Candidate]:
        """One factor of one term transposed (only where the shapes still fit)."""
        if not isinstance(expected, MatrixExpr) or isinstance(expected, MatrixBase):
            return
        terms = terms_of(expected)
        for index, term in enumerate(terms):
            for factor, changed in _with_one_factor_transposed(term):
                rest = (*terms[:index], changed, *terms[index + 1:])
                yield Candidate(partial(_summed, rest, answer),
                                told("Check the transposes: the factor {factor} is transposed the wrong way.", factor=factor))


def _summed(terms: tuple[Basic, ...], answer: Basic) -> tuple[Basic, Basic]:
    return (sympy.MatAdd(*terms) if len(terms) > 1 else terms[0]), answer


def _with_one_factor_transposed(term: Basic) -> Iterator[tuple[Basic, Basic]]:
    if not isinstance(term, MatMul):
        return
    args = term.args
    for index, factor in enumerate(args):
        if not isinstance(factor, MatrixExpr) or sympy.transpose(factor) == factor:
            continue
        try:
            changed = MatMul(*args[:index], sympy.transpose(factor), *args[index + 1:]).doit(deep=False)
        except (sympy.ShapeError, TypeError, ValueError):
            continue
        if changed.shape == term.shape:
            yield factor, changed
