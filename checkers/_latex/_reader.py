r"""derivecheck's LaTeX reader: screen, tokenize, then read structure against the vocabulary.

Nothing here evaluates text: the tokenizer and the recursive-descent parser build sympy
objects node by node, and every failure is an :class:`InvalidAnswer` with a position.

>>> from sympy import symbols, IndexedBase
>>> from .._vocabulary import Vocabulary
>>> vocab = Vocabulary.from_objects(symbols("w x b"))
>>> read_latex(r"\sigma(wx+b)", vocab).value
sigmoid(b + w*x)
>>> read_latex(r"c = \pm\frac{2}{\sqrt3}", Vocabulary.from_objects(symbols("c"))).value
{-2*sqrt(3)/3, 2*sqrt(3)/3}
"""

from __future__ import annotations

from .._limits import DEFAULT_LIMITS, Limits
from .._reading import Reading
from .._vocabulary import Vocabulary
from ._answer import read_tokens
from ._screen import check_balance, check_size, strip_delimiters
from ._tokens import tokenize

__all__ = ["read_latex"]


def read_latex(text: str, vocabulary: Vocabulary, limits: Limits = DEFAULT_LIMITS) -> Reading:
    """Read a LaTeX answer against the vocabulary (raises InvalidAnswer when it cannot)."""
    check_size(text, [], limits)
    source = strip_delimiters(text)
    tokens = tokenize(source)
    check_size(text, tokens, limits)
    check_balance(tokens, text)
    reading = read_tokens(tokens, text, vocabulary, limits)
    return reading
