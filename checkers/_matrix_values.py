"""Numeric values of matrix expressions on concrete instances, with mpmath at a chosen precision.

An instance replaces every matrix symbol by a concrete matrix; the expression is then
evaluated entry by entry in floating point (products, sums, inverses, sigma, tanh, softmax
...) instead of being made explicit exactly with ``doit``, which builds and simplifies a
symbolic entry for every product and is slow for elementwise functions of rational
matrices. Scalar symbols take the values of a test point. An object the evaluator does not
know raises :class:`Unevaluable` (the caller then works exactly); a singular inverse, a pole
or a complex intermediate raises :class:`Undefined`.

>>> from sympy import ImmutableMatrix, MatrixSymbol, Symbol
>>> A, y = MatrixSymbol("A", 2, 2), Symbol("y")
>>> values = MatrixValues({A: ImmutableMatrix([[1, 2], [3, 4]])}, {y: "0.5"}, digits=20)
>>> [str(v) for v in values.entries(y * A.T * A)]
['5.0', '7.0', '7.0', '10.0']
>>> values.entries(A.I * A - sympy.Identity(2)) == [0, 0, 0, 0]
True
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping

import mpmath
import sympy
from sympy import Basic, MatrixBase, MatrixExpr
from sympy.matrices.expressions.applyfunc import ElementwiseApplyFunction
from sympy.matrices.expressions.diagonal import DiagMatrix
from sympy.matrices.expressions.matexpr import MatrixElement

from derive._functions import lower
from derive._matrix_objects import ELEMENTWISE_FUNCTIONS, Diag, Elementwise, LogSumExp, Scalar, Softmax, SquaredNorm, Tr

from ._numeric import Undefined, Unevaluable, evaluate, is_real_value, new_context

__all__ = ["MatrixValues", "Undefined", "Unevaluable"]

_MATRIX_SCALARS = (sympy.Trace, sympy.Determinant, Scalar, MatrixElement)
"""Scalar nodes whose value comes from a matrix: evaluated here, the rest by :func:`evaluate`."""


class MatrixValues:
    """Evaluates objects for one instance (``replacements``: matrix symbol -> explicit
    matrix) at one ``point`` (scalar symbol -> decimal text) with ``digits`` digits."""

    def __init__(self, replacements: Mapping[Basic, Basic], point: Mapping[Basic, str], *, digits: int) -> None:
        self.ctx = new_context(digits)
        self.replacements = replacements
        self.point = {symbol: self.ctx.mpf(text) for symbol, text in point.items()}  # converted once
        self.known: dict[Basic, mpmath.matrix] = {}
        self.table: dict[type, Callable[[Basic], mpmath.matrix]] = {
            sympy.MatAdd: lambda e: _summed([self.matrix(a) for a in e.args]),
            sympy.MatMul: self.product,
            sympy.MatPow: self.power,
            sympy.Inverse: lambda e: self.inverse(self.matrix(e.arg)),
            sympy.Transpose: lambda e: self.matrix(e.arg).T,
            sympy.Identity: lambda e: self.ctx.eye(int(e.rows)),
            sympy.ZeroMatrix: lambda e: self.ctx.zeros(int(e.rows), int(e.cols)),
            sympy.OneMatrix: lambda e: self.ctx.ones(int(e.rows), int(e.cols)),
            sympy.HadamardProduct: self.hadamard,
            sympy.HadamardPower: self.hadamard_power,
            Elementwise: lambda e: self.entrywise(self.matrix(e.arg), _elementwise_function(e.name, e.order)),
            ElementwiseApplyFunction: lambda e: self.entrywise(self.matrix(e.expr), _applied_function(e.function)),
            Diag: lambda e: self.diagonal(self.matrix(e.vector)),
            DiagMatrix: lambda e: self.diagonal(self.matrix(e.args[0])),
            Softmax: lambda e: self.softmax(self.matrix(e.arg)),
            LogSumExp: self.log_sum_exp,
            SquaredNorm: lambda e: self.ctx.matrix([[self.ctx.fsum(v**2 for v in _flat(self.matrix(e.arg)))]]),
            Tr: lambda e: self.ctx.matrix([[_trace(self.matrix(e.arg))]]),
        }

    # -- entry points -------------------------------------------------------------------------
    def entries(self, obj: Basic) -> list[mpmath.mpf | mpmath.mpc]:
        """The values of a matrix's entries (row by row), or the one value of a scalar."""
        if isinstance(obj, (MatrixBase, MatrixExpr)):
            return _flat(self.matrix(obj))
        return [self.scalar(obj)]

    def matrix(self, e: Basic) -> mpmath.matrix:
        """The value of a matrix (an explicit one, or a matrix expression of concrete shape)."""
        if e in self.known:
            return self.known[e]
        if e in self.replacements:
            value = self.matrix(self.replacements[e])
        elif isinstance(e, MatrixBase):
            value = self.ctx.matrix([[self.scalar(e[i, j]) for j in range(e.cols)] for i in range(e.rows)])
        else:
            handler = self.table.get(type(e))
            if handler is None:
                raise Unevaluable(f"no numeric evaluation for {type(e).__name__}")
            value = handler(e)
        self.known[e] = value
        return value

    def scalar(self, e: Basic) -> mpmath.mpf:
        """The value of a scalar that may contain traces, determinants or entries of matrices."""
        if isinstance(e, sympy.Rational):  # the entries of the random matrices: no evaluator needed
            return self.ctx.mpf(int(e.p)) / int(e.q)
        if e in self.point:
            return self.point[e]
        parts = e.atoms(*_MATRIX_SCALARS) if isinstance(e, Basic) else set()
        if not parts:
            return evaluate(lower(e), self.point, context=self.ctx)
        values = dict(self.point)
        stand_ins = {}
        for part in _outermost(e, parts):
            stand_ins[part] = symbol = sympy.Dummy("m")
            values[symbol] = self.real(self.matrix_scalar(part))
        return evaluate(lower(e.xreplace(stand_ins)), values, context=self.ctx)

    # -- scalar nodes of matrices -------------------------------------------------------------
    def matrix_scalar(self, e: Basic) -> mpmath.mpf:
        if isinstance(e, sympy.Trace):
            return _trace(self.matrix(e.arg))
        if isinstance(e, sympy.Determinant):
            return self.ctx.det(self.matrix(e.arg))
        if isinstance(e, Scalar):
            return self.matrix(e.matrix)[0, 0]
        if not (e.i.is_Integer and e.j.is_Integer):
            raise Unevaluable("an entry at a symbolic index")
        return self.matrix(e.parent)[int(e.i), int(e.j)]

    def real(self, value: object) -> mpmath.mpf:
        if not is_real_value(value):
            raise Undefined("a complex intermediate value")
        return self.ctx.re(value)

    # -- matrix nodes -------------------------------------------------------------------------
    def product(self, e: sympy.MatMul) -> mpmath.matrix:
        factor, result = self.ctx.mpf(1), None
        for arg in e.args:
            if isinstance(arg, (MatrixBase, MatrixExpr)):
                value = self.matrix(arg)
                result = value if result is None else result * value
            else:
                factor *= self.scalar(arg)
        if result is None:
            raise Unevaluable("a product without a matrix")
        return result * factor

    def power(self, e: sympy.MatPow) -> mpmath.matrix:
        if not e.exp.is_Integer:
            raise Unevaluable("a matrix to a non-integer power")
        base, exponent = self.matrix(e.base), int(e.exp)
        if exponent < 0:
            base, exponent = self.inverse(base), -exponent
        result = self.ctx.eye(base.rows)
        for _ in range(exponent):
            result = result * base
        return result

    def inverse(self, value: mpmath.matrix) -> mpmath.matrix:
        try:
            return self.ctx.inverse(value)
        except ZeroDivisionError:
            raise Undefined("a singular matrix") from None

    def hadamard(self, e: sympy.HadamardProduct) -> mpmath.matrix:
        values = [self.matrix(a) for a in e.args]
        return self._map(values[0], lambda i, j, v: self.ctx.fprod(m[i, j] for m in values))

    def hadamard_power(self, e: sympy.HadamardPower) -> mpmath.matrix:
        exponent = self.scalar(e.exp)
        return self._map(self.matrix(e.base), lambda i, j, v: self.ctx.power(v, exponent))

    def entrywise(self, value: mpmath.matrix, function: tuple[sympy.Dummy, Basic]) -> mpmath.matrix:
        variable, body = function
        return self._map(value, lambda i, j, v: evaluate(body, {variable: self.real(v)}, context=self.ctx))

    def diagonal(self, value: mpmath.matrix) -> mpmath.matrix:
        entries = _flat(value)
        result = self.ctx.zeros(len(entries), len(entries))
        for k, entry in enumerate(entries):
            result[k, k] = entry
        return result

    def softmax(self, value: mpmath.matrix) -> mpmath.matrix:
        exps = self._map(value, lambda i, j, v: self.ctx.exp(v))
        totals = [self.ctx.fsum(exps[i, j] for i in range(value.rows)) for j in range(value.cols)]
        return self._map(exps, lambda i, j, v: v / totals[j])

    def log_sum_exp(self, e: LogSumExp) -> mpmath.matrix:
        value = self.matrix(e.arg)
        columns = (self.ctx.log(self.ctx.fsum(self.ctx.exp(value[i, j]) for i in range(value.rows))) for j in range(value.cols))
        return self.ctx.matrix([[self.ctx.fsum(columns)]])

    def _map(self, value: mpmath.matrix, entry: Callable[[int, int, object], object]) -> mpmath.matrix:
        return self.ctx.matrix([[entry(i, j, value[i, j]) for j in range(value.cols)] for i in range(value.rows)])


