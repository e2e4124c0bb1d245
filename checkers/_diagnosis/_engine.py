"""What a diagnosis works with: a verifier (the engine that decides equivalence) and its findings.

A relation only *proposes* what the answer would be under a mistake; :class:`Verifier`
decides, with the same :class:`~checkers._compare.Comparison` that decides verdicts
(identity, proof, or agreement at many points with re-verification), whether the answer
really is that. Anything short of ``correct`` (incorrect, undecided, an error) is "no".

>>> import sympy
>>> from checkers._budget import Budget
>>> x = sympy.Symbol("x")
>>> with Budget(2.0) as budget:
...     verify = Verifier.for_budget(budget, seed_text="doc").screened([2*x, x])
...     verify(-2*x, -x - x), verify(2*x, x), verify.calls
(True, False, 1)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sympy import Basic

from derive._log import LOG

from .._budget import Budget
from .._compare import Comparison
from .._verdict import Diagnosis, Status
from ._screen import Screen

__all__ = ["Verifier", "Finding"]


@dataclass(frozen=True)
class Finding:
    """What a diagnosis found: the verified mistake (or None) and the partial credit of a
    structured answer (the fraction of entries or elements right; None when not computed)."""

    diagnosis: Diagnosis | None = None
    partial_credit: float | None = None


class Verifier:
    """``verify(left, right)`` is True only when the engine decides the two equal; a pair the
    screen (:mod:`._screen`, the diagnosis's shared sample values) shows to differ is refuted
    first without the engine."""

    def __init__(self, comparison: Comparison, screen: Screen | None = None) -> None:
        self.comparison = comparison
        self.screen = screen
        self.calls = 0

    @classmethod
    def for_budget(cls, budget: Budget, *, seed_text: str, assumptions: Sequence[Basic] = (),
                   rtol: float = 1e-12) -> Verifier:
        """A verifier whose comparisons spend ``budget`` (seeded by ``seed_text``)."""
        return cls(Comparison(budget, seed_text=f"diagnosis|{seed_text}", assumptions=assumptions, rtol=rtol))

    def screened(self, objects: Sequence[Basic]) -> Verifier:
        """The same engine with a screen sampled for ``objects`` (the reference and the answer)."""
        return Verifier(self.comparison, Screen(objects, assumptions=self.comparison.assumptions))

    def __call__(self, left: Basic, right: Basic) -> bool:
        if self.screen is not None and self.screen.differ(left, right):
            return False  # a quick refutation; only agreement needs the whole engine
        return self.confirm(left, right)

    def confirm(self, left: Basic, right: Basic) -> bool:
        """The engine's decision alone (for a pair that passed the screen already)."""
        self.calls += 1
        try:
            return self.comparison.compare(left, right).status is Status.CORRECT
        except Exception as error:  # a candidate sympy cannot handle is simply not verified
            LOG.debug("a diagnosis candidate could not be compared", exc_info=error)
            return False
