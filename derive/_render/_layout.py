"""Walking a step tree with outline numbers (1, 1.1, 1.2, 2, ...), shared by renderers."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import sympy

from .._steps import Step

__all__ = ["NumberedStep", "numbered_steps", "shows_after"]


@dataclass(frozen=True)
class NumberedStep:
    """A step with its outline number and depth (1 for top-level steps)."""

    number: str
    depth: int
    step: Step


def numbered_steps(steps: tuple[Step, ...], prefix: str = "", depth: int = 1) -> Iterator[NumberedStep]:
    """Yield every step depth first with its outline number."""
    for index, step in enumerate(steps, start=1):
        number = f"{prefix}{index}"
        yield NumberedStep(number, depth, step)
        yield from numbered_steps(step.substeps, number + ".", depth + 1)


def shows_after(step: Step) -> bool:
    """Whether ``after`` adds something to ``before`` (statements have before == after)."""
    if step.before == step.after:
        return False
    if isinstance(step.before, sympy.Equality) and step.before.rhs == step.after:
        return False
    return True
