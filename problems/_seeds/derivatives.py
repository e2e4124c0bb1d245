"""Seed 002: the "Derivatives and Differentiation" exercises notebook (10 exercises with
reference solutions in code).

Each exercise is restated; its reference is derived by ``derive``. Helpers below only pick a
value out of a derivation (a derivative at a point, the candidates of a table, the verdict
of the second-derivative test), never compute a result themselves.
"""

from __future__ import annotations

import sympy
from sympy import FiniteSet, MatrixSymbol, OneMatrix, Symbol

import derive

from .._define import (
    Recipe,
    Seed,
    classify_critical,
    critical,
    derivative,
    extrema,
    gradient,
    implicit,
    mean_value,
    part,
    problem,
)

SEED = Seed("002_e2c7e688e5885145.txt", prefix="derivatives")


# -- picks: read one value out of a derivation -------------------------------------------------

def derivative_at(expr: str, wrt: str, value: str) -> Recipe:
    """f'(value): the one-variable gradient at a point, read as a number."""
    return Recipe("gradient", expr, wrt, {"point": [value]}, kind="number", pick=lambda d: d.result[0])


def _step(derivation: derive.Derivation, rule: str) -> derive.Step:
    for step in derivation.walk():
        if step.rule.startswith(rule):
            return step
    raise derive.DerivationError(f"the derivation has no step {rule!r}")


def _kkt_points(derivation: derive.Derivation) -> sympy.Basic:
    """Every KKT point (not only the optimum): the stationary points on the constraint."""
    return FiniteSet(*_step(derivation, "complementary slackness").after)


def _second_derivative_verdict(derivation: derive.Derivation) -> derive.Derivation:
    """What the second-derivative test alone says at the (only) critical point: f'' there, and
    the conclusion in words."""
    test = _step(derivation, "second-derivative test")
    value = test.after
    verdict = derive.LOCAL_MIN if value.is_positive else (derive.LOCAL_MAX if value.is_negative else derive.INCONCLUSIVE)
    words = {derive.LOCAL_MIN: ": f'' > 0, so a", derive.LOCAL_MAX: ": f'' < 0, so a"}.get(
        verdict, ": f'' = 0, so the test is")
    at = sympy.Eq(test.before.variables[0], test.before.point[0], evaluate=False)  # test.before is f''(x) at x = p
    conclusion = derive.Step("the second-derivative test alone", at, verdict, substeps=(test,), connective=words)
    second = _step(derivation, "second derivative")
    return derive.Derivation(verdict, (second, conclusion), title="second-derivative test",
                             statement=derivation.statement)


def _candidates(derivation: derive.Derivation) -> tuple:
    return tuple(_step(derivation, "evaluate f at the candidates").after)


def _extreme_value(which):
    return lambda d: which(value for _, value in _candidates(d))


def _extreme_points(which):
    def pick(derivation: derive.Derivation) -> sympy.Basic:
        best = which(value for _, value in _candidates(derivation))
        return FiniteSet(*(point for point, value in _candidates(derivation) if value == best))
    return pick


def _secant_slope(derivation: derive.Derivation) -> sympy.Basic:
    return _step(derivation, "slope of the secant").after


# -- exercise 10: a one-hidden-layer tanh network in matrix form -------------------------------

_m, _n = (Symbol(name, integer=True, positive=True) for name in ("m", "n"))
_W, _x = MatrixSymbol("W", _m, _n), MatrixSymbol("x", _n, 1)
_b, _v = MatrixSymbol("b", _m, 1), MatrixSymbol("v", _m, 1)
_c, _y = Symbol("c", real=True), Symbol("y", real=True)
_HIDDEN = derive.elementwise("tanh", _W * _x + _b)
_RESIDUAL = _v.T * _HIDDEN + (_c - _y) * OneMatrix(1, 1)
_TANH_LOSS = derive.SquaredNorm(_RESIDUAL) / 2
_TANH_VARIABLES = ["W:matrix(m,n)", "x:vector(n)", "b:vector(m)", "v:vector(m)", "c", "y", "u"]

_NETWORK = r"\tfrac12\big(\sigma(w_2\,\sigma(w_1 x + b_1) + b_2) - y\big)^2"

