"""Budgets of work, not of wall time, that hold in any thread.

A check's verdict must not depend on how busy the machine is, so a :class:`Budget` counts
*work*: the Python function calls its thread makes, and stops the block at the first call
into sympy, mpmath or derivecheck after the allowance is spent. The same input spends the
same work on an idle or a busy machine, so it gets the same verdict. How calls are counted
is :mod:`checkers._metering`'s job (``sys.monitoring`` on Python 3.12 and later, where
checking takes about 1.4-1.8 times as long as uncounted; ``sys.settrace`` on 3.11, 2-3 times);
both count the same calls. Seconds given by a caller are turned into work at a fixed rate
(:data:`CALLS_PER_SECOND`, measured on the reference machine with ``sys.settrace``), so
``timeout=5`` means "what 5 seconds buy on an ordinary machine"; where counting is cheaper,
the same work takes less time.

Some work is not function calls: arithmetic on big numbers inside mpmath or sympy runs in
C. The thread's own CPU time (not wall time: waiting for the processor on a busy machine
does not count) is therefore a second allowance, a little over the nominal seconds
(``reason == "cpu"``); the readers' number caps keep single C-level operations short, and
the command line and batch grading run checks in processes that can be killed. A
wall-clock *ceiling* (many times the nominal seconds) is kept only as a safety net for a
machine far slower than the reference; its expiry is reported as such
(``reason == "ceiling"``).

The exception derives from ``BaseException`` so library code that catches ``Exception``
cannot swallow it, and it is never raised inside finalizers or generators (a generator is
also entered by its ``close()`` during garbage collection). The block simply stops when
the budget is spent; afterwards ``expired`` and ``reason`` say why.

>>> import sympy
>>> x = sympy.Symbol("x")
>>> with Budget(effort=20_000) as budget:
...     while True:
...         _ = sympy.expand((x + 1) ** 30)
>>> budget.expired, budget.reason, budget.spent > 20_000
(True, 'effort', True)
"""

from __future__ import annotations

import time
from collections.abc import Callable
from types import TracebackType
from typing import Any

from ._metering import CURRENT, Counting, default_meter, moved_on

__all__ = ["Budget", "BudgetExpired", "uncounted", "CALLS_PER_SECOND", "CPU_SLACK", "CEILING_FACTOR",
           "REFERENCE_EXTRA_SECONDS"]

CALLS_PER_SECOND = 300_000
"""Function calls one second of checking makes on the reference machine (2 cores, 2026)."""

CPU_SLACK = 0.5
"""Seconds of thread CPU time allowed beyond the nominal seconds (for work done in C)."""

CEILING_FACTOR = 10.0
"""The wall-clock safety net: this many times the nominal seconds, plus two seconds (a busy machine
runs several checks at once; only a machine far slower than the reference should reach it)."""

REFERENCE_EXTRA_SECONDS = 2.0
"""A reference given as text is the author's: it is read within the check's budget and this many seconds more."""


class BudgetExpired(BaseException):
    """Raised inside a budgeted block when its budget is spent (each Budget has a subclass)."""


