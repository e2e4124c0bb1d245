"""Matrix-calculus building blocks as sympy expressions with clear printing.

``Elementwise(f, u)`` (f applied entrywise; ``order`` k gives the k-th derivative f^(k)),
``Diag(v)`` (diagonal matrix of a vector), ``Softmax(u)`` (column-wise for matrices),
``LogSumExp(u)`` (sum over columns of log sum exp), ``SquaredNorm(v)`` (||v||^2),
``Tr(M)`` (trace as a 1x1 matrix), ``Scalar(M)`` (a 1x1 matrix used as a number, 1ᵀe in
e / (1ᵀe)), ``Differential(f)`` (the display of d f). Each becomes explicit (``doit``) once its
argument is an explicit matrix, which is how derived results are checked on instances.
"""

from __future__ import annotations

import functools

import sympy
from sympy import Basic, Expr, ImmutableMatrix, Integer, MatrixBase, MatrixExpr
from sympy.core.symbol import Str
from sympy.printing.precedence import PRECEDENCE

from ._functions import relu, sigmoid, softplus

__all__ = ["Elementwise", "Diag", "Softmax", "LogSumExp", "SquaredNorm", "Tr", "Scalar", "Differential",
           "ELEMENTWISE_FUNCTIONS", "elementwise"]

ELEMENTWISE_FUNCTIONS = {
    "sigmoid": sigmoid, "softplus": softplus, "relu": relu, "tanh": sympy.tanh,
    "exp": sympy.exp, "log": sympy.log, "sin": sympy.sin, "cos": sympy.cos, "tan": sympy.tan,
    "sinh": sympy.sinh, "cosh": sympy.cosh,
}
"""Functions that ``Elementwise`` can apply, by name."""

_NAMED_DERIVATIVES = {("softplus", 1): ("sigmoid", 0), ("exp", 1): ("exp", 0)}
"""A derivative that is itself a named function: softplus' = sigmoid, exp' = exp."""

_LATEX_NAMES = {"sigmoid": r"\sigma", "softplus": r"\operatorname{softplus}", "relu": r"\operatorname{ReLU}",
                **{name: "\\" + name for name in ("tanh", "exp", "log", "sin", "cos", "tan", "sinh", "cosh")}}


def elementwise(name: str, arg: MatrixExpr, order: int = 0) -> MatrixExpr:
    """``Elementwise`` with named derivatives resolved (softplus' is sigmoid)."""
    name, order = _NAMED_DERIVATIVES.get((name, order), (name, order))
    return Elementwise(Str(name), arg, Integer(order))


@functools.lru_cache(maxsize=64)
def _scalar_derivative(name: str, order: int) -> tuple[sympy.Dummy, Expr]:
    """f^(order)(t) for the elementwise function ``name``, differentiated once for all entries
    (a matrix made concrete asks for it entry by entry).

    >>> _scalar_derivative("tanh", 1)[1].subs(_scalar_derivative("tanh", 1)[0], 0)
    1
    """
    t = sympy.Dummy("t")
    return t, sympy.diff(ELEMENTWISE_FUNCTIONS[name](t), t, order)


class Elementwise(MatrixExpr):
    """f^(order) applied to every entry of a matrix expression (printed f(u), f'(u))."""

    def __new__(cls, name, arg, order=Integer(0)):  # noqa: B008 - an immutable sympy integer
        name = name if isinstance(name, Str) else Str(name)
        return super().__new__(cls, name, arg, sympy.sympify(order))

    name = property(lambda self: self.args[0].name)
    arg = property(lambda self: self.args[1])
    order = property(lambda self: int(self.args[2]))
    shape = property(lambda self: self.arg.shape)

    def scalar_function(self, value: Expr) -> Expr:
        """f^(order) at a scalar ``value``."""
        t, derivative = _scalar_derivative(self.name, self.order)
        return derivative.subs(t, value)

    def _entry(self, i, j, **kwargs):
        return self.scalar_function(self.arg[i, j])

    def doit(self, **hints):
        arg = self.arg.doit(**hints) if hints.get("deep", True) else self.arg
        if isinstance(arg, MatrixBase):
            return ImmutableMatrix(arg.shape[0], arg.shape[1], lambda i, j: self.scalar_function(arg[i, j]))
        return Elementwise(self.args[0], arg, self.args[2])

    def _latex(self, printer):
        primes = "'" * self.order
        return rf"{_LATEX_NAMES[self.name]}{primes}\left({printer._print(self.arg)}\right)"

    def _sympystr(self, printer):
        return f"{self.name}{chr(39) * self.order}({printer._print(self.arg)})"  # tanh'(u), as a reader reads it


class Diag(MatrixExpr):
    """The diagonal matrix diag(v) of a column vector v."""

    def __new__(cls, vector):
        return super().__new__(cls, vector)

    vector = property(lambda self: self.args[0])
    shape = property(lambda self: (self.vector.shape[0], self.vector.shape[0]))

    def _entry(self, i, j, **kwargs):
        # a Kronecker delta, not ``i == j``: inside a product the indices are symbolic
        return sympy.KroneckerDelta(i, j) * self.vector[i, 0]

    def _eval_transpose(self):
        return self

    def doit(self, **hints):
        vector = self.vector.doit(**hints)
        if isinstance(vector, MatrixBase):
            return ImmutableMatrix(sympy.diag(*vector))
        return Diag(vector)

    def _latex(self, printer):
        return rf"\operatorname{{diag}}\left({printer._print(self.vector)}\right)"

    def _sympystr(self, printer):
        return f"diag({printer._print(self.vector)})"


