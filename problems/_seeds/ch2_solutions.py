"""Seed 000: worked solutions for a "Calculus & Optimization" chapter 2.

The seed prints each solution under the heading "Solution" with no number, so each
exercise is cited by its position ("Solution 3"); the exercise itself is inferred from
its solution and restated here.
"""

from __future__ import annotations

from .._define import Seed, classify_critical, critical, derivative, evaluate, graph, matrix, part, problem, stated

SEED = Seed("000_746bba72c1f495df.txt", prefix="ch2-solutions")

PROBLEMS = [
    problem(
        SEED, "1", exercise="Solution 1", title="Critical points of a cubic",
        statement=r"Let $f(x) = x^3 - 5x^2 + 3x$ (any added constant changes nothing). Find $f'$, the critical points "
                  r"of $f$, and classify each one.",
        variables=["x"],
        defines=["f(x) = x^3 - 5x^2 + 3x"],
        parts=[
            part("fprime", r"Compute $f'(x)$.", derivative("x^3 - 5x^2 + 3x", "x")),
            part("crit", r"Find the set of critical points of $f$.", critical("x^3 - 5x^2 + 3x", "x")),
            part("classify-1/3", r"Is $x = 1/3$ a local minimum, a local maximum, or neither?",
                 classify_critical("x^3 - 5x^2 + 3x", "x", at="1/3")),
            part("classify-3", r"Is $x = 3$ a local minimum, a local maximum, or neither?",
                 classify_critical("x^3 - 5x^2 + 3x", "x", at="3")),
        ],
    ),
    problem(
        SEED, "2", exercise="Solution 2", title="Chain rule through three layers",
        statement=r"Differentiate $g(x) = e^{\sin(x^2)}$, naming each layer of the composition.",
        variables=["x"],
        defines=[r"g(x) = e^{\sin(x^2)}"],
        parts=[part("deriv", r"Compute $g'(x)$.", derivative("exp(sin(x^2))", "x"))],
    ),
    problem(
        SEED, "3", exercise="Solution 3", title="Partial derivatives and a gradient",
        statement=r"Let $f(x, y) = x^2 y + y^3$. Find both partial derivatives and the gradient at $(2, 1)$.",
        variables=["x", "y"],
        defines=["f(x, y) = x^2 y + y^3"],
        parts=[
            part("x", r"Compute $\partial f/\partial x$.", derivative("x^2 y + y^3", "x")),
            part("y", r"Compute $\partial f/\partial y$.", derivative("x^2 y + y^3", "y")),
            part("grad", r"Compute $\nabla f(2, 1)$.", graph("x^2 y + y^3", "x,y", point=["2", "1"])),
        ],
    ),
    problem(
        SEED, "4", exercise="Solution 4", title="Log-sigmoid through the chain rule",
        statement=r"Let $z = \log \sigma(wx + b)$ with the logistic sigmoid $\sigma$. Differentiate $z$ with respect to $w$.",
        variables=["w", "x", "b"],
        defines=[r"z = \log\sigma(wx + b)"],
        parts=[part("w", r"Compute $\partial z/\partial w$.", derivative(r"\log\sigma(wx + b)", "w"))],
    ),
    problem(
        SEED, "5", exercise="Solution 5", title="Two paths through a graph",
        statement=r"Let $p = a + b$, $q = a - b$ and $f = pq$. Find the partial derivatives of $f$ in $a$ and $b$ "
                  r"(through the graph, or after simplifying $f$).",
        variables=["a", "b"],
        defines=["p = a + b", "q = a - b", "f = pq"],
        parts=[
            part("a", r"Compute $\partial f/\partial a$.", derivative("(a + b)(a - b)", "a")),
            part("b", r"Compute $\partial f/\partial b$.", derivative("(a + b)(a - b)", "b")),
        ],
    ),
    problem(
        SEED, "6", exercise="Solution 6", title="Adam is invariant to gradient scale",
        statement=r"If every gradient is multiplied by $c > 0$, Adam's moment estimates become $c\hat m$ and "
                  r"$c^2\hat v$. Ignoring $\epsilon$, simplify the resulting step $\eta\, c\hat m/\sqrt{c^2 \hat v}$.",
        variables=["eta", "mhat", "c:positive", "vhat:positive"],
        parts=[part("update", r"Simplify $\eta\, c\hat m / \sqrt{c^2\hat v}$.",
                    evaluate("eta*c*mhat/sqrt(c^2*vhat)", note="simplify the scaled Adam step", kind="expression"))],
        notes="Core only: the prose about robustness to loss scaling is not checkable.",
    ),
    problem(
        SEED, "7", exercise="Solution 7", title="Least-squares gradient in the weights",
        statement=r"For $L = \frac{1}{N}\lVert Wx - y\rVert^2$ with $W \in \mathbb{R}^{m\times n}$, $x \in \mathbb{R}^n$ and "
                  r"$y \in \mathbb{R}^m$, find $\partial L/\partial W$.",
        variables=["W:matrix(m,n)", "x:vector(n)", "y:vector(m)", "N:integer,positive"],
        parts=[part("W", r"Compute $\partial L/\partial W$ (an $m \times n$ matrix).", matrix("mse_weights"))],
    ),
    problem(
        SEED, "8", exercise="Solution 8", title="Why sigmoid gradients vanish",
        statement=r"The logistic derivative is $\sigma'(z) = \sigma(z)(1 - \sigma(z))$; ReLU's derivative is 1 for positive "
                  r"inputs. Quantify how gradients shrink through $L$ sigmoid layers.",
        variables=["L:integer,positive"],
        parts=[
            part("max", r"What is the largest value of $\sigma'(z)$?",
                 evaluate("sigmoid(0)*(1 - sigmoid(0))", note="sigma' is largest where sigma = 1/2, at z = 0")),
            part("bound", r"Bound the product of $L$ sigmoid derivatives from above.",
                 evaluate("(1/4)^L", note="each factor is at most 1/4", kind="expression")),
            part("relu", r"What is the derivative of ReLU at a positive input?",
                 evaluate("1", note="ReLU(z) = z for z > 0")),
        ],
        notes="Core only: the explanation of vanishing gradients is prose.",
    ),
    problem(
        SEED, "9", exercise="Solution 9", title="Decoupled weight decay with no gradient",
        statement=r"With zero gradient, decoupled weight decay updates $w_{t+1} = (1 - \eta\lambda) w_t$. Give $w_T$ in terms of $w_0$.",
        variables=["w_0", "eta:positive", "lambda:positive", "T:integer,nonnegative"],
        parts=[part("wT", r"Give $w_T$.", stated("w_0 (1 - eta lambda)^T", note="unroll the recurrence T times"))],
    ),
    problem(
        SEED, "10", exercise="Solution 10", title="Backward pass through u = ab, v = u + c, L = v^2",
        statement=r"With $u = ab$, $v = u + c$ and $L = v^2$, find the gradient of $L$ in $a$, $b$ and $c$.",
        variables=["a", "b", "c"],
        defines=["u = ab", "v = u + c"],
        parts=[
            part("a", r"Compute $\partial L/\partial a$.", derivative("(a b + c)^2", "a")),
            part("b", r"Compute $\partial L/\partial b$.", derivative("(a b + c)^2", "b")),
            part("c", r"Compute $\partial L/\partial c$.", derivative("(a b + c)^2", "c")),
        ],
    ),
    problem(
        SEED, "11", exercise="Solution 11", title="The softmax Jacobian",
        statement=r"For $s = \operatorname{softmax}(x)$ with $x \in \mathbb{R}^n$, give the Jacobian $\partial s/\partial x$ in matrix form.",
        variables=["x:vector(n)"],
        defines=[r"s = \operatorname{softmax}(x)"],
        parts=[part("J", r"Give $J = \partial s / \partial x$.", matrix("softmax_jacobian"))],
        notes="The finite-difference comparison in the seed is an experiment and is not checked.",
    ),
    problem(
        SEED, "12", exercise="Solution 12", title="Local gradients of an autograd engine",
        statement=r"Give the local derivative each operation passes back: $x^p$ in $x$, $\log x$ in $x$, $\tanh x$ in $x$.",
        variables=["x:positive", "p"],
        parts=[
            part("pow", r"Compute $\frac{d}{dx} x^p$.", derivative("x^p", "x")),
            part("log", r"Compute $\frac{d}{dx} \log x$.", derivative("log(x)", "x")),
            part("tanh", r"Compute $\frac{d}{dx} \tanh x$.", derivative("tanh(x)", "x")),
        ],
        notes="Building the engine itself is not checkable.",
    ),
    problem(
        SEED, "14", exercise="Solution 14", title="Cross-entropy gradient in the logits",
        statement=r"For logits $z \in \mathbb{R}^p$ and a one-hot target $y$, let $\mathrm{CE} = -y^\top \log\operatorname{softmax}(z)$. "
                  r"Find $\partial \mathrm{CE}/\partial z$.",
        variables=["z:vector(p)", "y:vector(p)"],
        parts=[part("grad", r"Give $\partial\,\mathrm{CE}/\partial z$.", matrix("cross_entropy"))],
        notes="Matching PyTorch's F.cross_entropy is an experiment and is not checked.",
    ),
    problem(
        SEED, "16", exercise="Solution 16", title="Adam's bias-corrected update",
        statement=r"Adam keeps moments $m$ and $v$ with decay rates $\beta_1$, $\beta_2$. Give the bias-corrected moments "
                  r"after $t$ steps and the parameter after one update with step size $\eta$.",
        variables=["m", "v:positive", "beta_1:interval(0,1)", "beta_2:interval(0,1)", "t:integer,positive", "theta", "eta:positive",
                   "epsilon:positive", "mhat", "vhat:positive"],
        parts=[
            part("mhat", r"Give $\hat m$.", stated("m/(1 - beta_1^t)", note="divide by the weight the zero start leaves out")),
            part("vhat", r"Give $\hat v$.", stated("v/(1 - beta_2^t)", note="divide by the weight the zero start leaves out")),
            part("update", r"Give the updated parameter, in terms of the bias-corrected moments or of $m$ and $v$.",
                 stated("theta - eta mhat/(sqrt(vhat) + epsilon)", note="Adam's update rule"),
                 defines=[r"\hat m = \frac{m}{1 - \beta_1^t}", r"\hat v = \frac{v}{1 - \beta_2^t}"]),
        ],
        notes="Matching torch.optim.Adam is an experiment and is not checked.",
    ),
]
