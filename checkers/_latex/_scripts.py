r"""Names as written and the scripts after values: subscripts, superscripts, primes, decorations.

A name collects its subscript (``\theta_{11}``, ``x_i``), its primes (``y'``) and an
index written as a parenthesized superscript (``x^{(i)}`` of an indexed family) before it
is resolved. A superscript after a value is a transpose (``^T``, ``^\top``, unless ``T`` is
a scalar of the vocabulary), ``^{-T}``, or a power. ``\hat{y}``, ``\bar{x}`` ... name
decorated quantities (``y_hat``, ``xbar`` as the vocabulary spells them).

>>> from sympy import MatrixSymbol, symbols
>>> from .._vocabulary import Vocabulary
>>> from ._reader import read_latex
>>> vocab = Vocabulary.from_objects(MatrixSymbol("A", 2, 2), symbols("y_hat theta_11"))
>>> read_latex(r"A^{-T}", vocab).value
A.T**(-1)
>>> read_latex(r"\hat{y}^2 + \theta_11", vocab).value
theta_11 + y_hat**2
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import sympy
from sympy import Basic, IndexedBase

from .. import _arithmetic as arithmetic
from .._names import canonical_name
from .._structures import is_matrix
from ._names import Name
from ._token import Token

if TYPE_CHECKING:
    from ._parser import Parser

__all__ = ["read_script", "superscript", "power", "is_transpose", "name_scripts", "decorated"]

_DECORATION_NAMES = {"widehat": "hat", "widetilde": "tilde", "overline": "bar"}


def read_script(parser: Parser, what: str) -> list[Token]:
    """The tokens of a sub/superscript; ``e^-x`` takes the sign and the next token."""
    token = parser.peek()
    if token.is_char("-", "+") and not parser.peek(1).is_char("{"):
        parser.advance()
        if parser.peek().kind == "end":
            raise parser.fail(f"{what} is missing")
        return [token, parser.advance()]
    return parser.read_group_tokens(what, digits="refuse")


def superscript(parser: Parser, base: Basic, token: Token) -> Basic:
    """``base^...`` after the ``^`` at ``token``: a transpose, ``^{-T}``, or a power."""
    script = read_script(parser, "a superscript")
    if is_transpose(script):
        symbol = parser.vocabulary.lookup("T")
        if script[0].text == "T" and script[0].kind == "letter" and symbol is not None and not is_matrix(base):
            return power(parser, base, symbol, token)  # (1 - \eta\lambda)^T with T a scalar
        return arithmetic.transpose(base)
    if len(script) == 2 and script[0].is_char("-") and is_transpose(script[1:]):
        return arithmetic.transpose(power(parser, base, sympy.Integer(-1), token))
    if len(script) == 1 and script[0].is_char("*"):
        raise parser.fail("a starred name is not known here", token)
    return power(parser, base, parser.sub(script).parse_whole("the exponent"), token)


def power(parser: Parser, base: Basic, exponent: Basic, token: Token) -> Basic:
    """``base ** exponent`` within the parser's limits, refused at ``token``."""
    return parser.guard(lambda: arithmetic.power(base, exponent, parser.limits), token)


def is_transpose(script: list[Token]) -> bool:
    """``T``, ``\\top``, ``\\intercal`` as a whole superscript."""
    if len(script) != 1:
        return False
    token = script[0]
    return token.kind == "sup" or (token.text == "T" and token.kind in ("letter", "word"))


def name_scripts(parser: Parser, name: Name) -> Name:
    """``name`` with the subscript, primes and index superscript that follow it."""
    while True:
        token = parser.peek()
        if token.is_char("_") and not name.subscript:
            parser.advance()
            script = parser.read_group_tokens("a subscript", digits="whole")
            name = name.with_subscript(tuple(script), parser.peek(-1).end)
        elif token.is_char("'"):
            parser.advance()
            name = name.with_prime(token.end)
        elif token.is_char("^") and _index_superscript(parser, name):
            parser.advance()
            script = parser.read_group_tokens("a superscript")
            name = name.with_subscript(tuple(script[1:-1]), parser.peek(-1).end)
        else:
            return name


def _index_superscript(parser: Parser, name: Name) -> bool:
    """``x^{(i)}``: a parenthesized superscript on an indexed family is an index."""
    brace = parser.position + 1
    if not parser.peek(1).is_char("{") or not parser.peek(2).is_char("("):
        return False
    close = parser.closing(brace)
    if not parser.tokens[close - 1].is_char(")") or parser.closing(brace + 1) != close - 1:
        return False
    if isinstance(parser.vocabulary.lookup(name.base), IndexedBase) and not name.subscript:
        return True
    inner = parser.tokens[brace + 2 : close - 1]
    if (
        len(inner) == 1
        and inner[0].kind == "letter"
        and (inner[0].text in parser.bound or inner[0].text in parser.vocabulary.index_bounds)
    ):
        raise parser.fail(
            f"'{name.base}^{{({inner[0].text})}}' reads as an index, but '{name.base}' is not an indexed family here",
            parser.peek(1),
        )
    return False


def decorated(parser: Parser, token: Token) -> Name:
    """``\\hat{y}``, ``\\bar{x}``: the decorated name, spelled as the vocabulary spells it."""
    inner = parser.read_group_tokens(f"the argument of \\{token.text}")
    if len(inner) != 1 or inner[0].kind != "letter":
        raise parser.fail(f"\\{token.text} must decorate a single name", token)
    decoration = _DECORATION_NAMES.get(token.text, token.text)
    base = canonical_name(inner[0].text)
    spellings = (f"{base}_{decoration}", f"{base}{decoration}", f"{decoration}_{base}", f"{decoration}{base}")
    spelling = next((s for s in spellings if parser.vocabulary.lookup(s) is not None), spellings[0])
    display = f"\\{token.text}{{{inner[0].text}}}"
    return name_scripts(parser, Name(spelling, (), 0, token.start, parser.peek(-1).end, display=display))
