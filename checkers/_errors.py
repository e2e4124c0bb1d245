"""The one error hierarchy of derivecheck's checker and command line.

Every error carries the exit status the ``derivecheck`` command uses for it, so the
command line never has to map exceptions to codes by hand.

>>> InvalidAnswer("unknown name 'z'", position=4).exit_code
3
"""

from __future__ import annotations

__all__ = [
    "DerivecheckError",
    "UsageError",
    "InvalidAnswer",
    "BudgetExceeded",
]


class DerivecheckError(Exception):
    """Base of every error derivecheck raises on purpose."""

    exit_code: int = 2

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class UsageError(DerivecheckError):
    """The caller asked for something that cannot be done (bad option, unknown problem)."""

    exit_code = 2


class InvalidAnswer(DerivecheckError):
    """Text that cannot be read, or is not an admissible answer.

    ``position`` is the 0-based character offset of the problem in ``text`` when known.

    >>> err = InvalidAnswer("unbalanced brace", text="\\\\frac{1}{x", position=9)
    >>> print(err.pointer())
    \\frac{1}{x
             ^
    """

    exit_code = 3

    def __init__(self, message: str, *, text: str | None = None, position: int | None = None) -> None:
        super().__init__(message)
        self.text = text
        self.position = position

    def pointer(self) -> str:
        """The offending text with a caret under the spot (empty when unknown)."""
        if self.text is None or self.position is None:
            return ""
        start = max(0, self.position - 60)
        snippet = self.text[start : self.position + 60].replace("\n", " ")
        return f"{snippet}\n{' ' * (self.position - start)}^"


class BudgetExceeded(DerivecheckError):
    """The time budget ran out before a decision was reached."""

    exit_code = 4
