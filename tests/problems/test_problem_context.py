r"""The context a problem gives an answer: the names its statement defines, its stated
domains, and decimals where it asks for a value.

Every bank problem that defines a name has a right answer written with that name here, and a
wrong one written with the same names; the answers are typed from the statements, not
from the bank's references.
"""

import pytest

from problems import bank

# (part, answer using the problem's names, expected status)
NAMED = [
    ("ch2-solutions.1.fprime", r"\frac{f(x) + 2x^3 - 5x^2}{x}", "correct"),
    ("ch2-solutions.1.fprime", r"\frac{f(x)}{x}", "incorrect"),
    ("ch2-solutions.1.fprime", "f'(x)", "invalid"),  # the derivative asked for, named rather than worked out
    ("ch2-solutions.2.deriv", r"2x\cos(x^2)\, g(x)", "correct"),
    ("ch2-solutions.2.deriv", r"2x\, g(x)", "incorrect"),
    ("ch2-solutions.3.x", r"\frac{2(f(x, y) - y^3)}{x}", "correct"),
    ("ch2-solutions.3.x", r"\frac{f(x, y) - y^3}{x}", "incorrect"),
    ("ch2-solutions.4.w", r"x(1 - e^{z})", "correct"),
    ("ch2-solutions.4.w", r"x e^{z}", "incorrect"),
    ("ch2-solutions.5.a", "p + q", "correct"),
    ("ch2-solutions.5.b", "q - p", "correct"),
    ("ch2-solutions.5.a", "q - p", "incorrect"),
    ("ch2-solutions.10.a", "2vb", "correct"),
    ("ch2-solutions.10.c", "2(u + c)", "correct"),
    ("ch2-solutions.10.a", "2va", "incorrect"),
    ("ch2-solutions.11.J", r"\operatorname{diag}(s) - ss^\top", "correct"),
    ("ch2-solutions.11.J", r"\operatorname{diag}(s) - s s^T", "correct"),
    ("ch2-solutions.11.J", r"\operatorname{diag}(s)", "incorrect"),
    ("ch2-solutions.11.J", r"\operatorname{diag}(s) - ss", "incorrect"),  # sizes that do not fit: a wrong shape
    ("ch2-solutions.16.update", r"\theta - \eta\frac{\hat m}{\sqrt{\hat v} + \epsilon}", "correct"),
    ("ch2-solutions.16.update", r"\theta - \eta\frac{m}{\sqrt{v} + \epsilon}", "incorrect"),
    ("mvc.2.1.a", r"\begin{pmatrix} \frac{2(f(x_1, x_2) - 3x_2^3 + 7x_1)}{x_1} - 7 \\ x_1^2 + 9x_2^2 \end{pmatrix}", "correct"),
    ("mvc.2.1.a", r"\begin{pmatrix} \frac{f(x_1, x_2)}{x_1} \\ x_1^2 + 9x_2^2 \end{pmatrix}", "incorrect"),
    ("mvc.2.2.b", "[2, 8]^T v", "correct"),
    ("mvc.2.2.b", "[2, 4]^T v", "incorrect"),
    ("mvc.2.2.a", r"\begin{pmatrix} f(1, 1) - 3 \\ 2 f(1, 1) - 2 \end{pmatrix}", "correct"),
    ("mvc.2.2.a", r"\begin{pmatrix} f(1, 1) \\ f(1, 1) \end{pmatrix}", "incorrect"),
    ("mvc.2.9.rate", r"1 - \eta", "correct"),
    ("mvc.2.9.rate", r"\eta", "incorrect"),
    ("mvc.2.10.c-slope", r"1 - e^{-g(u)}", "correct"),
    ("mvc.2.10.c-slope", r"e^{-g(u)}", "incorrect"),
    ("mvc.2.11.d", r"\frac{L}{\mu}\log\frac{L R^2}{2\epsilon}", "correct"),
    ("mvc.2.11.d", r"\frac{\mu}{L}\log\frac{L R^2}{2\epsilon}", "incorrect"),
    ("mvc.2.26.a", r"\frac{\rho g}{\lVert g \rVert}", "correct"),
    ("mvc.2.26.a", r"\rho g", "incorrect"),
    ("derivatives.1.b", r"g(x) + \frac{e^x}{2\sqrt{x}}", "correct"),
    ("derivatives.1.b", "g(x)", "incorrect"),
    ("derivatives.2.c", r"-x\, r(x)", "correct"),
    ("derivatives.2.c", r"x\, r(x)", "incorrect"),
    ("derivatives.5.d-min", "f(1)", "correct"),
    ("derivatives.5.d-min", "f(0)", "incorrect"),
    ("derivatives.6.c-slope", r"\frac{f(2) - f(-2)}{4}", "correct"),
    ("derivatives.6.c-slope", r"\frac{f(2) - f(-2)}{2}", "incorrect"),
    ("derivatives.7.b", r"\frac{f(x)}{x} + \frac{x(1 - e^{-x})}{x + e^{-x}}", "correct"),
    ("derivatives.7.b", r"\frac{f(x)}{x}", "incorrect"),
    ("derivatives.8.a-w2", r"(\hat y - y)\hat y(1 - \hat y) a_1", "correct"),
    ("derivatives.8.b-w1", r"(\hat y - y)\,\hat y(1 - \hat y)\, w_2\, a_1(1 - a_1)\, x", "correct"),
    ("derivatives.8.b-b1", r"(\hat y - y)\,\sigma'(z_2)\, w_2\, \sigma'(z_1)", "correct"),
    ("derivatives.8.a-w2", r"(\hat y - y)\hat y(1 - \hat y)", "incorrect"),
    ("derivatives.10.v", r"(\hat y - y) h", "correct"),
    ("derivatives.10.c", "u + c - y", "correct"),
    ("derivatives.10.c", r"\hat y - y", "correct"),
    ("derivatives.10.x", r"(\hat y - y) W^T \operatorname{diag}(1 - h \odot h) v", "correct"),
    ("derivatives.10.v", r"(\hat y - y) v", "incorrect"),
    ("derivatives.10.c", "u - y", "incorrect"),
    ("partials.1.a", r"\begin{pmatrix} 3x^2 y + y(f(x, y) - x^3 y) \\ x^3 + x e^{xy} \end{pmatrix}", "correct"),
    ("partials.1.a", r"\begin{pmatrix} y f(x, y) \\ x^3 + x e^{xy} \end{pmatrix}", "incorrect"),
    ("partials.2.a", r"\begin{pmatrix} \frac{f(x, y) + x^2 - y^2}{x} \\ \frac{f(x, y) + y^2 - x^2}{y} \end{pmatrix}", "correct"),
    ("partials.2.a", r"\begin{pmatrix} \frac{f(x, y)}{x} \\ \frac{f(x, y)}{y} \end{pmatrix}", "incorrect"),
    ("partials.3.a", "[2e, 0]^T u", "correct"),
    ("partials.3.a", "[0, 2e]^T u", "incorrect"),
    ("partials.7.a", r"\operatorname{diag}(p) - pp^T", "correct"),
    ("partials.7.b", "p - y", "correct"),
    ("partials.7.d", r"\frac{1}{m}(P - Y)", "correct"),
    ("partials.7.b", "y - p", "incorrect"),
    ("partials.8.b-mu", r"e^{-2s}\sum_{i=1}^{N} (\mu - x_i)", "correct"),
    ("partials.8.b-mu", r"e^{-s}\sum_{i=1}^{N} (\mu - x_i)", "incorrect"),
    ("partials.9.grad", "p - y", "correct"),
    ("partials.9.grad", "p", "incorrect"),
    ("udl.2.1.phi0", r"2\sum_{i=1}^{I} (f[x_i, \phi] - y_i)", "correct"),
    ("udl.2.1.phi1", r"2\sum_{i=1}^{I} (f[x_i, \phi] - y_i)\, x_i", "correct"),
    ("udl.2.1.phi0", r"2\sum_{i=1}^{I} (f[x_i, \phi] + y_i)", "incorrect"),
    ("udl.2.3.inverse", r"\frac{x - g[0, \phi]}{\phi_1}", "correct"),
    ("udl.2.3.inverse", r"\frac{x - g[1, \phi]}{\phi_1}", "incorrect"),
    ("udl.3.7.phi1", r"2(f[x_i, \phi] - y_i)\, a[\theta_{10} + \theta_{11} x_i]", "correct"),
    ("udl.3.7.phi1", r"2(f[x_i, \phi] - y_i)", "incorrect"),
    ("udl.3.14.y1", r"\phi_{10} + \phi_{11} h_1 + \phi_{12} h_2 + \phi_{13} h_3", "correct"),
    ("udl.3.14.y1", r"\phi_{10} + \phi_{11} h_1 + \phi_{12} h_2", "incorrect"),
    ("udl.3.16.y3", r"\phi_{30} + \phi_{31} h_1 + \phi_{32} h_2 + \phi_{33} h_3 + \phi_{34} h_4", "correct"),
    ("udl.3.16.y3", r"\phi_{30} + \phi_{31} h_1 + \phi_{32} h_2 + \phi_{33} h_3 + \phi_{34} h_3", "incorrect"),
    ("udl.5.4.loss", r"-\sum_{i=1}^{I}\log\left(\lambda\frac{e^{-(y_i - f_2)^2/(2f_3^2)}}{\sqrt{2\pi} f_3}"
                     r" + (1 - \lambda)\frac{e^{-(y_i - f_4)^2/(2f_5^2)}}{\sqrt{2\pi} f_5}\right)", "correct"),
    ("udl.5.4.loss", r"-\sum_{i=1}^{I}\log\left(\lambda\frac{e^{-(y_i - f_2)^2/(2f_3^2)}}{\sqrt{2\pi} f_3}"
                     r" + \lambda\frac{e^{-(y_i - f_4)^2/(2f_5^2)}}{\sqrt{2\pi} f_5}\right)", "incorrect"),
    ("udl.6.3.phi0", r"\sum_{i=1}^{I} 2(f[x_i, \phi] - y_i)\left(\cos(\phi_0 + 0.06\phi_1 x_i)"
                     r" - \frac{\phi_0 + 0.06\phi_1 x_i}{16}\sin(\phi_0 + 0.06\phi_1 x_i)\right)"
                     r"e^{-(\phi_0 + 0.06\phi_1 x_i)^2/32}",
     "correct"),
    ("udl.6.3.phi0", r"\sum_{i=1}^{I} 2(f[x_i, \phi] - y_i)\cos(\phi_0 + 0.06\phi_1 x_i)e^{-(\phi_0 + 0.06\phi_1 x_i)^2/32}",
     "incorrect"),
    ("udl.6.5.phi1", r"2(f[x_i, \phi] - y_i)\, a[\theta_{10} + \theta_{11} x_i]", "correct"),
    ("udl.6.5.theta11", r"2(f[x_i, \phi] - y_i)\,\phi_1 \mathbb{1}[\theta_{10} + \theta_{11} x_i > 0]\, x_i", "correct"),
    ("udl.6.5.theta11", r"2(f[x_i, \phi] - y_i)\,\phi_1 \mathbb{1}[\theta_{10} + \theta_{11} x_i > 0]", "incorrect"),
    ("udl.7.1.psi11", r"\phi_1 a'[\psi_{01} + \psi_{11} h_1 + \psi_{21} h_2]\, h_1", "correct"),
    ("udl.7.1.psi11", r"\phi_1 a'[\psi_{01} + \psi_{11} h_1 + \psi_{21} h_2]\, h_2", "incorrect"),
    # a name the problem does not define, inside the derivative a'[.] of an unknown function
    ("udl.7.1.theta11", r"x\, a'[\theta_{10} + \theta_{11} x]", "invalid"),
    ("udl.7.1.theta11", r"x\, a'[\theta_{10}]", "invalid"),
    ("udl.7.2.dh2_df1", "h_2", "correct"),
    ("udl.7.2.dh3_df2", r"-\sin f_2", "correct"),
    ("udl.7.2.dh2_df1", "h_1", "incorrect"),
]

