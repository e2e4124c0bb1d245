"""Critical points with the second-derivative (Hessian) test, and the first-derivative test
when the second derivative is inconclusive."""

from __future__ import annotations

from collections.abc import Sequence

import sympy
from sympy import Eq, Expr, FiniteSet, Symbol, Tuple

from ._differentiate import differentiate
from ._errors import NoSolution
from ._labels import INCONCLUSIVE, LOCAL_MAX, LOCAL_MIN, NOT_EXTREMUM, SADDLE, Label
from ._partials import gradient_steps
from ._second_order import hessian
from ._steps import Derivation, Step
from ._sums import freeze_sums, linear_sums

__all__ = ["critical_points", "classify_by_eigenvalues", "real_solutions", "solve_real_system", "realness"]



def real_solutions_1d(equation: Expr, x: Symbol, domain=sympy.S.Reals) -> list[Expr]:
    """The real roots of ``equation = 0`` in ``domain``, sorted; raises if not a finite set."""
    (frozen,), back = freeze_sums([linear_sums(sympy.sympify(equation))], [x])
    roots = sympy.solveset(frozen, x, domain=domain)
    if not isinstance(roots, sympy.FiniteSet):
        raise NoSolution(f"cannot list the solutions of {equation} = 0 (got {roots.xreplace(back)})")
    roots = [r.xreplace(back) for r in roots]
    if all(r.is_number for r in roots):
        return sorted(roots, key=lambda r: float(sympy.N(r)))
    return sorted(roots, key=sympy.default_sort_key)


_PERIODIC = (sympy.sin, sympy.cos, sympy.tan, sympy.cot, sympy.sec, sympy.csc)


def _sign_cases(value: Expr, bases: list[Expr]):
    """``value`` with each even-root base replaced by a positive dummy, a negative dummy or 0
    (every combination): a generalisation of ``value`` for each sign case."""
    cases = [value]
    for base in bases:
        cases = [case.xreplace({base: replacement}) for case in cases
                 for replacement in (sympy.Dummy("p", positive=True), sympy.Dummy("n", negative=True), sympy.S.Zero)]
    return cases


def _even_root_bases(value: Expr) -> list[Expr]:
    return sorted({p.base for p in value.atoms(sympy.Pow)
                   if p.exp.is_Rational and not p.exp.is_Integer and p.exp.q % 2 == 0},
                  key=sympy.default_sort_key)


def realness(value: Expr) -> bool | None:
    """True / False when ``value`` is proved real / non-real for every admissible value of
    its symbols (all taken real), else None. Even roots are split into sign cases."""
    from ._convexity import real_domain

    value, _ = real_domain(sympy.sympify(value))
    known = value.is_extended_real if value.is_extended_real is False else value.is_real
    if known is not None:
        return known
    bases = _even_root_bases(value)
    if not bases or len(bases) > 3:
        return None
    verdicts = {case.is_real for case in _sign_cases(value, bases)}
    return verdicts.pop() if len(verdicts) == 1 else None


def realness_conditions(point) -> tuple[sympy.Basic, ...]:
    """When a point's realness is undecided: the conditions under which it is real
    (logarithm arguments positive, even-root bases nonnegative)."""
    conditions = []
    for value in point:
        for node in sympy.preorder_traversal(value):
            if isinstance(node, sympy.log) and node.args[0].is_positive is not True:
                conditions.append(sympy.Gt(node.args[0], 0, evaluate=False))
        conditions += [sympy.Ge(b, 0, evaluate=False) for b in _even_root_bases(value) if b.is_nonnegative is not True]
    return tuple(dict.fromkeys(conditions))


def _is_polynomial_system(equations, variables) -> bool:
    return all(sympy.fraction(sympy.together(e))[0].is_polynomial(*variables) for e in equations)


