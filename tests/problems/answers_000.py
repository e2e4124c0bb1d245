"""Seed 000: for each part, the result the seed states (typed here from the seed's text, not
from the bank), an equivalent alternative form, and a typical mistake."""

from seed_answers import Row

ROWS = [
    Row("ch2-solutions.1.fprime", "3x^2 - 10x + 3", "(3x - 1)(x - 3)", "3x^2 - 10x"),
    Row("ch2-solutions.1.crit", "{3, 1/3}", r"x = 3 \text{ and } x = \frac13", "{-3, -1/3}"),
    Row("ch2-solutions.1.classify-1/3", "local maximum", "local max", "local minimum"),
    Row("ch2-solutions.1.classify-3", "local minimum", "minimum", "local maximum"),
    Row("ch2-solutions.2.deriv", r"e^{\sin(x^2)} \cdot \cos(x^2) \cdot 2x", "2x cos(x^2) exp(sin(x^2))", "cos(x^2) exp(sin(x^2))"),
    Row("ch2-solutions.3.x", "2xy", r"\frac{\partial f}{\partial x} = 2yx", "2x"),
    Row("ch2-solutions.3.y", "x^2 + 3y^2", "3y^2 + x^2", "x^2 + y^2"),
    Row("ch2-solutions.3.grad", "[4, 7]", r"\nabla f(2,1) = \begin{bmatrix}4\\7\end{bmatrix}", "[4, 13]"),
    Row("ch2-solutions.4.w", r"(1-\sigma(wx+b)) \cdot x", r"\frac{x}{1 + e^{wx+b}}", r"\sigma(wx+b) x"),
    Row("ch2-solutions.5.a", "2a", "(a - b) + (a + b)", "a - b"),
    Row("ch2-solutions.5.b", "-2b", "(a - b) - (a + b)", "2b"),
    Row("ch2-solutions.6.update", r"\eta \hat{m}/\sqrt{\hat{v}}", "eta*mhat*vhat^(-1/2)", "c*eta*mhat/sqrt(vhat)"),
    Row("ch2-solutions.7.W", r"\frac{2}{N}(Wx - y)x^T", r"\frac{2}{N}(W x x^\top - y x^\top)", r"\frac{2}{N} x (Wx - y)^T"),
    Row("ch2-solutions.8.max", "0.25", "1/4", "1/2"),
    Row("ch2-solutions.8.bound", "0.25^L", "4^{-L}", "L/4"),
    Row("ch2-solutions.8.relu", "1", "1.0", "0"),
    Row("ch2-solutions.9.wT", r"w_0 (1 - \eta\lambda)^T", r"w_0 e^{T \log(1 - \eta\lambda)}", r"w_0 (1 - \eta\lambda T)"),
    Row("ch2-solutions.10.a", "2(ab + c) b", "2ab^2 + 2bc", "2(ab + c)"),
    Row("ch2-solutions.10.b", "2(ab + c) a", "2a^2 b + 2ac", "2(ab + c) b"),
    Row("ch2-solutions.10.c", "2(ab + c)", "2ab + 2c", "2c"),
    Row("ch2-solutions.11.J", r"\operatorname{diag}(\operatorname{softmax}(x)) - \operatorname{softmax}(x)\operatorname{softmax}(x)^\top",
        r"\operatorname{diag}(\operatorname{softmax}(x)) - \operatorname{softmax}(x)(\operatorname{softmax}(x))^T",
        r"\operatorname{diag}(\operatorname{softmax}(x))"),
    Row("ch2-solutions.12.pow", "p x^{p-1}", "p x^p / x", "p x^p"),
    Row("ch2-solutions.12.log", "1/x", "x^{-1}", r"\frac{1}{x \ln 10}"),
    Row("ch2-solutions.12.tanh", r"1 - \tanh^2(x)", r"\operatorname{sech}^2 x", r"1 - \tanh x"),
    Row("ch2-solutions.14.grad", r"\operatorname{softmax}(z) - y", r"-y + \operatorname{softmax}(z)", r"y - \operatorname{softmax}(z)"),
    Row("ch2-solutions.16.mhat", r"\frac{m}{1 - \beta_1^t}", r"-m/(\beta_1^t - 1)", r"\frac{m}{1 - \beta_1}"),
    Row("ch2-solutions.16.vhat", r"\frac{v}{1 - \beta_2^t}", r"-v/(\beta_2^t - 1)", r"\frac{v}{1 - \beta_1^t}"),
    Row("ch2-solutions.16.update", r"\theta - \eta \frac{\hat m}{\sqrt{\hat v} + \epsilon}",
        r"\theta - \frac{\eta \hat m}{\epsilon + \sqrt{\hat v}}", r"\theta - \eta \frac{\hat m}{\sqrt{\hat v + \epsilon}}"),
]
