"""The one arithmetic both readers use: what each combination gives, or why it is refused."""

from __future__ import annotations

import pytest
import sympy
from sympy import FiniteSet, HadamardPower, Identity, ImmutableMatrix, MatrixSymbol, OneMatrix, Symbol, Trace, Tuple, symbols

from checkers import _arithmetic as arithmetic
from checkers import _numbers as numbers
from checkers._limits import Limits
from checkers._structures import IDENTITY

x, y = symbols("x y")
n, m = symbols("n m", integer=True, positive=True)
A, v, B = MatrixSymbol("A", 2, 2), MatrixSymbol("v", 2, 1), MatrixSymbol("B", 2, 3)
P, w, Q = MatrixSymbol("P", n, n), MatrixSymbol("w", n, 1), MatrixSymbol("Q", m, n)
M = ImmutableMatrix([[1, 2], [3, 4]])

RESULTS = [
    # (operation, operands, result)
    (arithmetic.add, (x, y), x + y),
    (arithmetic.add, (1, v), OneMatrix(2, 1) + v),
    (arithmetic.add, (v.T * v, 1), Trace(v.T * v) + 1),
    (arithmetic.add, (A, 2 * IDENTITY), A + 2 * Identity(2)),
    (arithmetic.add, (ImmutableMatrix([1, 2]), 1), ImmutableMatrix([2, 3])),
    (arithmetic.subtract, (A, A), sympy.ZeroMatrix(2, 2)),
    (arithmetic.negate, (Tuple(1, -2),), Tuple(-1, 2)),
    (arithmetic.multiply, (2, A), 2 * A),
    (arithmetic.multiply, (A, v), A * v),
    (arithmetic.multiply, (v.T * v, v), Trace(v.T * v) * v),
    (arithmetic.multiply, (Q.T, w), Q.T * w),  # m and n are names that may be equal
    (arithmetic.multiply, (2, Tuple(4, -1)), Tuple(8, -2)),
    (arithmetic.hadamard, (v, v), sympy.HadamardProduct(v, v)),
    (arithmetic.hadamard, (x, y), x * y),
    (arithmetic.divide, (x, 2), x / 2),
    (arithmetic.divide, (A, x), A / x),
    (arithmetic.divide, (1, A), A.I),
    (arithmetic.divide, (Tuple(4, 2), 2), Tuple(2, 1)),
    (arithmetic.divide, (y, v.T * v), y / Trace(v.T * v)),
    (arithmetic.power, (2, 10), 1024),
    (arithmetic.power, (v, 2), HadamardPower(v, 2)),
    (arithmetic.power, (ImmutableMatrix([1, 2]), 2), ImmutableMatrix([1, 4])),
    (arithmetic.power, (A, -1), A.I),
    (arithmetic.power, (A, 2), A**2),
    (arithmetic.power, (M, -1), M.inv()),
    (arithmetic.inverse, (x,), 1 / x),
    (arithmetic.trace, (A,), Trace(A)),
    (arithmetic.determinant, (M,), -2),
    (arithmetic.transpose, (x,), x),
    (arithmetic.absolute, (x,), sympy.Abs(x)),
    (arithmetic.norm, (ImmutableMatrix([3, 4]),), 5),
    (arithmetic.squared_norm, (v,), v.T * v),
    (arithmetic.factorial, (sympy.Integer(4),), 24),
    (numbers.number, ("1.5e-3",), sympy.Rational(3, 2000)),
    (numbers.number, ("007",), 7),
    (arithmetic.relation, ("<=", x, 1), x <= 1),
    (arithmetic.matrix, ([[1, x], [y, 2]],), ImmutableMatrix([[1, x], [y, 2]])),
]


@pytest.mark.parametrize(("operation", "operands", "result"), RESULTS, ids=lambda value: getattr(value, "__name__", None))
def test_combinations_that_mean_something(operation, operands, result) -> None:
    assert operation(*operands) == result