def solve_real_system(equations: Sequence[Expr], variables: Sequence[Symbol]):
    """Real solutions of ``equations = 0``: (points proved real, points whose realness
    depends on the parameters, with the conditions making them real).

    Finite sums are split by linearity and the data sums treated as constants. Raises
    NoSolution when the solver fails, when the solutions are periodic (infinitely many), or
    when it finds none for a non-polynomial system (no solution found is not a proof)."""
    variables = list(variables)
    equations = [linear_sums(sympy.sympify(e)) for e in equations]
    if any(e.has(f) for e in equations for f in _PERIODIC
           if any(a.has(*variables) for a in (n.args[0] for n in e.atoms(f)))):
        raise NoSolution("the equations involve periodic functions of the variables: "
                         "there may be infinitely many solutions, not listed")
    frozen, back = freeze_sums(equations, variables)
    try:
        solutions = sympy.solve(frozen, variables, dict=True)
    except (NotImplementedError, ValueError, TypeError) as error:
        raise NoSolution(f"sympy cannot solve the system: {error}") from error
    if not solutions and not _is_polynomial_system(frozen, variables):
        raise NoSolution("the solver found no solution of this non-polynomial system, "
                         "which does not prove that there is none")
    real, conditional = [], []
    for solution in solutions:
        point = tuple(sympy.sympify(solution.get(v, v)).xreplace(back) for v in variables)
        if any(p.has(*variables) for p in point):
            raise NoSolution("the system has a continuum of solutions (free variables remain)")
        verdicts = [realness(p) for p in point]
        if any(v is False for v in verdicts):
            continue
        if all(verdicts):
            real.append(point)
        else:
            conditional.append((point, realness_conditions(point)))
    return real, conditional


def real_solutions(equations: Sequence[Expr], variables: Sequence[Symbol]) -> list[tuple[Expr, ...]]:
    """Real solutions of a polynomial-like system, each a tuple in ``variables`` order
    (including those real only for some parameter values)."""
    real, conditional = solve_real_system(equations, variables)
    return real + [point for point, _ in conditional]


def _sign_step(value: Expr, label: Expr) -> Step:
    note = "f'' = 0 here: the second-derivative test says nothing" if value == 0 else ""
    return Step("second-derivative test", label, value, note=note)


def _sign_words(value: Expr) -> str:
    """``f'' < 0``, ``f'' > 0`` or ``f'' = 0`` for the value of f'' at a point."""
    return "f'' > 0" if value.is_positive else ("f'' < 0" if value.is_negative else "f'' = 0")


def _so(reason: str, verdict: Label) -> str:
    """The connective of a classification: ``: f'' < 0, so a`` (read "x = 1/3: f'' < 0, so a
    local maximum"); never ``=`` between a point and its classification."""
    article = "" if verdict in (NOT_EXTREMUM, INCONCLUSIVE) else " a"
    return f": {reason}, so{article}" if verdict != INCONCLUSIVE else f": {reason}, so the test is"


def _first_derivative_test(first: Expr, x: Symbol, point: Expr, neighbours: tuple[Expr, Expr]) -> tuple[Step, Label]:
    left, right = neighbours
    signs = [int(sympy.sign(first.subs(x, probe))) for probe in (left, right)]
    verdict = {(-1, 1): LOCAL_MIN, (1, -1): LOCAL_MAX}.get(tuple(signs), NOT_EXTREMUM)
    values = sympy.Tuple(first.subs(x, left), first.subs(x, right))
    step = Step("first-derivative test", sympy.Tuple(sympy.Subs(first, x, left), sympy.Subs(first, x, right)),
                values, note=f"sign of f' changes {signs[0]:+} to {signs[1]:+} across x = {point}")
    return step, verdict


def _sign_change_words(verdict: Label) -> str:
    return {LOCAL_MIN: "f' changes sign from - to +", LOCAL_MAX: "f' changes sign from + to -"}.get(
        verdict, "f' does not change sign")


def _probe_points(roots: list[Expr], index: int) -> tuple[Expr, Expr]:
    """Points strictly between root ``index`` and its neighbours (or one unit away)."""
    here = roots[index]
    left = (roots[index - 1] + here) / 2 if index > 0 else here - 1
    right = (roots[index + 1] + here) / 2 if index + 1 < len(roots) else here + 1
    return sympy.nsimplify(left), sympy.nsimplify(right)


