"""How a diagnosis names a factor, term or entry for the student.

>>> import sympy
>>> x = sympy.Symbol("x")
>>> shown(2*x), positions([2, 3]), positions([(1, 2)])
('2x', 'entries 2 and 3', 'the entry in row 1, column 2')
"""

from __future__ import annotations

from collections.abc import Sequence

from derive._mistakes import Mistake
from derive._notation import notation_in_effect
from derive._render._unicode import unicode_text

__all__ = ["shown", "positions", "count_of", "withheld_message"]


def shown(obj: object) -> str:
    """The object as a student reads it (``2x``, ``sin(x²)``, ``Aᵀb``): derive's Unicode text, never
    sympy syntax; unknown functions in the brackets of the problem spoken about (:func:`derive.printed_in`)."""
    try:
        return unicode_text(obj, notation_in_effect())
    except Exception:  # a form the printer does not know: say less rather than fail the verdict
        return "one part of it"


def positions(places: Sequence[int | tuple[int, int]]) -> str:
    """``entry 2``, ``entries 1 and 3``, ``the entry in row 1, column 2`` (1-based)."""
    words = [f"row {p[0]}, column {p[1]}" if isinstance(p, tuple) else str(p) for p in places]
    listed = words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]
    if isinstance(places[0], tuple):
        return f"the entr{'y' if len(places) == 1 else 'ies'} in {listed}"
    return f"entr{'y' if len(places) == 1 else 'ies'} {listed}"


def count_of(number: int, thing: str) -> str:
    """``1 value``, ``2 values``."""
    return f"{number} {thing}{'' if number == 1 else 's'}"


_ADVICE = {  # what to revisit, naming no expression (for when naming one would give the answer away)
    Mistake.SIGN: "Check the sign of your answer.",
    Mistake.TERM_SIGN: "Check the sign of each term.",
    Mistake.CONSTANT_FACTOR: "Check the constant factors.",
    Mistake.MISSING_FACTOR: "A factor of the right answer is missing from yours.",
    Mistake.CHAIN_RULE: "Revisit the chain rule: multiply by the derivative of the inner function.",
    Mistake.PRODUCT_RULE: "Revisit the product rule: (uv)' = u'v + uv'.",
    Mistake.QUOTIENT_RULE: "Revisit the quotient rule: (u/v)' = (u'v - uv')/v².",
    Mistake.MISSING_TERM: "A term of the right answer is missing from yours.",
    Mistake.EXTRA_TERM: "Your answer has a term too many.",
    Mistake.CONSTANT_OFFSET: "Your answer differs from the right one by a constant: check the constant terms.",
    Mistake.TRANSPOSE: "Check the transposes.",
    Mistake.ORDER: "Your entries are right but some are in the wrong place.",
    Mistake.WRONG_ENTRIES: "Some entries are wrong.",
    Mistake.MISSING_ELEMENTS: "Some values are missing.",
    Mistake.EXTRA_ELEMENTS: "Some values should not be there.",
    Mistake.NOT_DIFFERENTIATED: "Your answer is the function itself: it still has to be differentiated.",
    Mistake.INTEGRATED: "Your answer is an antiderivative: differentiate instead.",
    Mistake.MISSING_SUM: "Your answer is one term of a sum: sum it over the index.",
}


def withheld_message(kind: Mistake) -> str:
    """Advice for ``kind`` that names no expression (used when naming one would give the answer away).

    >>> withheld_message(Mistake.CHAIN_RULE)
    'Revisit the chain rule: multiply by the derivative of the inner function.'
    """
    return _ADVICE[kind]
