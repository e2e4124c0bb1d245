r"""Big operators: ``\sum_{i=1}^{n}``, ``\prod_{k=1}^{K}``, and ``\sum_i`` with the reference's range.

The index is bound while the body is read, so ``x_i`` inside means the i-th entry of the
family ``x`` and ``i`` there is the summation index even when the vocabulary has an ``i``.
A bare ``\sum_i`` takes its range from the reference (``\sum_i`` means i = 1..I there).

>>> from sympy import IndexedBase, Sum, symbols
>>> from .._vocabulary import Vocabulary
>>> from ._reader import read_latex
>>> i, I = symbols("i I", integer=True, positive=True)
>>> vocab = Vocabulary.from_objects(Sum(IndexedBase("x")[i], (i, 1, I)))
>>> read_latex(r"\sum_i x_i^2", vocab).value
Sum(x[i]**2, (i, 1, I))
>>> read_latex(r"\prod_{k=1}^{3} k", vocab).value
Product(k, (k, 1, 3))
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import sympy
from sympy import Basic

from .. import _arithmetic as arithmetic
from .._names import canonical_name
from .._structures import is_matrix
from ._token import Token

if TYPE_CHECKING:
    from ._parser import Parser

__all__ = ["big_operator"]

_OPERATORS = {"sum": sympy.Sum, "prod": sympy.Product}


def big_operator(parser: Parser, token: Token) -> Basic:
    """``\\sum`` or ``\\prod`` (the parser stands after the command) with its index, range and body."""
    if not parser.peek().is_char("_"):
        raise parser.fail(f"\\{token.text} needs an index: write \\{token.text}_{{i=1}}^{{n}}", token)
    parser.advance()
    lower = parser.read_group_tokens("the index")
    upper = None
    if parser.peek().is_char("^"):
        parser.advance()
        upper = parser.read_group_tokens("the upper limit")
    if not lower or lower[0].kind != "letter":
        raise parser.fail("the index must be a name such as i", lower[0] if lower else token)
    name = canonical_name(lower[0].text)
    symbol = parser.vocabulary.index_symbol(name)
    low, high = _range(parser, token, lower, upper)
    body = _bound_body(parser, token, name, symbol)
    if is_matrix(body):
        raise parser.fail(f"a \\{token.text} of matrices is not read here", token)
    return _OPERATORS[token.text](body, (symbol, low, high))


def _range(parser: Parser, token: Token, lower: list[Token], upper: list[Token] | None) -> tuple[Basic, Basic]:
    """``_{i=1}^{n}`` as written, or the reference's range for a bare ``_i``."""
    command, index = token.text, lower[0].text
    if len(lower) == 1:
        bounds = parser.vocabulary.index_bounds.get(canonical_name(index))
        if bounds is None or upper is not None:
            raise parser.fail(f"the range of '{index}' is not known here: write \\{command}_{{{index}=1}}^{{n}}", token)
        return bounds
    if not lower[1].is_char("=") or len(lower) < 3 or upper is None:
        raise parser.fail(f"write the range as \\{command}_{{i=1}}^{{n}}", lower[min(1, len(lower) - 1)])
    return parser.sub(lower[2:]).parse_whole("the lower limit"), parser.sub(upper).parse_whole("the upper limit")


def _bound_body(parser: Parser, token: Token, name: str, symbol: sympy.Symbol) -> Basic:
    """The term after the operator, read with the index bound to ``symbol``."""
    saved = parser.bound.get(name)
    parser.bound[name] = symbol
    try:
        sign = parser.peek()
        if sign.is_char("-", "+"):  # \sum_{i=1}^{I} - x_i: the term's own sign
            parser.advance()
        if not parser.starts_factor(parser.peek()):
            raise parser.fail(f"the \\{token.text} has no term", parser.peek())
        term = parser.parse_term()
        return parser.guard(lambda: arithmetic.negate(term), sign) if sign.is_char("-") else term
    finally:
        if saved is None:
            parser.bound.pop(name, None)
        else:
            parser.bound[name] = saved
