"""Context-free relations between a wrong answer ``a`` and the reference ``r``, one class each.

Like the rules of sympy's ``manualintegrate``, each relation is a small class whose
docstring states its formula. A relation proposes the equations that would hold under its
mistake (from the structure of ``r`` and ``a``: its terms, its factors, a constant ratio or
difference read off the screen's values); each is screened numerically from values already
known (:mod:`._screen`), and only one that passes goes to the verifier (the engine that
decides verdicts), which must confirm it, or there is no diagnosis.

>>> import sympy
>>> x = sympy.Symbol("x")
>>> same = lambda left, right: sympy.simplify(left - right) == 0
>>> MissingTerm().find(x**2 + sympy.sin(x), x**2, same).message
'Your answer is missing the term sin(x).'
>>> MissingFactor().find(2 * x * sympy.cos(x**2), sympy.cos(x**2), same).message
'Your answer is missing the factor 2x.'
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property, partial
from itertools import product

import mpmath
import sympy
from sympy import Basic, MatAdd, MatrixBase, MatrixExpr

from derive._mistakes import Mistake

from .._verdict import Diagnosis
from ._screen import Quick, Screen, Values
from ._words import shown

__all__ = ["expanded_terms", "terms_of", "Relation", "Sign", "ConstantFactor", "TermSign", "MissingTerm", "ExtraTerm",
           "MissingFactor", "ConstantOffset", "Verify", "Candidate", "told"]

Verify = Callable[[Basic, Basic], bool]
_MOST_TERMS = 12  # a longer sum is not searched term by term
_MOST_FACTORS = 8  # a longer product is not searched factor by factor
_MOST_PRODUCTS = 256  # products of some of the factors tried for a missing factor
_LOWEST_POWERS = 4  # x^n with n up to this may lose part of its power (x^3 for x^2)


@dataclass(frozen=True)
class Candidate:
    """An equation ``left = right`` that holds if the mistake was made, and what to tell; both
    built only when asked (most candidates are refuted by the screen before either is needed):
    ``claim()`` gives (left, right) and ``telling()`` (message, detail). ``quick``: how the
    screen computes both sides from values it already has (else it evaluates ``left`` and
    ``right`` themselves).

    >>> x = sympy.Symbol("x")
    >>> candidate = Candidate(lambda: (-x, x), told("Check the sign of {term}.", term=x))
    >>> candidate.left, candidate.message, candidate.detail
    (-x, 'Check the sign of x.', {'term': 'x'})
    """

    claim: Callable[[], tuple[Basic, Basic]]
    telling: Callable[[], tuple[str, dict]]
    quick: Quick | None = None

    @cached_property
    def _sides(self) -> tuple[Basic, Basic]:
        return self.claim()

    @cached_property
    def _told(self) -> tuple[str, dict]:
        return self.telling()

    @property
    def left(self) -> Basic:
        return self._sides[0]

    @property
    def right(self) -> Basic:
        return self._sides[1]

    @property
    def message(self) -> str:
        return self._told[0]

    @property
    def detail(self) -> dict:
        return self._told[1]

    def screened(self) -> Quick:
        return self.quick or Quick((self.left, self.right), _as_is)


def told(template: str, **parts: Basic) -> Callable[[], tuple[str, dict]]:
    """What to tell, worked out when asked: ``template`` filled with each of ``parts`` as the
    student reads it (:func:`~._words.shown`), and those texts as the detail.

    >>> told("Your answer is missing the term {term}.", term=sympy.Symbol("x") ** 2)()
    ('Your answer is missing the term x².', {'term': 'x²'})
    """
    def telling() -> tuple[str, dict]:
        detail = {name: shown(part) for name, part in parts.items()}
        return template.format(**detail), detail
    return telling


def _as_is(left, right):
    return left, right


class Relation:
    """A mistake's relation; subclasses yield candidate equations, the first verified one wins."""

    kind: Mistake

    def candidates(self, expected: Basic, answer: Basic, screen: Screen) -> Iterator[Candidate]:
        raise NotImplementedError

    def find(self, expected: Basic, answer: Basic, verify: Verify, screen: Screen | None = None) -> Diagnosis | None:
        """The diagnosis if one candidate passes the screen and is verified, else None."""
        screen = screen or Screen((expected, answer))
        confirm = getattr(verify, "confirm", verify)  # the screen has been passed already
        for candidate in self.candidates(expected, answer, screen):
            if screen.admits(candidate.screened()) and confirm(candidate.left, candidate.right):
                return Diagnosis(self.kind, candidate.message, candidate.detail)
        return None


