"""Matrices, matrix expressions, indexed sums, undefined functions, sets, tuples, equations."""

import pytest
from sympy import (
    Eq,
    FiniteSet,
    Function,
    HadamardProduct,
    ImmutableMatrix,
    IndexedBase,
    MatrixSymbol,
    Piecewise,
    Q,
    Rational,
    Sum,
    Symbol,
    Trace,
    Tuple,
    exp,
    symbols,
)

from checkers import Method, Status, check

n, m = symbols("n m", integer=True, positive=True)
A = MatrixSymbol("A", m, n)
S = MatrixSymbol("S", n, n)
x = MatrixSymbol("x", n, 1)
y = MatrixSymbol("y", m, 1)
b = MatrixSymbol("b", m, 1)
lam = Symbol("lambda", real=True)

MATRIX_EXPRESSIONS = [
    # (expected, answer, symbols, assumptions, status)
    (2 * A.T * (A * x - b), "2*A.T*A*x - 2*A.T*b", (A, x, b), (), Status.CORRECT),
    (2 * A.T * (A * x - b), "2*A.T*(A*x + b)", (A, x, b), (), Status.INCORRECT),
    (2 * A.T * (A * x - b), "2*A*(A.T*x - b)", (A, x, b), (), Status.INCORRECT),
    ((S + S.T) * x, "2*S*x", (S, x), (), Status.INCORRECT),
    ((S + S.T) * x, "2*S*x", (S, x), (Q.symmetric(S),), Status.CORRECT),
    (x * y.T, "y*x.T", (x, y), (), Status.INCORRECT),  # transposed outer product: wrong shape
    (x * y.T, "(y*x.T).T", (x, y), (), Status.CORRECT),
    ((A.T * A + lam * S.T * S).T, "A.T*A + lambda*S.T*S", (A, S), (), Status.CORRECT),
    (S.T * S, "S*S.T", (S,), (), Status.INCORRECT),
    ((S * S.T).I, "inverse(S.T)*inverse(S)", (S,), (), Status.CORRECT),
]


@pytest.mark.parametrize(("expected", "answer", "declared", "facts", "status"), MATRIX_EXPRESSIONS)
def test_matrix_expressions_with_symbolic_shapes(expected, answer, declared, facts, status):
    verdict = check(expected, answer, symbols=declared, assumptions=facts)
    assert verdict.status is status, verdict.message


def test_a_shape_mismatch_is_reported_as_such():
    verdict = check(x * y.T, "y*x.T", symbols=(x, y))
    assert verdict.method is Method.SHAPE and "shape" in verdict.message


EXPLICIT_MATRICES = [
    ("Matrix([[1, 2], [3, 4]])", "Matrix([[1, 2], [3, 4]])", Status.CORRECT),
    ("Matrix([[2*x, 1], [1, 0]])", "[[x + x, 1], [1, 0]]", Status.CORRECT),
    ("Matrix([[1, 2], [3, 4]])", "Matrix([[1, 3], [2, 4]])", Status.INCORRECT),
    ("Matrix([[1, 2], [3, 4]])", "Matrix([[1, 2, 0], [3, 4, 0]])", Status.INCORRECT),
    ("Matrix([4, 7])", "(4, 7)", Status.CORRECT),
    ("Matrix([4, 7])", "[7, 4]", Status.INCORRECT),
    ("Matrix([2*x*y, x**2 + 3*y**2])", "[2xy, x^2 + 3y^2]", Status.CORRECT),
]


@pytest.mark.parametrize(("expected", "answer", "status"), EXPLICIT_MATRICES)
def test_explicit_matrices_compare_shape_then_entries(expected, answer, status):
    assert check(expected, answer).status is status


