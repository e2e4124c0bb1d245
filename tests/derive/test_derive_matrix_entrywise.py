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


def _unit(i, j):
    return Matrix(2, 2, lambda a, b: 1 if (a, b) == (i, j) else 0)


@pytest.mark.parametrize("loss", LOSSES, ids=lambda f: str(f)[:40])
def test_gradient_of_entrywise_loss_matches_explicit_derivative(loss):
    gradient = derive.derive_by_name("matrix_gradient", loss, [W]).result
    assert gradient.shape == W.shape
    step = sympy.Rational(1, 10**18)
    for seed in range(2):
        values, entries, point = _instance(seed)
        at = entries.subs(point)

        def loss_at(w):
            return sympy.N(_explicit(loss, {**values, "W": w})[0, 0], 60)

        # central differences at 60 digits: error of order step**2 = 1e-36
        expected = Matrix(2, 2, lambda i, j: (loss_at(at + step * _unit(i, j)) - loss_at(at - step * _unit(i, j))) / (2 * step))
        got = _explicit(gradient, {**values, "W": at})
        assert all(abs(sympy.N(e, 30)) < 1e-15 for e in (got - expected))


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


t = Symbol("t", real=True)
A3, x3 = MatrixSymbol("A", n, n), MatrixSymbol("x", n, 1)


@pytest.mark.parametrize("what, expr, expected", [
    ("matrix_gradient", t**2 * sympy.sin(t), sympy.diff(t**2 * sympy.sin(t), t)),
    ("matrix_jacobian", sympy.exp(3 * t), 3 * sympy.exp(3 * t)),
    ("matrix_hessian", t**3, 6 * t),
])
def test_matrix_derivations_with_respect_to_a_scalar_are_ordinary_derivatives(what, expr, expected):
    assert sympy.simplify(derive.derive_by_name(what, expr, [t]).result - expected) == 0


@pytest.mark.parametrize("what, expr", [
    ("matrix_gradient", t * x3.T * A3 * x3),
    ("matrix_jacobian", t * x3),
    ("matrix_hessian", t * A3),
    ("derivative", t * A3 * x3),
])
def test_matrix_valued_with_respect_to_a_scalar_is_a_clean_error(what, expr):
    with pytest.raises(derive.UnsupportedInput, match="scalar"):
        derive.derive_by_name(what, expr, [t])


@pytest.mark.parametrize("expr", [
    Matrix([[t**2, sympy.sin(t)], [1, sympy.exp(t)]]),
    Matrix([t**2, derive.sigmoid(t)]),
    t * MatrixSymbol("B", 2, 2),
])
def test_derivative_of_an_explicit_matrix_is_entrywise(expr):
    derivation = derive.derive_by_name("derivative", expr, [t])
    explicit = expr.as_explicit() if isinstance(expr, sympy.MatrixExpr) else expr
    expected = explicit.applyfunc(lambda e: sympy.diff(e, t))
    assert (derivation.result - expected).applyfunc(sympy.simplify) == sympy.zeros(*expected.shape)
    assert derivation.steps[0].rule == "entrywise derivative"
    derivation.to_text(), derivation.to_latex()
