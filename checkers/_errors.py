"""The checker's errors, under derivecheck's one error root (:mod:`derive._errors`).

Every error carries the exit status the ``derivecheck`` command uses for it, so the
command line never has to map exceptions to codes by hand.

>>> InvalidAnswer("unknown name 'z'", position=4).exit_code
<ExitCode.INVALID: 3>
>>> issubclass(UsageError, DerivecheckError)
True
"""

from __future__ import annotations

from derive._errors import BudgetExceeded, DerivecheckError, ExitCode

from ._visible import visible

__all__ = ["DerivecheckError", "UsageError", "InvalidAnswer", "BudgetExceeded", "ExitCode", "Refused", "ShapeMismatch"]


class UsageError(DerivecheckError):
    """The caller asked for something that cannot be done (bad option, unknown problem,
    a reference that cannot be read)."""

    exit_code = ExitCode.USAGE


class InvalidAnswer(DerivecheckError):
    """Text that cannot be read, or is not an admissible answer.

    ``position`` is the 0-based character offset of the problem in ``text`` when known.

    >>> err = InvalidAnswer("unbalanced brace", text="\\\\frac{1}{x", position=9)
    >>> print(err.pointer())
    \\frac{1}{x
             ^

    The text is shown through :func:`visible`, and the caret lines up under the escaped text:

    >>> print(InvalidAnswer("control character", text="x\\x1b]0;t\\x07+", position=7).pointer())
    x\\x1b]0;t\\x07+
                 ^
    """

    exit_code = ExitCode.INVALID

    def __init__(self, message: str, *, text: str | None = None, position: int | None = None,
                 shape: bool = False) -> None:
        super().__init__(message)
        self.text = text
        self.position = position
        self.shape = shape  # matrices whose sizes do not fit: a mistake in a readable answer, not unreadable text

    def pointer(self) -> str:
        """The offending text with a caret under the spot (empty when unknown)."""
        if self.text is None or self.position is None:
            return ""
        start = max(0, self.position - 60)
        before = visible(self.text[start : self.position].replace("\n", " "), newlines=False)
        after = visible(self.text[self.position : self.position + 60].replace("\n", " "), newlines=False)
        return f"{before}{after}\n{' ' * len(before)}^"

    def describe(self) -> str:
        """The message with the pointer under it."""
        pointer = self.pointer()
        return self.message + (f"\n{pointer}" if pointer else "")

    def as_usage_error(self, what: str) -> UsageError:
        """The same problem in text the caller supplied (a reference, an --expr): a usage error.

        >>> print(InvalidAnswer("unexpected '+'", text="x +", position=2).as_usage_error("--expr").message)
        cannot read --expr: unexpected '+'
        x +
          ^
        """
        return UsageError(f"cannot read {what}: {self.describe()}")


class Refused(ValueError):
    """A combination of values that has no meaning; the message says why in the student's words."""


class ShapeMismatch(Refused):
    """Matrices whose sizes do not fit (a product's inner sizes, a sum's shapes): a well-formed
    answer with a mistake in it, graded ``incorrect`` rather than refused as unreadable."""
