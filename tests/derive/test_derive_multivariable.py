"""Partial derivatives, gradients, Jacobians, Hessians, mixed partials, directional and
implicit derivatives."""

import pytest
import sympy
from _derive_helpers import numerically_equal
from sympy import Eq, Matrix, Rational, exp, sin, sqrt

import derive

x, y, z, x1, x2 = sympy.symbols("x y z x1 x2", real=True)


def test_seed_000_gradient_at_point():
    # seed 000: df/dx = 2xy, df/dy = x^2 + 3y^2, grad f(2, 1) = [4, 7]
    f = x**2 * y + y**3
    assert derive.gradient(f, [x, y]).result == Matrix([2 * x * y, x**2 + 3 * y**2])
    assert derive.gradient(f, [x, y], point=(2, 1)).result == Matrix([4, 7])


def test_seed_001_exercise_2_1a_gradient():
    f = x1**2 * x2 + 3 * x2**3 - 7 * x1
    result = derive.gradient(f, [x1, x2]).result
    assert result == Matrix([sympy.diff(f, x1), sympy.diff(f, x2)])


def test_jacobian_matches_sympy():
    components = [x * y * z, sin(x) + y**2, exp(z) * x]
    result = derive.jacobian(components, [x, y, z]).result
    expected = Matrix(components).jacobian([x, y, z])
    assert all(numerically_equal(a, b) for a, b in zip(result, expected))


@pytest.mark.parametrize("f", [x**3 * y + y**2, exp(x * y) * sin(x), x**2 * y**2 * z + z**3 * x])
def test_hessian_matches_sympy_and_checks_clairaut(f):
    variables = sorted(f.free_symbols, key=sympy.default_sort_key)
    derivation = derive.hessian(f, variables)
    expected = sympy.hessian(f, variables)
    assert all(numerically_equal(a, b) for a, b in zip(derivation.result, expected))
    assert "Clairaut check" in derivation.rules


def test_mixed_partial_and_clairaut_note():
    derivation = derive.mixed_partial(x**2 * exp(y) * sin(x * y), [x, y])
    assert numerically_equal(derivation.result, sympy.diff(x**2 * exp(y) * sin(x * y), x, y))
    assert derivation.steps[-1].rule == "Clairaut check"
    assert "agree" in derivation.steps[-1].note


def _first_partials_worked(step) -> set:
    """The (expression, variable) pairs of first partials a step and its substeps work out."""
    return {(s.before.expr, s.before.variables[0]) for s in step.walk()
            if isinstance(s.before, sympy.Derivative) and len(s.before.variables) == 1}


@pytest.mark.parametrize(("make", "f", "worked_again", "words"), [
    (lambda f: derive.hessian(f, [x, y]), x**2 + y**2 + x * y, set(), "using the first partials above"),
    (lambda f: derive.hessian(f, [x, y, z]), x**2 * y * z + sin(y * z), set(), "using the first partials above"),
    (lambda f: derive.mixed_partial(f, [x, y]), x**3 * y + exp(x * y), {y}, "using the partials worked above"),
])
def test_the_clairaut_check_refers_to_the_partials_above(make, f, worked_again, words):
    derivation = make(f)
    checks = [s for s in derivation.walk() if s.rule == "Clairaut check"]
    assert checks and all(words in check.note for check in checks)
    for check in checks:
        assert {v for e, v in _first_partials_worked(check) if e == f} == worked_again


def test_seed_001_exercise_2_2_directional_derivatives():
    f = x**2 + 4 * y**2
    assert derive.gradient(f, [x, y], point=(1, 1)).result == Matrix([2, 8])
    assert derive.directional_derivative(f, [x, y], [1, 1], point=(1, 1)).result == 5 * sqrt(2)
    steepest = derive.steepest_directions(f, [x, y], point=(1, 1))
    rate, direction = steepest.result
    assert rate == sqrt(68)
    assert direction == Matrix([2, 8]) / sqrt(68)
    zero = [s for s in steepest.steps if s.rule.startswith("direction of zero change")]
    assert len(zero) == 1 and (zero[0].after.T * Matrix([2, 8]))[0] == 0


def test_implicit_derivative_of_ellipse():
    # seed 002, Exercise 3: x^2/4 + y^2/9 = 1
    derivation = derive.implicit_derivative(Eq(x**2 / 4 + y**2 / 9, 1), x, y)
    assert sympy.simplify(derivation.result + 9 * x / (4 * y)) == 0
    assert derivation.steps[0].conditions


def test_implicit_derivative_at_a_point():
    derivation = derive.implicit_derivative(x**2 + y**2 - 25, x, y, point=(3, 4))
    assert derivation.result == Rational(-3, 4)
