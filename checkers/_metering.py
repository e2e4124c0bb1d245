"""How a :class:`~checkers._budget.Budget` sees the work of its thread: two meters, one count.

A budget counts the Python function calls its thread makes (a generator's resumption is a
call too) and stops the block at the first call into sympy, mpmath or derivecheck after its
allowance is spent. Two meters count exactly the same events; they differ in what counting
costs:

- :class:`MonitoringMeter`, Python 3.12 and later: ``sys.monitoring`` events ``PY_START``,
  ``PY_RESUME`` and ``PY_THROW``. Events are process-wide, so the callback looks up the
  calling thread's budgets and returns at once for a thread without one. Checking costs
  about 1.4 times its uncounted time (one Python call per counted call).
- :class:`TraceMeter`, Python 3.11: ``sys.settrace``, which is per thread. On 3.11 any
  trace function (even an empty one, even one written in C) puts the interpreter in tracing
  mode, which turns off its specialising fast paths, so checking costs 2 to 3 times its
  uncounted time (``benchmarks/bench_budget_tax.py``).

Both meters leave the body of a module being imported uncounted, as well as everything it
calls. Whether a module was imported already depends on what the process did before, and a
verdict must not, so the import's time moves the budgets' clocks on instead. Both meters
also keep another tool working: the trace meter passes every event on to the trace function
that was set before (a debugger, coverage), and the monitoring meter uses a tool id of its
own.

>>> meter = default_meter()
>>> meter.name in ("sys.monitoring", "sys.settrace")
True
"""

from __future__ import annotations

import inspect
import sys
import threading
import time
from collections.abc import Callable
from types import CodeType, FrameType
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from ._budget import Budget

__all__ = ["CURRENT", "Counting", "Meter", "TraceMeter", "MonitoringMeter", "default_meter", "meters", "select"]

_Tracer = Callable[[FrameType, str, Any], Any]


class Meter(Protocol):
    """What a budget needs from a meter: start and stop counting for it, pause all counting."""

    name: str

    def enter(self, budget: Budget) -> None:
        """Count this thread's calls for ``budget`` (and the budgets it is nested in)."""

    def exit(self, budget: Budget) -> None:
        """Stop counting for ``budget``; the budgets it is nested in count on."""

    def pause(self) -> Counting | None:
        """Count nothing in this thread until :meth:`resume`; returns what was counting."""

    def resume(self, paused: Counting | None) -> None:
        """Count again for what :meth:`pause` returned."""


