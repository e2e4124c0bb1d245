"""The minimiser of a least-squares loss: its gradient set to zero gives the normal equations,
solved when the matrix is invertible.

L(w) = c ‖Aw - b‖² has ∇L = 2c Aᵀ(Aw - b); ∇L = 0 ⇔ AᵀA w = Aᵀb (the normal equations), so
w* = (AᵀA)⁻¹Aᵀb when AᵀA is invertible.

>>> from sympy import MatrixSymbol, Symbol
>>> from derive._matrix_objects import SquaredNorm
>>> m, n = Symbol("m", positive=True, integer=True), Symbol("n", positive=True, integer=True)
>>> X, w, y = MatrixSymbol("X", m, n), MatrixSymbol("w", n, 1), MatrixSymbol("y", m, 1)
>>> least_squares_minimiser(SquaredNorm(X * w - y) / m, w).result
(X.T*X)**(-1)*X.T*y
"""

from __future__ import annotations

import sympy
from sympy import Eq, Inverse, MatAdd, MatMul, MatrixSymbol, ZeroMatrix

from ._errors import UnsupportedInput
from ._matrix_calculus import matrix_gradient
from ._steps import Derivation, Step

__all__ = ["least_squares_minimiser"]


def _coefficient_and_matrices(term) -> tuple[sympy.Expr, tuple]:
    if isinstance(term, MatMul):
        coefficient, matrices = term.as_coeff_matrices()
        return coefficient, tuple(matrices)
    return sympy.S.One, (term,)


def _linear_parts(gradient, w: MatrixSymbol) -> tuple:
    """(M, v) with gradient = c (M w - v) for a scalar c: M w collects the terms ending in w."""
    with_w, without = [], []
    for term in MatAdd.make_args(sympy.expand(gradient).doit()):
        coefficient, matrices = _coefficient_and_matrices(term)
        if matrices[-1] == w and not any(m.has(w) for m in matrices[:-1]):
            with_w.append((coefficient, matrices[:-1]))
        elif not term.has(w):
            without.append((coefficient, matrices))
        else:
            raise UnsupportedInput(f"the gradient {gradient} is not linear in {w}: no normal equations")
    if len(with_w) != 1 or not with_w[0][1]:
        raise UnsupportedInput(f"the gradient {gradient} is not of the form c (M {w} - v)")
    scale, matrix = with_w[0]
    right = MatAdd(*(MatMul(-coefficient / scale, *matrices) for coefficient, matrices in without)).doit()
    return MatMul(*matrix), right


def least_squares_minimiser(loss, w: MatrixSymbol) -> Derivation:
    """Worked minimiser of a loss whose gradient is linear in ``w`` (least squares): the
    gradient, set to zero (the normal equations), solved with the matrix assumed invertible."""
    gradient = matrix_gradient(loss, w)
    matrix, right = _linear_parts(gradient.result, w)
    normal = Eq(matrix * w, right, evaluate=False)
    solution = Inverse(matrix) * right
    steps = (
        Step("gradient", loss, gradient.result, substeps=gradient.steps, connective="has the gradient"),
        Step("set the gradient to zero", Eq(gradient.result, ZeroMatrix(*w.shape), evaluate=False), normal,
             note="divide by the scalar factor and move the terms without w to the right: the normal equations"),
        Step("solve the normal equations", normal, Eq(w, solution, evaluate=False),
             conditions=(sympy.Ne(sympy.Determinant(matrix), 0),),
             note="multiply on the left by the inverse of the invertible matrix"),
    )
    return Derivation(solution, steps, title=f"minimiser of the loss over {w}", statement=loss)
