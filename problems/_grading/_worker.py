"""What runs inside a worker: resource limits and the check of one task.

``run_task`` never raises: a bad reference becomes an error payload, running out of memory
or recursion an ``undecided`` payload. Its ``check`` argument is the function that turns a
task into a Verdict (``check_task`` unless a caller, e.g. a test, passes its own).

The limits of a check's process are one rule for every runner (batch workers and the one-shot
``derivecheck check``): RLIMIT_AS at ``memory_mb``; RLIMIT_CPU at :func:`cpu_seconds` (the CPU
time the check's own budgets allow, the reference's looser one and the answer's, plus the
grace); and a kill from outside at :func:`kill_after` (the budget's wall-clock ceiling plus the
grace), so a busy machine reaches the budget's own "machine too slow" verdict before a kill.
:func:`stopped_reason` says, in one sentence, why a process was stopped.

>>> run_task(Task(row=1, id="s1", answer="x*x", expected="x^2"), 5.0)["status"]
'correct'
>>> run_task(Task(row=2, id="s2", answer="x", expected="x^2 +"), 5.0)["error"]["kind"]
'bad-reference'
"""

from __future__ import annotations

import logging
import math
import multiprocessing
import resource
import signal
import sys
import time
from collections.abc import Callable
from concurrent.futures import CancelledError
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Any

from pebble import ProcessExpired, concurrent

import checkers
from checkers import Budget, BudgetExpired, DerivecheckError, Method, Status, Verdict
from checkers._check import REFERENCE_EXTRA_SECONDS
from checkers._declarations import read_declarations

from .. import bank
from ._records import error_payload, undecided_payload
from ._rows import Task

__all__ = ["CheckFunction", "check_task", "run_task", "limit_resources", "cpu_seconds", "kill_after", "stopped_reason",
           "run_isolated"]

_LOG = logging.getLogger("derivecheck")

CheckFunction = Callable[[Task, float], Verdict]
_limits = {"cpu": False, "grace": 0.0}
_OUT_OF_MEMORY = "the check ran out of memory."
_TOO_DEEP = "the answer is nested too deeply to compare."


def check_task(task: Task, timeout: float) -> Verdict:
    """The production check: a bank part's own check, or ``checkers.check`` against ``expected``."""
    if task.problem is not None:
        problem, part = bank.find(task.problem)
        return (part or problem.part()).check(task.answer, timeout=timeout)
    symbols, facts = read_declarations(task.symbols)
    return checkers.check(task.expected, task.answer, symbols=symbols, assumptions=facts, timeout=timeout)


def run_task(task: Task, timeout: float, check: CheckFunction = check_task) -> dict[str, Any]:
    """Check one task and return its payload (a Verdict's ``to_dict()`` or an error payload)."""
    if _limits["cpu"]:
        _arm_cpu_limit(cpu_seconds(timeout, float(_limits["grace"])))
    try:
        return check(task, timeout).to_dict()
    except DerivecheckError as error:
        kind = "unknown-problem" if task.problem is not None else "bad-reference"
        return error_payload(kind, error.message)
    except MemoryError:
        return undecided_payload(_OUT_OF_MEMORY)
    except RecursionError:
        return undecided_payload(_TOO_DEEP)
    except Exception as error:  # a failure of one row must not stop the batch
        _LOG.warning("the check of one row failed", exc_info=error)
        return error_payload("internal", "the check of this row failed inside derivecheck; it needs a human look.")


def run_isolated(work: Callable[[], Verdict], timeout: float, *, grace: float = 1.0, memory_mb: int = 1024) -> Verdict:
    """Run ``work`` (one check of ``timeout`` seconds) in a forked child under a grading worker's
    limits (:func:`limit_resources`, :func:`cpu_seconds`, :func:`kill_after`). The child starts
    with everything imported, so isolation costs milliseconds. A child that is stopped gives an
    ``undecided`` Verdict saying why; an error the check raises on purpose (a
    :class:`DerivecheckError`, e.g. an unreadable reference) is raised here.

    >>> run_isolated(lambda: checkers.check("x^2", "x*x"), 2.0).status.value
    'correct'
    >>> import os
    >>> print(run_isolated(lambda: os.kill(os.getpid(), signal.SIGKILL), 0.1).message)
    Undecided: the process checking this answer was stopped (SIGKILL). Each check may use 1024 MB of memory and 4.2 s of CPU.
    """
    started = time.monotonic()
    in_child = concurrent.process(timeout=kill_after(timeout, grace), mp_context=multiprocessing.get_context("fork"))
    future = in_child(_limited)(work, cpu_seconds(timeout, grace), grace, memory_mb)
    try:
        return future.result()
    except DerivecheckError:
        raise
    except Exception as error:
        reason = stopped_reason(error, timeout, grace, memory_mb)
        if reason is None:
            _LOG.warning("the isolated check failed", exc_info=error)
            reason = "the check failed inside derivecheck; it was neither accepted nor rejected."
        return Verdict(Status.UNDECIDED, Method.BUDGET, False, None, f"Undecided: {reason}", elapsed=time.monotonic() - started)


