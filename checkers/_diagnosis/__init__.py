"""Diagnosis: name the mistake in an incorrect answer, only when it is verified.

Runs only on incorrect verdicts. Known mistakes (what the problem's derivation predicts for
a misapplied rule) are tried first, then the context-free relations (:mod:`._relations`,
:mod:`._transpose`; inside one factor of a product: :mod:`._factors`), then the structure of
vectors, matrices, tuples (:mod:`._entries`) and sets (:mod:`._elements`). The reference and
the answer are evaluated once at shared samples (:mod:`._screen`); every candidate is
screened on those values and only one that passes is verified by the engine that decides
verdicts; the first verified one, most specific first, is the diagnosis. When nothing is
verified (or the budget runs out first) there is none: never a false diagnosis.

>>> import sympy
>>> from checkers._budget import Budget
>>> x = sympy.Symbol("x")
>>> with Budget(2.0) as budget:
...     found = diagnose(x**2 + sympy.sin(x), -x**2 - sympy.sin(x), Verifier.for_budget(budget, seed_text="doc"))
>>> found.diagnosis.kind.value, found.diagnosis.message
('sign', 'Check the sign: your answer is the negative of the right one.')
"""

from __future__ import annotations

from collections.abc import Sequence

from sympy import Basic

from derive._mistakes import BuggyResult

from .._canonical import as_set_if_listed, as_vector_if_tuple
from .._outcome import kind_of
from .._verdict import Diagnosis
from ._engine import Finding, Verifier
from ._factors import InOneFactor
from ._known import known_mistake
from ._matrix_factors import MissingMatrixFactor
from ._relations import ConstantFactor, ConstantOffset, ExtraTerm, MissingFactor, MissingTerm, Relation, Sign, TermSign
from ._screen import Screen
from ._sums import MissingSum
from ._transpose import Transpose
from ._words import shown, withheld_message

__all__ = ["diagnose", "Finding", "Verifier", "RELATIONS"]

RELATIONS: dict[str, tuple[Relation, ...]] = {
    "scalar": (MissingSum(), Sign(), ConstantFactor(), ConstantOffset(),
               InOneFactor(TermSign()), InOneFactor(MissingTerm()), InOneFactor(ExtraTerm()),  # the term where it was written
               TermSign(), MissingTerm(), ExtraTerm(), MissingFactor()),
    "matrix": (Sign(), ConstantFactor(), Transpose()),
    "matrix-expression": (Sign(), ConstantFactor(), MissingMatrixFactor(), Transpose(), TermSign(), MissingTerm(), ExtraTerm()),
}
"""The context-free relations tried for each kind of reference, most specific first."""


def diagnose(expected: Basic, answer: Basic, verify: Verifier, mistakes: Sequence[BuggyResult] = (),
             written: Basic | None = None) -> Finding:
    """The verified mistake in ``answer`` (known ``mistakes`` first) and its partial credit; a
    message that would quote the whole right answer (``expected``, or as ``written`` with the
    problem's own names) is replaced by its kind's plain advice."""
    found = _diagnose(expected, answer, verify, mistakes)
    if found.diagnosis is None or not any(_quotes(found.diagnosis.message, e) for e in (expected, written) if e is not None):
        return found
    plain = Diagnosis(found.diagnosis.kind, withheld_message(found.diagnosis.kind), {})
    return Finding(plain, found.partial_credit)


def _quotes(message: str, expected: Basic) -> bool:
    whole = shown(expected)
    return len(whole) >= 4 and whole in message


def _diagnose(expected: Basic, answer: Basic, verify: Verifier, mistakes: Sequence[BuggyResult] = ()) -> Finding:
    expected, answer = as_vector_if_tuple(expected, answer)
    answer = as_set_if_listed(expected, answer)
    if isinstance(verify, Verifier):
        verify = verify.screened((expected, answer))  # the reference and the answer are evaluated once
    screen = getattr(verify, "screen", None) or Screen((expected, answer))
    known = known_mistake(answer, mistakes, verify, expected) if mistakes else None
    kind = kind_of(expected) if kind_of(expected) == kind_of(answer) else None
    if kind == "set":
        from . import _elements  # sets, vectors and matrices: their own diagnoses, loaded when one is graded

        found = _elements.diagnose(expected, answer, verify)
        return Finding(known or found.diagnosis, found.partial_credit)
    if kind in ("matrix", "tuple"):
        from . import _entries

        found = _entries.diagnose(expected, answer, verify, RELATIONS["matrix"] if kind == "matrix" else (),
                                  RELATIONS["scalar"], screen)
        return Finding(known or found.diagnosis, found.partial_credit)
    if known is not None:
        return Finding(known)
    for relation in RELATIONS.get(kind or "", ()):
        diagnosis = relation.find(expected, answer, verify, screen)
        if diagnosis is not None:
            return Finding(diagnosis)
    return Finding()
