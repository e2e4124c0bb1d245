r"""A decimal answer to a question that asks for a value: right to the digits given.

When a part asks for a number, a vector or a tuple of numbers, an entry the student wrote
as a decimal (``1.979`` for :math:`(2 + \sin\frac{\pi}{4})/(1 + e^{-1})`) is accepted
when it is the exact value rounded or truncated in its last digit, with at least
:data:`MIN_SIGNIFICANT` significant digits. Which entries are decimals, and how many digits
each has, comes from the reading (:class:`checkers.Reading` ``decimals``), not from the text.

>>> from ._reading import DecimalLiteral
>>> agreement(sympy.pi, DecimalLiteral.of("3.1416")), agreement(sympy.pi, DecimalLiteral.of("3.141"))
('agrees', 'agrees')
>>> agreement(sympy.pi, DecimalLiteral.of("3.15")), agreement(sympy.pi, DecimalLiteral.of("3.1"))
('differs', 'too few digits')
"""

from __future__ import annotations

import decimal
from collections.abc import Callable, Sequence

import sympy
from sympy import Basic, ImmutableMatrix

from ._canonical import as_vector_if_tuple
from ._outcome import Outcome
from ._reading import DecimalLiteral
from ._verdict import Method, Status

__all__ = ["MIN_SIGNIFICANT", "agreement", "decimal_outcome"]

MIN_SIGNIFICANT = 3
_DIGITS = 60
_ROUNDINGS = (decimal.ROUND_HALF_UP, decimal.ROUND_HALF_EVEN, decimal.ROUND_DOWN)


def agreement(exact: Basic, literal: DecimalLiteral, sign: int = 1) -> str:
    """``agrees``, ``too few digits`` (right, but fewer than 3 significant digits) or ``differs``."""
    context = decimal.Context(prec=_DIGITS)
    value = context.create_decimal(str(sympy.N(exact, _DIGITS)))
    written = context.create_decimal(literal.text) * sign
    step = decimal.Decimal(1).scaleb(-literal.places)
    if not any(value.quantize(step, rounding=rounding, context=context) == written for rounding in _ROUNDINGS):
        return "differs"
    return "agrees" if literal.significant >= MIN_SIGNIFICANT else "too few digits"


def decimal_outcome(expected: Basic, answer: Basic, decimals: Sequence[DecimalLiteral],
                    same: Callable[[Basic, Basic], bool]) -> Outcome | None:
    """The outcome when the answer's decimal entries carry it: every entry written as a
    decimal agrees with the exact value, and every other entry is ``same`` as expected.
    None when that is not the case (the ordinary comparison stands)."""
    pairs = _pairs(expected, answer)
    if not decimals or pairs is None:
        return None
    judged: list[tuple[int, DecimalLiteral, str]] = []
    for index, (exact, entry) in enumerate(pairs, start=1):
        literal = _literal(entry, decimals)
        if literal is not None and isinstance(exact, sympy.Expr) and exact.is_number and exact.is_real:
            judged.append((index, literal, agreement(exact, literal, -1 if entry.is_negative else 1)))
        elif not same(exact, entry):
            return None
    if not judged:
        return None
    for verdict in ("differs", "too few digits"):
        found = next(((index, literal) for index, literal, said in judged if said == verdict), None)
        if found is not None:
            return Outcome(Status.INCORRECT, Method.NUMERIC, True, _refusal(verdict, *found, len(pairs) > 1))
    written = ", ".join(literal.text for _, literal, _ in judged)
    return Outcome(Status.CORRECT, Method.NUMERIC, False,
                   f"Correct: {written} {'agrees' if len(judged) == 1 else 'agree'} with the exact value "
                   "to the digits given.")


def _refusal(verdict: str, index: int, literal: DecimalLiteral, several: bool) -> str:
    subject = f"entry {index}, {literal.text}," if several else literal.text
    if verdict == "differs":
        places = f"{literal.places} decimal place{'s' * (literal.places != 1)}" if literal.places > 0 else "the digits given"
        return f"Incorrect: {subject} is not the exact value rounded or truncated to {places}."
    digits = f"{literal.significant} significant digit{'s' * (literal.significant != 1)}"
    return f"Incorrect: {subject} has {digits}; a decimal answer needs at least {MIN_SIGNIFICANT}."


def _pairs(expected: Basic, answer: Basic) -> list[tuple[Basic, Basic]] | None:
    """Expected and answered entries side by side (scalars, vectors, tuples), or None."""
    expected, answer = as_vector_if_tuple(expected, answer)
    if isinstance(expected, ImmutableMatrix) and isinstance(answer, ImmutableMatrix):
        if len(expected) != len(answer) or min(expected.shape) != min(answer.shape):
            return None
        return list(zip(expected, answer))
    if isinstance(expected, sympy.Tuple) and isinstance(answer, sympy.Tuple):
        if len(expected) != len(answer):
            return None
        pairs = [_pairs(e, a) for e, a in zip(expected, answer)]
        return None if any(p is None for p in pairs) else [pair for p in pairs for pair in p]
    if isinstance(expected, sympy.Expr) and isinstance(answer, sympy.Expr) and not isinstance(answer, sympy.MatrixExpr):
        return [(expected, answer)]
    return None


def _literal(entry: Basic, decimals: Sequence[DecimalLiteral]) -> DecimalLiteral | None:
    """The decimal an entry was written as (``-0.517`` is the literal 0.517, negated)."""
    if not isinstance(entry, sympy.Rational):
        return None
    return next((literal for literal in decimals if literal.value == abs(entry)), None)
