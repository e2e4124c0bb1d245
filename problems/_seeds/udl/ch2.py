"""Seed 004, chapter 2: linear regression."""

from __future__ import annotations

import sympy

import derive

from ..._define import Recipe, part, problem
from ._common import LINE, LINE_LOSS, LINE_MODEL, SEED, first, verdict


def _linear_sums(expr: sympy.Basic) -> sympy.Basic:
    """Split every Sum over its terms and pull out factors free of the summation index."""
    def split(total: sympy.Sum) -> sympy.Basic:
        index = total.limits[0][0]
        result = sympy.Integer(0)
        for term in sympy.Add.make_args(sympy.expand(total.function)):
            constant, varying = term.as_independent(index, as_Add=False)
            result += constant * (sympy.Sum(varying, *total.limits).doit() if varying != 1 else
                                  sympy.Sum(1, *total.limits).doit())
        return result
    return sympy.expand(expr).replace(lambda e: isinstance(e, sympy.Sum), split)


def _normal_equations(unknown: str):
    """Solve the normal equations grad L = 0 (derived by ``derive``) for one parameter."""
    def pick(derivation: derive.Derivation) -> sympy.Basic:
        equations = [_linear_sums(e) for e in derivation.result]
        phi = {str(s): s for e in equations for s in e.free_symbols if str(s).startswith("phi_")}
        sums = sorted({s for e in equations for s in e.atoms(sympy.Sum)}, key=sympy.default_sort_key)
        stand_ins = {s: sympy.Dummy() for s in sums}
        solution = sympy.solve([e.xreplace(stand_ins) for e in equations], [phi["phi_0"], phi["phi_1"]], dict=True)[0]
        back = {v: k for k, v in stand_ins.items()}
        return sympy.factor_terms(sympy.together(solution[phi[unknown]].xreplace(back)))
    return pick


PROBLEMS = [
    problem(
        SEED, "2.1", exercise="2.1", title="Derivatives of the least-squares line loss",
        statement=r"For the line $f[x, \phi] = \phi_0 + \phi_1 x$ fitted to pairs $(x_i, y_i)$, $i = 1, \dots, I$, the "
                  r"least-squares loss is $L[\phi] = \sum_{i=1}^{I} (\phi_0 + \phi_1 x_i - y_i)^2$. Differentiate it "
                  r"with respect to each parameter.",
        variables=LINE,
        defines=[LINE_MODEL],
        parts=[
            part("phi0", r"Give $\partial L/\partial \phi_0$.", Recipe("derivative", LINE_LOSS, "phi_0")),
            part("phi1", r"Give $\partial L/\partial \phi_1$.", Recipe("derivative", LINE_LOSS, "phi_1")),
        ],
    ),
    problem(
        SEED, "2.2", exercise="2.2", title="Closed-form least-squares line",
        statement=r"Set both derivatives of $L[\phi] = \sum_{i=1}^{I} (\phi_0 + \phi_1 x_i - y_i)^2$ to zero and solve "
                  r"the two equations for the minimising $\phi_0$ and $\phi_1$ (assume the $x_i$ are not all equal).",
        variables=LINE,
        parts=[
            part("phi0", r"Give the minimising $\phi_0$ in terms of sums over the data.",
                 Recipe("gradient", LINE_LOSS, "phi_0,phi_1", kind="expression", pick=_normal_equations("phi_0"))),
            part("phi1", r"Give the minimising $\phi_1$ in terms of sums over the data.",
                 Recipe("gradient", LINE_LOSS, "phi_0,phi_1", kind="expression", pick=_normal_equations("phi_1"))),
        ],
        notes="derive's critical-point solver returns no point for this loss (a parametric linear system), so the "
              "reference takes derive's gradient (the normal equations) and solves that linear system.",
    ),
    problem(
        SEED, "2.3", exercise="2.3*", title="Linear regression as a generative model",
        statement=r"Model the input from the output instead, $x = g[y, \phi] = \phi_0 + \phi_1 y$, fitted by least "
                  r"squares on the horizontal residuals. Invert the model to predict $y$ from a new $x$, and say "
                  r"whether it gives the same line as ordinary regression in general.",
        variables=["x", "y", "phi_0", "phi_1:nonzero"],
        defines=[r"g[y, \phi] = \phi_0 + \phi_1 y"],
        parts=[
            part("inverse", r"Give $y = g^{-1}[x, \phi]$.",
                 Recipe("kkt", "(phi_0 + phi_1 y - x)^2", "y", {"inequalities": [], "equalities": []},
                        kind="expression", pick=first)),
            part("same", r"Does this model give the same fitted line as the discriminative model for every data set? "
                         r"(yes / no)", verdict("no", note="it minimises horizontal, not vertical, residuals, so the "
                                                            "fitted lines differ unless the data lie on a line")),
        ],
        notes="The inverse is the y that makes the residual phi_0 + phi_1 y - x vanish (derive's KKT solver; its "
              "critical-point solver fails on symbolic coefficients). The loss itself is a definition.",
    ),
]