class Budget:
    """An allowance of work for the current thread; use as a context manager.

    ``Budget(seconds)`` allows ``seconds * CALLS_PER_SECOND`` calls; ``effort`` sets the
    calls directly. The thread may also use ``seconds + CPU_SLACK`` of CPU time. ``ceiling``
    is the wall-clock safety net in seconds (default: ten times the nominal seconds, plus
    two). ``Expired`` is a per-budget subclass of
    :class:`BudgetExpired`, so nested budgets each stop only their own block, and leaving
    the block swallows its own expiry.

    >>> Budget(2.0).effort, Budget(effort=300).seconds
    (600000, 0.001)
    """

    def __init__(self, seconds: float | None = None, *, effort: int | None = None, ceiling: float | None = None) -> None:
        if effort is None:
            effort = int(max(0.0, float(seconds or 0.0)) * CALLS_PER_SECOND)
        self.effort = max(0, int(effort))
        self.seconds = self.effort / CALLS_PER_SECOND
        self.ceiling = ceiling if ceiling is not None else self.seconds * CEILING_FACTOR + 2.0
        self.cpu_allowance = self.seconds + CPU_SLACK
        self.cpu_deadline = 0.0
        self._expired: type[BudgetExpired] | None = None  # Expired, made when first asked for
        self.deadline = 0.0
        self.expired = False
        self.reason: str | None = None
        self.counting: Counting | None = None
        """The thread's count while the block runs (the meter sets and clears it)."""
        self.base = 0
        """That count when the block began; once it is over, the calls spent."""

    @property
    def Expired(self) -> type[BudgetExpired]:
        """This budget's own subclass of :class:`BudgetExpired` (made on first use: most budgets
        never expire, and making a class costs as much as a short check's reading)."""
        if self._expired is None:
            self._expired = type("Expired", (BudgetExpired,), {})
        return self._expired

    @property
    def spent(self) -> int:
        """Calls counted so far (all of them, once the block is over)."""
        counting = self.counting
        return counting.count - self.base if counting is not None else self.base

    def remaining(self) -> int:
        """Calls left (0 when spent)."""
        counting = self.counting  # not ``spent``: a property is one more counted call
        return max(0, self.effort - (counting.count - self.base if counting is not None else self.base))

    def share(self, fraction: float, *, at_least: int = 20_000, at_most: int | None = None,
              clocks: float = 1.0) -> Budget:
        """A nested budget of ``fraction`` of what is left (at least ``at_least`` calls, at
        most ``at_most`` when given), under the same clocks: within ``clocks`` (a fraction) of
        the CPU time and wall time this budget has left, when it is running.

        >>> Budget(effort=100_000).share(0.5).effort, Budget(effort=100_000).share(0.5, at_most=30_000).effort
        (50000, 30000)
        >>> with Budget(10.0) as outer:
        ...     inner = outer.share(0.5, clocks=0.5)
        >>> round(inner.seconds, 1), round(inner.cpu_allowance, 1), round(inner.ceiling)  # half of 10.5 s CPU, of 102 s wall
        (5.0, 5.2, 51)
        """
        effort = max(at_least, int(self.remaining() * fraction))
        inner = Budget(effort=effort if at_most is None else min(effort, max(0, at_most)))
        if self.deadline:
            inner.ceiling = clocks * max(0.0, self.deadline - time.monotonic())
            inner.cpu_allowance = min(inner.cpu_allowance, clocks * max(0.0, self.cpu_deadline - time.thread_time()))
        return inner

    def __enter__(self) -> Budget:
        self.deadline = time.monotonic() + self.ceiling
        self.cpu_deadline = time.thread_time() + self.cpu_allowance
        CURRENT[0].enter(self)
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> bool:
        CURRENT[0].exit(self)
        if kind is not None and self._expired is not None and issubclass(kind, self._expired):
            self.expired = True
            return True
        return False

    def over(self) -> bool:
        """Whether the allowance or a clock is spent (the meter asks every
        :data:`~checkers._metering.CLOCK_EVERY` calls and past the allowance); ``reason``
        says which: ``"effort"``, ``"cpu"`` or ``"ceiling"``."""
        if self.reason is None:
            if self.spent > self.effort:
                self.reason = "effort"
            elif time.thread_time() > self.cpu_deadline:
                self.reason = "cpu"
            elif time.monotonic() > self.deadline:
                self.reason = "ceiling"
        return self.reason is not None


def uncounted(compute: Callable[[], Any]) -> Any:
    """``compute()`` not charged to the active budgets (their clocks move on by its time): for
    work whose result the process keeps (built once, then reused), so that whether it was
    done already, which depends on what the process did before, never changes a verdict.
    ``compute`` should bound itself (a :class:`Budget` of its own).

    >>> with Budget(effort=1_000) as budget:
    ...     total = uncounted(lambda: sum(len(str(n)) for n in range(5_000)))
    >>> total, budget.spent < 1_000
    (18890, True)
    """
    meter = default_meter()
    paused = meter.pause()
    cpu, wall = time.thread_time(), time.monotonic()
    try:
        return compute()
    finally:
        meter.resume(paused)
        if paused is not None:
            moved_on(paused.chain, cpu, wall)
