"""Seed 003: the "Partial Derivatives and Gradients" exercises notebook (10 exercises with
reference solutions in code).

The converter dropped the inline formulas from the seed's prose, so the functions, points and
results are read back from its solution code. Each exercise is restated; its reference is
derived by ``derive``. Helpers below only pick a value out of a derivation (an entry, a step's
result, the angle of a derived direction) or rename a variable.
"""

from __future__ import annotations

import sympy
from sympy import FiniteSet, ImmutableMatrix, MatrixSymbol, OneMatrix, Symbol

import derive

from .._define import Recipe, Seed, directional, evaluate, gradient, part, problem, steepest

SEED = Seed("003_2bd3841ce9aef629.txt", prefix="partials")


# -- picks ---------------------------------------------------------------------------------------

def _step(derivation: derive.Derivation, rule: str) -> derive.Step:
    for step in derivation.walk():
        if step.rule.startswith(rule):
            return step
    raise derive.DerivationError(f"the derivation has no step {rule!r}")


def _angle(vector) -> sympy.Basic:
    """The polar angle in [0, 2 pi) of a nonzero plane vector."""
    return sympy.Mod(sympy.atan2(vector[1], vector[0]), 2 * sympy.pi)


def _neutral_angles(derivation: derive.Derivation) -> sympy.Basic:
    zero = _step(derivation, "direction of zero change").after
    return FiniteSet(_angle(zero), _angle(-zero))


def _rename_log_sigma(derivation: derive.Derivation) -> sympy.Basic:
    """Write the result in sigma: the derivation uses s = log(sigma)."""
    return derivation.result.subs(Symbol("s", real=True), sympy.log(Symbol("sigma", positive=True)))


def _fisher_in_log_sigma(derivation: derive.Derivation) -> sympy.Basic:
    """N i.i.d. samples in (mu, s = log sigma): F = N J^T F_1 J with J = d(mu, sigma^2)/d(mu, s) = diag(1, 2 sigma^2)."""
    sigma, count = Symbol("sigma", positive=True), Symbol("N", integer=True, positive=True)
    jacobian = ImmutableMatrix([[1, 0], [0, 2 * sigma**2]])
    return ImmutableMatrix(count * jacobian.T * derivation.result * jacobian).applyfunc(sympy.simplify)


# -- matrix expressions the reader does not build (derive's own softmax, log-sum-exp, softplus) -------

_K, _m, _n = (Symbol(name, integer=True, positive=True) for name in ("K", "m", "n"))
_z, _onehot = MatrixSymbol("z", _K, 1), MatrixSymbol("y", _K, 1)
_Z, _Y = MatrixSymbol("Z", _K, _m), MatrixSymbol("Y", _K, _m)
_w, _x = MatrixSymbol("w", _n, 1), MatrixSymbol("x", _n, 1)
_label = Symbol("y", real=True)

_d, _h = (Symbol(name, integer=True, positive=True) for name in ("d", "h"))
_ONE_EXAMPLE_LOSS = derive.SquaredNorm(
    MatrixSymbol("v", _h, 1).T * derive.elementwise("tanh", MatrixSymbol("W", _d, _h).T * MatrixSymbol("x", _d, 1))
    - _label * OneMatrix(1, 1))

_F2 = "x^2 + xy + y^2"
_F3 = "e^{x^2 + y^2}"
_NLL = r"\frac12 e^{-2s}\sum_{i=1}^{N} (x_i - \mu)^2 + N s + \frac{N}{2}\log(2\pi)"
_CE4 = r"-\log\frac{e^{z_4}}{e^{z_1} + e^{z_2} + e^{z_3} + e^{z_4}}"
_LOGISTIC3 = r"\log\left(1 + e^{-(0.8 x_1 - 1.1 x_2 + 0.4 x_3)}\right)"

