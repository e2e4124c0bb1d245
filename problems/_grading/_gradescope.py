"""Export results in Gradescope's autograder format (``results.json``).

Gradescope reads a top-level ``score``, ``execution_time`` (seconds), ``output``,
``visibility`` / ``stdout_visibility`` and a ``tests`` array whose entries carry ``name``,
``score``, ``max_score``, ``status`` (``"passed"`` / ``"failed"``), ``output`` and optional
``tags`` / ``visibility`` / ``extra_data``. Each graded row becomes one test worth 1 point.

A row's id, problem and answer are the student's or the gradebook's text, so the export is
plain text twice over: ``output_format`` (and ``test_output_format`` / ``test_name_format``
at the top, ``output_format`` / ``name_format`` on each test) is ``"text"``, which Gradescope
shows without interpreting HTML or Markdown, and every shown string goes through
:func:`visible`, so no control or bidi character reaches the page.

>>> data = gradescope_results([{"id": "s1", "row": 1, "problem": "p.a", "status": "correct",
...                             "score": 1.0, "message": "Correct."}], execution_time=2.4)
>>> data["score"], data["execution_time"], data["tests"][0]["status"], data["tests"][0]["name"]
(1.0, 3, 'passed', 's1: p.a')
>>> data["output_format"], data["tests"][0]["output_format"]
('text', 'text')

An incorrect structured answer keeps its partial credit, and its diagnosis is shown:

>>> wrong = {"id": "s2", "row": 2, "problem": "p.b", "status": "incorrect", "score": 0.5, "message": "Incorrect.",
...          "diagnosis": {"kind": "wrong-entries", "message": "Entry 2 is wrong; the others are right."}}
>>> test = gradescope_results([wrong], execution_time=1.0)["tests"][0]
>>> test["score"], test["output"].splitlines()[1], test["extra_data"]["mistake"]
(0.5, 'Mistake (wrong-entries): Entry 2 is wrong; the others are right.', 'wrong-entries')
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from checkers import UsageError
from checkers._visible import visible

__all__ = ["gradescope_results", "write_gradescope", "TEXT"]

TEXT = "text"  # Gradescope's plain-text format: shown as written, no HTML or Markdown


def gradescope_results(
    records: Iterable[dict[str, Any]], *, execution_time: float, visibility: str = "visible"
) -> dict[str, Any]:
    """The results.json document for these records, in row order."""
    tests = [_test(record, visibility) for record in sorted(records, key=lambda r: r["row"])]
    passed = sum(1 for t in tests if t["status"] == "passed")
    return {
        "score": float(sum(t["score"] for t in tests)),
        "execution_time": math.ceil(execution_time),
        "output": f"derivecheck graded {len(tests)} answers: {passed} correct.",
        "output_format": TEXT,
        "test_output_format": TEXT,
        "test_name_format": TEXT,
        "visibility": visibility,
        "stdout_visibility": "hidden",
        "tests": tests,
    }


def write_gradescope(path: Path, records: Iterable[dict[str, Any]], *, execution_time: float) -> None:
    """Write results.json (UsageError if the file cannot be written)."""
    document = gradescope_results(records, execution_time=execution_time)
    try:
        path.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
    except OSError as error:
        raise UsageError(f"cannot write {path}: {error.strerror}") from None


def _test(record: dict[str, Any], visibility: str) -> dict[str, Any]:
    status = str(record.get("status"))
    label = record.get("problem") or "answer"
    output = str(record.get("message") or "")
    diagnosis = record.get("diagnosis") if isinstance(record.get("diagnosis"), dict) else None
    if diagnosis:
        output += f"\nMistake ({diagnosis.get('kind')}): {diagnosis.get('message')}"
    if record.get("read_as"):
        output += f"\nRead as: {record['read_as']}"
    return {
        "name": visible(f"{record.get('id')}: {label}", newlines=False),
        "name_format": TEXT,
        "score": float(record.get("score") or 0.0),
        "max_score": 1.0,
        "status": "passed" if status == "correct" else "failed",
        "output": visible(output),
        "output_format": TEXT,
        "tags": [status] + ([visible(str(record["problem"]), newlines=False)] if record.get("problem") else []),
        "visibility": visibility,
        "extra_data": {"id": record.get("id"), "row": record["row"], "status": status,
                       "mistake": diagnosis.get("kind") if diagnosis else None},
    }
