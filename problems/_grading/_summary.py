"""The end-of-run summary: counts by status and by problem, the most common mistakes, and the slowest rows.

>>> summary = Summary()
>>> summary.add({"id": "s1", "row": 1, "problem": "p.a", "status": "correct", "elapsed": 0.5})
>>> summary.add({"id": "s2", "row": 2, "problem": None, "status": "error"})
>>> summary.add({"id": "s3", "row": 3, "problem": "p.a", "status": "incorrect", "diagnosis": {"kind": "sign"}})
>>> print(summary.text(seconds=2.0, graded_now=3, workers="2 workers"))
Graded 3 rows in 2.0 s (1.5 rows/s, 2 workers).
  correct 1 · incorrect 1 · invalid 0 · undecided 0 · error 1
By problem:
  (bad row)  correct 0  incorrect 0  invalid 0  undecided 0  error 1
  p.a        correct 1  incorrect 1  invalid 0  undecided 0  error 0
Most common mistakes (share of the part's incorrect answers):
  p.a: sign 100% (1)
Slowest rows:
  row 1 (id 's1', p.a): 0.50 s, correct
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from checkers._visible import visible

from ._records import ERROR, STATUSES

__all__ = ["Summary"]

_EXPLICIT = "(expected)"
_BAD_ROW = "(bad row)"


@dataclass
class Summary:
    """Accumulates records; ``text()`` renders the report printed to stderr."""

    slowest_count: int = 5
    problems_shown: int = 40
    by_status: Counter[str] = field(default_factory=Counter)
    by_problem: defaultdict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    slowest: list[tuple[float, int, str]] = field(default_factory=list)
    mistakes: defaultdict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    mistakes_shown: int = 3

    def add(self, record: dict[str, Any]) -> None:
        status = str(record.get("status"))
        self.by_status[status] += 1
        problem = record.get("problem") or (_BAD_ROW if status == ERROR and _kind(record) != "bad-reference" else _EXPLICIT)
        problem = visible(str(problem))  # a bad row's problem is the row's own text
        self.by_problem[problem][status] += 1
        diagnosis = record.get("diagnosis")
        if status == "incorrect" and isinstance(diagnosis, dict) and diagnosis.get("kind"):
            self.mistakes[problem][visible(str(diagnosis["kind"]), newlines=False)] += 1
        elapsed = record.get("elapsed")
        if isinstance(elapsed, (int, float)):
            entry = (
                float(elapsed),
                -int(record["row"]),
                f"row {record['row']} (id {record.get('id')!r}, {problem}): {elapsed:.2f} s, {status}",
            )
            if len(self.slowest) < self.slowest_count:
                heapq.heappush(self.slowest, entry)
            else:
                heapq.heappushpop(self.slowest, entry)

    def mistake_lines(self) -> list[str]:
        """The most common mistake kinds of each part, as shares of its incorrect answers."""
        if not self.mistakes:
            return []
        lines = ["Most common mistakes (share of the part's incorrect answers):"]
        for problem in sorted(self.mistakes)[: self.problems_shown]:
            incorrect = self.by_problem[problem]["incorrect"]
            lines.append(_mistake_line(problem, self.mistakes[problem], incorrect, self.mistakes_shown))
        return lines

    @property
    def total(self) -> int:
        return sum(self.by_status.values())

    def text(self, *, seconds: float, graded_now: int, workers: str) -> str:
        rate = graded_now / seconds if seconds > 0 else 0.0
        earlier = self.total - graded_now
        lines = [f"Graded {graded_now:,} rows in {seconds:.1f} s ({rate:,.1f} rows/s, {workers})"
                 + (f"; {earlier:,} rows were already in the results file." if earlier else ".")]
        lines.append("  " + " · ".join(f"{s} {self.by_status[s]:,}" for s in STATUSES))
        if self.by_problem:
            width = max(len(p) for p in self.by_problem)
            lines.append("By problem:")
            for problem in sorted(self.by_problem)[: self.problems_shown]:
                counts = self.by_problem[problem]
                lines.append(f"  {problem:<{width}}  " + "  ".join(f"{s} {counts[s]:,}" for s in STATUSES))
            if len(self.by_problem) > self.problems_shown:
                lines.append(
                    f"  ... and {len(self.by_problem) - self.problems_shown} more problems (the results file has them all)"
                )
        lines.extend(self.mistake_lines())
        if self.slowest:
            lines.append("Slowest rows:")
            lines.extend(f"  {text}" for _, _, text in sorted(self.slowest, reverse=True))
        return "\n".join(lines)


def _mistake_line(problem: str, kinds: Counter[str], incorrect: int, shown: int) -> str:
    """``udl.6.3: missing-term 41% (12), sign 10% (3)``: shares of the part's incorrect answers."""
    return f"  {problem}: " + ", ".join(f"{kind} {100 * count / max(incorrect, 1):.0f}% ({count:,})"
                                      for kind, count in kinds.most_common(shown))


def _kind(record: dict[str, Any]) -> object:
    error = record.get("error")
    return error.get("kind") if isinstance(error, dict) else None
