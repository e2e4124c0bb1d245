"""Determinant and trace of an explicit matrix as named steps, and sums of a constant evaluated.

One small function per rule, its formula in the docstring (as the rules of
:mod:`derive._diff_rules`): the step shows the formula applied to the matrix's own entries
before anything is simplified, so a reader sees ``det [[a, b], [c, d]] = ad - bc`` at work.

>>> import sympy
>>> a, b, c, d = sympy.symbols("a b c d")
>>> step = determinant_step(sympy.Matrix([[a, b], [c, d]]))
>>> step.rule, step.after
('determinant of a 2×2 matrix', a*d - b*c)
"""

from __future__ import annotations

import sympy
from sympy import Expr, ImmutableMatrix, Sum

from ._steps import Derivation, Step

__all__ = ["determinant_step", "trace_step", "constant_sums", "constant_sums_step", "with_determinant"]


def determinant_step(matrix: sympy.MatrixBase) -> Step:
    """det [[a, b], [c, d]] = ad - bc; a 3×3 or larger matrix by cofactor expansion along the
    first row, det A = Σⱼ (-1)^(1+j) a₁ⱼ det A₁ⱼ (A₁ⱼ: A without row 1 and column j).

    >>> import sympy
    >>> determinant_step(sympy.Matrix([[2, 1, 0], [1, 2, 0], [0, 0, 3]])).after
    9
    """
    matrix = ImmutableMatrix(matrix)
    if matrix.shape == (1, 1):
        return Step("determinant of a 1×1 matrix", sympy.Determinant(matrix), matrix[0, 0])
    if matrix.shape == (2, 2):
        (a, b), (c, d) = matrix.tolist()
        return Step("determinant of a 2×2 matrix", sympy.Determinant(matrix), a * d - b * c,
                    note="det [[a, b], [c, d]] = ad - bc")
    minors = [determinant_step(matrix.minor_submatrix(0, j)) for j in range(matrix.cols)]
    expansion = sympy.Add(*((-1) ** j * matrix[0, j] * minor.after for j, minor in enumerate(minors)))
    return Step("determinant (cofactor expansion along row 1)", sympy.Determinant(matrix), expansion,
                substeps=tuple(minors), note="det A = Σⱼ (-1)^(1+j) a₁ⱼ det A₁ⱼ")


def trace_step(matrix: sympy.MatrixBase) -> Step:
    """tr A = Σᵢ aᵢᵢ, the sum of the diagonal entries.

    >>> import sympy
    >>> x = sympy.Symbol("x")
    >>> trace_step(sympy.Matrix([[x, 1], [2, 3*x]])).after
    4*x
    """
    matrix = ImmutableMatrix(matrix)
    return Step("trace (sum of the diagonal)", sympy.Trace(matrix), sympy.Add(*matrix.diagonal()),
                note="tr A = Σᵢ aᵢᵢ")


def constant_sums(expr: sympy.Basic) -> sympy.Basic:
    """``expr`` with each sum of a term free of its index evaluated: Σ_{i=a}^{b} c = (b - a + 1) c.

    >>> import sympy
    >>> i, n = sympy.Symbol("i", integer=True), sympy.Symbol("n", integer=True, positive=True)
    >>> constant_sums(2 * sympy.Sum(1, (i, 1, n)))
    2*n
    """
    def constant(term: sympy.Basic) -> bool:
        return isinstance(term, Sum) and len(term.limits) == 1 and not term.function.has(term.limits[0][0])

    def evaluated(term: Sum) -> Expr:
        _, low, high = term.limits[0]
        return term.function * (high - low + 1)

    return expr.replace(constant, evaluated) if isinstance(expr, sympy.Basic) and expr.has(Sum) else expr


def constant_sums_step(value: sympy.Basic) -> Step | None:
    """The step Σ_{i=1}^{I} c = I c for the constant sums of ``value``, or None without any."""
    evaluated = constant_sums(value)
    if evaluated == value:
        return None
    return Step("sum of a constant", value, evaluated, note="Σ_{i=a}^{b} c = (b - a + 1) c")


def with_determinant(derivation: Derivation) -> Derivation:
    """``derivation`` of a square matrix continued by its determinant: the formula step, then
    the simplified value (the new result).

    >>> import sympy, derive
    >>> x, y = sympy.symbols("x y")
    >>> det = with_determinant(derive.hessian(x**2 * y + y**2, [x, y]))
    >>> det.result, det.steps[-2].rule
    (4*(-x**2 + y), 'determinant of a 2×2 matrix')
    """
    step = determinant_step(derivation.result)
    steps = [step]
    tidy = sympy.factor_terms(sympy.expand(constant_sums(step.after)))
    if tidy != step.after:
        steps.append(Step("simplify", step.after, tidy))
    return Derivation(steps[-1].after, (*derivation.steps, *steps), f"determinant of the {derivation.title}",
                      derivation.statement)
