"""How a verdict looks on a terminal (apart from problems and derivations, so that printing a
verdict loads no renderer).

>>> from checkers import check
>>> print(verdict_text(check("2*x", "x + x"), color=False).splitlines()[0])
correct (identical, proved)
"""

from __future__ import annotations

import click

from checkers._verdict import Status, Verdict

__all__ = ["verdict_text"]

_COLORS = {Status.CORRECT: "green", Status.INCORRECT: "red", Status.INVALID: "yellow", Status.UNDECIDED: "blue"}


def verdict_text(verdict: Verdict, *, color: bool = True, diagnosis: bool = True) -> str:
    """A short human report of a verdict, with the mistake it names (unless a hint will say it)."""
    proof = "proved" if verdict.proved else "not a proof"
    head = f"{verdict.status.value} ({verdict.method.value}, {proof})"
    lines = [click.style(head, fg=_COLORS[verdict.status], bold=True) if color else head]
    if verdict.read_as:
        lines.append(f"  read as: {verdict.read_as}")
    lines.extend(f"  {line}" for line in verdict.message.splitlines())
    if diagnosis and verdict.diagnosis is not None:
        lines.append(f"  Mistake ({verdict.diagnosis.kind.value}): {verdict.diagnosis.message}")
    return "\n".join(lines)
