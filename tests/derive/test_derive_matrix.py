"""Every matrix identity, checked on explicit random instances: (1) against sympy
derivatives of the explicit component function, (2) against numpy central differences."""

import mpmath
import numpy as np
import pytest
import sympy
from sympy import Matrix, MatrixSymbol, Symbol

import derive
from derive import MATRIX_EXAMPLES, matrix_example

SHAPES = {"n": 3, "m": 2, "p": 2, "q": 3, "N": 4}
SCALARS = {"lambda": 0.7}
RNG = np.random.default_rng(7)


def _sym_sigmoid(t):
    return 1 / (1 + sympy.exp(-t))


def _np_sigmoid(t):
    return 1 / (1 + np.exp(-t))


def _onehot_columns(rows, cols):
    values = np.zeros((rows, cols))
    values[RNG.integers(0, rows, size=cols), np.arange(cols)] = 1
    return values


def _sym_logistic(M):
    z = M["X"] * M["theta"]
    loss = -sum(M["y"][i] * sympy.log(_sym_sigmoid(z[i])) + (1 - M["y"][i]) * sympy.log(1 - _sym_sigmoid(z[i]))
                for i in range(4))
    return loss + Symbol("lambda", positive=True) / 2 * sum(t**2 for t in M["theta"])


def _np_logistic(V):
    s = _np_sigmoid(V["X"] @ V["theta"])
    return float(-np.sum(V["y"] * np.log(s) + (1 - V["y"]) * np.log(1 - s)) + 0.35 * np.sum(V["theta"] ** 2))


# name -> (kind, variable, {matrix: shape}, explicit sympy function, numpy function, fixed values)
# Each function is written here independently of derive, from the exercise statement.
CASES = {
    "linear": ("grad", "x", {"a": (3, 1), "x": (3, 1)},
               lambda M: (M["a"].T * M["x"])[0], lambda V: (V["a"].T @ V["x"]).item(), {}),
    "quadratic_form": ("grad", "x", {"A": (3, 3), "x": (3, 1)},
                       lambda M: (M["x"].T * M["A"] * M["x"])[0], lambda V: (V["x"].T @ V["A"] @ V["x"]).item(), {}),
    "least_squares": ("grad", "x", {"A": (2, 3), "x": (3, 1), "b": (2, 1)},
                      lambda M: sum(e**2 for e in M["A"] * M["x"] - M["b"]),
                      lambda V: float(np.sum((V["A"] @ V["x"] - V["b"]) ** 2)), {}),
    "trace_linear": ("grad", "X", {"A": (2, 3), "X": (3, 2)},
                     lambda M: (M["A"] * M["X"]).trace(), lambda V: float(np.trace(V["A"] @ V["X"])), {}),
    "trace_quadratic": ("grad", "X", {"A": (3, 3), "X": (3, 2)},
                        lambda M: (M["X"].T * M["A"] * M["X"]).trace(),
                        lambda V: float(np.trace(V["X"].T @ V["A"] @ V["X"])), {}),
    "log_sum_exp": ("grad", "x", {"x": (3, 1)},
                    lambda M: sympy.log(sum(sympy.exp(e) for e in M["x"])),
                    lambda V: float(np.log(np.sum(np.exp(V["x"])))), {}),
    "softmax_jacobian": ("jac", "x", {"x": (3, 1)},
                         lambda M: M["x"].applyfunc(sympy.exp) / sum(sympy.exp(e) for e in M["x"]),
                         lambda V: np.exp(V["x"]) / np.sum(np.exp(V["x"])), {}),
    "cross_entropy": ("grad", "z", {"z": (2, 1), "y": (2, 1)},
                      lambda M: -sum(M["y"][k] * sympy.log(sympy.exp(M["z"][k]) / sum(sympy.exp(e) for e in M["z"]))
                                     for k in range(2)),
                      lambda V: float(-np.sum(V["y"] * np.log(np.exp(V["z"]) / np.sum(np.exp(V["z"]))))),
                      {"y": _onehot_columns(2, 1)}),
    "cross_entropy_batch": ("grad", "Z", {"Z": (2, 2), "Y": (2, 2)},
                            lambda M: -sum(M["Y"][k, j] * sympy.log(sympy.exp(M["Z"][k, j])
                                                                     / sum(sympy.exp(M["Z"][i, j]) for i in range(2)))
                                           for k in range(2) for j in range(2)) / 2,
                            lambda V: float(-np.sum(V["Y"] * np.log(np.exp(V["Z"]) / np.sum(np.exp(V["Z"]), axis=0))) / 2),
                            {"Y": _onehot_columns(2, 2)}),
    "layer_jacobian": ("jac", "x", {"A": (2, 3), "B": (3, 3), "x": (3, 1)},
                       lambda M: M["A"] * (M["B"] * M["x"]).applyfunc(_sym_sigmoid),
                       lambda V: V["A"] @ _np_sigmoid(V["B"] @ V["x"]), {}),
    "mse_weights": ("grad", "W", {"W": (2, 3), "x": (3, 1), "y": (2, 1)},
                    lambda M: sum(e**2 for e in M["W"] * M["x"] - M["y"]) / 4,
                    lambda V: float(np.sum((V["W"] @ V["x"] - V["y"]) ** 2) / 4), {}),
    "logistic_gradient": ("grad", "theta", {"X": (4, 3), "theta": (3, 1), "y": (4, 1)},
                          lambda M: _sym_logistic(M), _np_logistic, {"y": RNG.integers(0, 2, size=(4, 1)).astype(float)}),
    "logistic_hessian": ("hess", "theta", {"X": (4, 3), "theta": (3, 1), "y": (4, 1)},
                         lambda M: _sym_logistic(M), _np_logistic, {"y": RNG.integers(0, 2, size=(4, 1)).astype(float)}),
}


