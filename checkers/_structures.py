"""Matrix-aware builders shared by both readers: transpose, trace, diag, inverse, softmax.

Each accepts an explicit matrix or a matrix expression with symbolic shape.

>>> from sympy import MatrixSymbol, Symbol, Matrix
>>> s = MatrixSymbol("s", Symbol("n"), 1)
>>> diag(s).shape
(n, n)
>>> softmax(Matrix([0, 0]))
Matrix([
[1/2],
[1/2]])
"""

from __future__ import annotations

import functools
import operator

import sympy
from sympy import ImmutableMatrix, MatrixBase, MatrixExpr
from sympy.matrices.expressions.applyfunc import ElementwiseApplyFunction
from sympy.matrices.expressions.diagonal import DiagMatrix

from derive._matrix_objects import ELEMENTWISE_FUNCTIONS, Diag, Softmax, elementwise

__all__ = [
    "NotApplicable",
    "PLUS_MINUS",
    "both_signs",
    "is_matrix",
    "is_vector",
    "scalar_if_1x1",
    "scalar_1x1_factors",
    "IDENTITY",
    "size_identity",
    "has_unsized_identity",
    "transpose",
    "trace",
    "diag",
    "inverse",
    "determinant",
    "softmax",
    "apply_elementwise",
]


class NotApplicable(ValueError):
    """A builder given something it does not apply to; the message is a sentence for the student."""


def is_matrix(obj: object) -> bool:
    """True for explicit matrices and matrix expressions alike."""
    return isinstance(obj, (MatrixBase, MatrixExpr))

def is_vector(obj: object) -> bool:
    """True for a column or row vector (a matrix with one row or one column, not 1x1)."""
    return is_matrix(obj) and 1 in tuple(obj.shape) and tuple(obj.shape) != (1, 1)

def transpose(obj: sympy.Basic) -> sympy.Basic:
    """A^T for a matrix; a scalar is its own transpose."""
    return obj.T if is_matrix(obj) else obj

def trace(obj: sympy.Basic) -> sympy.Basic:
    """tr(A); the trace of a scalar is the scalar."""
    return sympy.Trace(obj).doit() if is_matrix(obj) else obj

def determinant(obj: sympy.Basic) -> sympy.Basic:
    """det(A)."""
    return sympy.Determinant(obj).doit() if is_matrix(obj) else obj

def inverse(obj: sympy.Basic) -> sympy.Basic:
    """A^{-1} (1/a for a scalar)."""
    if isinstance(obj, MatrixBase):
        return ImmutableMatrix(obj).inv()
    return sympy.Inverse(obj) if is_matrix(obj) else 1 / obj

def diag(*args: sympy.Basic) -> sympy.Basic:
    """diag(v) of a vector, or the diagonal matrix of scalar entries."""
    if len(args) == 1 and isinstance(args[0], MatrixBase):
        return ImmutableMatrix(sympy.diag(*list(args[0])))
    if len(args) == 1 and isinstance(args[0], MatrixExpr):
        if args[0].shape[0] == 1 and args[0].shape[1] != 1:  # diag(s^T): the same diagonal matrix as diag(s)
            return Diag(transpose(args[0]))
        return Diag(args[0]) if args[0].shape[1] == 1 else DiagMatrix(args[0])
    return ImmutableMatrix(sympy.diag(*args))

def apply_elementwise(function: type[sympy.Function], obj: sympy.Basic, order: int = 0) -> sympy.Basic:
    """f (or its ``order``-th derivative) applied entry by entry when obj is a matrix, plain
    f(obj) otherwise; derive's ``Elementwise`` (printed tanh(u), tanh'(u)) for the
    functions it knows."""
    named = _ELEMENTWISE_NAMES.get(function)
    if named and isinstance(obj, MatrixExpr) and not isinstance(obj, MatrixBase):
        return elementwise(named, obj, order)
    if order:
        t = sympy.Dummy("t", real=True)
        function = sympy.Lambda(t, sympy.diff(function(t), t, order))
    if isinstance(obj, MatrixBase):
        return ImmutableMatrix(obj.applyfunc(function))
    if isinstance(obj, MatrixExpr):
        return ElementwiseApplyFunction(function, obj)
    return function(obj)

def softmax(obj: sympy.Basic) -> sympy.Basic:
    """softmax(z) = exp(z) / (1^T exp(z)), column by column: derive's ``Softmax``, explicit
    for an explicit matrix."""
    if not is_matrix(obj):
        raise NotApplicable("softmax needs a vector argument (softmax of a single entry is not defined)")
    return Softmax(obj).doit() if isinstance(obj, MatrixBase) else Softmax(obj)

