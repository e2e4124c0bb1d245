r"""Screening before any reading: length, delimiters, balanced brackets, token count.

>>> from ._tokens import tokenize
>>> strip_delimiters(r"\[ x^2 \]")
'   x^2   '
>>> check_balance(tokenize(r"\frac{1}{x"), r"\frac{1}{x")
Traceback (most recent call last):
...
checkers._errors.InvalidAnswer: '{' is never closed
"""

from __future__ import annotations

import re

from .._errors import InvalidAnswer
from .._limits import Limits
from ._brackets import first_imbalance
from ._token import Token

__all__ = ["strip_delimiters", "check_balance", "check_size"]

_OUTER = [(r"\[", r"\]"), (r"\(", r"\)"), ("$$", "$$"), ("$", "$")]


def strip_delimiters(text: str) -> str:
    """Blank out math delimiters and a final full stop, keeping every offset in place."""
    stripped = text.strip()
    offset = text.find(stripped) if stripped else 0
    for opener, closer in _OUTER:
        if stripped.startswith(opener) and stripped.endswith(closer) and len(stripped) >= len(opener) + len(closer):
            start, end = offset + len(opener), offset + len(stripped) - len(closer)
            text = text[:offset] + " " * len(opener) + text[start:end] + " " * len(closer) + text[offset + len(stripped):]
            break
    match = re.search(r"[.;,]\s*$", text)
    if match and not re.search(r"\\[.;,]\s*$", text):
        text = text[: match.start()] + " " * (len(text) - match.start())
    return text


def check_size(text: str, tokens: list[Token], limits: Limits) -> None:
    """Refuse an answer that is too long before reading it."""
    if len(text) > limits.max_length:
        raise InvalidAnswer(f"the answer is {len(text)} characters long; the limit is {limits.max_length}")
    if len(tokens) > limits.max_nodes:
        raise InvalidAnswer(f"the answer is too long ({len(tokens)} symbols, at most {limits.max_nodes})", text=text, position=0)


def check_balance(tokens: list[Token], text: str) -> None:
    """Every bracket closes with its own kind; ``\\{`` pairs with ``\\}``; ``\\begin`` with ``\\end``."""
    problem = first_imbalance(tokens)
    if problem is None:
        return
    if problem.opener is None:
        raise InvalidAnswer(f"'{_spell(problem.closer)}' closes nothing", text=text, position=problem.closer.start)
    if problem.closer is None:
        raise InvalidAnswer(f"'{_spell(problem.opener)}' is never closed", text=text, position=problem.opener.start)
    raise InvalidAnswer(
        f"'{_spell(problem.opener)}' is closed by '{_spell(problem.closer)}'", text=text, position=problem.closer.start
    )


def _spell(token: Token) -> str:
    return "\\" + token.text if token.kind in ("set", "struct") else token.text
