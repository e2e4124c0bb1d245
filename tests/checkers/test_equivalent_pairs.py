"""Equivalent and non-equivalent scalar pairs drawn from the seeds' calculus (plain syntax)."""

import pytest
from sympy import Symbol, symbols

from checkers import Status, check

DECLARED = symbols("a b")  # names an answer may use although the reference cancels them
POSITIVE = [Symbol(n, positive=True) for n in ("x", "y", "t", "s", "eta", "lam", "c", "v")]

EQUIVALENT = [
    # sigmoid, tanh, softplus and their derivatives (seed 000 Solution 8, seed 002)
    ("exp(-x)/(1+exp(-x))**2", "sigmoid(x)*(1-sigmoid(x))"),
    ("sigmoid(x)*(1-sigmoid(x))", "exp(x)/(1+exp(x))**2"),
    ("1/(1+exp(-x))", "exp(x)/(exp(x)+1)"),
    ("sigmoid(-x)", "1 - sigmoid(x)"),
    ("sech(x)**2", "1 - tanh(x)**2"),
    ("tanh(x)", "2*sigmoid(2*x) - 1"),
    ("tanh(x)", "(exp(x)-exp(-x))/(exp(x)+exp(-x))"),
    ("softplus(x)", "log(1 + exp(x))"),
    ("sigmoid(x)", "exp(x)/(1+exp(x))"),
    ("log(sigmoid(x))", "-log(1+exp(-x))"),
    # log-sigmoid derivative in w (seed 000 Solution 4)
    ("x/(1+exp(w*x+b))", "(1 - sigmoid(w*x+b))*x"),
    ("x*exp(-(w*x+b))/(1+exp(-(w*x+b)))", "x*(1-sigmoid(w*x+b))"),
    # polynomials, critical points (seed 000 Solution 1, seed 002)
    ("3*x**2 - 10*x + 3", "(3x - 1)(x - 3)"),
    ("6*x - 10", "2(3x - 5)"),
    ("x**3 - 5*x**2 + 3*x", "x(x^2 - 5x + 3)"),
    ("(x+1)**2", "x^2 + 2x + 1"),
    ("(x-1)**4", "x^4 - 4x^3 + 6x^2 - 4x + 1"),
    ("4*(x-1)**3", "4x^3 - 12x^2 + 12x - 4"),
    # chain rule (seed 000 Solution 2)
    ("exp(sin(x**2))*cos(x**2)*2*x", "2x cos(x^2) e^(sin(x^2))"),
    ("2*x*cos(x**2)", "cos(x^2)*2x"),
    ("cos(3*x)*3", "3cos(3x)"),
    ("2*sin(x)*cos(x)", "sin(2x)"),
    ("cos(x)**2 - sin(x)**2", "cos(2*x)"),
    ("1/cos(x)**2", "1 + tan(x)^2"),
    ("-sin(x)", "cos(x + pi/2)"),
    # quotient and product rules (seed 002)
    ("(cos(x)*x - sin(x))/x**2", "cos(x)/x - sin(x)/x^2"),
    ("exp(x)*(x+1)", "x exp(x) + exp(x)"),
    ("(1 - x**2)/(1 + x**2)**2", "1/(1+x^2) - 2x^2/(1+x^2)^2"),
    ("exp(-x)*(1-x)", "exp(-x) - x*exp(-x)"),
    ("2*x*exp(-x**2)*(-x) + exp(-x**2)", "(1 - 2x^2) exp(-x^2)"),
    ("1/(2*sqrt(x))", "x^(-1/2)/2"),
    ("x**x*(log(x) + 1)", "x^x log(x) + x^x"),
    ("log(x)/x", "log(x)*x**-1"),
    ("1/x", "exp(-log(x))"),
    ("log(x**2)", "2*log(x)"),
    ("sqrt(x**2)", "x"),
    ("exp(2*log(x))", "x^2"),
    ("log(exp(x))", "x"),
    ("Abs(x)", "x"),
    # partial derivatives and gradients (seed 000 Solutions 3, 5, 10)
    ("2*x*y", "2xy"),
    ("x**2 + 3*y**2", "3y^2 + x^2"),
    ("2*a", "(a + b) + (a - b)"),
    ("-2*b", "(a - b) - (a + b)"),
    ("2*(a*b + c)*b", "2ab^2 + 2bc"),
    ("2*(a*b + c)", "2c + 2ab"),
    ("2*x1*x2 - 7", "2*x1*x2 - 7"),
    ("x1**2 + 9*x2**2", "x1^2 + 9x2^2"),
    ("2*x1 + x2", "x2 + 2*x1"),
    # optimisation and weight decay (seed 000 Solution 9)
    ("w0*(1 - eta*lam)**t", "w0*exp(t*log(1 - eta*lam))"),
    ("(c*g)/sqrt(c**2*v)", "g/sqrt(v)"),
    # rational and exponential identities
    ("(x**2 - 1)/(x - 1)", "x + 1"),
    ("(exp(2*x) - 1)/(exp(x) - 1)", "exp(x) + 1"),
    ("1/(1+exp(-x)) - 1/2", "tanh(x/2)/2"),
    ("cosh(x)**2 - sinh(x)**2", "1"),
    ("log(x*y)", "log(x) + log(y)"),
    ("exp(x + y)", "exp(x)*exp(y)"),
    ("(x + y)**3", "x^3 + 3x^2y + 3xy^2 + y^3"),
    ("1.5e-3*x", "3x/2000"),
    ("0.5*x**2", "x^2/2"),
    ("atan(x)", "asin(x/sqrt(1+x^2))"),
    ("relu(x)", "Max(0, x)"),
    ("Max(0, x)", "(x + Abs(x))/2"),
]

