"""Budgets of work, not of wall time, that hold in any thread.

A check's verdict must not depend on how busy the machine is, so a :class:`Budget` counts
*work*: the Python function calls its thread makes (``sys.settrace`` is per thread), and
stops the block at the first call into sympy, mpmath or derivecheck after the allowance is
spent. The same input spends the same work on an idle or a busy machine, so it gets the
same verdict. Seconds given by a caller are turned into work at a fixed rate
(:data:`CALLS_PER_SECOND`, measured on the reference machine), so ``timeout=5`` means "what
5 seconds buy on an ordinary machine".

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

import inspect
import sys
import time
from collections.abc import Callable
from types import FrameType, TracebackType
from typing import Any

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

_INTERRUPTIBLE = ("sympy", "mpmath", "checkers", "derive")
_GENERATOR_FLAGS = inspect.CO_GENERATOR | inspect.CO_COROUTINE | inspect.CO_ASYNC_GENERATOR
_CLOCK_EVERY = 64  # calls between two looks at the clocks
_Tracer = Callable[[FrameType, str, Any], Any]


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
        self.Expired: type[BudgetExpired] = type("Expired", (BudgetExpired,), {})
        self.spent = 0
        self.deadline = 0.0
        self.expired = False
        self.reason: str | None = None
        self._previous: _Tracer | None = None
        self._importing: FrameType | None = None  # the module being imported, while it runs
        self._chain: tuple[Budget, ...] = (self,)  # this budget and the budgets it is nested in, innermost first
        self._tail: _Tracer | None = None  # the tracer outside the outermost budget (a debugger, coverage)

    def remaining(self) -> int:
        """Calls left (0 when spent)."""
        return max(0, self.effort - self.spent)

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
        self._previous = sys.gettrace()
        self._chain, self._tail = _chain_of(self)
        sys.settrace(self._trace)
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> bool:
        sys.settrace(self._previous)
        if kind is not None and issubclass(kind, self.Expired):
            self.expired = True
            return True
        return False

    def _trace(self, frame: FrameType, event: str, arg: Any) -> _Tracer | None:
        """Count the call in every budget of the chain, innermost first, in one function: a
        chain of tracers calling each other would cost a Python call per budget and per call.
        Equivalent to each budget counting the call and then passing it on to the next."""
        if event == "call" and frame.f_code.co_name != "<module>":
            for budget in self._chain:
                if budget._importing is not None:
                    return budget._count(frame, event, arg)  # inside an import: the budget's own way
                budget.spent = spent = budget.spent + 1
                if (budget.reason is not None or spent > budget.effort or not spent % _CLOCK_EVERY) \
                        and budget._over() and _interruptible(frame):
                    raise budget.Expired
            return self._tail(frame, event, arg) if self._tail is not None else None
        return self._count(frame, event, arg)

    def _count(self, frame: FrameType, event: str, arg: Any) -> _Tracer | None:
        """This budget's count of one call, then the next tracer's (the general way: imports)."""
        if event == "call" and self._importing is None:
            if frame.f_code.co_name == "<module>" and _imported(frame):
                return self._import(frame, event, arg)
            spent = self.spent = self.spent + 1
            if (spent > self.effort or not spent % _CLOCK_EVERY or self.reason is not None) \
                    and self._over() and _interruptible(frame):
                raise self.Expired
        previous = self._previous
        return previous(frame, event, arg) if previous is not None else None

    def _import(self, module: FrameType, event: str, arg: Any) -> _Tracer:
        """A module imported lazily (sympy's ``simplify`` imports ``sympy.physics`` on first use)
        is not the check's work: whether it was imported already depends on what the process did
        before, and a verdict must not. Its calls are not counted and its time moves the clocks on."""
        self._importing, cpu, wall = module, time.thread_time(), time.monotonic()
        outer = self._previous(module, event, arg) if self._previous is not None else None

        def local(frame: FrameType, event: str, arg: Any) -> _Tracer:
            nonlocal outer
            if outer is not None:
                outer = outer(frame, event, arg)
            if event == "return" and frame is module:
                self._importing = None
                self.cpu_deadline += time.thread_time() - cpu
                self.deadline += time.monotonic() - wall
            return local

        return local

    def _over(self) -> bool:
        if self.reason is not None:
            return True
        if self.spent > self.effort:
            self.reason = "effort"
        elif self.spent % _CLOCK_EVERY == 0 and time.thread_time() > self.cpu_deadline:
            self.reason = "cpu"
        elif self.spent % _CLOCK_EVERY == 0 and time.monotonic() > self.deadline:
            self.reason = "ceiling"
        return self.reason is not None


def _chain_of(budget: Budget) -> tuple[tuple[Budget, ...], _Tracer | None]:
    """The budgets ``budget`` is nested in (itself first) and the tracer outside them all."""
    outer = getattr(budget._previous, "__self__", None)
    if isinstance(outer, Budget) and budget._previous == outer._trace:
        return (budget, *outer._chain), outer._tail
    return (budget,), budget._previous


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
    tracer = sys.gettrace()
    budgets = []
    while isinstance(getattr(tracer, "__self__", None), Budget):
        budgets.append(tracer.__self__)
        tracer = tracer.__self__._previous
    cpu, wall = time.thread_time(), time.monotonic()
    active = sys.gettrace()
    sys.settrace(tracer)
    try:
        return compute()
    finally:
        sys.settrace(active)
        for budget in budgets:
            budget.cpu_deadline += time.thread_time() - cpu
            budget.deadline += time.monotonic() - wall


def _imported(frame: FrameType) -> bool:
    """The body of a module that the import system runs."""
    return frame.f_code.co_name == "<module>" and frame.f_back is not None \
        and frame.f_back.f_code.co_name == "_call_with_frames_removed"


def _interruptible(frame: FrameType) -> bool:
    """Stop only in ordinary sympy/mpmath/derivecheck functions: not in finalizers or generators."""
    module = frame.f_globals.get("__name__", "")
    if not module.startswith(_INTERRUPTIBLE) or module == __name__:
        return False
    return frame.f_code.co_name != "__del__" and not frame.f_code.co_flags & _GENERATOR_FLAGS
