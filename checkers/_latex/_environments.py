r"""Environments inside an expression: matrices (bmatrix, pmatrix ...) and cases (Piecewise).

Rows are separated by ``\\``, cells by ``&``. A ``cases`` row is ``value & condition``,
where the condition may start with the words "if", "for", "when" and may be "otherwise".

>>> from sympy import symbols
>>> from .._vocabulary import Vocabulary
>>> from ._parser import Parser
>>> from ._tokens import tokenize
>>> text = r"\begin{cases} 0 & \text{if } x < 0 \\ x & \text{otherwise} \end{cases}"
>>> Parser(tokenize(text), text, Vocabulary.from_objects(symbols("x"))).parse_member()
Piecewise((0, x < 0), (x, True))
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import sympy
from sympy import Basic

from .. import _arithmetic as arithmetic
from .._structures import is_matrix
from ._brackets import closing_index, split_top_level
from ._token import Token

if TYPE_CHECKING:
    from ._parser import Parser

__all__ = ["read_environment", "environment_name", "is_condition", "MATRIX_ENVIRONMENTS"]

MATRIX_ENVIRONMENTS = frozenset({"matrix", "bmatrix", "pmatrix", "Bmatrix", "smallmatrix", "array", "vmatrix"})
_CASES = frozenset({"cases", "dcases"})
_CONDITION_WORDS = frozenset({"if", "for", "when", "where", "if and only if"})
_OTHERWISE = frozenset({"otherwise", "else", "elsewhere", "sonst"})


def is_condition(value: object) -> bool:
    """True for a comparison or a logical combination of comparisons (a symbol is not one)."""
    return isinstance(value, (sympy.core.relational.Relational, sympy.logic.boolalg.BooleanFunction))


def environment_name(parser: Parser, token: Token) -> str:
    """Read ``{name}`` after ``\\begin``/``\\end``."""
    if not parser.peek().is_char("{"):
        raise parser.fail("an environment needs a name in braces", token)
    return "".join(t.text for t in parser.take_bracketed())


def read_environment(parser: Parser, token: Token) -> Basic:
    """The value of ``\\begin{name} ... \\end{name}``; the parser stands after ``\\begin``."""
    begin = parser.position - 1
    name = environment_name(parser, token)
    if name == "array" and parser.peek().is_char("{"):
        parser.read_group_tokens("the column layout")
    end = closing_index(parser.tokens, begin)
    if end is None:
        raise parser.fail(f"\\begin{{{name}}} is never ended", token)
    rows = _rows(parser.tokens[parser.position : end])
    parser.position = end
    closing = parser.advance()
    if environment_name(parser, closing) != name:
        raise parser.fail(f"\\begin{{{name}}} is ended by a different \\end", closing)
    if name in MATRIX_ENVIRONMENTS:
        return _matrix(parser, token, name, rows)
    if name in _CASES:
        return _cases(parser, token, rows)
    raise parser.fail(f"the environment '{name}' is not read inside an expression", token)


def _rows(tokens: list[Token]) -> list[list[list[Token]]]:
    """Rows split at top-level ``\\\\``, cells at ``&`` (a trailing ``\\\\`` adds no row)."""
    rows = [
        split_top_level(row, lambda item: item.is_char("&")) for row in split_top_level(tokens, lambda item: item.kind == "row")
    ]
    if rows and rows[-1] == [[]]:
        rows.pop()
    return rows


def _matrix(parser: Parser, token: Token, name: str, rows: list[list[list[Token]]]) -> Basic:
    parser.guard(lambda: arithmetic.matrix_layout([len(row) for row in rows], parser.limits), token)
    entries = []
    for row in rows:
        values = []
        for cell in row:
            if not cell:
                raise parser.fail("a matrix entry is empty", token)
            value = parser.sub(cell).parse_whole("a matrix entry")
            if is_matrix(value):
                raise parser.fail("a matrix entry must be a scalar", cell[0])
            values.append(value)
        entries.append(values)
    matrix = parser.guard(lambda: arithmetic.matrix(entries, parser.limits), token)
    if name == "vmatrix":
        if matrix.shape[0] != matrix.shape[1]:
            raise parser.fail("a determinant needs a square matrix", token)
        return matrix.det()
    return matrix


def _cases(parser: Parser, token: Token, rows: list[list[list[Token]]]) -> Basic:
    pieces = []
    for row in rows:
        if len(row) != 2 or not row[0] or not row[1]:
            raise parser.fail("each case needs a value and a condition: value & condition", token)
        value_tokens = row[0][:-1] if row[0][-1].is_char(",") else row[0]  # "1, & x > 0"
        if not value_tokens:
            raise parser.fail("a case's value is missing", row[0][0])
        value = parser.sub(value_tokens).parse_whole("a case's value")
        condition_tokens = list(row[1])
        while condition_tokens and (
            (condition_tokens[0].kind == "word" and condition_tokens[0].text.strip().lower() in _CONDITION_WORDS)
            or condition_tokens[0].is_char(",")
        ):
            condition_tokens.pop(0)
        if (
            len(condition_tokens) == 1
            and condition_tokens[0].kind == "word"
            and condition_tokens[0].text.strip().lower() in _OTHERWISE
        ):
            condition: Basic = sympy.true
        elif not condition_tokens:
            raise parser.fail("a case's condition is missing", row[1][0])
        else:
            condition = parser.sub(condition_tokens, lenient=False).parse_whole("a case's condition")
            if not is_condition(condition):
                raise parser.fail("a case's condition must be a comparison such as x > 0", condition_tokens[0])
        pieces.append((value, condition))
    if any(is_matrix(value) for value, _ in pieces):
        raise parser.fail("cases of matrices are not read", token)
    return sympy.Piecewise(*pieces)
