"""How verdicts look on a terminal: one status line, how the answer was read, the reason.

>>> from checkers import check
>>> print(verdict_text(check("2*x", "x + x"), color=False).splitlines()[0])
correct (identical, proved)
"""

from __future__ import annotations

import click

from checkers import Status, Verdict

__all__ = ["verdict_text"]

_COLORS = {Status.CORRECT: "green", Status.INCORRECT: "red", Status.INVALID: "yellow", Status.UNDECIDED: "blue"}


def verdict_text(verdict: Verdict, *, color: bool = True) -> str:
    """A short human report of a verdict."""
    proof = "proved" if verdict.proved else "not a proof"
    head = f"{verdict.status.value} ({verdict.method.value}, {proof})"
    lines = [click.style(head, fg=_COLORS[verdict.status], bold=True) if color else head]
    if verdict.read_as:
        lines.append(f"  read as: {verdict.read_as}")
    lines.extend(f"  {line}" for line in verdict.message.splitlines())
    return "\n".join(lines)
