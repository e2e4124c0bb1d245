"""Walking a step tree with outline numbers (1, 1.1, 1.2, 2, ...), and the connective
between a step's two sides, shared by renderers.

A step joins ``before`` and ``after`` with ``=`` only when both are of one kind (values,
sets, words); a step that changes kind (an equation to its solution set, a point to its
classification, a condition to a verdict) is joined by ``⇒`` or words, never ``=``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import sympy
from sympy.core.relational import Relational
from sympy.core.symbol import Str
from sympy.logic.boolalg import BooleanAtom, BooleanFunction

from .._steps import Step

__all__ = ["NumberedStep", "numbered_steps", "shows_after", "kind", "connective", "joined"]


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


def kind(obj: sympy.Basic) -> str:
    """What ``obj`` is, for the connective: "value", "set", "condition" or "word".

    >>> x = sympy.Symbol("x")
    >>> kind(x**2), kind(sympy.FiniteSet(1, 3)), kind(sympy.Eq(x, 1)), kind(sympy.Tuple(1, Str("convex")))
    ('value', 'set', 'condition', 'word')
    """
    if isinstance(obj, sympy.Tuple):
        kinds = {kind(item) for item in obj.args}
        return "word" if "word" in kinds else ("condition" if kinds == {"condition"} else "value")
    if isinstance(obj, Str):
        return "word"
    if isinstance(obj, sympy.Set):
        return "set"
    if isinstance(obj, (Relational, BooleanFunction, BooleanAtom)):
        return "condition"
    return "value"


def connective(step: Step) -> str:
    """The words or sign between ``before`` and ``after``: the step's own, else ``=`` when both
    sides are of one kind and ``⇒`` (``⇒ solutions:`` from an equation to a set) when not.

    >>> x = sympy.Symbol("x")
    >>> connective(Step("solve", sympy.Eq(x**2, 1), sympy.FiniteSet(-1, 1)))
    '⇒ solutions:'
    >>> connective(Step("power rule", sympy.Derivative(x**2, x), 2*x))
    '='
    """
    if step.connective:
        return step.connective
    before, after = kind(step.before), kind(step.after)
    if isinstance(step.before, sympy.Equality) and kind(step.before.rhs) == after != "condition":
        return "="  # a chain: v = x y = 2
    if before == after and before != "condition" and _is_list(step.before) == _is_list(step.after):
        return "="  # a list of values (eigenvalues, signs) is not equal to one value
    return "⇒ solutions:" if (before, after) == ("condition", "set") else "⇒"


def _is_list(obj: sympy.Basic) -> bool:
    return isinstance(obj, sympy.Tuple)


def joined(before: str, words: str, after: str) -> str:
    """``before words after``; a connective starting with a colon or comma follows ``before``
    without a space ("x = 1/3: f'' < 0, so a local maximum").

    >>> joined("x = 1/3", ": f'' < 0, so a", "local maximum"), joined("a", "=", "b")
    ("x = 1/3: f'' < 0, so a local maximum", 'a = b')
    """
    gap = "" if words[:1] in ":," else " "
    return f"{before}{gap}{words} {after}"
