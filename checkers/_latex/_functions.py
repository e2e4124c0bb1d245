"""Which names are functions, and how a function is applied to what was read.

The vocabulary decides first: an undefined function of the reference (``a``, ``f``) is
called; a name the reference uses for something else (``sigma`` as a standard deviation)
is not a function. Otherwise the built-in table applies: the elementary functions, the
ML functions (sigmoid under the names ``sigma``/``sig``/``sigmoid``/``logistic``,
softplus, ReLU), and the matrix-aware structures (diag, tr, det, softmax).

>>> from sympy import Symbol
>>> from .._vocabulary import Vocabulary
>>> fn = function_named("ReLU", Vocabulary())
>>> fn.apply([Symbol("z")])
relu(z)
>>> function_named("sigma", Vocabulary.from_objects(Symbol("sigma"))) is None
True
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import sympy
from sympy import Basic
from sympy.core.function import UndefinedFunction

from derive._functions import sigmoid

from .. import _arithmetic as arithmetic
from .. import _structures as structures
from .._arithmetic import Refused
from .._builtins import SCALAR_FUNCTIONS
from .._structures import is_matrix
from .._vocabulary import Vocabulary

__all__ = ["Function", "function_named"]

_ALIASES: dict[str, Callable[..., Basic]] = {
    "heaviside": sympy.Heaviside,
    "logistic": sigmoid,
    "arcsinh": sympy.asinh,
    "arccosh": sympy.acosh,
    "arctanh": sympy.atanh,
}

_STRUCTURAL: dict[str, Callable[[Basic], Basic]] = {
    "tr": arithmetic.trace,
    "Tr": arithmetic.trace,
    "trace": arithmetic.trace,
    "diag": structures.diag,
    "det": arithmetic.determinant,
}
_SMOOTH_INVERSES = {"sin": sympy.asin, "cos": sympy.acos, "tan": sympy.atan}


@dataclass(frozen=True)
class Function:
    """A callable name: how many derivatives were taken (primes), and how to apply it."""

    name: str
    target: object  # an UndefinedFunction, a sympy function class, or a structural builder
    kind: str  # "vocabulary", "scalar", "structural" or "softmax"
    primes: int = 0

    def with_primes(self, primes: int) -> Function:
        """The same function differentiated ``primes`` more times."""
        if self.kind in ("structural", "softmax") and primes:
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
        if self.kind == "structural":
            if len(args) != 1:
                raise Refused(f"'{self.name}' takes one argument")
            return self.target(args[0])
        if self.kind == "softmax":
            if len(args) != 1 or not is_matrix(args[0]):
                raise Refused("softmax needs a vector argument (softmax of a single entry is not defined)")
            return structures.softmax(args[0])
        if len(args) == 1 and is_matrix(args[0]):
            if self.primes:
                return structures.apply_elementwise(sympy.Lambda(_T, self._scalar(_T)), args[0])
            return structures.apply_elementwise(self.target, args[0])
        if any(is_matrix(a) for a in args):
            raise Refused(f"'{self.name}' cannot take a matrix among several arguments")
        if self.primes:
            if len(args) != 1:
                raise Refused(f"a prime on '{self.name}' needs exactly one argument")
            return self._scalar(args[0])
        try:
            return self.target(*args)
        except (TypeError, ValueError) as error:
            raise Refused(f"cannot apply '{self.name}' to these arguments: {str(error)[:80]}") from None

    def _scalar(self, arg: Basic) -> Basic:
        return self.target(_T).diff(_T, self.primes).subs(_T, arg)


_T = sympy.Dummy("t")


def function_named(name: str, vocabulary: Vocabulary, *, command: bool = False) -> Function | None:
    """The function a name stands for here, or None when it is not a function.

    ``command`` is True for ``\\sin``-style commands, which the vocabulary cannot turn into
    a plain variable.
    """
    meaning = vocabulary.lookup(name)
    if isinstance(meaning, UndefinedFunction):
        return Function(name, meaning, "vocabulary")
    if meaning is not None and not command:
        return None
    if name in _STRUCTURAL:
        return Function(name, _STRUCTURAL[name], "structural")
    if name.lower() == "softmax":
        return Function(name, None, "softmax")
    if name in SCALAR_FUNCTIONS:
        return Function(name, SCALAR_FUNCTIONS[name], "scalar")
    if name in _ALIASES:
        return Function(name, _ALIASES[name], "scalar")
    if name.lower() in ("relu", "sigmoid", "softplus"):
        return Function(name, SCALAR_FUNCTIONS[name.lower()], "scalar")
    return None