def _classify_1d(first: Expr, second: Expr, x: Symbol, roots: list[Expr], index: int) -> Step:
    from ._convexity import real_domain

    point = roots[index]
    value = sympy.simplify(linear_sums(second.subs(x, point)))
    test = _sign_step(value, sympy.Subs(second, x, point))
    substeps = [test]
    real_value = real_domain(value)[0]
    reason = _sign_words(real_value)
    if real_value.is_positive:
        verdict = LOCAL_MIN
    elif real_value.is_negative:
        verdict = LOCAL_MAX
    elif not all(r.is_number for r in roots):
        verdict = INCONCLUSIVE  # the roots cannot be ordered for a first-derivative test
    else:
        fallback, verdict = _first_derivative_test(first, x, point, _probe_points(roots, index))
        substeps.append(fallback)
        reason = f"{reason} and {_sign_change_words(verdict)}"
    return Step("classify critical point", Eq(x, point, evaluate=False), verdict, substeps=tuple(substeps),
                connective=_so(reason, verdict))


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
    return Derivation(FiniteSet(*roots), tuple(steps), title="critical points of f", statement=expr)


def classify_by_eigenvalues(eigenvalues: Sequence[Expr]) -> Label:
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


def _under(conditions) -> dict:
    """Replacements making the conditions ``b > 0`` / ``b >= 0`` true: b -> a dummy."""
    replacements = {}
    for condition in conditions:
        if isinstance(condition, sympy.StrictGreaterThan) and condition.rhs == 0:
            replacements[condition.lhs] = sympy.Dummy("b", positive=True)
        elif isinstance(condition, sympy.GreaterThan) and condition.rhs == 0:
            replacements[condition.lhs] = sympy.Dummy("b", nonnegative=True)
    return replacements


def _classify_nd(hessian_matrix, variables, point, conditions=()) -> Step:
    from ._convexity import real_domain

    at = dict(zip(variables, point))
    local = sympy.ImmutableMatrix(hessian_matrix.subs(at).applyfunc(lambda e: sympy.simplify(linear_sums(e))))
    eigenvalues = _eigenvalue_list(local)
    assumed = _under(conditions)
    verdict = classify_by_eigenvalues([real_domain(sympy.simplify(e.xreplace(assumed)))[0] for e in eigenvalues])
    substeps = (
        Step("Hessian at the point", hessian_matrix, local,
             definitions=tuple(Eq(k, v, evaluate=False) for k, v in at.items())),
        Step("eigenvalues of the Hessian", local, sympy.Tuple(*eigenvalues), conditions=tuple(conditions)),
    )
    return Step("classify critical point", Tuple(*point), verdict, substeps=substeps,
                connective=_so(_eigenvalue_words(verdict), verdict))


def _eigenvalue_words(verdict: Label) -> str:
    """Why the Hessian's eigenvalues give ``verdict``."""
    return {LOCAL_MIN: "the Hessian's eigenvalues are all > 0", LOCAL_MAX: "the Hessian's eigenvalues are all < 0",
            SADDLE: "the Hessian has eigenvalues of both signs"}.get(
        verdict, "the Hessian's eigenvalues are not all of one strict sign")


def _critical_points_nd(expr: Expr, variables: tuple[Symbol, ...]) -> Derivation:
    first_steps, grad = gradient_steps(expr, variables)
    real, conditional = solve_real_system(list(grad), variables)
    points = real + [point for point, _ in conditional]
    conditions = tuple(c for _, cs in conditional for c in cs)
    worked_hessian = hessian(expr, variables)
    solutions = FiniteSet(*(Tuple(*p) for p in points))
    steps = [
        Step("gradient", grad, grad, substeps=first_steps),
        Step("solve grad f = 0", Eq(grad, sympy.zeros(len(variables), 1), evaluate=False), solutions,
             conditions=conditions,
             note="finite sums split by linearity" if any(g.has(sympy.Sum) for g in grad) else ""),
        Step("Hessian", worked_hessian.result, worked_hessian.result, substeps=worked_hessian.steps),
    ]
    steps += [_classify_nd(worked_hessian.result, variables, p) for p in real]
    steps += [_classify_nd(worked_hessian.result, variables, p, cs) for p, cs in conditional]
    return Derivation(solutions, tuple(steps), title="critical points of f", statement=expr)


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