def _limited(work: Callable[[], Verdict], cpu: float, grace: float, memory_mb: int) -> Verdict:
    """In the child: the worker's limits, then the check (running out of memory or stack is undecided)."""
    limit_resources(memory_mb, grace)
    _arm_cpu_limit(cpu)
    try:
        return work()
    except MemoryError:
        return Verdict(Status.UNDECIDED, Method.BUDGET, False, None, f"Undecided: {_OUT_OF_MEMORY}")
    except RecursionError:
        return Verdict(Status.UNDECIDED, Method.BUDGET, False, None, f"Undecided: {_TOO_DEEP}")


def cpu_seconds(timeout: float, grace: float) -> float:
    """CPU seconds a check's process may use: what its reference's budget and its answer's
    allow (about twice the timeout and a few seconds), and the grace.

    >>> cpu_seconds(2.0, 1.0)
    8.0
    """
    reference = Budget(timeout + REFERENCE_EXTRA_SECONDS)
    return reference.cpu_allowance + Budget(timeout).cpu_allowance + grace


def kill_after(timeout: float, grace: float) -> float:
    """Wall-clock seconds after which a check's process is stopped from outside: the budget's
    own safety net (its wall-clock ceiling) and the CPU limit have had their chance first.

    >>> kill_after(2.0, 1.0), kill_after(0.1, 1.0)
    (23.0, 5.2)
    """
    return max(Budget(timeout).ceiling, cpu_seconds(timeout, grace)) + grace


def stopped_reason(error: BaseException, timeout: float, grace: float, memory_mb: int) -> str | None:
    """Why a check's process was stopped (a sentence), or None if ``error`` is not a stop.

    >>> stopped_reason(ProcessExpired("gone", code=-24), 2.0, 1.0, 1024)
    'the process checking this answer was stopped (SIGXCPU: CPU time limit). Each check may use 1024 MB of memory and 8 s of CPU.'
    """
    if isinstance(error, FutureTimeout):
        return (f"the check ran past its {timeout:g} s budget, the machine being too slow to finish it within "
                f"{kill_after(timeout, grace):g} s of wall time; its process was stopped.")
    if isinstance(error, ProcessExpired):
        return (f"the process checking this answer was stopped ({_describe_exit(error.exitcode)}). "
                f"Each check may use {memory_mb} MB of memory and {cpu_seconds(timeout, grace):g} s of CPU.")
    if isinstance(error, CancelledError):
        return "the check was cancelled."
    return None


def _describe_exit(code: int | None) -> str:
    if code is not None and code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        return {"SIGXCPU": "SIGXCPU: CPU time limit", "SIGKILL": "SIGKILL"}.get(name, name)
    return f"exit status {code}"


def limit_resources(memory_mb: int, grace: float) -> None:
    """Worker initializer: cap the address space (RLIMIT_AS) and arm per-task CPU limits.

    The CPU limit (RLIMIT_CPU, raised before each task to the CPU time used so far plus the
    task's budget) makes the kernel stop a worker that spins in C code past its time.
    """
    _set_limit(resource.RLIMIT_AS, memory_mb * 1024 * 1024)
    _set_limit(resource.RLIMIT_CORE, 0)
    _limits["cpu"], _limits["grace"] = True, grace
    sys.unraisablehook = _quiet_budget_expiry


def _quiet_budget_expiry(unraisable: sys.UnraisableHookArgs) -> None:
    """A budget that expires while a generator is being closed is expected, not worth a stderr trace."""
    if not isinstance(unraisable.exc_value, BudgetExpired):
        sys.__unraisablehook__(unraisable)


def _arm_cpu_limit(seconds: float) -> None:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    _set_limit(resource.RLIMIT_CPU, math.ceil(usage.ru_utime + usage.ru_stime + seconds))


def _set_limit(which: int, soft: int) -> None:
    _, hard = resource.getrlimit(which)
    if hard != resource.RLIM_INFINITY:
        soft = min(soft, hard)
    resource.setrlimit(which, (soft, hard))
