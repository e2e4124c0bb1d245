"""Sets (and lists read as sets): missing or extra elements.

Partial credit: the elements matched, over the reference's elements plus the extra ones
(so a right set padded with wrong values does not get full credit).

>>> import sympy
>>> same = lambda left, right: sympy.simplify(left - right) == 0
>>> found = diagnose(sympy.FiniteSet(1, 2, 3), sympy.FiniteSet(1, 3), same)
>>> found.diagnosis.message, found.partial_credit
('Your answer is missing 1 value; the values you gave are right.', 0.6666666666666666)
>>> diagnose(sympy.FiniteSet(1, 2), sympy.FiniteSet(1, 2, 5), same).diagnosis.message
'The value 5 should not be there; the other values are right.'
"""

from __future__ import annotations

import sympy

from derive._mistakes import Mistake

from .._verdict import Diagnosis
from ._engine import Finding
from ._relations import Verify
from ._words import count_of, shown

__all__ = ["diagnose"]


def diagnose(expected: sympy.FiniteSet, answer: sympy.FiniteSet, verify: Verify) -> Finding:
    """Match each answer element to one reference element; name what is left over."""
    unmatched, extra = list(expected.args), []
    for element in answer.args:
        match = next((item for item in unmatched if verify(item, element)), None)
        if match is None:
            extra.append(element)
        else:
            unmatched.remove(match)
    matched = len(expected.args) - len(unmatched)
    total = len(expected.args) + len(extra)
    credit = matched / total if total else None
    if extra:
        names = ", ".join(shown(e) for e in extra)
        verb = "should not be there" if len(extra) > 1 or not unmatched else "is not right"
        also = f"; {count_of(len(unmatched), 'value')} missing" if unmatched else "; the other values are right"
        plural = "values" if len(extra) > 1 else "value"
        return Finding(Diagnosis(Mistake.EXTRA_ELEMENTS, f"The {plural} {names} {verb}{also}.",
                                 {"extra": [shown(e) for e in extra], "missing": len(unmatched)}), credit)
    if unmatched:
        return Finding(Diagnosis(Mistake.MISSING_ELEMENTS,
                                 f"Your answer is missing {count_of(len(unmatched), 'value')}; the values you gave are right.",
                                 {"missing": len(unmatched)}), credit)
    return Finding(None, credit)
