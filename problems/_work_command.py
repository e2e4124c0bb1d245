r"""``derivecheck check ... --work FILE``: a derivation checked row by row, printed with a mark a row.

>>> from checkers import check_work
>>> print(work_text(check_work("2*x", "\\frac{d}{dx} x^2 = 2x"), color=False))
correct: every step holds and the work ends at the expected result.
  ✓ 1  \frac{d}{dx} x^2 = 2x
        read as: 2 x = 2 x
"""

from __future__ import annotations

import click

from checkers import Status, WorkVerdict

__all__ = ["work_text", "read_work"]

_COLORS = {Status.CORRECT: "green", Status.INCORRECT: "red", Status.INVALID: "yellow", Status.UNDECIDED: "blue"}


def read_work(path: str) -> str:
    """The work in ``path`` (``-``: standard input); a file that cannot be read is a usage error."""
    from checkers import UsageError

    if path == "-":
        with click.open_file("-") as stream:
            return stream.read()
    try:
        with open(path, encoding="utf-8") as handle:
            return handle.read()
    except (OSError, UnicodeDecodeError) as error:
        raise UsageError(f"cannot read the work file {path!r}: {error.strerror or error}") from None


def work_text(verdict: WorkVerdict, *, color: bool = True) -> str:
    """The verdict's headline, then each row with its mark (✓ holds, ✗ wrong or unreadable,
    ? undecided), how it was read, and the message of each row that is not ✓."""
    rest = verdict.message.partition(": ")[2]
    head = f"{verdict.status.value}: {rest[:1].lower()}{rest[1:]}" if rest else verdict.message
    lines = [click.style(head, fg=_COLORS[verdict.status], bold=True) if color else head]
    for row in verdict.rows:
        mark = click.style(row.mark, fg=_COLORS[row.status], bold=True) if color else row.mark
        lines.append(f"  {mark} {row.number}  {row.text}")
        if row.read_as is not None:
            lines.append(f"        read as: {row.read_as}")
        if row.status is not Status.CORRECT:
            lines.extend(f"        {line}" for line in row.message.splitlines())
            if row.diagnosis is not None:
                lines.append(f"        {row.diagnosis.message}")
    if verdict.first_error is not None:
        lines.append(f"first wrong row: {verdict.first_error}")
    return "\n".join(lines)
