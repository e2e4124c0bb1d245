"""What a diagnosis works with: a verifier (the engine that decides equivalence) and its findings.

A relation only *proposes* what the answer would be under a mistake; :class:`Verifier`
decides, with the same :class:`~checkers._compare.Comparison` that decides verdicts
(identity, proof, or agreement at many points with re-verification), whether the answer
really is that. Anything short of ``correct`` (incorrect, undecided, an error) is "no".

>>> import sympy
>>> from checkers._budget import Budget
>>> x = sympy.Symbol("x")
>>> with Budget(2.0) as budget:
...     verify = Verifier.for_budget(budget, seed_text="doc")
...     verify(-2*x, -x - x), verify(2*x, x)
(True, False)
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

import sympy
from sympy import Basic, MatrixBase

from .._budget import Budget
from .._compare import Comparison
from .._instances import needs_instances
from .._numeric import close, is_real_value
from .._verdict import Diagnosis, Status
from ._probe import probe

__all__ = ["Verifier", "Finding", "clearly_differ"]

_LOG = logging.getLogger("derivecheck")


@dataclass(frozen=True)
class Finding:
    """What a diagnosis found: the verified mistake (or None) and the partial credit of a
    structured answer (the fraction of entries or elements right; None when not computed)."""

    diagnosis: Diagnosis | None = None
    partial_credit: float | None = None


class Verifier:
    """``verify(left, right)`` is True only when the engine decides the two equal."""

    def __init__(self, comparison: Comparison) -> None:
        self.comparison = comparison
        self.calls = 0

    @classmethod
    def for_budget(cls, budget: Budget, *, seed_text: str, assumptions: Sequence[Basic] = (),
                   rtol: float = 1e-12) -> Verifier:
        """A verifier whose comparisons spend ``budget`` (seeded by ``seed_text``)."""
        return cls(Comparison(budget, seed_text=f"diagnosis|{seed_text}", assumptions=assumptions, rtol=rtol))

    def __call__(self, left: Basic, right: Basic) -> bool:
        self.calls += 1
        try:
            if clearly_differ(left, right):
                return False  # a quick refutation; only agreement needs the whole engine
            return self.comparison.compare(left, right).status is Status.CORRECT
        except Exception as error:  # a candidate sympy cannot handle is simply not verified
            _LOG.debug("a diagnosis candidate could not be compared", exc_info=error)
            return False



def clearly_differ(left: Basic, right: Basic) -> bool:
    """True when two scalars (or same-shaped explicit matrices) take clearly different real
    values at one of a few points (20 digits, relative tolerance 1e-8). Used only to say "no"
    early: a False here decides nothing.

    >>> x = sympy.Symbol("x")
    >>> clearly_differ(2 * x, x + x), clearly_differ(2 * x, 3 * x)
    (False, True)
    """
    pairs = _value_pairs(left, right)
    if not pairs:
        return False
    quick = probe()
    for point in quick.points([left, right]):
        for one, other in pairs:
            try:
                values = quick.value(one, point), quick.value(other, point)
            except Exception:  # undefined or not evaluable here: no evidence either way
                continue
            if all(is_real_value(v) for v in values) and not close(*values, rtol=1e-8, atol=1e-12):
                return True
    return False


def _value_pairs(left: Basic, right: Basic) -> list[tuple[Basic, Basic]]:
    if isinstance(left, MatrixBase) and isinstance(right, MatrixBase):
        pairs = list(zip(left, right)) if left.shape == right.shape else []
    elif isinstance(left, sympy.Expr) and isinstance(right, sympy.Expr) and not left.is_Matrix and not right.is_Matrix:
        pairs = [(left, right)]
    else:
        return []
    abstract = lambda e: bool(e.atoms(sympy.MatrixSymbol)) or needs_instances(e)  # noqa: E731
    return [] if any(abstract(e) for pair in pairs for e in pair) else pairs
