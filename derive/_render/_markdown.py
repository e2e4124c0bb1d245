"""Markdown rendering of a Derivation: nested numbered lists with ``$...$`` math.

A step whose substeps are three or more leaves (a forward pass, a table of partials)
shows them as a table instead of a list.
"""

from __future__ import annotations

from .._steps import Derivation, Step
from ._latex import step_equation_latex, step_extras_latex
from ._printers import clean_latex

__all__ = ["render_markdown"]

_TABLE_MIN_ROWS = 3


def _inline(latex: str) -> str:
    return f"${latex}$"


def _step_line(step: Step) -> str:
    extras = " ".join(_inline(extra) for extra in step_extras_latex(step))
    line = f"**{step.rule}**: {_inline(step_equation_latex(step))}"
    return f"{line} {extras}".rstrip()


def _as_table(steps: tuple[Step, ...], indent: str) -> list[str]:
    rows = [f"{indent}| rule | step | where, if, note |", f"{indent}|---|---|---|"]
    for step in steps:
        extras = " ".join(_inline(extra) for extra in step_extras_latex(step))
        rows.append(f"{indent}| {step.rule} | {_inline(step_equation_latex(step))} | {extras} |")
    return rows


def _is_table(steps: tuple[Step, ...]) -> bool:
    return len(steps) >= _TABLE_MIN_ROWS and all(not s.substeps for s in steps)


def _render_steps(steps: tuple[Step, ...], depth: int) -> list[str]:
    indent = "   " * depth
    if _is_table(steps):
        return ["", *_as_table(steps, indent), ""]
    lines = []
    for index, step in enumerate(steps, start=1):
        lines.append(f"{indent}{index}. {_step_line(step)}")
        lines.extend(_render_steps(step.substeps, depth + 1))
    return lines


def render_markdown(derivation: Derivation) -> str:
    """Render ``derivation`` as Markdown ending with the result.

    >>> import sympy, derive
    >>> print(derive.differentiate(sympy.Symbol("x")**2, sympy.Symbol("x")).to_markdown())
    **derivative**: $\\frac{d}{d x} x^{2}$
    <BLANKLINE>
    1. **power rule**: $\\frac{d}{d x} x^{2} = 2 x$
    <BLANKLINE>
    **Result:** $2 x$
    """
    heading = f"**{derivation.title}**" if derivation.title else ""
    if derivation.statement is not None:
        heading = f"{heading}: {_inline(clean_latex(derivation.statement))}".lstrip(": ")
    lines = [heading, ""] if heading else []
    lines.extend(_render_steps(derivation.steps, 0))
    lines.extend(["", f"**Result:** {_inline(clean_latex(derivation.result))}"])
    return "\n".join(lines)
