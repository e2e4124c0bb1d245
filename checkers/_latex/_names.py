"""A name as written (base letter, subscript tokens, primes) before it is resolved.

>>> from ._tokens import tokenize
>>> n = Name("theta", (), 0, 0, 6).with_subscript(tuple(tokenize("11")), 10)
>>> n.full("11"), n.display
('theta_11', 'theta_{11}')
>>> lenient_name(r"\\frac{a}{b} = f(x)", 14, 18)
f(x)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

import sympy

from .._names import canonical_name
from ._token import Token

__all__ = ["Name", "lenient_name"]


@dataclass(frozen=True)
class Name:
    """``base`` with its ``subscript`` tokens and prime count, spanning ``start:end``."""

    base: str
    subscript: tuple[Token, ...]
    primes: int
    start: int
    end: int
    display: str = ""

    def __post_init__(self) -> None:
        if not self.display:
            object.__setattr__(self, "display", self.base)

    def with_subscript(self, tokens: tuple[Token, ...], end: int) -> Name:
        """The name with a subscript added."""
        shown = "".join(t.text for t in tokens)
        return replace(
            self,
            subscript=tokens,
            end=end,
            display=f"{self.display}_{shown}" if len(shown) == 1 else f"{self.display}_{{{shown}}}",
        )

    def with_prime(self, end: int) -> Name:
        """The name with one more prime."""
        return replace(self, primes=self.primes + 1, end=end, display=self.display + "'")

    def full(self, subscript: str) -> str:
        """The canonical spelling of base and subscript together (``theta_11``)."""
        return canonical_name(f"{self.base}_{subscript}") if self.subscript else canonical_name(self.base)


_COMMAND = re.compile(r"\\(mathbf|boldsymbol|bm|vec|mathrm|operatorname|text|mathcal|left|right|big|Big|bigg|Bigg)\b")


def lenient_name(text: str, start: int, end: int) -> sympy.Symbol:
    """A plain symbol naming the quantity written in ``text[start:end]`` (``f(x)``, ``L[phi]``)."""
    source = _COMMAND.sub("", text[start:end]).replace("\\partial", "d")
    source = re.sub(r"\\([A-Za-z]+)", r"\1", source)
    source = re.sub(r"[{}\s]", "", source)
    return sympy.Symbol(source or "?")
