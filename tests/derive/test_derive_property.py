"""Property: derivative and gradient results equal sympy.diff on generated expressions."""

import sympy
from _derive_helpers import numerically_equal
from hypothesis import given, settings
from hypothesis import strategies as st

import derive

x, y = sympy.symbols("x y", real=True)

UNARY = (sympy.sin, sympy.cos, sympy.exp, sympy.tanh, sympy.atan, derive.sigmoid, derive.softplus,
         lambda e: sympy.log(1 + e**2), lambda e: sympy.sqrt(1 + e**2))
BINARY = (sympy.Add, sympy.Mul, lambda a, b: a / (2 + b**2), lambda a, b: a - b)

leaves = st.sampled_from([x, y, sympy.Integer(2), sympy.Rational(1, 3), x**2, x * y])


def _extend(children):
    unary = st.builds(lambda f, e: f(e), st.sampled_from(UNARY), children)
    binary = st.builds(lambda f, a, b: f(a, b), st.sampled_from(BINARY), children, children)
    return unary | binary


expressions = st.recursive(leaves, _extend, max_leaves=6)


@settings(max_examples=60, deadline=None)
@given(expressions)
def test_single_variable_derivative_equals_sympy(expr):
    derivation = derive.differentiate(expr, x)
    assert numerically_equal(derivation.result, sympy.diff(expr, x))


@settings(max_examples=40, deadline=None)
@given(expressions)
def test_gradient_equals_sympy(expr):
    result = derive.gradient(expr, [x, y]).result
    assert numerically_equal(result[0], sympy.diff(expr, x))
    assert numerically_equal(result[1], sympy.diff(expr, y))
