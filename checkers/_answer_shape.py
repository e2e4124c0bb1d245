"""From the members of an answer's ``=`` chain to what is graded and which links to check.

An equation answer whose left side only names the asked quantity (``L = ...``,
``dL/dphi_0 = ...``, ``f(x) = ...``) is graded on its right side; in a chain
``a = b = c`` the last member is graded and each link is checked.

>>> from sympy import symbols, Eq
>>> from ._vocabulary import Vocabulary
>>> x, L = symbols("x L")
>>> plan = plan_grading(2 * x, (L, x + x), Vocabulary.from_objects(x))
>>> plan.graded, plan.links
(2*x, ())
>>> plan_grading(Eq(x, 11), (x, 5 + 6, 11), Vocabulary.from_objects(x)).links
((11, 11),)
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import sympy
from sympy import Basic
from sympy.core.function import AppliedUndef

from ._vocabulary import Vocabulary

__all__ = ["GradingPlan", "plan_grading"]


@dataclass(frozen=True)
class GradingPlan:
    """``expected`` and ``graded`` are compared; each pair in ``links`` must also be equal."""

    expected: Basic
    graded: Basic
    links: tuple[tuple[Basic, Basic], ...] = ()


def plan_grading(expected: Basic, members: tuple[Basic, ...], vocabulary: Vocabulary) -> GradingPlan:
    """Decide what of the answer is graded against what of the expected object."""
    if isinstance(expected, sympy.Or) and all(isinstance(a, sympy.Eq) for a in expected.args) and len(members) == 2:
        return GradingPlan(expected, sympy.Eq(*members, evaluate=False))  # x = 2 or x = -2, answered x^2 = 4
    if isinstance(expected, sympy.Eq):
        if len(members) == 2:
            return GradingPlan(expected, sympy.Eq(*members, evaluate=False))
        if len(members) == 1 and not isinstance(members[0], sympy.Eq) and _is_name(expected.lhs, vocabulary):
            return GradingPlan(expected.rhs, members[0])
        if len(members) > 2 and members[0] == expected.lhs and _is_name(expected.lhs, vocabulary):
            return GradingPlan(expected.rhs, members[-1], tuple(itertools.pairwise(members[1:])))  # x = ... = value
    if len(members) == 1:
        return GradingPlan(expected, members[0])
    start = 1 if names_quantity(members[0], vocabulary, members[1:]) else 0
    links = tuple(zip(members[start:-1], members[start + 1 :]))
    return GradingPlan(expected, members[-1], links)


def names_quantity(member: Basic, vocabulary: Vocabulary, rest: tuple[Basic, ...] = ()) -> bool:
    """True when a left side only names what is asked: a new name, f(x), a derivative, or
    a variable that the rest of the chain does not use (``x = 3``, ``x = -2``)."""
    if isinstance(member, (AppliedUndef, sympy.Derivative)):
        return True
    if isinstance(member, sympy.Tuple) and member.args and all(isinstance(a, sympy.Symbol) for a in member.args):
        return True  # (x, y) = (0, 3): the point's coordinates are named
    if isinstance(member, sympy.Symbol) and not any(member in getattr(r, "free_symbols", ()) for r in rest):
        return True
    known = set(vocabulary.names.values())
    free = getattr(member, "free_symbols", set())
    return bool(free - known) or (isinstance(member, sympy.Symbol) and member not in known)


def _is_name(lhs: Basic, vocabulary: Vocabulary) -> bool:
    return isinstance(lhs, (sympy.Symbol, AppliedUndef, sympy.Derivative))
