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
from ._words import shown

__all__ = ["Relation", "Sign", "ConstantFactor", "TermSign", "MissingTerm", "ExtraTerm", "MissingFactor",
           "ConstantOffset", "Verify"]

Verify = Callable[[Basic, Basic], bool]
_MOST_TERMS = 12  # a longer sum is not searched term by term


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
    """``a = c r`` for a number ``c`` other than 0 and -1 (``c`` read off the ratio ``a / r``)."""

    kind = Mistake.CONSTANT_FACTOR

    def candidates(self, expected: Basic, answer: Basic) -> Iterator[Candidate]:
        factor = _constant_ratio(expected, answer)
        if factor is not None and factor not in (0, 1, -1):
            yield Candidate(factor * expected, answer,
                            f"Check the constant factors: your answer is {shown(factor)} times the right one.",
                            {"factor": shown(factor)})


class TermSign(Relation):
    """``a = r - 2 t`` for a term ``t`` of ``r``: that term has the wrong sign."""

    kind = Mistake.TERM_SIGN

    def candidates(self, expected: Basic, answer: Basic) -> Iterator[Candidate]:
        terms = terms_of(expected)
        for term in terms if len(terms) > 1 else ():
            yield Candidate(expected - 2 * term, answer, f"Check the sign of the term {shown(term)}.",
                            {"term": shown(term)})


class MissingTerm(Relation):
    """``a = r - t`` for a term ``t`` of ``r``."""

    kind = Mistake.MISSING_TERM

    def candidates(self, expected: Basic, answer: Basic) -> Iterator[Candidate]:
        terms = terms_of(expected)
        for term in terms if len(terms) > 1 else ():
            yield Candidate(expected - term, answer, f"Your answer is missing the term {shown(term)}.",
                            {"term": shown(term)})


class ExtraTerm(Relation):
    """``a - s = r`` for a term ``s`` of the answer ``a``."""

    kind = Mistake.EXTRA_TERM

    def candidates(self, expected: Basic, answer: Basic) -> Iterator[Candidate]:
        terms = terms_of(answer)
        for term in terms if len(terms) > 1 else ():
            yield Candidate(expected, answer - term, f"The term {shown(term)} of your answer should not be there.",
                            {"term": shown(term)})


class MissingFactor(Relation):
    """``a q = r`` where ``q = r / a`` is a product of some (not all) factors of ``r``, not a number."""

    kind = Mistake.MISSING_FACTOR

    def candidates(self, expected: Basic, answer: Basic) -> Iterator[Candidate]:
        if not isinstance(expected, sympy.Expr) or isinstance(expected, MatrixExpr):
            return
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
        offset = _simplest(answer - expected)
        if offset is not None and offset.is_number and offset != 0:
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
        return sympy.nsimplify(c_a / c_e) if rest_e == rest_a and c_e != 0 else None
    if not isinstance(expected, sympy.Expr) or not isinstance(answer, sympy.Expr) or expected == 0:
        return None
    ratio = _simplest(sympy.powsimp(answer / expected))
    return ratio if ratio is not None and ratio.is_number and ratio.is_real else None


def _coefficient(obj: MatrixExpr) -> tuple[Basic, Basic]:
    if isinstance(obj, sympy.MatMul):
        coefficient, rest = obj.as_coeff_mmul()
        return coefficient, rest.doit() if hasattr(rest, "doit") else rest
    return sympy.Integer(1), obj


def _divides(factor: Basic, expected: Basic) -> bool:
    """Whether ``factor`` is a product of some (not all) of the factors of ``expected``."""
    available = sympy.factor_terms(expected).as_powers_dict()
    wanted = factor.as_powers_dict()
    for base, exponent in wanted.items():
        if base.is_number:
            continue
        have = available.get(base)
        if have is None or not (exponent == have or (exponent.is_number and have.is_number and 0 < exponent < have)):
            return False
    return sympy.cancel(expected / factor).free_symbols != set() or len(wanted) < len(available)
