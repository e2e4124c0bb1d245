r"""What a written name means here: the vocabulary decides (never a guess).

A name with its subscript is looked up as one name first (``\theta_{11}``), then as an
entry of an indexed family (``x_i``, ``x_{ij}``), then as a sized identity (``I_n``).
An index bound by an enclosing ``\sum`` wins over the vocabulary; ``e`` and ``\pi`` are
constants unless the vocabulary names them. Primes transpose a matrix. On the left side
of an equation (``lenient``) an unknown name becomes a plain symbol naming the quantity.

>>> from sympy import IndexedBase, Sum, symbols
>>> from .._vocabulary import Vocabulary
>>> from ._reader import read_latex
>>> i, I = symbols("i I", integer=True, positive=True)
>>> vocab = Vocabulary.from_objects(Sum(IndexedBase("x")[i], (i, 1, I)), symbols("theta_11"))
>>> read_latex(r"\theta_{11} x_i + x_{2}", vocab).value
theta_11*x[i] + x[2]
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import sympy
from sympy import Basic, IndexedBase, MatrixSymbol
from sympy.core.function import UndefinedFunction

from .. import _arithmetic as arithmetic
from .._builtins import CONSTANTS
from .._functions import Function, function_named
from .._structures import IDENTITY, is_matrix
from .._vocabulary import bound_indices
from ._brackets import split_top_level
from ._names import Name, lenient_name
from ._token import Token

if TYPE_CHECKING:
    from ._parser import Parser

__all__ = ["function_for", "name_value", "lenient_quantity", "subscript_text"]

_NOT_PLAIN = "\x00"  # the subscript text of a subscript that is not a plain name (x_{i+1})


def function_for(parser: Parser, name: Name) -> Function | None:
    """The function ``name`` stands for when called, or None when it is not a function."""
    full = name.full(subscript_text(name))
    meaning = parser.vocabulary.lookup(full)
    if meaning is not None or name.subscript:
        return function_named(full, parser.vocabulary) if isinstance(meaning, UndefinedFunction) else None
    if name.base in parser.bound:
        return None
    return function_named(name.base, parser.vocabulary)


def name_value(parser: Parser, name: Name) -> Basic:
    """The value of a name that is not called."""
    opens_call = parser.peek().is_char("(", "[")
    meaning = _meaning(parser, name)
    if meaning is None and parser.vocabulary.open_names and not opens_call:
        meaning = _open_name(parser, name)
    if meaning is None:
        if parser.lenient:  # f(x), L[\phi]: the name of a quantity
            return lenient_quantity(parser, name.start, name.end)
        raise parser.fail(_unknown(parser, name), _token_of(name))
    if isinstance(meaning, IndexedBase) and not parser.lenient and not name.primes:
        return _bracketed_entry(parser, name, meaning)
    return _primed(parser, name, meaning) if name.primes else meaning


def _bracketed_entry(parser: Parser, name: Name, family: IndexedBase) -> Basic:
    """``x[i]``, ``x[i, j]``: an entry of the family written with brackets (as in sympy syntax);
    the family alone has no value."""
    if not parser.peek().is_char("["):
        raise parser.fail(parser.vocabulary.family_without_index(name.display), _token_of(name))
    close = parser.closing(parser.position)
    inside = parser.tokens[parser.position + 1 : close]
    if not inside:
        raise parser.fail("an index goes inside the brackets", parser.peek())
    parser.position = close + 1
    return _at(family, [_index(parser, group) for group in split_top_level(inside, lambda token: token.is_char(","))])


def lenient_quantity(parser: Parser, start: int, end: int) -> sympy.Symbol:
    """A symbol naming the quantity written from ``start`` (a call bracket that follows included)."""
    if parser.peek().is_char("(", "["):
        close = parser.closing(parser.position)
        end, parser.position = parser.tokens[close].end, close + 1
    return lenient_name(parser.text, start, end)


def subscript_text(name: Name) -> str:
    """The subscript spelled as a name part (``11`` in ``\\theta_{11}``); ``\\x00`` when it is not one."""
    parts = []
    for token in name.subscript:
        if token.kind in ("letter", "num", "func", "word") or token.is_char(","):
            parts.append(token.text)
        elif not token.is_char("{", "}"):
            return _NOT_PLAIN
    return "".join(parts)


def _primed(parser: Parser, name: Name, meaning: Basic) -> Basic:
    """``A'`` is A transposed; a prime on anything else is not read (``y'`` names a derivative)."""
    if is_matrix(meaning):
        for _ in range(name.primes):
            meaning = arithmetic.transpose(meaning)
        return meaning
    if parser.lenient:
        return lenient_name(parser.text, name.start, name.end)
    raise parser.fail(f"'{name.display}' with a prime is not read here: write the derivative's value", _token_of(name))


def _meaning(parser: Parser, name: Name) -> Basic | None:
    if not name.subscript:
        return _bare_meaning(parser, name.base)
    subscript = subscript_text(name)
    family = parser.vocabulary.family_of(name.base, subscript, parser.bound)
    if family is not None and bound_indices(subscript, parser.bound):  # indices bound by enclosing sums win
        return _entry(parser, name, family)
    meaning = parser.vocabulary.lookup(name.full(subscript)) if subscript != _NOT_PLAIN else None
    if meaning is not None:
        return meaning
    identity = _sized_identity(parser, name.base, subscript)
    if identity is not None:
        return identity
    if family is not None:
        return _entry(parser, name, family)
    if isinstance(parser.vocabulary.lookup(name.base), MatrixSymbol) and not parser.lenient:
        raise parser.fail(f"'{name.display}' is an entry of the matrix '{name.base}': entries are not read here", _token_of(name))
    return None


def _entry(parser: Parser, name: Name, family: IndexedBase) -> Basic:
    return _at(family, _index_values(parser, name))


def _at(family: IndexedBase, indices: list[Basic]) -> Basic:
    """The family's entry at one index (``x[i]``) or several (``x[i, j]``)."""
    return family[indices[0] if len(indices) == 1 else tuple(indices)]


