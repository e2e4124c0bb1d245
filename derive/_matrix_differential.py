"""Differentials of matrix expressions, by derivecheck's own rules.

d(f) is computed as a sum of linear terms c L dX R (or c L dX^T R), one rule per kind of
expression, each application recorded as a step. sympy's MatrixSymbol differentiation
is not used (in sympy 1.14 it returns 0 or wrong results for log-sum-exp, softmax, the
logistic loss and log det).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import sympy
from sympy import Expr, HadamardProduct, MatAdd, MatMul, MatrixExpr, MatrixSymbol, OneMatrix, Trace, Transpose

from ._errors import UnsupportedInput
from ._matrix_objects import Diag, Differential, Elementwise, LogSumExp, Softmax, SquaredNorm, Tr, elementwise
from ._softmax_steps import log_sum_exp_steps, softmax_steps
from ._steps import Step

__all__ = ["LinearTerm", "differential", "transpose_of", "terms_as_expr", "differential_symbol", "hadamard_term"]


def transpose_of(factor: MatrixExpr) -> MatrixExpr:
    """The transpose, keeping sums grouped: (Ax - b)^T stays (Ax - b)^T; diag(v)^T = diag(v)."""
    if isinstance(factor, Transpose):
        return factor.arg
    if isinstance(factor, Diag):
        return factor
    if isinstance(factor, MatAdd):
        return Transpose(factor)
    return factor.T


@dataclass(frozen=True)
class LinearTerm:
    """``coefficient * left... * dX * right...`` (``dX^T`` when ``transposed``).

    An entrywise (Hadamard) term has a ``mask`` H and an ``inner`` term M in place of dX:
    ``coefficient * left... * (H ⊙ M) * right...`` (from d f(U) = f'(U) ⊙ dU)."""

    coefficient: Expr = sympy.S.One
    left: tuple = ()
    right: tuple = ()
    transposed: bool = False
    mask: MatrixExpr | None = None
    inner: LinearTerm | None = None

    def times(self, left: tuple = (), right: tuple = (), coefficient: Expr = sympy.S.One) -> LinearTerm:
        """This term multiplied by ``left`` on the left and ``right`` on the right."""
        return replace(self, coefficient=coefficient * self.coefficient,
                       left=tuple(left) + self.left, right=self.right + tuple(right))

    def transpose(self) -> LinearTerm:
        """(c L dX R)^T = c R^T dX^T L^T; (c L (H ⊙ M) R)^T = c R^T (H^T ⊙ M^T) L^T."""
        left = tuple(transpose_of(f) for f in reversed(self.right))
        right = tuple(transpose_of(f) for f in reversed(self.left))
        if self.mask is not None:
            return LinearTerm(self.coefficient, left, right, False, transpose_of(self.mask), self.inner.transpose())
        return LinearTerm(self.coefficient, left, right, not self.transposed)

    def as_expr(self, dX: MatrixSymbol) -> MatrixExpr:
        if self.mask is not None:
            middle = HadamardProduct(self.mask, self.inner.as_expr(dX))
        else:
            middle = Transpose(dX) if self.transposed else dX
        factors = (*self.left, middle, *self.right)
        if len(factors) == 1 and self.coefficient == 1:
            return middle
        return MatMul(self.coefficient, *factors) if self.coefficient != 1 else MatMul(*factors)


def hadamard_term(mask: MatrixExpr, inner: LinearTerm) -> LinearTerm:
    """The term mask ⊙ (inner)."""
    return LinearTerm(mask=mask, inner=inner)


def differential_symbol(X: MatrixSymbol) -> MatrixSymbol:
    """The symbol dX (same shape as X)."""
    return MatrixSymbol(f"d{X.name}", *X.shape)


def terms_as_expr(terms: tuple[LinearTerm, ...], X: MatrixSymbol, scalar: bool = False) -> sympy.Basic:
    """The sum of the terms as an expression in dX; for a ``scalar`` function, terms that
    are not 1x1 are shown inside a trace."""
    dX = differential_symbol(X)
    parts = [t.as_expr(dX) for t in terms]
    if not parts:
        return sympy.S.Zero
    if scalar and any(p.shape != (1, 1) for p in parts):
        return sympy.Add(*(Trace(p) for p in parts))
    return MatAdd(*parts) if len(parts) > 1 else parts[0]


@dataclass(frozen=True)
class _Differentiated:
    terms: tuple[LinearTerm, ...]
    step: Step | None


def _step(rule: str, expr, terms, X, substeps=()) -> Step:
    """A step named by the part of ``rule`` before ': ', with the formula after it as note."""
    name, _, formula = rule.partition(": ")
    scalar = not isinstance(expr, MatrixExpr) or expr.shape == (1, 1)
    return Step(name, Differential(expr), terms_as_expr(terms, X, scalar),
                substeps=tuple(s for s in substeps if s is not None), note=formula.replace("^T", "ᵀ"))


def differential(expr: sympy.Basic, X: MatrixSymbol) -> _Differentiated:
    """d(expr) as linear terms in dX, with the step tree of the rules used."""
    if not expr.has(X):
        return _Differentiated((), None)
    if expr == X:
        return _Differentiated((LinearTerm(),), None)
    for kind, rule in _RULES:
        if isinstance(expr, kind):
            return rule(expr, X)
    raise UnsupportedInput(f"no matrix differential rule for {type(expr).__name__}: {expr}")


def _sum_rule(expr, X) -> _Differentiated:
    parts = [differential(arg, X) for arg in expr.args]
    terms = tuple(t for p in parts for t in p.terms)
    return _Differentiated(terms, _step("sum rule: d(F + G) = dF + dG", expr, terms, X, [p.step for p in parts]))


def _split_scalars(args) -> tuple[Expr, list]:
    scalars = [a for a in args if not isinstance(a, MatrixExpr)]
    matrices = [a for a in args if isinstance(a, MatrixExpr)]
    return sympy.Mul(*scalars), matrices


def _matmul_rule(expr, X) -> _Differentiated:
    coefficient, factors = _split_scalars(expr.args)
    if coefficient.has(X):
        raise UnsupportedInput(f"scalar factor depending on {X} in a matrix product: {expr}")
    terms, substeps = [], []
    for index, factor in enumerate(factors):
        part = differential(factor, X)
        substeps.append(part.step)
        terms += [t.times(factors[:index], factors[index + 1 :], coefficient) for t in part.terms]
    terms = tuple(terms)
    rule = "product rule: d(FG) = dF G + F dG"
    if sum(1 for f in factors if f.has(X)) == 1:
        rule = "linearity: d(A F B) = A dF B"
    return _Differentiated(terms, _step(rule, expr, terms, X, substeps))


def _mul_rule(expr, X) -> _Differentiated:
    terms, substeps = [], []
    for index, factor in enumerate(expr.args):
        others = sympy.Mul(*(expr.args[:index] + expr.args[index + 1 :]))
        part = differential(factor, X)
        substeps.append(part.step)
        terms += [t.times(coefficient=others) for t in part.terms]
    terms = tuple(terms)
    return _Differentiated(terms, _step("scalar product rule: d(c f) = c df", expr, terms, X, substeps))


def _transpose_rule(expr, X) -> _Differentiated:
    part = differential(expr.arg, X)
    terms = tuple(t.transpose() for t in part.terms)
    return _Differentiated(terms, _step("transpose rule: d(F^T) = (dF)^T", expr, terms, X, [part.step]))


def _trace_rule(expr, X) -> _Differentiated:
    part = differential(expr.arg, X)
    return _Differentiated(part.terms, _step("trace rule: d tr(F) = tr(dF)", expr, part.terms, X, [part.step]))


def _squared_norm_rule(expr, X) -> _Differentiated:
    v = expr.arg
    part = differential(v, X)
    terms = tuple(t.times((Transpose(v),), (), 2) for t in part.terms)
    return _Differentiated(terms, _step("squared norm rule: d‖v‖² = 2 v^T dv", expr, terms, X, [part.step]))


def _log_sum_exp_rule(expr, X) -> _Differentiated:
    u = expr.arg
    part = differential(u, X)
    terms = tuple(t.times((Transpose(Softmax(u)),)) for t in part.terms)
    worked = log_sum_exp_steps(u) if u.shape[1] == 1 else ()
    note = "d logsumexp(u) = softmax(u)^T du" if worked else "d logsumexp(U) = tr(softmax(U)^T dU), column by column"
    return _Differentiated(terms, _step(f"log-sum-exp rule: {note}", expr, terms, X, [*worked, part.step]))


def _batch_softmax_rule(expr, X) -> _Differentiated:
    """Column by column, d s_j = (diag(s_j) - s_j s_jᵀ) du_j; for all columns at once
    dS = S ⊙ dU - S ⊙ (1 1ᵀ (S ⊙ dU))."""
    u = expr.arg
    S = Softmax(u)
    ones = OneMatrix(u.shape[0], u.shape[0])
    part = differential(u, X)
    terms = tuple(hadamard_term(S, t) for t in part.terms) + tuple(
        hadamard_term(S, hadamard_term(S, t).times((ones,))).times(coefficient=-1) for t in part.terms)
    return _Differentiated(terms, _step(
        "softmax rule (column by column): d softmax(U) = S ⊙ dU - S ⊙ (1 1^T (S ⊙ dU)), S = softmax(U)",
        expr, terms, X, [part.step]))


def _softmax_rule(expr, X) -> _Differentiated:
    u = expr.arg
    if u.shape[1] != 1:
        return _batch_softmax_rule(expr, X)
    s = Softmax(u)
    jacobian = MatAdd(Diag(s), -MatMul(s, Transpose(s)))
    part = differential(u, X)
    terms = tuple(t.times((jacobian,)) for t in part.terms)
    return _Differentiated(terms, _step("softmax rule: d softmax(u) = (diag(s) - s s^T) du", expr, terms, X,
                                        [*softmax_steps(u), part.step]))


def _elementwise_rule(expr, X) -> _Differentiated:
    u = expr.arg
    if u.shape[1] != 1:
        derivative = elementwise(expr.name, u, expr.order + 1)
        part = differential(u, X)
        terms = tuple(hadamard_term(derivative, t) for t in part.terms)
        return _Differentiated(terms, _step("elementwise chain rule: d f(U) = f'(U) ⊙ dU (entrywise)", expr, terms, X,
                                            [part.step]))
    derivative = Diag(elementwise(expr.name, u, expr.order + 1))
    part = differential(u, X)
    terms = tuple(t.times((derivative,)) for t in part.terms)
    return _Differentiated(terms, _step("elementwise chain rule: d f(u) = diag(f'(u)) du", expr, terms, X, [part.step]))


def _inverse_rule(expr, X) -> _Differentiated:
    inverse = expr
    part = differential(expr.arg, X)
    terms = tuple(t.times((inverse,), (inverse,), -1) for t in part.terms)
    return _Differentiated(terms, _step("inverse rule: d(A^-1) = -A^-1 dA A^-1", expr, terms, X, [part.step]))


def _log_rule(expr, X) -> _Differentiated:
    (argument,) = expr.args
    if isinstance(argument, sympy.Determinant):
        matrix = argument.arg
        part = differential(matrix, X)
        terms = tuple(t.times((sympy.Inverse(matrix),)) for t in part.terms)
        return _Differentiated(terms, _step("log-det rule: d log det A = tr(A^-1 dA)", expr, terms, X, [part.step]))
    part = differential(argument, X)
    terms = tuple(t.times(coefficient=1 / argument) for t in part.terms)
    return _Differentiated(terms, _step("log rule: d log f = df / f", expr, terms, X, [part.step]))


def _power_rule(expr, X) -> _Differentiated:
    base, exponent = expr.args
    if exponent.has(X):
        raise UnsupportedInput(f"exponent depends on {X}: {expr}")
    part = differential(base, X)
    terms = tuple(t.times(coefficient=exponent * base ** (exponent - 1)) for t in part.terms)
    return _Differentiated(terms, _step("power rule: d(f^n) = n f^(n-1) df", expr, terms, X, [part.step]))


_RULES = (
    ((MatAdd, sympy.Add), _sum_rule),
    (MatMul, _matmul_rule),
    (sympy.Mul, _mul_rule),
    (Transpose, _transpose_rule),
    ((Trace, Tr), _trace_rule),
    (SquaredNorm, _squared_norm_rule),
    (LogSumExp, _log_sum_exp_rule),
    (Softmax, _softmax_rule),
    (Elementwise, _elementwise_rule),
    (sympy.Inverse, _inverse_rule),
    (sympy.log, _log_rule),
    (sympy.Pow, _power_rule),
)