NOT_EQUIVALENT = [
    ("exp(-x)/(1+exp(-x))**2", "-sigmoid(x)*(1-sigmoid(x))"),     # sign
    ("sigmoid(x)*(1-sigmoid(x))", "sigmoid(x)**2"),
    ("sech(x)**2", "1 + tanh(x)**2"),
    ("1 - tanh(x)**2", "tanh(x)**2"),
    ("x/(1+exp(w*x+b))", "x*sigmoid(w*x+b)"),                    # wrong chain factor
    ("x/(1+exp(w*x+b))", "(1 - sigmoid(w*x+b))"),                # missing inner derivative
    ("3*x**2 - 10*x + 3", "3x^2 - 10x - 3"),
    ("3*x**2 - 10*x + 3", "x^2 - 10x + 3"),
    ("6*x - 10", "6x + 10"),
    ("exp(sin(x**2))*cos(x**2)*2*x", "exp(sin(x^2))*cos(x^2)"),  # missing inner factor 2x
    ("exp(sin(x**2))*cos(x**2)*2*x", "exp(cos(x^2))*2x"),
    ("exp(sin(x**2))*cos(x**2)*2*x", "-exp(sin(x^2))*cos(x^2)*2x"),
    ("2*x*cos(x**2)", "cos(2x)"),
    ("cos(3*x)*3", "cos(3x)"),
    ("(cos(x)*x - sin(x))/x**2", "(sin(x) - x cos(x))/x^2"),    # quotient rule sign
    ("(cos(x)*x - sin(x))/x**2", "cos(x)/(2x)"),
    ("exp(x)*(x+1)", "x exp(x)"),
    ("x**x*(log(x) + 1)", "x*x^(x-1)"),                           # power rule misapplied
    ("1/(2*sqrt(x))", "1/sqrt(x)"),                               # factor 2
    ("2*x*y", "x*y"),
    ("2*x*y", "4xy"),
    ("x**2 + 3*y**2", "x^2 + y^2"),
    ("x**2 + 3*y**2", "2x + 6y"),
    ("2*a", "2b"),
    ("-2*b", "2b"),
    ("2*(a*b + c)*b", "2(ab + c)"),
    ("2*(a*b + c)*b", "2(ab + c)a"),
    ("w0*(1 - eta*lam)**t", "w0*(1 - eta*lam)*t"),
    ("(x**2 - 1)/(x - 1)", "x - 1"),
    ("log(x*y)", "log(x)*log(y)"),
    ("exp(x + y)", "exp(x) + exp(y)"),
    ("(x + y)**2", "x^2 + y^2"),
    ("sqrt(x**2)", "x"),                                          # real x: |x|
    ("log(x**2)", "2*log(x)"),                                    # real x: negative x
    ("Abs(x)", "x"),
    ("x", "x + 10**-12"),                                         # proof beats tolerance
    ("x", "x*(1 + 10**-15)"),
    ("relu(x)", "Abs(x)"),
    ("Max(0, x)", "x"),
    ("tanh(x)", "sigmoid(2*x)"),
    ("1/(1+exp(-x))", "1/(1+exp(x))"),
    ("exp(-x)", "-exp(x)"),
]

# Pairs that are equal only on the positive reals: declared positive they are correct.
POSITIVE_ONLY = {
    ("log(x**2)", "2*log(x)"),
    ("sqrt(x**2)", "x"),
    ("Abs(x)", "x"),
    ("(c*g)/sqrt(c**2*v)", "g/sqrt(v)"),
    ("log(x*y)", "log(x) + log(y)"),
}


@pytest.mark.parametrize(("expected", "answer"), EQUIVALENT)
def test_equivalent_pairs_are_correct(expected, answer):
    declared = POSITIVE if (expected, answer) in POSITIVE_ONLY else DECLARED
    verdict = check(expected, answer, symbols=declared)
    assert verdict.status is Status.CORRECT, verdict.message


@pytest.mark.parametrize(("expected", "answer"), NOT_EQUIVALENT)
def test_non_equivalent_pairs_are_incorrect(expected, answer):
    verdict = check(expected, answer, symbols=DECLARED)
    assert verdict.status is Status.INCORRECT, verdict.message
    assert verdict.proved, "an incorrect verdict needs a proof or a verified counterexample"


def test_table_sizes_meet_the_issue():
    assert len(EQUIVALENT) >= 60 and len(NOT_EQUIVALENT) >= 40


@pytest.mark.parametrize(("expected", "answer"), sorted(POSITIVE_ONLY))
def test_domain_decides_identities_that_need_positive_variables(expected, answer):
    assert check(expected, answer, symbols=POSITIVE).status is Status.CORRECT
    assert check(expected, answer).status is Status.INCORRECT


def test_a_counterexample_names_the_point_and_both_values():
    verdict = check("2*x*y", "x*y")
    assert set(verdict.evidence.point) == {"x", "y"}
    assert verdict.evidence.expected != verdict.evidence.answer


def test_a_difference_with_hidden_zero_coefficients_is_not_called_nonzero():
    """Regression: c*(1/2 - sech(3/4)**2/2 - tanh(3/4)**2/2) is 0, not a nonzero polynomial."""
    verdict = check("c", "c*(sech(3/4)**2 + tanh(3/4)**2)", symbols=[Symbol("c")])
    assert verdict.status is Status.CORRECT, verdict.message
