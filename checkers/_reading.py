"""What a reader returns: the members of an answer's ``=`` chain, and how it was read.

>>> from sympy import Symbol
>>> r = Reading(members=(Symbol("y"), 2 * Symbol("x")), notation="plain", text="y = 2x")
>>> r.value, r.read_as
(2*x, 'y = 2 x')
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import sympy
from sympy.printing.str import StrPrinter

from derive._render._printers import clean_latex

__all__ = ["Reading", "DecimalLiteral", "to_latex", "to_text"]


@dataclass(frozen=True)
class DecimalLiteral:
    """A decimal number as written (``1.979``, ``2.0``, ``1.5e-3``): its exact value, its
    significant digits and its decimal places (the place of the last digit written).

    >>> DecimalLiteral.of("0.0730")
    DecimalLiteral(text='0.0730', value=73/1000, significant=3, places=4)
    >>> DecimalLiteral.of("1.5e-3").places
    4
    """

    text: str
    value: sympy.Rational
    significant: int
    places: int

    @classmethod
    def of(cls, literal: str, value: sympy.Rational | None = None) -> DecimalLiteral:
        mantissa, _, exponent = literal.lower().replace("_", "").partition("e")
        whole, _, fraction = mantissa.partition(".")
        digits = (whole + fraction).lstrip("0") or "0"
        places = len(fraction) - int(exponent or 0)
        return cls(literal, value if value is not None else sympy.Rational(mantissa) * sympy.Integer(10) ** int(exponent or 0),
                   len(digits), places)


@dataclass(frozen=True)
class Reading:
    """An answer as read: ``members`` are the sides of ``a = b = c`` (one when no ``=``);
    ``decimals`` are the decimal numbers it was written with, in reading order."""

    members: tuple[sympy.Basic, ...]
    notation: str  # "latex", "unicode", "plain" or "sympy"
    text: str = ""
    decimals: tuple[DecimalLiteral, ...] = ()

    @property
    def value(self) -> sympy.Basic:
        """The last member: what an answer is graded on."""
        return self.members[-1]

    @property
    def read_as(self) -> str:
        """How the answer was understood, in LaTeX (decimals as the student wrote them)."""
        return " = ".join(to_latex(_as_written(member, self.decimals)) for member in self.members)


def to_latex(obj: object) -> str:
    """LaTeX for any sympy object the readers produce, with derive's printer (its own
    objects print as written: softmax(z), diag(s), tanh'(u), a'(u)); never raises.

    >>> to_latex(sympy.FiniteSet(1, 3))
    '\\\\left\\\\{1, 3\\\\right\\\\}'
    """
    try:
        return clean_latex(obj)
    except Exception:  # a printer gap (or a number too long for Python to print) must not hide the verdict
        return to_text(obj)


class _TextPrinter(StrPrinter):
    """sympy syntax, but an integer too long for Python's int-to-text limit is described."""

    def _print_Integer(self, expr: sympy.Integer) -> str:
        if abs(int(expr.p)).bit_length() > _LONGEST_PRINTED_BITS:
            return f"<a number of {int(math.log10(abs(int(expr.p)))) + 1} digits>"
        return super()._print_Integer(expr)

    def _print_Rational(self, expr: sympy.Rational) -> str:
        return f"{self._print(sympy.Integer(expr.p))}/{self._print(sympy.Integer(expr.q))}"


_LONGEST_PRINTED_BITS = 12_000  # about 3,600 digits, below Python's 4,300-digit int-to-text limit


def to_text(obj: object, *, order: str | None = None) -> str:
    """sympy syntax for any object, never raising (a huge integer is described, not printed).

    >>> to_text(sympy.Integer(10) ** 5000)
    '<a number of 5001 digits>'
    """
    try:
        return _TextPrinter({"order": order}).doprint(obj) if isinstance(obj, sympy.Basic) else str(obj)
    except Exception:  # the last resort: what the object is, never a traceback
        return f"<{type(obj).__name__}>"


def _as_written(member: object, decimals: tuple[DecimalLiteral, ...]) -> object:
    """The member with each fraction that came from a decimal shown as that decimal (1.979,
    not 1979/1000); only for display."""
    shown = {}
    for literal in decimals:
        if literal.value == member:
            return sympy.Symbol(literal.text)  # the whole answer is this decimal: 2.0, not 2
        if not literal.value.is_Integer:
            shown.setdefault(literal.value, sympy.Symbol(literal.text))
            shown.setdefault(-literal.value, -sympy.Symbol(literal.text))
    if not shown or not isinstance(member, (sympy.Basic, sympy.MatrixBase)):
        return member
    try:
        return member.xreplace(shown)
    except (TypeError, ValueError, AttributeError):
        return member
