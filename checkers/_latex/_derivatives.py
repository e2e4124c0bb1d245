r"""Derivatives written as fractions: ``\frac{d}{dx} u``, ``\frac{\partial^2 f}{\partial x \partial y}``.

In an answer a derivative operator is worked out (``\frac{d}{dx} x^3`` is ``3x^2``), but
the derivative of a bare name is not read: its value is what is asked. On the left side
of an equation (``lenient``) the derivative names a quantity: ``\frac{\partial L}{\partial
\phi_0}`` becomes the symbol ``dL/dphi_0``.

>>> from sympy import symbols
>>> from .._vocabulary import Vocabulary
>>> from ._reader import read_latex
>>> vocab = Vocabulary.from_objects(symbols("x y"))
>>> read_latex(r"\frac{\partial^2}{\partial x \partial y} x^2 y^2", vocab).value
4*x*y
>>> read_latex(r"\frac{\partial L}{\partial x} = 2x", vocab).members[0]
dL/dx
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import sympy
from sympy import Basic, MatrixSymbol

from .._names import canonical_name
from .._structures import is_matrix
from ._brackets import top_level_indices
from ._names import lenient_name
from ._token import Token

if TYPE_CHECKING:
    from ._parser import Parser

__all__ = ["is_derivative_part", "derivative"]

_VARIABLE_KINDS = (sympy.Symbol, sympy.Indexed, MatrixSymbol)


def is_derivative_part(tokens: list[Token]) -> bool:
    """True when ``tokens`` start with ``d`` or ``\\partial`` (and not ``d_i``)."""
    return bool(tokens) and _is_d(tokens[0]) and (len(tokens) == 1 or not tokens[1].is_char("_"))


def derivative(parser: Parser, token: Token, numerator: list[Token], denominator: list[Token]) -> Basic:
    """``\\frac{\\partial L}{\\partial \\phi_0}``: a name on the left; ``\\frac{d}{dx} u`` an operator."""
    order, rest = _order(numerator)
    if parser.lenient:
        return _named_derivative(parser, token, order, rest, denominator)
    variables = _variables(parser, denominator)
    if sum(count for _, count in variables) != order:
        raise parser.fail("the orders in the numerator and denominator of this derivative differ", token)
    operand = _operand(parser, rest)
    if is_matrix(operand) or any(is_matrix(variable) for variable, _ in variables):
        raise parser.fail("derivatives of matrix expressions are not read here", token)
    return sympy.Derivative(operand, *variables).doit()


def _operand(parser: Parser, rest: list[Token]) -> Basic:
    """What is differentiated: the numerator's rest (not a bare name), else the term that follows."""
    if not rest:
        if not parser.starts_factor(parser.peek()):
            raise parser.fail("the derivative of what?", parser.peek())
        return parser.parse_term()
    operand = parser.sub(rest, lenient=False).parse_whole("the function being differentiated")
    if isinstance(operand, _VARIABLE_KINDS):
        raise parser.fail(
            f"'{_squeeze(parser.text, rest)}' is a name, so its derivative cannot be read here: write the derivative's value",
            rest[0],
        )
    return operand


def _named_derivative(parser: Parser, token: Token, order: int, rest: list[Token], denominator: list[Token]) -> Basic:
    """A left side's derivative: the symbol that names it (``dL/dphi_0``, ``d2L/dphi_0^2``)."""
    if rest:
        prefix = f"d{'' if order == 1 else order}"
        return sympy.Symbol(f"{prefix}{_squeeze(parser.text, rest)}/{_squeeze_denominator(parser.text, denominator)}")
    operand_start = parser.position
    if not parser.starts_factor(parser.peek()):
        raise parser.fail("the derivative of what?", parser.peek())
    parser.parse_factor()
    end = parser.tokens[parser.position - 1].end if parser.position > operand_start else token.end
    return lenient_name(parser.text, token.start, end)


def _variables(parser: Parser, tokens: list[Token]) -> list[tuple[Basic, int]]:
    """``\\partial x \\partial y^2``: each variable with its order."""
    if not _is_d(tokens[0]):
        raise parser.fail("expected d or \\partial in the denominator of a derivative", tokens[0])
    marks = _marks(tokens)
    variables = []
    for mark, following in zip(marks, [*marks[1:], len(tokens)]):
        piece, count = tokens[mark + 1 : following], 1
        if len(piece) >= 2 and piece[-2].is_char("^") and piece[-1].kind == "num":
            count, piece = int(piece[-1].text), piece[:-2]
        if not piece:
            raise parser.fail("a derivative needs a variable", tokens[mark])
        variable = parser.sub(piece, lenient=False).parse_whole("the variable")
        if not isinstance(variable, _VARIABLE_KINDS):
            raise parser.fail("differentiate with respect to a single variable", piece[0])
        variables.append((variable, count))
    return variables


def _marks(tokens: list[Token]) -> list[int]:
    """Indices of the top-level ``d`` / ``\\partial`` marks (the token right after a mark is its variable)."""
    marks: list[int] = []
    for index in top_level_indices(tokens, _is_d):
        if not marks or index != marks[-1] + 1:
            marks.append(index)
    return marks


def _is_d(token: Token) -> bool:
    return (token.kind == "op" and token.text == "∂") or (token.kind in ("letter", "word") and token.text == "d")


def _order(numerator: list[Token]) -> tuple[int, list[Token]]:
    """``d^2 f``: the order 2 and the rest ``f``."""
    rest = numerator[1:]
    if len(rest) >= 2 and rest[0].is_char("^") and rest[1].kind == "num":
        return int(rest[1].text), rest[2:]
    return 1, rest


def _squeeze(text: str, tokens: list[Token]) -> str:
    return canonical_name(text[tokens[0].start : tokens[-1].end]).replace("mathbf", "").replace("boldsymbol", "")


def _squeeze_denominator(text: str, tokens: list[Token]) -> str:
    parts, current = [], []
    for token in tokens:
        if _is_d(token):
            if current:
                parts.append(_squeeze(text, current))
            current = []
        else:
            current.append(token)
    if current:
        parts.append(_squeeze(text, current))
    return "d" + "d".join(parts)
