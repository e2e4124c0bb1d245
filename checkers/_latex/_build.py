"""Matrix-aware arithmetic for the LaTeX reader: products, sums, powers, transposes, norms.

Every builder takes already-read sympy objects and raises :class:`Refused` (with a
message) when the combination has no meaning, so the parser can report it at the right
spot instead of letting a sympy exception escape.

>>> from sympy import MatrixSymbol, Symbol
>>> n = Symbol("n"); A = MatrixSymbol("A", n, n); x = MatrixSymbol("x", n, 1)
>>> multiply(transpose_of(A), x)
A.T*x
>>> squared_norm(x)
x.T*x
"""

from __future__ import annotations

import sympy
from sympy import Basic, MatrixBase, MatrixExpr

from .. import _structures as structures

__all__ = ["Refused", "add", "hadamard", "multiply", "divide", "power", "transpose_of", "squared_norm", "norm", "absolute", "negate"]


class Refused(ValueError):
    """A combination of values that means nothing (matrix + scalar, 1/matrix of wrong shape)."""


def is_matrix(value: object) -> bool:
    """True for explicit matrices and matrix expressions."""
    return structures.is_matrix(value)


def _shape(value: Basic) -> tuple:
    return tuple(value.shape)


def add(left: Basic, right: Basic) -> Basic:
    """left + right. A 1x1 matrix is a scalar; a scalar added to a vector means every entry
    (``1 - \\sigma(Bx)`` is ``\\mathbf{1} - \\sigma(Bx)``); a scalar and a matrix do not add
    (``\\lambda + A`` could mean ``\\lambda I + A``)."""
    left, right = structures.size_identity(structures.scalar_if_1x1(left), structures.scalar_if_1x1(right), product=False)
    if is_matrix(left) != is_matrix(right):  # x^T x + 1: a 1x1 product is a scalar
        left, right = structures.scalar_if_1x1(left), structures.scalar_if_1x1(right)
    if is_matrix(left) != is_matrix(right):
        try:
            left, right = structures.broadcast_scalar(left, right)
        except ValueError as error:
            raise Refused(str(error)) from None
    if is_matrix(left) and _shape(left) != _shape(right):
        raise Refused(f"cannot add a {_dims(left)} matrix to a {_dims(right)} matrix")
    try:
        return left + right
    except (TypeError, ValueError, sympy.ShapeError) as error:
        raise Refused(f"cannot add these: {_short(error)}") from None


def negate(value: Basic) -> Basic:
    """-value."""
    return -value


def hadamard(left: Basic, right: Basic) -> Basic:
    """left ⊙ right: the entrywise product of two matrices of one shape (a plain product of scalars)."""
    if not (is_matrix(left) and is_matrix(right)):
        if is_matrix(left) or is_matrix(right):
            raise Refused("an entrywise product needs two matrices of the same shape")
        return left * right
    if any(_known_mismatch(a, b) for a, b in zip(left.shape, right.shape)):
        raise Refused(f"cannot multiply a {_dims(left)} matrix entrywise by a {_dims(right)} matrix")
    return sympy.HadamardProduct(left, right)


def multiply(left: Basic, right: Basic) -> Basic:
    """left * right, as a matrix product when both are matrices (shapes must agree)."""
    left, right = structures.size_identity(left, right, product=True)
    try:
        scaled = structures.scale_tuple(left, right)
    except ValueError as error:
        raise Refused(str(error)) from None
    if scaled is not None:
        return scaled
    if is_matrix(left) and is_matrix(right):
        if _known_mismatch(left.shape[1], right.shape[0]):
            if _is_1x1(left) or _is_1x1(right):
                return multiply(structures.scalar_if_1x1(left), structures.scalar_if_1x1(right))
            raise Refused(f"cannot multiply a {_dims(left)} matrix by a {_dims(right)} matrix")
    try:
        return left * right
    except (TypeError, ValueError, sympy.ShapeError) as error:
        raise Refused(f"cannot multiply these: {_short(error)}") from None


def divide(left: Basic, right: Basic) -> Basic:
    """left / right; dividing by a matrix means multiplying by its inverse."""
    right = structures.scalar_if_1x1(right)
    if is_matrix(right):
        return multiply(left, structures.inverse(right))
    if right == 0:
        raise Refused("division by zero")
    try:
        return left / right if not is_matrix(left) else left * (1 / right)
    except (TypeError, ValueError) as error:
        raise Refused(f"cannot divide these: {_short(error)}") from None


def power(base: Basic, exponent: Basic) -> Basic:
    """base ** exponent; a matrix to the power -1 is its inverse, a vector's power is entrywise."""
    exponent = structures.scalar_if_1x1(exponent)
    if is_matrix(exponent):
        raise Refused("an exponent cannot be a matrix")
    entrywise = structures.vector_power(base, exponent)
    if entrywise is not None:
        return entrywise
    if is_matrix(base):
        if _is_1x1(base):
            return structures.scalar_if_1x1(base) ** exponent
        if exponent == -1:
            return structures.inverse(base)
        if not (exponent.is_Integer):
            raise Refused("a matrix can only be raised to an integer power")
        if base.shape[0] != base.shape[1] and not _symbolic(base.shape):
            raise Refused("only a square matrix has powers")
        return base**exponent
    try:
        return base**exponent
    except (TypeError, ValueError) as error:
        raise Refused(f"cannot raise this to a power: {_short(error)}") from None


def transpose_of(value: Basic) -> Basic:
    """value^T (a scalar is its own transpose)."""
    return structures.transpose(value)


def squared_norm(value: Basic) -> Basic:
    """||v||^2: v^T v for a vector (1x1 when symbolic), sum of squares of entries, |a|^2 for a scalar."""
    if isinstance(value, MatrixBase):
        return sum((entry**2 for entry in value), sympy.Integer(0))
    if isinstance(value, MatrixExpr):
        if value.shape[1] == 1:
            return value.T * value
        if value.shape[0] == 1:
            return value * value.T
        return sympy.Trace(value.T * value)
    return sympy.Abs(value) ** 2


def norm(value: Basic) -> Basic:
    """||v|| (Euclidean; Frobenius for a matrix); |a| for a scalar."""
    if not is_matrix(value):
        return sympy.Abs(value)
    squared = squared_norm(value)
    if isinstance(squared, MatrixExpr):
        squared = sympy.Trace(squared)
    return sympy.sqrt(squared)


def absolute(value: Basic) -> Basic:
    """|a| of a scalar (|A| of a matrix is ambiguous and refused)."""
    if is_matrix(value):
        raise Refused("|A| of a matrix is ambiguous: write \\det(A) or \\|A\\|")
    return sympy.Abs(value)


def _is_1x1(value: Basic) -> bool:
    return is_matrix(value) and tuple(value.shape) == (1, 1)


def _symbolic(shape: tuple) -> bool:
    return any(not isinstance(d, (int, sympy.Integer)) for d in shape)


def _known_mismatch(a: object, b: object) -> bool:
    """Inner dimensions that are not the same (``n`` and ``1`` differ: shapes are names here)."""
    return sympy.Integer(a) != b if isinstance(a, int) else a != b


def _dims(value: Basic) -> str:
    return f"{value.shape[0]}x{value.shape[1]}"


def _short(error: Exception) -> str:
    text = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return text[:100]