def _explicit_symbols(shapes):
    return {name: Matrix(r, c, lambda i, j: Symbol(f"{name}_{i}{j}", real=True)) for name, (r, c) in shapes.items()}


def _instantiate(result, shapes, explicit):
    """The derived result with concrete shapes and explicit symbol matrices, made explicit."""
    concrete = result.subs({Symbol(k, integer=True, positive=True): v for k, v in SHAPES.items()})
    concrete = concrete.subs({MatrixSymbol(name, *shape): explicit[name] for name, shape in shapes.items()})
    concrete = concrete.doit()
    if isinstance(concrete, sympy.MatrixExpr):
        concrete = concrete.as_explicit()
    return Matrix(concrete)


def _values(shapes, fixed):
    return {name: fixed.get(name, RNG.normal(size=shape)) for name, shape in shapes.items()}


def _substitution(explicit, values):
    sub = {Symbol(k, positive=True): v for k, v in SCALARS.items()}
    for name, matrix in explicit.items():
        sub.update({matrix[i, j]: float(values[name][i, j]) for i in range(matrix.rows) for j in range(matrix.cols)})
    return sub


def _explicit_derivative(kind, f, variable):
    flat = list(variable)
    if kind == "grad":
        return Matrix(variable.rows, variable.cols, lambda i, j: sympy.diff(f, variable[i, j]))
    if kind == "jac":
        return f.jacobian(flat)
    return sympy.hessian(f, flat)


def _finite_differences(kind, function, values, name, h=1e-6):
    """Central differences of the numpy function: gradient, Jacobian, or (for a Hessian)
    differences of differences."""
    base = values[name]
    if kind == "hess":
        def gradient_at(point):
            return _finite_differences("grad", function, {**values, name: point}, name, h=1e-4).reshape(-1)
        h = 1e-4
        columns = [(gradient_at(base + step) - gradient_at(base - step)) / (2 * h) for step in _unit_steps(base, h)]
        return np.column_stack(columns)
    columns = []
    for step in _unit_steps(base, h):
        up = np.asarray(function({**values, name: base + step}), dtype=float)
        down = np.asarray(function({**values, name: base - step}), dtype=float)
        columns.append(((up - down) / (2 * h)).reshape(-1))
    stacked = np.column_stack(columns)
    return stacked.reshape(base.shape) if kind == "grad" else stacked


