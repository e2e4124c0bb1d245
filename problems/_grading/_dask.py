"""The same grading on a Dask distributed cluster (install the ``dask`` extra).

Each row is one Dask task running ``run_task`` (the checker's own budget stops it in any
thread). Every worker first imports the checker and the bank (``warm_up``); then the client
keeps as many tasks in flight as the cluster has threads and gives each ``2 * (timeout +
grace)`` seconds from submission; a task past that is cancelled and its row recorded
``undecided``. Dask cannot kill a running thread, so a check stuck in C code keeps
its Dask worker thread busy until it returns; memory is limited by the Dask workers' own
``memory_limit`` (their nanny restarts a worker past it, and the row becomes ``undecided``).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from checkers import UsageError

from .. import bank
from ._records import undecided_payload
from ._rows import Task
from ._worker import CheckFunction, check_task, run_task

__all__ = ["DaskRunner", "warm_up"]

_LOG = logging.getLogger("derivecheck")


def warm_up(check: CheckFunction) -> None:
    """Run on every Dask worker before the rows: import the checker and load the bank once."""
    bank.all()


@dataclass(frozen=True)
class DaskRunner:
    """Grade tasks on the cluster behind ``scheduler`` (an address or a ``distributed.Client``)."""

    scheduler: Any
    timeout: float
    grace: float
    check: CheckFunction = check_task

    def run(self, tasks: Iterable[Task]) -> Iterator[tuple[Task, dict[str, Any]]]:
        try:
            from distributed import Client
        except ImportError:
            raise UsageError("--scheduler needs Dask: pip install 'derivecheck[dask]'") from None
        own = not isinstance(self.scheduler, Client)
        client = self._connect(Client) if own else self.scheduler
        try:
            yield from self._run(client, iter(tasks))
        finally:
            if own:
                client.close()

    def _connect(self, client_type: Any) -> Any:
        try:
            return client_type(self.scheduler, timeout="20s", set_as_default=False)
        except (OSError, TimeoutError, ValueError):
            raise UsageError(f"cannot reach the Dask scheduler at {self.scheduler!r}: is it running there?") from None

    def _run(self, client: Any, source: Iterator[Task]) -> Iterator[tuple[Task, dict[str, Any]]]:
        from distributed import wait

        try:
            client.run(warm_up, self.check)
        except Exception as error:  # a worker without derivecheck, or a check it cannot import
            _LOG.warning("the Dask workers cannot run derivecheck", exc_info=error)
            raise UsageError("the Dask workers cannot run derivecheck: install derivecheck where the workers run") from None
        window = max(1, sum(client.nthreads().values()))
        allowed = 2 * (self.timeout + self.grace)
        pending: dict[Any, tuple[Task, float]] = {}
        exhausted = False
        try:
            while True:
                while not exhausted and len(pending) < window:
                    task = next(source, None)
                    if task is None:
                        exhausted = True
                        break
                    future = client.submit(run_task, task, self.timeout, self.check, pure=False)
                    pending[future] = (task, time.monotonic() + allowed)
                if not pending:
                    return
                nearest = min(deadline for _, deadline in pending.values())
                try:
                    with client.as_current():
                        wait(
                            list(pending), timeout=max(0.05, min(1.0, nearest - time.monotonic())), return_when="FIRST_COMPLETED"
                        )
                except TimeoutError:
                    pass
                now = time.monotonic()
                for future in sorted(pending, key=lambda f: pending[f][0].row):
                    task, deadline = pending[future]
                    if future.done():
                        del pending[future]
                        yield task, self._payload(future)
                    elif now > deadline:
                        del pending[future]
                        future.cancel()
                        yield (
                            task,
                            undecided_payload(
                                f"the check ran past {allowed:g} s on the Dask cluster and was cancelled.", allowed
                            ),
                        )
        finally:
            for future in pending:
                future.cancel()

    def _payload(self, future: Any) -> dict[str, Any]:
        try:
            return future.result()
        except Exception as error:  # KilledWorker, CancelledError, a lost connection
            _LOG.warning("a Dask task failed", exc_info=error)
            return undecided_payload("the Dask task checking this answer failed; it was neither accepted nor rejected.")
