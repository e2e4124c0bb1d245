"""Two conditions proved the same by their logical form alone.

Each relation (``a < b``, ``Eq(a, b)`` ...) is written in sympy's canonical orientation, so that
``Eq(C, B)`` and ``Eq(B, C)``, or ``x > 1`` and ``1 < x``, are one atom, and a relation and its
negation (``Eq``/``Ne``, ``<``/``>=``) are one atom and its ``not``. Each distinct atom becomes a
Boolean symbol; the conditions are the same when no truth assignment of the symbols tells them
apart (``satisfiable(Xor(first, second))`` is False). That is a proof; the converse is not:
atoms may depend on each other (``x > 1 and x > 2`` is ``x > 2``), so "not proved" says nothing.

>>> from sympy import Symbol, Eq
>>> A, B, C, x = (Symbol(n) for n in "ABCx")
>>> propositionally_same(A & Eq(C, B), Eq(B, C) & A)
True
>>> propositionally_same((x > 1) & (x > 2), x > 2)
False
"""

from __future__ import annotations

import sympy
from sympy import Basic
from sympy.core.relational import Relational
from sympy.logic import boolalg
from sympy.logic.inference import satisfiable

from . import _solution_sets as solution_sets
from ._outcome import Outcome
from ._verdict import Method, Status

__all__ = ["compare_conditions", "propositionally_same", "MAX_ATOMS"]

MAX_ATOMS = 12
"""More distinct atoms than this and no proof is tried (the clause form can grow fast)."""

_CONNECTIVES = (sympy.And, sympy.Or, sympy.Not, sympy.Xor, sympy.Implies, sympy.Equivalent, sympy.ITE)


def compare_conditions(expected: Basic, answer: Basic) -> Outcome:
    """The same condition: identical; equal solution sets in one real variable (worked out
    first: that decides both ways, for far less than simplifying the equivalence); a proved
    equivalence; one inequality a positive multiple of the other. Otherwise undecided.

    >>> from sympy import Symbol
    >>> x = Symbol("x")
    >>> compare_conditions(x**2 > 4, (x > 2) | (x < -2)).message
    'Correct: the same solution set.'
    """
    if expected == answer:
        return Outcome(Status.CORRECT, Method.SYMBOLIC, True, "Correct: the same condition.")
    same = solution_sets.same_solutions(expected, answer)  # None unless in one variable
    if same:
        return Outcome(Status.CORRECT, Method.SYMBOLIC, True, "Correct: the same solution set.")
    if same is not None:
        return Outcome(Status.INCORRECT, Method.SYMBOLIC, True, "Incorrect: the condition differs from the expected one.")
    if sympy.simplify(sympy.Equivalent(expected, answer)) is sympy.true:
        return Outcome(Status.CORRECT, Method.SYMBOLIC, True, "Correct: the same condition.")
    if solution_sets.positive_multiple(expected, answer):
        return Outcome(Status.CORRECT, Method.NUMERIC, False,
                       "Correct: the same inequality (multiplied by a positive number, checked at random points).")
    return Outcome(Status.UNDECIDED, Method.SYMBOLIC, False,
                   "Undecided: the two conditions could not be compared by their solution sets.")


def propositionally_same(first: Basic, second: Basic) -> bool:
    """True when the two conditions agree for every truth value of their (canonical) atoms.

    >>> from sympy import Symbol, Ne, Eq
    >>> x, y = Symbol("x"), Symbol("y")
    >>> propositionally_same((x < 1) | Eq(x, y), ~((x >= 1) & Ne(y, x)))
    True
    >>> propositionally_same(x > 1, x > 2)
    False
    """
    atoms: dict[Basic, sympy.Symbol] = {}
    try:
        left, right = _skeleton(first, atoms), _skeleton(second, atoms)
    except _TooLarge:
        return False
    if left is None or right is None:
        return False
    return satisfiable(sympy.Xor(left, right)) is False


class _TooLarge(Exception):
    """More atoms than :data:`MAX_ATOMS`."""


def _skeleton(condition: Basic, atoms: dict[Basic, sympy.Symbol]) -> Basic | None:
    """The condition with each atom replaced by its Boolean symbol; None when it is not a condition."""
    if condition is sympy.true or condition is sympy.false:
        return condition
    if isinstance(condition, _CONNECTIVES):
        parts = [_skeleton(part, atoms) for part in condition.args]
        return None if any(part is None for part in parts) else type(condition)(*parts)
    if not isinstance(condition, (boolalg.Boolean, sympy.Symbol)) or isinstance(condition, sympy.Set) or (
            isinstance(condition, sympy.Expr) and not isinstance(condition, sympy.Symbol)):
        return None
    key, negated = _atom_key(condition)
    if key not in atoms:
        if len(atoms) >= MAX_ATOMS:
            raise _TooLarge
        atoms[key] = sympy.Dummy(f"p{len(atoms)}")
    return sympy.Not(atoms[key]) if negated else atoms[key]


def _atom_key(atom: Basic) -> tuple[Basic, bool]:
    """(the atom's representative, whether the atom is its negation): of a relation and its
    negation, both canonical, the one first in sympy's sort order represents both."""
    if not isinstance(atom, Relational):
        return atom, False
    try:
        canonical, negation = atom.canonical, atom.negated.canonical
    except (TypeError, ValueError, AttributeError, NotImplementedError):
        return atom, False
    if not isinstance(negation, Relational):
        return canonical, False
    key = min(canonical, negation, key=sympy.default_sort_key)
    return key, key is negation and key != canonical
