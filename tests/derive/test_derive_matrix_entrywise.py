"""Entrywise functions of matrices (d f(U) = f'(U) ⊙ dU), batch softmax, and matrix
derivatives with respect to a scalar: each result is checked on an explicit instance."""

import random

import pytest
import sympy
from sympy import ImmutableMatrix, Matrix, MatrixSymbol, Symbol, symbols

import derive
from derive import LogSumExp, Softmax, SquaredNorm, Tr, elementwise

m, n, h = symbols("m n h", integer=True, positive=True)
SIZES = {m: 3, n: 2, h: 2}
X, W = MatrixSymbol("X", m, n), MatrixSymbol("W", n, h)
A, Y, U = MatrixSymbol("A", m, h), MatrixSymbol("Y", m, h), MatrixSymbol("U", h, m)

LOSSES = [
    Tr(A.T * elementwise("tanh", X * W)),
    SquaredNorm(elementwise("tanh", X * W) - Y),
    Tr(A.T * elementwise("tanh", elementwise("sigmoid", X * W))),
    Tr(A.T * elementwise("softplus", X * W)) + SquaredNorm(W),
    Tr(U * Softmax(X * W)),
    LogSumExp(X * W) - Tr(A.T * X * W),
]


def _explicit(expr, values):
    """``expr`` at explicit matrices ``values`` (MatrixSymbol -> Matrix), as a Matrix."""
    expr = expr.subs(SIZES)
    replacements = {s: ImmutableMatrix(values[s.name]) for s in expr.atoms(MatrixSymbol)}
    value = expr.xreplace(replacements).doit()
    if isinstance(value, sympy.MatrixExpr):
        value = value.as_explicit()
    return Matrix(value) if isinstance(value, sympy.MatrixBase) else Matrix([[value]])


def _instance(seed):
    rng = random.Random(seed)
    shapes = {"X": (3, 2), "A": (3, 2), "Y": (3, 2), "U": (2, 3)}
    values = {k: Matrix(*shape, lambda i, j: sympy.Rational(rng.randint(-9, 9), 7)) for k, shape in shapes.items()}
    entries = Matrix(2, 2, lambda i, j: Symbol(f"w{i}{j}", real=True))
    point = {entries[i, j]: sympy.Rational(rng.randint(-9, 9), 5) for i in range(2) for j in range(2)}
    return values, entries, point


@pytest.mark.parametrize("loss", LOSSES, ids=lambda f: str(f)[:40])
def test_gradient_of_entrywise_loss_matches_explicit_derivative(loss):
    gradient = derive.derive_by_name("matrix_gradient", loss, [W]).result
    assert gradient.shape == W.shape
    for seed in range(2):
        values, entries, point = _instance(seed)
        values["W"] = entries
        scalar = _explicit(loss, values)[0, 0]
        expected = Matrix(2, 2, lambda i, j: sympy.diff(scalar, entries[i, j])).subs(point)
        got = _explicit(gradient, values).subs(point)
        assert all(abs(sympy.N(e, 30)) < 1e-20 for e in (got - expected))


def test_elementwise_differential_of_a_matrix_is_a_hadamard_product():
    derivation = derive.matrix_gradient(Tr(A.T * elementwise("tanh", X * W)), W)
    rules = derivation.rules
    assert any("elementwise chain rule" in r for r in rules)
    assert derivation.steps[0].after.has(sympy.HadamardProduct)


@pytest.mark.parametrize("loss", LOSSES[:1] + LOSSES[4:5], ids=["tanh", "softmax"])
def test_entrywise_derivations_render(loss):
    derivation = derive.matrix_gradient(loss, W)
    assert "⊙" in derivation.to_text() or "circ" in derivation.to_latex()
    derivation.to_latex(), derivation.to_markdown(), derivation.to_dict()
