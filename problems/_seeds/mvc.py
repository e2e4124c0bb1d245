"""Seed 001: the exercise list of a "Multivariate Calculus and Optimization" chapter 2.

The seed prints no solutions: every reference here is computed by ``derive``. Exercises are
cited as the seed labels them ("Exercise 2.3" -> exercise "2.3"); ids are ``mvc.2.N``.
Implementations, experiments, plots and open prose are listed in ``problems/COVERAGE.md``.
"""

from __future__ import annotations

import sympy

import derive

from .._define import (
    Recipe,
    Seed,
    convexity,
    derivative,
    directional,
    evaluate,
    gradient,
    graph,
    matrix,
    part,
    problem,
    stated,
    steepest,
)

SEED = Seed("001_5154a62af5f7d260.txt", prefix="mvc")


def _shape(derivation):
    """The (rows, columns) of a derived matrix expression."""
    return sympy.Tuple(*derivation.result.shape)


def _steepest_direction(derivation):
    """The unit direction of steepest ascent from a ``steepest`` derivation."""
    return derivation.result[1]


def _steepest_rate(derivation):
    """The largest directional derivative |grad f| from a ``steepest`` derivation."""
    return derivation.result[0]


def _zero_directions(derivation):
    """Both unit directions orthogonal to the gradient (a 2-D problem has one line of them)."""
    found = [step.after for step in derivation.walk() if step.rule.startswith("direction of zero change")]
    return sympy.FiniteSet(*(sympy.ImmutableMatrix(v) for v in found), *(sympy.ImmutableMatrix(-v) for v in found))


def _forward_value(derivation):
    """The output value of the forward pass."""
    return next(step.after for step in derivation.walk() if step.rule == "forward pass")


def _scaled_by_rho(derivation):
    """rho times the unit direction of steepest ascent (the maximiser over the rho-ball)."""
    return sympy.Symbol("rho", positive=True) * derivation.result[1]


