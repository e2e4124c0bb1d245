r"""One arithmetic for both readers: sums, products, quotients and powers of read values.

The plain reader and the LaTeX reader call these functions once they have read the
operands, so an answer means the same in either notation. A combination that has no
meaning raises :class:`Refused` with a sentence in the student's words (never sympy's
internal text); each reader turns it into an ``InvalidAnswer`` pointing at its own spot.

The rules, decided once:

- a 1x1 matrix (``x^T y``) counts as a scalar in a sum, as a divisor, as an exponent, and
  in a product whose sizes would not otherwise match;
- a scalar added to a vector means every entry (``1 - s``); a scalar and any other matrix
  do not add (``lambda + A`` could mean ``lambda I + A``);
- sums need one shape; products need equal inner sizes (symbolic sizes are names:
  ``n`` and ``1`` differ); a number times a tuple scales each coordinate;
- dividing by zero is refused; dividing by a matrix multiplies by its inverse;
- a vector's power is taken entry by entry; a square matrix to the power -1 is its
  inverse, to another whole number an ordinary matrix power;
- sets, tuples and comparisons take no part in arithmetic (except a tuple scaled);
- numbers and exact powers are capped by :class:`Limits` before anything is computed.

>>> from sympy import MatrixSymbol, Symbol
>>> x = MatrixSymbol("x", 2, 1)
>>> multiply(transpose(x), x)
x.T*x
>>> multiply(x, x)
Traceback (most recent call last):
...
checkers._errors.ShapeMismatch: cannot multiply a 2x1 matrix by a 2x1 matrix: the inner sizes 1 and 2 differ
>>> divide(Symbol("y"), 0)
Traceback (most recent call last):
...
checkers._errors.Refused: division by zero
"""

from __future__ import annotations

import math

import sympy
from sympy import Basic, ImmutableMatrix, MatrixBase, MatrixExpr

from . import _structures as structures
from ._errors import Refused, ShapeMismatch
from ._limits import DEFAULT_LIMITS, Limits
from ._numbers import check_power_size, require_digits

__all__ = [
    "Refused",
    "ShapeMismatch",
    "add",
    "subtract",
    "negate",
    "multiply",
    "hadamard",
    "divide",
    "power",
    "factorial",
    "transpose",
    "inverse",
    "trace",
    "determinant",
    "absolute",
    "norm",
    "squared_norm",
    "relation",
    "matrix_layout",
    "matrix",
    "describe",
]

_RELATIONS = {"<": sympy.Lt, ">": sympy.Gt, "<=": sympy.Le, ">=": sympy.Ge, "!=": sympy.Ne,
              "=": lambda left, right: sympy.Eq(left, right, evaluate=False)}
_SYMPY_FAILURES = (TypeError, ValueError, AttributeError, NotImplementedError, sympy.ShapeError)
_IDENTITY_HINT = "to add c times the identity, write c I"


# -- sums ---------------------------------------------------------------------------
def add(left: Basic, right: Basic) -> Basic:
    """left + right: a 1x1 matrix is a scalar, a scalar spreads over a vector, shapes agree.

    >>> from sympy import MatrixSymbol
    >>> add(1, MatrixSymbol("s", 3, 1)).shape
    (3, 1)
    """
    _require_arithmetic("cannot add {}", left, right)
    left, right = structures.size_identity(_sympify(left), _sympify(right), product=False)  # (c - y) I + v^T h
    left, right = structures.scalar_if_1x1(left), structures.scalar_if_1x1(right)
    if structures.is_matrix(left) != structures.is_matrix(right):
        left, right = _broadcast(left, right)
    if structures.is_matrix(left) and _differ(left.shape, right.shape):
        raise ShapeMismatch(f"cannot add {describe(left)} and {describe(right)}: the shapes differ")
    return _attempt(lambda: left + right, f"cannot add {describe(left)} and {describe(right)}")


def subtract(left: Basic, right: Basic) -> Basic:
    """left - right."""
    return add(left, negate(right))


def negate(value: Basic) -> Basic:
    """-value (a tuple negates each coordinate)."""
    return multiply(sympy.Integer(-1), value)


def _broadcast(left: Basic, right: Basic) -> tuple[Basic, Basic]:
    """A scalar beside a vector becomes the vector of that scalar in every entry."""
    vector = left if structures.is_matrix(left) else right
    rows, cols = vector.shape
    if not (rows == 1 or cols == 1):
        raise Refused(f"cannot add {describe(left)} and {describe(right)} ({_IDENTITY_HINT})")
    ones = ImmutableMatrix.ones(rows, cols) if isinstance(vector, MatrixBase) else sympy.OneMatrix(rows, cols)
    left = left if structures.is_matrix(left) else left * ones
    right = right if structures.is_matrix(right) else right * ones
    return left, right