PROBLEMS = [
    problem(
        SEED, "1", exercise="1", title="Partial derivatives and Clairaut's theorem",
        statement=r"Let $f(x, y) = x^3 y + e^{xy}$ and $g(x, y, z) = \sin(xy) + y z^2 - \ln(x + z)$ (with $x + z > 0$). "
                  r"Find their first-order partial derivatives and evaluate them at $(1, 2)$ and $(1, 0, 1)$; find "
                  r"$\nabla_w \lVert w\rVert^2$ for $w \in \mathbb{R}^n$; and find the mixed partial "
                  r"$\partial^2 f/\partial x\,\partial y$.",
        variables=["x", "y", "z", "w:vector(n)"],
        defines=[r"f(x, y) = x^3 y + e^{xy}", r"g(x, y, z) = \sin(xy) + y z^2 - \ln(x + z)"],
        parts=[
            part("a", r"Give $\nabla f(x, y) = (\partial f/\partial x, \partial f/\partial y)$.", gradient("x^3 y + e^{xy}", "x,y")),
            part("a-point", r"Give $\nabla f(1, 2)$.", gradient("x^3 y + e^{xy}", "x,y", point=["1", "2"])),
            part("b", r"Give $\nabla g(x, y, z)$ (the three partial derivatives in the order $x, y, z$).",
                 gradient(r"\sin(xy) + y z^2 - \ln(x + z)", "x,y,z")),
            part("b-point", r"Give $\nabla g(1, 0, 1)$.",
                 gradient(r"\sin(xy) + y z^2 - \ln(x + z)", "x,y,z", point=["1", "0", "1"])),
            part("c", r"Give $\nabla_w \lVert w\rVert^2$.", Recipe("matrix_gradient", r"w^T w", "w", kind="matrix-expression")),
            part("d", r"Give $\frac{\partial^2 f}{\partial x\,\partial y}$ (Clairaut: either order).",
                 Recipe("mixed_partial", "x^3 y + e^{xy}", ["x", "y"])),
            part("d-point", r"Evaluate that mixed partial at $(1, 2)$.",
                 Recipe("hessian", "x^3 y + e^{xy}", "x,y", {"point": ["1", "2"]}, kind="number", pick=lambda d: d.result[0, 1])),
        ],
        notes="The finite-difference verifications are numerical checks and are not graded.",
    ),
    problem(
        SEED, "2", exercise="2", title="Gradient geometry of a quadratic",
        statement=r"Let $f(x, y) = x^2 + xy + y^2$. Find $\nabla f$, its value and length at $(1, 1)$, the unit tangent "
                  r"to the level curve $f = 3$ at $(1, 1)$, and the unit direction of steepest descent there.",
        variables=["x", "y"],
        defines=["f(x, y) = x^2 + xy + y^2"],
        parts=[
            part("a", r"Give $\nabla f(x, y)$.", gradient(_F2, "x,y")),
            part("b-grad", r"Give $\nabla f(1, 1)$.", gradient(_F2, "x,y", point=["1", "1"])),
            part("b-norm", r"Give $\lVert\nabla f(1, 1)\rVert$.",
                 steepest(_F2, "x,y", point=["1", "1"], pick=lambda d: d.result[0], kind="number")),
            part("c", r"Give the unit tangent to the level curve $f = 3$ at $(1, 1)$ obtained by turning "
                      r"$\nabla f(1, 1)$ a quarter turn counter-clockwise, $(-f_y, f_x)/\lVert\nabla f\rVert$.",
                 steepest(_F2, "x,y", point=["1", "1"], pick=lambda d: _step(d, "direction of zero change").after)),
            part("d", r"Give the unit vector $u$ that minimises the directional derivative $D_u f(1, 1)$.",
                 steepest(_F2, "x,y", point=["1", "1"], pick=lambda d: -d.result[1])),
            part("d-rate", r"Give $D_u f(1, 1)$ along that steepest-descent direction.",
                 steepest(_F2, "x,y", point=["1", "1"], pick=lambda d: _step(d, "minimum rate").after, kind="number")),
        ],
        notes="(c) asks for the seed's orientation (the gradient rotated by +90 degrees); the opposite unit vector "
              "is also tangent.",
    ),
    problem(
        SEED, "3", exercise="3", title="Directional derivatives around a point",
        statement=r"Let $f(x, y) = e^{x^2 + y^2}$ and $u = (\cos\theta, \sin\theta)$. At the point $(1, 0)$, find "
                  r"$D_u f$ as a function of $\theta$, the angles in $[0, 2\pi)$ where it is largest and smallest, its "
                  r"largest value, and the neutral angles where it vanishes.",
        variables=["x", "y", "theta"],
        defines=["f(x, y) = e^{x^2 + y^2}", r"u = \begin{pmatrix} \cos\theta \\ \sin\theta \end{pmatrix}"],
        parts=[
            part("a", r"Give $D_u f(1, 0)$ as a function of $\theta$.",
                 directional(_F3, "x,y", direction=[r"\cos\theta", r"\sin\theta"], point=["1", "0"]), kind="expression"),
            part("b-max", r"Give the angle $\theta \in [0, 2\pi)$ that maximises $D_u f(1, 0)$.",
                 steepest(_F3, "x,y", point=["1", "0"], pick=lambda d: _angle(d.result[1]), kind="number")),
            part("b-min", r"Give the angle $\theta \in [0, 2\pi)$ that minimises $D_u f(1, 0)$.",
                 steepest(_F3, "x,y", point=["1", "0"], pick=lambda d: _angle(-d.result[1]), kind="number")),
            part("b-value", r"Give the largest value of $D_u f(1, 0)$ over all unit $u$.",
                 steepest(_F3, "x,y", point=["1", "0"], pick=lambda d: d.result[0], kind="number")),
            part("c", r"Give the set of angles $\theta \in [0, 2\pi)$ with $D_u f(1, 0) = 0$.",
                 steepest(_F3, "x,y", point=["1", "0"], pick=_neutral_angles, kind="set")),
        ],
        notes="The seed's prose calls f a Gaussian bump, but its code uses exp(x^2 + y^2); the bank follows the code. "
              "(d), the comparison with the limit definition, is a numerical check.",
    ),
    problem(
        SEED, "4", exercise="4", title="Four matrix-calculus identities",
        statement=r"For $a, x \in \mathbb{R}^n$, a symmetric $A \in \mathbb{R}^{n\times n}$, $B \in \mathbb{R}^{m\times n}$, "
                  r"$b \in \mathbb{R}^m$, $C \in \mathbb{R}^{m\times n}$ and $X \in \mathbb{R}^{n\times m}$, find "
                  r"$\nabla_x(a^\top x)$, $\nabla_x(x^\top A x)$, $\nabla_x\lVert Bx - b\rVert^2$ and "
                  r"$\nabla_X \operatorname{tr}(CX)$.",
        variables=["a:vector(n)", "x:vector(n)", "A:matrix(n,n),symmetric", "B:matrix(m,n)", "b:vector(m)",
                   "C:matrix(m,n)", "X:matrix(n,m)"],
        parts=[
            part("a", r"Give $\nabla_x(a^\top x)$.", Recipe("matrix_gradient", r"a^T x", "x", kind="matrix-expression")),
            part("b", r"Give $\nabla_x(x^\top A x)$ for symmetric $A$.",
                 Recipe("matrix_gradient", r"x^T A x", "x", kind="matrix-expression")),
            part("c", r"Give $\nabla_x\lVert Bx - b\rVert^2$.",
                 Recipe("matrix_gradient", r"\|Bx - b\|^2", "x", kind="matrix-expression")),
            part("d", r"Give $\nabla_X\operatorname{tr}(CX)$.",
                 Recipe("matrix_gradient", r"\operatorname{tr}(CX)", "X", kind="matrix-expression")),
        ],
        notes="The seed's proofs reduce to these results; its A in (c) is square and named A, renamed B here so the "
              "symmetric A of (b) keeps its meaning. The reference for (b) is (A + A^T)x, equal to 2Ax for symmetric A.",
    ),
    problem(
        SEED, "5", exercise="5", title="The mean-squared-error gradient of linear regression",
        statement=r"For data $X \in \mathbb{R}^{m\times n}$, targets $y \in \mathbb{R}^m$ and weights $w \in \mathbb{R}^n$, "
                  r"let $L(w) = \frac1m\lVert Xw - y\rVert^2$. Find $\nabla_w L$ and the least-squares solution that "
                  r"gradient descent converges to.",
        variables=["X:matrix(m,n)", "w:vector(n)", "y:vector(m)"],
        parts=[
            part("a", r"Give $\nabla_w L$.", Recipe("matrix_gradient", r"\frac{1}{m}\|Xw - y\|^2", "w", kind="matrix-expression")),
            part("c", r"Give the minimiser $w^*$ of $L$ (assume $X^\top X$ is invertible).",
                 Recipe("least_squares_minimiser", r"\frac{1}{m}\|Xw - y\|^2", "w", kind="matrix-expression")),
        ],
        notes="(b) and (d) are experiments (gradient descent on synthetic data, steps to reach L* + 1e-4). (c) is "
              "core only: the closed form GD should reach, not the numerical comparison.",
    ),
    problem(
        SEED, "6", exercise="6", title="Relative errors of a gradient checker",
        statement=r"A gradient checker reports $\frac{\lVert g_n - g_a\rVert}{\lVert g_n\rVert + \lVert g_a\rVert}$ for a "
                  r"numerical gradient $g_n$ and a claimed gradient $g_a$. For $f(x) = \lVert x\rVert^2$ (so "
                  r"$g_n = 2x$ up to rounding) with $\lVert x\rVert = r > 0$, find the reported error when the claimed "
                  r"gradient is $2x$, $-2x$ (sign error) and $x$ (missing factor 2). Ignore the small constant the "
                  r"seed adds to the denominator. Then find the weight gradient of a one-example tanh network.",
        variables=["r:positive", "x:vector(d)", "W:matrix(d,h)", "v:vector(h)", "y"],
        parts=[
            part("b-correct", r"Give the relative error for $g_a = 2x$.",
                 evaluate(r"\frac{|2r - 2r|}{|2r| + |2r|}", note="g_n - g_a = 0")),
            part("b-sign", r"Give the relative error for $g_a = -2x$.",
                 evaluate(r"\frac{|2r + 2r|}{|2r| + |-2r|}", note="g_n - g_a = 4x, norms 2r and 2r")),
            part("b-scale", r"Give the relative error for $g_a = x$.",
                 evaluate(r"\frac{|2r - r|}{|2r| + |r|}", note="g_n - g_a = x, norms 2r and r")),
            part("c-one", r"For one example $x \in \mathbb{R}^d$ (one row of $X$), $W \in \mathbb{R}^{d\times h}$, "
                          r"$v \in \mathbb{R}^h$ and $L = (v^\top\tanh(W^\top x) - y)^2$, give $\nabla_W L$ "
                          r"(you may use $\tanh'$ entrywise).",
                 Recipe("matrix_gradient", _ONE_EXAMPLE_LOSS, "W", kind="matrix-expression")),
        ],
        notes="(a) and the checker itself are implementations. (c) is core only: the seed's network has m examples, "
              "H = tanh(XW) with a matrix argument; the bank grades the gradient for one example (X = x^T).",
    ),
    problem(
        SEED, "7", exercise="7", title="Softmax Jacobian and cross-entropy gradients",
        statement=r"For logits $z \in \mathbb{R}^K$ and $p = \operatorname{softmax}(z)$, find the Jacobian "
                  r"$\partial p/\partial z$ in matrix form; for a true class $c$ with one-hot vector $y = e_c$, find the "
                  r"gradient of $-\log p_c = -y^\top\log p$; and for a batch whose $m$ examples are the columns of "
                  r"$Z \in \mathbb{R}^{K\times m}$ with one-hot columns $Y$, find the gradient of the mean cross-entropy "
                  r"in $Z$.",
        variables=["z:vector(K)", "y:vector(K)", "Z:matrix(K,m)", "Y:matrix(K,m)", "P:matrix(K,m)"],
        defines=[r"p = \operatorname{softmax}(z)", r"P = \operatorname{softmax}(Z)"],
        parts=[
            part("a", r"Give $\partial p/\partial z$ in matrix form.",
                 Recipe("matrix_jacobian", derive.Softmax(_z), "z", kind="matrix-expression")),
            part("b", r"Give $\nabla_z(-\log p_c)$ in terms of $p$ and $y = e_c$.",
                 Recipe("matrix_gradient", derive.cross_entropy_loss(_z, _onehot), "z", kind="matrix-expression")),
            part("d", r"Give the gradient of the mean cross-entropy in $Z$, in terms of $P = \operatorname{softmax}(Z)$ "
                      r"(column by column) and $Y$.",
                 Recipe("matrix_gradient", derive.cross_entropy_loss(_Z, _Y), "Z", kind="matrix-expression",
                        pick=lambda d: _step(d, "name the softmax").after)),
        ],
        notes="(c) is an implementation. The seed stores examples as rows of Z; the bank uses columns (the answer "
              "(P - Y)/m has the same form); (d) is graded in P because a student's softmax of a matrix is not read column by column. The loss is rewritten as logsumexp(z) - y^T z, using 1^T y = 1.",
    ),
    problem(
        SEED, "8", exercise="8", title="Fisher information and the Gaussian likelihood",
        statement=r"Samples $x_1, \dots, x_N$ are drawn i.i.d. from $\mathcal{N}(\mu, \sigma^2)$; parametrise by "
                  r"$(\mu, s)$ with $s = \log\sigma$. The negative log-likelihood is "
                  r"$\mathrm{NLL} = \frac{1}{2\sigma^2}\sum_{i=1}^N (x_i - \mu)^2 + N\log\sigma + \frac N2\log(2\pi)$. "
                  r"Find the Fisher information of the sample in $(\mu, \log\sigma)$ and the gradient of the NLL.",
        variables=["x:indexed", "i:integer", "N:integer,positive", "mu", "s", "sigma:positive"],
        defines=[r"s = \log\sigma"],
        parts=[
            part("a", r"Give the $2\times 2$ Fisher information matrix of the $N$ samples in $(\mu, \log\sigma)$.",
                 Recipe("matrix_example", "gaussian_fisher", (), kind="matrix", pick=_fisher_in_log_sigma)),
            part("b-mu", r"Give $\partial\,\mathrm{NLL}/\partial\mu$ (in terms of $\sigma$).",
                 Recipe("derivative", _NLL, "mu", pick=_rename_log_sigma)),
            part("b-logsigma", r"Give $\partial\,\mathrm{NLL}/\partial\log\sigma$ (in terms of $\sigma$).",
                 Recipe("derivative", _NLL, "s", pick=_rename_log_sigma)),
        ],
        notes="(a) reparametrises derive's Fisher information in (mu, sigma^2) by the Jacobian diag(1, 2 sigma^2) and "
              "multiplies by N. (b) runs and (c) plots optimisers; (d) checks recovery of the true parameters on random "
              "data.",
    ),
    problem(
        SEED, "9", exercise="9", title="Softmax cross-entropy gradient",
        statement=r"For logits $z \in \mathbb{R}^K$, $p = \operatorname{softmax}(z)$ and a one-hot label $y$, let "
                  r"$\mathcal{L} = -\sum_k y_k \log p_k$. Find $\nabla_z\mathcal{L}$, and the sum of its entries at "
                  r"$z = (1.2, -0.3, 0.7, 2.0)$ with $y = e_4$.",
        variables=["z:vector(K)", "y:vector(K)", "z_1", "z_2", "z_3", "z_4"],
        defines=[r"p = \operatorname{softmax}(z)"],
        parts=[
            part("grad", r"Give $\nabla_z\mathcal{L}$.",
                 Recipe("matrix_gradient", derive.cross_entropy_loss(_z, _onehot), "z", kind="matrix-expression")),
            part("sum", r"Give the sum of the entries of $\nabla_z\mathcal{L}$ at the given $z$ and $y$.",
                 Recipe("gradient", _CE4, "z_1,z_2,z_3,z_4", {"point": ["1.2", "-0.3", "0.7", "2"]}, kind="number",
                     pick=lambda d: sympy.simplify(sum(d.result)))),
        ],
    ),
    problem(
        SEED, "10", exercise="10", title="The FGSM direction from the input gradient",
        statement=r"For weights $w \in \mathbb{R}^n$, an input $x$ and a label $y \in \{-1, 1\}$, the logistic loss is "
                  r"$\ell(x) = \log(1 + e^{-y\,w^\top x})$. Find $\nabla_x \ell$, then the fast-gradient-sign step "
                  r"$\delta = \epsilon\,\operatorname{sign}(\nabla_x\ell)$ (the steepest increase under "
                  r"$\lVert\delta\rVert_\infty \le \epsilon$) for $w = (0.8, -1.1, 0.4)$, $x = (0.2, 0.5, -0.7)$, "
                  r"$y = 1$ and $\epsilon = 0.05$.",
        variables=["w:vector(n)", "x:vector(n)", "y", "x_1", "x_2", "x_3"],
        parts=[
            part("grad", r"Give $\nabla_x\ell$ (you may use $\sigma$).",
                 Recipe("matrix_gradient", derive.elementwise("softplus", -_label * _w.T * _x), "x", kind="matrix-expression")),
            part("delta", r"Give $\delta$ at the given instance.",
                 Recipe("gradient", _LOGISTIC3, "x_1,x_2,x_3", {"point": ["0.2", "0.5", "-0.7"]}, kind="vector",
                     pick=lambda d: d.result.applyfunc(sympy.sign) * sympy.Rational(1, 20))),
        ],
        notes="The comparison with random perturbations is an experiment.",
    ),
]
