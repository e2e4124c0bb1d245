"""The machine-learning functions of derivecheck, defined once for the whole project.

sigmoid, softplus and ReLU are sympy functions here; softmax and log-sum-exp are matrix
functions in :mod:`derive._matrix_objects`. ``derive`` differentiates them, the readers of
``checkers`` build them from what a student writes, and comparison lowers them to
elementary functions with :func:`lower`. Each knows its derivative (``fdiff``), rewrites to
elementary functions, evaluates numerically and has one LaTeX form (``\\sigma(x)``,
``\\operatorname{softplus}(x)``, ``\\operatorname{ReLU}(x)``; a power of a call is printed
``\\sigma(x)^{2}``, which reads back unambiguously).

ReLU's derivative is the indicator 1[x > 0], represented as ``Heaviside(x, 0)``: the value
at 0 is taken to be 0 (the convention of PyTorch and JAX); ReLU is not differentiable there.

>>> from sympy import Symbol, latex
>>> x = Symbol("x")
>>> latex(sigmoid(x) ** 2), lower(sigmoid(x))
('\\\\sigma\\\\left(x\\\\right)^{2}', 1/(1 + exp(-x)))
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType

import sympy
from sympy import Function, Heaviside, Max, Piecewise, S, exp, log

__all__ = ["sigmoid", "softplus", "relu", "ACTIVATIONS", "lower"]


def _numeric(expr: sympy.Expr, prec: int) -> sympy.Expr:
    """Evaluate an elementary rewrite of an activation at binary precision ``prec``."""
    return expr.evalf(sympy.core.evalf.prec_to_dps(prec))


class _Activation(Function):
    """Common behaviour: one real argument, one LaTeX name, numeric evaluation via rewrite."""

    nargs = 1
    latex_name = ""

    def _latex(self, printer: sympy.printing.latex.LatexPrinter, exp: str | None = None) -> str:
        arg = printer._print(self.args[0])
        call = rf"{self.latex_name}\left({arg}\right)"
        return call if exp is None else rf"{call}^{{{exp}}}"

    def _eval_is_real(self) -> bool | None:
        return self.args[0].is_real

    def _eval_evalf(self, prec: int) -> sympy.Expr | None:
        if self.args[0].is_number:
            return _numeric(self.lowered(), prec)
        return None

    def lowered(self) -> sympy.Expr:
        """The call written with elementary functions (what comparison works with)."""
        return self.elementary(self.args[0])

    @staticmethod
    def elementary(arg: sympy.Expr) -> sympy.Expr:  # pragma: no cover - overridden
        raise NotImplementedError

    def _numpycode(self, printer: object) -> str:
        return printer._print(self.lowered())

    _lambdacode = _numpycode
    _mpmathcode = _numpycode


class sigmoid(_Activation):
    """Logistic sigmoid sigma(x) = 1 / (1 + e^(-x)); sigma'(x) = sigma(x) (1 - sigma(x)).

    >>> from sympy import Symbol
    >>> x = Symbol("x")
    >>> sigmoid(x).diff(x)
    (1 - sigmoid(x))*sigmoid(x)
    >>> sigmoid(0), round(float(sigmoid(2)), 6)
    (1/2, 0.880797)
    """

    latex_name = r"\sigma"

    @classmethod
    def eval(cls, arg: sympy.Expr) -> sympy.Expr | None:
        return S.Half if arg.is_zero else None

    def fdiff(self, argindex: int = 1) -> sympy.Expr:
        return self * (1 - self)

    @staticmethod
    def elementary(arg: sympy.Expr) -> sympy.Expr:
        return 1 / (1 + exp(-arg))

    def _eval_rewrite_as_exp(self, arg: sympy.Expr, **kwargs: object) -> sympy.Expr:
        return self.elementary(arg)

    def _eval_is_positive(self) -> bool | None:
        return True if self.args[0].is_real else None


class softplus(_Activation):
    """Softplus softplus(x) = log(1 + e^x); softplus'(x) = sigma(x).

    >>> from sympy import Symbol
    >>> softplus(Symbol("x")).diff(Symbol("x"))
    sigmoid(x)
    """

    latex_name = r"\operatorname{softplus}"

    def fdiff(self, argindex: int = 1) -> sympy.Expr:
        return sigmoid(self.args[0])

    @staticmethod
    def elementary(arg: sympy.Expr) -> sympy.Expr:
        return log(1 + exp(arg))

    def _eval_rewrite_as_exp(self, arg: sympy.Expr, **kwargs: object) -> sympy.Expr:
        return self.elementary(arg)

    _eval_rewrite_as_log = _eval_rewrite_as_exp

    def _eval_is_positive(self) -> bool | None:
        return True if self.args[0].is_real else None


class relu(_Activation):
    """Rectified linear unit relu(x) = max(0, x); relu'(x) = 1[x > 0] = Heaviside(x, 0).

    The derivative at 0 is taken to be 0 (ReLU is not differentiable there).

    >>> from sympy import Symbol
    >>> relu(Symbol("x")).diff(Symbol("x"))
    Heaviside(x, 0)
    >>> relu(-3), relu(2)
    (0, 2)
    """

    latex_name = r"\operatorname{ReLU}"

    @classmethod
    def eval(cls, arg: sympy.Expr) -> sympy.Expr | None:
        if arg.is_nonnegative:
            return arg
        if arg.is_nonpositive:
            return S.Zero
        return None

    def fdiff(self, argindex: int = 1) -> sympy.Expr:
        return Heaviside(self.args[0], 0)

    @staticmethod
    def elementary(arg: sympy.Expr) -> sympy.Expr:
        return Max(0, arg)

    def _eval_rewrite_as_Piecewise(self, arg: sympy.Expr, **kwargs: object) -> sympy.Expr:
        return Piecewise((arg, arg > 0), (0, True))

    def _eval_rewrite_as_Max(self, arg: sympy.Expr, **kwargs: object) -> sympy.Expr:
        return Max(0, arg)

    _eval_rewrite_as_exp = _eval_rewrite_as_Piecewise

    def _eval_is_nonnegative(self) -> bool | None:
        return True if self.args[0].is_real else None


ACTIVATIONS: Mapping[str, type[_Activation]] = MappingProxyType(
    {"sigmoid": sigmoid, "softplus": softplus, "relu": relu}
)
"""Every scalar ML function by its sympy name."""


def lower(expr: sympy.Basic) -> sympy.Basic:
    """``expr`` with every ML function rewritten into elementary functions.

    >>> from sympy import Symbol
    >>> x = Symbol("x")
    >>> lower(softplus(x) + relu(x))
    log(exp(x) + 1) + Max(0, x)
    """
    if not isinstance(expr, sympy.Basic) or not expr.has(*ACTIVATIONS.values()):
        return expr
    lowered: Callable[[_Activation], sympy.Expr] = lambda call: call.lowered()  # noqa: E731
    return lower(expr.replace(lambda e: isinstance(e, _Activation), lowered))
