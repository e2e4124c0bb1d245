"""Loader for the conformance suite: public answer-test fixtures as (reference, answer, verdict) rows.

The rows are converted from STACK's and Math-Verify's fixtures by
``benchmarks/conformance_convert.py`` (their files cite the repository and path);
``conformance/disagreements.tsv`` lists every row where derivecheck's verdict differs from
the fixture's, with the reason (``policy: ...`` or ``not yet supported: ...``).
Shared by ``tests/checkers/test_conformance.py`` and ``benchmarks/conformance_report.py``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from checkers import check

HERE = Path(__file__).resolve().parent / "conformance"
FILES = ("stack.jsonl", "math_verify.jsonl")
ROW_TIMEOUT = 3.0


@dataclass(frozen=True)
class Row:
    source: str
    file: str
    line: int
    reference: str
    answer: str
    expected: str
    notation: str

    @property
    def key(self) -> str:
        """``source:file:line`` plus a counter for rows sharing a line (filled by :func:`load`)."""
        return f"{self.source}:{self.file}:{self.line}"


@dataclass(frozen=True)
class Disagreement:
    key: str
    status: str
    reason: str


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]


def load() -> dict[str, Row]:
    """Every in-scope row by a stable key (``repo:path:line``, ``#n`` for the n-th row of a line)."""
    rows: dict[str, Row] = {}
    for name in FILES:
        for data in _jsonl(HERE / name):
            row = Row(**data)
            key, count = row.key, 1
            while key in rows:
                count += 1
                key = f"{row.key}#{count}"
            rows[key] = row
    return rows


def out_of_scope() -> list[dict]:
    return _jsonl(HERE / "out_of_scope.jsonl")


def disagreements() -> dict[str, Disagreement]:
    """The listed disagreements: ``key<TAB>status<TAB>reason`` lines (``#`` starts a comment)."""
    table = {}
    for line in (HERE / "disagreements.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        key, status, reason = line.split("\t")[:3]
        table[key] = Disagreement(key, status, reason)
    return table


def verdict(row: Row, timeout: float = ROW_TIMEOUT) -> str:
    """derivecheck's status on the row (a reference it cannot read counts as ``refused``)."""
    try:
        return check(row.reference, row.answer, notation=row.notation, timeout=timeout).status.value
    except Exception:
        return "refused"


def agrees(row: Row, status: str) -> bool:
    return status == row.expected


def is_false_positive(row: Row, status: str) -> bool:
    return status == "correct" and row.expected != "correct"
