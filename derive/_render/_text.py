"""Plain-text rendering of a Derivation: numbered, indented steps in Unicode mathematics.

The steps are for reading (:func:`unicode_text`); the result line is also for pasting back
into ``check`` (:func:`input_text`, which the answer reader reads).
"""

from __future__ import annotations

from .._steps import Derivation, Step
from ._layout import connective, numbered_steps, shows_after
from ._unicode import input_text
from ._unicode import unicode_text as readable_text

__all__ = ["render_text", "step_equation_text"]


def step_equation_text(step: Step) -> str:
    """``before = after`` (or just ``before`` for a statement) as readable text."""
    before = readable_text(step.before)
    return f"{before} {connective(step)} {readable_text(step.after)}" if shows_after(step) else before


def _definition_text(definition) -> str:
    return (
        f"{readable_text(definition.lhs)} = {readable_text(definition.rhs)}"
        if hasattr(definition, "lhs")
        else readable_text(definition)
    )


def render_text(derivation: Derivation) -> str:
    """Render ``derivation`` as indented numbered text ending with the result.

    >>> import sympy, derive
    >>> print(derive.differentiate(sympy.Symbol("x")**2, sympy.Symbol("x")).to_text())
    derivative: d/dx (x²)
    1. power rule: d/dx (x²) = 2x
    Result: 2x
    """
    heading = [derivation.title] if derivation.title else []
    if derivation.statement is not None:
        heading.append(readable_text(derivation.statement))
    lines = [": ".join(heading)] if heading else []
    for item in numbered_steps(derivation.steps):
        indent = "   " * (item.depth - 1)
        lines.append(f"{indent}{item.number}. {item.step.rule}: {step_equation_text(item.step)}")
        step = item.step
        extras = []
        if step.definitions:
            extras.append("where " + ", ".join(_definition_text(d) for d in step.definitions))
        if step.conditions:
            extras.append("if " + " and ".join(readable_text(c) for c in step.conditions))
        if step.note:
            extras.append(f"({step.note})")
        lines.extend(f"{indent}     {extra}" for extra in extras)
    lines.append(f"Result: {input_text(derivation.result)}")
    return "\n".join(lines)
