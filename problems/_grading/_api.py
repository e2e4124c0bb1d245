"""``grade_many``: grade an iterable of submission rows, yielding one result per row as it completes."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from checkers import UsageError

from ._dedupe import deduplicated
from ._local import LocalRunner, default_workers
from ._records import result_record
from ._rows import Item, RowError, Task, task_from_mapping
from ._worker import CheckFunction, check_task

__all__ = ["grade_many"]


def grade_many(
    rows: Iterable[Mapping[str, Any] | Item],
    *,
    workers: int | None = None,
    timeout: float = 5.0,
    grace: float = 3.0,
    memory_mb: int = 1024,
    scheduler: Any = None,
    dedupe: bool = True,
    check: CheckFunction = check_task,
) -> Iterator[dict[str, Any]]:
    """Grade every row once, in worker processes, yielding result records as checks finish.

    A row is a mapping ``{"id", "problem", "part", "answer"}`` or ``{"id", "expected",
    "answer", "symbols"}`` (its ``row`` is its 1-based position), or a Task / RowError from
    ``read_submissions``. Each result is ``{"id", "row", "problem", "status", "score",
    ...the Verdict's to_dict()}``; a bad row gives ``"status": "error"`` with an ``"error"``
    record. A check that passes its CPU limit (what its budgets allow, plus ``grace``), its
    wall-clock kill (the budget's ceiling, plus ``grace``) or ``memory_mb`` of memory is
    stopped, its worker replaced, and its row is ``undecided`` (see ``_limits.kill_after``).

    ``workers`` defaults to the cores; ``scheduler`` (a Dask scheduler address or a
    ``distributed.Client``) runs the checks on a Dask cluster instead. ``dedupe`` checks a
    repeated (reference, answer) pair once. ``check(task, timeout) -> Verdict`` replaces the
    check itself (it must be importable by the workers).

    >>> rows = [{"id": "s1", "expected": "x^2", "answer": "2x"},
    ...         {"id": "s2", "expected": "x^2", "answer": "x*x"},
    ...         {"id": "s3", "answer": "x"}]
    >>> sorted((r["id"], r["status"]) for r in grade_many(rows, workers=1))
    [('s1', 'incorrect'), ('s2', 'correct'), ('s3', 'error')]
    """
    if timeout <= 0 or grace < 0:
        raise UsageError("timeout must be positive and grace non-negative")
    if memory_mb < 128:
        raise UsageError("memory_mb must be at least 128")
    if scheduler is not None:
        from ._dask import DaskRunner  # dask is an optional extra

        run = DaskRunner(scheduler, timeout, grace, check).run
    else:
        count = default_workers() if workers is None else workers
        if count < 1:
            raise UsageError("workers must be at least 1")
        run = LocalRunner(count, timeout, grace, memory_mb, check).run
    for item, payload in deduplicated(_items(rows), run, dedupe=dedupe):
        yield result_record(item, payload)


def _items(rows: Iterable[Mapping[str, Any] | Item]) -> Iterator[Item]:
    for position, row in enumerate(rows, start=1):
        if isinstance(row, (Task, RowError)):
            yield row
        elif isinstance(row, Mapping):
            yield task_from_mapping(row, position)
        else:
            yield RowError(position, None, "unreadable", f"row {position} must be a mapping, not {type(row).__name__}")
