"""LaTeX rendering of a Derivation: one ``aligned`` block, steps indented by depth."""

from __future__ import annotations

import sympy

from .._steps import Derivation, Step
from ._layout import numbered_steps, shows_after
from ._printers import clean_latex

__all__ = ["render_latex", "step_equation_latex", "step_extras_latex"]


def step_equation_latex(step: Step) -> str:
    """``before = after`` (or just ``before`` for a statement) in LaTeX."""
    before = clean_latex(step.before)
    return f"{before} = {clean_latex(step.after)}" if shows_after(step) else before


def _definition_latex(definition: sympy.Basic) -> str:
    if isinstance(definition, sympy.Equality):
        return f"{clean_latex(definition.lhs)} = {clean_latex(definition.rhs)}"
    return clean_latex(definition)


def step_extras_latex(step: Step) -> list[str]:
    """The where / if / note parts of a step, each a LaTeX fragment."""
    extras = []
    if step.definitions:
        extras.append(r"\text{where } " + r",\ ".join(_definition_latex(d) for d in step.definitions))
    if step.conditions:
        extras.append(r"\text{if } " + r",\ ".join(clean_latex(c) for c in step.conditions))
    if step.note:
        extras.append(rf"\text{{({_escape_text(step.note)})}}")
    return extras


def _escape_text(text: str) -> str:
    for char in "\\{}&%$#_^~":
        text = text.replace(char, "\\" + char if char not in "\\^~" else " ")
    return text


def render_latex(derivation: Derivation) -> str:
    r"""Render ``derivation`` as a LaTeX ``aligned`` block ending with the result.

    >>> import sympy, derive
    >>> print(derive.differentiate(sympy.Symbol("x")**2, sympy.Symbol("x")).to_latex())
    \begin{aligned}
    & \textbf{derivative:} && \frac{d}{d x} x^{2} \\
    & \text{1. power rule:} && \frac{d}{d x} x^{2} = 2 x \\
    & \textbf{Result:} && 2 x
    \end{aligned}
    """
    lines = [r"\begin{aligned}"]
    if derivation.statement is not None:
        title = _escape_text(derivation.title or "task")
        lines.append(rf"& \textbf{{{title}:}} && {clean_latex(derivation.statement)} \\")
    for item in numbered_steps(derivation.steps):
        indent = r"\quad " * (item.depth - 1)
        rule = _escape_text(item.step.rule)
        lines.append(rf"& {indent}\text{{{item.number}. {rule}:}} && {step_equation_latex(item.step)} \\")
        for extra in step_extras_latex(item.step):
            lines.append(rf"& && \quad {extra} \\")
    lines.append(rf"& \textbf{{Result:}} && {clean_latex(derivation.result)}")
    lines.append(r"\end{aligned}")
    return "\n".join(lines)