PROBLEMS = [
    problem(
        SEED, "1", exercise="1", title="Power, product and quotient rules",
        statement=r"Differentiate $f(x) = 3x^4 - 2x^2 + 7x - 1$, $g(x) = \sqrt{x}\,e^x$ (with the product rule) and "
                  r"$h(x) = \frac{x^2 + 1}{x - 1}$ for $x \ne 1$ (with the quotient rule). Here $x > 0$.",
        variables=["x:positive"],
        defines=["f(x) = 3x^4 - 2x^2 + 7x - 1", r"g(x) = \sqrt{x}\,e^x", r"h(x) = \frac{x^2 + 1}{x - 1}"],
        parts=[
            part("a", r"Compute $f'(x)$ for $f(x) = 3x^4 - 2x^2 + 7x - 1$.", derivative("3x^4 - 2x^2 + 7x - 1", "x")),
            part("a-value", r"Evaluate $f'(2)$.", derivative_at("3x^4 - 2x^2 + 7x - 1", "x", "2")),
            part("b", r"Compute $g'(x)$ for $g(x) = \sqrt{x}\,e^x$.", derivative(r"\sqrt{x} e^x", "x")),
            part("c", r"Compute $h'(x)$ for $h(x) = \frac{x^2+1}{x-1}$.", derivative(r"\frac{x^2 + 1}{x - 1}", "x")),
        ],
        notes="The comparison with centred differences is a numerical check and is not graded.",
    ),
    problem(
        SEED, "2", exercise="2", title="Chain rule on four compositions",
        statement=r"Differentiate, naming the outer and inner function each time: $p(x) = \sin(x^3)$, "
                  r"$q(x) = \ln(\cos x)$ on $0 < x < \pi/2$, the Gaussian kernel $r(x) = e^{-x^2/2}$ and "
                  r"$s(x) = (1 + x^2)^{10}$.",
        variables=["x"],
        defines=[r"p(x) = \sin(x^3)", r"q(x) = \ln(\cos x)", r"r(x) = e^{-x^2/2}", r"s(x) = (1 + x^2)^{10}"],
        parts=[
            part("a", r"Compute $p'(x)$ for $p(x) = \sin(x^3)$.", derivative(r"\sin(x^3)", "x")),
            part("b", r"Compute $q'(x)$ for $q(x) = \ln(\cos x)$, $0 < x < \pi/2$.", derivative(r"\ln(\cos x)", "x"),
                 domains=["x:interval(0,pi/2)"]),
            part("c", r"Compute $r'(x)$ for $r(x) = e^{-x^2/2}$.", derivative(r"e^{-x^2/2}", "x")),
            part("d", r"Compute $s'(x)$ for $s(x) = (1 + x^2)^{10}$.", derivative(r"(1 + x^2)^{10}", "x")),
        ],
        notes="Naming the outer and inner functions is prose; the numerical comparison is not graded.",
    ),
    problem(
        SEED, "3", exercise="3", title="Implicit differentiation on an ellipse",
        statement=r"The ellipse $\frac{x^2}{4} + \frac{y^2}{9} = 1$ defines $y$ implicitly as a function of $x$. "
                  r"Find $dy/dx$, the slope of the tangent at $(1, \tfrac{3\sqrt3}{2})$, and every point of the "
                  r"ellipse where the tangent is horizontal.",
        variables=["x", "y"],
        parts=[
            part("a", r"Differentiate the equation implicitly: give $dy/dx$ in terms of $x$ and $y$.",
                 implicit(r"\frac{x^2}{4} + \frac{y^2}{9} = 1", "x,y")),
            part("b", r"Give the slope of the tangent line at $(1, \tfrac{3\sqrt3}{2})$.",
                 implicit(r"\frac{x^2}{4} + \frac{y^2}{9} = 1", "x,y", point=["1", r"\frac{3\sqrt{3}}{2}"]),
                 kind="number"),
            part("d", r"Give the set of all points $(x, y)$ of the ellipse with a horizontal tangent.",
                 Recipe("kkt", "y", "x,y", {"inequalities": [], "equalities": [r"\frac{x^2}{4} + \frac{y^2}{9} - 1"]},
                        kind="set", pick=_kkt_points)),
        ],
        notes="(c), the comparison with a finite difference of the explicit upper branch, is a numerical check. "
              "(d) is derived as the stationary points of y on the ellipse (Lagrange conditions), which is where "
              "F_x = 0, i.e. dy/dx = 0.",
    ),
    problem(
        SEED, "4", exercise="4", title="Derivatives of the sigmoid and tanh",
        statement=r"For the logistic sigmoid $\sigma(x) = \frac{1}{1 + e^{-x}}$, derive $\sigma'$ with the quotient rule "
                  r"and evaluate it; derive $\tanh'$; then quantify how the product of $L$ sigmoid derivatives behaves "
                  r"when every pre-activation is $z = 2$.",
        variables=["x", "L:integer,positive"],
        parts=[
            part("a", r"Compute $\sigma'(x)$ from $\sigma(x) = \frac{1}{1 + e^{-x}}$ and write it in terms of $\sigma(x)$.",
                 derivative(r"\frac{1}{1 + e^{-x}}", "x")),
            part("b", r"Evaluate $\sigma'(0)$ (the largest value of $\sigma'$).", derivative_at(r"\frac{1}{1 + e^{-x}}", "x", "0")),
            part("b-3", r"Evaluate $\sigma'(3)$ exactly.", derivative_at(r"\frac{1}{1 + e^{-x}}", "x", "3"),
                 exact=True),
            part("b-minus3", r"Evaluate $\sigma'(-3)$ exactly.", derivative_at(r"\frac{1}{1 + e^{-x}}", "x", "-3"),
                 exact=True),
            part("c", r"Compute $\frac{d}{dx}\tanh x$ in terms of $\tanh x$.", derivative(r"\tanh x", "x")),
            part("d-sigma", r"Evaluate $\sigma'(2)$ exactly.", derivative_at(r"\sigma(x)", "x", "2"), exact=True),
            part("d", r"Give the product $\prod_{l=1}^{L} \sigma'(z)$ at $z = 2$ as a function of the depth $L$.",
                 Recipe("gradient", r"\sigma(x)", "x", {"point": ["2"]}, kind="expression",
                        pick=lambda d: d.result[0] ** Symbol("L", integer=True, positive=True))),
        ],
        notes="The explanation of the vanishing gradient is prose. (d) raises the derived sigma'(2) to the power L.",
    ),
    problem(
        SEED, "5", exercise="5", title="A critical point where the second-derivative test fails",
        statement=r"Let $f(x) = x^4 - 4x^3 + 6x^2 - 4x + 1 = (x - 1)^4$. Find its critical points, apply the second- "
                  r"and first-derivative tests, and find the global extrema of $f$ on $[-1, 3]$.",
        variables=["x"],
        defines=["f(x) = x^4 - 4x^3 + 6x^2 - 4x + 1"],
        parts=[
            part("a", r"Give the set of critical points of $f$.", critical("x^4 - 4x^3 + 6x^2 - 4x + 1", "x")),
            part("b", r"What does the second-derivative test alone conclude at the critical point "
                      r"(local minimum, local maximum, or inconclusive)?",
                 Recipe("critical", "x^4 - 4x^3 + 6x^2 - 4x + 1", "x", kind="classification",
                        pick=_second_derivative_verdict)),
            part("c", r"By the first-derivative test (the sign of $f'$ on either side), what is $x = 1$?",
                 classify_critical("x^4 - 4x^3 + 6x^2 - 4x + 1", "x", at="1")),
            part("d-min", r"Give the global minimum value of $f$ on $[-1, 3]$.",
                 extrema("x^4 - 4x^3 + 6x^2 - 4x + 1", "x", interval=["-1", "3"], pick=_extreme_value(min), kind="number")),
            part("d-argmin", r"Give the set of points of $[-1, 3]$ where the global minimum is attained.",
                 extrema("x^4 - 4x^3 + 6x^2 - 4x + 1", "x", interval=["-1", "3"], pick=_extreme_points(min), kind="set")),
            part("d-max", r"Give the global maximum value of $f$ on $[-1, 3]$.",
                 extrema("x^4 - 4x^3 + 6x^2 - 4x + 1", "x", interval=["-1", "3"], pick=_extreme_value(max), kind="number")),
            part("d-argmax", r"Give the set of points of $[-1, 3]$ where the global maximum is attained.",
                 extrema("x^4 - 4x^3 + 6x^2 - 4x + 1", "x", interval=["-1", "3"], pick=_extreme_points(max), kind="set")),
        ],
        notes="(e) is a plot of f, f' and f''.",
    ),
    problem(
        SEED, "6", exercise="6", title="The mean value theorem and Lipschitz gradients",
        statement=r"For $f(x) = x^3 - x$ on $[-2, 2]$, find every $c$ that the mean value theorem guarantees. "
                  r"Then, for $g(x) = x^2$, find the smallest $L$ with $|g''(x)| \le L$ for all $x$, the Lipschitz "
                  r"constant of $g'$.",
        variables=["x"],
        defines=["f(x) = x^3 - x", "g(x) = x^2"],
        parts=[
            part("c-slope", r"Give the slope of the secant of $f$ over $[-2, 2]$.",
                 Recipe("mvt", "x^3 - x", "x", {"interval": ("-2", "2")}, kind="number", pick=_secant_slope)),
            part("c", r"Give the set of all $c \in (-2, 2)$ with $f'(c)$ equal to that slope.",
                 mean_value("x^3 - x", "x", interval=["-2", "2"])),
            part("d", r"Give the Lipschitz constant $L = \sup_x |g''(x)|$ of $g'$ for $g(x) = x^2$.",
                 Recipe("mixed_partial", "x^2", ["x", "x"], kind="number")),
        ],
        notes="(a) and (b) are proofs; in (d) only the constant is graded (g'' = 2 everywhere), not the proof.",
    ),
    problem(
        SEED, "7", exercise="7", title="An analytic derivative for gradient checking",
        statement=r"For $f(x) = x \ln(x + e^{-x})$ ($x > 0$), find $f'$ to check finite differences against; then, for "
                  r"the loss $\mathcal{L}(w) = \lVert w - w^*\rVert^2$ with $w^* = 0$, give the gradient at $w = (1, 2, 3)$.",
        variables=["x:positive", "w_1", "w_2", "w_3"],
        defines=[r"f(x) = x \ln(x + e^{-x})"],
        parts=[
            part("b", r"Compute $f'(x)$ for $f(x) = x\ln(x + e^{-x})$.", derivative(r"x \ln(x + e^{-x})", "x")),
            part("d", r"Give $\nabla\mathcal{L}$ at $w = (1, 2, 3)$ (with $w^* = 0$).",
                 gradient("w_1^2 + w_2^2 + w_3^2", "w_1,w_2,w_3", point=["1", "2", "3"])),
        ],
        notes="(a) is an implementation and (c) a floating-point experiment.",
    ),
    problem(
        SEED, "8", exercise="8", title="Backpropagation through two sigmoid layers",
        statement=r"A network computes $z_1 = w_1 x + b_1$, $a_1 = \sigma(z_1)$, $z_2 = w_2 a_1 + b_2$, "
                  r"$\hat y = \sigma(z_2)$ and the loss $\mathcal{L} = \frac12(\hat y - y)^2$. Find the gradient of "
                  r"$\mathcal{L}$ in each of the four parameters with the chain rule (answers may use $\sigma$).",
        variables=["x", "y", "w_1", "b_1", "w_2", "b_2"],
        defines=["z_1 = w_1 x + b_1", r"a_1 = \sigma(z_1)", "z_2 = w_2 a_1 + b_2", r"\hat y = \sigma(z_2)"],
        parts=[
            part("a-w2", r"Compute $\partial\mathcal{L}/\partial w_2$.", derivative(_NETWORK, "w_2")),
            part("a-b2", r"Compute $\partial\mathcal{L}/\partial b_2$.", derivative(_NETWORK, "b_2")),
            part("b-w1", r"Compute $\partial\mathcal{L}/\partial w_1$.", derivative(_NETWORK, "w_1")),
            part("b-b1", r"Compute $\partial\mathcal{L}/\partial b_1$.", derivative(_NETWORK, "b_1")),
        ],
        notes="(c), implementing the passes and checking them numerically, and (d), training for 200 steps, are "
              "experiments.",
    ),
    problem(
        SEED, "9", exercise="9", title="Binary cross-entropy in the logit",
        statement=r"For a label $y \in \{0, 1\}$ and a logit $a$, the binary cross-entropy is "
                  r"$\ell(a, y) = -y\log\sigma(a) - (1 - y)\log(1 - \sigma(a))$. Differentiate it in $a$.",
        variables=["a", "y"],
        parts=[part("grad", r"Compute $\partial\ell/\partial a$.",
                    derivative(r"-y\log\sigma(a) - (1 - y)\log(1 - \sigma(a))", "a"))],
    ),
    problem(
        SEED, "10", exercise="10", title="Backpropagation through a tanh hidden layer",
        statement=r"With $W \in \mathbb{R}^{m\times n}$, $x \in \mathbb{R}^n$, $b, v \in \mathbb{R}^m$ and scalars $c, y$, "
                  r"let $h = \tanh(Wx + b)$ (entrywise), $\hat y = v^\top h + c$ and $L = \frac12(\hat y - y)^2$. "
                  r"Find the gradient of $L$ in $v$, $c$, $W$, $b$ and $x$ (answers may use $\tanh(Wx+b)$ "
                  r"and $\tanh'(Wx+b)$, entrywise).",
        variables=_TANH_VARIABLES,
        defines=[r"h = \tanh(Wx + b)", r"\hat y = v^\top h + c"],
        parts=[
            part("v", r"Give $\nabla_v L$.", Recipe("matrix_gradient", _TANH_LOSS, "v", kind="matrix-expression")),
            part("c", r"Give $\partial L/\partial c$ in terms of $u = v^\top h$, $c$ and $y$.",
                 derivative(r"\frac12(u + c - y)^2", "c"), defines=[r"u = v^\top h"]),
            part("W", r"Give $\nabla_W L$ (an $m\times n$ matrix).",
                 Recipe("matrix_gradient", _TANH_LOSS, "W", kind="matrix-expression")),
            part("b", r"Give $\nabla_b L$.", Recipe("matrix_gradient", _TANH_LOSS, "b", kind="matrix-expression")),
            part("x", r"Give $\nabla_x L$.", Recipe("matrix_gradient", _TANH_LOSS, "x", kind="matrix-expression")),
        ],
        notes="The finite-difference check of one entry of the W gradient is a numerical check. The part in c "
              "is asked in terms of the scalar u = v^T h (a scalar with a trace of symbolic matrices cannot be "
              "compared numerically yet).",
    ),
]
