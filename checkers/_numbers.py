"""Exact numbers within the caps: decimal literals read exactly (and recorded with their
digits for the reading being made), and a cap on the digits of every number the readers
build, applied *before* big-integer arithmetic can run long (C-level arithmetic cannot be
interrupted by a budget once it has started).

>>> number("1.5e-3"), number_digits(sympy.Integer(10) ** 30)
(3/2000, 31)
>>> within_caps(sympy.Integer(2) ** 2000)
Traceback (most recent call last):
...
checkers._errors.Refused: this number has 603 digits; numbers here may have at most 500
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

import sympy
from sympy import Basic, MatrixBase

from ._errors import Refused
from ._limits import DEFAULT_LIMITS, Limits
from ._reading import DecimalLiteral

__all__ = ["number", "recording_decimals", "number_digits", "within_caps", "check_power_size", "require_digits"]

_DECIMALS: ContextVar[list[DecimalLiteral] | None] = ContextVar("decimals written", default=None)


def number(literal: str, limits: Limits = DEFAULT_LIMITS) -> Basic:
    """The exact value of a decimal literal (``12``, ``0.5``, ``1.5e-3``) within the caps; a
    decimal (with a point or an exponent) is recorded, with its digits, for the reading
    being made (see :func:`recording_decimals`).

    >>> number("1.5e-3")
    3/2000
    >>> with recording_decimals() as written:
    ...     _ = number("1.979"), number("2")
    >>> [(d.text, d.significant) for d in written]
    [('1.979', 4)]
    """
    mantissa, _, exponent = literal.lower().replace("_", "").partition("e")
    if len(mantissa.replace(".", "").lstrip("0")) > limits.max_integer_digits:
        raise Refused(f"a number has more than {limits.max_integer_digits} digits")
    value = sympy.Rational(mantissa) if "." in mantissa else sympy.Integer(mantissa)
    if exponent and abs(int(exponent)) > limits.max_exponent:
        raise Refused("this number's exponent is too large")
    value = value * sympy.Integer(10) ** int(exponent) if exponent else value
    written = _DECIMALS.get()
    if written is not None and ("." in mantissa or exponent):
        written.append(DecimalLiteral.of(literal, value))
    return value


@contextmanager
def recording_decimals() -> Iterator[list[DecimalLiteral]]:
    """Collect the decimal literals :func:`number` reads inside the block (one reading)."""
    written: list[DecimalLiteral] = []
    token = _DECIMALS.set(written)
    try:
        yield written
    finally:
        _DECIMALS.reset(token)


def check_power_size(base: Basic, exponent: Basic, limits: Limits) -> None:
    """Refuse a power whose exponent or exact value would be too large to work with, before
    computing it (big-integer arithmetic cannot be interrupted once it has started)."""
    if exponent.is_Number and abs(exponent) > limits.max_exponent:
        raise Refused(f"exponent {exponent} is larger than {limits.max_exponent}")
    if base.is_Rational and exponent.is_Rational and base not in (0, 1, -1):
        require_digits(float(abs(exponent)) * _log10(base), limits)


def number_digits(value: Basic) -> int:
    """Decimal digits of the larger of a rational number's numerator and denominator
    (estimated from its bit length, without printing it).

    >>> number_digits(sympy.Integer(10) ** 30), number_digits(sympy.Rational(1, 7))
    (31, 1)
    """
    return int(_log10(value)) + 1 if value.is_Rational else 0


def _log10(value: Basic) -> float:
    """log10 of the larger of |numerator| and denominator (exact for big integers too)."""
    return math.log10(max(abs(int(value.p)), int(value.q), 1))


def within_caps(value: Basic, limits: Limits = DEFAULT_LIMITS) -> Basic:
    """``value``, unless a number in it has more digits than the caps allow (a reader checks
    every value it builds, so big-integer arithmetic never runs long).

    >>> within_caps(sympy.Integer(2) ** 2000)
    Traceback (most recent call last):
    ...
    checkers._errors.Refused: this number has 603 digits; numbers here may have at most 500
    """
    if isinstance(value, Basic) and not isinstance(value, MatrixBase):
        numbers = (value,) if value.is_Rational else (arg for arg in value.args if arg.is_Rational)
        for number in numbers:
            require_digits(_log10(number), limits)
    return value


def require_digits(log10: float, limits: Limits) -> None:
    """Refuse a number whose decimal logarithm says it has more digits than the caps allow."""
    if int(log10) + 1 > limits.max_number_digits:
        raise Refused(f"this number has {int(log10) + 1} digits; numbers here may have at most {limits.max_number_digits}")