class Sign(Relation):
    """``a = -r``: the whole answer has the wrong sign."""

    kind = Mistake.SIGN

    def candidates(self, expected: Basic, answer: Basic, screen: Screen) -> Iterator[Candidate]:
        yield Candidate(lambda: (-expected, answer), told("Check the sign: your answer is the negative of the right one."),
                        Quick((expected, answer), lambda r, a: (-r, a)))


class ConstantFactor(Relation):
    """``a = c r`` for a number ``c`` other than 0 and -1 (``c`` read off the ratio ``a / r``).

    Two numbers always have a ratio, so for a reference without variables only a ratio a slip
    explains is named: a power of ten, 2 or 1/2.
    """

    kind = Mistake.CONSTANT_FACTOR

    def candidates(self, expected: Basic, answer: Basic, screen: Screen) -> Iterator[Candidate]:
        factor = screen.constant(screen.values(expected), screen.values(answer), _ratio_of)
        if factor is not None and factor not in (0, 1, -1) and (_has_variables(expected) or _slip_ratio(factor)):
            number = mpmath.mpf(factor.p) / factor.q
            yield Candidate(lambda: (factor * expected, answer),
                            told("Check the constant factors: your answer is {factor} times the right one.", factor=factor),
                            Quick((expected, answer), lambda r, a: (number * r, a)))


class TermSign(Relation):
    """``a = r - 2 t`` for a term ``t`` of ``r``: that term has the wrong sign."""

    kind = Mistake.TERM_SIGN

    def candidates(self, expected: Basic, answer: Basic, screen: Screen) -> Iterator[Candidate]:
        for term in screen.remembered(expanded_terms, expected):
            yield Candidate(partial(_sign_flipped, expected, term, answer), told("Check the sign of the term {term}.", term=term),
                            Quick((expected, term, answer), lambda r, t, a: (r - 2 * t, a)))


class MissingTerm(Relation):
    """``a = r - t`` for a term ``t`` of ``r``."""

    kind = Mistake.MISSING_TERM

    def candidates(self, expected: Basic, answer: Basic, screen: Screen) -> Iterator[Candidate]:
        for term in screen.remembered(expanded_terms, expected):
            yield Candidate(partial(_without, expected, term, answer), told("Your answer is missing the term {term}.", term=term),
                            Quick((expected, term, answer), lambda r, t, a: (r - t, a)))


class ExtraTerm(Relation):
    """``a - s = r`` for a term ``s`` of the answer ``a``."""

    kind = Mistake.EXTRA_TERM

    def candidates(self, expected: Basic, answer: Basic, screen: Screen) -> Iterator[Candidate]:
        for term in screen.remembered(expanded_terms, answer):
            yield Candidate(partial(_with_extra, expected, answer, term),
                            told("The term {term} of your answer should not be there.", term=term),
                            Quick((expected, term, answer), lambda r, s, a: (r, a - s)))


