"""Context-free relations between a wrong answer ``a`` and the reference ``r``, one class each.

Like the rules of sympy's ``manualintegrate``, each relation is a small class whose
docstring states its formula. A relation proposes the equation that would hold under its
mistake (from the structure of ``r`` and ``a``: its terms, its factors, the ratio or the
difference); the verifier (the engine that decides verdicts) must confirm it, or there is
no diagnosis.

>>> import sympy
>>> x = sympy.Symbol("x")
>>> same = lambda left, right: sympy.simplify(left - right) == 0
>>> MissingTerm().find(x**2 + sympy.sin(x), x**2, same).message
'Your answer is missing the term sin(x).'
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import sympy
from sympy import Basic, MatAdd, MatrixBase, MatrixExpr

from derive._mistakes import Mistake

from .._verdict import Diagnosis
from ._probe import probe
from ._words import shown

__all__ = ["expanded_terms", "terms_of", "Relation", "Sign", "ConstantFactor", "TermSign", "MissingTerm", "ExtraTerm",
           "MissingFactor", "ConstantOffset", "Verify"]

Verify = Callable[[Basic, Basic], bool]
_MOST_TERMS = 12  # a longer sum is not searched term by term
_SMALLEST = 100  # the largest numerator or denominator of a constant factor named


@dataclass(frozen=True)
class Candidate:
    """An equation ``left = right`` that holds if the mistake was made, and what to tell."""

    left: Basic
    right: Basic
    message: str
    detail: dict


class Relation:
    """A mistake's relation; subclasses yield candidate equations, the first verified one wins."""

    kind: Mistake

    def candidates(self, expected: Basic, answer: Basic) -> Iterator[Candidate]:
        raise NotImplementedError

    def find(self, expected: Basic, answer: Basic, verify: Verify) -> Diagnosis | None:
        """The diagnosis if one candidate is verified, else None."""
        for candidate in self.candidates(expected, answer):
            if verify(candidate.left, candidate.right):
                return Diagnosis(self.kind, candidate.message, candidate.detail)
        return None


class Sign(Relation):
    """``a = -r``: the whole answer has the wrong sign."""

    kind = Mistake.SIGN

    def candidates(self, expected: Basic, answer: Basic) -> Iterator[Candidate]:
        yield Candidate(-expected, answer, "Check the sign: your answer is the negative of the right one.", {})


class ConstantFactor(Relation):
    """``a = c r`` for a number ``c`` other than 0 and -1 (``c`` read off the ratio ``a / r``).

    Two numbers always have a ratio, so for a reference without variables only a ratio a slip
    explains is named: a power of ten, 2 or 1/2.
    """

    kind = Mistake.CONSTANT_FACTOR

    def candidates(self, expected: Basic, answer: Basic) -> Iterator[Candidate]:
        factor = _constant_ratio(expected, answer)
        if factor is not None and factor not in (0, 1, -1) and (_has_variables(expected) or _slip_ratio(factor)):
            yield Candidate(factor * expected, answer,
                            f"Check the constant factors: your answer is {shown(factor)} times the right one.",
                            {"factor": shown(factor)})


class TermSign(Relation):
    """``a = r - 2 t`` for a term ``t`` of ``r``: that term has the wrong sign."""

    kind = Mistake.TERM_SIGN

    def candidates(self, expected: Basic, answer: Basic) -> Iterator[Candidate]:
        for term in expanded_terms(expected):
            yield Candidate(expected - 2 * term, answer, f"Check the sign of the term {shown(term)}.",
                            {"term": shown(term)})


class MissingTerm(Relation):
    """``a = r - t`` for a term ``t`` of ``r``."""

    kind = Mistake.MISSING_TERM

    def candidates(self, expected: Basic, answer: Basic) -> Iterator[Candidate]:
        for term in expanded_terms(expected):
            yield Candidate(expected - term, answer, f"Your answer is missing the term {shown(term)}.",
                            {"term": shown(term)})


class ExtraTerm(Relation):
    """``a - s = r`` for a term ``s`` of the answer ``a``."""

    kind = Mistake.EXTRA_TERM

    def candidates(self, expected: Basic, answer: Basic) -> Iterator[Candidate]:
        for term in expanded_terms(answer):
            yield Candidate(expected, answer - term, f"The term {shown(term)} of your answer should not be there.",
                            {"term": shown(term)})


class MissingFactor(Relation):
    """``a q = r`` where ``q = r / a`` is a product of some (not all) factors of ``r``, not a number."""

    kind = Mistake.MISSING_FACTOR

    def candidates(self, expected: Basic, answer: Basic) -> Iterator[Candidate]:
        if not isinstance(expected, sympy.Expr) or isinstance(expected, MatrixExpr):
            return
        if answer == 0 or probe().constant(expected / answer) is not None:
            return  # a constant ratio is a constant factor, not a missing one
        factor = _ratio(expected, answer)
        if factor is not None and factor.free_symbols and _divides(factor, expected):
            yield Candidate(expected, answer * factor, f"Your answer is missing the factor {shown(factor)}.",
                            {"factor": shown(factor)})


