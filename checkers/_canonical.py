"""Before values are compared: ML functions lowered, short finite sums written out, and a
tuple or a list of values read as the vector or set the question asks for.

>>> from sympy import FiniteSet, Tuple
>>> as_set_if_listed(FiniteSet(1, 3), Tuple(3, 1))
{1, 3}
"""

from __future__ import annotations

import sympy
from sympy import Basic, ImmutableMatrix, MatrixBase

from derive._functions import ACTIVATIONS, lower

from ._outcome import kind_of
from ._structures import scalar_if_1x1

__all__ = ["canonical", "as_vector_if_tuple", "as_set_if_listed", "vector_length"]

_LONGEST_EXPANDED_SUM = 64
_REWRITTEN = (*ACTIVATIONS.values(), sympy.Piecewise, sympy.Sum, sympy.Product)  # what canonical changes


def canonical(value: Basic) -> Basic:
    """What values are compared as: ML functions lowered to elementary ones, and sums and
    products with numeric bounds (at most 64 terms) written out.

    >>> from sympy import IndexedBase, Sum, Symbol
    >>> x, i = IndexedBase("x"), Symbol("i", integer=True)
    >>> canonical(Sum(x[i], (i, 1, 3)))
    x[1] + x[2] + x[3]
    """
    if isinstance(value, Basic) and not value.has(*_REWRITTEN):  # one walk finds nothing to rewrite
        return value
    value = lower(value)
    if isinstance(value, Basic) and value.has(sympy.Piecewise):
        value = value.replace(_is_step, lambda indicator: sympy.Heaviside(_step_argument(indicator), 0))
    if not isinstance(value, Basic) or not value.has(sympy.Sum, sympy.Product):
        return value
    return value.replace(_is_short_finite, lambda operator: operator.doit())


def _is_step(value: Basic) -> bool:
    """``1[z > 0]`` as a reader builds it, which derive writes as the step Heaviside(z, 0) (0 at 0, as 1[z > 0])."""
    return (isinstance(value, sympy.Piecewise) and len(value.args) == 2 and value.args[0].expr == 1
            and value.args[1] == (0, True) and isinstance(value.args[0].cond, (sympy.StrictGreaterThan, sympy.StrictLessThan)))


def _step_argument(indicator: sympy.Piecewise) -> Basic:
    condition = indicator.args[0].cond
    return condition.lhs - condition.rhs if isinstance(condition, sympy.StrictGreaterThan) else condition.rhs - condition.lhs


def _is_short_finite(value: Basic) -> bool:
    if not isinstance(value, (sympy.Sum, sympy.Product)):
        return False
    limits = [limit for limit in value.limits if len(limit) == 3]
    if len(limits) != len(value.limits) or not all(low.is_Integer and high.is_Integer for _, low, high in limits):
        return False
    return all(0 <= high - low < _LONGEST_EXPANDED_SUM for _, low, high in limits)


def as_vector_if_tuple(expected: Basic, answer: Basic) -> tuple[Basic, Basic]:
    """A tuple answer for a vector (or the reverse) is read as that vector."""
    if isinstance(expected, MatrixBase) and isinstance(answer, sympy.Tuple) and vector_length(expected):
        return expected, ImmutableMatrix(list(answer))
    if isinstance(answer, MatrixBase) and isinstance(expected, sympy.Tuple) and vector_length(answer):
        return ImmutableMatrix(list(expected)), answer
    if isinstance(expected, MatrixBase) and expected.shape == (1, 1) and kind_of(answer) == "scalar":
        return expected[0, 0], answer
    if kind_of(expected) == "scalar" and kind_of(answer).startswith("matrix") and tuple(answer.shape) == (1, 1):
        return expected, scalar_if_1x1(answer)  # a^T v for a number: the 1x1 product is a scalar
    return expected, answer


def as_set_if_listed(expected: Basic, answer: Basic) -> Basic:
    """Values listed as a tuple, or the single value of a one-element set, answer a set question."""
    if not isinstance(expected, sympy.FiniteSet) or isinstance(answer, sympy.FiniteSet):
        return answer
    if isinstance(answer, sympy.Tuple) and not all(isinstance(e, sympy.Tuple) for e in expected.args):
        return sympy.FiniteSet(*answer.args)
    if isinstance(answer, sympy.Tuple) and all(isinstance(a, sympy.Tuple) for a in answer.args):
        return sympy.FiniteSet(*answer.args)
    if len(expected.args) == 1 and kind_of(answer) == kind_of(expected.args[0]):
        return sympy.FiniteSet(answer)
    return answer


def vector_length(m: object) -> int:
    return max(m.shape) if isinstance(m, MatrixBase) and min(m.shape) == 1 else 0
