"""Vectors, matrices and tuples: which entries are wrong, or the right entries in another order.

The partial credit is the fraction of entries that are right (each decided by the engine).

>>> import sympy
>>> x = sympy.Symbol("x")
>>> same = lambda left, right: sympy.simplify(left - right) == 0
>>> found = diagnose(sympy.Matrix([x, 2*x, 3]), sympy.Matrix([x, 2*x, 4]), same)
>>> found.diagnosis.message, found.diagnosis.detail, round(found.partial_credit, 3)
('Entry 3 is wrong; the others are right.', {'entries': [3]}, 0.667)
>>> diagnose(sympy.Matrix([x, 2*x]), sympy.Matrix([2*x, x]), same).diagnosis.kind.value
'order'
"""

from __future__ import annotations

from collections.abc import Sequence

import sympy
from sympy import Basic, ImmutableMatrix, MatrixBase

from derive._mistakes import Mistake

from .._canonical import vector_length
from .._verdict import Diagnosis
from ._engine import Finding
from ._relations import Relation, Verify
from ._screen import Screen
from ._words import positions

__all__ = ["diagnose", "entries_of"]


def diagnose(expected: Basic, answer: Basic, verify: Verify, whole: Sequence[Relation] = (),
             each: Sequence[Relation] = (), screen: Screen | None = None) -> Finding:
    """Whole-object relations first (sign, factor, transpose), then entry by entry; a single
    wrong entry is diagnosed in turn by the relations ``each`` (all screened by ``screen``)."""
    pairs = entries_of(expected, answer)
    if pairs is None:
        return Finding()
    places, wanted, given = pairs
    right = [verify(e, a) for e, a in zip(wanted, given)]
    credit = sum(right) / len(right) if right else None
    wrong = [place for place, ok in zip(places, right) if not ok]
    if not wrong:
        return Finding(None, credit)
    screen = screen or Screen((expected, answer))
    for relation in whole:
        diagnosis = relation.find(expected, answer, verify, screen)
        if diagnosis is not None:
            return Finding(diagnosis, credit)
    misplaced = [index for index, ok in enumerate(right) if not ok]
    if len(misplaced) > 1 and _permuted([wanted[i] for i in misplaced], [given[i] for i in misplaced], verify):
        return Finding(Diagnosis(Mistake.ORDER, "Your entries are right but some are in the wrong place: "
                                 f"check the order of {positions(wrong)}.", {"entries": _json(wrong)}), credit)
    return Finding(_wrong_entries(wrong, len(places), _entry_mistake(misplaced, wanted, given, verify, each, screen)), credit)


def _wrong_entries(wrong: list, total: int, inside: Diagnosis | None) -> Diagnosis:
    text = positions(wrong)
    verb = "is" if len(wrong) == 1 else "are"
    message = f"{text[0].upper()}{text[1:]} {verb} wrong; the others are right." if len(wrong) < total \
        else f"All {total} entries are wrong."
    detail: dict = {"entries": _json(wrong)}
    if inside is not None:
        message += f" In {text}: {inside.message}"
        detail["entry"] = inside.to_dict()
    return Diagnosis(Mistake.WRONG_ENTRIES, message, detail)


def _entry_mistake(misplaced: list[int], wanted: list[Basic], given: list[Basic], verify: Verify,
                   each: Sequence[Relation], screen: Screen) -> Diagnosis | None:
    """The verified mistake inside the one wrong entry, if there is exactly one."""
    if len(misplaced) != 1:
        return None
    index = misplaced[0]
    return next(filter(None, (r.find(wanted[index], given[index], verify, screen) for r in each)), None)


def entries_of(expected: Basic, answer: Basic) -> tuple[list, list[Basic], list[Basic]] | None:
    """(1-based places, expected entries, answer entries) of two same-shaped structures, or None."""
    if isinstance(expected, sympy.Tuple) and isinstance(answer, sympy.Tuple):
        if len(expected) != len(answer):
            return None
        return list(range(1, len(expected) + 1)), list(expected), list(answer)
    if not isinstance(expected, MatrixBase) or not isinstance(answer, MatrixBase):
        return None
    if vector_length(expected) and vector_length(expected) == vector_length(answer):
        return list(range(1, len(expected) + 1)), list(expected), list(answer)
    if expected.shape != answer.shape:
        return None
    rows, columns = expected.shape
    places = [(i + 1, j + 1) for i in range(rows) for j in range(columns)]
    return places, list(expected), list(ImmutableMatrix(answer))


def _permuted(wanted: list[Basic], given: list[Basic], verify: Verify) -> bool:
    """Whether ``given`` is ``wanted`` in another order (each matched once)."""
    unmatched = list(range(len(wanted)))
    for entry in given:
        match = next((i for i in unmatched if verify(wanted[i], entry)), None)
        if match is None:
            return False
        unmatched.remove(match)
    return True


def _json(places: list) -> list:
    return [list(p) if isinstance(p, tuple) else p for p in places]
