"""Differentiating with respect to an entry x[k] of an IndexedBase: d x[i]/d x[k] = δ_ik."""

import pytest
import sympy
from sympy import IndexedBase, KroneckerDelta, Sum, exp, sin, symbols

import derive

x, w = IndexedBase("x"), IndexedBase("w")
i, k = symbols("i k", integer=True)
N = symbols("N", integer=True, positive=True)

CASES = [
    (x[k] ** 2, x[k]),
    (x[k] ** 2, x[1]),
    (sin(x[1]) * x[2], x[k]),
    (sin(x[1]) * x[2], x[1]),
    (exp(w[1] * x[1] + w[2] * x[2]), x[k]),
    (derive.sigmoid(w[1] * x[1] + w[2] * x[2]), x[2]),
    (x[i] * x[k], x[k]),
    (x[i] / (1 + x[k] ** 2), x[k]),
    (Sum((x[i] - 3) ** 2, (i, 1, N)), x[k]),
]


@pytest.mark.parametrize("expr, variable", CASES, ids=lambda v: str(v))
def test_derivative_with_respect_to_an_entry_equals_sympy(expr, variable):
    result = derive.derive_by_name("derivative", expr, [variable]).result
    difference = (result - sympy.diff(expr, variable)).rewrite(exp)
    for index in (1, 2, 3):   # KroneckerDeltas decided by giving k and i values
        assert sympy.simplify(difference.subs({k: index, i: 2}).doit()) == 0


def test_index_rule_and_constant_entries():
    derivation = derive.differentiate(x[i] * x[k], x[k])
    assert "index rule" in derivation.rules
    assert derivation.result == KroneckerDelta(i, k) * x[k] + x[i]
    # x[2] is a constant for x[1] (indices provably different), x[i] is not
    assert derive.differentiate(x[2], x[1]).rules == ("constant rule",)
    assert derive.differentiate(x[i], x[1]).result == KroneckerDelta(1, i)


def test_gradient_and_hessian_in_entries():
    f = x[1] ** 2 * x[2] + exp(x[2])
    assert derive.gradient(f, [x[1], x[2]]).result == sympy.Matrix([2 * x[1] * x[2], x[1] ** 2 + exp(x[2])])
    assert derive.hessian(f, [x[1], x[2]]).result == sympy.hessian(f, [x[1], x[2]])
