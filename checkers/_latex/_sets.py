r"""Sets of reals in LaTeX: intervals, ``\cup``/``\cap``/``\setminus``, ``\in``, set-builder braces, ``\neg``.

``[0, 1)`` and ``(0, 1]`` (brackets of two kinds) are intervals; so is ``(a, b)`` or
``[a, b]`` with an infinite end, any bracket pair joined by a set operation, and what
follows ``\in``. Otherwise ``(a, b)`` stays a point and ``[a, b]`` a vector: the comparison
reads them as intervals only when the reference is a set of reals. ``\{x : x > 0\}`` and
``\{x \mid x^2 < 1\}`` are set-builder sets (x is bound inside), ``\neg`` negates a condition.

>>> from sympy import symbols
>>> from .._vocabulary import Vocabulary
>>> from ._reader import read_latex
>>> vocab = Vocabulary.from_objects(symbols("x"))
>>> read_latex(r"(-\infty, 3] \cup (5, \infty)", vocab).value
Union(Interval(-oo, 3), Interval.open(5, oo))
>>> read_latex(r"x \in [-2, 7]", vocab).value
Contains(x, Interval(-2, 7))
>>> read_latex(r"\{t : t^2 < 1\}", vocab).value
ConditionSet(t, t**2 < 1, Reals)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import sympy
from sympy import Basic

from .. import _real_sets as real_sets
from .._names import canonical_name
from ._brackets import top_level_indices
from ._token import Token

if TYPE_CHECKING:
    from ._parser import Parser

__all__ = ["SET_OPERATORS", "MEMBERSHIP", "interval_brackets", "is_interval", "parse_sets", "membership",
           "negation", "builder_split", "set_builder"]

SET_OPERATORS = frozenset({"∪", "∩", "∖"})
MEMBERSHIP = frozenset({"∈", "∉"})
_NATURAL_CLOSER = {"(": ")", "[": "]"}


def interval_brackets(opener: Token, closer: Token) -> bool:
    """``[`` closed by ``)`` or ``(`` closed by ``]``: the two ends of a half-open interval."""
    return opener.kind == closer.kind == "char" and opener.text in "([" and closer.text in ")]" \
        and _NATURAL_CLOSER[opener.text] != closer.text


def is_interval(opener: Token, closer: Token, values: list[Basic]) -> bool:
    """Brackets of two kinds, or two entries with an infinite end: an interval, never a point."""
    infinite = len(values) == 2 and (values[0] == -sympy.oo or values[1] == sympy.oo)
    return interval_brackets(opener, closer) or infinite


def interval(parser: Parser, opener: Token, closer: Token, values: list[Basic]) -> Basic:
    """The interval between the two values, open at a round bracket."""
    if len(values) != 2:
        raise parser.fail(f"'{opener.text}' is closed by '{closer.text}': an interval has two ends, a, b", closer)
    return parser.guard(lambda: real_sets.interval(values[0], values[1], opener.text == "(", closer.text == ")"), opener)


def parse_sets(parser: Parser) -> Basic:
    """Sums joined by ``\\cup``, ``\\cap`` and ``\\setminus`` (left to right)."""
    value = parser.parse_sum()
    while parser.peek().kind == "op" and parser.peek().text in SET_OPERATORS:
        operator = parser.advance()
        right = parser.parse_sum()
        value = parser.combine(lambda a, b: real_sets.set_operation(operator.text, a, b), value, right, operator)
    return value


def membership(parser: Parser, operator: Token, element: Basic) -> Basic:
    """``x \\in S`` / ``x \\notin S`` (the parser stands after the operator)."""
    collection = parse_sets(parser)
    return parser.guard(lambda: real_sets.membership(element, collection, negated=operator.text == "∉"), operator)


def negation(parser: Parser, operator: Token) -> Basic:
    """``\\neg`` of the condition after it (the parser stands after the operator)."""
    condition = parser.parse_relation()
    if not isinstance(condition, sympy.logic.boolalg.Boolean) or isinstance(condition, sympy.Expr):
        raise parser.fail("\\neg negates a condition, such as \\neg (x > 2)", operator)
    return sympy.Not(condition)


def builder_split(tokens: list[Token]) -> int | None:
    """Where ``\\{x : ...\\}`` or ``\\{x \\mid ...\\}`` divides its variable from its condition."""
    found = top_level_indices(tokens, lambda token: token.is_char(":", "|"))
    if found and found[0] == 1 and tokens[0].kind == "letter":
        return found[0]
    return None


def set_builder(parser: Parser, token: Token, inner: list[Token], split: int) -> Basic:
    """``\\{x : condition\\}`` with x bound while the condition is read."""
    name = canonical_name(inner[0].text)
    variable = parser.vocabulary.lookup(name)
    if not isinstance(variable, sympy.Symbol):
        variable = sympy.Symbol(name)
    saved = parser.bound.get(name)
    parser.bound[name] = variable
    try:
        condition = parser.sub(inner[split + 1 :]).parse_whole("the condition of a set-builder set")
    finally:
        if saved is None:
            parser.bound.pop(name, None)
        else:
            parser.bound[name] = saved
    return parser.guard(lambda: real_sets.set_builder(variable, condition), token)
