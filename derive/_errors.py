"""Errors raised by the derivation engine.

``derive`` never raises a bare sympy or Python error for input it does not handle: it
raises :class:`DerivationError` (a ``ValueError``) or one of its subclasses.
"""

from __future__ import annotations

__all__ = ["DerivationError", "UnsupportedInput", "NoSolution"]


class DerivationError(ValueError):
    """A derivation could not be produced."""


class UnsupportedInput(DerivationError):
    """The input is outside what this derivation handles (wrong shape, unknown operation)."""


class NoSolution(DerivationError):
    """An equation system that the derivation must solve has no solution sympy can find."""