class MissingFactor(Relation):
    """``a q = r`` where ``q`` is a number times a product of some (not all) factors of ``r``
    (a factor's power may be partly kept: ``x`` of ``x^3``); ``q`` is searched on the
    screen's values (``r / a`` over each product must be a small rational), not simplified."""

    kind = Mistake.MISSING_FACTOR

    def candidates(self, expected: Basic, answer: Basic, screen: Screen) -> Iterator[Candidate]:
        if not isinstance(expected, sympy.Expr) or isinstance(expected, MatrixExpr) or answer == 0:
            return
        wanted, given = screen.values(expected), screen.values(answer)
        if wanted is None or given is None or screen.constant(wanted, given, _ratio_of) is not None:
            return  # no values, or a constant ratio: a constant factor, not a missing one
        factors = [(base, power) for base, power in expected.as_powers_dict().items() if not (base ** power).is_number]
        if not 1 < len(factors) <= _MOST_FACTORS or any(screen.values(base) is None for base, _ in factors):
            return
        for powers in _some_of(factors):
            kept = _product_values(screen, factors, powers)
            number = screen.constant(_combined(given, kept), wanted, _ratio_of)  # r / (a q)
            if number is None or number == 0:
                continue
            factor = number * sympy.Mul(*(base ** power for (base, _), power in zip(factors, powers)))
            yield Candidate(partial(_as_is, expected, answer * factor),
                            told("Your answer is missing the factor {factor}.", factor=factor))


class ConstantOffset(Relation):
    """``a = r + c`` for a nonzero number ``c``, where ``r`` depends on variables."""

    kind = Mistake.CONSTANT_OFFSET

    def candidates(self, expected: Basic, answer: Basic, screen: Screen) -> Iterator[Candidate]:
        if not isinstance(expected, sympy.Expr) or isinstance(expected, MatrixExpr) or not expected.free_symbols:
            return
        offset = screen.constant(screen.values(expected), screen.values(answer), lambda r, a: a - r)
        if offset is not None and offset != 0:
            number = mpmath.mpf(offset.p) / offset.q
            yield Candidate(lambda: (expected + offset, answer), _offset_told(offset),
                            Quick((expected, answer), lambda r, a: (r + number, a)))


def _without(expected: Basic, term: Basic, answer: Basic) -> tuple[Basic, Basic]:
    return expected - term, answer


def _sign_flipped(expected: Basic, term: Basic, answer: Basic) -> tuple[Basic, Basic]:
    return expected - 2 * term, answer


def _with_extra(expected: Basic, answer: Basic, term: Basic) -> tuple[Basic, Basic]:
    return expected, answer - term


def _offset_told(offset: Basic) -> Callable[[], tuple[str, dict]]:
    """The constant offset's message names no number (the detail does)."""
    return lambda: ("Your answer differs from the right one by a constant: check the constant terms.",
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


def _ratio_of(expected_value, answer_value):
    return answer_value / expected_value


def _some_of(factors: list[tuple[Basic, Basic]]) -> Iterator[tuple[Basic, ...]]:
    """The powers of each factor in a product of some, not all, of ``factors`` (in a fixed
    order, at most :data:`_MOST_PRODUCTS`): what is left out must still depend on a variable."""
    choices = [_powers_kept(power) for _, power in factors]
    for count, powers in enumerate(product(*choices)):
        if count >= _MOST_PRODUCTS:
            return
        left_out = [base for (base, power), kept in zip(factors, powers) if (base ** (power - kept)).free_symbols]
        if any(kept != 0 for kept in powers) and left_out:
            yield powers


def _powers_kept(power: Basic) -> list[Basic]:
    if power.is_Integer and 1 < power <= _LOWEST_POWERS:
        return [sympy.Integer(k) for k in range(int(power) + 1)]
    return [sympy.Integer(0), power]


def _product_values(screen: Screen, factors: list[tuple[Basic, Basic]], powers: tuple[Basic, ...]) -> Values | None:
    """The values of the product of the kept powers, from the values of each power."""
    result: Values | None = None
    for (base, _), power in zip(factors, powers):
        if power != 0:
            values = screen.values(base ** power)
            result = values if result is None else _combined(result, values)
    return result


def _combined(first: Values | None, second: Values | None,
              operation: Callable[[object, object], object] = lambda a, b: a * b) -> Values | None:
    """Entry by entry, sample by sample (None where either is undefined)."""
    if first is None or second is None:
        return None
    found: Values = []
    for one, other in zip(first, second):
        try:
            found.append(None if one is None or other is None else tuple(operation(a, b) for a, b in zip(one, other)))
        except (ZeroDivisionError, ArithmeticError, ValueError):
            found.append(None)
    return found


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
