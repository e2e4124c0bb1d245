"""Every derivation renders in every format; the dict contract; the dispatcher."""

import dataclasses
import json

import pytest
import sympy
from sympy import Eq, exp, pi, sin

import derive
from derive import _det_trace as derive_det_trace
from derive._render._tex_mathml import tex_mathml

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


# -- rules and wording added in issue 14 (expected values typed here, not taken from derive) ----------

_i = sympy.Symbol("i", integer=True)
_I = sympy.Symbol("I", integer=True, positive=True)
_xs, _ys = sympy.IndexedBase("x"), sympy.IndexedBase("y")
_p0, _p1 = sympy.symbols("phi_0 phi_1")
_LINE = sympy.Sum((_p0 + _p1 * _xs[_i] - _ys[_i]) ** 2, (_i, 1, _I))

SUM_CASES = [  # (expression, variable, rule of the summand's step)
    (_LINE, _p1, "chain rule"),
    (_LINE, _p0, "chain rule"),
    (sympy.Sum(_p1 * _xs[_i], (_i, 1, _I)), _p1, "constant multiple rule"),
]


@pytest.mark.parametrize("expr, variable, inner", SUM_CASES, ids=str)
def test_a_finite_sum_is_differentiated_term_by_term_with_the_index_kept(expr, variable, inner):
    derivation = derive.differentiate(expr, variable, tidy=False)
    step = derivation.steps[0]
    assert step.rule == "sum rule (linearity)" and step.substeps[0].rule == inner
    assert step.before.rhs == sympy.Sum(sympy.Derivative(expr.function, variable), *expr.limits)
    assert isinstance(derivation.result, sympy.Sum) and derivation.result.limits == expr.limits
    assert sympy.simplify((derivation.result - sympy.diff(expr, variable)).doit()) == 0
    assert "no rule" not in derivation.rules


_a, _b, _c, _d = sympy.symbols("a b c d")

MATRIX_STEP_CASES = [  # (step, rule, expected value)
    (lambda: derive_det_trace.determinant_step(sympy.Matrix([[_a, _b], [_c, _d]])), "determinant of a 2×2 matrix",
     _a * _d - _b * _c),
    (lambda: derive_det_trace.determinant_step(sympy.Matrix([[1, 2, 0], [0, 1, 0], [0, 0, 5]])),
     "determinant (cofactor expansion along row 1)", 5),
    (lambda: derive_det_trace.trace_step(sympy.Matrix([[_a, _b], [_c, _d]])), "trace (sum of the diagonal)", _a + _d),
    (lambda: derive_det_trace.constant_sums_step(2 * sympy.Sum(1, (_i, 1, _I))), "sum of a constant", 2 * _I),
]


@pytest.mark.parametrize("make, rule, value", MATRIX_STEP_CASES, ids=lambda v: v if isinstance(v, str) else "")
def test_determinant_trace_and_constant_sum_steps(make, rule, value):
    step = make()
    assert step.rule == rule and sympy.expand(step.after - value) == 0


def test_udl_6_2_det_ends_with_the_determinant_step():
    from problems import bank
    derivation = bank.get("udl.6.2").parts[1].reference
    rules = [step.rule for step in derivation.steps]
    assert "determinant of a 2×2 matrix" in rules
    assert "det [[a, b], [c, d]] = ad - bc" in derivation.to_text()


def test_evaluation_at_a_point_is_a_substitution():
    x, y = sympy.symbols("x y")
    text = derive.gradient(x**2 * y + y**3, [x, y], point=(2, 1)).to_text()
    assert "evaluate at the point (substitute)" in text and "where x = 2, y = 1" in text
    assert sorted(text.split("(substitute): [[2xy], [x² + 3y²]] = [[")[1].split("]")[0].split("·")) == ["1", "2", "2"]


def test_least_squares_minimiser_goes_through_the_normal_equations():
    from problems import bank
    text = bank.get("partials.5").parts[1].reference.to_text()
    for words in ("set the gradient to zero", "XᵀXw = Xᵀy", "solve the normal equations", "w = (XᵀX)⁻¹ Xᵀy"):
        assert words in text, (words, text)


