"""The Unicode reader: derive's text notation (``φ₁xᵢ``, ``5√2``, ``Xᵀ(Xw - y)``, ``Σ_{i=1}^{I}``)
reads as the same value as its LaTeX or plain spelling, and what it cannot read is ``invalid``
with the position of the character the student typed."""

import pytest
from sympy import Function, IndexedBase, MatrixSymbol, Sum, Symbol, symbols

from checkers import InvalidAnswer, Status, Vocabulary, check, read_answer

i = Symbol("i", integer=True, positive=True)
I_ = Symbol("I", integer=True, positive=True)
n = Symbol("n", integer=True, positive=True)
x, y, T, beta, eta, lam = symbols("x y T beta eta lambda", real=True)
phi_0, phi_1, theta_10, theta_11 = symbols("phi_0 phi_1 theta_10 theta_11", real=True)
xs, ys = IndexedBase("x"), IndexedBase("y")
X, W = MatrixSymbol("X", n, n), MatrixSymbol("W", n, n)
v, w, z = MatrixSymbol("v", n, 1), MatrixSymbol("w", n, 1), MatrixSymbol("z", n, 1)
a = Function("a")

SCALARS = Vocabulary.from_objects(x, y, T, beta, eta, lam, phi_0, phi_1, theta_10, theta_11, a(x))
SUMS = Vocabulary.from_objects(Sum((phi_0 + phi_1 * xs[i] - ys[i]) ** 2, (i, 1, I_)))
MATRICES = Vocabulary.from_objects(X, W, v, w, z)

# (vocabulary, Unicode text, the same answer typed in LaTeX or plain syntax)
SAME_VALUE = [
    (SCALARS, "3x⁴ - 10x + 3", "3x^4 - 10x + 3"),
    (SCALARS, "5√2", r"5\sqrt{2}"),
    (SCALARS, "4√17/17", r"\frac{4\sqrt{17}}{17}"),
    (SCALARS, "√(x² + y²)", "sqrt(x^2 + y^2)"),
    (SCALARS, "2√π x", r"2\sqrt{\pi} x"),
    (SCALARS, "e⁻ˣ/(1 + e)²", r"\frac{e^{-x}}{(1+e)^2}"),
    (SCALARS, "e^(-x²/2)", r"e^{-x^2/2}"),
    (SCALARS, "xeˣʸ", r"x e^{xy}"),
    (SCALARS, "e^xy + 2⁴", r"e^{x}y + 2^4"),             # ^ takes one letter, as in LaTeX
    (SCALARS, "e^θ₁₀y + x^10", r"e^{\theta_{10}}y + x^{10}"),  # with its subscripts; a whole number
    (SCALARS, "x⁻¹", "1/x"),
    (SCALARS, "βᵀ(1 - β)", r"\beta^{T}(1-\beta)"),        # T is a scalar here: a power
    (SCALARS, "ηλ x", r"\eta\lambda x"),
    (SCALARS, "φ₀ + φ₁x", r"\phi_0 + \phi_1 x"),
    (SCALARS, "θ₁₀ + θ₁₁x", r"\theta_{10} + \theta_{11} x"),
    (SCALARS, "σ(x)(1 - σ(x))", r"\sigma(x)(1-\sigma(x))"),
    (SCALARS, "x·y − 2 × x", "x*y - 2*x"),
    (SCALARS, "a'[θ₁₀ + θ₁₁x]", r"a'[\theta_{10} + \theta_{11} x]"),
    (SCALARS, "2(x - 1)·1[x > 0]", r"2(x-1)\mathbb{1}[x>0]"),
    (SCALARS, "{-2√3/3, 2√3/3}", r"\{-\frac{2\sqrt{3}}{3}, \frac{2\sqrt{3}}{3}\}"),
    (SCALARS, "[[x², 0], [0, 2y]]", r"\begin{bmatrix} x^2 & 0 \\ 0 & 2y \end{bmatrix}"),
    (SCALARS, "[[√2/2], [-√2/2]]", r"\begin{bmatrix} \frac{\sqrt2}{2} \\ -\frac{\sqrt2}{2} \end{bmatrix}"),
    (SUMS, "2Σ_{i=1}^{I} (φ₀ + φ₁xᵢ - yᵢ) xᵢ", r"2\sum_{i=1}^{I} (\phi_0 + \phi_1 x_i - y_i) x_i"),
    (SUMS, "∑ᵢ xᵢ²", r"\sum_i x_i^2"),
    (SUMS, "(Σ_{i=1}^{I} xᵢ)²", r"\left(\sum_{i=1}^{I} x_i\right)^2"),
    (MATRICES, "Xᵀ(Xw - v)", r"X^T(Xw - v)"),
    (MATRICES, "(XᵀX)⁻¹ Xᵀv", r"(X^T X)^{-1} X^T v"),
    (MATRICES, "Wᵀ diag(tanh'(Wᵀz)) v", r"W^\top \operatorname{diag}(\tanh'(W^\top z)) v"),
    (MATRICES, "‖w‖²", r"\|w\|^2"),
]


