r"""How a problem writes what has more than one spelling; the renderers follow it.

Mathematics is the same either way: ``a(u)`` and ``a[u]`` are one sympy object. Only the
printing differs, so the notation travels with a :class:`~derive.Derivation` as a rendering
option, never inside its steps.

Prince's *Understanding Deep Learning* applies functions with square brackets, a[z],
f[x, φ], and writes the derivative of the activation a'[z]. A problem that writes a function
that way gets its derivations printed that way (text, LaTeX, Markdown, HTML):

>>> notation = Notation.written_in(r"$h = a[\theta_0 + \theta_1 x]$; write $a'[\cdot]$", ["a", "f"])
>>> notation.bracketed, notation.brackets("a"), notation.brackets("f")
(frozenset({'a'}), ('[', ']'), ('(', ')'))

Only the mathematics counts, not the words around it ("on a [0, 1] grid" says nothing):

>>> Notation.written_in(r"Evaluate $a(x)$ on a [0, 1] grid.", ["a"]).bracketed
frozenset()
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

__all__ = ["Notation", "PLAIN", "printed_in", "notation_in_effect"]


@dataclass(frozen=True)
class Notation:
    """Rendering options a problem's own writing sets.

    ``bracketed``: names of unknown functions applied with square brackets (a[u], a'[u]).
    """

    bracketed: frozenset[str] = frozenset()

    def brackets(self, function_name: str) -> tuple[str, str]:
        """The opening and closing bracket around the arguments of ``function_name``."""
        return ("[", "]") if function_name in self.bracketed else ("(", ")")

    @classmethod
    def written_in(cls, text: str, function_names: Iterable[str]) -> Notation:
        """The notation ``text`` (a problem's statement and prompts, LaTeX with ``$...$`` math)
        uses for the unknown functions ``function_names``: square brackets when its mathematics
        applies one so (``a[``, ``a'[``)."""
        math = " ".join(piece for groups in _MATH.findall(text) for piece in groups)
        return cls(frozenset(name for name in function_names if _applied_with_brackets(name).search(math)))


_MATH = re.compile(r"\$\$?([^$]*)\$\$?|\\\((.*?)\\\)|\\\[(.*?)\\\]", re.DOTALL)
"""Inline and display mathematics: $...$, $$...$$, \\(...\\), \\[...\\]."""


def _applied_with_brackets(name: str) -> re.Pattern:
    """``name`` (not part of a longer name or command) followed by primes and ``[``."""
    return re.compile(rf"(?<![\\A-Za-z]){re.escape(name)}'*\s*\[")


PLAIN = Notation()
"""The default: every function applied with parentheses, f(x), f'(x)."""


_IN_EFFECT: ContextVar[Notation] = ContextVar("derivecheck_notation")


@contextmanager
def printed_in(notation: Notation) -> Iterator[None]:
    """Sentences built inside (a diagnosis, a buggy rule's message) print unknown functions in
    ``notation``'s brackets, as the problem they speak about writes them.

    >>> with printed_in(Notation(frozenset({"a"}))):
    ...     notation_in_effect().brackets("a")
    ('[', ']')
    >>> notation_in_effect().brackets("a")
    ('(', ')')
    """
    token = _IN_EFFECT.set(notation)
    try:
        yield
    finally:
        _IN_EFFECT.reset(token)


def notation_in_effect() -> Notation:
    """The notation :func:`printed_in` set for this thread's current work (PLAIN if none)."""
    return _IN_EFFECT.get(PLAIN)
