"""KKT with symbolic parameters: signs decided with the parameters' assumptions, otherwise a
clean DerivationError (never a bare TypeError or a guess)."""

import random

import pytest
import sympy
from sympy import Function, Rational, Symbol, sqrt, symbols

import derive

e1, e2 = symbols("e1 e2", real=True)
g1, g2, rho = symbols("g1 g2 rho", positive=True)
OBJECTIVE = -(g1 * e1 + g2 * e2)
BALL = e1**2 + e2**2 - rho**2


def test_linear_objective_on_a_ball_with_symbolic_parameters():
    derivation = derive.derive_by_name("kkt", OBJECTIVE, [e1, e2], inequalities=[BALL])
    norm = sqrt(g1**2 + g2**2)
    point, value = derivation.result
    assert sympy.simplify(point[0] - rho * g1 / norm) == 0
    assert sympy.simplify(point[1] - rho * g2 / norm) == 0
    assert sympy.simplify(value + rho * norm) == 0
    multipliers = [step.before[-1] for step in derivation.walk()
                   if step.rule == "feasibility checks" and str(step.after) == "KKT point"]
    assert len(multipliers) == 1 and sympy.simplify(multipliers[0] - norm / (2 * rho)) == 0


@pytest.mark.parametrize("seed", range(3))
def test_symbolic_answer_satisfies_kkt_on_an_instance(seed):
    rng = random.Random(seed)
    instance = {g1: Rational(rng.randint(1, 9), 4), g2: Rational(rng.randint(1, 9), 3), rho: Rational(rng.randint(1, 9), 2)}
    point, value = derive.kkt(OBJECTIVE, [e1, e2], inequalities=[BALL]).result
    at = {e1: point[0].subs(instance), e2: point[1].subs(instance)}
    assert sympy.simplify(BALL.subs(instance).subs(at)) == 0
    # no point of the ball does better: the minimum of a linear function on a circle
    for k in range(24):
        angle = 2 * sympy.pi * k / 24
        other = {e1: instance[rho] * sympy.cos(angle), e2: instance[rho] * sympy.sin(angle)}
        assert sympy.N(OBJECTIVE.subs(instance).subs(other) - value.subs(instance)) >= -1e-12


def test_parameter_of_unknown_sign_is_not_guessed():
    g = Symbol("g", real=True)
    with pytest.raises(derive.DerivationError):
        derive.kkt(-g * e1, [e1], inequalities=[e1**2 - 1])


def test_unknown_function_is_unsupported():
    f = Function("f")
    with pytest.raises(derive.UnsupportedInput):
        derive.kkt(f(e1) + e2**2, [e1, e2], inequalities=[e1 - 1])


def test_non_polynomial_case_without_solution_is_not_taken_as_proof():
    with pytest.raises(derive.NoSolution):
        derive.kkt(sympy.exp(e1) + sympy.exp(e2), [e1, e2], inequalities=[e1 + e2 - 1])
