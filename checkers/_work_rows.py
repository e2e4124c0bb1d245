r"""A written derivation cut into rows, each with the connector that links it to the row before.

Rows end at a newline or at a LaTeX ``\\`` outside brackets; an ``align``, ``align*``,
``aligned``, ``gather``, ``eqnarray`` or ``split`` environment only groups rows (its ``&``
alignment marks are dropped), while a matrix environment keeps its own ``\\`` and ``&``. A
row may start with a connector: ``=`` continues the chain of the row before; ``\Rightarrow``,
``\implies``, ``\therefore`` say it follows from the row before; ``\iff``,
``\Leftrightarrow`` that the two are equivalent. Math delimiters (``$``, ``\[ \]``), tags,
labels and prose in ``\text{...}`` ("by the chain rule") are dropped; ``\text{or}`` and
``\text{and}`` stay, they are part of the mathematics. Rows with nothing left are not rows.

>>> [(row.number, row.connector, row.body) for row in split_rows(
...     "\\begin{align*} f'(x) &= 2x \\cos(x^2) \\\\ &= \\cos(x^2) \\cdot 2x \\quad \\text{(tidy)} \\end{align*}")]
[(1, '', "f'(x) = 2x \\cos(x^2)"), (2, '=', '\\cos(x^2) \\cdot 2x')]
>>> [row.body for row in split_rows("\\[\\boxed{y' = 2x}\\]")]
["y' = 2x"]
>>> [(row.connector, row.body) for row in split_rows("x^2 = x\n\\Rightarrow x = 1")]
[('', 'x^2 = x'), ('implies', 'x = 1')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["WorkLine", "split_rows", "CONTINUES", "IMPLIES", "EQUIVALENT"]

CONTINUES, IMPLIES, EQUIVALENT = "=", "implies", "iff"

_ROW_ENVIRONMENTS = frozenset({"align", "aligned", "gather", "gathered", "eqnarray", "split", "equation", "multline",
                               "alignat", "alignedat", "flalign"})
_CONNECTORS = (
    (re.compile(r"^(?:\\Longrightarrow|\\Rightarrow|\\implies|\\therefore|\\to|=>|==>)(?![A-Za-z])\s*"), IMPLIES),
    (re.compile(r"^(?:\\Longleftrightarrow|\\Leftrightarrow|\\iff|<=>)(?![A-Za-z])\s*"), EQUIVALENT),
    (re.compile(r"^=(?!=)\s*"), CONTINUES),
)
_DROPPED = re.compile(r"\\(?:tag\*?|label|intertext|shortintertext)\s*\{[^{}]*\}|\\(?:nonumber|notag|displaystyle)(?![A-Za-z])"
                      r"|\\\[|\\\]|\\\(|\\\)|\$")
_TEXT = re.compile(r"\\(?:text|textrm|textit|mbox|mathrm\{\s*\}|intertext)\s*\{([^{}]*)\}")
_KEPT_WORDS = frozenset({"or", "and"})
_EDGE_SPACE = re.compile(r"^(?:\s|\\[,;:!]|\\q?quad(?![A-Za-z])|~)+|(?:\s|\\[,;:!]|\\q?quad(?![A-Za-z])|~|[.,;:])+$")
_ENVIRONMENT = re.compile(r"\\(begin|end)\s*\{([A-Za-z]+)\*?\}(?:\{[^{}]*\})?")


@dataclass(frozen=True)
class WorkLine:
    """One row as written: its 1-based ``number``, the ``text`` shown, its ``connector``
    (``''``, ``'='``, ``'implies'`` or ``'iff'``), the mathematics left to read (``body``)
    and where the row starts in the whole work (``offset``)."""

    number: int
    text: str
    connector: str
    body: str
    offset: int


def split_rows(work: str) -> list[WorkLine]:
    """The rows of ``work`` in order (see the module docstring)."""
    rows: list[WorkLine] = []
    for start, piece in _pieces(work):
        body = _without_prose(piece)
        connector, body = _connector(body)
        body = _EDGE_SPACE.sub("", body)
        if body or connector:
            rows.append(WorkLine(len(rows) + 1, piece.strip(), connector, body, start))
    return rows


def _pieces(work: str) -> list[tuple[int, str]]:
    """Cut at top-level newlines and ``\\``; drop row environments' begin/end and their ``&``."""
    pieces, current, start, depth, index = [], [], 0, 0, 0
    while index < len(work):
        environment = _ENVIRONMENT.match(work, index)
        if environment is not None:
            if environment.group(2) in _ROW_ENVIRONMENTS and depth == 0:
                current.append(" ")
            else:
                depth += 1 if environment.group(1) == "begin" else -1
                current.append(environment.group(0))
            index = environment.end()
            continue
        char, pair = work[index], work[index : index + 2]
        if depth == 0 and (char == "\n" or pair == "\\\\"):
            pieces.append((start, "".join(current)))
            current, index = [], index + (1 if char == "\n" else 2)
            start = index
            continue
        if char == "\\" and index + 1 < len(work):
            current.append(pair)
            index += 2
            continue
        depth = max(0, depth + (char in "{(") - (char in "})"))
        current.append("" if char == "&" and depth == 0 else char)
        index += 1
    pieces.append((start, "".join(current)))
    return pieces


def _without_prose(piece: str) -> str:
    """The piece without delimiters, tags, boxes and prose (``\\text{or}`` / ``\\text{and}`` stay)."""
    piece = _unboxed(_DROPPED.sub(" ", piece))
    return _TEXT.sub(lambda match: match.group(0) if match.group(1).strip().lower() in _KEPT_WORDS else " ", piece)


def _unboxed(piece: str) -> str:
    """``\\boxed{a = b}`` is ``a = b``: a box marks the result, it is no bracket."""
    start = piece.find("\\boxed{")
    while start >= 0:
        depth, index = 0, start + len("\\boxed")
        for index in range(start + len("\\boxed"), len(piece)):
            depth += (piece[index] == "{") - (piece[index] == "}")
            if depth == 0:
                break
        if depth != 0:
            return piece
        piece = piece[:start] + piece[start + len("\\boxed{") : index] + piece[index + 1 :]
        start = piece.find("\\boxed{")
    return piece


def _connector(body: str) -> tuple[str, str]:
    body = _EDGE_SPACE.sub("", body)
    for pattern, name in _CONNECTORS:
        match = pattern.match(body)
        if match is not None:
            return name, body[match.end() :]
    return "", body
