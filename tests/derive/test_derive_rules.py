"""Single-variable rules: each expression uses the expected rules and its result equals
sympy.diff (checked numerically, after rewriting activations through exp)."""

import pytest
import sympy
from _derive_helpers import numerically_equal
from sympy import Abs, Function, Heaviside, asin, atan, cos, cosh, exp, log, sin, sqrt, tan, tanh

import derive
from derive import relu, sigmoid, softplus

x = sympy.Symbol("x", real=True)
y = sympy.Symbol("y", real=True)

RULE_TABLE = [
    (sympy.Integer(7), {"constant rule"}),
    (x, {"identity rule"}),
    (x**5, {"power rule"}),
    (3 * x**4 - 2 * x**2 + 7 * x - 1, {"sum rule", "constant multiple rule", "power rule"}),
    (sqrt(x) * exp(x), {"product rule", "power rule", "exp rule"}),
    (x * sin(x) * log(x), {"product rule", "trig rule", "log rule"}),
    ((x**2 + 1) / (x - 1), {"quotient rule"}),
    (sin(x) / x, {"quotient rule", "trig rule"}),
    (x * exp(-x), {"product rule", "chain rule", "exp rule"}),
    (exp(sin(x**2)), {"chain rule", "exp rule", "trig rule", "power rule"}),
    (2**x, {"exponential rule"}),
    (log(cos(x)), {"chain rule", "log rule", "trig rule"}),
    (tan(3 * x), {"chain rule", "trig rule"}),
    (asin(x / 2), {"chain rule", "inverse trig rule"}),
    (atan(x**2), {"chain rule", "inverse trig rule"}),
    (cosh(x) ** 2, {"chain rule", "hyperbolic rule", "power rule"}),
    (tanh(2 * x), {"tanh rule"}),
    (sigmoid(x), {"sigmoid rule"}),
    (sigmoid(3 * x + 1), {"chain rule", "sigmoid rule"}),
    (softplus(x**2), {"chain rule", "softplus rule"}),
    (relu(x), {"relu rule"}),
    (relu(x - 2), {"chain rule", "relu rule"}),
    (Abs(x), {"abs rule"}),
    (Abs(sin(x)), {"chain rule", "abs rule"}),
    (x**x, {"logarithmic differentiation"}),
    (sin(x) ** cos(x), {"logarithmic differentiation"}),
    (1 / (1 + exp(-x)), {"chain rule", "course vocabulary"}),
    (x**2 * y + y**3, {"sum rule", "constant rule"}),
]


@pytest.mark.parametrize("expr, rules", RULE_TABLE, ids=[str(e) for e, _ in RULE_TABLE])
def test_rule_names_and_result(expr, rules):
    derivation = derive.differentiate(expr, x)
    assert rules <= set(derivation.rules)
    assert numerically_equal(derivation.result, sympy.diff(expr, x))


def test_quotient_form_is_kept_as_written():
    derivation = derive.differentiate((x**2 + 1) / (x - 1), x)
    assert derivation.steps[0].rule == "quotient rule"
    assert derivation.steps[0].conditions == (sympy.Ne(x - 1, 0),)


def test_chain_rule_names_inner_functions_like_the_seed():
    # seed 000: outer e^u with u = sin(v), inner v = x^2; g' = e^{sin(x^2)} cos(x^2) 2x
    derivation = derive.differentiate(exp(sin(x**2)), x)
    outer = derivation.steps[0]
    u, v = sympy.symbols("u v", real=True)
    assert outer.definitions == (sympy.Eq(u, sin(x**2)),)
    assert outer.substeps[1].definitions == (sympy.Eq(v, x**2),)
    assert sympy.simplify(derivation.result - exp(sin(x**2)) * cos(x**2) * 2 * x) == 0


def test_sigmoid_tidies_into_course_vocabulary():
    derivation = derive.differentiate(1 / (1 + exp(-x)), x)
    assert derivation.result == sigmoid(x) * (1 - sigmoid(x))
    assert derivation.steps[-1].rule == "course vocabulary"


def test_relu_derivative_is_the_indicator_with_zero_at_zero():
    result = derive.differentiate(relu(x), x).result
    assert result == Heaviside(x, 0)
    assert result.subs(x, 0) == 0 and result.subs(x, 2) == 1


def test_abs_rule_states_its_condition():
    step = derive.differentiate(Abs(x), x).steps[0]
    assert step.after == sympy.sign(x)
    assert step.conditions == (sympy.Ne(x, 0),)


UNKNOWN_FUNCTION_CASES = [  # (expression, rules in order): an unknown f is differentiated as f'
    (Function("f")(x) * x, ("product rule", "unknown function", "identity rule")),
    (Function("f")(x**2), ("chain rule", "unknown function", "power rule")),
]


@pytest.mark.parametrize("expr, rules", UNKNOWN_FUNCTION_CASES, ids=str)
def test_unknown_function_gets_its_own_rule_with_sympys_result(expr, rules):
    derivation = derive.differentiate(expr, x, tidy=False)
    assert sorted(derivation.rules) == sorted(rules) and derive.NO_RULE not in derivation.rules
    assert sympy.simplify((derivation.result - sympy.diff(expr, x)).doit()) == 0


def test_a_function_of_two_arguments_is_an_explicit_no_rule_step_with_sympys_result():
    f = Function("f")
    derivation = derive.differentiate(f(x, x**2), x)
    assert derivation.rules == (derive.NO_RULE,)
    assert derivation.result == sympy.diff(f(x, x**2), x)


def test_activation_functions_evaluate_and_print():
    assert abs(float(sigmoid(1)) - 0.7310585786300049) < 1e-12
    assert abs(float(softplus(0)) - 0.6931471805599453) < 1e-12
    assert relu(-2) == 0 and relu(3) == 3
    assert sympy.latex(sigmoid(x)) == r"\sigma\left(x\right)"
    assert sympy.latex(softplus(x)) == r"\operatorname{softplus}\left(x\right)"
    assert sympy.latex(relu(x)) == r"\operatorname{ReLU}\left(x\right)"
    assert sigmoid(x).rewrite(exp) == 1 / (1 + exp(-x))


def test_non_symbol_variable_is_rejected():
    with pytest.raises(derive.UnsupportedInput):
        derive.differentiate(x**2, x + 1)
