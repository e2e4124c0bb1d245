"""Fisher information of a one-dimensional Gaussian in the (mu, sigma^2) parametrisation."""

from __future__ import annotations

import sympy
from sympy import Eq, ImmutableMatrix, Symbol

from ._partials import gradient_steps
from ._second_order import hessian
from ._steps import Derivation, Step

__all__ = ["gaussian_fisher_information"]


def _expectation(expr: sympy.Expr, x: Symbol, mu: Symbol, variance: Symbol) -> sympy.Expr:
    """E[expr] for x ~ N(mu, variance): expand in e = x - mu, use E[e] = 0, E[e^2] = variance."""
    e = sympy.Dummy("e")
    polynomial = sympy.Poly(sympy.expand(expr.subs(x, mu + e)), e)
    moments = {0: 1, 1: 0, 2: variance, 3: 0, 4: 3 * variance**2}
    return sympy.simplify(sum(c * moments[k] for (k,), c in polynomial.terms()))


def gaussian_fisher_information() -> Derivation:
    """Worked Fisher information of N(mu, sigma^2) with parameters (mu, v = sigma^2):
    log-likelihood, score, Hessian, F = -E[Hessian] = diag(1/sigma^2, 1/(2 sigma^4)).

    >>> gaussian_fisher_information().result
    Matrix([
    [sigma**(-2),               0],
    [          0, 1/(2*sigma**4)]])
    """
    x, mu = Symbol("x", real=True), Symbol("mu", real=True)
    v, sigma = Symbol("v", positive=True), Symbol("sigma", positive=True)
    log_likelihood = -sympy.log(2 * sympy.pi * v) / 2 - (x - mu) ** 2 / (2 * v)
    score_steps, score = gradient_steps(log_likelihood, (mu, v))
    worked_hessian = hessian(log_likelihood, (mu, v))
    expected = ImmutableMatrix(worked_hessian.result.applyfunc(lambda h: _expectation(h, x, mu, v)))
    fisher = ImmutableMatrix(-expected)
    in_sigma = ImmutableMatrix(fisher.subs(v, sigma**2))
    steps = (
        Step("log-likelihood", Symbol("log p"), log_likelihood, definitions=(Eq(v, sigma**2, evaluate=False),)),
        Step("score (gradient in (mu, v))", score, score, substeps=score_steps),
        Step("Hessian of the log-likelihood", worked_hessian.result, worked_hessian.result, substeps=worked_hessian.steps),
        Step("expectation", worked_hessian.result, expected, note="E[x - mu] = 0, E[(x - mu)^2] = v"),
        Step("Fisher information F = -E[H]", -expected, fisher),
        Step("substitute v = sigma^2", fisher, in_sigma),
    )
    return Derivation(in_sigma, steps, title="Fisher information of a Gaussian (mu, sigma^2)")