xs, ys = IndexedBase("x"), IndexedBase("y")
i, I = symbols("i I", integer=True, positive=True)
phi0, phi1 = symbols("phi_0 phi_1", real=True)
SUMS = [
    (Sum(2 * (phi0 + phi1 * xs[i] - ys[i]), (i, 1, I)), "Sum(2*phi_0 + 2*phi_1*x[i] - 2*y[i], (i, 1, I))", Status.CORRECT),
    (Sum(2 * (phi0 + phi1 * xs[i] - ys[i]), (i, 1, I)), "2*I*phi_0 + Sum(2*phi_1*x[i] - 2*y[i], (i, 1, I))", Status.CORRECT),
    (Sum(2 * (phi0 + phi1 * xs[i] - ys[i]), (i, 1, I)), "Sum(2*phi_0 + 2*phi_1*x[i], (i, 1, I))", Status.INCORRECT),
    (
        Sum(2 * (phi0 + phi1 * xs[i] - ys[i]) * xs[i], (i, 1, I)),
        "Sum(2*phi_0*x[i] + 2*phi_1*x[i]**2, (i, 1, I))",
        Status.INCORRECT,
    ),
    (
        Sum(2 * (phi0 + phi1 * xs[i] - ys[i]) * xs[i], (i, 1, I)),
        "Sum(2*x[i]*(phi_0 + phi_1*x[i] - y[i]), (i, 1, I))",
        Status.CORRECT,
    ),
]


@pytest.mark.parametrize(("expected", "answer", "status"), SUMS)
def test_indexed_sums_are_checked_at_several_sizes(expected, answer, status):
    verdict = check(expected, answer)
    assert verdict.status is status, verdict.message


a, f = Function("a"), Function("f")
u, phi, w = symbols("u phi w", real=True)
FUNCTIONS = [
    (a(u).diff(u) * w, "w*Derivative(a(u), u)", Status.CORRECT),
    (f(x.name and u, phi) * 2, "f(u, phi) + f(u, phi)", Status.CORRECT),
    (f(u, phi) * 2, "f(phi, u)*2", Status.INCORRECT),
    (a(2 * u) + 1, "a(u + u) + 1", Status.CORRECT),
    (a(2 * u) + 1, "2*a(u) + 1", Status.INCORRECT),
]


@pytest.mark.parametrize(("expected", "answer", "status"), FUNCTIONS)
def test_undefined_functions_are_compared_through_concrete_functions(expected, answer, status):
    verdict = check(expected, answer)
    assert verdict.status is status, verdict.message


t = Symbol("t", real=True)
COLLECTIONS = [
    (FiniteSet(3, Symbol("x") / Symbol("x") / 3), "{1/3, 3}", Status.CORRECT),
    ("{1/3, 3}", "{3, 1/3}", Status.CORRECT),
    ("{1/3, 3}", "{3}", Status.INCORRECT),
    ("{1/3, 3}", "{1/3, -3}", Status.INCORRECT),
    ("{sqrt(2), -sqrt(2)}", "{2**(1/2), -(2**(1/2))}", Status.CORRECT),
    (Tuple(4, 7), "(4, 7)", Status.CORRECT),
    (Tuple(4, 7), "(7, 4)", Status.INCORRECT),
    (Tuple(4, 7), "(4, 7, 0)", Status.INCORRECT),
    (Tuple(1, exp(t)), "(1, e**t)", Status.CORRECT),
    ("3", "{3}", Status.INCORRECT),
]


@pytest.mark.parametrize(("expected", "answer", "status"), COLLECTIONS)
def test_sets_are_unordered_and_tuples_ordered(expected, answer, status):
    assert check(expected, answer).status is status


yy, xx = symbols("y x")
EQUATIONS = [
    (Eq(yy, 2 * xx + 1), "y = 2x + 1", Status.CORRECT),
    (Eq(yy, 2 * xx + 1), "2x - y + 1 = 0", Status.CORRECT),
    (Eq(yy, 2 * xx + 1), "2y = 4x + 2", Status.CORRECT),
    (Eq(yy, 2 * xx + 1), "Eq(y, 2x + 1)", Status.CORRECT),
    (Eq(yy, 2 * xx + 1), "2x + 1", Status.CORRECT),  # the right side alone, when the left side is the name
    (Eq(yy, 2 * xx + 1), "y = 2x - 1", Status.INCORRECT),
    (Eq(yy, 2 * xx + 1), "y = x + 1", Status.INCORRECT),
    (2 * xx, "L = 2x", Status.CORRECT),                      # the left side names the asked quantity
    (2 * xx, "L = x + x = 2x", Status.CORRECT),              # chain: each link holds
    (2 * xx, "L = x + 2 = 2x", Status.INCORRECT),            # chain with a false step
    (2 * xx, "x^2 = 2x", Status.INCORRECT),                  # not a naming left side
]