def _bare_meaning(parser: Parser, base: str) -> Basic | None:
    """A name without subscript: a bound index, a vocabulary name, the identity, e or pi."""
    if base in parser.bound:
        return parser.bound[base]
    meaning = parser.vocabulary.lookup(base)
    if meaning is not None:
        return meaning
    if base == "I" and not parser.vocabulary.open_names:
        return IDENTITY  # the identity matrix, sized by the matrix it meets
    return CONSTANTS.get(base) if base in ("e", "pi") else None


def _sized_identity(parser: Parser, base: str, subscript: str) -> Basic | None:
    """``I_n``, ``I_3``: the identity matrix of that size, unless the vocabulary names I."""
    if base != "I" or parser.vocabulary.lookup("I") is not None or parser.vocabulary.open_names:
        return None
    if subscript.isdigit() and 0 < int(subscript) <= 50:
        return sympy.Identity(int(subscript))
    size = parser.vocabulary.lookup(subscript) if subscript != _NOT_PLAIN else None
    return sympy.Identity(size) if isinstance(size, sympy.Symbol) and size.is_integer else None


def _index_values(parser: Parser, name: Name) -> list[Basic]:
    """``x_{ij}`` has two indices, ``x_{i,j+1}`` too; each is read as an expression."""
    tokens = list(name.subscript)
    if len(tokens) > 1 and all(t.kind == "letter" and len(t.text) == 1 for t in tokens):
        groups = [[t] for t in tokens]
    else:
        groups = split_top_level(tokens, lambda token: token.is_char(","))
    return [_index(parser, group) for group in groups]


def _index(parser: Parser, tokens: list[Token]) -> Basic:
    """One index: an expression that is not a matrix."""
    value = parser.sub(tokens, lenient=False).parse_whole("an index")
    if is_matrix(value):
        raise parser.fail("an index must be a number or an index name", tokens[0])
    return value


def _open_name(parser: Parser, name: Name) -> Basic | None:
    """A new real symbol for an unknown name, when the vocabulary is open (references)."""
    subscript = subscript_text(name)
    return None if subscript == _NOT_PLAIN else parser.vocabulary.new_symbol(name.full(subscript))


def _unknown(parser: Parser, name: Name) -> str:
    return f"unknown name '{name.display}'; this answer can use: {parser.vocabulary.describe()}"


def _token_of(name: Name) -> Token:
    return Token("letter", name.base, name.start, name.end)
