"""What a reader returns: the members of an answer's ``=`` chain, and how it was read.

>>> from sympy import Symbol
>>> r = Reading(members=(Symbol("y"), 2 * Symbol("x")), notation="plain", text="y = 2x")
>>> r.value, r.read_as
(2*x, 'y = 2 x')
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy

from derive._render._printers import clean_latex

__all__ = ["Reading", "to_latex"]


@dataclass(frozen=True)
class Reading:
    """An answer as read: ``members`` are the sides of ``a = b = c`` (one when no ``=``)."""

    members: tuple[sympy.Basic, ...]
    notation: str  # "latex", "plain" or "sympy"
    text: str = ""

    @property
    def value(self) -> sympy.Basic:
        """The last member: what an answer is graded on."""
        return self.members[-1]

    @property
    def read_as(self) -> str:
        """How the answer was understood, in LaTeX."""
        return " = ".join(to_latex(member) for member in self.members)


def to_latex(obj: object) -> str:
    """LaTeX for any sympy object the readers produce, with derive's printer (its own
    objects print as written: softmax(z), diag(s), tanh'(u), a'(u)); never raises.

    >>> to_latex(sympy.FiniteSet(1, 3))
    '\\\\left\\\\{1, 3\\\\right\\\\}'
    """
    try:
        return clean_latex(obj)
    except Exception:  # a printer gap must not hide the verdict
        return str(obj)
