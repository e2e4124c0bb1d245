"""Caps applied to untrusted input before anything is evaluated (limits on by default)."""

from __future__ import annotations

from dataclasses import dataclass

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
    max_exponent: int = 1_000         # |n| for a numeric exponent
    max_matrix_entries: int = 400     # entries of an explicit matrix

DEFAULT_LIMITS = Limits()
