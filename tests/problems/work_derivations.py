r"""Worked derivations of bank parts, one step a row, each with a variant that goes wrong in one
row (the later rows following from the wrong one). Typed by hand, independently of the bank;
the references they must end at come from the bank's derivations."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Derivation", "DERIVATIONS"]


@dataclass(frozen=True)
class Derivation:
    """``work`` is right; ``wrong`` differs from it from row ``first_error`` on."""

    name: str
    part: str
    work: str
    wrong: str
    first_error: int


DERIVATIONS = [
    Derivation("chain rule", "ch2-solutions.2.deriv",
               r"""\frac{d}{dx} e^{\sin(x^2)} = e^{\sin(x^2)} \cdot \frac{d}{dx} \sin(x^2)
= e^{\sin(x^2)} \cos(x^2) \cdot \frac{d}{dx} x^2
= 2x \cos(x^2) e^{\sin(x^2)}""",
               r"""\frac{d}{dx} e^{\sin(x^2)} = e^{\sin(x^2)} \cdot \frac{d}{dx} \sin(x^2)
= e^{\sin(x^2)} \cos(x^2)
= \cos(x^2) e^{\sin(x^2)}""", 2),
    Derivation("product rule", "derivatives.1.b",
               r"""\begin{align*} \frac{d}{dx}\left(\sqrt{x}\, e^x\right) &= \frac{1}{2\sqrt{x}} e^x + \sqrt{x}\, e^x \\
&= \frac{e^x + 2x e^x}{2\sqrt{x}} \\
&= \frac{(2x + 1) e^x}{2\sqrt{x}} \end{align*}""",
               r"""\begin{align*} \frac{d}{dx}\left(\sqrt{x}\, e^x\right) &= \frac{1}{2\sqrt{x}} e^x + \sqrt{x}\, e^x \\
&= \frac{e^x + x e^x}{2\sqrt{x}} \\
&= \frac{(x + 1) e^x}{2\sqrt{x}} \end{align*}""", 2),
    Derivation("quotient rule", "derivatives.1.c",
               r"""\frac{d}{dx} \frac{x^2 + 1}{x - 1} = \frac{2x (x - 1) - (x^2 + 1) \cdot 1}{(x - 1)^2}
= \frac{2x^2 - 2x - x^2 - 1}{(x - 1)^2}
= \frac{x^2 - 2x - 1}{(x - 1)^2}""",
               r"""\frac{d}{dx} \frac{x^2 + 1}{x - 1} = \frac{2x (x - 1) + (x^2 + 1) \cdot 1}{(x - 1)^2}
= \frac{2x^2 - 2x + x^2 + 1}{(x - 1)^2}
= \frac{3x^2 - 2x + 1}{(x - 1)^2}""", 1),
    Derivation("sigmoid", "derivatives.4.a",
               r"""\sigma'(x) = \frac{d}{dx}\left(1 + e^{-x}\right)^{-1}
= \frac{e^{-x}}{(1 + e^{-x})^2}
= \frac{1}{1 + e^{-x}} \cdot \frac{e^{-x}}{1 + e^{-x}}
= \sigma(x)\left(1 - \sigma(x)\right)""",
               r"""\sigma'(x) = \frac{d}{dx}\left(1 + e^{-x}\right)^{-1}
= \frac{-e^{-x}}{(1 + e^{-x})^2}
= -\frac{1}{1 + e^{-x}} \cdot \frac{e^{-x}}{1 + e^{-x}}
= -\sigma(x)\left(1 - \sigma(x)\right)""", 2),
    Derivation("softmax cross-entropy", "partials.7.b",
               r"""\nabla_z L = \operatorname{softmax}(z) - y
= -(y - \operatorname{softmax}(z))""",
               r"""\nabla_z L = \operatorname{softmax}(z) - y
= y - \operatorname{softmax}(z)""", 2),
    Derivation("sum over data", "partials.8.b-mu",
               r"""\frac{\partial}{\partial \mu} \sum_i \frac{(x_i - \mu)^2}{2\sigma^2} = \sum_i \frac{-2(x_i - \mu)}{2\sigma^2}
