r"""Commands whose braced arguments are expressions: ``\frac``, ``\sqrt``, ``\binom``, ``\boxed``.

A fraction whose numerator and denominator both start with ``d`` or ``\partial`` is a
derivative (:mod:`._derivatives`). ``\sqrt[n]{x}`` is an n-th root. ``\boxed{...}``,
``\underbrace{...}_{label}`` and ``\overbrace`` read as their content.

>>> from sympy import symbols
>>> from .._vocabulary import Vocabulary
>>> from ._reader import read_latex
>>> vocab = Vocabulary.from_objects(symbols("x"))
>>> read_latex(r"\frac{x}{2} + \sqrt[3]{8} + \binom{4}{2} + \boxed{x}", vocab).value
3*x/2 + 8
>>> read_latex(r"\frac{d}{dx} x^3", vocab).value
3*x**2
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import sympy
from sympy import Basic

from .. import _arithmetic as arithmetic
from .._functions import function_named
from .._structures import is_matrix
from . import _derivatives as derivatives
from ._token import Token

if TYPE_CHECKING:
    from ._parser import Parser

__all__ = ["fraction", "square_root", "binomial", "annotated"]


def fraction(parser: Parser, token: Token) -> Basic:
    """``\\frac{a}{b}`` (also ``\\dfrac``, ``\\tfrac``, ``\\cfrac``), or a derivative ``\\frac{d}{dx}``."""
    numerator = parser.read_group_tokens("the numerator")
    denominator = parser.read_group_tokens("the denominator")
    if derivatives.is_derivative_part(numerator) and derivatives.is_derivative_part(denominator):
        return derivatives.derivative(parser, token, numerator, denominator)
    top = parser.sub(numerator).parse_whole("the numerator")
    bottom = parser.sub(denominator).parse_whole("the denominator")
    return parser.combine(arithmetic.divide, top, bottom, token)


def square_root(parser: Parser, token: Token) -> Basic:
    """``\\sqrt{x}``, ``\\sqrt[n]{x}`` of a scalar."""
    degree = None
    if parser.peek().is_char("["):
        degree = parser.sub(parser.take_bracketed()).parse_whole("the root's degree")
    radicand = parser.sub(parser.read_group_tokens("the square root's argument")).parse_whole("the square root")
    if degree is None:
        return parser.guard(lambda: function_named("sqrt", parser.vocabulary, command=True).apply([radicand]), token)
    if is_matrix(radicand):
        raise parser.fail("a root of a matrix is ambiguous: apply it to each entry in an explicit matrix", token)
    return sympy.root(radicand, degree)


def binomial(parser: Parser, token: Token) -> Basic:
    """``\\binom{n}{k}`` (also ``\\dbinom``, ``\\tbinom``), capped like a factorial."""
    top = parser.sub(parser.read_group_tokens("the top of the binomial")).parse_whole("the binomial")
    bottom = parser.sub(parser.read_group_tokens("the bottom of the binomial")).parse_whole("the binomial")
    return parser.guard(lambda: arithmetic.binomial(top, bottom, parser.limits), token)


def annotated(parser: Parser, token: Token) -> Basic:
    """``\\boxed{x}``, ``\\underbrace{x}_{label}``, ``\\overbrace{x}^{label}``: the content."""
    name = token.text
    value = parser.sub(parser.read_group_tokens(f"the argument of \\{name}")).parse_whole(f"\\{name}")
    if name != "boxed" and parser.peek().is_char("_", "^"):
        parser.advance()
        parser.read_group_tokens("a label")
    return value