# (part, answer, expected status): a stated domain bounds the test points
DOMAINS = [
    ("derivatives.2.b", r"-|\tan x|", "correct"),  # 0 < x < pi/2 there
    ("derivatives.2.b", r"|\tan x|", "incorrect"),
    ("derivatives.2.a", r"3|x| x \cos(x^3)", "incorrect"),  # the domain is part (b)'s alone
    ("mvc.2.9.rate", r"\frac{|\kappa - 1|}{\kappa + 1}", "correct"),  # kappa >= 1
    ("ch2-solutions.16.update", r"\theta - \frac{\eta m (1 - \beta_1^t)^{-1}}{\sqrt{v}\,|1 - \beta_2^t|^{-1/2} + \epsilon}",
     "correct"),  # 0 < beta_2 < 1
]

# (part, answer, expected status, text in the message)
DECIMALS = [
    ("mvc.2.6.b", "1.979", "correct", "to the digits given"),
    ("mvc.2.6.b", "1.98", "correct", "to the digits given"),
    ("mvc.2.6.b", "1.9790", "correct", "to the digits given"),  # truncated
    ("mvc.2.6.b", "1.9791", "correct", "to the digits given"),  # rounded
    ("mvc.2.6.b", r"\approx 1.979", None, None),
    ("mvc.2.6.b", "1.980", "incorrect", "rounded or truncated to 3 decimal places"),
    ("mvc.2.6.b", "2.0", "incorrect", "2 significant digits; a decimal answer needs at least 3"),
    ("mvc.2.6.c", "(1.994, 0.731, 0.517)", "correct", "agree with the exact value"),
    ("mvc.2.6.c", r"\begin{bmatrix} 1.994 \\ 0.731 \\ 0.517 \end{bmatrix}", "correct", "agree with the exact value"),
    ("mvc.2.6.c", "(1.994, 0.731, 0.518)", "incorrect", "entry 3, 0.518,"),
    ("mvc.2.6.c", "(1.994, 0.73, 0.517)", "incorrect", "entry 2, 0.73, has 2 significant digits"),
    ("mvc.2.6.c", "(1.994, 1/(1 + e^{-1}), 0.517)", "correct", "agree with the exact value"),
    ("mvc.2.9.b", "0.182", "correct", "to the digits given"),
    ("mvc.2.9.b", "0.18", "incorrect", "significant digits"),
    ("derivatives.3.b", "-0.866", "correct", "to the digits given"),
    ("derivatives.3.b", "0.866", "incorrect", None),
    ("partials.2.b-norm", "4.243", "correct", "to the digits given"),
    ("derivatives.4.b-3", "0.0452", "incorrect", None),  # the prompt asks for the exact value
    ("derivatives.1.a-value", "95.0", "correct", None),  # an exact decimal is exact
    ("udl.3.17.count", "2.0", "incorrect", None),  # not a value to approximate
]


