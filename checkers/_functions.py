"""The one function table of both readers: which names are functions, and how a function
is applied to what was read.

The vocabulary decides first: an undefined function of the reference (``a``, ``f``) is
called; a name the reference uses for something else (``sigma`` as a standard deviation)
is not a function. Otherwise the table applies: the elementary functions, the ML functions
of :mod:`derive._functions` (sigmoid under the names ``sigma``/``sig``/``sigmoid``/
``logistic``, softplus, ReLU), and the matrix functions (tr, det, diag, inverse,
transpose, softmax, hadamard). A scalar function of one matrix argument applies entry by
entry, except where that would be a guess (``sqrt`` and ``abs`` of a matrix).

>>> from sympy import Symbol, MatrixSymbol
>>> from ._vocabulary import Vocabulary
>>> function_named("ReLU", Vocabulary()).apply([Symbol("z")])
relu(z)
>>> function_named("sigma", Vocabulary.from_objects(Symbol("sigma"))) is None
True
>>> function_named("tr", Vocabulary()).apply([MatrixSymbol("A", 2, 2)])
Trace(A)
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import reduce
from types import MappingProxyType

import sympy
from sympy import Basic
from sympy.core.function import UndefinedFunction

from derive._functions import relu, sigmoid, softplus

from . import _arithmetic as arithmetic
from . import _structures as structures
from ._arithmetic import Refused
from ._structures import is_matrix
from ._vocabulary import Vocabulary

__all__ = ["Function", "function_named", "is_function_name", "SCALAR_FUNCTIONS", "MATRIX_FUNCTIONS", "FUNCTION_NAMES"]

_ELEMENTARY = (
    "exp sin cos tan cot sec csc asin acos atan acot asec acsc sinh cosh tanh coth sech csch "
    "asinh acosh atanh sqrt sign floor ceiling Heaviside erf log"
).split()

SCALAR_FUNCTIONS: Mapping[str, Callable[..., Basic]] = MappingProxyType({
    **{name: getattr(sympy, name) for name in _ELEMENTARY},
    "ln": sympy.log, "lg": sympy.log,
    "arcsin": sympy.asin, "arccos": sympy.acos, "arctan": sympy.atan,
    "arcsinh": sympy.asinh, "arccosh": sympy.acosh, "arctanh": sympy.atanh,
    "abs": sympy.Abs, "Abs": sympy.Abs, "sgn": sympy.sign, "ceil": sympy.ceiling, "heaviside": sympy.Heaviside,
    "max": sympy.Max, "Max": sympy.Max, "min": sympy.Min, "Min": sympy.Min,
    "sigmoid": sigmoid, "sig": sigmoid, "sigma": sigmoid, "σ": sigmoid, "logistic": sigmoid,
    "softplus": softplus, "relu": relu, "ReLU": relu,
    "factorial": arithmetic.factorial, "binomial": arithmetic.binomial,
})
"""Functions of numbers, by every name a student may write them with."""

MATRIX_FUNCTIONS: Mapping[str, Callable[..., Basic]] = MappingProxyType({
    **dict.fromkeys(("tr", "Tr", "trace", "Trace"), arithmetic.trace),
    **dict.fromkeys(("det", "Determinant"), arithmetic.determinant),
    **dict.fromkeys(("diag", "DiagMatrix"), structures.diag),
    **dict.fromkeys(("inv", "inverse", "Inverse"), arithmetic.inverse),
    **dict.fromkeys(("transpose", "Transpose"), arithmetic.transpose),
    **dict.fromkeys(("softmax", "Softmax"), structures.softmax),
})
"""Functions of one matrix (or vector) argument."""

FUNCTION_NAMES: frozenset[str] = frozenset(SCALAR_FUNCTIONS) | frozenset(MATRIX_FUNCTIONS) | {"hadamard"}
"""Every name that is a function when the vocabulary is silent."""

_NOT_ENTRYWISE = frozenset({"sqrt", "abs", "Abs", "max", "Max", "min", "Min"})
_ANY_CASE = frozenset({"relu", "sigmoid", "softplus"})  # ML names are written in any case (ReLU, Sigmoid)
_SMOOTH_INVERSES = {"sin": sympy.asin, "cos": sympy.acos, "tan": sympy.atan}
_T = sympy.Dummy("t", real=True)


@dataclass(frozen=True)
class Function:
    """A callable name: how many derivatives were taken (primes), and how to apply it."""

    name: str
    target: object  # an UndefinedFunction, a sympy function class, or a matrix builder
    kind: str  # "vocabulary", "scalar", "matrix" or "hadamard"
    primes: int = 0

    def with_primes(self, primes: int) -> Function:
        """The same function differentiated ``primes`` more times."""
        if self.kind in ("matrix", "hadamard") and primes:
            raise Refused(f"'{self.name}' cannot be differentiated with a prime")
        return Function(self.name, self.target, self.kind, self.primes + primes)

    def inverse(self) -> Function:
        """sin^{-1} and friends; other inverses are refused rather than guessed."""
        if self.kind == "scalar" and self.name in _SMOOTH_INVERSES and not self.primes:
            return Function(f"arc{self.name}", _SMOOTH_INVERSES[self.name], "scalar")
        raise Refused(f"'{self.name}^{{-1}}' is ambiguous: write the inverse function by name or 1/{self.name}(...)")

    def apply(self, args: Sequence[Basic]) -> Basic:
        """The function applied to ``args`` (entry by entry for a single matrix argument)."""
        if not args:
            raise Refused(f"'{self.name}' needs an argument")
        if self.kind == "hadamard":
            if len(args) < 2:
                raise Refused("write hadamard(A, B) with two matrices of one shape")
            return reduce(arithmetic.hadamard, args)
        if self.kind == "matrix":
            return self._matrix(args)
        if len(args) == 1 and is_matrix(args[0]):
            return self._entrywise(args[0])
        if any(is_matrix(a) for a in args):
            raise Refused(f"'{self.name}' cannot take a matrix among several arguments")
        if self.primes:
            if len(args) != 1:
                raise Refused(f"a prime on '{self.name}' needs exactly one argument")
            return self._derivative_at(args[0])
        return self._call(args)

    def _matrix(self, args: Sequence[Basic]) -> Basic:
        if self.target is structures.diag and not any(is_matrix(a) for a in args) and len(args) > 1:
            return structures.diag(*args)  # diag(1, 2, 3): the diagonal matrix of the entries
        if len(args) != 1:
            raise Refused(f"'{self.name}' takes one argument")
        try:
            return self.target(args[0])
        except Refused:
            raise
        except structures.NotApplicable as error:
            raise Refused(str(error)) from None
        except (ValueError, TypeError):
            raise Refused(f"'{self.name}' cannot be applied to {arithmetic.describe(args[0])}") from None

    def _entrywise(self, matrix: Basic) -> Basic:
        if self.kind == "scalar" and self.name in _NOT_ENTRYWISE:
            raise Refused(f"'{self.name}' of a matrix is ambiguous: apply it to each entry in an explicit matrix")
        if self.kind == "scalar":
            return structures.apply_elementwise(self.target, matrix, self.primes)
        if self.primes:
            return structures.apply_elementwise(sympy.Lambda(_T, self._derivative_at(_T)), matrix)
        return structures.apply_elementwise(self.target, matrix)

    def _derivative_at(self, arg: Basic) -> Basic:
        derivative = sympy.diff(self.target(_T), _T, self.primes)
        if self.kind == "vocabulary":
            return derivative.xreplace({_T: arg}) if isinstance(arg, sympy.Symbol) else sympy.Subs(derivative, _T, arg)
        return derivative.subs(_T, arg)

    def _call(self, args: Sequence[Basic]) -> Basic:
        try:
            return self.target(*args)
        except Refused:
            raise
        except (TypeError, ValueError):
            count = "one argument" if self.kind == "scalar" and self.name not in _NOT_ENTRYWISE else "other arguments"
            raise Refused(f"'{self.name}' takes {count}, not {len(args)}") from None


def function_named(name: str, vocabulary: Vocabulary, *, command: bool = False) -> Function | None:
    """The function a name stands for here, or None when it is not a function.

    ``command`` is True for LaTeX commands such as ``\\sin``, which the vocabulary cannot
    turn into a plain variable.

    >>> function_named("x", Vocabulary()) is None, function_named("Softmax", Vocabulary()).kind
    (True, 'matrix')
    """
    meaning = vocabulary.lookup(name)
    if isinstance(meaning, UndefinedFunction):
        return Function(name, meaning, "vocabulary")
    if meaning is not None and not command:
        return None
    if name in MATRIX_FUNCTIONS or name.lower() == "softmax":
        return Function(name, MATRIX_FUNCTIONS.get(name, structures.softmax), "matrix")
    if name == "hadamard":
        return Function(name, None, "hadamard")
    spelling = name.lower() if name.lower() in _ANY_CASE else name
    if spelling in SCALAR_FUNCTIONS:
        return Function(name, SCALAR_FUNCTIONS[spelling], "scalar")
    return None


def is_function_name(name: str) -> bool:
    """True for a name that is a function when the vocabulary is silent.

    >>> is_function_name("sin"), is_function_name("ReLU"), is_function_name("x")
    (True, True, False)
    """
    return name in FUNCTION_NAMES or name.lower() in _ANY_CASE or name.lower() == "softmax"
