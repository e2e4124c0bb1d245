"""Critical points with the second-derivative (Hessian) test, and the first-derivative test
when the second derivative is inconclusive."""

from __future__ import annotations

from collections.abc import Sequence

import sympy
from sympy import Eq, Expr, FiniteSet, Symbol, Tuple
from sympy.core.symbol import Str

from ._differentiate import differentiate
from ._errors import NoSolution
from ._partials import gradient_steps
from ._second_order import hessian
from ._steps import Derivation, Step

__all__ = ["critical_points", "classify_by_eigenvalues", "real_solutions"]

LOCAL_MIN, LOCAL_MAX = Str("local minimum"), Str("local maximum")
SADDLE, NOT_EXTREMUM, INCONCLUSIVE = Str("saddle point"), Str("not an extremum"), Str("inconclusive")


def real_solutions_1d(equation: Expr, x: Symbol, domain=sympy.S.Reals) -> list[Expr]:
    """The real roots of ``equation = 0`` in ``domain``, sorted; raises if not a finite set."""
    roots = sympy.solveset(equation, x, domain=domain)
    if not isinstance(roots, sympy.FiniteSet):
        raise NoSolution(f"cannot list the solutions of {equation} = 0 (got {roots})")
    return sorted(roots, key=lambda r: float(sympy.N(r)))


def real_solutions(equations: Sequence[Expr], variables: Sequence[Symbol]) -> list[tuple[Expr, ...]]:
    """Real solutions of a polynomial-like system, each a tuple in ``variables`` order."""
    solutions = sympy.solve(list(equations), list(variables), dict=True)
    points = []
    for solution in solutions:
        point = tuple(solution.get(v, v) for v in variables)
        if all(p.is_real for p in point):
            points.append(point)
    return points


def _sign_step(value: Expr, label: Expr) -> Step:
    relation = sympy.Gt(value, 0, evaluate=False) if value.is_positive else (
        sympy.Lt(value, 0, evaluate=False) if value.is_negative else Eq(value, 0, evaluate=False))
    return Step("second-derivative test", label, value, conditions=(relation,))


def _first_derivative_test(first: Expr, x: Symbol, point: Expr, neighbours: tuple[Expr, Expr]) -> tuple[Step, Str]:
    left, right = neighbours
    signs = [int(sympy.sign(first.subs(x, probe))) for probe in (left, right)]
    verdict = {(-1, 1): LOCAL_MIN, (1, -1): LOCAL_MAX}.get(tuple(signs), NOT_EXTREMUM)
    values = sympy.Tuple(first.subs(x, left), first.subs(x, right))
    step = Step("first-derivative test", sympy.Tuple(sympy.Subs(first, x, left), sympy.Subs(first, x, right)),
                values, note=f"sign of f' changes {signs[0]:+} to {signs[1]:+} across x = {point}")
    return step, verdict


def _probe_points(roots: list[Expr], index: int) -> tuple[Expr, Expr]:
    """Points strictly between root ``index`` and its neighbours (or one unit away)."""
    here = roots[index]
    left = (roots[index - 1] + here) / 2 if index > 0 else here - 1
    right = (roots[index + 1] + here) / 2 if index + 1 < len(roots) else here + 1
    return sympy.nsimplify(left), sympy.nsimplify(right)


def _classify_1d(first: Expr, second: Expr, x: Symbol, roots: list[Expr], index: int) -> Step:
    point = roots[index]
    value = sympy.simplify(second.subs(x, point))
    test = _sign_step(value, sympy.Subs(second, x, point))
    substeps = [test]
    if value.is_positive:
        verdict = LOCAL_MIN
    elif value.is_negative:
        verdict = LOCAL_MAX
    else:
        fallback, verdict = _first_derivative_test(first, x, point, _probe_points(roots, index))
        substeps.append(fallback)
    return Step("classify critical point", Eq(x, point, evaluate=False), verdict, substeps=tuple(substeps))


