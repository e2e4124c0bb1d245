"""Plain-text rendering of a Derivation: numbered, indented steps in Unicode mathematics.

The text format is for reading, the result line included (:func:`unicode_text`: x², φ₁,
Σ_{i=1}^{I}, √2, Xᵀ); the forms to paste back into ``check`` are the sympy syntax of
:func:`render_sympy` (``--format sympy``) and the LaTeX of the other formats.
"""

from __future__ import annotations

from functools import partial

from .._steps import Derivation, Step
from ._layout import connective, joined, numbered_steps, shows_after
from ._printers import sympy_syntax
from ._unicode import unicode_text as readable_text

__all__ = ["render_text", "render_sympy", "step_equation_text"]


def step_equation_text(step: Step, show=readable_text) -> str:
    """``before = after`` (or just ``before`` for a statement) as readable text."""
    before = show(step.before)
    return joined(before, connective(step), show(step.after)) if shows_after(step) else before


def _definition_text(definition, show=readable_text) -> str:
    return f"{show(definition.lhs)} = {show(definition.rhs)}" if hasattr(definition, "lhs") else show(definition)


def render_sympy(derivation: Derivation) -> str:
    """The text layout with every expression in sympy syntax (``--format sympy``: the machine form).

    >>> import sympy, derive
    >>> print(render_sympy(derive.differentiate(sympy.Symbol("x")**2, sympy.Symbol("x"))).splitlines()[-1])
    Result: 2*x
    """
    return render_text(derivation, show=sympy_syntax)


def render_text(derivation: Derivation, show=None) -> str:
    """Render ``derivation`` as indented numbered text ending with the result; ``show`` prints
    expressions (default: Unicode mathematics in the derivation's notation).

    >>> import sympy, derive
    >>> print(derive.differentiate(sympy.Symbol("x")**2, sympy.Symbol("x")).to_text())
    derivative: d/dx (x²)
    1. power rule: d/dx (x²) = 2x
    Result: 2x
    """
    show = show or partial(readable_text, notation=derivation.notation)
    heading = [derivation.title] if derivation.title else []
    if derivation.statement is not None:
        heading.append(show(derivation.statement))
    lines = [": ".join(heading)] if heading else []
    for item in numbered_steps(derivation.steps):
        indent = "   " * (item.depth - 1)
        lines.append(f"{indent}{item.number}. {item.step.rule}: {step_equation_text(item.step, show)}")
        step = item.step
        extras = []
        if step.definitions:
            extras.append("where " + ", ".join(_definition_text(d, show) for d in step.definitions))
        if step.conditions:
            extras.append("if " + " and ".join(show(c) for c in step.conditions))
        if step.note:
            extras.append(f"({step.note})")
        lines.extend(f"{indent}     {extra}" for extra in extras)
    lines.append(f"Result: {show(derivation.result)}")
    return "\n".join(lines)
