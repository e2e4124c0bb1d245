"""The standard matrix-calculus exercises, each as a worked derivation with symbolic shapes.

``MATRIX_EXAMPLES`` maps a name to a function returning the Derivation; ``matrix_example``
builds one by name.
"""

from __future__ import annotations

from collections.abc import Callable

from sympy import Eq, MatrixSymbol, OneMatrix, Symbol, Trace

from ._fisher import gaussian_fisher_information
from ._matrix_calculus import matrix_gradient, matrix_hessian, matrix_jacobian
from ._matrix_objects import Diag, LogSumExp, Softmax, SquaredNorm, Tr, elementwise
from ._steps import Derivation, Step

__all__ = ["MATRIX_EXAMPLES", "matrix_example", "logistic_loss", "cross_entropy_loss"]

n, m, p, q, N = (Symbol(name, integer=True, positive=True) for name in ("n", "m", "p", "q", "N"))
lam = Symbol("lambda", positive=True)


def _vector(name: str, size=n) -> MatrixSymbol:
    return MatrixSymbol(name, size, 1)


def logistic_loss(X: MatrixSymbol, theta: MatrixSymbol, y: MatrixSymbol, regularisation=lam):
    """L(theta) = 1^T softplus(X theta) - y^T X theta + (lambda/2) ||theta||^2."""
    ones = OneMatrix(X.shape[0], 1).T
    return ones * elementwise("softplus", X * theta) - y.T * X * theta + regularisation / 2 * SquaredNorm(theta)


def cross_entropy_loss(Z: MatrixSymbol, Y: MatrixSymbol):
    """Mean cross-entropy over the columns: (logsumexp(Z) - tr(Y^T Z)) / m."""
    columns = Z.shape[1]
    loss = LogSumExp(Z) - (Y.T * Z if columns == 1 else Tr(Y.T * Z))
    return loss if columns == 1 else loss / columns


def _with_rewrite(derivation: Derivation, rule: str, before, after, **extra) -> Derivation:
    """Prefix a derivation with the step that rewrote the exercise into the derived form."""
    first = Step(rule, before, after, **extra)
    return Derivation(derivation.result, (first, *derivation.steps), title=derivation.title,
                      statement=derivation.statement)


def _logistic_gradient() -> Derivation:
    X, theta, y = MatrixSymbol("X", N, n), _vector("theta"), _vector("y", N)
    return _logistic_rewrite(matrix_gradient(logistic_loss(X, theta, y), theta), X, theta, y)


def _logistic_hessian() -> Derivation:
    X, theta, y = MatrixSymbol("X", N, n), _vector("theta"), _vector("y", N)
    derivation = matrix_hessian(logistic_loss(X, theta, y), theta)
    S = MatrixSymbol("S", N, N)
    diagonal = Diag(elementwise("sigmoid", X * theta, 1))
    named = Step("name S", derivation.result, derivation.result.subs(diagonal, S),
                 definitions=(Eq(S, diagonal, evaluate=False),),
                 note="σ' = σ(1 - σ), so S = diag(σ(Xθ)(1 - σ(Xθ)))")
    derivation = Derivation(derivation.result, (*derivation.steps, named), title=derivation.title,
                            statement=derivation.statement)
    return _logistic_rewrite(derivation, X, theta, y)


def _logistic_rewrite(derivation: Derivation, X, theta, y) -> Derivation:
    return _with_rewrite(
        derivation, "rewrite the loss", Symbol("L"), logistic_loss(X, theta, y),
        note="-y log σ(z) - (1 - y) log(1 - σ(z)) = softplus(z) - y z for each example, z = Xθ",
    )


def _cross_entropy(columns) -> Derivation:
    Z, Y = MatrixSymbol("z" if columns == 1 else "Z", p, columns), MatrixSymbol("y" if columns == 1 else "Y", p, columns)
    derivation = matrix_gradient(cross_entropy_loss(Z, Y), Z)
    return _with_rewrite(
        derivation, "rewrite the loss", Symbol("L"), cross_entropy_loss(Z, Y),
        note="log softmax(z) = z - logsumexp(z) 1 and 1ᵀy = 1 for a one-hot y",
        conditions=(Eq(OneMatrix(1, p) * Y, OneMatrix(1, columns), evaluate=False),),
    )


def _examples() -> dict[str, Callable[[], Derivation]]:
    x, a = _vector("x"), _vector("a")
    A_square = MatrixSymbol("A", n, n)
    A, b = MatrixSymbol("A", m, n), _vector("b", m)
    X_mat = MatrixSymbol("X", n, m)
    W, x_in, y_out = MatrixSymbol("W", m, n), _vector("x"), _vector("y", m)
    A_out, B_in = MatrixSymbol("A", p, q), MatrixSymbol("B", q, n)
    return {
        "linear": lambda: matrix_gradient(a.T * x, x),
        "quadratic_form": lambda: matrix_gradient(x.T * A_square * x, x),
        "least_squares": lambda: matrix_gradient(SquaredNorm(A * x - b), x),
        "trace_linear": lambda: matrix_gradient(Trace(MatrixSymbol("A", m, n) * X_mat), X_mat),
        "trace_quadratic": lambda: matrix_gradient(Trace(X_mat.T * A_square * X_mat), X_mat),
        "log_sum_exp": lambda: matrix_gradient(LogSumExp(x), x),
        "softmax_jacobian": lambda: matrix_jacobian(Softmax(x), x),
        "cross_entropy": lambda: _cross_entropy(1),
        "cross_entropy_batch": lambda: _cross_entropy(m),
        "layer_jacobian": lambda: matrix_jacobian(A_out * elementwise("sigmoid", B_in * x), x),
        "mse_weights": lambda: matrix_gradient(SquaredNorm(W * x_in - y_out) / N, W),
        "logistic_gradient": _logistic_gradient,
        "logistic_hessian": _logistic_hessian,
        "gaussian_fisher": gaussian_fisher_information,
    }


MATRIX_EXAMPLES: dict[str, Callable[[], Derivation]] = _examples()
"""Named matrix-calculus exercises (name -> function building the Derivation)."""


def matrix_example(name: str) -> Derivation:
    """The worked derivation of a named matrix-calculus exercise.

    >>> matrix_example("least_squares").result
    2*A.T*(A*x - b)
    >>> sorted(MATRIX_EXAMPLES)[:3]
    ['cross_entropy', 'cross_entropy_batch', 'gaussian_fisher']
    """
    from ._errors import UnsupportedInput

    if name not in MATRIX_EXAMPLES:
        raise UnsupportedInput(f"unknown matrix example {name!r}; known: {', '.join(sorted(MATRIX_EXAMPLES))}")
    return MATRIX_EXAMPLES[name]()
