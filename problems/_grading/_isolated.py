"""One check in a forked child under a grading worker's limits (the one-shot ``derivecheck check``).

The child starts with everything imported, so isolation costs milliseconds; a plain
``os.fork`` and a pipe, not a process pool, so the command starts fast. The child starts
as a grading worker does (:func:`~problems._grading._limits.start_checking_process`). It sends back
its Verdict (or the error it raised) pickled; the parent stops it after
:func:`~problems._grading._limits.kill_after` seconds.

>>> import checkers
>>> run_isolated(lambda: checkers.check("x^2", "x*x"), 2.0).status.value
'correct'
>>> import os, signal
>>> print(run_isolated(lambda: os.kill(os.getpid(), signal.SIGKILL), 0.1).message)
Undecided: the process checking this answer was stopped (SIGKILL). Each check may use 1024 MB of memory and 4.2 s of CPU.
"""

from __future__ import annotations

import os
import pickle
import select
import signal
import time
from collections.abc import Callable

from checkers import DerivecheckError, Method, Status, Verdict
from derive._log import LOG

from ._limits import (
    OUT_OF_MEMORY,
    TOO_DEEP,
    arm_cpu_limit,
    cpu_seconds,
    kill_after,
    overtime_sentence,
    start_checking_process,
    stopped_sentence,
)

__all__ = ["run_isolated"]

_FAILED = "the check failed inside derivecheck; it was neither accepted nor rejected."


def run_isolated(work: Callable[[], Verdict], timeout: float, *, grace: float = 1.0, memory_mb: int = 1024) -> Verdict:
    """Run ``work`` (one check of ``timeout`` seconds) in a forked child under a grading worker's
    limits. A child that is stopped gives an ``undecided`` Verdict saying why; an error the check
    raises on purpose (a :class:`DerivecheckError`, e.g. an unreadable reference) is raised here.
    """
    started = time.monotonic()
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns
        os.close(read_end)
        _child(work, write_end, cpu_seconds(timeout, grace), grace, memory_mb)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        payload = _receive(pipe, started + kill_after(timeout, grace))
    if payload is None:
        os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    if payload is None:
        return _undecided(overtime_sentence(timeout, grace), started)
    if not payload:
        return _undecided(stopped_sentence(os.waitstatus_to_exitcode(status), timeout, grace, memory_mb), started)
    outcome = pickle.loads(payload)
    if isinstance(outcome, DerivecheckError):
        raise outcome
    if isinstance(outcome, BaseException):
        LOG.warning("the isolated check failed", exc_info=outcome)
        return _undecided(_FAILED, started)
    return outcome


def _receive(pipe, deadline: float) -> bytes | None:
    """Everything the child wrote (empty if it died first), or None if it is still at work at ``deadline``."""
    chunks = []
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0 or not select.select([pipe], [], [], remaining)[0]:
            return None
        chunk = os.read(pipe.fileno(), 1 << 16)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)


def _child(work: Callable[[], Verdict], write_end: int, cpu: float, grace: float, memory_mb: int) -> None:
    """In the child: the worker's limits, the check, its pickled outcome to the pipe, and exit."""
    try:
        start_checking_process(memory_mb, grace)
        arm_cpu_limit(cpu)
        outcome: object = _checked(work)
        try:
            payload = pickle.dumps(outcome)
        except Exception as error:  # an outcome that cannot travel is a failure of the check
            payload = pickle.dumps(RuntimeError(f"unpicklable outcome: {error!r}"))
        with os.fdopen(write_end, "wb") as pipe:
            pipe.write(payload)
    finally:
        os._exit(0)


def _checked(work: Callable[[], Verdict]) -> object:
    """The Verdict, or the exception the check raised (running out of memory or stack is undecided)."""
    try:
        return work()
    except MemoryError:
        return Verdict(Status.UNDECIDED, Method.BUDGET, False, None, f"Undecided: {OUT_OF_MEMORY}")
    except RecursionError:
        return Verdict(Status.UNDECIDED, Method.BUDGET, False, None, f"Undecided: {TOO_DEEP}")
    except BaseException as error:  # the parent raises a DerivecheckError again, and reports any other
        return error


def _undecided(reason: str, started: float) -> Verdict:
    return Verdict(Status.UNDECIDED, Method.BUDGET, False, None, f"Undecided: {reason}", elapsed=time.monotonic() - started)
