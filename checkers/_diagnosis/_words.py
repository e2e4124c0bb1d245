"""How a diagnosis names a factor, term or entry for the student.

>>> import sympy
>>> x = sympy.Symbol("x")
>>> shown(2*x), positions([2, 3]), positions([(1, 2)])
('2x', 'entries 2 and 3', 'the entry in row 1, column 2')
"""

from __future__ import annotations

from collections.abc import Sequence

from derive._render._unicode import unicode_text

__all__ = ["shown", "positions", "count_of"]


def shown(obj: object) -> str:
    """The object as a student reads it (``2x``, ``sin(x²)``, ``Aᵀb``): derive's Unicode text, never sympy syntax."""
    try:
        return unicode_text(obj)
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
