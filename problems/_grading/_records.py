"""Result records: one JSON-ready dict per input row.

A worker returns a *payload* (a Verdict's ``to_dict()``, or an error payload); the record
adds the row's identity in front of it.

>>> task = Task(row=3, id="s1", answer="2x", expected="x^2")
>>> record = result_record(task, undecided_payload("the worker stopped"))
>>> record["id"], record["row"], record["status"], record["score"], record["method"]
('s1', 3, 'undecided', 0.0, 'budget')
>>> result_record(RowError(4, None, "unreadable", "line 4 is not valid JSON"))["error"]
{'kind': 'unreadable', 'message': 'line 4 is not valid JSON'}
"""

from __future__ import annotations

from typing import Any

from checkers import Method, Status, Verdict
from checkers._visible import visible

from ._rows import RowError, Task

__all__ = ["result_record", "error_payload", "undecided_payload", "ERROR", "STATUSES"]

ERROR = "error"
STATUSES = (*tuple(s.value for s in Status), ERROR)
Payload = dict[str, Any]


def error_payload(kind: str, message: str) -> Payload:
    """The payload of a row that could not be graded (bad row, unreadable reference); the message
    may quote the row, so it goes through :func:`visible` like every message."""
    message = visible(message)
    return {"status": ERROR, "score": 0.0, "message": message, "error": {"kind": kind, "message": message}}


def undecided_payload(reason: str, elapsed: float = 0.0) -> Payload:
    """The payload of a check that was stopped from outside (time, memory, a dead worker)."""
    return Verdict(Status.UNDECIDED, Method.BUDGET, False, None, f"Undecided: {reason}", elapsed=elapsed).to_dict()


def result_record(item: Task | RowError, payload: Payload | None = None) -> dict[str, Any]:
    """``{"id", "row", "problem", "status", "score", ...payload}`` for a graded task or a bad row."""
    if isinstance(item, RowError):
        payload = error_payload(item.kind, item.message)
    assert payload is not None
    record: dict[str, Any] = {"id": item.id, "row": item.row, "problem": item.problem,
                              "status": payload["status"], "score": payload["score"]}
    record.update(payload)
    return record
