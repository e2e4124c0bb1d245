r"""The one registry of LaTeX commands that take arguments: name -> the handler that reads them.

The tokenizer's table (:mod:`._commands`) marks every name here as a ``struct`` token, and
the parser reads such a token with its handler: adding a command is one line here.
A handler receives the parser (standing after the command) and the command's token.

>>> sorted(name for name, handler in CONSTRUCTS.items() if handler is CONSTRUCTS["frac"])
['cfrac', 'dfrac', 'frac', 'tfrac']
>>> from sympy import symbols
>>> from .._vocabulary import Vocabulary
>>> from ._reader import read_latex
>>> read_latex(r"\dfrac{\hat{y}}{2}", Vocabulary.from_objects(symbols("y_hat"))).value
y_hat/2
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING

from sympy import Basic

from . import _big_operators as big_operators
from . import _environments as environments
from . import _fractions as fractions
from . import _scripts as scripts
from ._names import Name
from ._token import Token

if TYPE_CHECKING:
    from ._parser import Parser

__all__ = ["CONSTRUCTS", "read_construct"]

Construct = Callable[["Parser", Token], "Basic | Name"]


def _stray_end(parser: Parser, token: Token) -> Basic:
    raise parser.fail("\\end is not read here", token)


CONSTRUCTS: Mapping[str, Construct] = MappingProxyType(
    {
        **dict.fromkeys(("frac", "dfrac", "tfrac", "cfrac"), fractions.fraction),
        "sqrt": fractions.square_root,
        **dict.fromkeys(("binom", "dbinom", "tbinom"), fractions.binomial),
        **dict.fromkeys(("boxed", "underbrace", "overbrace"), fractions.annotated),
        **dict.fromkeys(("sum", "prod"), big_operators.big_operator),
        "begin": environments.read_environment,
        "end": _stray_end,
        **dict.fromkeys(
            ("hat", "bar", "tilde", "dot", "ddot", "widehat", "widetilde", "overline", "check", "breve"),
            scripts.decorated,
        ),
    }
)


def read_construct(parser: Parser, token: Token) -> Basic | Name:
    """Read the command at ``token`` (a ``struct`` token) with its registered handler."""
    parser.advance()
    return CONSTRUCTS[token.text](parser, token)
