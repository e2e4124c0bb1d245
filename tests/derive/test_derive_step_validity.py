"""Every step of the matrix derivations is a valid equation: both sides, made explicit on a
random instance (n = 3), agree numerically.

A differential d(F) is evaluated as J_F dx for a random direction dx; a symbol dE, for a
name E defined in the derivation ("where e = exp(x)"), stands for d(E). Steps that are not
equations between matrices of one shape (identifying a gradient from a differential, the
statement L = ...) are skipped, and the softmax derivations check which ones.
"""

import random

import pytest
import sympy
from sympy import ImmutableMatrix, Matrix, MatrixExpr, MatrixSymbol, Symbol

import derive
from derive import Differential, matrix_example

SHAPES = {Symbol(k, integer=True, positive=True): v for k, v in {"n": 3, "m": 2, "p": 3, "q": 3, "N": 4}.items()}
VARIABLES = {"linear": "x", "quadratic_form": "x", "least_squares": "x", "trace_linear": "X",
             "trace_quadratic": "X", "log_sum_exp": "x", "softmax_jacobian": "x", "cross_entropy": "z",
             "cross_entropy_batch": "Z", "layer_jacobian": "x", "mse_weights": "W",
             "logistic_gradient": "theta", "logistic_hessian": "theta"}
NOT_EQUATIONS = ("identify the", "rewrite the loss", "gradient", "Jacobian of the gradient")


def _symbols(name, rows, cols):
    return Matrix(rows, cols, lambda i, j: Symbol(f"{name}_{i}{j}", real=True))


class Instance:
    """The derivation's expressions as explicit matrices in the entries of X and dX."""

    def __init__(self, derivation, variable_name, seed=0):
        self.rng = random.Random(seed)
        definitions = {}
        for step in derivation.walk():
            for definition in step.definitions:
                definitions.setdefault(definition.lhs.subs(SHAPES), definition.rhs.subs(SHAPES))
        self.definitions = definitions
        self.known = {}
        statement_symbols = derivation.statement.subs(SHAPES).atoms(MatrixSymbol)
        self.variable = next(s for s in statement_symbols if s.name == variable_name)
        self.entries = _symbols(variable_name, *self.variable.shape)
        self.direction = _symbols("d" + variable_name, *self.variable.shape)
        self.point = {s: self.rng.uniform(-1.5, 1.5) for s in (*self.entries, *self.direction)}
        self.point[Symbol("lambda", positive=True)] = 0.7

    def _differential(self, value: Matrix) -> Matrix:
        flat = Matrix(list(value))
        change = flat.jacobian(list(self.entries)) * Matrix(list(self.direction))
        return change.reshape(*value.shape)

    def _symbol_value(self, symbol: MatrixSymbol) -> Matrix:
        if symbol == self.variable:
            return self.entries
        if symbol.name == "d" + self.variable.name:
            return self.direction
        if symbol in self.definitions:
            return self.matrix(self.definitions[symbol])
        base = MatrixSymbol(symbol.name[1:], *symbol.shape)
        if symbol.name.startswith("d") and base in self.definitions:
            return self._differential(self.matrix(self.definitions[base]))
        if symbol not in self.known:  # data such as y or A: any values
            self.known[symbol] = Matrix(*symbol.shape, lambda i, j: round(self.rng.uniform(-1, 1), 3))
        return self.known[symbol]

    def matrix(self, expr) -> Matrix:
        """``expr`` as an explicit matrix (a scalar as 1x1)."""
        expr = expr.subs(SHAPES)
        if isinstance(expr, Differential):
            return self._differential(self.matrix(expr.arg))
        replacements = {s: ImmutableMatrix(self._symbol_value(s)) for s in expr.atoms(MatrixSymbol)}
        value = expr.xreplace(replacements).doit()
        if isinstance(value, MatrixExpr):
            value = value.as_explicit()
        return Matrix(value) if isinstance(value, sympy.MatrixBase) else Matrix([[value]])

    def numbers(self, matrix: Matrix) -> Matrix | None:
        """The entries at the random point, or None if something stays symbolic."""
        value = matrix.subs(self.point).evalf()
        return value if all(entry.is_number for entry in value) else None