@pytest.mark.parametrize(("expected", "answer", "status"), EQUATIONS)
def test_equations_same_solution_set_and_chains(expected, answer, status):
    verdict = check(expected, answer)
    assert verdict.status is status, verdict.message


PIECEWISE = [
    (Piecewise((xx, xx > 0), (0, True)), "Max(0, x)", Status.CORRECT),
    (Piecewise((xx, xx > 0), (0, True)), "relu(x)", Status.CORRECT),
    (Piecewise((1, xx > 0), (0, True)), "Indicator(x > 0)", Status.CORRECT),
    (Piecewise((1, xx > 0), (0, True)), "Piecewise((1, x < 0), (0, True))", Status.INCORRECT),
    (Piecewise((xx**2, xx > 1), (2 * xx - 1, True)), "Piecewise((2x - 1, x <= 1), (x^2, True))", Status.CORRECT),
    (Piecewise((xx**2, xx > 1), (2 * xx - 1, True)), "Piecewise((2x + 1, x <= 1), (x^2, True))", Status.INCORRECT),
]


@pytest.mark.parametrize(("expected", "answer", "status"), PIECEWISE)
def test_piecewise_answers(expected, answer, status):
    assert check(expected, answer).status is status


vv, hh = MatrixSymbol("v", n, 1), MatrixSymbol("h", n, 1)
Z = MatrixSymbol("Z", n, m)
cc = Symbol("c", real=True)
MIXED = [
    # a set answered by its single value, or by values listed as a tuple
    (FiniteSet(1), "x = 1", (xx,), Status.CORRECT),
    (FiniteSet(1), "1", (), Status.CORRECT),
    (FiniteSet(Tuple(0, 3), Tuple(0, -3)), "(0, 3), (0, -3)", (), Status.CORRECT),
    (FiniteSet(Tuple(0, 3), Tuple(0, -3)), "(0, 3), (0, 3)", (), Status.INCORRECT),
    # scalars built from matrices are compared on random matrices
    (Trace(vv.T * hh) + cc, r"h^\top v + c", (vv, hh, cc), Status.CORRECT),
    (Trace(vv.T * hh) + cc, r"h^\top h + c", (vv, hh, cc), Status.INCORRECT),
    (Trace(vv.T * hh) + cc, "v.T*h + c", (vv, hh, cc), Status.CORRECT),
    # a vector's power is entrywise; a matrix softmax works column by column
    (HadamardProduct(hh, hh), r"h^2", (hh,), Status.CORRECT),
    (HadamardProduct(hh, hh), r"h^\top h", (hh,), Status.INCORRECT),
]


@pytest.mark.parametrize(("expected", "answer", "declared", "status"), MIXED)
def test_mixed_kinds_read_as_a_person_means_them(expected, answer, declared, status):
    verdict = check(expected, answer, symbols=declared)
    assert verdict.status is status, verdict.message


def test_softmax_of_a_matrix_normalises_each_column():
    instance = ImmutableMatrix([[0, 1], [0, 1]])
    from checkers import Vocabulary, read_answer
    value = read_answer("softmax(Z)", Vocabulary.from_objects(Z)).value
    explicit = value.xreplace({n: 2, m: 2}).xreplace({MatrixSymbol("Z", 2, 2): instance}).doit()
    assert ImmutableMatrix(explicit).applyfunc(lambda e: e.simplify()) == ImmutableMatrix([[Rational(1, 2)] * 2] * 2)