def _summed(values: list[mpmath.matrix]) -> mpmath.matrix:
    total = values[0]
    for value in values[1:]:
        total = total + value
    return total


def _trace(value: mpmath.matrix) -> object:
    if value.rows != value.cols:
        raise Unevaluable("the trace of a non-square matrix")
    return sum((value[k, k] for k in range(value.rows)), value[0, 0] * 0)


def _flat(value: mpmath.matrix) -> list:
    return [value[i, j] for i in range(value.rows) for j in range(value.cols)]


def _outermost(e: Basic, parts: set[Basic]) -> list[Basic]:
    """The nodes of ``parts`` in ``e`` that are not inside another of them."""
    found, todo = [], [e]
    while todo:
        node = todo.pop()
        if node in parts:
            found.append(node)
        else:
            todo.extend(node.args)
    return found


@functools.cache
def _elementwise_function(name: str, order: int) -> tuple[sympy.Dummy, Basic]:
    """f^(order) of a named elementwise function, as (variable, elementary body)."""
    t = sympy.Dummy("t", real=True)
    return t, lower(sympy.diff(ELEMENTWISE_FUNCTIONS[name](t), t, order))


def _applied_function(function: Basic) -> tuple[sympy.Dummy, Basic]:
    """A one-argument function (a Lambda or a function class) as (variable, elementary body)."""
    t = sympy.Dummy("t", real=True)
    return t, lower(function(t))
