"""Finite sums ``Sum(f(i), (i, a, b))`` made linear, so equation solvers can handle them.

``Sum(c*f(i) + g, (i, 1, N))`` becomes ``c*Sum(f(i), (i, 1, N)) + N*g`` (c, g free of i);
the sums left over depend on the data only, and can be treated as opaque constants.
"""

from __future__ import annotations

import sympy
from sympy import Expr, Sum

__all__ = ["linear_sums", "freeze_sums"]


def _split_sum(term: Sum) -> Expr:
    if len(term.limits) != 1:
        return term
    index, low, high = term.limits[0]
    pieces = []
    for piece in sympy.Add.make_args(sympy.expand(term.function)):
        constant, varying = piece.as_independent(index, as_Add=False)
        if varying == 1:
            pieces.append(constant * (high - low + 1))
        else:
            pieces.append(constant * Sum(varying, (index, low, high)))
    return sympy.Add(*pieces)


def linear_sums(expr: Expr) -> Expr:
    """``expr`` with every single-index Sum split by linearity (factors free of the index
    pulled out, sums of constants evaluated).

    >>> from sympy import IndexedBase, Symbol, Sum
    >>> x, mu = IndexedBase("x"), Symbol("mu")
    >>> i, N = Symbol("i", integer=True), Symbol("N", integer=True, positive=True)
    >>> linear_sums(Sum((x[i] - mu)**2, (i, 1, N)))
    N*mu**2 - 2*mu*Sum(x[i], (i, 1, N)) + Sum(x[i]**2, (i, 1, N))
    """
    if not isinstance(expr, sympy.Basic) or not expr.has(Sum):
        return expr
    return expr.replace(lambda e: isinstance(e, Sum), _split_sum)


def freeze_sums(exprs, unknowns) -> tuple[list, dict]:
    """Replace each Sum free of ``unknowns`` by a real dummy constant (data are real numbers):
    (new exprs, {dummy: Sum})."""
    sums = set()
    for expr in exprs:
        if isinstance(expr, sympy.Basic):
            sums |= {s for s in expr.atoms(Sum) if not s.has(*unknowns)}
    names = {s: sympy.Dummy(f"S{k}", real=True) for k, s in enumerate(sorted(sums, key=sympy.default_sort_key), 1)}
    return [e.xreplace(names) if isinstance(e, sympy.Basic) else e for e in exprs], \
        {d: s for s, d in names.items()}