PROBLEMS = [
    problem(
        SEED, "2.1", exercise="2.1", title="Gradients by hand",
        statement=r"Find the gradient of each function by hand: (a) the polynomial $x_1^2 x_2 + 3x_2^3 - 7x_1$; "
                  r"(b) the squared residual $\lVert Ax - b\rVert^2$ with $A \in \mathbb{R}^{m\times n}$, "
                  r"$b \in \mathbb{R}^m$; (c) log-sum-exp, $\log\sum_{i=1}^n e^{x_i}$.",
        variables=["x_1", "x_2"],
        parts=[
            part("a", r"Give $\nabla f(x_1, x_2)$ for $f = x_1^2 x_2 + 3x_2^3 - 7x_1$ (a column vector).",
                 gradient("x_1^2 x_2 + 3x_2^3 - 7x_1", "x_1,x_2"), defines=["f(x_1, x_2) = x_1^2 x_2 + 3x_2^3 - 7x_1"]),
            part("b", r"Give $\nabla_x \lVert Ax - b\rVert^2$ (an $n$-vector, in matrix form).", matrix("least_squares")),
            part("c", r"Give the gradient of $\log\sum_{i=1}^n e^{x_i}$ in $x \in \mathbb{R}^n$ (in vector form).",
                 matrix("log_sum_exp")),
        ],
        notes="The finite-difference checks in numpy are not graded.",
    ),
    problem(
        SEED, "2.2", exercise="2.2", title="Directional derivatives of an elliptic bowl",
        statement=r"Let $f(x_1, x_2) = x_1^2 + 4x_2^2$ and recall $D_v f = \nabla f^\top v$. Work at the point $(1, 1)$.",
        variables=["x_1", "x_2"],
        defines=["f(x_1, x_2) = x_1^2 + 4x_2^2"],
        parts=[
            part("a", r"Compute $\nabla f(1, 1)$.", gradient("x_1^2 + 4x_2^2", "x_1,x_2", point=["1", "1"])),
            part("b", r"Compute $D_v f(1, 1)$ for the unit vector $v = (1, 1)/\sqrt{2}$.",
                 directional("x_1^2 + 4x_2^2", "x_1,x_2", direction=["1/sqrt(2)", "1/sqrt(2)"], point=["1", "1"]),
                 defines=[r"v = \frac{1}{\sqrt{2}}\begin{pmatrix} 1 \\ 1 \end{pmatrix}"]),
            part("c-direction", r"Which unit vector $v^*$ makes $D_v f(1, 1)$ as large as possible?",
                 steepest("x_1^2 + 4x_2^2", "x_1,x_2", point=["1", "1"], pick=_steepest_direction), label="c"),
            part("c-max", r"What is that largest directional derivative?",
                 steepest("x_1^2 + 4x_2^2", "x_1,x_2", point=["1", "1"], pick=_steepest_rate, kind="number"), label="c"),
            part("d", r"Give the set of unit vectors $v_0$ with $D_{v_0} f(1, 1) = 0$ (they are tangent to the level "
                      r"curve through $(1, 1)$).",
                 steepest("x_1^2 + 4x_2^2", "x_1,x_2", point=["1", "1"], pick=_zero_directions, kind="set")),
        ],
        notes="The geometric interpretation in (d) is prose; the directions are graded.",
    ),
    problem(
        SEED, "2.3", exercise="2.3", title="Gradient of softmax cross-entropy",
        statement=r"For logits $z \in \mathbb{R}^K$ and a one-hot target $y$, the loss is "
                  r"$\mathcal{L}(z) = -\sum_k y_k \log\big(e^{z_k}/\sum_j e^{z_j}\big)$. Show that its gradient is "
                  r"$\operatorname{softmax}(z) - y$.",
        parts=[part("a", r"Give $\partial\mathcal{L}/\partial z$ as a vector.", matrix("cross_entropy"))],
        notes="(b) is prose about exponential families and (c) an implementation; neither is graded.",
    ),
    problem(
        SEED, "2.4", exercise="2.4", title="Hessian of regularised logistic regression",
        statement=r"Take the $L_2$-regularised logistic regression loss in the form "
                  r"$\mathcal{L}(\theta) = \sum_{i=1}^N \big[\log(1 + e^{x_i^\top\theta}) - y_i x_i^\top\theta\big] "
                  r"+ \frac{\lambda}{2}\lVert\theta\rVert^2$ with labels $y_i \in \{0, 1\}$ and the $x_i^\top$ as the "
                  r"rows of $X \in \mathbb{R}^{N\times n}$ (the seed refers to a section of its chapter for the loss; "
                  r"this form is assumed here).",
        variables=["X:matrix(N,n)", "theta:vector(n)", "lambda:positive", "w_1", "w_2", "a_1", "a_2", "y"],
        parts=[
            part("a", r"Compute $H = \nabla^2\mathcal{L}(\theta)$ in matrix form, writing $\sigma'$ for the derivative "
                      r"of the logistic sigmoid applied entrywise.", matrix("logistic_hessian")),
            part("b", r"With two features and the label written $y = \pm 1$, one example's data term is "
                      r"$\ell(w) = \log\big(1 + e^{-y(w_1 a_1 + w_2 a_2)}\big)$ for weights $w$ and features $a$ in "
                      r"$\mathbb{R}^2$. Is $\ell$ convex, concave or neither in $w$?",
                 convexity("log(1 + exp(-y (w_1 a_1 + w_2 a_2)))", "w_1,w_2")),
        ],
        notes="(b) core only: the data term's Hessian is PSD; lambda > 0 then makes H positive definite "
              "(that step, and the experiment in (c), are not graded).",
    ),
    problem(
        SEED, "2.5", exercise="2.5", title="Jacobian of a sigmoid layer",
        statement=r"Let $f(x) = A\,\sigma(Bx)$ with the entrywise logistic sigmoid $\sigma$, $A \in \mathbb{R}^{p\times q}$, "
                  r"$B \in \mathbb{R}^{q\times n}$ and $x \in \mathbb{R}^n$.",
        variables=["p:integer,positive", "n:integer,positive"],
        parts=[
            part("a", r"Give the Jacobian $J = \partial f/\partial x$ in terms of $A$, $B$ and a diagonal matrix of "
                      r"$\sigma'$ values.", matrix("layer_jacobian")),
            part("b", r"Give the dimensions of $J$ as (rows, columns).",
                 Recipe("matrix_example", "layer_jacobian", kind="tuple", pick=_shape)),
        ],
        notes="The comparison with torch.autograd in (c) is not graded.",
    ),
    problem(
        SEED, "2.6", exercise="2.6", title="Forward and backward pass through a small graph",
        statement=r"Let $f(x, y, z) = \dfrac{xy + \sin z}{1 + e^{-x}}$, evaluated at $x = 1$, $y = 2$, $z = \pi/4$.",
        variables=["x", "y", "z"],
        parts=[
            part("b", r"Forward pass: what value does the output node take at $(1, 2, \pi/4)$?",
                 graph(r"\frac{xy + \sin(z)}{1 + e^{-x}}", "x,y,z", point=["1", "2", "pi/4"], pick=_forward_value,
                       kind="number")),
            part("c", r"Backward pass: give $(\partial f/\partial x, \partial f/\partial y, \partial f/\partial z)$ at "
                      r"$(1, 2, \pi/4)$.",
                 graph(r"\frac{xy + \sin(z)}{1 + e^{-x}}", "x,y,z", point=["1", "2", "pi/4"])),
        ],
        notes="Drawing the graph (a) and the numerical check (d) are not graded.",
    ),
    problem(
        SEED, "2.7", exercise="2.7", title="Cost of forward and reverse mode",
        statement=r"Let $f: \mathbb{R}^n \to \mathbb{R}^m$. Forward mode gives one Jacobian column per pass (a JVP); "
                  r"reverse mode gives one row per pass (a VJP).",
        variables=["n:integer,positive", "m:integer,positive"],
        parts=[
            part("a-forward", r"How many forward-mode passes give the full Jacobian?",
                 evaluate("n", note="one JVP per input direction e_1, ..., e_n", kind="count"), label="a"),
            part("a-reverse", r"How many reverse-mode passes give the full Jacobian?",
                 evaluate("m", note="one VJP per output direction e_1, ..., e_m", kind="count"), label="a"),
            part("b", r"For $n = 10^6$ parameters and a scalar loss ($m = 1$), what is the ratio of forward-mode to "
                      r"reverse-mode cost (counting passes)?",
                 evaluate("10^6/1", note="n passes forward against m passes backward")),
        ],
        notes="The implementation (c) and the scenario (d) are not graded.",
    ),
    problem(
        SEED, "2.8", exercise="2.8", title="Convex, concave or neither",
        statement=r"Classify each function as convex, concave or neither, by the eigenvalues of its Hessian.",
        variables=["x_1", "x_2", "x_3"],
        parts=[
            part("a", r"$f(x_1, x_2) = x_1^2 + x_2^2 + x_1 x_2$", convexity("x_1^2 + x_2^2 + x_1 x_2", "x_1,x_2")),
            part("b", r"$f(x_1, x_2) = e^{x_1 + 2x_2}$", convexity("exp(x_1 + 2x_2)", "x_1,x_2")),
            part("c", r"$f(x_1, x_2) = x_1 x_2$", convexity("x_1 x_2", "x_1,x_2")),
            part("d", r"$f(x) = \max(x_1, \ldots, x_n)$",
                 stated(derive.CONVEX, note="a pointwise maximum of linear (hence convex) functions is convex; "
                                                   "the Hessian test does not apply at the kinks", kind="classification")),
        ],
    ),
    problem(
        SEED, "2.9", exercise="2.9", title="Optimal step size and condition number",
        statement=r"Gradient descent on $f(x) = \frac12 x^\top A x$ with the step $\eta = 2/(\lambda_{\max} + \lambda_{\min})$. "
                  r"Take $A = \operatorname{diag}(1, \kappa)$, so $\lambda_{\min} = 1$ and $\lambda_{\max} = \kappa$.",
        variables=["kappa:interval(1,oo)"],
        parts=[
            part("a", r"Give $\eta$ for $\kappa = 1$ ($A = I$).",
                 evaluate("2/(1 + 1)", note="eta = 2/(lambda_max + lambda_min) with both eigenvalues 1")),
            part("b", r"Give $\eta$ for $\kappa = 10$.", evaluate("2/(10 + 1)", note="eta = 2/(lambda_max + lambda_min)")),
            part("c", r"Give $\eta$ for $\kappa = 100$.", evaluate("2/(100 + 1)", note="eta = 2/(lambda_max + lambda_min)")),
            part("d", r"Give $\eta$ for $\kappa = 1000$.", evaluate("2/(1000 + 1)", note="eta = 2/(lambda_max + lambda_min)")),
            part("rate", r"With this $\eta$, each step multiplies the error along either eigenvector by at most "
                         r"$\max_i |1 - \eta\lambda_i|$. Give this factor as a function of $\kappa$.",
                 evaluate("1 - 2/(kappa + 1)",
                          note="|1 - eta lambda_min| = |1 - eta lambda_max| = 1 - 2/(kappa + 1) at eta = 2/(kappa + 1), "
                               "kappa >= 1", kind="expression"),
                 defines=[r"\eta = \frac{2}{\kappa + 1}"]),
        ],
        notes="Core only: the runs, plots and the paragraph are not graded.",
    ),
    problem(
        SEED, "2.10", exercise="2.10", title="Convexity of the logistic loss by composition",
        statement=r"The logistic loss is a sum of terms $g(u_i)$ with $g(u) = \log(1 + e^{u})$ and "
                  r"$u_i = -y_i\theta^\top x_i$ affine in $\theta$. The composition rule needs $g$ convex and non-decreasing.",
        variables=["u"],
        defines=[r"g(u) = \log(1 + e^{u})"],
        parts=[
            part("c-slope", r"Compute $g'(u)$ (it is positive, so $g$ is increasing).", derivative("log(1 + exp(u))", "u"),
                 label="c"),
            part("c", r"Compute $g''(u)$ (it is positive, so $g$ is convex).",
                 Recipe("mixed_partial", "log(1 + exp(u))", ["u", "u"])),
        ],
        notes="Core only: the proofs (a), (b) and the composition argument in (c) are not graded.",
    ),
    problem(
        SEED, "2.11", exercise="2.11", title="Iterations for gradient descent on a strongly convex function",
        statement=r"For a $\mu$-strongly convex, $L$-smooth $f$, gradient descent with $\eta = 1/L$ satisfies "
                  r"$f(\theta_t) - f^* \le \frac{L}{2}(1 - 1/\kappa)^t R^2$ with $\kappa = L/\mu$ and "
                  r"$R = \lVert\theta_0 - \theta^*\rVert$.",
        variables=["kappa:interval(1,oo)", "L:positive", "R:positive", "epsilon:positive", "mu:positive"],
        defines=[r"\kappa = L/\mu"],
        parts=[
            part("d", r"Using $(1 - 1/\kappa)^t \le e^{-t/\kappa}$, how many iterations $t$ make the bound "
                      r"$\frac{L}{2}e^{-t/\kappa}R^2$ equal to $\epsilon$?",
                 evaluate("kappa log(L R^2/(2 epsilon))", note="solve (L/2) e^(-t/κ) R² = ε for t",
                          kind="expression")),
        ],
        notes="Core only: the proofs (a)-(c) are not graded.",
    ),
    problem(
        SEED, "2.16", exercise="2.16", title="Weight decay inside Adam",
        statement=r"Adam with $L_2$ regularisation adds $\lambda\theta$ to the gradient $g$ of each parameter $\theta$ "
                  r"(one coordinate $j$; the index is dropped). Ignore the momentum average of that term and hold "
                  r"$\hat v$ fixed: the step on $\theta$ is $\eta(g + \lambda\theta)/(\sqrt{\hat v} + \epsilon)$. "
                  r"AdamW instead subtracts $\eta\lambda\theta$.",
        variables=["eta:positive", "g", "lambda:positive", "theta", "vhat:positive", "epsilon:positive"],
        parts=[
            part("a", r"Give the effective decay rate of Adam + $L_2$: the derivative of the step in $\theta$.",
                 derivative("eta (g + lambda theta)/(sqrt(vhat) + epsilon)", "theta")),
        ],
        notes="Core only: the experiments (b) and the plot (c) are not graded.",
    ),
    problem(
        SEED, "2.18", exercise="2.18", title="Newton's method on a quadratic",
        statement=r"Newton's method with backtracking starts with the unit step, which Armijo accepts on a "
                  r"positive-definite quadratic.",
        parts=[
            part("a", r"How many Newton iterations reach the minimiser of a positive-definite quadratic exactly?",
                 evaluate("1", note="x - H^{-1}(H x - b) = H^{-1} b, the minimiser, after one step", kind="count")),
        ],
        notes="The counts for gradient descent and Adam depend on the random instance and are not graded.",
    ),
    problem(
        SEED, "2.26", exercise="2.26", title="The inner step of sharpness-aware minimisation",
        statement=r"To first order, $\mathcal{L}(\theta + \epsilon) \approx \mathcal{L}(\theta) + g^\top\epsilon$ with "
                  r"$g = \nabla\mathcal{L}(\theta)$. Take $g = (g_1, g_2)$ and maximise over $\lVert\epsilon\rVert \le \rho$.",
        variables=["e_1", "e_2", "g_1", "g_2", "rho:positive"],
        defines=[r"g = \begin{pmatrix} g_1 \\ g_2 \end{pmatrix}"],
        parts=[
            part("a", r"Give the maximiser $\epsilon^* = (\epsilon_1, \epsilon_2)$ of $g_1\epsilon_1 + g_2\epsilon_2$ over "
                      r"the disc $\epsilon_1^2 + \epsilon_2^2 \le \rho^2$.",
                 steepest("g_1 e_1 + g_2 e_2", "e_1,e_2", point=["0", "0"], pick=_scaled_by_rho)),
        ],
        notes="Core only: implementing SAM and the experiments (b)-(d) are not graded.",
    ),
]