# -- products -----------------------------------------------------------------------
def multiply(left: Basic, right: Basic) -> Basic:
    """left * right: a matrix product when both are matrices (inner sizes must agree).

    >>> from sympy import MatrixSymbol, Tuple
    >>> multiply(2, Tuple(4, -1))
    (8, -2)
    >>> multiply(MatrixSymbol("A", 2, 3), MatrixSymbol("B", 2, 3))
    Traceback (most recent call last):
    ...
    checkers._errors.ShapeMismatch: cannot multiply a 2x3 matrix by a 2x3 matrix: the inner sizes 3 and 2 differ
    """
    left, right = _sympify(left), _sympify(right)
    if isinstance(left, sympy.Tuple) or isinstance(right, sympy.Tuple):
        return _scale_tuple(left, right)
    _require_arithmetic("cannot multiply {}", left, right)
    left, right = structures.size_identity(left, right, product=True)
    if structures.is_matrix(left) and structures.is_matrix(right) and _differ(left.shape[1:], right.shape[:1]):
        if _is_1x1(left) or _is_1x1(right):
            return multiply(structures.scalar_if_1x1(left), structures.scalar_if_1x1(right))
        raise ShapeMismatch(
            f"cannot multiply {describe(left)} by {describe(right)}: "
            f"the inner sizes {left.shape[1]} and {right.shape[0]} differ"
        )
    return _attempt(lambda: left * right, f"cannot multiply {describe(left)} by {describe(right)}")


def _scale_tuple(left: Basic, right: Basic) -> Basic:
    """A scalar times a point scales each coordinate: ``2 (4, -1)`` is ``(8, -2)``."""
    point, factor = (left, right) if isinstance(left, sympy.Tuple) else (right, left)
    if not _is_scalar(factor):
        raise Refused(f"cannot multiply {describe(left)} by {describe(right)}: a tuple can only be scaled by a scalar")
    return sympy.Tuple(*(multiply(factor, coordinate) for coordinate in point))


def hadamard(left: Basic, right: Basic) -> Basic:
    """left ⊙ right: the entrywise product of two matrices of one shape (of scalars, their product)."""
    _require_arithmetic("cannot multiply {} entrywise", left, right)
    left, right = _sympify(left), _sympify(right)
    if not (structures.is_matrix(left) or structures.is_matrix(right)):
        return left * right
    if not (structures.is_matrix(left) and structures.is_matrix(right)):
        raise Refused(f"cannot multiply {describe(left)} entrywise by {describe(right)}: both must be matrices of one shape")
    if _differ(left.shape, right.shape):
        raise ShapeMismatch(f"cannot multiply {describe(left)} entrywise by {describe(right)}: the shapes differ")
    return sympy.HadamardProduct(left, right)


# -- quotients and powers ---------------------------------------------------------------
def divide(left: Basic, right: Basic) -> Basic:
    """left / right; dividing by a matrix multiplies by its inverse; dividing by zero is refused."""
    return multiply(left, inverse(structures.scalar_if_1x1(_sympify(right))))


def power(base: Basic, exponent: Basic, limits: Limits = DEFAULT_LIMITS) -> Basic:
    """base ** exponent within the caps: entrywise for a vector, an inverse for a matrix's -1.

    >>> power(2, 10)
    1024
    >>> power(2, 50000)
    Traceback (most recent call last):
    ...
    checkers._errors.Refused: exponent 50000 is larger than 10000
    """
    base, exponent = _sympify(base), structures.scalar_if_1x1(_sympify(exponent))
    _require_arithmetic("cannot raise {} to a power", base)
    if base == sympy.E and structures.is_vector(exponent):  # e^{z} of a vector: entry by entry, as in softmax
        return structures.apply_elementwise(sympy.exp, exponent)
    if structures.is_matrix(exponent):
        raise Refused("an exponent cannot be a matrix")
    if not _is_scalar(exponent):
        raise Refused(f"an exponent cannot be {describe(exponent)}")
    check_power_size(base, exponent, limits)
    if structures.is_matrix(base):
        return _matrix_power(base, exponent)
    if base == 0 and exponent.is_negative:
        raise Refused("division by zero")
    return _attempt(lambda: base**exponent, "cannot raise this to a power")


def _matrix_power(base: Basic, exponent: Basic) -> Basic:
    if _is_1x1(base):
        return power(structures.scalar_if_1x1(base), exponent)
    if 1 in tuple(base.shape):  # a vector: entry by entry (h^2)
        if isinstance(base, MatrixBase):
            return ImmutableMatrix(base.applyfunc(lambda entry: power(entry, exponent)))
        return sympy.HadamardPower(base, exponent)
    if exponent == -1:
        return inverse(base)
    if not exponent.is_Integer:
        raise Refused("a matrix can only be raised to a whole-number power")
    _require_square(base, "powers")
    return _attempt(lambda: base**exponent, f"cannot raise {describe(base)} to the power {exponent}")


