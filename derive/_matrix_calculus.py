"""Matrix calculus in matrix form: gradients, Jacobians and Hessians of matrix
expressions with symbolic shapes, derived through differentials.

The differential df is a sum of terms c L dX R. Identification then reads off the result:
a scalar f has df = tr(G^T dX), so grad f = G, where tr(L dX R) gives G = (R L)^T and
tr(L dX^T R) gives G = R L; a vector f(x) has df = J dx, so the Jacobian is J.
"""

from __future__ import annotations

import sympy
from sympy import HadamardProduct, Identity, MatAdd, MatMul, MatrixExpr, MatrixSymbol, OneMatrix

from ._errors import UnsupportedInput
from ._matrix_differential import LinearTerm, differential, terms_as_expr, transpose_of
from ._matrix_objects import Differential, Softmax
from ._matrix_simplify import tidy_matrix
from ._steps import Derivation, Step

__all__ = ["matrix_gradient", "matrix_jacobian", "matrix_hessian"]


def _product(coefficient, factors, size) -> MatrixExpr:
    if not factors:
        return coefficient * Identity(size) if coefficient != 1 else Identity(size)
    return MatMul(coefficient, *factors) if coefficient != 1 else (factors[0] if len(factors) == 1 else MatMul(*factors))


def _hadamard_product(a: MatrixExpr, b: MatrixExpr) -> MatrixExpr:
    """a ⊙ b, with 1 1ᵀ ⊙ b = b."""
    if isinstance(a, OneMatrix):
        return b
    if isinstance(b, OneMatrix):
        return a
    return HadamardProduct(a, b)


def _product_or_ones(factors, shape) -> MatrixExpr:
    if not factors:
        return Identity(shape[0])
    return factors[0] if len(factors) == 1 else MatMul(*factors)


def _without_mask(term: LinearTerm) -> LinearTerm:
    """Inside a trace: tr(c L (H ⊙ M) R) = tr(c ((R L) ⊙ Hᵀ) M), an ordinary term in M."""
    if term.mask is None:
        return term
    outer = _product_or_ones((*term.right, *term.left), term.mask.shape[::-1])
    combined = _hadamard_product(outer, transpose_of(term.mask)) if not isinstance(outer, Identity) else \
        HadamardProduct(outer, transpose_of(term.mask))
    return _without_mask(term.inner.times((combined,), coefficient=term.coefficient))


def _gradient_contribution(term: LinearTerm, X: MatrixSymbol) -> MatrixExpr:
    term = _without_mask(term)
    product = (*term.right, *term.left)
    if not term.transposed:
        product = tuple(transpose_of(f) for f in reversed(product))
    return _product(term.coefficient, product, X.shape[0])


def _jacobian_contribution(term: LinearTerm, x: MatrixSymbol) -> MatrixExpr:
    if term.mask is not None:
        raise UnsupportedInput("cannot read a Jacobian from an entrywise (Hadamard) term")
    if not term.transposed:
        if term.right:
            raise UnsupportedInput("cannot read a Jacobian from a term with factors right of dx")
        return _product(term.coefficient, term.left, x.shape[0])
    return _product(term.coefficient, (*term.left, *(transpose_of(f) for f in reversed(term.right))), x.shape[0])


def _is_scalar(expr) -> bool:
    return not isinstance(expr, MatrixExpr) or expr.shape == (1, 1)


def _read_off(f, X, terms, contribution, rule: str, note: str) -> tuple[Step, sympy.Basic]:
    parts = [contribution(t, X) for t in terms]
    if any(t.mask is not None for t in terms):
        note += "; entrywise products: tr(C (H ⊙ M)) = tr((C ⊙ Hᵀ) M)"
    raw = MatAdd(*parts) if len(parts) > 1 else (parts[0] if parts else sympy.ZeroMatrix(*X.shape))
    return Step(rule, terms_as_expr(terms, X, scalar=_is_scalar(f)), raw, note=note), raw


def _tidy_step(raw) -> tuple[tuple[Step, ...], sympy.Basic]:
    tidy = tidy_matrix(raw)
    if tidy == raw or sympy.srepr(tidy) == sympy.srepr(raw) or str(tidy) == str(raw):
        return (), raw
    return (Step("simplify", raw, tidy),), tidy


def _naming_steps(result) -> tuple[Step, ...]:
    """Write s = softmax(u) in the result, for reading (the result itself is unchanged)."""
    found = sorted(result.atoms(Softmax), key=sympy.default_sort_key) if isinstance(result, sympy.Basic) else []
    if len(found) != 1 or result == found[0]:
        return ()
    name = MatrixSymbol("s" if found[0].shape[1] == 1 else "P", *found[0].shape)
    return (Step("name the softmax", result, result.subs(found[0], name),
                 definitions=(sympy.Eq(name, found[0], evaluate=False),)),)


