"""What runs inside a worker: resource limits and the check of one task.

``run_task`` never raises: a bad reference becomes an error payload, running out of memory
or recursion an ``undecided`` payload. Its ``check`` argument is the function that turns a
task into a Verdict (``check_task`` unless a caller, e.g. a test, passes its own).

The limits of a check's process live in :mod:`._limits` (one rule for every runner);
:func:`stopped_reason` says, in one sentence, why a process was stopped.

>>> run_task(Task(row=1, id="s1", answer="x*x", expected="x^2"), 5.0)["status"]
'correct'
>>> run_task(Task(row=2, id="s2", answer="x", expected="x^2 +"), 5.0)["error"]["kind"]
'bad-reference'
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from concurrent.futures import CancelledError
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Any

from pebble import ProcessExpired

import checkers
from checkers import DerivecheckError, Verdict, WorkVerdict
from checkers._budget import uncounted
from checkers._declarations import read_declarations
from derive import BuggyResult

from .. import bank
from .._model import CheckContext, MistakesOnDemand
from .._reference_cache import part_context, part_mistakes
from ._limits import OUT_OF_MEMORY, TOO_DEEP, arm_cpu_limit, cpu_seconds, limits_armed, overtime_sentence, stopped_sentence
from ._records import error_payload, undecided_payload
from ._rows import Task

__all__ = ["CheckFunction", "check_task", "run_task", "stopped_reason"]

_LOG = logging.getLogger("derivecheck")

CheckFunction = Callable[[Task, float], Verdict | WorkVerdict]


def check_task(task: Task, timeout: float) -> Verdict | WorkVerdict:
    """The production check: a bank part's own check (its reference from the reference cache), or
    ``checkers.check`` against ``expected`` (``check_work`` for a row that carries a derivation)."""
    if task.problem is not None and not task.work:
        context = _context(task.problem)
        mistakes = MistakesOnDemand(lambda: _mistakes(task.problem)) if context.kind == "expression" else ()
        return context.check(task.answer, timeout=timeout, mistakes=mistakes)
    if task.problem is not None:
        problem, part = bank.find(task.problem)
        return (part or problem.part()).check_work(task.answer, timeout=timeout)
    symbols, facts = read_declarations(task.symbols)
    if task.work:
        return checkers.check_work(task.expected, task.answer, symbols=symbols, assumptions=facts, timeout=timeout)
    return checkers.check(task.expected, task.answer, symbols=symbols, assumptions=facts, timeout=timeout)


@functools.lru_cache(maxsize=512)
def _context(target: str) -> CheckContext:
    """A part's reference and names, from the reference cache shared by every worker and run
    (derived, and stored with the part's buggy results, only on a miss); kept by the worker."""
    return part_context(target)


@functools.lru_cache(maxsize=512)
def _mistakes(target: str) -> tuple[BuggyResult, ...]:
    """A part's buggy results from the reference cache (built on a miss), kept by the worker;
    not charged to the check that first asks (whether they were loaded depends on earlier rows)."""
    return uncounted(lambda: part_mistakes(target))


def run_task(task: Task, timeout: float, check: CheckFunction = check_task) -> dict[str, Any]:
    """Check one task and return its payload (a Verdict's ``to_dict()`` or an error payload)."""
    armed, grace = limits_armed()
    if armed:
        arm_cpu_limit(cpu_seconds(timeout, grace))
    try:
        return check(task, timeout).to_dict()
    except DerivecheckError as error:
        kind = "unknown-problem" if task.problem is not None else "bad-reference"
        return error_payload(kind, error.message)
    except MemoryError:
        return undecided_payload(OUT_OF_MEMORY)
    except RecursionError:
        return undecided_payload(TOO_DEEP)
    except Exception as error:  # a failure of one row must not stop the batch
        _LOG.warning("the check of one row failed", exc_info=error)
        return error_payload("internal", "the check of this row failed inside derivecheck; it needs a human look.")


def stopped_reason(error: BaseException, timeout: float, grace: float, memory_mb: int) -> str | None:
    """Why a check's process was stopped (a sentence), or None if ``error`` is not a stop.

    >>> stopped_reason(ProcessExpired("gone", code=-24), 2.0, 1.0, 1024)
    'the process checking this answer was stopped (SIGXCPU: CPU time limit). Each check may use 1024 MB of memory and 8 s of CPU.'
    """
    if isinstance(error, FutureTimeout):
        return overtime_sentence(timeout, grace)
    if isinstance(error, ProcessExpired):
        return stopped_sentence(error.exitcode, timeout, grace, memory_mb)
    if isinstance(error, CancelledError):
        return "the check was cancelled."
    return None