= -\frac{1}{\sigma^2} \sum_{i=1}^{N} (x_i - \mu)
= \frac{1}{\sigma^2}\sum_{i=1}^N (\mu - x_i)""",
               r"""\frac{\partial}{\partial \mu} \sum_i \frac{(x_i - \mu)^2}{2\sigma^2} = \sum_i \frac{-2(x_i - \mu)}{2\sigma^2}
= -\frac{1}{\sigma^2} \sum_{i=1}^{N} (x_i + \mu)
= -\frac{1}{\sigma^2}\sum_{i=1}^N (\mu + x_i)""", 2),
    Derivation("matrix calculus", "partials.4.c",
               r"""\nabla_x \|Bx - b\|^2 = 2B^T B x - 2B^T b
= 2B^T(Bx - b)""",
               r"""\nabla_x \|Bx - b\|^2 = 2B^T B x - 2B^T b
= 2B^T(Bx - 2b)""", 2),
    Derivation("gradient as a vector", "mvc.2.1.a",
               r"""\nabla f = \begin{bmatrix} \frac{\partial}{\partial x_1}(x_1^2 x_2 + 3x_2^3 - 7x_1) \\
    \frac{\partial}{\partial x_2}(x_1^2 x_2 + 3x_2^3 - 7x_1) \end{bmatrix}
= \begin{bmatrix} 2x_1 x_2 - 7 \\ x_1^2 + 9x_2^2 \end{bmatrix}""",
               r"""\nabla f = \begin{bmatrix} \frac{\partial}{\partial x_1}(x_1^2 x_2 + 3x_2^3 - 7x_1) \\
    \frac{\partial}{\partial x_2}(x_1^2 x_2 + 3x_2^3 - 7x_1) \end{bmatrix}
= \begin{bmatrix} 2x_1 x_2 - 7 \\ x_1^2 + 3x_2^2 \end{bmatrix}""", 2),
    Derivation("critical points", "ch2-solutions.1.crit",
               r"""f'(x) = \frac{d}{dx}\left(x^3 - 5x^2 + 3x\right) = 3x^2 - 10x + 3 = 0
\iff (3x - 1)(x - 3) = 0
\iff x = \frac{1}{3} \text{ or } x = 3""",
               r"""f'(x) = \frac{d}{dx}\left(x^3 - 5x^2 + 3x\right) = 3x^2 - 10x + 3 = 0
\iff (3x + 1)(x - 3) = 0
\iff x = -\frac{1}{3} \text{ or } x = 3""", 2),
    Derivation("critical points, divided by x", "derivatives.6.c",
               r"""3c^2 - 1 = \frac{f(2) - f(-2)}{4} = 3
\iff c^2 = \frac{4}{3}
\iff c = \frac{2}{\sqrt{3}} \text{ or } c = -\frac{2}{\sqrt{3}}""",
               r"""3c^2 - 1 = \frac{f(2) - f(-2)}{4} = 3
\iff c^2 = \frac{4}{3}
\iff c = \frac{2}{\sqrt{3}}""", 3),
    Derivation("KKT (Lagrange) system", "derivatives.3.d",
               r"""0 = \lambda \frac{x}{2}, \quad 1 = \lambda \frac{2y}{9}, \quad \frac{x^2}{4} + \frac{y^2}{9} = 1
\Rightarrow x = 0, \quad \frac{y^2}{9} = 1
\iff (x, y) = (0, 3) \text{ or } (x, y) = (0, -3)""",
               r"""0 = \lambda \frac{x}{2}, \quad 1 = \lambda \frac{2y}{9}, \quad \frac{x^2}{4} + \frac{y^2}{9} = 1
\Rightarrow x = 0, \quad \frac{y^2}{4} = 1
\iff (x, y) = (0, 2) \text{ or } (x, y) = (0, -2)""", 2),
]
