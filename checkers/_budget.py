"""Wall-clock budgets that hold in any thread, not only the main one.

``signal.alarm`` works only in the main thread, and an exception injected from another
thread can land anywhere (inside a finalizer or a lock). :class:`Budget` instead installs
a trace hook in the *owning* thread (``sys.settrace`` is per thread) that checks the clock
at each Python function call and, once time is up, raises at the next call into sympy,
mpmath, checkers or derive - never inside threading, weakref or garbage-collection code. The
exception derives from ``BaseException`` so library code that catches ``Exception`` cannot
swallow it. Long single C-level operations cannot be interrupted; the readers' caps keep
those short, and batch grading adds process isolation on top.

The block simply stops when time is up; afterwards ``expired`` says whether it did.

>>> import sympy
>>> x = sympy.Symbol("x")
>>> with Budget(0.05) as budget:
...     while True:
...         _ = sympy.expand((x + 1) ** 30)
>>> budget.expired
True
"""

from __future__ import annotations

import inspect
import sys
import time
from collections.abc import Callable
from types import FrameType, TracebackType
from typing import Any

__all__ = ["Budget", "BudgetExpired"]

_INTERRUPTIBLE = ("sympy", "mpmath", "checkers", "derive")
_Tracer = Callable[[FrameType, str, Any], Any]


class BudgetExpired(BaseException):
    """Raised inside a budgeted block when its time is up (each Budget has a subclass)."""


class Budget:
    """A deadline for the current thread; use as a context manager.

    ``Expired`` is a per-budget subclass of :class:`BudgetExpired`, so nested budgets
    each stop only their own block, and leaving the block swallows its own expiry.
    """

    def __init__(self, seconds: float) -> None:
        self.seconds = max(0.0, float(seconds))
        self.Expired: type[BudgetExpired] = type("Expired", (BudgetExpired,), {})
        self.deadline = 0.0
        self.expired = False
        self._previous: _Tracer | None = None

    def remaining(self) -> float:
        """Seconds left (0 when spent)."""
        return max(0.0, self.deadline - time.monotonic())

    def __enter__(self) -> Budget:
        self.deadline = time.monotonic() + self.seconds
        self._previous = sys.gettrace()
        sys.settrace(self._trace)
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> bool:
        sys.settrace(self._previous)
        if kind is not None and issubclass(kind, self.Expired):
            self.expired = True
            return True
        return False

    def _trace(self, frame: FrameType, event: str, arg: Any) -> _Tracer | None:
        if event == "call" and time.monotonic() > self.deadline and _interruptible(frame):
            raise self.Expired
        return self._previous(frame, event, arg) if self._previous is not None else None


_GENERATOR_FLAGS = inspect.CO_GENERATOR | inspect.CO_COROUTINE | inspect.CO_ASYNC_GENERATOR


def _interruptible(frame: FrameType) -> bool:
    """Stop only in ordinary sympy/mpmath/checkers functions: not in finalizers or generators
    (a generator is also entered by its close() during garbage collection)."""
    module = frame.f_globals.get("__name__", "")
    if not module.startswith(_INTERRUPTIBLE) or module == __name__:
        return False
    return frame.f_code.co_name != "__del__" and not frame.f_code.co_flags & _GENERATOR_FLAGS