def _critical_points_1d(expr: Expr, x: Symbol) -> Derivation:
    first = differentiate(expr, x)
    second = differentiate(first.result, x)
    roots = real_solutions_1d(first.result, x)
    steps = [
        Step("first derivative", sympy.Derivative(expr, x), first.result, substeps=first.steps),
        Step("solve f'(x) = 0", Eq(first.result, 0, evaluate=False), FiniteSet(*roots)),
        Step("second derivative", sympy.Derivative(expr, (x, 2)), second.result, substeps=second.steps),
    ]
    steps += [_classify_1d(first.result, second.result, x, roots, i) for i in range(len(roots))]
    return Derivation(FiniteSet(*roots), tuple(steps), title="critical points of " + sympy.sstr(expr))


def classify_by_eigenvalues(eigenvalues: Sequence[Expr]) -> Str:
    """Local minimum (all > 0), maximum (all < 0), saddle (both signs) or inconclusive."""
    if all(e.is_positive for e in eigenvalues):
        return LOCAL_MIN
    if all(e.is_negative for e in eigenvalues):
        return LOCAL_MAX
    if any(e.is_positive for e in eigenvalues) and any(e.is_negative for e in eigenvalues):
        return SADDLE
    return INCONCLUSIVE


def _eigenvalue_list(matrix: sympy.MatrixBase) -> list[Expr]:
    return [sympy.simplify(value) for value, count in matrix.eigenvals().items() for _ in range(count)]


def _classify_nd(hessian_matrix, variables, point) -> Step:
    at = dict(zip(variables, point))
    local = sympy.ImmutableMatrix(hessian_matrix.subs(at))
    eigenvalues = _eigenvalue_list(local)
    verdict = classify_by_eigenvalues(eigenvalues)
    substeps = (
        Step("Hessian at the point", hessian_matrix, local,
             definitions=tuple(Eq(k, v, evaluate=False) for k, v in at.items())),
        Step("eigenvalues of the Hessian", local, sympy.Tuple(*eigenvalues)),
    )
    return Step("classify critical point", Tuple(*point), verdict, substeps=substeps)


def _critical_points_nd(expr: Expr, variables: tuple[Symbol, ...]) -> Derivation:
    first_steps, grad = gradient_steps(expr, variables)
    points = real_solutions(list(grad), variables)
    worked_hessian = hessian(expr, variables)
    solutions = FiniteSet(*(Tuple(*p) for p in points))
    steps = [
        Step("gradient", grad, grad, substeps=first_steps),
        Step("solve grad f = 0", Eq(grad, sympy.zeros(len(variables), 1), evaluate=False), solutions),
        Step("Hessian", worked_hessian.result, worked_hessian.result, substeps=worked_hessian.steps),
    ]
    steps += [_classify_nd(worked_hessian.result, variables, p) for p in points]
    return Derivation(solutions, tuple(steps), title="critical points of " + sympy.sstr(expr))


def critical_points(expr: Expr, variables: Sequence[Symbol] | Symbol) -> Derivation:
    """Worked critical points with their classification (a step per point).

    One variable: solve f' = 0, second-derivative test, first-derivative test when f'' = 0.
    Several: solve grad f = 0, classify by the Hessian's eigenvalues. The result is the
    set of critical points (tuples for several variables); each "classify critical point"
    step's ``after`` says local minimum / local maximum / saddle point / not an extremum /
    inconclusive.

    >>> from sympy import symbols, Rational
    >>> x, C = symbols("x C")
    >>> d = critical_points(x**3 - 5*x**2 + 3*x + C, x)
    >>> d.result
    {1/3, 3}
    >>> [str(s.after) for s in d.steps if s.rule == "classify critical point"]
    ['local maximum', 'local minimum']
    """
    if isinstance(variables, Symbol):
        variables = (variables,)
    variables = tuple(variables)
    if len(variables) == 1:
        return _critical_points_1d(expr, variables[0])
    return _critical_points_nd(expr, variables)
