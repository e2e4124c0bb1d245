"""The plain-syntax reader: what each string means, and where it refuses."""

import pytest
from sympy import (
    Derivative,
    E,
    FiniteSet,
    Function,
    ImmutableMatrix,
    IndexedBase,
    MatrixSymbol,
    Piecewise,
    Rational,
    Subs,
    Sum,
    Symbol,
    Tuple,
    cos,
    exp,
    log,
    pi,
    sqrt,
    symbols,
)

from checkers import InvalidAnswer, Vocabulary, read_answer, sigmoid

x, y, u, T, lam = symbols("x y u T lambda", real=True)
n = Symbol("n", integer=True, positive=True)
A = MatrixSymbol("A", n, n)
a = Function("a")
xs = IndexedBase("x_")
i, I = symbols("i I", integer=True, positive=True)
VOCABULARY = Vocabulary.from_objects(x, y, u, T, lam, A, a(u), i, I)
t = Symbol("t", real=True)

MEANINGS = [
    ("2xy", 2 * x * y),
    ("x^2", x**2),
    ("2(x+1)", 2 * (x + 1)),
    ("(x+1)(y-1)", (x + 1) * (y - 1)),
    ("xe^x", x * exp(x)),
    ("e", E),
    ("pi/2", pi / 2),
    ("log(x)", log(x)),
    ("ln(x)", log(x)),
    ("1.5e-3", Rational(3, 2000)),
    ("0.1", Rational(1, 10)),
    ("sigmoid(x)", sigmoid(x)),
    ("sqrt(x)", sqrt(x)),
    ("x²", x**2),
    ("2·x", 2 * x),
    ("lambda*x", lam * x),
    ("{1/3, 3}", FiniteSet(Rational(1, 3), 3)),
    ("(4, 7)", Tuple(4, 7)),
    ("[4, 7]", ImmutableMatrix([4, 7])),
    ("Matrix([[1, 2], [3, 4]])", ImmutableMatrix([[1, 2], [3, 4]])),
    ("A^T", A.T),
    ("A'", A.T),
    ("A.T*A", A.T * A),
    ("(1 - lambda)^T", (1 - lam) ** T),
    ("a(u)", a(u)),
    ("a[u]", a(u)),
    ("a'(u)", Derivative(a(u), u)),
    ("a''(u)", Derivative(a(u), (u, 2))),
    ("a'[u]", Derivative(a(u), u)),
    ("a''[u]", Derivative(a(u), (u, 2))),
    ("sin'(x)", cos(x)),
    ("Piecewise((x, x > 0), (0, True))", Piecewise((x, x > 0), (0, True))),
    ("Indicator(x > 0)", Piecewise((1, x > 0), (0, True))),
]


@pytest.mark.parametrize(("text", "meaning"), MEANINGS)
def test_plain_answers_read_as_meant(text, meaning):
    reading = read_answer(text, VOCABULARY)
    assert reading.notation == "plain"
    assert reading.value == meaning


def test_derivative_of_an_unknown_function_at_an_expression():
    value = read_answer("a'(2u)", VOCABULARY).value
    assert isinstance(value, Subs) and value.doit() == a(2 * u).diff(u) / 2


REFUSALS = [
    # (text, position of the problem, words in the message)
    ("2x + z", 5, "unknown name 'z'"),
    ("2x +", 3, "ends too early"),
    ("x ** * 2", 5, "cannot read"),
    ("sin", 0, "is a function"),
    ("y'", 0, "not read here"),
    ("x'[1]", 0, "square brackets after this name mean nothing here"),
    ("Derivative(x**2, x)", 0, "work the derivative out"),
    ("x.real", 0, "not allowed"),
    ("'x'", 0, "text in quotes"),
    ("x ∈ y", 2, "unexpected character"),
    ("1" * 80, 0, "digits"),
    ("2**50000", 0, "exponent"),
    ("x\x00", 1, "control character"),
]


@pytest.mark.parametrize(("text", "position", "words"), REFUSALS)
def test_refusals_say_why_and_where(text, position, words):
    with pytest.raises(InvalidAnswer) as caught:
        read_answer(text, VOCABULARY)
    assert caught.value.position == position
    assert words in caught.value.message


def test_open_names_split_letters_but_keep_greek_and_indexed_names():
    opened = Vocabulary().opened()
    assert read_answer("2xy", opened).value == 2 * Symbol("x", real=True) * Symbol("y", real=True)
    assert read_answer("eta*theta_11", opened).value == Symbol("eta", real=True) * Symbol("theta_11", real=True)


def test_sums_over_indexed_families():
    family = IndexedBase("x")
    vocabulary = Vocabulary.from_objects(Sum(family[i], (i, 1, I)))
    assert read_answer("Sum(x[i]**2, (i, 1, I))", vocabulary).value == Sum(family[i] ** 2, (i, 1, I))
