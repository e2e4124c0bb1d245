"""Every derivation renders in every format; the dict contract; the dispatcher."""

import json

import pytest
import sympy
from sympy import Eq, exp, pi, sin

import derive

x, y, z = sympy.symbols("x y z", real=True)
a, b, c, u, v, L = sympy.symbols("a b c u v L")

DISPATCH_CASES = [
    ("derivative", exp(sin(x**2)), [x], {}),
    ("partial", x**2 * y, [y], {}),
    ("gradient", x**2 * y + y**3, [x, y], {"point": (2, 1)}),
    ("jacobian", [x * y, x + y], [x, y], {}),
    ("hessian", x**3 * y, [x, y], {}),
    ("mixed_partial", x**2 * exp(y), [x, y], {}),
    ("directional", x**2 + 4 * y**2, [x, y], {"direction": (1, 1), "point": (1, 1)}),
    ("steepest", x**2 + 4 * y**2, [x, y], {"point": (1, 1)}),
    ("implicit", Eq(x**2 / 4 + y**2 / 9, 1), [x, y], {}),
    ("graph", (x * y + sin(z)) / (1 + exp(-x)), [x, y, z], {"point": (1, 2, pi / 4), "forward_mode": True}),
    ("graph", [(u, a * b), (v, u + c), (L, v**2)], [], {}),
    ("critical", x**3 - 5 * x**2 + 3 * x, [x], {}),
    ("convexity", x**2 + y**2 + x * y, [x, y], {}),
    ("extrema", x**3 - 3 * x, [x], {"interval": (0, 3)}),
    ("mvt", x**3, [x], {"interval": (0, 3)}),
    ("kkt", x**2 + y**2, [x, y], {"inequalities": [x + y >= 1]}),
    *[("matrix_example", name, [], {}) for name in sorted(derive.MATRIX_EXAMPLES)],
]


def _ids(case):
    return f"{case[0]}:{case[1]}" if case[0] == "matrix_example" else case[0]


@pytest.fixture(scope="module", params=DISPATCH_CASES, ids=[_ids(c) for c in DISPATCH_CASES])
def derivation(request):
    what, expr, wrt, options = request.param
    return derive.derive_by_name(what, expr, wrt, **options)


def test_renders_as_text(derivation):
    text = derivation.to_text()
    assert "Result:" in text and "\n1. " in "\n" + text.split("\n", 1)[1]


def test_renders_as_latex(derivation):
    latex = derivation.to_latex()
    assert latex.startswith("\\[\n\\begin{aligned}") and latex.endswith("\\end{aligned}\n\\]")
    assert latex.isascii()
    assert latex.count(r"\left") == latex.count(r"\right")
    assert derivation._repr_latex_().startswith("$")


def test_renders_as_markdown(derivation):
    markdown = derivation.to_markdown()
    assert "**Result:**" in markdown
    assert derivation._repr_markdown_() == markdown


def test_dict_contract(derivation):
    data = derivation.to_dict()
    assert set(data) == {"result", "result_latex", "steps"}
    json.dumps(data)

    def check(step):
        assert {"rule", "before", "after", "substeps"} <= set(step)
        for sub in step["substeps"]:
            check(sub)

    for step in data["steps"]:
        check(step)


def test_whats_lists_every_name():
    assert set(derive.WHATS) >= {"derivative", "gradient", "jacobian", "hessian", "directional",
                                 "implicit", "graph", "critical", "convexity", "kkt"}


def test_dispatcher_rejects_unknown_names_and_options():
    with pytest.raises(derive.UnsupportedInput):
        derive.derive_by_name("integral", x, [x])
    with pytest.raises(derive.UnsupportedInput):
        derive.derive_by_name("gradient", x * y, [x, y], colour="red")
    with pytest.raises(derive.DerivationError):
        derive.derive_by_name("derivative", x * y, [])


def test_derivative_with_single_free_symbol_needs_no_wrt():
    assert derive.derive_by_name("derivative", x**3, []).result == 3 * x**2


def test_chain_rule_latex_is_clean():
    latex = derive.differentiate(exp(sin(x**2)), x).to_latex()
    assert r"\left(" not in latex
    assert r"e^{\sin{(x^{2})}}" in latex


def test_errors_are_value_errors():
    assert issubclass(derive.DerivationError, ValueError)
    assert issubclass(derive.UnsupportedInput, derive.DerivationError)


def test_committed_example_pages_are_up_to_date():
    from pathlib import Path

    from derive._docs import _HEADER, example_pages

    directory = Path(__file__).resolve().parents[2] / "docs" / "examples"
    for name, (heading, derivation) in example_pages().items():
        expected = f"{_HEADER}# {heading}\n\n{derivation.to_markdown()}\n"
        assert (directory / name).read_text(encoding="utf-8") == expected, f"regenerate {name}: python -m derive._docs"


def test_graph_tables_have_a_value_column():
    markdown = derive.computational_graph((x * y + sin(z)) / (1 + exp(-x)), [x, y, z], point=(1, 2, pi / 4)).to_markdown()
    assert "| rule | step | ≈ |" in markdown and "where, if, note" not in markdown
    assert r"\frac{\frac" not in markdown and r"\text{(≈" not in markdown
    assert "| $v_{1} = x y = 2$ |  |" in markdown  # an integer needs no approximation


def test_a_chain_of_steps_stays_a_numbered_list():
    markdown = derive.matrix_example("softmax_jacobian").to_markdown()
    assert "|" not in markdown
    assert "   3. **quotient rule**" in markdown


def test_matrix_printing_reads_like_a_textbook():
    latex = derive.matrix_example("softmax_jacobian").to_latex()
    assert r"\operatorname{diag}(s) - s s^{T}" in latex
    assert r"\frac{e}{\mathbf{1}^{T} e}" in latex
    assert r"(\operatorname{softmax}(x))^{T}" not in latex
    assert r"\frac{\operatorname{softmax}(Z) - Y}{m}" in derive.matrix_example("cross_entropy_batch").to_latex()
    assert r"d\theta" in derive.matrix_example("logistic_gradient").to_latex()
