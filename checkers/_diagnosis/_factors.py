"""Term relations inside one factor of a product: the mistake is in one factor, the rest is right.

A product answer ``a = g * (the rest)`` is paired with a factor ``f`` of the product reference
``r = f * (the rest)`` when the rests agree on the screen's values (``r g = a f`` at every
sample; for two powers with the same exponent, ``f`` and ``g`` are their bases). A term
relation (:class:`~._relations.MissingTerm`, :class:`~._relations.ExtraTerm`,
:class:`~._relations.TermSign`) is then sought between ``f`` and ``g``, screened on their values,
and the whole claim is verified by the engine: the answer equals the reference with ``f``
replaced by ``f - t`` (a missing term, ``f - 2t``: a flipped sign), or the reference equals the
answer with ``g`` replaced by ``g - s`` (an extra term). Nothing rests on the pairing: it only
chooses which candidates to try. Products are taken as written and with the numbers of each
factor gathered into one coefficient (``2(a + φ₁)`` read as ``2a + 2φ₁``).

>>> import sympy
>>> x, y = sympy.symbols("x y")
>>> same = lambda left, right: sympy.simplify(left - right) == 0
>>> InOneFactor(ExtraTerm()).find(2 * (x**2 - y) * sympy.sin(x), 2 * (x**2 - y) * (sympy.sin(x) + y), same).message
'In your factor y + sin(x), the term y should not be there.'
>>> InOneFactor(TermSign()).find((x - 1) * (x + y), (x + 1) * (x + y), same).detail
{'term': '-1', 'factor': 'x + 1'}
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from itertools import product

import sympy
from sympy import Basic, MatrixExpr

from derive._mistakes import Mistake

from ._relations import Candidate, ExtraTerm, MissingTerm, Relation, TermSign
from ._screen import Quick, Screen
from ._words import shown

__all__ = ["InOneFactor"]

_MOST_FACTORS = 8  # a longer product is not searched factor by factor
_MESSAGES = {  # what to tell, naming the student's own factor and the term
    Mistake.MISSING_TERM: "Your factor {factor} is missing the term {term}.",
    Mistake.EXTRA_TERM: "In your factor {factor}, the term {term} should not be there.",
    Mistake.TERM_SIGN: "In your factor {factor}, check the sign of the term {term}.",
}


class InOneFactor(Relation):
    """``a = r`` with one factor ``f^e`` of ``r`` replaced by ``g^e``, where ``g`` and ``f`` are
    in the term relation ``inner`` (``g = f - t``, ``g - s = f`` or ``g = f - 2t``)."""

    def __init__(self, inner: MissingTerm | ExtraTerm | TermSign) -> None:
        self.inner = inner
        self.kind = inner.kind

    def candidates(self, expected: Basic, answer: Basic, screen: Screen) -> Iterator[Candidate]:
        for references, answers, mine, theirs in screen.remembered(_pairings, expected, answer, screen):
            (given, power), factor = answers[mine].as_base_exp(), references[theirs].as_base_exp()[0]
            for inner in self.inner.candidates(factor, given, screen):
                yield Candidate(partial(_in_factor, references, theirs, answers, mine, power, inner),
                                partial(_told_in_factor, self.kind, inner, given), inner.screened())


def _pairings(expected: Basic, answer: Basic, screen: Screen) -> Iterator[tuple[tuple, tuple, int, int]]:
    """(factors of the reference, factors of the answer, positions of the paired factors in each)
    for every way of writing both as products (the same for every inner relation: remembered)."""
    for references, answers in product(_factorings(expected), _factorings(answer)):
        for mine, theirs in _paired_factors(expected, answer, references, answers, screen):
            yield references, answers, mine, theirs


def _in_factor(references: tuple[Basic, ...], theirs: int, answers: tuple[Basic, ...], mine: int, power: Basic,
               inner: Candidate) -> tuple[Basic, Basic]:
    """The reference with f replaced (or as is) and the answer with g replaced (or as is)."""
    return _replaced(references, theirs, inner.left ** power), _replaced(answers, mine, inner.right ** power)


def _told_in_factor(kind: Mistake, inner: Candidate, given: Basic) -> tuple[str, dict]:
    detail = {**inner.detail, "factor": shown(given)}
    return _MESSAGES[kind].format(**detail), detail


def _paired_factors(expected: Basic, answer: Basic, references: tuple[Basic, ...], answers: tuple[Basic, ...],
                    screen: Screen) -> Iterator[tuple[int, int]]:
    """(position in ``answers``, position in ``references``) of factors ``g^e`` and ``f^e`` with
    the same power where ``g`` or ``f`` is a sum (has terms to relate) and the rests agree on the
    screen's values (``r g^e = a f^e``)."""
    for (mine, given), (theirs, factor) in product(enumerate(answers), enumerate(references)):
        (base, power), (other, exponent) = given.as_base_exp(), factor.as_base_exp()
        if given == factor or power != exponent or not (isinstance(base, sympy.Add) or isinstance(other, sympy.Add)):
            continue
        if given.is_number or factor.is_number or screen.values(given) is None or screen.values(factor) is None:
            continue
        if screen.admits(Quick((expected, factor, answer, given), lambda r, f, a, g: (r * g, a * f))):
            yield mine, theirs


def _replaced(factors: tuple[Basic, ...], index: int, factor: Basic) -> Basic:
    """The product of ``factors`` with the one at ``index`` replaced by ``factor``."""
    return sympy.Mul(*(factor if k == index else f for k, f in enumerate(factors)))


def _factorings(obj: Basic) -> tuple[tuple[Basic, ...], ...]:
    """The factors of a scalar product as written, and with the numbers taken out of each into
    one leading coefficient (``(2y + 2 sin x)(x² - y)``: also 2, ``y + sin x``, ``x² - y``); none
    for anything else or a longer product than is searched.

    >>> x, y = sympy.symbols("x y")
    >>> _factorings((2 * y + 2 * sympy.sin(x)) * (x**2 - y))
    ((x**2 - y, 2*y + 2*sin(x)), (2, x**2 - y, y + sin(x)))
    """
    if not isinstance(obj, sympy.Mul) or isinstance(obj, MatrixExpr) or obj.atoms(sympy.MatrixSymbol):
        return ()
    written, coefficient, factors = sympy.Mul.make_args(obj), sympy.Integer(1), []
    for arg in written:
        number, rest = arg.as_content_primitive() if not arg.is_number else (arg, sympy.Integer(1))
        coefficient *= number
        factors.extend(() if rest == 1 else (rest,))
    found = (written, (coefficient, *factors)) if (coefficient, *factors) != written else (written,)
    return tuple(f for f in found if len(f) <= _MOST_FACTORS)