class Counting:
    """One thread's count of calls while it has budgets, and the budgets (innermost first).

    One counter serves the whole chain: a budget's ``spent`` is the count now less the count
    when it was entered, and ``limit`` is the next count at which some budget must look at
    its allowance or its clocks, so an ordinary call costs one addition and one comparison.
    """

    __slots__ = ("chain", "count", "importing", "limit", "started", "tail")

    def __init__(self, tail: _Tracer | None = None) -> None:
        self.chain: tuple[Budget, ...] = ()
        self.count = 0
        self.limit = 0
        self.tail = tail  # the trace meter: the trace function set before any budget
        self.importing: FrameType | None = None  # the body of the module being imported
        self.started = (0.0, 0.0, 0)  # thread CPU time, wall time and count when that import began

    def push(self, budget: Budget) -> None:
        """Count for ``budget`` too, innermost. Budgets enter and leave inside counted code,
        so this and :meth:`pop` make as few Python calls as they can: each one is counted."""
        budget.counting, budget.base = self, self.count
        self.chain = (budget, *self.chain)
        self.limit = self.next_limit()

    def pop(self, budget: Budget) -> None:
        """Stop counting for ``budget``, the innermost (budgets are context managers); its
        ``spent`` is kept."""
        budget.counting, budget.base = None, self.count - budget.base
        self.chain = self.chain[1:]
        self.limit = self.next_limit()

    def reached(self, frame: FrameType) -> None:
        """The count reached ``limit``: stop the innermost budget that is over, if ``frame``
        may be interrupted, else set the next limit."""
        for budget in self.chain:
            if budget.over() and _interruptible(frame):
                raise budget.Expired
        self.limit = self.next_limit()

    def next_limit(self) -> int:
        """The next count to look at: the next call while a budget is over, else the next clock
        reading or the first call past some budget's allowance."""
        limit = (self.count // CLOCK_EVERY + 1) * CLOCK_EVERY
        for budget in self.chain:
            if budget.reason is not None:
                return self.count + 1
            limit = min(limit, budget.base + budget.effort + 1)
        return limit

    def begin_import(self, module: FrameType) -> None:
        self.importing, self.started = module, (time.thread_time(), time.monotonic(), self.count)

    def end_import(self) -> None:
        """The import is over: its calls are not counted and the budgets' clocks move on by its time."""
        cpu, wall, self.count = self.started
        self.importing = None
        moved_on(self.chain, cpu, wall)


def moved_on(budgets: tuple[Budget, ...], cpu: float, wall: float) -> None:
    """Move ``budgets``' deadlines on by the thread CPU time and wall time since ``cpu``, ``wall``."""
    cpu, wall = time.thread_time() - cpu, time.monotonic() - wall
    for budget in budgets:
        budget.cpu_deadline += cpu
        budget.deadline += wall


class TraceMeter:
    """Counts with ``sys.settrace`` (per thread), for Python 3.11.

    >>> from checkers._budget import Budget
    >>> meter = TraceMeter()
    >>> budget = Budget(effort=1_000)
    >>> meter.enter(budget); _ = [str(n) for n in range(3)]; meter.exit(budget)
    >>> budget.spent > 0
    True
    """

    name = "sys.settrace"

    def __init__(self) -> None:
        self._threads = threading.local()

    def enter(self, budget: Budget) -> None:
        state: Counting | None = getattr(self._threads, "counting", None)
        if state is None:
            state = self._threads.counting = Counting(sys.gettrace())
            state.push(budget)
            sys.settrace(_tracer(state))
        else:
            state.push(budget)

    def exit(self, budget: Budget) -> None:
        state: Counting = self._threads.counting
        state.pop(budget)
        if not state.chain:
            self._threads.counting = None
        # set again even for the outer budgets: CPython unsets a trace function that raised
        sys.settrace(_tracer(state) if state.chain else state.tail)

    def pause(self) -> Counting | None:
        state: Counting | None = getattr(self._threads, "counting", None)
        self._threads.counting = None
        if state is not None:
            sys.settrace(state.tail)
        return state

    def resume(self, paused: Counting | None) -> None:
        self._threads.counting = paused
        if paused is not None:
            sys.settrace(_tracer(paused))


def _tracer(state: Counting) -> _Tracer:
    """The trace function of one thread's budgets: count the call, then pass the event on to
    the trace function set before them."""
    tail = state.tail

    def trace(frame: FrameType, event: str, arg: Any) -> _Tracer | None:
        if event == "call" and state.importing is None:
            if frame.f_code.co_name == "<module>":
                if _imported(frame):
                    return _watched_import(state, frame, event, arg)
            else:
                state.count = count = state.count + 1
                if count >= state.limit:
                    state.reached(frame)
        return tail(frame, event, arg) if tail is not None else None

    return trace


def _watched_import(state: Counting, module: FrameType, event: str, arg: Any) -> _Tracer:
    """The local trace function of a module body being imported: it ends the import when the
    body returns (or raises; settrace reports both as "return")."""
    state.begin_import(module)
    outer = state.tail(module, event, arg) if state.tail is not None else None

    def local(frame: FrameType, event: str, arg: Any) -> _Tracer:
        nonlocal outer
        if outer is not None:
            outer = outer(frame, event, arg)
        if event == "return" and frame is module:
            state.end_import()
        return local

    return local


class MonitoringMeter:
    """Counts with ``sys.monitoring`` (Python 3.12 and later), under a tool id of its own.

    Events are on while any thread has a budget; the callback looks the calling thread up.
    It is the default wherever the interpreter has it:

    >>> sys.version_info < (3, 12) or isinstance(default_meter(), MonitoringMeter)
    True
    """

    name = "sys.monitoring"

    def __init__(self, tool: int) -> None:
        monitoring = sys.monitoring  # type: ignore[attr-defined]  # Python 3.12+
        self._monitoring, self._tool = monitoring, tool
        self._threads: dict[int, Counting] = {}
        self._lock = threading.Lock()
        self._counting = 0  # threads with a budget
        self._imports = 0  # imports under way (PY_UNWIND is on while there are any)
        events = monitoring.events
        self._calls = events.PY_START | events.PY_RESUME | events.PY_THROW
        on_call = _call_counter(self._threads, self._begin_import)
        monitoring.register_callback(tool, events.PY_START, on_call)
        monitoring.register_callback(tool, events.PY_RESUME, on_call)
        monitoring.register_callback(tool, events.PY_THROW, lambda code, offset, error: on_call(code, offset))
        monitoring.register_callback(tool, events.PY_RETURN, lambda code, offset, value: self._left())
        monitoring.register_callback(tool, events.PY_UNWIND, lambda code, offset, error: self._left())

    def enter(self, budget: Budget) -> None:
        ident = threading.get_ident()
        state = self._threads.get(ident)
        if state is None:
            state = Counting()
            state.push(budget)
            self._threads[ident] = state
            self._count_threads(+1)
        else:
            state.push(budget)

    def exit(self, budget: Budget) -> None:
        ident = threading.get_ident()
        state = self._threads[ident]
        if state.importing is not None:  # the block ended inside an import it began
            self._end_import(state)
        state.pop(budget)
        if not state.chain:
            del self._threads[ident]
            self._count_threads(-1)

    def pause(self) -> Counting | None:
        state = self._threads.pop(threading.get_ident(), None)
        if state is not None:
            self._count_threads(-1)
        return state

    def resume(self, paused: Counting | None) -> None:
        if paused is not None:
            self._threads[threading.get_ident()] = paused
            self._count_threads(+1)

    def _count_threads(self, change: int) -> None:
        with self._lock:
            self._counting += change
            self._set_events()

    def _set_events(self) -> None:
        unwind = self._monitoring.events.PY_UNWIND if self._imports else 0
        self._monitoring.set_events(self._tool, self._calls | unwind if self._counting else 0)

    def _begin_import(self, state: Counting, module: FrameType) -> None:
        state.begin_import(module)
        self._monitoring.set_local_events(self._tool, module.f_code, self._monitoring.events.PY_RETURN)
        with self._lock:
            self._imports += 1
            self._set_events()

    def _left(self) -> None:
        """A function returned or raised: the end of an import when it is the module body."""
        state = self._threads.get(threading.get_ident())
        if state is not None and state.importing is not None and sys._getframe(2) is state.importing:
            self._end_import(state)

    def _end_import(self, state: Counting) -> None:
        self._monitoring.set_local_events(self._tool, state.importing.f_code, 0)
        state.end_import()
        with self._lock:
            self._imports -= 1
            self._set_events()


def _call_counter(threads: dict[int, Counting],
                  begin_import: Callable[[Counting, FrameType], None]) -> Callable[[CodeType, int], None]:
    """The ``PY_START`` / ``PY_RESUME`` callback: count the call for the calling thread's
    budgets (the same count as :func:`_tracer`'s). Under ``PY_THROW`` it is called from a
    lambda, so ``frame_of(1)`` is that lambda's frame, which is never interrupted: ``throw()``
    resumes only generators and coroutines, which are not interrupted either."""
    get_ident, frame_of = threading.get_ident, sys._getframe

    def on_call(code: CodeType, offset: int) -> None:
        state = threads.get(get_ident())
        if state is None or state.importing is not None:
            return
        if code.co_name == "<module>":
            if _imported(frame_of(1)):
                begin_import(state, frame_of(1))
            return
        state.count = count = state.count + 1
        if count >= state.limit:
            state.reached(frame_of(1))

    return on_call


CLOCK_EVERY = 64
"""Calls between two looks at the clocks."""

_INTERRUPTIBLE = ("sympy", "mpmath", "checkers", "derive")
_GENERATOR_FLAGS = inspect.CO_GENERATOR | inspect.CO_COROUTINE | inspect.CO_ASYNC_GENERATOR
_BUDGET_MODULES = ("checkers._budget", __name__)


def _imported(frame: FrameType) -> bool:
    """The body of a module that the import system runs."""
    return frame.f_code.co_name == "<module>" and frame.f_back is not None \
        and frame.f_back.f_code.co_name == "_call_with_frames_removed"


def _interruptible(frame: FrameType) -> bool:
    """Stop only in ordinary sympy/mpmath/derivecheck functions: not in finalizers or generators."""
    module = frame.f_globals.get("__name__", "")
    if not module.startswith(_INTERRUPTIBLE) or module in _BUDGET_MODULES:
        return False
    return frame.f_code.co_name != "__del__" and not frame.f_code.co_flags & _GENERATOR_FLAGS


_TOOL_IDS = (4, 3)  # free by convention (0 debugger, 1 coverage, 2 profiler, 5 optimizer)
_MONITORING: list[MonitoringMeter] = []  # at most one: it holds a tool id


def default_meter() -> Meter:
    """The meter budgets use: ``sys.monitoring`` where the interpreter has it and a tool id is
    free, otherwise ``sys.settrace`` (chosen when this module is imported; :func:`select`
    changes it)."""
    return CURRENT[0]


def select(meter: Meter) -> Meter:
    """Make ``meter`` the one budgets use from now on (tests and benchmarks compare meters);
    returns the one used before.

    >>> previous = select(TraceMeter())
    >>> default_meter().name
    'sys.settrace'
    >>> select(previous).name
    'sys.settrace'
    """
    previous = CURRENT[0]
    CURRENT[0] = meter
    return previous


def meters() -> list[Meter]:
    """Every meter this interpreter can use (``sys.monitoring`` first), for tests and benchmarks.

    >>> meters()[-1].name
    'sys.settrace'
    """
    return [meter for meter in (_monitoring_meter(), TraceMeter()) if meter is not None]


def _monitoring_meter() -> MonitoringMeter | None:
    monitoring = getattr(sys, "monitoring", None)
    if _MONITORING or monitoring is None:
        return _MONITORING[0] if _MONITORING else None
    for tool in _TOOL_IDS:
        if monitoring.get_tool(tool) is None:
            monitoring.use_tool_id(tool, "derivecheck budget")
            _MONITORING.append(MonitoringMeter(tool))
            return _MONITORING[0]
    return None


CURRENT: list[Meter] = [_monitoring_meter() or TraceMeter()]
"""The meter in use, in a list so that a budget reaches it without a Python call (a call
made inside counted code is counted)."""