def _scalar_variable_derivation(f, X, what: str, order: int = 1) -> Derivation | None:
    """With respect to a scalar symbol: the ordinary derivative of a scalar ``f`` (None when
    X is a MatrixSymbol); UnsupportedInput for anything else."""
    from ._differentiate import differentiate

    if isinstance(X, MatrixSymbol):
        return None
    if not isinstance(X, (sympy.Symbol, sympy.Indexed)):
        raise UnsupportedInput(f"{what} differentiates with respect to a MatrixSymbol, not {type(X).__name__} {X}")
    if isinstance(f, (MatrixExpr, sympy.MatrixBase)) or not isinstance(f, sympy.Expr):
        raise UnsupportedInput(f"{what} with respect to the scalar {X} of the matrix-valued {f}: "
                               "use 'derivative' (entrywise, for matrices of explicit shape) or a MatrixSymbol variable")
    first = differentiate(f, X)
    if order == 1:
        return Derivation(first.result, first.steps, title=f"{what} with respect to the scalar {X}: the derivative",
                          statement=sympy.Derivative(f, X))
    second = differentiate(first.result, X)
    steps = (Step("first derivative", sympy.Derivative(f, X), first.result, substeps=first.steps),
             Step("second derivative", sympy.Derivative(first.result, X), second.result, substeps=second.steps))
    return Derivation(second.result, steps, title=f"{what} with respect to the scalar {X}: the second derivative",
                      statement=sympy.Derivative(f, (X, 2)))


def _derive(f, X, contribution, rule, note, title) -> Derivation:
    worked = differential(f, X)
    if worked.step is None:
        raise UnsupportedInput(f"{f} does not depend on {X}")
    identify, raw = _read_off(f, X, worked.terms, contribution, rule, note)
    tidy_steps, result = _tidy_step(raw)
    steps = (Step("differential", Differential(f), worked.step.after, substeps=(worked.step,)), identify,
             *tidy_steps, *_naming_steps(result))
    return Derivation(result, steps, title=title, statement=f)


def matrix_gradient(f: sympy.Basic, X: MatrixSymbol) -> Derivation:
    """Worked gradient of a scalar matrix expression ``f`` with respect to ``X`` (same shape
    as X), through the differential df = tr(G^T dX).

    >>> from sympy import MatrixSymbol, Symbol
    >>> n = Symbol("n", integer=True, positive=True)
    >>> A, x = MatrixSymbol("A", n, n), MatrixSymbol("x", n, 1)
    >>> matrix_gradient(x.T*A*x, x).result
    (A + A.T)*x
    """
    scalar = _scalar_variable_derivation(f, X, "matrix_gradient")
    if scalar is not None:
        return scalar
    if not _is_scalar(f):
        raise UnsupportedInput(f"the gradient needs a scalar function; {f} has shape {f.shape}")
    note = "df = tr(Gᵀ dX) gives grad = G; tr(L dX R) gives (R L)ᵀ, tr(L dXᵀ R) gives R L"
    return _derive(f, X, _gradient_contribution, "identify the gradient", note,
                   f"gradient with respect to {X}")


def matrix_jacobian(f: MatrixExpr, x: MatrixSymbol) -> Derivation:
    """Worked Jacobian of a vector expression ``f(x)`` (column vectors), from df = J dx.

    >>> from sympy import MatrixSymbol, Symbol
    >>> from derive._matrix_objects import Softmax
    >>> n = Symbol("n", integer=True, positive=True)
    >>> x = MatrixSymbol("x", n, 1)
    >>> matrix_jacobian(Softmax(x), x).result
    diag(softmax(x)) - softmax(x)*softmax(x).T
    """
    scalar = _scalar_variable_derivation(f, x, "matrix_jacobian")
    if scalar is not None:
        return scalar
    if not isinstance(f, MatrixExpr) or f.shape[1] != 1 or x.shape[1] != 1:
        raise UnsupportedInput("the Jacobian needs a column-vector function of a column vector")
    return _derive(f, x, _jacobian_contribution, "identify the Jacobian", "df = J dx gives the Jacobian J",
                   f"Jacobian with respect to {x}")


def matrix_hessian(f: sympy.Basic, x: MatrixSymbol) -> Derivation:
    """Worked Hessian of a scalar ``f(x)``: the Jacobian of its gradient.

    >>> from sympy import MatrixSymbol, Symbol
    >>> n = Symbol("n", integer=True, positive=True)
    >>> A, x = MatrixSymbol("A", n, n), MatrixSymbol("x", n, 1)
    >>> matrix_hessian(x.T*A*x, x).result
    A + A.T
    """
    scalar = _scalar_variable_derivation(f, x, "matrix_hessian", order=2)
    if scalar is not None:
        return scalar
    gradient = matrix_gradient(f, x)
    jacobian = matrix_jacobian(gradient.result, x)
    steps = (Step("gradient", Differential(f), gradient.result, substeps=gradient.steps),
             Step("Jacobian of the gradient", gradient.result, jacobian.result, substeps=jacobian.steps))
    return Derivation(jacobian.result, steps, title=f"Hessian with respect to {x}", statement=f)
