"""Shared vocabulary and small helpers for the seed-004 chapters."""

from __future__ import annotations

import sympy

import derive

from ..._define import Recipe, Seed

SEED = Seed("004_bfa3633638d6bd60.txt", prefix="udl")

DATA = ["x:indexed", "y:indexed", "I:integer,positive"]
"""Training pairs (x_i, y_i), i = 1..I (Prince's I is the number of examples)."""

LINE = ["phi_0", "phi_1", *DATA]
LINE_LOSS = "Sum((phi_0 + phi_1 x[i] - y[i])^2, (i, 1, I))"
LINE_MODEL = r"f[x, \phi] = \phi_0 + \phi_1 x"
r"""Prince's line, a defined function: an answer may write f[x_i, \phi]."""

SHALLOW = ["a:function", "phi_0", "phi_1", "phi_2", "phi_3", "theta_10", "theta_11", "theta_20", "theta_21",
           "theta_30", "theta_31"]
"""The shallow network of Prince's equation 3.1 (three hidden units, one input, one output)."""


def shallow(x: str = "x", activation: str = "a") -> str:
    """f[x, phi] of equation 3.1 with the given input and activation."""
    return (f"phi_0 + phi_1 {activation}(theta_10 + theta_11 {x}) + phi_2 {activation}(theta_20 + theta_21 {x})"
            f" + phi_3 {activation}(theta_30 + theta_31 {x})")


def shallow_model(activation: str = "a") -> str:
    """The definition of f[x, phi] for equation 3.1, for ``defines``."""
    return f"f[x, phi] = {shallow('x', activation)}"


def first(derivation: derive.Derivation) -> sympy.Basic:
    """The only point of a one-variable KKT / critical-point result."""
    result = derivation.result
    while isinstance(result, (sympy.Tuple, tuple, sympy.FiniteSet, list)):
        result = next(iter(result))
    return result


def relu_as_activation(derivation: derive.Derivation) -> sympy.Basic:
    """Write ReLU values back as Prince's a[.] (the derivative keeps the indicator 1[z > 0])."""
    a = sympy.Function("a")
    return derivation.result.replace(lambda e: isinstance(e, derive.relu), lambda e: a(*e.args))


class _Word(Recipe):
    """A yes/no verdict: there is nothing for ``derive`` to compute, so it is stated with its reason."""

    def _derive(self, variables):
        word = derive.Label(self.expr)
        note = self.options["note"]
        return derive.Derivation(word, (derive.Step("stated", word, word, note=note),), title=note)


def verdict(word: str, *, note: str) -> Recipe:
    """A classification reference (``yes`` / ``no``) with the reason shown as its one step."""
    return _Word("verdict", word, (), {"note": note}, kind="classification")
