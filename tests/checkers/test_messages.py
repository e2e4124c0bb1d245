"""Every message is a sentence for a person: no exception class names, no traceback, no
sympy or Python internals, whatever the input. (The student's own text, echoed under a
pointer, is left out of the search.)"""

import re

import pytest
import sympy

import checkers
from checkers import check
from checkers._declarations import read_declarations

_n = sympy.Symbol("n", integer=True, positive=True)
SYMBOLS = [sympy.MatrixSymbol("x", _n, 1), sympy.MatrixSymbol("A", _n, _n), *sympy.symbols("y z"), sympy.Function("a")]
REFERENCES = ["y^2", "diag(softmax(x))", "(1, 2)"]

ODD_ANSWERS = [
    "x +", "", "   ", r"\frac{1}{", "((((", "x**x**x**x**x", "1/0", "0/0", "log(0)", r"\sqrt{-1}", "x^{1000000}",
    "10^{10^{10}}", "Matrix([[1,2],[3]])", "[[1,2],[3,4]] * [1,2,3]", "sin", "sin(", "x.__class__", "lambda: 1", "'a'",
    "f'(x)", r"\mathbb{R}", r"\int x dx", r"\lim_{x\to 0} x", "x = = 1", "{1, 2", r"\begin{bmatrix}1 & 2\\ 3\end{bmatrix}",
    r"\operatorname{diag}(y)", r"\operatorname{softmax}(y)", r"\det(y)", "tr(1, 2)", "Subs(x, 1, 2)",
    "Subs(Derivative(a(t), t), t)", "1[y]", "Derivative(y, y)", "Piecewise((1, y))", "None", "True", "y and z",
    "y < z < 1", "\u200b", "y" * 5000, r"e^{[1,2]}", "Identity(0)", "eye(100000)", "Eq(y)", "Sum(y, (i, 1))", "y^T",
    "y'", "(-1)!", "y_{}", "\\", r"\frac{}{}", "y^", "_y", "abs(A)", "A + 1", "A*y*A", "A x A", "A^{1/2}", "A^y",
    "diag(A, A)", "softmax(1)", "sigmoid'(A)", "hadamard(A)", "inv(x)", "1e999", "9" * 500, "2^{2^{2^{2^{2}}}}",
    r"\sum_{i=1}^{10^9} i", r"\prod_{k=1}^{n} A", r"\mathbb{1}[y]", r"\mathbb{1}", r"\mathbb{I} + 1", "x[0]", "I_{-1}",
    r"\operatorname{foo}(y)", "foo(y)", "y(1)", "y = 1 = 2", "y, z", r"\pm\pm y", r"\boxed{}", r"\left( y \right.",
    "|y|y|", r"\|A\|", r"\nabla", r"\frac{d}{dy}", r"\frac{d^2}{dy^2} \sin y", "Derivative(a(y), y)",
    None, 3, 1.5, True, [1, 2], {"a": 1},
]

_NOISE = re.compile(
    r"Traceback|sympy|\b[A-Z]\w*(Error|Exception)\b|<class|object at 0x|NoneType|Dummy|Lambda\(|MatrixSymbol|"
    r"\bSymbol\(|\bInteger\(|I_identity|_xi|\bu0\b|__\w",
    re.IGNORECASE,
)


def _noise(message: str, answer: object) -> str | None:
    shown = message.replace(answer, "") if isinstance(answer, str) and answer else message
    if isinstance(answer, str):  # a quoted piece of the student's own text
        shown = re.sub(r"'([^']*)'", lambda quoted: "" if quoted.group(1) in answer else quoted.group(0), shown)
    found = _NOISE.search(shown)
    return found.group(0) if found else None


@pytest.mark.parametrize("answer", ODD_ANSWERS, ids=lambda a: repr(a)[:40])
def test_no_internal_text_in_any_verdict(answer):
    for reference in REFERENCES:
        verdict = check(reference, answer, symbols=SYMBOLS, timeout=2)
        text = f"{verdict.message}\n{verdict.read_as or ''}"
        assert _noise(text, answer) is None, (reference, text)


@pytest.mark.parametrize("declaration", ["x:bogus", "x:interval(1,0)", "x:interval(a,1)", "A:matrix(m+1,n)", "x:interval(0",
                                         "1x", "x:" + "y" * 300])
def test_no_internal_text_in_declaration_errors(declaration):
    with pytest.raises(checkers.UsageError) as raised:
        read_declarations([declaration])
    assert _noise(raised.value.describe(), declaration) is None


@pytest.mark.parametrize("definition", ["s = softmax(", "= 1", "s =", "s = 1 = 2", "f(x = 1", "1 = x", "a = b, b = a"])
def test_no_internal_text_in_definition_errors(definition):
    with pytest.raises(checkers.UsageError) as raised:
        checkers.read_definitions([definition], checkers.Vocabulary.from_objects(*SYMBOLS))
    assert _noise(raised.value.describe(), definition) is None


def test_a_circular_chain_of_definitions_is_refused():
    with pytest.raises(checkers.UsageError, match="in a circle"):
        checkers.read_definitions(["p = q + 1", "q = p - 1"], checkers.Vocabulary())


# (bank part, wrong answer, written in the counterexample, not written there): a test point is
# named as a student writes it (x_i, x_1), and an index that only picks entries is left out
POINT_NAMES = [
    ("udl.3.7.phi1", r"2(a[\theta_{10}+\theta_{11}x_i] + \phi_1)(f[x_i,\phi]-y_i)", ["x_i = ", "y_i = "], ["x[i]", " i = "]),
    ("udl.6.1.phi1", r"2\sum_{i=1}^{I} (\phi_0 + \phi_1 x_i + y_i) x_i", ["x_1 = ", "y_1 = "], ["x[1]", "y[1]"]),
]


@pytest.mark.parametrize(("part_id", "answer", "written", "not_written"), POINT_NAMES)
def test_a_test_point_is_named_as_a_student_writes_it(part_id, answer, written, not_written):
    from problems import bank

    _, part = bank.find(part_id)
    message = part.check(answer).message
    assert all(text in message for text in written), message
    assert not any(text in message for text in not_written), message
