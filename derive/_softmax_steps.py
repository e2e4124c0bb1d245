"""The differentials of softmax and log-sum-exp, worked out from e = exp(u) (entrywise):
softmax(u) = e / (1ᵀe) and logsumexp(u) = log(1ᵀe).

Both derivations use the same three facts, each a step built here once:
de = diag(e) du (exp' = exp), 1ᵀ diag(e) = eᵀ (a row of ones sums the columns), and
e / (1ᵀe) = s, the softmax. :func:`softmax_steps` then ends at
d softmax(u) = (diag(s) - s sᵀ) du and :func:`log_sum_exp_steps` at d logsumexp(u) = sᵀ du.
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy
from sympy import Eq, MatAdd, MatMul, MatrixExpr, MatrixSymbol, OneMatrix, Transpose

from ._matrix_objects import Diag, Differential, LogSumExp, Scalar, Softmax, elementwise
from ._steps import Step

__all__ = ["ExpNames", "exp_names", "softmax_steps", "log_sum_exp_steps"]


@dataclass(frozen=True)
class ExpNames:
    """The names of a softmax derivation: the argument ``u`` (named ``u`` with a definition
    when it is not a symbol), ``du``, ``e = exp(u)``, ``de``, ``s`` and the sum ``1ᵀe``."""

    u: MatrixSymbol
    du: MatrixSymbol
    e: MatrixSymbol
    de: MatrixSymbol
    s: MatrixSymbol
    argument_definitions: tuple

    @property
    def total(self) -> Scalar:
        """1ᵀe, the sum of the entries of e, as a number."""
        return Scalar(OneMatrix(self.e.shape[0], 1).T * self.e)

    @property
    def ones_row(self) -> MatrixExpr:
        return OneMatrix(self.e.shape[0], 1).T


def exp_names(argument: MatrixExpr) -> ExpNames:
    """Names for the derivation of softmax(argument) or logsumexp(argument).

    >>> from sympy import MatrixSymbol, Symbol
    >>> x = MatrixSymbol("x", Symbol("n"), 1)
    >>> names = exp_names(x)
    >>> names.u, names.du, names.e, names.s
    (x, dx, e, s)
    """
    rows = argument.shape[0]
    if isinstance(argument, MatrixSymbol):
        u, definitions = argument, ()
    else:
        u = MatrixSymbol("u", rows, 1)
        definitions = (Eq(u, argument, evaluate=False),)
    return ExpNames(u, MatrixSymbol(f"d{u.name}", rows, 1), MatrixSymbol("e", rows, 1),
                    MatrixSymbol("de", rows, 1), MatrixSymbol("s", rows, 1), definitions)


_SUM_NOTE = "exp taken entrywise; 1ᵀe = e₁ + … + eₙ, a number"


def _over(numerator, denominator) -> MatrixExpr:
    return MatMul(sympy.Pow(denominator, -1), numerator)


def _exp_differential(names: ExpNames) -> Step:
    return Step("elementwise chain rule", Differential(names.e), MatMul(Diag(names.e), names.du),
                note="d f(u) = diag(f'(u)) du, and exp' = exp")


def _substitute_de(before: MatrixExpr, names: ExpNames) -> Step:
    after = before.subs(names.de, MatMul(Diag(names.e), names.du))
    return Step(f"substitute de = diag(e) {names.du.name}", before, after)


def _row_sums(before: MatrixExpr, after: MatrixExpr) -> Step:
    return Step("row of ones times diag(e)", before, after, note="1ᵀ diag(e) = eᵀ: the columns of diag(e) sum to e")


def _name_softmax(before: MatrixExpr, after: MatrixExpr, names: ExpNames, note: str) -> Step:
    return Step("name the softmax", before, after,
                definitions=(Eq(names.s, _over(names.e, names.total), evaluate=False),), note=note)


def softmax_steps(argument: MatrixExpr) -> tuple[Step, ...]:
    """The steps from softmax(u) = e / (1ᵀe) to d softmax(u) = (diag(s) - s sᵀ) du.

    >>> from sympy import MatrixSymbol, Symbol
    >>> steps = softmax_steps(MatrixSymbol("x", Symbol("n"), 1))
    >>> [step.rule for step in steps][:3]
    ['definition of softmax', 'elementwise chain rule', 'quotient rule']
    >>> steps[-1].after
    (diag(s) - s*s.T)*dx
    """
    names = exp_names(argument)
    e, de, du, s, total, ones, u = names.e, names.de, names.du, names.s, names.total, names.ones_row, names.u
    quotient = MatAdd(_over(de, total), -_over(MatMul(e, ones, de), total**2))
    substituted = _substitute_de(quotient, names)
    rows_summed = MatAdd(_over(MatMul(Diag(e), du), total), -_over(MatMul(e, Transpose(e), du), total**2))
    named = MatAdd(MatMul(Diag(s), du), -MatMul(s, Transpose(s), du))
    return (
        Step("definition of softmax", Softmax(names.u), _over(e, total),
             definitions=(*names.argument_definitions, Eq(e, elementwise("exp", names.u), evaluate=False)),
             note=_SUM_NOTE),
        _exp_differential(names),
        Step("quotient rule", Differential(_over(e, total)), quotient,
             note="d(v / c) = dv / c - v dc / c² for the scalar c = 1ᵀe, with dc = 1ᵀde"),
        substituted,
        _row_sums(substituted.after, rows_summed),
        _name_softmax(rows_summed, named, names,
                      f"s = softmax({u}); diag(e) / (1ᵀe) = diag(s) and e eᵀ / (1ᵀe)² = s sᵀ"),
        Step(f"factor out {du}", named, MatMul(MatAdd(Diag(s), -MatMul(s, Transpose(s))), du),
             note=f"entrywise: ∂sᵢ/∂{u}ⱼ = sᵢ (δᵢⱼ - sⱼ)"),
    )


def log_sum_exp_steps(argument: MatrixExpr) -> tuple[Step, ...]:
    """The steps from logsumexp(u) = log(1ᵀe) to d logsumexp(u) = sᵀ du.

    >>> from sympy import MatrixSymbol, Symbol
    >>> steps = log_sum_exp_steps(MatrixSymbol("x", Symbol("n"), 1))
    >>> [step.rule for step in steps][:3]
    ['definition of log-sum-exp', 'elementwise chain rule', 'log rule']
    >>> steps[-1].after
    s.T*dx
    """
    names = exp_names(argument)
    e, de, du, s, total, ones = names.e, names.de, names.du, names.s, names.total, names.ones_row
    logarithm = _over(MatMul(ones, de), total)
    substituted = _substitute_de(logarithm, names)
    rows_summed = _over(MatMul(Transpose(e), du), total)
    return (
        Step("definition of log-sum-exp", LogSumExp(names.u), sympy.log(total),
             definitions=(*names.argument_definitions, Eq(e, elementwise("exp", names.u), evaluate=False)),
             note=_SUM_NOTE),
        _exp_differential(names),
        Step("log rule", Differential(sympy.log(total)), logarithm,
             note="d log c = dc / c for the scalar c = 1ᵀe, with dc = 1ᵀde"),
        substituted,
        _row_sums(substituted.after, rows_summed),
        _name_softmax(rows_summed, MatMul(Transpose(s), du), names, f"s = softmax({names.u}); eᵀ / (1ᵀe) = sᵀ"),
    )