def _check(part_id: str, answer: str):
    problem, part = bank.find(part_id)
    return (part or problem.part()).check(answer, timeout=20)


@pytest.mark.parametrize(("part_id", "answer", "status"), NAMED + DOMAINS)
def test_answers_in_the_problems_own_names(part_id, answer, status):
    verdict = _check(part_id, answer)
    assert verdict.status.value == status, verdict.message


@pytest.mark.parametrize(("part_id", "answer", "status", "text"), [row for row in DECIMALS if row[2]])
def test_decimal_answers_to_the_digits_given(part_id, answer, status, text):
    verdict = _check(part_id, answer)
    assert verdict.status.value == status, verdict.message
    assert text is None or text in verdict.message


def test_every_problem_that_defines_a_name_has_a_row():
    tested = {row[0].rsplit(".", 1)[0] for row in NAMED}
    defining = {problem.id for problem in bank.all() if problem.defines or any(part.defines for part in problem.parts)}
    assert defining <= tested, sorted(defining - tested)


@pytest.mark.parametrize("problem_id", ["ch2-solutions.11", "udl.7.2", "derivatives.2", "ch2-solutions.16", "derivatives.4"])
def test_show_lists_names_domains_and_policy(problem_id):
    from problems._output import problem_text

    problem = bank.get(problem_id)
    text = problem_text(problem)
    for definition in (*problem.defines, *(d for part in problem.parts for d in part.defines)):
        assert definition in text
    for domain in (*problem.domains, *(d for part in problem.parts for d in part.domains)):
        assert domain in text
    if any(part.accepts_decimals for part in problem.parts):
        assert "a decimal is accepted" in text
    if any(part.policy.exact for part in problem.parts):
        assert "exact form" in text


