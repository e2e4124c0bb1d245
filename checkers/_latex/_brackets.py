r"""Walking brackets in a token list: the one helper behind every depth count of the LaTeX reader.

Brackets are ``( ) [ ] { }``, the set braces ``\{ \}`` and ``\begin ... \end``.
:func:`first_imbalance` checks that every bracket closes with its own kind; once the
screen has checked that, the other helpers count depth over all kinds at once.

>>> from ._tokens import tokenize
>>> tokens = tokenize(r"f(a, g(b, c)), \{d\}")
>>> closing_index(tokens, 1)
10
>>> top_level_indices(tokens, lambda token: token.is_char(","))
[11]
>>> [len(part) for part in split_top_level(tokens, lambda token: token.is_char(","))]
[11, 3]
>>> first_imbalance(tokenize(r"\{a]")).closer.text
']'
>>> first_imbalance(tokenize("[0, 1)")) is None  # the ends of an interval
True
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from ._token import Token

__all__ = ["depth_change", "closing_index", "top_level_indices", "split_top_level", "Imbalance", "first_imbalance"]

Item = TypeVar("Item")
_PAIRS = {"(": ")", "[": "]", "{": "}"}
_CLOSERS = frozenset(_PAIRS.values())


def depth_change(token: Token) -> int:
    """+1 for an opening bracket, -1 for a closing one, 0 for anything else."""
    if token.kind in ("char", "set"):
        return (token.text in _PAIRS) - (token.text in _CLOSERS)
    if token.kind == "struct":
        return (token.text == "begin") - (token.text == "end")
    return 0


def closing_index(items: Sequence[Item], index: int, change: Callable[[Item], int] = depth_change) -> int | None:  # type: ignore[assignment]
    """The index of the bracket that closes the one opened at ``items[index]`` (None: never closed).

    ``change`` gives each item's effect on the depth (tokens by default; the tokenizer
    passes one for raw characters).
    """
    depth = 0
    for cursor in range(index, len(items)):
        depth += change(items[cursor])
        if depth == 0:
            return cursor
    return None


def top_level_indices(tokens: Sequence[Token], predicate: Callable[[Token], bool]) -> list[int]:
    """Indices of the tokens outside every bracket for which ``predicate`` holds."""
    found, depth = [], 0
    for index, token in enumerate(tokens):
        step = depth_change(token)
        if step == 0 and depth == 0 and predicate(token):
            found.append(index)
        depth += step
    return found


def split_top_level(tokens: Sequence[Token], predicate: Callable[[Token], bool]) -> list[list[Token]]:
    """The pieces between top-level separators (the separators themselves dropped)."""
    pieces, start = [], 0
    for index in top_level_indices(tokens, predicate):
        pieces.append(list(tokens[start:index]))
        start = index + 1
    pieces.append(list(tokens[start:]))
    return pieces


@dataclass(frozen=True)
class Imbalance:
    """The first bracket problem: a ``closer`` with no ``opener``, an ``opener`` never
    closed, or both when they are of different kinds."""

    opener: Token | None
    closer: Token | None


def first_imbalance(tokens: Sequence[Token]) -> Imbalance | None:
    """The first bracket that closes nothing or the wrong kind, else the last one left open."""
    stack: list[Token] = []
    for token in tokens:
        step = depth_change(token)
        if step > 0:
            stack.append(token)
        elif step < 0:
            if not stack:
                return Imbalance(None, token)
            opener = stack.pop()
            if not _pairs(opener, token):
                return Imbalance(opener, token)
    return Imbalance(stack[-1], None) if stack else None


def _pairs(opener: Token, closer: Token) -> bool:
    if opener.is_struct("begin"):
        return closer.is_struct("end")
    if opener.kind == closer.kind == "char" and opener.text in "([" and closer.text in ")]":
        return True  # [0, 1) and (0, 1]: the ends of an interval
    return opener.kind == closer.kind and _PAIRS.get(opener.text) == closer.text