REFUSALS = [
    # (operation, operands, the message)
    (arithmetic.divide, (y, 0), "division by zero"),
    (arithmetic.divide, (y, x - x), "division by zero"),
    (arithmetic.power, (0, -1), "division by zero"),
    (arithmetic.multiply, (v, A), "cannot multiply a 2x1 matrix by a 2x2 matrix: the inner sizes 1 and 2 differ"),
    (arithmetic.multiply, (w, P), "cannot multiply an n x 1 matrix by an n x n matrix: the inner sizes 1 and n differ"),
    (arithmetic.multiply, (Tuple(1, 2), A), "cannot multiply a tuple by a 2x2 matrix: a tuple can only be scaled by a scalar"),
    (arithmetic.multiply, (FiniteSet(1), x), "cannot multiply a set: arithmetic takes scalars, vectors and matrices"),
    (arithmetic.add, (A, 1), "cannot add a 2x2 matrix and a scalar (to add c times the identity, write c I)"),
    (arithmetic.add, (A, v), "cannot add a 2x2 matrix and a 2x1 matrix: the shapes differ"),
    (arithmetic.add, (Tuple(1, 2), Tuple(3, 4)), "cannot add a tuple: arithmetic takes scalars, vectors and matrices"),
    (arithmetic.add, (x > 1, 1), "cannot add a comparison: arithmetic takes scalars, vectors and matrices"),
    (arithmetic.hadamard, (v, A), "cannot multiply a 2x1 matrix entrywise by a 2x2 matrix: the shapes differ"),
    (arithmetic.hadamard, (v, x), "cannot multiply a 2x1 matrix entrywise by a scalar: both must be matrices of one shape"),
    (arithmetic.power, (x, A), "an exponent cannot be a matrix"),
    (arithmetic.power, (A, sympy.Rational(1, 2)), "a matrix can only be raised to a whole-number power"),
    (arithmetic.power, (B, 2), "only a square matrix has powers; this is a 2x3 matrix"),
    (arithmetic.power, (2, 50000), "exponent 50000 is larger than 10000"),
    (arithmetic.power, (sympy.Integer(10) ** 50, 999), "this number has 49951 digits; numbers here may have at most 500"),
    (arithmetic.inverse, (B,), "only a square matrix has an inverse; this is a 2x3 matrix"),
    (arithmetic.inverse, (ImmutableMatrix([[1, 2], [2, 4]]),), "this matrix has no inverse: its determinant is 0"),
    (arithmetic.trace, (v,), "only a square matrix has a trace; this is a 2x1 matrix"),
    (arithmetic.determinant, (B,), "only a square matrix has a determinant; this is a 2x3 matrix"),
    (arithmetic.absolute, (A,), "|A| of a matrix is ambiguous: write det(A) or the norm ||A||"),
    (arithmetic.factorial, (sympy.Integer(5000),), "a factorial needs a whole number from 0 to 1000"),
    (numbers.number, ("1" * 61,), "a number has more than 60 digits"),
    (numbers.number, ("1.0e20000",), "this number's exponent is too large"),
    (arithmetic.relation, ("<", A, 1), "matrices cannot be compared"),
    (arithmetic.relation, ("<", x, FiniteSet(1)), "cannot compare a set: only scalars are compared"),
    (arithmetic.matrix, ([],), "this matrix is empty"),
    (arithmetic.matrix, ([[1, 2], [3]],), "the rows of this matrix have different lengths"),
    (arithmetic.matrix, ([[1] * 21] * 20,), "this matrix is too large"),
    (arithmetic.matrix, ([[1, Tuple(1, 2)]],), "a matrix entry must be a scalar"),
]


@pytest.mark.parametrize(("operation", "operands", "message"), REFUSALS, ids=lambda value: getattr(value, "__name__", None))
def test_refusals_say_why_in_the_students_words(operation, operands, message: str) -> None:
    with pytest.raises(arithmetic.Refused) as refused:
        operation(*operands)
    assert str(refused.value) == message


def test_limits_are_the_callers() -> None:
    assert arithmetic.power(2, 20, Limits(max_exponent=20)) == 2**20
    with pytest.raises(arithmetic.Refused, match="larger than 10"):
        arithmetic.power(2, 20, Limits(max_exponent=10))


@pytest.mark.parametrize(
    ("value", "words"),
    [(A, "a 2x2 matrix"), (w, "an n x 1 matrix"), (MatrixSymbol("C", 8, 1), "an 8x1 matrix"), (x, "a scalar"),
     (Tuple(1), "a tuple"), (FiniteSet(1), "a set"), (x > 0, "a comparison"), (sympy.true, "a truth value")],
)
def test_values_are_described_in_words(value, words: str) -> None:
    assert arithmetic.describe(value) == words


def test_a_symbol_is_a_scalar_not_a_truth_value() -> None:
    assert arithmetic.describe(Symbol("p")) == "a scalar"
