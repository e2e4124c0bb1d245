"""Seed 002: for each part, the result the seed's reference solution states (typed here from
the seed's code and printed text, not from the bank), an equivalent alternative form, and a
typical mistake."""

from seed_answers import Row

_S1 = r"\sigma(w_1 x + b_1)"
_S2 = rf"\sigma(w_2 {_S1} + b_2)"
_S1P = "sigmoid(w_1*x + b_1)"
_S2P = f"sigmoid(w_2*{_S1P} + b_2)"
_R = r"(v^\top \tanh(Wx+b) + c - y)"

ROWS = [
    Row("derivatives.1.a", "12x^3 - 4x + 7", "12*x**3 - 4*x + 7", "12x^3 - 4x"),
    Row("derivatives.1.a-value", "95", "12(8) - 8 + 7", "87"),
    Row("derivatives.1.b", r"\frac{1}{2\sqrt{x}} e^x + \sqrt{x} e^x", "(2x + 1) exp(x)/(2 sqrt(x))", r"\frac{e^x}{2\sqrt{x}}"),
    Row("derivatives.1.c", r"\frac{2x(x-1) - (x^2+1)}{(x-1)^2}", "(x^2 - 2x - 1)/(x - 1)^2",
        r"\frac{(x^2+1) - 2x(x-1)}{(x-1)^2}"),
    Row("derivatives.2.a", r"\cos(x^3) \cdot 3x^2", "3*x**2*cos(x**3)", r"\cos(3x^2)"),
    Row("derivatives.2.b", r"-\frac{\sin x}{\cos x}", r"-\tan x", r"\frac{1}{\cos x}"),
    Row("derivatives.2.c", r"e^{-x^2/2} \cdot (-x)", "-x*exp(-x**2/2)", r"x e^{-x^2/2}"),
    Row("derivatives.2.d", r"10(1+x^2)^9 \cdot 2x", "20 x (1 + x^2)^9", r"10(1+x^2)^9"),
    Row("derivatives.3.a", r"-\frac{9x}{4y}", r"\frac{dy}{dx} = -9x/(4y)", r"-\frac{4x}{9y}"),
    Row("derivatives.3.b", r"-\frac{9 \cdot 1}{4 \cdot \frac{3\sqrt{3}}{2}}", r"-\frac{\sqrt3}{2}", r"\frac{\sqrt{3}}{2}"),
    Row("derivatives.3.d", r"\{(0, 3), (0, -3)\}", r"(0, \pm 3)", r"\{(2, 0), (-2, 0)\}"),
    Row("derivatives.4.a", r"\sigma(x)(1 - \sigma(x))", r"\frac{e^{-x}}{(1 + e^{-x})^2}", r"\frac{1}{(1 + e^{-x})^2}"),
    Row("derivatives.4.b", "0.25", r"\frac14", r"\frac12"),
    Row("derivatives.4.b-3", r"\sigma(3)(1 - \sigma(3))", "exp(-3)/(1 + exp(-3))^2", r"\sigma(3)"),
    Row("derivatives.4.b-minus3", r"\sigma(-3)(1 - \sigma(-3))", r"\frac{e^{3}}{(1 + e^{3})^2}", r"-\sigma(3)(1 - \sigma(3))"),
    Row("derivatives.4.c", r"1 - \tanh^2(x)", r"\operatorname{sech}^2 x", r"1 - \tanh x"),
    Row("derivatives.4.d-sigma", r"\sigma(2)(1 - \sigma(2))", r"\frac{e^{-2}}{(1+e^{-2})^2}", r"\frac14"),
    Row("derivatives.4.d", r"\left(\sigma(2)(1 - \sigma(2))\right)^L", r"\frac{e^{-2L}}{(1 + e^{-2})^{2L}}", r"\left(\frac14\right)^L"),
    Row("derivatives.5.a", r"\{1\}", r"\left\{ 1 \right\}", r"\{0, 1\}"),
    Row("derivatives.5.b", "inconclusive", r"\text{undetermined}", "local minimum"),
    Row("derivatives.5.c", "local minimum", "local min", "local maximum"),
    Row("derivatives.5.d-min", "0", "f(1) = 0", "-16"),
    Row("derivatives.5.d-argmin", r"\{1\}", "{1.0}", r"\{0\}"),
    Row("derivatives.5.d-max", "16", "(-1 - 1)^4", "81"),
    Row("derivatives.5.d-argmax", r"\{-1, 3\}", r"x = -1 \text{ and } x = 3", r"\{3\}"),
    Row("derivatives.6.c-slope", r"\frac{(2^3 - 2) - ((-2)^3 + 2)}{2 - (-2)}", "3", "0"),
    Row("derivatives.6.c", r"\pm\sqrt{\frac{3 + 1}{3}}", r"\{-\frac{2}{\sqrt3}, \frac{2}{\sqrt3}\}", r"\pm\frac{1}{\sqrt3}"),
    Row("derivatives.6.d", "2", "2.0", "1"),
    Row("derivatives.7.b", r"\ln(x + e^{-x}) + x\frac{1 - e^{-x}}{x + e^{-x}}",
        "log(x + exp(-x)) + x*(1 - exp(-x))/(x + exp(-x))", r"\ln(x + e^{-x}) + x\frac{1 + e^{-x}}{x + e^{-x}}"),
    Row("derivatives.7.d", r"2w = \begin{bmatrix}2\\4\\6\end{bmatrix}", "[2, 4, 6]", "[1, 2, 3]"),
    Row("derivatives.8.a-w2", rf"({_S2} - y)\,{_S2}(1 - {_S2})\,{_S1}",
        f"({_S2P} - y)*{_S2P}*(1 - {_S2P})*{_S1P}", rf"({_S2} - y)\,{_S1}"),
    Row("derivatives.8.a-b2", rf"({_S2} - y)\,{_S2}(1 - {_S2})",
        f"({_S2P} - y)*{_S2P}*(1 - {_S2P})", rf"{_S2} - y"),
    Row("derivatives.8.b-w1", rf"({_S2} - y)\,{_S2}(1 - {_S2})\,w_2\,{_S1}(1 - {_S1})\,x",
        f"x*w_2*({_S2P} - y)*{_S2P}*(1 - {_S2P})*{_S1P}*(1 - {_S1P})",
        rf"({_S2} - y)\,{_S2}(1 - {_S2})\,{_S1}(1 - {_S1})\,x"),
    Row("derivatives.8.b-b1", rf"({_S2} - y)\,{_S2}(1 - {_S2})\,w_2\,{_S1}(1 - {_S1})",
        f"w_2*({_S2P} - y)*{_S2P}*(1 - {_S2P})*{_S1P}*(1 - {_S1P})",
        rf"({_S2} - y)\,{_S2}(1 - {_S2})\,w_2\,{_S1}(1 - {_S1})\,x"),
    Row("derivatives.9.grad", r"\sigma(a) - y", r"\frac{1}{1 + e^{-a}} - y", r"y - \sigma(a)"),
    Row("derivatives.10.v", rf"{_R}\tanh(Wx+b)", r"\tanh(Wx+b)\,(\tanh(Wx+b)^\top v + c - y)", rf"{_R}\,v"),
    Row("derivatives.10.c", "u + c - y", r"\frac{\partial L}{\partial c} = c + u - y", "1"),
    Row("derivatives.10.W", rf"{_R}\operatorname{{diag}}(\tanh'(Wx+b))\,v\,x^\top",
        rf"\operatorname{{diag}}(\tanh'(Wx+b))\,v\,x^T {_R}", rf"{_R}\,v\,x^\top"),
    Row("derivatives.10.b", rf"{_R}\operatorname{{diag}}(\tanh'(Wx+b))\,v",
        r"\operatorname{diag}(\tanh'(Wx+b))\,v\,(c - y + v^T\tanh(Wx+b))", rf"{_R}\,v"),
    Row("derivatives.10.x", rf"W^\top {_R}\operatorname{{diag}}(\tanh'(Wx+b))\,v",
        rf"{_R}\,W^T\operatorname{{diag}}(\tanh'(Wx+b))\,v", rf"{_R}\,W^\top v"),
]
