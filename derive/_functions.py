"""Machine-learning activation functions as sympy functions: sigmoid, softplus, relu.

Each knows its derivative (``fdiff``), rewrites to elementary functions
(``rewrite(sympy.exp)`` / ``rewrite(sympy.Piecewise)``), evaluates numerically and
prints as course notation in LaTeX (``\\sigma``, ``\\operatorname{softplus}``,
``\\operatorname{ReLU}``).

ReLU's derivative is the indicator 1[x > 0], represented as ``Heaviside(x, 0)``: the value
at 0 is taken to be 0 (the convention of PyTorch and JAX); ReLU is not differentiable there.
"""

from __future__ import annotations

import sympy
from sympy import Function, Heaviside, Piecewise, S, exp, log

__all__ = ["sigmoid", "softplus", "relu"]


def _numeric(expr: sympy.Expr, prec: int):
    """Evaluate an elementary rewrite of an activation at binary precision ``prec``."""
    return expr.evalf(sympy.core.evalf.prec_to_dps(prec))


class _Activation(Function):
    """Common behaviour: one real argument, LaTeX name, numeric evaluation via rewrite."""

    nargs = 1
    latex_name = ""

    def _latex(self, printer, exp=None):
        arg = printer._print(self.args[0])
        text = rf"{self.latex_name}\left({arg}\right)"
        return text if exp is None else rf"{self.latex_name}^{{{exp}}}\left({arg}\right)"

    def _eval_is_real(self):
        return self.args[0].is_real

    def _eval_evalf(self, prec):
        if self.args[0].is_number:
            return _numeric(self.rewrite(exp), prec)
        return None

    def _elementary(self, arg):  # pragma: no cover - overridden
        raise NotImplementedError

    def _numpycode(self, printer):
        return printer._print(self._elementary(self.args[0]))

    _lambdacode = _numpycode
    _mpmathcode = _numpycode


class sigmoid(_Activation):
    """Logistic sigmoid sigma(x) = 1 / (1 + e^(-x)); sigma'(x) = sigma(x) (1 - sigma(x)).

    >>> from sympy import Symbol
    >>> x = Symbol("x")
    >>> sigmoid(x).diff(x)
    (1 - sigmoid(x))*sigmoid(x)
    >>> float(sigmoid(0))
    0.5
    """

    latex_name = r"\sigma"

    @classmethod
    def eval(cls, arg):
        if arg.is_zero:
            return S.Half
        return None

    def fdiff(self, argindex=1):
        return self * (1 - self)

    def _elementary(self, arg):
        return 1 / (1 + exp(-arg))

    def _eval_rewrite_as_exp(self, arg, **kwargs):
        return self._elementary(arg)

    def _eval_is_positive(self):
        return True if self.args[0].is_real else None


class softplus(_Activation):
    """Softplus softplus(x) = log(1 + e^x); softplus'(x) = sigma(x).

    >>> from sympy import Symbol
    >>> softplus(Symbol("x")).diff(Symbol("x"))
    sigmoid(x)
    """

    latex_name = r"\operatorname{softplus}"

    def fdiff(self, argindex=1):
        return sigmoid(self.args[0])

    def _elementary(self, arg):
        return log(1 + exp(arg))

    def _eval_rewrite_as_exp(self, arg, **kwargs):
        return self._elementary(arg)

    _eval_rewrite_as_log = _eval_rewrite_as_exp

    def _eval_is_positive(self):
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
    def eval(cls, arg):
        if arg.is_nonnegative:
            return arg
        if arg.is_nonpositive:
            return S.Zero
        return None

    def fdiff(self, argindex=1):
        return Heaviside(self.args[0], 0)

    def _elementary(self, arg):
        return Piecewise((arg, arg > 0), (0, True))

    def _eval_rewrite_as_Piecewise(self, arg, **kwargs):
        return self._elementary(arg)

    def _eval_rewrite_as_Max(self, arg, **kwargs):
        return sympy.Max(0, arg)

    def _eval_rewrite_as_exp(self, arg, **kwargs):
        return self._elementary(arg)

    def _numpycode(self, printer):
        return printer._print(sympy.Max(0, self.args[0]))

    def _eval_is_nonnegative(self):
        return True if self.args[0].is_real else None