def check_steps(name, derivation=None, variable=None):
    """(checked rules, skipped rules) of the named example (or of ``derivation`` in
    ``variable``); asserts every checked step."""
    derivation = derivation or matrix_example(name)
    instance = Instance(derivation, variable or VARIABLES[name])
    checked, skipped = [], []
    for step in derivation.walk():
        before, after = instance.matrix(step.before), instance.matrix(step.after)
        left, right = instance.numbers(before), instance.numbers(after)
        if before.shape != after.shape or left is None or right is None:
            skipped.append(step.rule)
            continue
        difference = max(abs(float(a - b)) for a, b in zip(left, right))
        assert difference < 1e-9 * (1 + max(abs(float(a)) for a in left)), (name, step.rule, step.before, step.after)
        checked.append(step.rule)
    return checked, skipped


@pytest.mark.parametrize("name", ["softmax_jacobian", "log_sum_exp", "cross_entropy"])
def test_softmax_derivations_are_valid_step_by_step(name):
    checked, skipped = check_steps(name)
    assert all(rule.startswith(NOT_EQUATIONS) for rule in skipped), skipped
    for rule in ("elementwise chain rule", "substitute de = diag(e) d", "row of ones times diag(e)", "name the softmax"):
        assert any(r.startswith(rule) for r in checked), (rule, checked)


def _composite_cases():
    n, m = (Symbol(k, integer=True, positive=True) for k in ("n", "m"))
    x, W, b = MatrixSymbol("x", n, 1), MatrixSymbol("W", m, n), MatrixSymbol("b", m, 1)
    return {"softmax(W x)": derive.matrix_jacobian(derive.Softmax(W * x), x),
            "logsumexp(W x + b)": derive.matrix_gradient(derive.LogSumExp(W * x + b), x),
            "hessian of logsumexp": derive.matrix_hessian(derive.LogSumExp(x), x)}


@pytest.mark.parametrize("name", ["softmax(W x)", "logsumexp(W x + b)", "hessian of logsumexp"])
def test_softmax_steps_of_a_composite_argument_are_valid(name):
    derivation = _composite_cases()[name]
    checked, skipped = check_steps(name, derivation, "x")
    assert all(rule.startswith(NOT_EQUATIONS) for rule in skipped), skipped
    assert "name the softmax" in checked


def test_softmax_jacobian_is_derived_not_stated():
    derivation = matrix_example("softmax_jacobian")
    differential = derivation.steps[0]
    assert differential.rule == "differential (softmax rule)"
    assert [s.rule for s in differential.substeps] == [
        "definition of softmax", "elementwise chain rule", "quotient rule", "substitute de = diag(e) dx",
        "row of ones times diag(e)", "name the softmax", "factor out dx"]
    assert "sᵢ (δᵢⱼ - sⱼ)" in differential.substeps[-1].note
    assert derivation.steps[-1].rule == "name the softmax"
    assert str(derivation.steps[-1].after) == "diag(s) - s*s.T"


def test_softmax_and_log_sum_exp_share_their_steps():
    softmax = matrix_example("softmax_jacobian").steps[0].substeps
    log_sum_exp = matrix_example("log_sum_exp").steps[0].substeps
    cross_entropy = next(s for s in matrix_example("cross_entropy").walk() if s.rule == "log-sum-exp rule")
    assert softmax[1] == log_sum_exp[1]  # de = diag(e) dx, built once
    assert [s.rule for s in cross_entropy.substeps] == [s.rule.replace("dx", "dz") for s in log_sum_exp]
    assert str(log_sum_exp[-1].after) == "s.T*dx"


@pytest.mark.parametrize("name", sorted(VARIABLES))
def test_every_matrix_step_that_is_an_equation_holds(name):
    checked, skipped = check_steps(name)
    assert checked and all(rule.startswith(NOT_EQUATIONS) for rule in skipped), skipped


def test_no_step_only_repeats_itself():
    for name in derive.MATRIX_EXAMPLES:
        for step in matrix_example(name).walk():
            if len(step.substeps) == 1:
                only = step.substeps[0]
                assert (only.before, only.after) != (step.before, step.after), (name, step.rule)


def test_diag_entries_work_at_symbolic_indices_inside_products():
    """Regression: Diag._entry compared symbolic indices with ==, so as_explicit() gave zeros."""
    import sympy

    from derive import Diag

    v = sympy.MatrixSymbol("v", 2, 1)
    A = sympy.MatrixSymbol("A", 2, 2)
    product = (A * Diag(v)).xreplace({v: sympy.ImmutableMatrix([2, 3]), A: sympy.ImmutableMatrix([[1, 1], [1, 1]])})
    assert sympy.Matrix(product.as_explicit()) == sympy.Matrix([[2, 3], [2, 3]])