class Softmax(MatrixExpr):
    """softmax(u): exp(u_i) / sum_k exp(u_k), applied to each column of u."""

    def __new__(cls, arg):
        return super().__new__(cls, arg)

    arg = property(lambda self: self.args[0])
    shape = property(lambda self: self.arg.shape)

    @staticmethod
    def _explicit(matrix: MatrixBase) -> ImmutableMatrix:
        rows, cols = matrix.shape
        totals = [sum(sympy.exp(matrix[k, j]) for k in range(rows)) for j in range(cols)]
        return ImmutableMatrix(rows, cols, lambda i, j: sympy.exp(matrix[i, j]) / totals[j])

    def _entry(self, i, j, **kwargs):
        return self._explicit(self.arg.as_explicit())[i, j]

    def doit(self, **hints):
        arg = self.arg.doit(**hints)
        return self._explicit(arg) if isinstance(arg, MatrixBase) else Softmax(arg)

    def _latex(self, printer):
        return rf"\operatorname{{softmax}}\left({printer._print(self.arg)}\right)"

    def _sympystr(self, printer):
        return f"softmax({printer._print(self.arg)})"


class LogSumExp(MatrixExpr):
    """log-sum-exp, log sum_i exp(u_i) (summed over the columns of a matrix u), as a 1x1
    matrix so that it combines with other 1x1 products such as y^T z."""

    def __new__(cls, arg):
        return super().__new__(cls, arg)

    arg = property(lambda self: self.args[0])
    shape = property(lambda self: (sympy.S.One, sympy.S.One))

    @staticmethod
    def _explicit(matrix: MatrixBase) -> Expr:
        rows, cols = matrix.shape
        return sum(sympy.log(sum(sympy.exp(matrix[i, j]) for i in range(rows))) for j in range(cols))

    def _entry(self, i, j, **kwargs):
        return self._explicit(self.arg.as_explicit())

    def doit(self, **hints):
        arg = self.arg.doit(**hints)
        if isinstance(arg, MatrixBase):
            return ImmutableMatrix([[self._explicit(arg)]])
        return LogSumExp(arg)

    def _latex(self, printer):
        return rf"\operatorname{{logsumexp}}\left({printer._print(self.arg)}\right)"

    def _sympystr(self, printer):
        return f"logsumexp({printer._print(self.arg)})"


class SquaredNorm(MatrixExpr):
    """||v||^2 = v^T v (Frobenius norm squared for a matrix), as a 1x1 matrix."""

    def __new__(cls, arg):
        return super().__new__(cls, arg)

    arg = property(lambda self: self.args[0])
    shape = property(lambda self: (sympy.S.One, sympy.S.One))

    def _entry(self, i, j, **kwargs):
        return sum(entry**2 for entry in self.arg.as_explicit())

    def doit(self, **hints):
        arg = self.arg.doit(**hints)
        if isinstance(arg, MatrixBase):
            return ImmutableMatrix([[sum(entry**2 for entry in arg)]])
        return SquaredNorm(arg)

    def _latex(self, printer):
        return rf"\left\|{printer._print(self.arg)}\right\|^{{2}}"

    def _sympystr(self, printer):
        return f"norm({printer._print(self.arg)})**2"


class Tr(MatrixExpr):
    """The trace tr(M) as a 1x1 matrix, so it combines with 1x1 products and log-sum-exp."""

    def __new__(cls, arg):
        return super().__new__(cls, arg)

    arg = property(lambda self: self.args[0])
    shape = property(lambda self: (sympy.S.One, sympy.S.One))

    def _entry(self, i, j, **kwargs):
        return sympy.Trace(self.arg.as_explicit()).doit()

    def doit(self, **hints):
        arg = self.arg.doit(**hints)
        if isinstance(arg, MatrixBase):
            return ImmutableMatrix([[arg.trace()]])
        return Tr(arg)

    def _latex(self, printer):
        return rf"\operatorname{{tr}}\left({printer._print(self.arg)}\right)"

    def _sympystr(self, printer):
        return f"Trace({printer._print(self.arg)})"


class Scalar(Expr):
    """The single entry of a 1x1 matrix expression, as a number: ``Scalar(1ᵀe)`` divides,
    e / (1ᵀe), and takes logarithms, log(1ᵀe). Printed as the matrix expression itself.

    >>> from sympy import MatrixSymbol, OneMatrix, Matrix
    >>> e = MatrixSymbol("e", 2, 1)
    >>> total = Scalar(OneMatrix(2, 1).T * e)
    >>> (e / total).subs(e, Matrix([1, 3])).doit().T
    Matrix([[1/4, 3/4]])
    """

    is_commutative = True
    precedence = PRECEDENCE["Mul"]

    def __new__(cls, matrix):
        return super().__new__(cls, matrix)

    matrix = property(lambda self: self.args[0])

    def doit(self, **hints):
        matrix = self.matrix.doit(**hints)
        if isinstance(matrix, MatrixExpr) and not matrix.atoms(sympy.MatrixSymbol) and matrix.shape == (1, 1):
            matrix = matrix.as_explicit()
        return matrix[0, 0] if isinstance(matrix, MatrixBase) else Scalar(matrix)

    def _latex(self, printer):
        return printer._print(self.matrix)

    def _sympystr(self, printer):
        return printer._print(self.matrix)


class Differential(Basic):
    """The differential d(f) of an expression, for display in steps."""

    arg = property(lambda self: self.args[0])

    def _latex(self, printer):
        return rf"d\left({printer._print(self.arg)}\right)"

    def _sympystr(self, printer):
        return f"d({printer._print(self.arg)})"
