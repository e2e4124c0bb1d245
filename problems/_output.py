"""How problems and derivations look on a terminal (a verdict: :mod:`._verdict_text`, re-exported).

>>> from problems import bank
>>> print(problem_text(bank.get("ch2-solutions.2")).splitlines()[0])  # doctest: +ELLIPSIS
ch2-solutions.2...
"""

from __future__ import annotations

import io
import json
from collections.abc import Sequence
from dataclasses import replace
from html import escape
from itertools import groupby

import derive
from checkers._decimals import MIN_SIGNIFICANT
from derive._render._detail import at_detail
from derive._render._html import derivation_html, html_page
from derive._render._latex import latex_document
from derive._render._tex_mathml import paragraph_html
from derive._render._tex_text import tex_text

from ._model import Part, Problem
from ._verdict_text import verdict_text

__all__ = ["verdict_text", "problem_table", "problem_text", "derivations_text", "hint_text"]

def _render(renderable: object, width: int = 110) -> str:
    from rich.console import Console  # rich only for the tables: a verdict is printed without it

    buffer = io.StringIO()
    Console(file=buffer, width=width, force_terminal=False, color_system=None).print(renderable)
    return buffer.getvalue().rstrip()


def problem_table(problems: Sequence[Problem]) -> str:
    """Every problem, grouped by seed: id, title, parts."""
    from rich.table import Table

    blocks = []
    for seed, group in groupby(problems, key=lambda p: p.source.seed):
        table = Table(title=f"seed {seed}", title_justify="left", show_lines=False, expand=False)
        table.add_column("id", no_wrap=True)
        table.add_column("exercise", no_wrap=True)
        table.add_column("title")
        table.add_column("parts")
        for problem in group:
            table.add_row(problem.id, problem.source.exercise, problem.title, ", ".join(problem.part_ids))
        blocks.append(_render(table))
    total = sum(len(p.parts) for p in problems)
    return "\n\n".join(blocks) + f"\n\n{len(problems)} problems, {total} parts. 'derivecheck show ID' shows one."


def problem_text(problem: Problem) -> str:
    """A problem as a student reads it."""
    lines = [f"{problem.id}: {problem.title}",
             f"source: {problem.source.seed}, {problem.source.exercise}", "", problem.statement, ""]
    if problem.defines:
        lines += ["Names an answer may use:", *(f"  {text}" for text in problem.defines), ""]
    if problem.domains:
        lines += [f"Domains: {', '.join(problem.domains)}", ""]
    for part in problem.parts:
        lines.append(f"  ({part.id}) {part.prompt}   [{part.kind}]")
        if part.defines:
            lines.append(f"        names: {'; '.join(part.defines)}")
        if part.domains:
            lines.append(f"        domain: {', '.join(part.domains)}")
        if part.policy.description:
            lines.append(f"        accepted {part.policy.description}")
        if part.accepts_decimals:
            lines.append(f"        a decimal is accepted to the digits given (at least {MIN_SIGNIFICANT} significant digits)")
        elif part.policy.exact:
            lines.append("        give an exact form (a decimal is not accepted)")
    if problem.notes:
        lines += ["", problem.notes]
    lines += ["", f"Check an answer: derivecheck check {problem.parts[0].qualified_id} 'ANSWER'"]
    return "\n".join(lines)


def _problem_heading(problem: Problem, output_format: str) -> str:
    """The problem, once, before its parts' derivations."""
    if output_format == "latex":
        return f"\\section*{{{tex_text(problem.id)}: {tex_text(problem.title)}}}\n{problem.statement}"
    if output_format == "markdown":
        return f"# {problem.id}: {problem.title}\n\n{problem.statement}"
    return f"{problem.id}: {problem.title}\n\n{problem.statement}"


def _part_heading(part: Part, output_format: str) -> str:
    if output_format == "latex":
        return f"\\subsection*{{{tex_text(part.qualified_id)}}}\n{part.prompt}"
    if output_format == "markdown":
        return f"## {part.qualified_id}: {part.prompt}"
    return f"[{part.qualified_id}] {part.prompt}"


def _shown_once(parts: Sequence[Part], detail: str) -> list[tuple[Part, derive.Derivation]]:
    """Each part with its derivation; a part whose steps an earlier part already showed gets
    only its result, with a pointer to that part."""
    shown: dict[tuple, str] = {}
    chosen = []
    for part in parts:
        derivation = at_detail(part.reference, detail)
        earlier = shown.setdefault(derivation.steps, part.id)
        if earlier != part.id and derivation.steps:
            derivation = replace(derivation, steps=(), title=f"worked in part ({earlier}) above", statement=None)
        chosen.append((part, derivation))
    return chosen


def derivations_text(problem: Problem, parts: Sequence[Part], output_format: str, *, standalone: bool = False,
                     detail: str = "full") -> str:
    """The problem once, then the reference derivation of each part, in one format
    (text, latex, markdown or json) at one ``detail`` (brief, normal, full); ``standalone``
    makes LaTeX a complete document."""
    if output_format == "json":  # one part: exactly d.to_dict(); several: keyed by part id
        if len(parts) == 1:
            return json.dumps(parts[0].reference.to_dict(), indent=2)
        return json.dumps({part.id: part.reference.to_dict() for part in parts}, indent=2)
    if output_format == "html":
        return _html(problem, parts, detail)
    render = {"text": "to_text", "latex": "to_latex", "markdown": "to_markdown", "sympy": "to_sympy"}[output_format]
    blocks = [_problem_heading(problem, output_format)]
    for part, derivation in _shown_once(parts, detail):
        blocks.append(f"{_part_heading(part, output_format)}\n\n{getattr(derivation, render)()}")
    text = "\n\n".join(blocks)
    return latex_document(text) if standalone and output_format == "latex" else text


def _html(problem: Problem, parts: Sequence[Part], detail: str) -> str:
    """One standalone page: the problem once, then each part's derivation."""
    blocks = [f"<h1>{escape(problem.id)}: {escape(problem.title)}</h1>\n<p>{paragraph_html(problem.statement)}</p>"]
    for part, derivation in _shown_once(parts, detail):
        blocks.append(f"<h2>{escape(part.qualified_id)}</h2>\n<p>{paragraph_html(part.prompt)}</p>\n"
                      f"{derivation_html(derivation)}")
    return html_page(f"{problem.id}: {problem.title}", "\n".join(blocks))


def hint_text(part: Part) -> str:
    """The part's hint, then its worked derivation."""
    hint = f"Hint: {part.hint}\n" if part.hint else ""
    return f"{hint}Worked derivation:\n{part.reference.to_text()}"
