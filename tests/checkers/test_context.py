"""The context of a check: defined names, stated domains, decimals, shapes inside an answer,
and what "read as" and counterexamples show a student."""

import re

import pytest
import sympy
from sympy import Interval, Lambda, MatrixSymbol, Symbol

import checkers
from checkers import Vocabulary, check, expand_definitions, read_definitions
from checkers._decimals import agreement
from checkers._declarations import read_declarations
from checkers._reading import DecimalLiteral
from checkers._sampling import PointSampler, domains_in

n = Symbol("n", integer=True, positive=True)
x_vec, A = MatrixSymbol("x", n, 1), MatrixSymbol("A", n, n)
x, y, w, b = sympy.symbols("x y w b", real=True)
VECTORS = Vocabulary.from_objects(x_vec, A)


# -- definitions -----------------------------------------------------------------------------
@pytest.mark.parametrize(("texts", "name", "kind", "shape"), [
    ([r"s = \operatorname{softmax}(x)"], "s", MatrixSymbol, (n, 1)),
    (["P = A A^T"], "P", MatrixSymbol, (n, n)),
    (["u = x^T x"], "u", Symbol, None),  # a 1x1 product is a number
    ([r"\hat y = 2"], "y_hat", Symbol, None),
    (["f(t) = t^2 + 1"], "f", sympy.core.function.UndefinedFunction, None),
    ([r"s = \operatorname{softmax}(x)", "r = s + 1"], "r", MatrixSymbol, (n, 1)),  # a later one uses an earlier one
])
def test_a_definition_names_an_object_of_its_values_kind(texts, name, kind, shape):
    definitions = read_definitions(texts, VECTORS)
    defined = next(d for d in definitions if str(d) == name)
    assert isinstance(defined, kind)
    assert shape is None or tuple(defined.shape) == shape


def test_a_defined_function_is_a_lambda_of_its_parameters():
    (f, value), = read_definitions([r"f[x, \phi] = \phi_0 + \phi_1 x"], Vocabulary()).items()
    assert isinstance(value, Lambda) and [str(v) for v in value.variables] == ["x", "phi"]
    assert expand_definitions(f(3, 0), {f: value}) == Symbol("phi_0", real=True) + 3 * Symbol("phi_1", real=True)


def test_a_declared_variable_keeps_its_object_when_defined():
    h = Symbol("h_2", real=True)
    definitions = read_definitions([r"h_2 = \exp f_1"], Vocabulary.from_objects(h, Symbol("f_1", real=True)))
    assert list(definitions) == [h]


@pytest.mark.parametrize(("text", "message"), [
    ("s = softmax(", "cannot read the definition"),
    ("s", "write NAME = VALUE"),
    ("x = 1 + A", "cannot read the definition"),
    (r"x = \operatorname{softmax}(A) + 1", "cannot read the definition"),
])
def test_a_malformed_definition_is_a_usage_error(text, message):
    with pytest.raises(checkers.UsageError, match=re.escape(message)):
        read_definitions([text], VECTORS)


def test_substitution_reaches_a_fixed_point_in_both_sides():
    definitions = read_definitions(["z_1 = w x + b", r"a_1 = \sigma(z_1)"], Vocabulary.from_objects(x, w, b))
    assert check(sympy.Symbol("q", real=True) * 0 + (1 / (1 + sympy.exp(-(w * x + b)))), "a_1",
                 symbols=[x, w, b], definitions=definitions).status.value == "correct"
    assert check("a_1", r"\sigma(z_1)", symbols=[x, w, b], definitions=definitions).status.value == "correct"


@pytest.mark.parametrize(("answer", "status", "message"), [
    ("f(2) + 1", "correct", "Correct"),
    ("f'(2)", "invalid", "work it out"),
    ("f(1, 2)", "invalid", "takes 1 argument here, not 2"),
    (r"\frac{d}{dx} f(x)", "invalid", "work it out"),
])
def test_defined_functions_in_answers(answer, status, message):
    definitions = read_definitions(["f(t) = t^2"], Vocabulary())
    verdict = check("5", answer, symbols=[x], definitions=definitions)
    assert verdict.status.value == status and message in verdict.message


