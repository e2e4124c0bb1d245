r"""Values between delimiters: groups, tuples, column vectors, sets, absolute values and norms.

``(u)`` and ``[u]`` are groups; ``(a, b)`` is a tuple and ``[a, b]`` a column vector;
``\{a, b\}`` is a set; ``|u|`` an absolute value; ``\|v\|`` the Euclidean norm, with
``\|v\|^2`` the squared norm (``v^T v`` for a vector).

>>> from sympy import MatrixSymbol, symbols
>>> from .._vocabulary import Vocabulary
>>> from ._reader import read_latex
>>> vocab = Vocabulary.from_objects(MatrixSymbol("v", 3, 1), symbols("x"))
>>> read_latex(r"\|v\|^2", vocab).value
v.T*v
>>> read_latex(r"\|v\|^2 + |x|", vocab).value
Abs(x) + Trace(v.T*v)
>>> read_latex(r"\{1, (x, 2)\}", vocab).value
{1, (x, 2)}
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import sympy
from sympy import Basic

from .. import _arithmetic as arithmetic
from .._structures import is_matrix
from . import _scripts as scripts
from . import _sets as sets
from ._token import Token

if TYPE_CHECKING:
    from ._parser import Parser

__all__ = ["bracketed", "set_literal", "bars"]


def bracketed(parser: Parser, token: Token) -> Basic:
    """``(u)`` a group, ``(a, b)`` a tuple, ``[u]`` a group, ``[a, b]`` a column vector;
    ``[a, b)``, ``(a, b]`` and ``(a, \\infty)`` intervals."""
    closer = parser.tokens[parser.closing(parser.position)]
    inner = parser.take_bracketed()
    if not inner:
        raise parser.fail("empty brackets", token)
    values = [parser.sub(group).parse_whole("an entry") for group in parser.comma_groups(inner, token)]
    if sets.is_interval(token, closer, values):
        return sets.interval(parser, token, closer, values)
    if len(values) == 1:
        return values[0]
    if any(is_matrix(value) for value in values):
        raise parser.fail("entries of a tuple or vector must be scalars", token)
    return sympy.Tuple(*values) if token.text == "(" else sympy.ImmutableMatrix(values)


def set_literal(parser: Parser, token: Token) -> Basic:
    """``\\{a, b\\}``; ``\\{\\}`` is the empty set; ``\\{x : x > 0\\}`` a set-builder set."""
    inner = parser.take_bracketed()
    if not inner:
        return sympy.EmptySet
    split = sets.builder_split(inner)
    if split is not None:
        return sets.set_builder(parser, token, inner, split)
    values = [parser.sub(group).parse_whole("a set element") for group in parser.comma_groups(inner, token)]
    return sympy.FiniteSet(*values)


def bars(parser: Parser, token: Token) -> Basic:
    """``|u|`` absolute value, ``\\|v\\|`` norm (``\\|v\\|_2`` too; ``\\|v\\|^2`` is v^T v for a vector)."""
    parser.advance()
    parser.bars += 1
    try:
        inner = parser.parse_sum()
    finally:
        parser.bars -= 1
    if not parser.peek().is_char(token.text):
        raise parser.fail(f"the bar '{token.text}' opened here is never closed", token)
    parser.advance()
    if token.text == "|":
        return parser.guard(lambda: arithmetic.absolute(inner), token)
    _euclidean_subscript(parser, token)
    if _squared(parser):
        return parser.guard(lambda: arithmetic.squared_norm(inner), token)
    return parser.guard(lambda: arithmetic.norm(inner), token)


def _euclidean_subscript(parser: Parser, token: Token) -> None:
    """``\\|v\\|_2`` is the norm read here; other subscripts name other norms."""
    if not parser.peek().is_char("_"):
        return
    parser.advance()
    script = parser.read_group_tokens("the norm's subscript")
    if len(script) != 1 or script[0].text != "2":
        raise parser.fail("only the Euclidean norm (\\|v\\|_2) is read", token)


def _squared(parser: Parser) -> bool:
    """True (and the ``^2`` consumed) when the norm is squared; any other power is left to the caller."""
    if not parser.peek().is_char("^"):
        return False
    save = parser.position
    parser.advance()
    script = scripts.read_script(parser, "a superscript")
    if len(script) == 1 and script[0].text == "2":
        return True
    parser.position = save
    return False
