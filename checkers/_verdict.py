"""The Verdict: what was decided, how, and the evidence, ready for JSON.

>>> v = Verdict(status=Status.INCORRECT, method=Method.NUMERIC, proved=True,
...             read_as="2 x", message="differs at x = 1",
...             evidence=Evidence(point={"x": "1"}, expected="3", answer="2"))
>>> v.to_dict()["status"], v.score, int(v.exit_code), v.to_dict()["diagnosis"]
('incorrect', 0.0, 1, None)
>>> named = Diagnosis(Mistake.SIGN, "Check the sign: your answer is the negative of the right one.")
>>> Verdict(Status.INCORRECT, Method.NUMERIC, True, "-x", "Incorrect.", diagnosis=named).to_dict()["diagnosis"]
{'kind': 'sign', 'message': 'Check the sign: your answer is the negative of the right one.', 'detail': {}}
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import Enum
from typing import Any

from derive._errors import ExitCode
from derive._mistakes import Mistake

from ._visible import visible

__all__ = ["Status", "Method", "Evidence", "Mistake", "Diagnosis", "Verdict"]


class Status(str, Enum):
    """The four outcomes, with the command line's exit status for each (from :class:`ExitCode`)."""

    CORRECT = "correct"
    INCORRECT = "incorrect"
    INVALID = "invalid"
    UNDECIDED = "undecided"

    @property
    def exit_code(self) -> ExitCode:
        return ExitCode[self.name]


class Method(str, Enum):
    """How a verdict was reached."""

    IDENTICAL = "identical"        # equal after canonicalisation
    SYMBOLIC = "symbolic"          # a simplification proved it
    NUMERIC = "numeric"            # random points (agreement is evidence, a mismatch is a counterexample)
    INSTANCES = "instances"        # random concrete matrices / sizes / functions
    SHAPE = "shape"                # kinds or shapes differ
    READER = "reader"              # the answer could not be read
    BUDGET = "budget"              # the time budget ran out


@dataclass(frozen=True)
class Evidence:
    """A counterexample or the support for a numeric verdict.

    ``point`` maps each variable to the value used (as text); ``expected`` and ``answer``
    are the two values there; ``points_checked`` counts agreeing points.
    """

    point: dict[str, str] = field(default_factory=dict)
    expected: str | None = None
    answer: str | None = None
    points_checked: int = 0
    detail: str | None = None


@dataclass(frozen=True)
class Diagnosis:
    """A verified mistake: its ``kind``, a message for the student (never the full right
    answer), and ``detail`` (JSON-ready facts: the factor, term, entries or rule involved)."""

    kind: Mistake
    message: str
    detail: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """``{"kind", "message", "detail"}`` with the kind as its word."""
        return {"kind": self.kind.value, "message": self.message, "detail": dict(self.detail)}


@dataclass(frozen=True)
class Verdict:
    r"""The outcome of one check. ``proved`` is True only for a proof (or a verified counterexample).

    ``message`` and ``read_as`` may quote the answer: they are stored through :func:`visible`,
    so no control or bidi character of the answer reaches whoever shows them.

    >>> print(Verdict(Status.INVALID, Method.READER, False, None, "Invalid: x\x1b[2J").message)
    Invalid: x\x1b[2J
    """

    status: Status
    method: Method
    proved: bool
    read_as: str | None
    message: str
    evidence: Evidence | None = None
    elapsed: float = 0.0
    notation: str | None = None
    position: int | None = None
    diagnosis: Diagnosis | None = None
    partial_credit: float | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "message", visible(self.message))
        if self.read_as is not None:
            object.__setattr__(self, "read_as", visible(self.read_as))

    @property
    def score(self) -> float:
        """1.0 for correct; for an incorrect structured answer its ``partial_credit`` (the
        fraction of entries right) when one was computed; else 0.0."""
        if self.status is Status.CORRECT:
            return 1.0
        return self.partial_credit if self.partial_credit is not None and self.status is Status.INCORRECT else 0.0

    @property
    def exit_code(self) -> ExitCode:
        """The ``derivecheck check`` exit status for this verdict."""
        return self.status.exit_code

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data (enums as their values)."""
        data = asdict(self)
        data["status"] = self.status.value
        data["method"] = self.method.value
        data["score"] = self.score
        data["diagnosis"] = self.diagnosis.to_dict() if self.diagnosis else None
        del data["partial_credit"]
        data["elapsed"] = round(self.elapsed, 6)
        return data