def factorial(value: Basic, limits: Limits = DEFAULT_LIMITS) -> Basic:
    """n! of a whole number up to the cap, or of an expression (``(n+1)!``).

    >>> factorial(sympy.Symbol("n") + 1), factorial(5)
    (factorial(n + 1), 120)
    """
    value = _sympify(value)
    if isinstance(value, sympy.factorial):
        raise Refused("n!! (a double factorial) is not read: write the product out")
    _require_whole(value, "a factorial", limits)
    if value.is_Integer:
        require_digits(math.lgamma(int(value) + 1) / math.log(10), limits)
    return sympy.factorial(value)


def binomial(top: Basic, bottom: Basic, limits: Limits = DEFAULT_LIMITS) -> Basic:
    """The binomial coefficient; a numeric top is capped like a factorial.

    >>> binomial(4, 2), binomial(sympy.Symbol("n"), 2)
    (6, binomial(n, 2))
    """
    top, bottom = _sympify(top), _sympify(bottom)
    _require_whole(top, "a binomial coefficient", limits)
    _require_whole(bottom, "a binomial coefficient", limits)
    if top.is_Integer:
        require_digits(int(top) * math.log10(2), limits)
    return sympy.binomial(top, bottom)


def _require_whole(value: Basic, what: str, limits: Limits) -> None:
    _require_arithmetic(f"{what} cannot take {{}}", value)
    if structures.is_matrix(value):
        raise Refused(f"{what} cannot take a matrix")
    if value.is_Number and not (value.is_Integer and 0 <= value <= limits.max_factorial):
        raise Refused(f"{what} needs a whole number from 0 to {limits.max_factorial}")


# -- matrix functions -------------------------------------------------------------------
def transpose(value: Basic) -> Basic:
    """value^T (a scalar is its own transpose)."""
    return structures.transpose(value)


def inverse(value: Basic) -> Basic:
    """A^{-1} of a square matrix; 1/a of a nonzero scalar.

    >>> inverse(ImmutableMatrix([[1, 2], [2, 4]]))
    Traceback (most recent call last):
    ...
    checkers._errors.Refused: this matrix has no inverse: its determinant is 0
    """
    value = _sympify(value)
    if not structures.is_matrix(value):
        _require_arithmetic("cannot divide by {}", value)
        if value == 0:
            raise Refused("division by zero")
        return 1 / value
    _require_square(value, "an inverse")
    if isinstance(value, MatrixBase):
        try:
            return ImmutableMatrix(value).inv()
        except (ValueError, ZeroDivisionError):
            raise Refused("this matrix has no inverse: its determinant is 0") from None
    return sympy.Inverse(value)


def trace(value: Basic) -> Basic:
    """tr(A) of a square matrix; the trace of a scalar is the scalar."""
    if structures.is_matrix(value):
        _require_square(value, "a trace")
    return structures.trace(value)


def determinant(value: Basic) -> Basic:
    """det(A) of a square matrix; the determinant of a scalar is the scalar."""
    if structures.is_matrix(value):
        _require_square(value, "a determinant")
    return structures.determinant(value)


def absolute(value: Basic) -> Basic:
    """|a| of a scalar (|A| of a matrix is ambiguous and refused)."""
    if structures.is_matrix(value):
        raise Refused("|A| of a matrix is ambiguous: write det(A) or the norm ||A||")
    _require_arithmetic("cannot take the absolute value of {}", value)
    return sympy.Abs(value)


def squared_norm(value: Basic) -> Basic:
    """||v||^2: v^T v for a vector, the sum of squared entries, |a|^2 for a scalar."""
    if isinstance(value, MatrixBase):
        return sum((entry**2 for entry in value), sympy.Integer(0))
    if isinstance(value, MatrixExpr):
        if value.shape[1] == 1:
            return value.T * value
        if value.shape[0] == 1:
            return value * value.T
        return sympy.Trace(value.T * value)
    _require_arithmetic("cannot take the norm of {}", value)
    return sympy.Abs(value) ** 2


def norm(value: Basic) -> Basic:
    """||v|| (Euclidean; Frobenius for a matrix); |a| for a scalar."""
    if not structures.is_matrix(value):
        return absolute(value)
    return sympy.sqrt(structures.scalar_if_1x1(squared_norm(value)))


