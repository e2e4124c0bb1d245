"""Concrete stand-ins for unknown functions: the opaque calls have the values of the formulas.

Each row builds an expression with unknown functions (nested calls, derivatives in one or
several arguments, derivatives in a call); its concrete form is compared, at a point, with
the same expression built from the formulas themselves and differentiated by sympy.
"""

import pytest
import sympy

from checkers._instances import Instance, apply_function_instance, concrete_function, function_instances
from checkers._numeric import evaluate

x, y, t = sympy.symbols("x y t", real=True)
u0, u1 = sympy.symbols("u0 u1", real=True)
a, f = sympy.Function("a"), sympy.Function("f")

FORMULAS = {a: sympy.Lambda(u0, sympy.sin(u0 / 2 + 1) + u0**2 / 3),
            f: sympy.Lambda((u0, u1), sympy.cos(u0 - u1 / 3) + u0 * u1)}

# each row builds an expression from the functions it is given: unknown ones, or the formulas
BUILDERS = {
    "a(x)": lambda a, f: a(x),
    "a(a(x))": lambda a, f: a(a(x)),
    "d/dx a(x^2)": lambda a, f: sympy.diff(a(x**2), x),
    "d/dx a(a(x))": lambda a, f: sympy.diff(a(a(x)), x),  # sympy writes Derivative(a(a(x)), a(x))
    "d2/dx2 a(y + a(tx))": lambda a, f: sympy.diff(a(y + a(t * x)), x, 2),
    "d2/dxdy f(x, y)": lambda a, f: sympy.diff(f(x, y), x, y),
    "d/dx f(xy, a(x))": lambda a, f: sympy.diff(f(x * y, a(x)), x),
    "d/dx x a(x)^2 - exp(a(y))": lambda a, f: sympy.diff(x * a(x) ** 2, x) - sympy.exp(a(y)),
}


@pytest.mark.parametrize("build", BUILDERS.values(), ids=BUILDERS)
def test_concrete_calls_have_the_formulas_values(build):
    instance = Instance({g: concrete_function(str(g), formula) for g, formula in FORMULAS.items()})
    concrete = apply_function_instance(instance, build(a, f))
    written_out = build(FORMULAS[a], FORMULAS[f])
    point = {x: sympy.Rational(7, 10), y: sympy.Rational(-3, 10), t: sympy.Rational(13, 10)}
    assert not concrete.has(sympy.Derivative, sympy.Subs)
    assert abs(evaluate(concrete, point, digits=30) - evaluate(written_out, point, digits=30)) < 1e-25


def test_drawn_instances_are_concrete_function_classes():
    drawn = function_instances([a(x) + f(x, y)], seed_text="test", count=2)
    assert len(drawn) == 2 and drawn[0].replacements[a] is not drawn[1].replacements[a]
    assert apply_function_instance(drawn[0], a(x)).func.formula.variables == (u0,)
