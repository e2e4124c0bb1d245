"""Unit behaviour of the LaTeX reader that the corpus table cannot express."""

from __future__ import annotations

import pytest
import sympy
from sympy import Function, IndexedBase, MatrixSymbol, Sum, Symbol, symbols
from sympy.matrices.expressions.applyfunc import ElementwiseApplyFunction

from checkers._errors import InvalidAnswer
from checkers._latex import read_latex
from checkers._limits import Limits
from checkers._read import read_answer
from checkers._vocabulary import Vocabulary

x, y, w, b = symbols("x y w b")
SCALARS = Vocabulary.from_objects(x, y, w, b)
i, I = symbols("i I", integer=True, positive=True)
UDL = Vocabulary.from_objects(
    Sum((symbols("phi_0") + symbols("phi_1") * IndexedBase("x")[i] - IndexedBase("y")[i]) ** 2, (i, 1, I))
)


@pytest.mark.parametrize(
    ("text", "position", "fragment"),
    [
        (r"\frac{1}{x", 8, "never closed"),
        (r"x + \foo", 4, "unknown command"),
        (r"x + z", 4, "unknown name 'z'"),
        (r"(x + 1", 0, "never closed"),
        (r"x + 1)", 5, "closes nothing"),
        (r"\left( x \right]", 15, "closed by"),
        (r"2e-3", 0, "ambiguous"),
        (r"x^23", 2, "braces"),
        (r"10^{10^{10}}", 2, "exponent"),
        (r"x = ", 2, "nothing on one side"),
    ],
)
def test_errors_point_at_the_problem(text: str, position: int, fragment: str) -> None:
    with pytest.raises(InvalidAnswer) as caught:
        read_latex(text, SCALARS)
    assert caught.value.position == position
    assert fragment in caught.value.message


def test_unknown_name_message_lists_the_vocabulary() -> None:
    with pytest.raises(InvalidAnswer, match=r"unknown name 'z'; this answer can use: b, w, x, y"):
        read_latex("x + z", SCALARS)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (r"\frac{\partial L}{\partial \phi_0} = 2", "dL/dphi_0"),
        (r"\frac{\partial^2 L}{\partial \phi_0^2} = 2", "d2L/dphi_0^2"),
        (r"\partial L / \partial \phi_0 = 2", "dL/dphi_0"),
        (r"L[\phi] = 2", "L[phi]"),
        (r"y' = 2", "y'"),
    ],
)
def test_left_side_derivative_notations_are_plain_names(text: str, name: str) -> None:
    first, value = read_latex(text, UDL).members
    assert first == Symbol(name) and value == 2
    assert not first.has(sympy.Derivative)


def test_vector_argument_of_a_reference_function_is_elementwise() -> None:
    n = Symbol("n")
    a, beta, omega, xv = Function("a"), MatrixSymbol("beta_0", n, 1), MatrixSymbol("Omega_0", n, n), MatrixSymbol("x", n, 1)
    vocab = Vocabulary.from_objects(a, beta, omega, xv)
    value = read_latex(r"a[\boldsymbol{\beta}_0 + \boldsymbol{\Omega}_0 \mathbf{x}]", vocab).value
    assert isinstance(value, ElementwiseApplyFunction) and value.shape == (n, 1)


def test_vocabulary_can_make_sigma_a_variable_and_e_a_symbol() -> None:
    sigma, e = symbols("sigma e")
    vocab = Vocabulary.from_objects(sigma, e, x)
    assert read_latex(r"\sigma(x + 1)", vocab).value == sigma * (x + 1)
    assert read_latex(r"e^{x}", vocab).value == e**x


def test_index_range_comes_from_the_reference() -> None:
    value = read_latex(r"\sum_i x_i", UDL).value
    assert value == Sum(IndexedBase("x")[i], (i, 1, I))


def test_limits_apply_before_evaluation() -> None:
    tight = Limits(max_depth=5, max_nodes=20, max_integer_digits=4)
    with pytest.raises(InvalidAnswer, match="nested too deeply"):
        read_latex("((((((((x))))))))", SCALARS, tight)
    with pytest.raises(InvalidAnswer, match="too long"):
        read_latex("+".join(["x"] * 30), SCALARS, tight)
    with pytest.raises(InvalidAnswer, match="digits"):
        read_latex("123456", SCALARS, tight)


def test_read_answer_sends_latex_here() -> None:
    reading = read_answer(r"\frac{x}{2}", SCALARS)
    assert reading.notation == "latex" and reading.value == x / 2


def test_reading_renders_how_it_was_understood() -> None:
    assert read_latex(r"\sigma(wx+b)", SCALARS).read_as == r"\sigma(b + w x)"
