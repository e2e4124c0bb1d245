"""Names every reader knows unless the vocabulary gives them another meaning.

>>> from sympy import Symbol
>>> SCALAR_FUNCTIONS["ln"](Symbol("x"))
log(x)
>>> CONSTANTS["e"]
E
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType

import sympy
from sympy import E, pi

from derive._functions import relu, sigmoid, softplus

__all__ = ["SCALAR_FUNCTIONS", "CONSTANTS", "is_builtin_function"]

_ELEMENTARY = (
    "exp sin cos tan cot sec csc asin acos atan acot asec acsc sinh cosh tanh coth sech csch "
    "asinh acosh atanh sqrt sign floor ceiling Heaviside erf".split()
)

SCALAR_FUNCTIONS: Mapping[str, Callable[..., sympy.Basic]] = MappingProxyType(
    {
        **{name: getattr(sympy, name) for name in _ELEMENTARY},
        "log": sympy.log,
        "ln": sympy.log,
        "arcsin": sympy.asin,
        "arccos": sympy.acos,
        "arctan": sympy.atan,
        "abs": sympy.Abs,
        "Abs": sympy.Abs,
        "sgn": sympy.sign,
        "ceil": sympy.ceiling,
        "max": sympy.Max,
        "Max": sympy.Max,
        "min": sympy.Min,
        "Min": sympy.Min,
        "sigmoid": sigmoid,
        "sig": sigmoid,
        "sigma": sigmoid,
        "σ": sigmoid,
        "softplus": softplus,
        "relu": relu,
        "ReLU": relu,
    }
)

CONSTANTS: Mapping[str, sympy.Basic] = MappingProxyType(
    {"e": E, "E": E, "pi": pi, "π": pi, "oo": sympy.oo, "inf": sympy.oo, "infty": sympy.oo}
)


def is_builtin_function(name: str) -> bool:
    """True for a name the readers treat as a function when the vocabulary is silent.

    >>> is_builtin_function("sin"), is_builtin_function("x")
    (True, False)
    """
    return name in SCALAR_FUNCTIONS
