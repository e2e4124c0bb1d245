r"""What checking a derivation decided: a mark for each row, the first wrong one, and the whole.

>>> row = WorkRow(1, "x^2 = x", "x^{2} = x", Status.CORRECT, "the same solutions as the row before")
>>> verdict = WorkVerdict(Status.CORRECT, None, (row,), "Correct: every step holds.")
>>> verdict.to_dict()["rows"][0]["status"], verdict.exit_code.name, row.mark
('correct', 'CORRECT', '✓')
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from derive._errors import ExitCode

from ._verdict import Diagnosis, Status
from ._visible import visible

__all__ = ["WorkRow", "WorkVerdict"]

_MARKS = {Status.CORRECT: "✓", Status.INCORRECT: "✗", Status.INVALID: "✗", Status.UNDECIDED: "?"}


@dataclass(frozen=True)
class WorkRow:
    """One row: its 1-based ``number``, the ``text`` as written, how it was read
    (``read_as``, LaTeX, None when it could not be read), its ``status`` (its step from the
    row before holds, fails, could not be read or was not decided), a ``message`` and, for a
    wrong step, the ``diagnosis`` of the mistake relative to the row before (or None)."""

    number: int
    text: str
    read_as: str | None
    status: Status
    message: str
    diagnosis: Diagnosis | None = None
    position: int | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", visible(self.text))
        object.__setattr__(self, "message", visible(self.message))
        if self.read_as is not None:
            object.__setattr__(self, "read_as", visible(self.read_as))

    @property
    def mark(self) -> str:
        """✓ (holds), ✗ (wrong or unreadable) or ? (undecided)."""
        return _MARKS[self.status]

    def to_dict(self) -> dict[str, Any]:
        """``{"number", "text", "read_as", "status", "message", "diagnosis", "position"}``."""
        return {"number": self.number, "text": self.text, "read_as": self.read_as, "status": self.status.value,
                "message": self.message, "diagnosis": self.diagnosis.to_dict() if self.diagnosis else None,
                "position": self.position}


@dataclass(frozen=True)
class WorkVerdict:
    """The outcome of checking a derivation: ``status`` (correct when every step holds and
    the last row is the expected result), ``first_error`` (the 1-based row of the first
    wrong or unreadable step, or None), ``rows``, a ``message`` and the time it took."""

    status: Status
    first_error: int | None
    rows: tuple[WorkRow, ...]
    message: str
    elapsed: float = 0.0

    def __post_init__(self) -> None:
        object.__setattr__(self, "message", visible(self.message))

    @property
    def exit_code(self) -> ExitCode:
        """The ``derivecheck check --work`` exit status."""
        return self.status.exit_code

    @property
    def score(self) -> float:
        """1.0 when the work is correct, else 0.0."""
        return 1.0 if self.status is Status.CORRECT else 0.0

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data."""
        return {"status": self.status.value, "first_error": self.first_error, "message": self.message,
                "rows": [row.to_dict() for row in self.rows], "score": self.score, "elapsed": round(self.elapsed, 6)}
