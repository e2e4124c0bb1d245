"""What runs inside a worker: resource limits and the check of one task.

``run_task`` never raises: a bad reference becomes an error payload, running out of memory
or recursion an ``undecided`` payload. Its ``check`` argument is the function that turns a
task into a Verdict (``check_task`` unless a caller, e.g. a test, passes its own).

>>> run_task(Task(row=1, id="s1", answer="x*x", expected="x^2"), 5.0)["status"]
'correct'
>>> run_task(Task(row=2, id="s2", answer="x", expected="x^2 +"), 5.0)["error"]["kind"]
'bad-reference'
"""

from __future__ import annotations

import logging
import resource
import sys
from collections.abc import Callable
from typing import Any

import checkers
from checkers import BudgetExpired, DerivecheckError, Verdict, WorkVerdict
from checkers._declarations import read_declarations

from .. import bank
from ._records import error_payload, undecided_payload
from ._rows import Task

__all__ = ["CheckFunction", "check_task", "run_task", "limit_resources"]

_LOG = logging.getLogger("derivecheck")

CheckFunction = Callable[[Task, float], Verdict | WorkVerdict]
_limits = {"cpu": False, "grace": 0.0}


def check_task(task: Task, timeout: float) -> Verdict | WorkVerdict:
    """The production check: a bank part's own check, or ``checkers.check`` against ``expected``
    (``check_work`` for a row that carries a derivation)."""
    if task.problem is not None:
        problem, part = bank.find(task.problem)
        part = part or problem.part()
        return part.check_work(task.answer, timeout=timeout) if task.work else part.check(task.answer, timeout=timeout)
    symbols, facts = read_declarations(task.symbols)
    if task.work:
        return checkers.check_work(task.expected, task.answer, symbols=symbols, assumptions=facts, timeout=timeout)
    return checkers.check(task.expected, task.answer, symbols=symbols, assumptions=facts, timeout=timeout)


def run_task(task: Task, timeout: float, check: CheckFunction = check_task) -> dict[str, Any]:
    """Check one task and return its payload (a Verdict's ``to_dict()`` or an error payload)."""
    if _limits["cpu"]:
        _arm_cpu_limit(timeout + float(_limits["grace"]))
    try:
        return check(task, timeout).to_dict()
    except DerivecheckError as error:
        kind = "unknown-problem" if task.problem is not None else "bad-reference"
        return error_payload(kind, error.message)
    except MemoryError:
        return undecided_payload("the check ran out of memory.")
    except RecursionError:
        return undecided_payload("the answer is nested too deeply to compare.")
    except Exception as error:  # a failure of one row must not stop the batch
        _LOG.warning("the check of one row failed", exc_info=error)
        return error_payload("internal", "the check of this row failed inside derivecheck; it needs a human look.")


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
    _set_limit(resource.RLIMIT_CPU, int(usage.ru_utime + usage.ru_stime + seconds) + 2)


def _set_limit(which: int, soft: int) -> None:
    _, hard = resource.getrlimit(which)
    if hard != resource.RLIM_INFINITY:
        soft = min(soft, hard)
    resource.setrlimit(which, (soft, hard))
