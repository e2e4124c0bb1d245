"""The limits of a check's process, one rule for every runner (batch workers and the one-shot
``derivecheck check``), and the sentences that say why a process was stopped.

RLIMIT_AS at ``memory_mb``; RLIMIT_CPU at :func:`cpu_seconds` (the CPU time the check's own
budgets allow, the reference's looser one and the answer's, plus the grace); and a kill from
outside at :func:`kill_after` (the budget's wall-clock ceiling plus the grace), so a busy
machine reaches the budget's own "machine too slow" verdict before a kill. This module imports
no process pool, so the one-shot check starts fast.

>>> cpu_seconds(2.0, 1.0), kill_after(2.0, 1.0)
(8.0, 23.0)
>>> print(stopped_sentence(-9, 2.0, 1.0, 1024))
the process checking this answer was stopped (SIGKILL). Each check may use 1024 MB of memory and 8 s of CPU.
"""

from __future__ import annotations

import gc
import math
import resource
import signal
import sys

from checkers._budget import REFERENCE_EXTRA_SECONDS, Budget, BudgetExpired

__all__ = ["start_checking_process", "limit_resources", "arm_cpu_limit", "cpu_seconds", "kill_after", "stopped_sentence",
           "overtime_sentence", "OUT_OF_MEMORY", "TOO_DEEP", "limits_armed"]

OUT_OF_MEMORY = "the check ran out of memory."
TOO_DEEP = "the answer is nested too deeply to compare."
_armed = {"cpu": False, "grace": 0.0}


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


def overtime_sentence(timeout: float, grace: float) -> str:
    """Why a check's process was stopped from outside after :func:`kill_after` seconds.

    >>> overtime_sentence(2.0, 1.0)[:40]
    'the check ran past its 2 s budget, the m'
    """
    return (f"the check ran past its {timeout:g} s budget, the machine being too slow to finish it within "
            f"{kill_after(timeout, grace):g} s of wall time; its process was stopped.")


def stopped_sentence(exit_code: int | None, timeout: float, grace: float, memory_mb: int) -> str:
    """Why a check's process ended without a result (``exit_code``: negative for a signal).

    >>> stopped_sentence(-24, 2.0, 1.0, 1024)[:76]
    'the process checking this answer was stopped (SIGXCPU: CPU time limit). Each'
    """
    return (f"the process checking this answer was stopped ({_describe_exit(exit_code)}). "
            f"Each check may use {memory_mb} MB of memory and {cpu_seconds(timeout, grace):g} s of CPU.")


def _describe_exit(code: int | None) -> str:
    if code is not None and code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        return {"SIGXCPU": "SIGXCPU: CPU time limit", "SIGKILL": "SIGKILL"}.get(name, name)
    return f"exit status {code}"


def start_checking_process(memory_mb: int, grace: float) -> None:
    """The start of every process that checks answers (a grading worker, the one-shot check's
    child): freeze the objects it inherited by fork, then :func:`limit_resources`.

    Frozen objects (:func:`gc.freeze` only relinks list heads) are left out of garbage
    collections: a full collection no longer walks sympy's inherited objects, nor writes to
    the pages the process shares with its parent (which copies each page). Measured in a
    forked worker: one full collection made 19 MB of its pages private, 1 MB when frozen.
    """
    gc.freeze()
    limit_resources(memory_mb, grace)


def limit_resources(memory_mb: int, grace: float) -> None:
    """Worker initializer: cap the address space (RLIMIT_AS) and arm per-task CPU limits.

    The CPU limit (RLIMIT_CPU, raised before each task to the CPU time used so far plus the
    task's budget) makes the kernel stop a worker that spins in C code past its time.
    """
    _set_limit(resource.RLIMIT_AS, memory_mb * 1024 * 1024)
    _set_limit(resource.RLIMIT_CORE, 0)
    _armed["cpu"], _armed["grace"] = True, grace
    sys.unraisablehook = _quiet_budget_expiry


def limits_armed() -> tuple[bool, float]:
    """Whether :func:`limit_resources` ran in this process, and the grace it was given.

    >>> isinstance(limits_armed()[0], bool)
    True
    """
    return bool(_armed["cpu"]), float(_armed["grace"])


def _quiet_budget_expiry(unraisable: sys.UnraisableHookArgs) -> None:
    """A budget that expires while a generator is being closed is expected, not worth a stderr trace."""
    if not isinstance(unraisable.exc_value, BudgetExpired):
        sys.__unraisablehook__(unraisable)


def arm_cpu_limit(seconds: float) -> None:
    """Let this process use ``seconds`` more of CPU time (RLIMIT_CPU), then the kernel stops it."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    _set_limit(resource.RLIMIT_CPU, math.ceil(usage.ru_utime + usage.ru_stime + seconds))


def _set_limit(which: int, soft: int) -> None:
    _, hard = resource.getrlimit(which)
    if hard != resource.RLIM_INFINITY:
        soft = min(soft, hard)
    resource.setrlimit(which, (soft, hard))