class ConstantOffset(Relation):
    """``a = r + c`` for a nonzero number ``c``, where ``r`` depends on variables."""

    kind = Mistake.CONSTANT_OFFSET

    def candidates(self, expected: Basic, answer: Basic) -> Iterator[Candidate]:
        if not isinstance(expected, sympy.Expr) or isinstance(expected, MatrixExpr) or not expected.free_symbols:
            return
        offset = probe().constant(answer - expected)
        if offset is not None and offset != 0:
            yield Candidate(expected + offset, answer,
                            "Your answer differs from the right one by a constant: check the constant terms.",
                            {"offset": shown(offset)})


def terms_of(obj: Basic) -> tuple[Basic, ...]:
    """The additive terms of a sum (scalar or matrix); a single term for anything else.

    >>> x = sympy.Symbol("x")
    >>> len(terms_of(x**2 + 2*x + 1)), terms_of(x)
    (3, (x,))
    """
    if isinstance(obj, MatAdd) or (isinstance(obj, sympy.Add) and not isinstance(obj, MatrixBase)):
        return tuple(obj.args) if len(obj.args) <= _MOST_TERMS else ()
    return (obj,)


def expanded_terms(obj: Basic) -> Iterator[Basic]:
    """The terms of a sum as written, then those of its expansion (``2 A^T (A x - b)`` has the
    terms ``2 A^T A x`` and ``-2 A^T b``); nothing for a single term.

    >>> x = sympy.Symbol("x")
    >>> list(expanded_terms(x * (x + 1)))
    [x, x**2]
    """
    written = terms_of(obj)
    yield from written if len(written) > 1 else ()
    try:
        expanded = terms_of(obj.expand())
    except (TypeError, ValueError, AttributeError, NotImplementedError):
        return
    yield from (term for term in expanded if term not in written) if len(expanded) > 1 else ()


def _simplest(obj: Basic) -> Basic | None:
    """``obj`` brought to a simple form by cheap rewrites (cancel), or None if that fails."""
    try:
        return sympy.cancel(sympy.together(obj))
    except (TypeError, ValueError, AttributeError, NotImplementedError, sympy.PolynomialError):
        return None


def _ratio(expected: Basic, answer: Basic) -> Basic | None:
    if answer == 0 or not isinstance(answer, sympy.Expr):
        return None
    return _simplest(sympy.powsimp(expected / answer))


def _constant_ratio(expected: Basic, answer: Basic) -> Basic | None:
    """The number ``c`` with ``answer = c expected`` read off the structure, or None."""
    if isinstance(expected, MatrixBase) and isinstance(answer, MatrixBase) and expected.shape == answer.shape:
        pairs = [(e, a) for e, a in zip(expected, answer) if e != 0]
        expected, answer = pairs[0] if pairs else (None, None)
    elif isinstance(expected, MatrixExpr) and isinstance(answer, MatrixExpr):
        (c_e, rest_e), (c_a, rest_a) = _coefficient(expected), _coefficient(answer)
        ratio = sympy.nsimplify(c_a / c_e) if rest_e == rest_a and c_e != 0 else None
        return ratio if _small_rational(ratio) else None
    if not isinstance(expected, sympy.Expr) or not isinstance(answer, sympy.Expr) or expected == 0:
        return None
    return probe().constant(answer / expected)


def _has_variables(obj: Basic) -> bool:
    return bool(getattr(obj, "free_symbols", ()))


def _slip_ratio(number: Basic) -> bool:
    """2, 1/2 or a power of ten (up to sign): the ratios a slip between two numbers explains.

    >>> [_slip_ratio(sympy.Rational(n)) for n in ("10", "1/100", "-2", "10/191")]
    [True, True, True, False]
    """
    if not isinstance(number, sympy.Rational):
        return False
    size = abs(number)
    if size in (2, sympy.Rational(1, 2)):
        return True
    power = size if size >= 1 else 1 / size
    return power.is_Integer and str(power.p).strip("0") == "1"


def _small_rational(number: Basic | None) -> bool:
    """A ratio a student's slip gives: p/q with small p and q (not 10^-12, not (3 + 2e^2)/(3 + 3e^2))."""
    return isinstance(number, sympy.Rational) and abs(number.p) <= _SMALLEST and number.q <= _SMALLEST


def _coefficient(obj: MatrixExpr) -> tuple[Basic, Basic]:
    if isinstance(obj, sympy.MatMul):
        coefficient, rest = obj.as_coeff_mmul()
        return coefficient, rest.doit() if hasattr(rest, "doit") else rest
    return sympy.Integer(1), obj


def _divides(factor: Basic, expected: Basic) -> bool:
    """Whether ``factor`` is a product of some (not all) of the factors of ``expected``: what
    remains of ``expected`` without it still depends on a variable."""
    available = expected.as_powers_dict()
    for base, exponent in factor.as_powers_dict().items():
        if (base ** exponent).is_number:
            continue
        have = available.get(base)
        if have is None or not (exponent == have or (exponent.is_number and have.is_number and 0 < exponent < have)):
            return False
    return bool(_simplest(expected / factor).free_symbols)
