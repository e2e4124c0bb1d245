"""The built-in runner: a pebble ProcessPool whose workers are killed and replaced on a hang.

Each task runs in a worker process under RLIMIT_AS (``memory_mb``) and a per-task CPU
limit; pebble stops a worker whose task runs past the budget's wall-clock ceiling plus
``grace`` (see :mod:`._worker`) and starts a fresh one. Workers come from a forkserver that
has already imported the checker, so start-up and imports are paid once, not per row (or
per replaced worker). At most ``4 * workers`` tasks are in flight, so memory stays flat
however long the input is.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, wait
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any

from pebble import ProcessPool

from checkers import UsageError

from ._limits import kill_after, start_checking_process
from ._records import undecided_payload
from ._rows import Task
from ._worker import CheckFunction, check_task, run_task, stopped_reason

__all__ = ["LocalRunner", "default_workers"]

_LOG = logging.getLogger("derivecheck")

_PRELOAD = ["problems._grading._worker"]
_CANNOT_START = ("the worker processes could not start. A script that calls grade_many must do so under "
                 "`if __name__ == \"__main__\":` (workers import the main module, as with any multiprocessing pool), "
                 "and cannot be read from standard input.")


def default_workers() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


@dataclass(frozen=True)
class LocalRunner:
    """Grade tasks in ``workers`` local processes; yields ``(task, payload)`` as checks finish."""

    workers: int
    timeout: float
    grace: float
    memory_mb: int
    check: CheckFunction = check_task
    max_tasks: int = 0

    def run(self, tasks: Iterable[Task]) -> Iterator[tuple[Task, dict[str, Any]]]:
        source = iter(tasks)
        retry: deque[Task] = deque()  # tasks a broken pool never ran
        pool = self._pool()
        pending: dict[Future[Any], Task] = {}
        completed = 0
        finished = False
        try:
            exhausted = False
            while True:
                while len(pending) < 4 * self.workers and (retry or not exhausted):
                    task = retry.popleft() if retry else next(source, None)
                    if task is None:
                        exhausted = True
                        break
                    if not pool.active:  # all workers died at once (rare): start a new pool
                        pool.stop()
                        pool = self._pool()
                    deadline = kill_after(self.timeout, self.grace)
                    pending[pool.schedule(run_task, args=(task, self.timeout, self.check), timeout=deadline)] = task
                if not pending:
                    break
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for future in sorted(done, key=lambda f: pending[f].row):
                    task = pending.pop(future)
                    payload = self._payload(future)
                    if payload is None:
                        if completed == 0:
                            raise UsageError(_CANNOT_START)
                        retry.append(task)
                        continue
                    completed += 1
                    yield task, payload
            finished = True
        finally:
            if finished:
                pool.close()
            else:
                pool.stop()
            pool.join()

    def _pool(self) -> ProcessPool:
        return ProcessPool(max_workers=self.workers, max_tasks=self.max_tasks, initializer=start_checking_process,
                           initargs=(self.memory_mb, self.grace), context=_context())

    def _payload(self, future: Future[Any]) -> dict[str, Any] | None:
        """The task's payload, an ``undecided`` one if it was stopped, None if the pool broke before it ran."""
        try:
            return future.result()
        except BrokenProcessPool:
            return None
        except Exception as error:
            reason = stopped_reason(error, self.timeout, self.grace, self.memory_mb)
            if reason is not None:
                stopped_at = kill_after(self.timeout, self.grace) if isinstance(error, FutureTimeout) else 0.0
                return undecided_payload(reason, stopped_at)
            # pickling problems, a broken pool
            _LOG.warning("a grading worker failed", exc_info=error)
            return undecided_payload("the worker checking this answer failed; it was neither accepted nor rejected.")


def _context() -> Any:
    """A forkserver context that preloads the checker (safe with threads, cheap per worker)."""
    if "forkserver" not in multiprocessing.get_all_start_methods():  # pragma: no cover - not POSIX
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(_PRELOAD)
    return context
