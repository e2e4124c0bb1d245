"""KKT conditions for small problems: minimise f(x) subject to g_i(x) <= 0, h_j(x) = 0.

The complementary-slackness case split enumerates the active sets; each is a substep with
its solution and the feasibility checks that accept or reject it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations

import sympy
from sympy import Eq, Expr, Symbol, Tuple
from sympy.core.symbol import Str

from ._errors import NoSolution, UnsupportedInput
from ._partials import gradient_steps
from ._steps import Derivation, Step

__all__ = ["kkt", "as_inequality_function"]

_MAX_INEQUALITIES = 6


def as_inequality_function(constraint) -> Expr:
    """g with the constraint written g <= 0 (accepts ``a <= b``, ``a >= b`` or g itself)."""
    if isinstance(constraint, (sympy.LessThan, sympy.StrictLessThan)):
        return constraint.lhs - constraint.rhs
    if isinstance(constraint, (sympy.GreaterThan, sympy.StrictGreaterThan)):
        return constraint.rhs - constraint.lhs
    if isinstance(constraint, sympy.Basic) and constraint.is_Relational:
        raise UnsupportedInput(f"not an inequality constraint: {constraint}")
    return sympy.sympify(constraint)


def _as_equality_function(constraint) -> Expr:
    if isinstance(constraint, sympy.Equality):
        return constraint.lhs - constraint.rhs
    return sympy.sympify(constraint)


@dataclass(frozen=True)
class _Candidate:
    point: tuple[Expr, ...]
    multipliers: tuple[Expr, ...]
    accepted: bool
    reasons: tuple[sympy.Basic, ...]


def _real_value(expr: Expr) -> float | None:
    """The value of a constant expression as a float, or None when it is not real."""
    number = sympy.N(expr, 30)
    real, imaginary = number.as_real_imag()
    return float(real) if abs(imaginary) < 1e-20 else None


def _is_real_solution(solution: dict) -> bool:
    return all(_real_value(value) is not None for value in solution.values() if value.is_number)


def _check(solution: dict, variables, mus, gs) -> _Candidate:
    point = tuple(solution.get(v, v) for v in variables)
    multipliers = tuple(solution.get(m, m) for m in mus)
    checks, accepted = [], True
    for g in gs:
        value = _real_value(g.subs(solution))
        feasible = value <= 1e-12
        accepted &= feasible
        checks.append(sympy.Le(g, 0, evaluate=False) if feasible else sympy.Gt(g.subs(solution), 0, evaluate=False))
    for mu, value in zip(mus, multipliers):
        dual = _real_value(value) >= -1e-12
        accepted &= dual
        checks.append(sympy.Ge(mu, 0, evaluate=False) if dual else sympy.Lt(value, 0, evaluate=False))
    return _Candidate(point, multipliers, accepted, tuple(checks))


def _case_step(active: tuple[int, ...], equations, unknowns, variables, mus, gs) -> tuple[Step, list[_Candidate]]:
    inactive = {m: sympy.S.Zero for i, m in enumerate(mus) if i not in active}
    reduced = [e.subs(inactive) for e in equations if e.subs(inactive) != 0]
    solutions = [{**inactive, **s} for s in
                 sympy.solve(reduced, [u for u in unknowns if u not in inactive], dict=True)]
    candidates = [_check(s, variables, mus, gs) for s in solutions if _is_real_solution(s)]
    substeps = tuple(
        Step("feasibility checks", Tuple(*c.point, *c.multipliers), Str("KKT point" if c.accepted else "rejected"),
             conditions=c.reasons)
        for c in candidates
    )
    label = "active set {" + ", ".join(f"g{i + 1}" for i in active) + "}"
    system = Tuple(*(Eq(e, 0, evaluate=False) for e in equations))
    found = Tuple(*(Tuple(*c.point) for c in candidates)) if candidates else Str("no solution")
    return Step(f"case: {label}", system, found, substeps=substeps), candidates


def kkt(objective: Expr, variables: Sequence[Symbol], inequalities: Sequence = (),
        equalities: Sequence = ()) -> Derivation:
    """Worked KKT solution of min f(x) s.t. g_i(x) <= 0, h_j(x) = 0.

    Steps: Lagrangian, stationarity, one substep per active set (complementary slackness),
    primal and dual feasibility, and the optimum (the KKT point of least objective; for a
    convex problem it is the global minimum). Result: ``Tuple(point, value)``.

    >>> from sympy import symbols
    >>> x, y = symbols("x y", real=True)
    >>> kkt(x**2 + y**2, [x, y], inequalities=[x + y >= 1]).result
    ((1/2, 1/2), 1/2)
    """
    variables = tuple(variables)
    gs = [as_inequality_function(c) for c in inequalities]
    hs = [_as_equality_function(c) for c in equalities]
    if len(gs) > _MAX_INEQUALITIES:
        raise UnsupportedInput(f"at most {_MAX_INEQUALITIES} inequality constraints")
    mus = [Symbol(f"mu{i + 1}", real=True) for i in range(len(gs))]
    lams = [Symbol(f"lambda{j + 1}", real=True) for j in range(len(hs))]
    lagrangian = objective + sum(m * g for m, g in zip(mus, gs)) + sum(l * h for l, h in zip(lams, hs))
    stationarity_steps, grad = gradient_steps(lagrangian, variables)
    steps = [
        Step("Lagrangian", Symbol("L"), lagrangian,
             definitions=tuple(Eq(Symbol(f"g{i + 1}"), g, evaluate=False) for i, g in enumerate(gs))
             + tuple(Eq(Symbol(f"h{j + 1}"), h, evaluate=False) for j, h in enumerate(hs))),
        Step("stationarity: grad_x L = 0", grad, grad, substeps=stationarity_steps),
    ]
    cases, accepted = [], []
    for size in range(len(gs) + 1):
        for active in combinations(range(len(gs)), size):
            equations = list(grad) + hs + [gs[i] for i in active] + [mus[i] for i in range(len(gs)) if i not in active]
            step, candidates = _case_step(active, equations, [*variables, *mus, *lams], variables, mus, gs)
            cases.append(step)
            accepted += [c for c in candidates if c.accepted]
    steps.append(Step("complementary slackness: mu_i g_i = 0, case by case", Tuple(*(Eq(m * g, 0) for m, g in zip(mus, gs))),
                      Tuple(*(Tuple(*c.point) for c in accepted)), substeps=tuple(cases)))
    if not accepted:
        raise NoSolution("no point satisfies the KKT conditions")
    values = [objective.subs(dict(zip(variables, c.point))) for c in accepted]
    best = min(range(len(values)), key=lambda i: _real_value(values[i]))
    result = Tuple(Tuple(*accepted[best].point), values[best])
    steps.append(Step("optimum (least objective among KKT points)", Tuple(*(Tuple(*c.point) for c in accepted)),
                      result, note="global minimum when f and the g_i are convex and the h_j affine"))
    return Derivation(result, tuple(steps), title="KKT conditions")