@pytest.mark.parametrize(("vocabulary", "text", "spelled"), SAME_VALUE, ids=[row[1] for row in SAME_VALUE])
def test_unicode_reads_as_its_latex_or_plain_spelling(vocabulary, text, spelled):
    meant = read_answer(spelled, vocabulary).value
    assert read_answer(text, vocabulary, notation="unicode").value == meant
    assert read_answer(text, vocabulary).value == meant  # and so does notation 'auto', wherever it sends it


ROUTING = Vocabulary.from_objects(x, beta, phi_1, Symbol("Sigma"))

# (vocabulary, Unicode text, the notation 'auto' sends it to)
ROUTES = [
    (ROUTING, "x² + 1", "plain"),                 # the plain reader reads ² and ³ itself, as before
    (ROUTING, "2·x − 1", "plain"),
    (ROUTING, "β^2 + 1", "plain"),                # a Greek letter alone is no reason to leave the plain reader
    (ROUTING, "𝑥² + 1", "plain"),                 # nor a mathematical italic letter (Word's equations): it reads it
    (ROUTING, "x⁴ + 1", "unicode"),
    (ROUTING, "φ₁ + 1", "unicode"),
    (ROUTING, "‖x‖", "unicode"),
    (ROUTING, "x ≤ 2", "unicode"),
    (ROUTING, "√2", "unicode"),
    (SUMS, "Σ_{i=1}^{I} xᵢ", "unicode"),
    (ROUTING, r"\frac{β}{2}", "latex"),          # a backslash is LaTeX
    (ROUTING, r"\frac{x²}{2}", "latex"),         # with Unicode in it too
    (ROUTING, "x^{2} + Σ", "latex"),              # Σ without bounds is the letter; ^{ is LaTeX markup
]


@pytest.mark.parametrize(("vocabulary", "text", "notation"), ROUTES, ids=[row[1] for row in ROUTES])
def test_auto_sends_unicode_mathematics_to_its_reader(vocabulary, text, notation):
    try:
        reading = read_answer(text, vocabulary)
    except InvalidAnswer as error:
        pytest.fail(f"{text!r} was not read: {error.message}")
    assert reading.notation == notation


# LaTeX with Unicode characters in it: the character rules apply, braces stay LaTeX groups
IN_LATEX = [
    (SCALARS, r"\frac{x²}{2}", r"\frac{x^2}{2}"),
    (SCALARS, r"\frac{√2}{φ₁}", r"\frac{\sqrt{2}}{\phi_1}"),
    (SCALARS, r"{x}⁴ + \beta", r"x^4 + \beta"),
    (SUMS, r"\sum_{i=1}^{I} xᵢ²", r"\sum_{i=1}^{I} x_i^2"),
]


@pytest.mark.parametrize(("vocabulary", "text", "spelled"), IN_LATEX, ids=[row[1] for row in IN_LATEX])
def test_unicode_inside_latex_reads_as_latex(vocabulary, text, spelled):
    reading = read_answer(text, vocabulary)
    assert reading.notation == "latex"
    assert reading.value == read_answer(spelled, vocabulary).value


# (Unicode text, position of the character the error points at, a fragment of the message)
ERRORS = [
    ("x + √", 4, "'√' needs a number, a name or a bracket"),
    ("√x²", 2, "ambiguous"),
    ("2x⁽³ + 1", 2, "must close inside it"),
    ("2x⁾ + 1", 2, "must close inside it"),
    ("3x² + zᵢ", 6, "unknown name"),
    ("5√2 + x\u0301", 7, "unexpected character"),
    ("φ₁(x + 1]", 8, ""),
    ("e^(x²", 2, "never closed"),
    ("x + 2ᵀ)", 6, "closes nothing"),
]


@pytest.mark.parametrize(("text", "position", "fragment"), ERRORS)
def test_errors_point_at_the_character_typed(text, position, fragment):
    with pytest.raises(InvalidAnswer) as caught:
        read_answer(text, SCALARS, notation="unicode")
    error = caught.value
    assert error.text == text and error.position == position, (error.position, error.message)
    assert fragment in error.message


@pytest.mark.parametrize("text", ["√", "ᵀ", "²", "x⁺⁺", "Σ_{", "[[1, 2], [3]]", "{[[", "1[", "√(√(x)"])
def test_bad_unicode_is_invalid_with_a_message_never_a_traceback(text):
    verdict = check("x", text, timeout=2.0)
    assert verdict.status is Status.INVALID
    assert "Traceback" not in verdict.message and "Error" not in verdict.message.split(":")[0][1:]
