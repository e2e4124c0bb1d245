"""Markdown rendering of a Derivation: nested numbered lists with ``$...$`` math.

A step whose substeps are three or more independent leaves (a forward pass, a table of
partials) shows them as a table instead of a list; a chain of steps, where one step starts
from the previous one's result, stays a numbered list. The table's last column is headed
by what it holds: "≈" for numeric values, else "where", "if", "note"; it is left out when
empty.
"""

from __future__ import annotations

import itertools

from .._notation import Notation
from .._steps import Derivation, Step
from ._latex import step_equation_latex, step_extras_latex
from ._printers import clean_latex

__all__ = ["render_markdown"]

_TABLE_MIN_ROWS = 3


def _inline(latex: str) -> str:
    return f"${latex}$"


def _note(step: Step) -> str:
    """The note as Markdown text (outside math: it is written for people, in Unicode)."""
    if not step.note:
        return ""
    escaped = "".join("\\" + c if c in "*_|`[]<>" else c for c in step.note)
    return f"({escaped})"


def _extras(step: Step, notation: Notation) -> str:
    extras = step_extras_latex(step, note=False, notation=notation)
    return " ".join([*(_inline(extra) for extra in extras), _note(step)]).strip()


def _step_line(step: Step, notation: Notation) -> str:
    extras = _extras(step, notation)
    line = f"**{step.rule}**: {_inline(step_equation_latex(step, notation))}"
    return f"{line} {extras}".rstrip()


_APPROXIMATELY = "≈ "


def _is_approximation(step: Step) -> bool:
    return step.note.startswith(_APPROXIMATELY) and not step.definitions and not step.conditions


def _extras_column(steps: tuple[Step, ...], notation: Notation) -> tuple[str, list[str]]:
    """The header and cells of the table's last column ("" when no row has extras)."""
    if all(_is_approximation(s) or not s.note for s in steps) and not any(s.definitions or s.conditions for s in steps):
        return ("≈" if any(s.note for s in steps) else ""), [
            _inline(s.note[len(_APPROXIMATELY):]) if s.note else "" for s in steps]
    kinds = [name for name, present in (("where", any(s.definitions for s in steps)),
                                        ("if", any(s.conditions for s in steps)),
                                        ("note", any(s.note for s in steps))) if present]
    return " / ".join(kinds), [_extras(s, notation) for s in steps]


def _as_table(steps: tuple[Step, ...], indent: str, notation: Notation) -> list[str]:
    header, extras = _extras_column(steps, notation)
    columns = ["rule", "step", header] if header else ["rule", "step"]
    rows = [f"{indent}| {' | '.join(columns)} |", f"{indent}|{'---|' * len(columns)}"]
    for step, extra in zip(steps, extras):
        cells = [step.rule, _inline(step_equation_latex(step, notation))] + ([extra] if header else [])
        rows.append(f"{indent}| {' | '.join(cells)} |")
    return rows


def _is_table(steps: tuple[Step, ...]) -> bool:
    if len(steps) < _TABLE_MIN_ROWS or any(s.substeps for s in steps):
        return False
    return not any(previous.after == step.before for previous, step in itertools.pairwise(steps))


def _render_steps(steps: tuple[Step, ...], depth: int, notation: Notation) -> list[str]:
    indent = "   " * depth
    if _is_table(steps):
        return ["", *_as_table(steps, indent, notation), ""]
    lines = []
    for index, step in enumerate(steps, start=1):
        lines.append(f"{indent}{index}. {_step_line(step, notation)}")
        lines.extend(_render_steps(step.substeps, depth + 1, notation))
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
    notation = derivation.notation
    heading = f"**{derivation.title}**" if derivation.title else ""
    if derivation.statement is not None:
        heading = f"{heading}: {_inline(clean_latex(derivation.statement, notation))}".lstrip(": ")
    lines = [heading, ""] if heading else []
    lines.extend(_render_steps(derivation.steps, 0, notation))
    lines.extend(["", f"**Result:** {_inline(clean_latex(derivation.result, notation))}"])
    return "\n".join(lines)