# -- stated domains ----------------------------------------------------------------------------
@pytest.mark.parametrize(("declaration", "low", "high", "sign"), [
    ("x:interval(0,pi/2)", 0, 1.5708, "positive"),
    ("x:interval(1,oo)", 1, float("inf"), "positive"),
    ("x:interval(-oo,-2)", float("-inf"), -2, "negative"),
    ("x:interval(-1/2,3)", -0.5, 3, None),
])
def test_a_stated_domain_bounds_the_test_points(declaration, low, high, sign):
    (symbol,), facts = read_declarations([declaration])
    assert sign is None or getattr(symbol, f"is_{sign}") is True
    points = PointSampler(seed_text=declaration, domains=domains_in(facts)).points([symbol], 200)
    assert all(low < float(point[symbol]) < high for point in points)


def test_domains_only_come_from_interval_facts():
    assert domains_in([sympy.Q.symmetric(A), sympy.Contains(x, Interval.open(0, 1))]) == {x: Interval.open(0, 1)}


# -- decimals ------------------------------------------------------------------------------
@pytest.mark.parametrize(("exact", "written", "said"), [
    (sympy.Rational(1979053636, 10**9), "1.979", "agrees"),   # truncated
    (sympy.Rational(1979053636, 10**9), "1.98", "agrees"),    # rounded
    (sympy.Rational(1979053636, 10**9), "1.980", "differs"),  # neither
    (sympy.Rational(1979053636, 10**9), "2.0", "too few digits"),
    (sympy.Rational(1979053636, 10**9), "2.1", "differs"),
    (sympy.sqrt(2), "1.414", "agrees"),
    (sympy.sqrt(2), "1.4142", "agrees"),
    (sympy.sqrt(2), "1.4143", "differs"),
    (-sympy.sqrt(3) / 2, "0.866", "agrees"),  # the sign is the entry's (checked by the caller)
    (sympy.Rational(1, 8000), "1.25e-4", "agrees"),
    (sympy.Rational(1, 8000), "1.2e-4", "too few digits"),
    (sympy.Integer(12345), "1.23e4", "agrees"),
])
def test_a_decimal_agrees_when_rounded_or_truncated_in_its_last_digit(exact, written, said):
    sign = -1 if exact < 0 else 1
    assert agreement(exact, DecimalLiteral.of(written), sign) == said


@pytest.mark.parametrize(("answer", "status"), [("1.414", "correct"), ("1.41", "correct"), ("1.4", "incorrect"),
                                                  ("1.415", "incorrect"), ("sqrt(2)", "correct")])
def test_check_takes_decimals_only_when_asked(answer, status):
    assert check("sqrt(2)", answer, decimals=True).status.value == status
    assert check("sqrt(2)", answer).status.value == ("correct" if answer == "sqrt(2)" else "incorrect")


# -- shapes inside an answer ------------------------------------------------------------------
@pytest.mark.parametrize(("answer", "status", "method"), [
    ("x x", "incorrect", "shape"),           # the inner sizes differ: a mistake, graded
    ("A x + x^T", "incorrect", "shape"),     # shapes of a sum differ
    (r"x \odot A", "incorrect", "shape"),
    ("A + 1", "invalid", "reader"),          # a matrix plus a number has no meaning
    ("A x / 0", "invalid", "reader"),
    ("A x", "correct", "identical"),
])
def test_one_status_for_one_mistake(answer, status, method):
    verdict = check(A * x_vec, answer, symbols=[A, x_vec])
    assert (verdict.status.value, verdict.method.value) == (status, method), verdict.message


# -- what a student sees --------------------------------------------------------------------
_INTERNALS = re.compile(r"DiagMatrix|mapsto|_\{\\circ\}|i_1|I_identity|_prime|\\left\(d|Subs|substack")


@pytest.mark.parametrize("answer", [
    r"\operatorname{diag}(\operatorname{softmax}(x)) - \operatorname{softmax}(x)\operatorname{softmax}(x)^T",
    r"\operatorname{diag}(\operatorname{softmax}(x)^T)", r"e^{x} + x", r"\tanh'(A x)", r"\sigma(A x)",
    r"A^T \operatorname{diag}(\sigma'(A x)) A + \lambda \mathbb{I}", "diag(tanh'(A*x))",
])
def test_read_as_shows_the_answer_as_written(answer):
    verdict = check(A, answer, symbols=[A, x_vec, Symbol("lambda", real=True)])
    assert verdict.read_as is not None, verdict.message
    assert _INTERNALS.search(verdict.read_as) is None, verdict.read_as


def test_an_unknown_function_is_described_in_words():
    a = sympy.Function("a")
    verdict = check(a(x) ** 2, "a(x)^3", symbols=[a, x])
    assert verdict.status.value == "incorrect"
    assert "for a random smooth a" in verdict.message and "u0" not in verdict.message
