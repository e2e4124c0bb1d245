"""One lexical unit of a LaTeX answer, with its offsets in the original text.

>>> token = Token("char", "(", 4, 5)
>>> token.is_char("(", "["), token.is_struct("frac")
(True, False)
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Token"]


@dataclass(frozen=True)
class Token:
    """``kind`` is a kind of :mod:`._commands` (``letter``, ``char``, ``struct`` ...), ``num`` or ``word``."""

    kind: str
    text: str
    start: int
    end: int
    space_before: bool = False

    def is_char(self, *chars: str) -> bool:
        """True for a one-character token among ``chars``."""
        return self.kind == "char" and self.text in chars

    def is_struct(self, *names: str) -> bool:
        """True for a structural command among ``names`` (written without the backslash)."""
        return self.kind == "struct" and self.text in names
