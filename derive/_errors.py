"""The one error root of derivecheck, with the exit status of the ``derivecheck`` command.

Every error derivecheck raises on purpose derives from :class:`DerivecheckError` and
carries its :class:`ExitCode`; the verdict statuses take their codes from the same table,
so the command line never maps exceptions or statuses to codes by hand. ``derive`` raises
:class:`DerivationError` (also a ``ValueError``) or a subclass for input it does not
handle, never a bare sympy or Python error; the reading errors live in ``checkers``.

>>> UnsupportedInput("no such option").exit_code, BudgetExceeded("out of time").exit_code
(<ExitCode.USAGE: 2>, <ExitCode.UNDECIDED: 4>)
>>> int(ExitCode.INVALID)
3
"""

from __future__ import annotations

from enum import IntEnum

__all__ = ["ExitCode", "DerivecheckError", "DerivationError", "UnsupportedInput", "NoSolution", "BudgetExceeded"]


class ExitCode(IntEnum):
    """The exit status of ``derivecheck``: one per verdict status, one for usage errors, and the
    shell's 128 + signal number for a run stopped by Ctrl-C (SIGINT) or SIGTERM.

    >>> int(ExitCode.INTERRUPTED), int(ExitCode.TERMINATED)
    (130, 143)
    """

    CORRECT = 0
    INCORRECT = 1
    USAGE = 2
    INVALID = 3
    UNDECIDED = 4
    INTERRUPTED = 130  # 128 + SIGINT
    TERMINATED = 143  # 128 + SIGTERM


class DerivecheckError(Exception):
    """Base of every error derivecheck raises on purpose; ``message`` speaks to the user."""

    exit_code: ExitCode = ExitCode.USAGE

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def describe(self) -> str:
        """The full text shown to a person (the message, plus where, when known)."""
        return self.message


class DerivationError(DerivecheckError, ValueError):
    """A derivation could not be produced."""


class UnsupportedInput(DerivationError):
    """The input is outside what this derivation handles (wrong shape, unknown operation)."""


class NoSolution(DerivationError):
    """An equation system that the derivation must solve has no solution sympy can find."""


class BudgetExceeded(DerivecheckError):
    """A budgeted computation outside a check (a derivation) ran out of time."""

    exit_code = ExitCode.UNDECIDED
