"""Two conditions proved the same by their logical form alone.

Each relation (``a < b``, ``Eq(a, b)`` ...) is written in sympy's canonical orientation, so that
``Eq(C, B)`` and ``Eq(B, C)``, or ``x > 1`` and ``1 < x``, are one atom, and a relation and its
negation (``Eq``/``Ne``, ``<``/``>=``) are one atom and its ``not``. Each distinct atom becomes a
Boolean variable; the conditions are the same when no truth assignment of the variables tells
them apart (a truth table: ``satisfiable(Xor(first, second))`` is False, without sympy's SAT
machinery, whose first use imports its assumption system). That is a proof; the converse is not:
atoms may depend on each other (``x > 1 and x > 2`` is ``x > 2``), so "not proved" says nothing.

>>> from sympy import Symbol, Eq
>>> A, B, C, x = (Symbol(n) for n in "ABCx")
>>> propositionally_same(A & Eq(C, B), Eq(B, C) & A)
True
>>> propositionally_same((x > 1) & (x > 2), x > 2)
False
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence

import sympy
from sympy import Basic
from sympy.core.relational import Relational
from sympy.logic import boolalg

from . import _solution_sets as solution_sets
from ._outcome import Outcome
from ._verdict import Method, Status

__all__ = ["compare_conditions", "propositionally_same", "MAX_ATOMS"]

MAX_ATOMS = 10
"""More distinct atoms than this and no proof is tried (the truth table has 2**atoms rows)."""

_Truth = Callable[[Sequence[bool]], bool]
_CONNECTIVES: dict[type, Callable[[list[bool]], bool]] = {
    sympy.And: all,
    sympy.Or: any,
    sympy.Not: lambda values: not values[0],
    sympy.Xor: lambda values: sum(values) % 2 == 1,
    sympy.Implies: lambda values: not values[0] or values[1],
    sympy.Equivalent: lambda values: all(values) or not any(values),
    sympy.ITE: lambda values: values[1] if values[0] else values[2],
}


def compare_conditions(expected: Basic, answer: Basic) -> Outcome:
    """The same condition: identical; equal solution sets in one real variable (worked out
    first: that decides both ways, for far less than simplifying the equivalence); an
    equivalence proved by the logical form alone, else by sympy's simplification; one
    inequality a positive multiple of the other. Otherwise undecided.

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
    if propositionally_same(expected, answer) or sympy.simplify(sympy.Equivalent(expected, answer)) is sympy.true:
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
    atoms: dict[Basic, int] = {}
    try:
        left, right = _truth(first, atoms), _truth(second, atoms)
    except _NotPropositional:
        return False
    return all(left(values) == right(values) for values in itertools.product((False, True), repeat=len(atoms)))


class _NotPropositional(Exception):
    """Not a condition, or more atoms than :data:`MAX_ATOMS`."""


def _truth(condition: Basic, atoms: dict[Basic, int]) -> _Truth:
    """The condition's truth value as a function of its atoms' (indexed by ``atoms``, which grows)."""
    if condition is sympy.true or condition is sympy.false:
        return (lambda values: True) if condition is sympy.true else (lambda values: False)
    if type(condition) in _CONNECTIVES:
        combine, parts = _CONNECTIVES[type(condition)], [_truth(part, atoms) for part in condition.args]
        return lambda values: combine([part(values) for part in parts])
    if isinstance(condition, sympy.Set) or not isinstance(condition, (boolalg.Boolean, sympy.Symbol)) or (
            isinstance(condition, sympy.Expr) and not isinstance(condition, sympy.Symbol)):
        raise _NotPropositional
    key, negated = _atom_key(condition)
    if key not in atoms:
        if len(atoms) >= MAX_ATOMS:
            raise _NotPropositional
        atoms[key] = len(atoms)
    index = atoms[key]
    return (lambda values: not values[index]) if negated else (lambda values: values[index])


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
