"""Known mistakes: the results a problem's derivation predicts for a misapplied rule.

Each :class:`~derive._mistakes.BuggyResult` is verified like a verdict (the answer must
be equivalent to its ``expression``); the most specific matching one wins: a mistake tied
to a rule (chain rule, product rule ...) before a context-free one.

>>> import sympy
>>> from derive._mistakes import BuggyResult, Mistake
>>> x = sympy.Symbol("x")
>>> chain = BuggyResult(Mistake.CHAIN_RULE, sympy.cos(x**2), "chain rule",
...                     "Revisit the chain rule: the derivative of the inner function x^2 is missing.")
>>> known_mistake(sympy.cos(x**2), [chain], lambda a, b: a == b).to_dict()["detail"]
{'rule': 'chain rule'}
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from sympy import Basic

from derive._mistakes import BuggyResult, Mistake

from .._verdict import Diagnosis

__all__ = ["known_mistake", "RULE_KINDS"]

RULE_KINDS = (Mistake.CHAIN_RULE, Mistake.PRODUCT_RULE, Mistake.QUOTIENT_RULE,
              Mistake.NOT_DIFFERENTIATED, Mistake.INTEGRATED)
"""Kinds that name a rule of the derivation: more specific than any context-free kind."""


def known_mistake(answer: Basic, mistakes: Sequence[BuggyResult],
                  verify: Callable[[Basic, Basic], bool], reference: Basic | None = None) -> Diagnosis | None:
    """The first (most specific) mistake whose expression the answer verifiably equals; its
    symbols are taken as the ``reference``'s symbols of the same name (a reference read from
    text may carry assumptions the derivation's symbols lack)."""
    names = _names_in(reference)
    for mistake in sorted(mistakes, key=_specificity):
        if verify(_renamed(mistake.expression, names), answer):
            return Diagnosis(mistake.kind, mistake.message, {"rule": mistake.rule})
    return None


def _names_in(reference: Basic | None) -> dict[str, Basic]:
    if reference is None or not hasattr(reference, "free_symbols"):
        return {}
    return {symbol.name: symbol for symbol in reference.free_symbols if hasattr(symbol, "name")}


def _renamed(expression: Basic, names: dict[str, Basic]) -> Basic:
    if not names:
        return expression
    swaps = {s: names[s.name] for s in expression.free_symbols if getattr(s, "name", None) in names and names[s.name] != s}
    return expression.xreplace(swaps) if swaps else expression


def _specificity(mistake: BuggyResult) -> int:
    return 0 if mistake.kind in RULE_KINDS else 1
