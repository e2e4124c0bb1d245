"""The fixed vocabulary of mistakes a diagnosis may name, and a mistaken result a rule predicts.

derive generates :class:`BuggyResult` values from a derivation (what a classic misuse of each
rule it applied would give); the checkers verify an answer against them like a verdict.

>>> import sympy
>>> x = sympy.Symbol("x")
>>> wrong = BuggyResult(Mistake.CHAIN_RULE, sympy.cos(x**2), "chain rule",
...                     "the derivative of the inner function x^2 is missing")
>>> wrong.kind.value, wrong.expression
('chain-rule', cos(x**2))
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from sympy import Basic

__all__ = ["Mistake", "BuggyResult"]


class Mistake(str, Enum):
    """The fixed vocabulary of mistakes a diagnosis may name (its ``kind``)."""

    SIGN = "sign"                          # the answer is the negative of the right one
    TERM_SIGN = "term-sign"                # one term has the wrong sign
    CONSTANT_FACTOR = "constant-factor"    # off by a constant factor
    MISSING_FACTOR = "missing-factor"      # a non-constant factor of the right one is missing
    CHAIN_RULE = "chain-rule"              # an inner derivative is missing
    PRODUCT_RULE = "product-rule"          # the product rule misapplied
    QUOTIENT_RULE = "quotient-rule"        # the quotient rule misapplied
    MISSING_TERM = "missing-term"          # a term of the right one is missing
    EXTRA_TERM = "extra-term"              # a term too many
    CONSTANT_OFFSET = "constant-offset"    # off by a constant
    TRANSPOSE = "transpose"                # a matrix expression, or a factor of it, transposed
    ORDER = "order"                        # the right entries in another order
    WRONG_ENTRIES = "wrong-entries"        # some entries of a vector / matrix / tuple are wrong
    MISSING_ELEMENTS = "missing-elements"  # elements of a set or list are missing
    EXTRA_ELEMENTS = "extra-elements"      # elements too many
    NOT_DIFFERENTIATED = "not-differentiated"  # the function itself, not its derivative
    INTEGRATED = "integrated"              # an antiderivative instead of the derivative
    MISSING_SUM = "missing-sum"            # the term of a sum without the sum (its index left free)


@dataclass(frozen=True)
class BuggyResult:
    """What the derivation would give with one rule misapplied: the mistake's ``kind``, the
    wrong ``expression``, the ``rule`` involved (words) and a ``message`` for the student that
    names the factor or term involved without stating the right answer. ``concerns`` (optional)
    is the expression whose derivative the misapplied rule computed: it locates the step of the
    worked derivation the mistake is about."""

    kind: Mistake
    expression: Basic
    rule: str
    message: str
    concerns: Basic | None = None