def test_read_as_keeps_the_students_names():
    verdict = _check("ch2-solutions.11.J", r"\operatorname{diag}(s) - ss^\top")
    assert verdict.read_as == r"\operatorname{diag}(s) - s s^{T}"
    verdict = _check("derivatives.8.a-w2", r"(\hat y - y)\hat y(1 - \hat y) a_1")
    assert r"\hat{y}" in verdict.read_as and "a_{1}" in verdict.read_as


# (part, wrong answer, the diagnosis writes, and never): a diagnosis speaks the problem's notation
IN_THE_PROBLEMS_NOTATION = [
    ("udl.3.7.phi1", r"2(a[\theta_{10}+\theta_{11}x_i] + \phi_1)(f[x_i,\phi]-y_i)", "a[θ₁₀ + θ₁₁xᵢ]", "a(θ"),
    ("derivatives.2.c", "-e^{-x^2/2}", "x²", "a["),  # a problem without brackets keeps parentheses
]


@pytest.mark.parametrize(("part_id", "answer", "written", "never"), IN_THE_PROBLEMS_NOTATION)
def test_a_diagnosis_writes_functions_as_the_problem_does(part_id, answer, written, never):
    _, part = bank.find(part_id)
    verdict = part.check(answer)
    assert verdict.diagnosis is not None, verdict.message
    assert written in verdict.diagnosis.message and never not in verdict.diagnosis.message, verdict.diagnosis.message