CLASSIFICATION_CASES = [  # (f, the classification line typed independently)
    (sympy.Symbol("x") ** 3 - sympy.Symbol("x"), "x = √3/3: f'' > 0, so a local minimum"),
    (sympy.Symbol("x") ** 3 - sympy.Symbol("x"), "x = -√3/3: f'' < 0, so a local maximum"),
    ((sympy.Symbol("x") - 1) ** 4, "x = 1: f'' = 0 and f' changes sign from - to +, so a local minimum"),
    (sympy.Symbol("x") ** 3, "x = 0: f'' = 0 and f' does not change sign, so not an extremum"),
]


@pytest.mark.parametrize("f, line", CLASSIFICATION_CASES, ids=lambda v: str(v))
def test_a_classification_is_said_in_words_never_with_equals(f, line):
    text = derive.critical_points(f, [sympy.Symbol("x")]).to_text()
    assert line in text, text
    assert "= local" not in text and "= not an" not in text


TEX_CASES = [  # (author's TeX, MathML fragments it must give)
    (r"\phi_1 x^2", ["<msub><mi>φ</mi><mn>1</mn></msub>", "<msup><mi>x</mi>"]),
    (r"\frac1m\lVert Xw - y\rVert^2", ["<mfrac><mn>1</mn><mi>m</mi></mfrac>", "<mo>‖</mo>"]),
    (r"X \in \mathbb{R}^{m\times n}", ["<mo>∈</mo>", "<mi>ℝ</mi>", "<mo>×</mo>"]),
    (r"\mathrm{sig}[z] + \unknowncommand", ["<mi>sig</mi>", "<mi>unknowncommand</mi>"]),
]


@pytest.mark.parametrize("tex, fragments", TEX_CASES, ids=lambda v: v if isinstance(v, str) else "")
def test_statement_tex_becomes_mathml(tex, fragments):
    mathml = tex_mathml(tex)
    assert "\\" not in mathml and "$" not in mathml
    for fragment in fragments:
        assert fragment in mathml, (fragment, mathml)


_PRINCE = derive.Notation(frozenset({"g"}))
_g, _t = sympy.Function("g"), sympy.Symbol("t")
_CHAIN = derive.differentiate(_g(_t**2) * _t, _t)


@pytest.mark.parametrize(("render", "plain", "bracketed"), [
    ("to_text", ("g(t²)", "g'(t²)"), ("g[t²]", "g'[t²]")),
    ("to_latex", ("g{(t^{2})}", "g'(t^{2})"), ("g[t^{2}]", "g'[t^{2}]")),
    ("to_markdown", ("g{(t^{2})}", "g'(t^{2})"), ("g[t^{2}]", "g'[t^{2}]")),
    ("to_html", ("<mi>g&#8242;</mi><mrow><mo>(</mo>",), ("<mi>g</mi><mrow><mo>[</mo>", "<mi>g&#8242;</mi><mrow><mo>[</mo>")),
])
def test_a_problems_bracket_notation_is_kept_in_every_format(render, plain, bracketed):
    as_written = dataclasses.replace(_CHAIN, notation=_PRINCE)
    default, kept = getattr(_CHAIN, render)(), getattr(as_written, render)()
    assert all(form in default for form in plain) and not any(form in default for form in bracketed)
    assert all(form in kept for form in bracketed) and not any(form in kept for form in plain)


@pytest.mark.parametrize(("text", "names", "bracketed"), [
    (r"$y = a[\theta_0 + \theta_1 x]$", ("a",), {"a"}),
    (r"write $a'[\cdot]$ for the derivative", ("a", "f"), {"a"}),
    (r"$f(x) = \alpha[x]$ and $\mathrm{a}(x)$", ("a", "f"), set()),
    (r"$f[x, \phi]$ and $a(z)$", ("a", "f"), {"f"}),
    (r"$a(z)$ on a [0, 1] grid, \(f[x]\)", ("a", "f"), {"f"}),
    (r"$$a'[z]$$", ("a",), {"a"}),
])
def test_notation_is_read_from_the_problems_own_text(text, names, bracketed):
    assert derive.Notation.written_in(text, names).bracketed == bracketed