def _unit_steps(base, h):
    for index in np.ndindex(base.shape):
        step = np.zeros_like(base, dtype=float)
        step[index] = h
        yield step


def _evaluate(matrix, substitution):
    return np.array(matrix.subs(substitution).evalf(), dtype=float)


@pytest.mark.parametrize("name", sorted(CASES))
def test_matrix_identity_on_random_instances(name):
    kind, variable, shapes, sym_function, np_function, fixed = CASES[name]
    derived = matrix_example(name).result
    explicit = _explicit_symbols(shapes)
    instance = _instantiate(derived, shapes, explicit)
    reference = _explicit_derivative(kind, sym_function(explicit), explicit[variable])
    for _ in range(2):
        values = _values(shapes, fixed)
        substitution = _substitution(explicit, values)
        ours = _evaluate(instance, substitution)
        np.testing.assert_allclose(ours.reshape(-1), _evaluate(reference, substitution).reshape(-1), rtol=1e-9, atol=1e-10)
        numeric = _finite_differences(kind, np_function, values, variable)
        tolerance = 1e-3 if kind == "hess" else 1e-5
        np.testing.assert_allclose(ours.reshape(numeric.shape), numeric, rtol=1e-4, atol=tolerance)


def test_every_named_example_is_checked():
    assert set(CASES) | {"gaussian_fisher"} == set(MATRIX_EXAMPLES)


@pytest.mark.parametrize("name, expected", [
    ("quadratic_form", "(A + A.T)*x"),
    ("least_squares", "2*A.T*(A*x - b)"),
    ("trace_linear", "A.T"),
    ("trace_quadratic", "(A + A.T)*X"),
    ("log_sum_exp", "softmax(x)"),
    ("softmax_jacobian", "diag(softmax(x)) - softmax(x)*softmax(x).T"),
    ("layer_jacobian", "A*diag(sigmoid'(B*x))*B"),
    ("mse_weights", "(2/N)*(W*x - y)*x.T"),
])
def test_results_keep_matrix_form(name, expected):
    assert str(matrix_example(name).result) == expected


def test_logistic_results_in_matrix_form():
    gradient = matrix_example("logistic_gradient").result
    hessian = matrix_example("logistic_hessian").result
    assert "X.T*(sigmoid(X*theta) - y)" in str(gradient) and "lambda*theta" in str(gradient)
    assert "X.T*diag(sigmoid'(X*theta))*X" in str(hessian) and "lambda*I" in str(hessian)


def test_gaussian_fisher_information():
    sigma = Symbol("sigma", positive=True)
    result = matrix_example("gaussian_fisher").result
    assert result == Matrix([[1 / sigma**2, 0], [0, 1 / (2 * sigma**4)]])  # as stated in the issue
    # second route: F = -E[H] by numeric quadrature at mu = 0.3, sigma = 1.3
    mu, s = 0.3, 1.3
    v = s**2

    def density(t):
        return mpmath.exp(-(t - mu) ** 2 / (2 * v)) / mpmath.sqrt(2 * mpmath.pi * v)

    hessian = [[lambda t: -1 / v, lambda t: -(t - mu) / v**2],
               [lambda t: -(t - mu) / v**2, lambda t: 1 / (2 * v**2) - (t - mu) ** 2 / v**3]]
    for i in range(2):
        for j in range(2):
            value = -mpmath.quad(lambda t: hessian[i][j](t) * density(t), [-mpmath.inf, mpmath.inf])
            assert abs(float(value) - float(result[i, j].subs(sigma, s))) < 1e-9


def test_unsupported_matrix_input_raises_derivation_error():
    n = Symbol("n", integer=True, positive=True)
    x = MatrixSymbol("x", n, 1)
    with pytest.raises(derive.DerivationError):
        derive.matrix_gradient(derive.Softmax(x), x)