_ELEMENTWISE_NAMES = {function: name for name, function in ELEMENTWISE_FUNCTIONS.items()}

IDENTITY = sympy.Symbol("I_identity")  # the identity matrix I, before its size is known

def size_identity(left: sympy.Basic, right: sympy.Basic, *, product: bool) -> tuple[sympy.Basic, sympy.Basic]:
    """Give a bare identity ``I`` the size its matrix neighbour implies.

    In a sum, ``I`` takes the (square) shape of the other term; in a product ``I A`` it
    takes A's rows, in ``A I`` A's columns.

    >>> from sympy import MatrixSymbol, Symbol
    >>> A = MatrixSymbol("A", Symbol("n"), Symbol("n"))
    >>> size_identity(A, 2 * IDENTITY, product=False)[1]
    2*I
    """
    for mine, other, on_left in ((left, right, True), (right, left, False)):
        if is_matrix(other) and not is_matrix(mine) and IDENTITY in getattr(mine, "free_symbols", ()):
            rows, cols = other.shape
            size = (rows if on_left else cols) if product else rows
            sized = mine.xreplace({IDENTITY: sympy.Identity(size)})
            return (sized, other) if on_left else (other, sized)
    return left, right

def has_unsized_identity(value: sympy.Basic) -> bool:
    """True when an identity ``I`` never met a matrix to take its size from."""
    return IDENTITY in getattr(value, "free_symbols", ())

def scalar_if_1x1(value: sympy.Basic) -> sympy.Basic:
    """A 1x1 matrix is a number: its entry, or the trace of a 1x1 product such as ``v^T h``.

    >>> from sympy import MatrixSymbol, Symbol
    >>> v = MatrixSymbol("v", Symbol("n"), 1)
    >>> scalar_if_1x1(v.T * v)
    Trace(v.T*v)
    """
    if isinstance(value, MatrixBase) and value.shape == (1, 1):
        return value[0, 0]
    if isinstance(value, MatrixExpr) and tuple(value.shape) == (1, 1):
        return sympy.Trace(value).doit() if value.has(sympy.Identity) else sympy.Trace(value)  # c I_1 is c
    return value


def scalar_1x1_factors(obj: sympy.Basic) -> sympy.Basic:
    """``obj`` with every 1x1 factor of a matrix product made a number, as the readers make
    it (:func:`scalar_if_1x1`): ``x (h^T v - y I) v^T`` is ``(tr(h^T v) - y) x v^T``. The
    value is the same; an answer read from the printed reference is then identical to it.

    >>> from sympy import MatrixSymbol, Symbol, Identity
    >>> x, v = MatrixSymbol("x", Symbol("n"), 1), MatrixSymbol("v", Symbol("n"), 1)
    >>> scalar_1x1_factors(x * (v.T * x - Symbol("y") * Identity(1)) * v.T)
    (-y + Trace(v.T*x))*x*v.T
    """
    if not isinstance(obj, sympy.Basic) or not obj.args or not obj.has(sympy.MatMul):
        return obj
    args = [scalar_1x1_factors(arg) for arg in obj.args]
    if isinstance(obj, sympy.MatMul) and any(is_matrix(a) and tuple(a.shape) != (1, 1) for a in args):
        scalars = [scalar_if_1x1(a) if is_matrix(a) and tuple(a.shape) == (1, 1) else a for a in args]
        if scalars != args:
            return functools.reduce(operator.mul, scalars)
    return obj if all(a is b for a, b in zip(args, obj.args)) else obj.func(*args)


PLUS_MINUS = sympy.Dummy("pm")
"""The sign of ``\\pm`` / ``±`` while an answer is read; :func:`both_signs` resolves it."""


def both_signs(value: sympy.Basic) -> sympy.Basic:
    """``\\pm a`` is the set {a, -a}; inside a set, each element contributes both signs.

    >>> both_signs(1 + 2 * PLUS_MINUS)
    {-1, 3}
    """
    if not isinstance(value, sympy.Basic) or PLUS_MINUS not in value.free_symbols:
        return value
    if isinstance(value, sympy.FiniteSet):
        return sympy.FiniteSet(*(item for element in value.args for item in _signed(element)))
    return sympy.FiniteSet(*_signed(value))


def _signed(value: sympy.Basic) -> tuple[sympy.Basic, ...]:
    if PLUS_MINUS not in getattr(value, "free_symbols", ()):
        return (value,)
    return value.xreplace({PLUS_MINUS: 1}), value.xreplace({PLUS_MINUS: -1})
