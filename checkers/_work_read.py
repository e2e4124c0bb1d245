r"""One row of a derivation read with the answer reader: a chain of values, an equation, or a system.

A row is read as a single answer is (:func:`checkers.read_answer`: chains ``a = b = c``,
derivative operators applied to explicit expressions worked out). Its first member is read
once more on its own: when it is an explicit expression (``\frac{d}{dx}(x^2 \sin x)``) it is
a value to check; when it only names the quantity (``\frac{\partial L}{\partial \phi_0}``,
``f'(x)``, ``\nabla f``) it is a name, as on the left of a single answer. A row that
continues the one above (it starts with ``=``) has that row's last value as its first member.

A row is an *equation* when it is connected by ``\Rightarrow``/``\iff``, follows an equation,
gives values (``x = 0 \text{ or } x = 1``), is a system (``x = 1, y = 2``), or ends in
``= 0``: the chain before the last ``=`` is checked link by link, and the equation it
states is compared with the one before by solutions. In ``3c^2 - 1 = \frac{f(2) - f(-2)}{4}
= 3`` the equation is the one link that is not an identity (``open_equation``).

>>> from sympy import symbols
>>> from ._vocabulary import Vocabulary
>>> from ._work_rows import split_rows
>>> x = symbols("x")
>>> lines = split_rows(r"\frac{d}{dx}(x^3 - x) = 3x^2 - 1 = 0")
>>> row = read_row(lines[0], Vocabulary.from_objects(x))
>>> row.values, row.equations
((3*x**2 - 1, 3*x**2 - 1), (Eq(3*x**2 - 1, 0),))
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import sympy
from sympy import Basic
from sympy.core.function import AppliedUndef

from ._errors import InvalidAnswer
from ._limits import DEFAULT_LIMITS, Limits
from ._read import read_answer
from ._reading import Reading
from ._solution_sets import as_equations
from ._vocabulary import Vocabulary
from ._work_rows import CONTINUES, EQUIVALENT, IMPLIES, WorkLine

__all__ = ["RowMath", "read_row", "equation_of"]

_SYSTEM_SEPARATOR = re.compile(r",|;|\\q?quad(?![A-Za-z])|\\text\s*\{\s*and\s*\}")


@dataclass(frozen=True)
class RowMath:
    """A row as mathematics: ``values`` is its chain of values (a name on the left left out;
    with a previous row's last value first when it continues that row), ``equations`` the
    equation or system it states (empty for a pure chain), ``members`` everything read."""

    members: tuple[Basic, ...]
    values: tuple[Basic, ...]
    equations: tuple[sympy.Eq, ...] = ()
    name: str = ""  # the text of a first member that only names the quantity
    points: tuple[dict[Basic, Basic], ...] | None = None  # (x, y) = (0, 3) or (0, -3): the solutions as given
    open_equation: bool = False  # a = b = c stating an equation: its one link that is no identity is the equation


def read_row(line: WorkLine, vocabulary: Vocabulary, limits: Limits = DEFAULT_LIMITS, *,
             previous: RowMath | None = None, implication_follows: bool = False, solving: bool = False) -> RowMath:
    """Read ``line`` (after ``previous``; ``implication_follows``: the next row starts with
    ``\\Rightarrow`` or ``\\iff``; ``solving``: the work solves equations, so a row
    ``A = B`` whose left side is a value is an equation); unreadable text raises
    :class:`InvalidAnswer`."""
    system = _system(line.body, vocabulary, limits)
    if system is not None:
        return RowMath(system, (), system)
    members = list(_read(line.body, vocabulary, limits).members)
    if line.connector == CONTINUES:
        if previous is None or not previous.values:
            raise InvalidAnswer("this row starts with '=' but no row above it has a value", text=line.body, position=0)
        members[0] = _explicit_head(line.body, vocabulary, limits, members, required=True)
        members.insert(0, previous.values[-1])
    elif len(members) >= 2:
        solves = implication_follows or solving or _in_equations(line, members, previous)
        members[0] = _explicit_head(line.body, vocabulary, limits, members, required=False, keep_symbol=solves)
    equation = (implication_follows or _is_equation(line, members, previous)
                or (solving and len(members) == 2 and members[0] is not None and line.connector != CONTINUES))
    name = _first_side(line.body).strip() if members[0] is None else ""
    return _row_math(tuple(members), equation, name, previous)


def _row_math(members: tuple[Basic | None, ...], equation: bool, name: str, previous: RowMath | None) -> RowMath:
    shown = tuple(m for m in members if m is not None)
    values = tuple(m for m in members if m is not None)
    if not equation or len(members) < 2:
        return RowMath(shown, values, name=name)
    if members[-2] is None:  # "name = 0": the named value of the row above, when it names the same
        if previous is not None and previous.name == name and previous.values:
            return RowMath(shown, (), (_equation(previous.values[-1], members[-1]),), name)
        return RowMath(shown, (), (), name)
    points = _points(members[-2], members[-1])
    if points is not None:
        return RowMath(shown, (), _point_equations(points), name, points)
    if len(values) >= 3 and members[-1] != 0 and not isinstance(members[-1], sympy.FiniteSet):
        return RowMath(shown, values, (_equation(values[0], values[-1]),), name, open_equation=True)
    return RowMath(shown, values[:-1], (_equation(members[-2], members[-1]),), name)


def equation_of(left: Basic, right: Basic) -> sympy.Eq:
    """The equation ``left = right`` as a row states it."""
    return _equation(left, right)


def _points(left: Basic, right: Basic) -> tuple[dict[Basic, Basic], ...] | None:
    """``(x, y) = (0, 3)`` or ``(x, y) = {(0, 3), (0, -3)}``: each point as a mapping; else None."""
    if not isinstance(left, sympy.Tuple) or not all(isinstance(v, sympy.Symbol) for v in left.args):
        return None
    values = right.args if isinstance(right, sympy.FiniteSet) else (right,)
    if not all(isinstance(v, sympy.Tuple) and len(v) == len(left) for v in values):
        return None
    return tuple(dict(zip(left.args, v.args)) for v in values)


def _point_equations(points: tuple[dict[Basic, Basic], ...]) -> tuple[sympy.Eq, ...]:
    """One point: an equation per coordinate; several: the one real equation they solve."""
    if len(points) == 1:
        return tuple(sympy.Eq(k, v) for k, v in points[0].items())
    distance = sympy.Mul(*(sympy.Add(*((k - v) ** 2 for k, v in point.items())) for point in points))
    return (sympy.Eq(distance, 0),)


def _equation(left: Basic, right: Basic) -> sympy.Eq:
    """``left = right`` as one equation (``x = {a, b}`` becomes ``(x - a)(x - b) = 0``)."""
    relation = sympy.Eq(left, right, evaluate=False)
    return as_equations(relation, relation)[0]


def _in_equations(line: WorkLine, members: list[Basic | None], previous: RowMath | None) -> bool:
    """Connected by an implication, giving values, or following an equation."""
    if line.connector in (IMPLIES, EQUIVALENT) or isinstance(members[-1], sympy.FiniteSet):
        return True
    return previous is not None and bool(previous.equations) and line.connector != CONTINUES


def _is_equation(line: WorkLine, members: list[Basic | None], previous: RowMath | None) -> bool:
    if len(members) < 2:
        return False
    if _in_equations(line, members, previous):
        return True
    return members[-1] == 0 and members[-2] is not None and members[-2] != 0


def _explicit_head(body: str, vocabulary: Vocabulary, limits: Limits, members: list[Basic], *,
                   required: bool, keep_symbol: bool = False) -> Basic | None:
    """The first member read on its own as a value, or None when it only names the quantity
    (``f'(x)``, ``\\frac{\\partial L}{\\partial x}``, a point ``(x, y)``, or a symbol the rest
    does not use, unless ``keep_symbol``: in an equation ``x = 3`` states a value of x)."""
    head = _first_side(body)
    try:
        value = _read(head, vocabulary, limits).members
    except InvalidAnswer:
        if required:
            raise
        return None
    if len(value) != 1:
        return None
    if not required and _names_only(value[0], members[1:], keep_symbol=keep_symbol):
        return None
    return value[0]


def _names_only(value: Basic, rest: list[Basic], *, keep_symbol: bool) -> bool:
    if isinstance(value, (AppliedUndef, sympy.Derivative)):
        return True
    if isinstance(value, sympy.Tuple) and value.args and all(isinstance(a, sympy.Symbol) for a in value.args):
        return not keep_symbol
    if isinstance(value, sympy.Symbol) and not keep_symbol:
        return not any(value in getattr(member, "free_symbols", ()) for member in rest)
    return False


def _first_side(body: str) -> str:
    """The text before the first ``=`` outside brackets."""
    depth = 0
    for index, char in enumerate(body):
        depth += (char in "([{") - (char in ")]}")
        if char == "=" and depth == 0 and body[index - 1 : index] not in ("<", ">", "!", "\\"):
            return body[:index]
    return body


def _system(body: str, vocabulary: Vocabulary, limits: Limits) -> tuple[sympy.Eq, ...] | None:
    """``x = 1, y = 2`` / ``2x = \\lambda \\quad x + y = 1``: several equations, else None."""
    pieces = _top_level_split(body)
    if len(pieces) < 2 or not all(_first_side(piece) != piece for piece in pieces):
        return None
    equations = []
    for piece in pieces:
        members = _read(piece, vocabulary, limits).members
        if len(members) != 2:
            return None
        equations.append(_equation(*members))
    return tuple(equations)


def _top_level_split(body: str) -> list[str]:
    pieces, depth, start = [], 0, 0
    for match in _SYSTEM_SEPARATOR.finditer(body):
        depth = sum((c in "([{") - (c in ")]}") for c in body[: match.start()])
        if depth == 0:
            pieces.append(body[start : match.start()])
            start = match.end()
    pieces.append(body[start:])
    return [piece.strip() for piece in pieces if piece.strip()]


def _read(text: str, vocabulary: Vocabulary, limits: Limits) -> Reading:
    """Read with the reference's names; a derivation may introduce its own (``u = x^2``)."""
    try:
        return read_answer(text, vocabulary, limits)
    except InvalidAnswer as error:
        try:
            return read_answer(text, vocabulary.opened(), limits)
        except InvalidAnswer:
            raise error from None
