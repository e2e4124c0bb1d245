"""Caps applied to input before anything is evaluated (limits on by default).

Answers are untrusted and get :data:`DEFAULT_LIMITS`; a reference is the author's and gets
the looser :meth:`Limits.for_reference` (STACK's ``(x-a)^6000`` is a legitimate value that
is compared without being expanded).

>>> DEFAULT_LIMITS.max_exponent, DEFAULT_LIMITS.for_reference().max_exponent
(10000, 100000)
"""

from __future__ import annotations

from dataclasses import dataclass, replace

__all__ = ["Limits", "DEFAULT_LIMITS"]


@dataclass(frozen=True)
class Limits:
    """Upper bounds on what a reader accepts.

    >>> Limits().max_length
    10000
    """

    max_length: int = 10_000          # characters of answer text
    max_depth: int = 60               # nesting of brackets / syntax tree
    max_nodes: int = 3_000            # syntax-tree nodes
    max_integer_digits: int = 60      # digits of any integer literal
    max_exponent: int = 10_000        # |n| for a numeric exponent (powers are never expanded that far)
    max_matrix_entries: int = 400     # entries of an explicit matrix
    max_factorial: int = 1_000        # n for n! and binomial(n, k) of whole numbers
    max_number_digits: int = 500      # digits of any exact number the arithmetic produces (175! has 319)

    def for_reference(self) -> Limits:
        """The caps for a reference: ten times looser on size, exponents and numbers."""
        return replace(self, max_length=self.max_length * 10, max_depth=self.max_depth * 2, max_nodes=self.max_nodes * 10,
                       max_integer_digits=self.max_integer_digits * 10, max_exponent=self.max_exponent * 10,
                       max_matrix_entries=self.max_matrix_entries * 10, max_factorial=self.max_factorial * 10,
                       max_number_digits=self.max_number_digits * 2)

DEFAULT_LIMITS = Limits()
