"""The ML functions a reader knows besides sympy's elementary ones, and how to lower them.

Comparison never depends on which class a function came from: :func:`lower` rewrites
sigmoid, softplus and ReLU *by name* into elementary functions, so a reference built by
``derive`` (with its own classes) and an answer read here compare alike.

>>> from sympy import Symbol
>>> x = Symbol("x")
>>> lower(sigmoid(x))
1/(1 + exp(-x))
"""

from __future__ import annotations

import sympy
from sympy import Function, Max, exp, log

__all__ = ["sigmoid", "softplus", "relu", "lower", "LOWERINGS"]


class sigmoid(Function):  # noqa: N801 - sympy naming convention for functions
    """Logistic sigmoid: sigma(x) = 1 / (1 + e^{-x}); sigma'(x) = sigma(x)(1 - sigma(x))."""

    def fdiff(self, argindex: int = 1) -> sympy.Expr:
        s = sigmoid(self.args[0])
        return s * (1 - s)

    def _eval_rewrite_as_exp(self, arg: sympy.Expr, **kwargs: object) -> sympy.Expr:
        return 1 / (1 + exp(-arg))

    def _eval_evalf(self, prec: int) -> sympy.Expr:
        return self.rewrite(exp)._eval_evalf(prec)

    def _latex(self, printer: sympy.printing.latex.LatexPrinter, exp: str | None = None) -> str:
        return _call_latex(r"\sigma", printer._print(self.args[0]), exp)


class softplus(Function):  # noqa: N801
    """Softplus: log(1 + e^x); its derivative is sigma(x)."""

    def fdiff(self, argindex: int = 1) -> sympy.Expr:
        return sigmoid(self.args[0])

    def _eval_rewrite_as_exp(self, arg: sympy.Expr, **kwargs: object) -> sympy.Expr:
        return log(1 + exp(arg))

    def _eval_evalf(self, prec: int) -> sympy.Expr:
        return self.rewrite(exp)._eval_evalf(prec)

    def _latex(self, printer: sympy.printing.latex.LatexPrinter, exp: str | None = None) -> str:
        return _call_latex(r"\operatorname{softplus}", printer._print(self.args[0]), exp)


class relu(Function):  # noqa: N801
    """Rectified linear unit: max(0, x); its derivative is the indicator 1[x > 0]."""

    def fdiff(self, argindex: int = 1) -> sympy.Expr:
        return sympy.Heaviside(self.args[0], 0)

    def _eval_rewrite_as_Max(self, arg: sympy.Expr, **kwargs: object) -> sympy.Expr:
        return Max(0, arg)

    def _eval_evalf(self, prec: int) -> sympy.Expr:
        return Max(0, self.args[0])._eval_evalf(prec)

    def _latex(self, printer: sympy.printing.latex.LatexPrinter, exp: str | None = None) -> str:
        return _call_latex(r"\operatorname{ReLU}", printer._print(self.args[0]), exp)


def _call_latex(name: str, argument: str, exponent: str | None) -> str:
    """``name(argument)``, raised to ``exponent`` when sympy prints a power of the call."""
    call = rf"{name}\left({argument}\right)"
    return rf"{call}^{{{exponent}}}" if exponent else call


LOWERINGS: dict[str, object] = {
    "sigmoid": lambda u: 1 / (1 + exp(-u)),
    "sig": lambda u: 1 / (1 + exp(-u)),
    "logistic": lambda u: 1 / (1 + exp(-u)),
    "softplus": lambda u: log(1 + exp(u)),
    "relu": lambda u: Max(0, u),
    "ReLU": lambda u: Max(0, u),
}


def lower(expr: sympy.Basic) -> sympy.Basic:
    """Rewrite every ML function (matched by name) into elementary functions.

    >>> from sympy import Symbol
    >>> lower(softplus(Symbol("x")))
    log(exp(x) + 1)
    """
    replacements = {
        call: LOWERINGS[type(call).__name__](*call.args)
        for call in expr.atoms(sympy.Function)
        if type(call).__name__ in LOWERINGS and len(call.args) == 1
    }
    if not replacements:
        return expr
    return lower(expr.xreplace(replacements))
