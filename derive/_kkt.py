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
from sympy.core.function import AppliedUndef
from sympy.core.symbol import Str

from ._convexity import prove_sign, real_domain
from ._critical import _is_polynomial_system, realness
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


_TOLERANCE = sympy.Float("1e-20")


def _sign(expr: Expr) -> str | None:
    """'zero', 'positive', 'negative', 'nonnegative', 'nonpositive' proved for every
    admissible value of the parameters (all real, with their assumptions), else None."""
    expr = sympy.sympify(expr)
    if expr.is_number:
        expr = sympy.simplify(expr)
        if expr.is_zero:
            return "zero"
        value = sympy.N(expr, 30)
        real, imaginary = value.as_real_imag()
        if not (real.is_number and imaginary.is_number) or abs(imaginary) > _TOLERANCE:
            return None
        if abs(real) <= _TOLERANCE:
            return "zero"
        return "positive" if real > 0 else "negative"
    proved = prove_sign(expr)
    if proved == "zero":
        return "zero"
    for form in (expr, sympy.together(real_domain(expr)[0]), sympy.factor(real_domain(expr)[0])):
        form = real_domain(form)[0]
        if form.is_positive:
            return "positive"
        if form.is_negative:
            return "negative"
    return proved if proved in ("nonnegative", "nonpositive") else None


def _at_most_zero(expr: Expr) -> bool | None:
    """expr <= 0: True / False when decided, None when it depends on the parameters."""
    sign = _sign(expr)
    if sign in ("zero", "negative", "nonpositive"):
        return True
    if sign == "positive":
        return False
    return None


def _is_real_solution(solution: dict) -> bool | None:
    verdicts = [realness(value) for value in solution.values()]
    if any(v is False for v in verdicts):
        return False
    return True if all(verdicts) else None


def _check(solution: dict, variables, mus, gs) -> _Candidate:
    point = tuple(solution.get(v, v) for v in variables)
    multipliers = tuple(solution.get(m, m) for m in mus)
    checks, accepted = [], True
    for g in gs:
        value = sympy.simplify(g.subs(solution))
        feasible = _at_most_zero(value)
        if feasible is None:
            raise NoSolution(f"cannot decide whether {g} <= 0 at {point}: {value} <= 0 depends on the parameters")
        accepted &= feasible
        checks.append(sympy.Le(g, 0, evaluate=False) if feasible else sympy.Gt(value, 0, evaluate=False))
    for mu, value in zip(mus, multipliers):
        dual = _at_most_zero(-value)
        if dual is None:
            raise NoSolution(f"cannot decide whether {mu} = {value} >= 0 (it depends on the parameters)")
        accepted &= dual
        checks.append(sympy.Ge(mu, 0, evaluate=False) if dual else sympy.Lt(value, 0, evaluate=False))
    return _Candidate(point, multipliers, accepted, tuple(checks))


def _solve_case(reduced, unknowns, label: str) -> list[dict]:
    try:
        solutions = sympy.solve(reduced, unknowns, dict=True)
    except (NotImplementedError, ValueError, TypeError) as error:
        raise NoSolution(f"sympy cannot solve the KKT system of {label}: {error}") from error
    if not solutions and not _is_polynomial_system(reduced, unknowns):
        raise NoSolution(f"no solution found for {label}, but the system is not polynomial: "
                         "that is not a proof that there is none")
    for solution in solutions:
        if any(sympy.sympify(v).has(*unknowns) for v in solution.values()) or len(solution) < len(unknowns):
            raise NoSolution(f"{label} has a continuum of solutions; not handled")
    return solutions


def _case_step(active: tuple[int, ...], equations, unknowns, variables, mus, gs) -> tuple[Step, list[_Candidate]]:
    inactive = {m: sympy.S.Zero for i, m in enumerate(mus) if i not in active}
    reduced = [e.subs(inactive) for e in equations if e.subs(inactive) != 0]
    label = "active set {" + ", ".join(f"g{i + 1}" for i in active) + "}"
    solutions = [{**inactive, **s} for s in
                 _solve_case(reduced, [u for u in unknowns if u not in inactive], label)]
    candidates = []
    for solution in solutions:
        real = _is_real_solution(solution)
        if real is None:
            raise NoSolution(f"cannot decide whether the solution {solution} of {label} is real")
        if real:
            candidates.append(_check(solution, variables, mus, gs))
    substeps = tuple(
        Step("feasibility checks", Tuple(*c.point, *c.multipliers), Str("KKT point" if c.accepted else "rejected"),
             conditions=c.reasons)
        for c in candidates
    )
    system = Tuple(*(Eq(e, 0, evaluate=False) for e in equations))
    found = Tuple(*(Tuple(*c.point) for c in candidates)) if candidates else Str("no solution")
    return Step(f"case: {label}", system, found, substeps=substeps), candidates


def _least(values: list[Expr]) -> int:
    """The index of a value provably <= all the others (NoSolution if undecidable)."""
    for i, value in enumerate(values):
        if all(_at_most_zero(sympy.simplify(value - other)) for other in values):
            return i
    raise NoSolution("cannot decide which KKT point has the least objective value: "
                     + ", ".join(sympy.sstr(v) for v in values))


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
    if any(sympy.sympify(e).atoms(AppliedUndef) for e in [objective, *gs, *hs]):
        raise UnsupportedInput("KKT needs explicit functions (unknown functions such as f(x) cannot be solved for)")
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
    values = [sympy.simplify(objective.subs(dict(zip(variables, c.point)))) for c in accepted]
    best = _least(values)
    result = Tuple(Tuple(*accepted[best].point), values[best])
    steps.append(Step("optimum (least objective among KKT points)", Tuple(*(Tuple(*c.point) for c in accepted)),
                      result, note="global minimum when f and the g_i are convex and the h_j affine"))
    return Derivation(result, tuple(steps), title="KKT conditions")