# -- comparisons and explicit matrices ------------------------------------------------------
def relation(operator: str, left: Basic, right: Basic) -> Basic:
    """``left < right`` (``<``, ``>``, ``<=``, ``>=``, ``!=``) of two real scalars.

    >>> relation("<=", sympy.Symbol("x"), 1)
    x <= 1
    """
    for side in (left, right):
        if structures.is_matrix(side):
            raise Refused("matrices cannot be compared")
        if not _is_scalar(_sympify(side)):
            raise Refused(f"cannot compare {describe(side)}: only scalars are compared")
    return _attempt(lambda: _RELATIONS[operator](left, right), f"cannot compare {describe(left)} and {describe(right)}")


def matrix_layout(widths: list[int], limits: Limits = DEFAULT_LIMITS) -> None:
    """Refuse an explicit matrix with no rows, rows of different lengths, or too many entries."""
    if not widths or not widths[0]:
        raise Refused("this matrix is empty")
    if any(width != widths[0] for width in widths):
        raise Refused("the rows of this matrix have different lengths")
    if widths[0] * len(widths) > limits.max_matrix_entries:
        raise Refused("this matrix is too large")


def matrix(rows: list[list[Basic]], limits: Limits = DEFAULT_LIMITS) -> ImmutableMatrix:
    """The explicit matrix of these rows of scalars.

    >>> matrix([[1, 2], [3]])
    Traceback (most recent call last):
    ...
    checkers._errors.Refused: the rows of this matrix have different lengths
    """
    matrix_layout([len(row) for row in rows], limits)
    if any(not _is_scalar(_sympify(entry)) for row in rows for entry in row):
        raise Refused("a matrix entry must be a scalar")
    return ImmutableMatrix(rows)


# -- descriptions and checks --------------------------------------------------------------
def describe(value: object) -> str:
    """What a value is, in words, for messages.

    >>> describe(sympy.MatrixSymbol("A", sympy.Symbol("n"), 1)), describe(sympy.FiniteSet(1))
    ('an n x 1 matrix', 'a set')
    """
    if structures.is_matrix(value):
        rows, cols = value.shape  # type: ignore[attr-defined]
        size = f"{rows}x{cols}" if _numeric(rows) and _numeric(cols) else f"{rows} x {cols}"
        return f"{_article(size)} {size} matrix"
    if isinstance(value, sympy.Tuple):
        return "a tuple"
    if isinstance(value, sympy.Set):
        return "a set"
    if isinstance(value, (sympy.core.relational.Relational, sympy.logic.boolalg.BooleanFunction)):
        return "a comparison"
    if isinstance(value, sympy.logic.boolalg.BooleanAtom):
        return "a truth value"
    return "a scalar"


def _article(size: str) -> str:
    leading = size.split("x")[0].strip()
    vowel_sound = leading[0] in "aefhilmnorsx8" or leading in ("11", "18")
    return "an" if vowel_sound else "a"


def _require_arithmetic(refusal: str, *values: object) -> None:
    """Only scalars and matrices take part in arithmetic; ``refusal`` has a ``{}`` for the culprit."""
    for value in values:
        if not (structures.is_matrix(value) or _is_scalar(_sympify(value))):
            raise Refused(refusal.format(describe(value)) + ": arithmetic takes scalars, vectors and matrices")


def _require_square(value: Basic, what: str) -> None:
    if _differ(value.shape[:1], value.shape[1:]):
        raise Refused(f"only a square matrix has {what}; this is {describe(value)}")


def _is_scalar(value: object) -> bool:
    return isinstance(value, sympy.Expr) and not structures.is_matrix(value)


def _is_1x1(value: Basic) -> bool:
    return structures.is_matrix(value) and tuple(value.shape) == (1, 1)


def _numeric(size: object) -> bool:
    return isinstance(size, (int, sympy.Integer))


def _differ(sizes: tuple, others: tuple) -> bool:
    """Sizes known to differ: two different numbers, or a number and a size name (``1`` and ``n``).

    Two different names (``m`` and ``n``) may stand for one size, so they are not refused
    here; the comparison instantiates them.
    """
    return any(_size_differs(sympy.sympify(a), sympy.sympify(b)) for a, b in zip(sizes, others))


def _size_differs(size: Basic, other: Basic) -> bool:
    if size == other:
        return False
    return size.is_Number or other.is_Number


def _sympify(value: object) -> Basic:
    """Python numbers from callers become sympy numbers; sympy objects pass unchanged."""
    if isinstance(value, bool):
        return sympy.true if value else sympy.false
    return sympy.Integer(value) if isinstance(value, int) else value  # type: ignore[return-value]


def _attempt(operation, failure: str) -> Basic:
    """Run a sympy operation; a sympy exception becomes a plain sentence."""
    try:
        return operation()
    except _SYMPY_FAILURES:
        raise Refused(failure) from None
