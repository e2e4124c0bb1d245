"""Detail levels of a derivation: what a reader sees at ``brief``, ``normal`` and ``full``.

- ``full`` keeps every step.
- ``normal`` folds trivial steps into their parent (identity, constant, a power of 1, a step
  that restates its own expression) and shows shared work once: a step whose equation an
  earlier step already showed is kept without its sub-steps.
- ``brief`` also keeps only the top two levels: the rule applications a student would write.

>>> import sympy, derive
>>> x = sympy.Symbol("x")
>>> d = derive.differentiate(3*x**2 + x, x)
>>> len(list(d.walk())), len(list(at_detail(d, "normal").walk()))
(4, 3)
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the command line reads DETAILS for its options without loading the steps
    from .._steps import Derivation, Step

__all__ = ["DETAILS", "at_detail"]

DETAILS = ("brief", "normal", "full")
_TRIVIAL = frozenset({"identity rule", "constant rule", "power of 1", "restate"})
_BRIEF_DEPTH = 2


def _is_trivial(step: Step) -> bool:
    return step.rule in _TRIVIAL or (step.before == step.after and not step.substeps and not step.note)


def _pruned(steps: tuple[Step, ...], depth: int, max_depth: int, seen: set) -> tuple[Step, ...]:
    kept = []
    for step in steps:
        if depth > 1 and _is_trivial(step):
            continue
        equation = (step.before, step.after)
        repeated = equation in seen and step.before != step.after
        seen.add(equation)
        substeps = () if repeated or depth >= max_depth else _pruned(step.substeps, depth + 1, max_depth, seen)
        kept.append(step if substeps == step.substeps else replace(step, substeps=substeps))
    return tuple(kept)


def at_detail(derivation: Derivation, detail: str = "normal") -> Derivation:
    """``derivation`` with the steps shown at ``detail`` (one of :data:`DETAILS`); same result."""
    if detail == "full":
        return derivation
    if detail not in DETAILS:
        raise ValueError(f"detail must be one of {', '.join(DETAILS)}")
    max_depth = _BRIEF_DEPTH if detail == "brief" else 10**6
    steps = _pruned(derivation.steps, 1, max_depth, set())
    return replace(derivation, steps=steps)
