r"""The shape of a whole answer: equation chains, several items, aligned rows, ``\pm``.

An answer is a list of *items* separated at the top level by "and", "or", commas,
semicolons, ``\\`` rows or a ``\quad`` between two equations. Each item is a chain of
*members* separated by ``=``. One item gives its chain; several items ``x = 3`` and
``x = 1/3`` with the same left side give the set of their values. ``\pm`` turns a
value into the set of both signs.

>>> from sympy import symbols
>>> from .._vocabulary import Vocabulary
>>> from ._tokens import tokenize
>>> text = r"x = 3 \text{ or } x = \frac{1}{3}"
>>> read_tokens(tokenize(text), text, Vocabulary.from_objects(symbols("x"))).members
(x, {1/3, 3})
"""

from __future__ import annotations

import sympy
from sympy import Basic

from .._errors import InvalidAnswer
from .._limits import DEFAULT_LIMITS, Limits
from .._reading import Reading
from .._structures import both_signs
from .._vocabulary import Vocabulary
from ._brackets import closing_index, top_level_indices
from ._names import lenient_name
from ._parser import Parser
from ._token import Token

__all__ = ["read_tokens"]

_CHAIN_ENVIRONMENTS = frozenset({"aligned", "align", "gathered", "gather", "split", "eqnarray", "equation", "multline"})
_CONTINUES_ROW = frozenset("=+-*")


def read_tokens(tokens: list[Token], text: str, vocabulary: Vocabulary, limits: Limits = DEFAULT_LIMITS) -> Reading:
    """Read a tokenized answer into a :class:`Reading`."""
    tokens = _unwrap(tokens, text)
    items = _split_items(tokens, text)
    chains = [_read_chain(item, text, vocabulary, limits) for item in items]
    if len(chains) == 1:
        return Reading(chains[0], "latex", text)
    return Reading(_combine(chains, items, text), "latex", text)


# -- unwrapping -------------------------------------------------------------------
def _unwrap(tokens: list[Token], text: str) -> list[Token]:
    """Drop a top-level aligned environment and a top-level ``\\boxed{...}`` around a chain."""
    changed = True
    while changed:
        changed = False
        if (
            tokens
            and tokens[0].is_struct("boxed")
            and len(tokens) > 2
            and tokens[1].is_char("{")
            and closing_index(tokens, 1) == len(tokens) - 1
        ):
            tokens, changed = tokens[2:-1], True
        elif tokens and tokens[0].is_struct("begin"):
            name, body_start = _environment(tokens, 1)
            end = closing_index(tokens, 0)
            if name.rstrip("*") in _CHAIN_ENVIRONMENTS and end is not None and _environment(tokens, end + 1)[1] == len(tokens):
                tokens, changed = _rows_to_chain(tokens[body_start:end]), True
        boxed = _inner_boxed_chain(tokens)
        if boxed is not None:
            tokens, changed = boxed, True
    return tokens


def _inner_boxed_chain(tokens: list[Token]) -> list[Token] | None:
    """``a = \\boxed{b = c}``: a boxed group holding an '=' is part of the chain."""
    for index, token in enumerate(tokens):
        if token.is_struct("boxed") and index + 1 < len(tokens) and tokens[index + 1].is_char("{"):
            close = closing_index(tokens, index + 1)
            inner = tokens[index + 2 : close]
            if _has_top_level_equals(inner):
                return tokens[:index] + inner + tokens[close + 1 :]
    return None


def _rows_to_chain(body: list[Token]) -> list[Token]:
    """Aligned rows: ``&`` goes; a row starting with ``=``, ``+`` or ``-`` continues the one above."""
    alignment = set(top_level_indices(body, lambda token: token.is_char("&")))
    kept = [token for index, token in enumerate(body) if index not in alignment]
    joined: list[Token] = []
    for index, token in enumerate(kept):
        if token.kind == "row":
            following = next((t for t in kept[index + 1 :] if t.kind != "gap"), None)
            if following is None or (following.kind == "char" and following.text in _CONTINUES_ROW):
                continue
        joined.append(token)
    return joined


def _environment(tokens: list[Token], index: int) -> tuple[str, int]:
    if index < len(tokens) and tokens[index].is_char("{"):
        close = closing_index(tokens, index)
        return "".join(t.text for t in tokens[index + 1 : close]), close + 1
    return "", index


