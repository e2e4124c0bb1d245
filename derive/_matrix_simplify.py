"""Small algebraic clean-ups of matrix results: like terms, diag(v) 1 = v, identities,
and pulling a common left or right factor out of a sum ((A + A^T) x, X^T (s - y))."""

from __future__ import annotations

from collections import defaultdict

import sympy
from sympy import Identity, MatAdd, MatMul, MatrixExpr, OneMatrix, Transpose

from ._matrix_objects import Diag

__all__ = ["tidy_matrix"]


def _factors(term: MatrixExpr) -> tuple[sympy.Expr, list]:
    """(scalar coefficient, matrix factors) of a product term."""
    if isinstance(term, MatMul):
        scalars = [a for a in term.args if not isinstance(a, MatrixExpr)]
        matrices = [a for a in term.args if isinstance(a, MatrixExpr)]
        return sympy.Mul(*scalars), matrices
    return sympy.S.One, [term]


def _product(coefficient, factors) -> MatrixExpr:
    factors = [f for f in factors if not isinstance(f, Identity)] or factors[:1]
    if coefficient == 1:
        return factors[0] if len(factors) == 1 else MatMul(*factors)
    return MatMul(coefficient, *factors)


def _is_ones_row(factor) -> bool:
    return (isinstance(factor, Transpose) and isinstance(factor.arg, OneMatrix)) or (
        isinstance(factor, OneMatrix) and factor.shape[0] == 1)


def _collapse_diagonal_ones(factors: list) -> list:
    """diag(v) 1 = v and 1^T diag(v) = v^T, repeatedly."""
    changed = True
    while changed:
        changed = False
        for i in range(len(factors) - 1):
            a, b = factors[i], factors[i + 1]
            if isinstance(a, Diag) and isinstance(b, OneMatrix) and b.shape[1] == 1:
                factors[i : i + 2] = [a.vector]
                changed = True
                break
            if _is_ones_row(a) and isinstance(b, Diag):
                factors[i : i + 2] = [Transpose(b.vector)]
                changed = True
                break
    return factors


def _clean_term(term: MatrixExpr) -> MatrixExpr:
    coefficient, factors = _factors(term)
    return _product(coefficient, _collapse_diagonal_ones(list(factors)))


def _factor_common(terms: list, side: int) -> list:
    """Group terms sharing their first (side=0) or last (side=-1) factor and factor it out."""
    groups: dict = defaultdict(list)
    for term in terms:
        coefficient, factors = _factors(term)
        key = factors[side] if len(factors) > 1 else None
        groups[key].append((coefficient, factors))
    result = []
    for key, members in groups.items():
        if key is None or len(members) < 2:
            result += [_product(c, f) for c, f in members]
            continue
        rests = [_product(c, f[1:] if side == 0 else f[:-1]) for c, f in members]
        inner = MatAdd(*rests).doit()
        result.append(MatMul(key, inner) if side == 0 else MatMul(inner, key))
    return result


def _common_coefficient(terms: list) -> list:
    """Pull a common symbolic coefficient out of a sum: -Y/m + P/m = (1/m)(P - Y)."""
    coefficients = [_factors(t)[0] for t in terms]
    reference = -coefficients[0] if coefficients[0].could_extract_minus_sign() else coefficients[0]
    if len(terms) < 2 or reference.is_Number or not all((c / reference).is_Number for c in coefficients):
        return terms
    inner = [_product(c / reference, f) for c, f in (_factors(t) for t in terms)]
    return [MatMul(reference, MatAdd(*_reading_order(inner)))]


def _reading_order(terms: list) -> list:
    """Positive terms first, multiples of the identity last: diag(s) - s s^T, H + lambda I."""
    def key(term):
        coefficient, factors = _factors(term)
        return (coefficient.could_extract_minus_sign(), all(isinstance(f, Identity) for f in factors))
    return sorted(terms, key=key)


def tidy_matrix(expr: sympy.Basic) -> sympy.Basic:
    """A tidier equal form of a derived matrix expression.

    >>> from sympy import MatrixSymbol, Symbol
    >>> n = Symbol("n", integer=True, positive=True)
    >>> A, x = MatrixSymbol("A", n, n), MatrixSymbol("x", n, 1)
    >>> tidy_matrix(A*x + A.T*x)
    (A + A.T)*x
    """
    if not isinstance(expr, MatrixExpr):
        return expr
    expr = expr.doit()
    terms = list(expr.args) if isinstance(expr, MatAdd) else [expr]
    terms = [_clean_term(t) for t in terms]
    for side in (-1, 0):
        terms = _factor_common(terms, side)
    terms = _common_coefficient(_reading_order(terms))
    return MatAdd(*terms) if len(terms) > 1 else terms[0]
