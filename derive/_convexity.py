"""Convexity by the second-order condition: the signs of the Hessian's eigenvalues."""

from __future__ import annotations

import random
from collections.abc import Sequence

import sympy
from sympy import Expr, Symbol
from sympy.core.symbol import Str

from ._second_order import hessian
from ._steps import Derivation, Step

__all__ = ["convexity"]

CONVEX, CONCAVE, AFFINE = Str("convex"), Str("concave"), Str("convex and concave (affine)")
NEITHER, UNDETERMINED = Str("neither"), Str("undetermined")


def _on_real_domain(expr: Expr, variables: Sequence[Symbol]) -> Expr:
    """``expr`` with the variables replaced by real dummies (so sign facts are decidable)."""
    return expr.subs({v: sympy.Dummy(v.name, real=True) for v in variables if v.is_real is not True})


def _sign_class(value: Expr) -> str:
    """'nonnegative', 'nonpositive', 'zero', 'both' (takes both signs) or 'unknown'."""
    if value.is_zero:
        return "zero"
    if value.is_nonnegative:
        return "nonnegative"
    if value.is_nonpositive:
        return "nonpositive"
    if value.is_number:
        return "unknown"
    return "both" if _takes_both_signs(value) else "unknown"


def _takes_both_signs(value: Expr, samples: int = 40) -> bool:
    """A numeric witness that ``value`` is positive somewhere and negative somewhere."""
    rng = random.Random(0)
    symbols = sorted(value.free_symbols, key=sympy.default_sort_key)
    signs = set()
    for _ in range(samples):
        number = sympy.N(value.subs({s: rng.uniform(-3, 3) for s in symbols}))
        if number.is_real and number != 0:
            signs.add(number > 0)
    return len(signs) == 2


def _verdict(classes: list[str]) -> Str:
    if all(c == "zero" for c in classes):
        return AFFINE
    if all(c in ("zero", "nonnegative") for c in classes):
        return CONVEX
    if all(c in ("zero", "nonpositive") for c in classes):
        return CONCAVE
    mixed = ("nonnegative" in classes and "nonpositive" in classes) or "both" in classes
    return NEITHER if mixed else UNDETERMINED


def convexity(expr: Expr, variables: Sequence[Symbol]) -> Derivation:
    """Worked convexity test: Hessian, its eigenvalues, their signs on the whole domain.

    Result: ``Str`` convex / concave / neither / convex and concave (affine) / undetermined.

    >>> from sympy import symbols, exp
    >>> x1, x2 = symbols("x1 x2", real=True)
    >>> [str(convexity(f, [x1, x2]).result) for f in (x1**2 + x2**2 + x1*x2, exp(x1 + 2*x2), x1*x2)]
    ['convex', 'convex', 'neither']
    """
    variables = tuple(variables)
    worked = hessian(expr, variables)
    matrix = worked.result
    eigenvalues = [sympy.factor(v) for v, count in matrix.eigenvals().items() for _ in range(count)]
    classes = [_sign_class(_on_real_domain(v, variables)) for v in eigenvalues]
    verdict = _verdict(classes)
    steps = (
        Step("Hessian", matrix, matrix, substeps=worked.steps),
        Step("eigenvalues of the Hessian", matrix, sympy.Tuple(*eigenvalues)),
        Step("signs of the eigenvalues", sympy.Tuple(*eigenvalues), sympy.Tuple(*(Str(c) for c in classes)),
             note="for every real point"),
        Step("second-order condition", sympy.Tuple(*(Str(c) for c in classes)), verdict,
             note="convex iff the Hessian is positive semidefinite everywhere"),
    )
    return Derivation(verdict, steps, title="convexity of " + sympy.sstr(expr))