def _has_top_level_equals(tokens: list[Token]) -> bool:
    return bool(_equals_signs(tokens))


def _equals_signs(tokens: list[Token]) -> list[int]:
    return top_level_indices(tokens, lambda token: token.is_char("="))


# -- items and members --------------------------------------------------------------
def _is_separator(token: Token) -> bool:
    return (
        (token.kind == "word" and token.text.strip().lower() in ("and", "or"))
        or token.is_char(",", ";")
        or token.kind == "row"
    )


def _split_items(tokens: list[Token], text: str) -> list[tuple[list[Token], Token | None]]:
    """Items with the separator that precedes each (None for the first)."""
    items: list[tuple[list[Token], Token | None]] = []
    start, separator = 0, None
    for index in [*top_level_indices(tokens, _is_separator), len(tokens)]:
        items.append((tokens[start:index], separator))
        separator = tokens[index] if index < len(tokens) else None
        start = index + 1
    result: list[tuple[list[Token], Token | None]] = []
    for item, separator in items:
        result.extend(_split_gaps(item, separator))
    for item, separator in result:
        if not [t for t in item if t.kind != "gap"]:
            where = separator.start if separator is not None else 0
            raise InvalidAnswer("an item of this answer is empty", text=text, position=where)
    return result


def _split_gaps(item: list[Token], separator: Token | None) -> list[tuple[list[Token], Token | None]]:
    """``x = 1 \\quad y = 2``: a gap splits only when both sides are equations."""
    for index in top_level_indices(item, lambda t: t.kind == "gap"):
        left, right = item[:index], item[index + 1 :]
        if _has_top_level_equals(left) and _has_top_level_equals(right):
            return [(left, separator), *_split_gaps(right, item[index])]
    return [([t for t in item if t.kind != "gap"], separator)]


def _read_chain(item: tuple[list[Token], Token | None], text: str, vocabulary: Vocabulary, limits: Limits) -> tuple[Basic, ...]:
    tokens = item[0]
    cuts = _equals_signs(tokens)
    pieces, start = [], 0
    for cut in [*cuts, len(tokens)]:
        piece = tokens[start:cut]
        if not piece:
            where = tokens[cut].start if cut < len(tokens) else tokens[cut - 1].start
            raise InvalidAnswer("an '=' has nothing on one side", text=text, position=where)
        pieces.append(piece)
        start = cut + 1
    members = []
    for index, piece in enumerate(pieces):
        lenient = index == 0 and len(pieces) > 1
        members.append(both_signs(_read_member(piece, text, vocabulary, limits, lenient=lenient)))
    return tuple(members)


def _read_member(piece: list[Token], text: str, vocabulary: Vocabulary, limits: Limits, *, lenient: bool) -> Basic:
    parser = Parser(piece, text, vocabulary, limits, lenient=lenient)
    if not lenient:
        return parser.parse_member()
    try:
        return parser.parse_member()
    except InvalidAnswer:
        # the left side of an equation may name the quantity in any notation
        return lenient_name(text, piece[0].start, piece[-1].end)


def _combine(chains: list[tuple[Basic, ...]], items: list[tuple[list[Token], Token | None]], text: str) -> tuple[Basic, ...]:
    """Several items: the same left side with several values is the set of those values."""
    first = chains[0]
    if len(first) < 2:
        raise InvalidAnswer(
            "several values side by side: write a set \\{a, b\\}, a point (a, b), or 'x = a or x = b'",
            text=text,
            position=items[1][1].start if items[1][1] is not None else 0,
        )
    left = _spelling(items[0][0], text)
    values: list[Basic] = []
    for chain, (tokens, separator) in zip(chains, items):
        if len(chain) >= 2:
            if _spelling(tokens, text) != left:
                raise InvalidAnswer(
                    "these equations have different left sides: write one answer, or a set of values",
                    text=text,
                    position=tokens[0].start,
                )
        elif separator is None or separator.kind != "word":
            raise InvalidAnswer("write each value as 'x = value'", text=text, position=tokens[0].start)
        value = chain[-1]
        values.extend(value.args if isinstance(value, sympy.FiniteSet) else (value,))
    return (first[0], sympy.FiniteSet(*values))


def _spelling(tokens: list[Token], text: str) -> str:
    cuts = _equals_signs(tokens)
    end = cuts[0] if cuts else len(tokens)
    return "".join(t.kind + t.text for t in tokens[:end])

