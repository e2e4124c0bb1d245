"""Convexity by the second-order condition (the Hessian is positive semidefinite
everywhere), or by composition rules for piecewise-linear pieces (max, min, |.|, ReLU).

Soundness: "convex", "concave" and "affine" are proved symbolically (every symbol real,
with its declared assumptions); "neither" needs a numeric witness re-verified at high
precision: points (with one assignment of the parameters that respects their assumptions)
where the Hessian has a positive and a negative eigenvalue, each certified by a quadratic
form v^T H v evaluated with exact rational v and guaranteed-precision arithmetic. Anything
else is "inconclusive".
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from itertools import combinations

import mpmath
import sympy
from sympy import Expr, Symbol
from sympy.core.symbol import Str

from ._functions import relu, sigmoid, softplus
from ._labels import AFFINE, CONCAVE, CONVEX, NEITHER, UNDETERMINED, Label
from ._second_order import hessian
from ._steps import Derivation, Step

__all__ = ["convexity", "prove_sign", "sample_assignment"]


_NONSMOOTH = (sympy.Max, sympy.Min, sympy.Abs, relu, sympy.Heaviside, sympy.Piecewise, sympy.sign,
              sympy.floor, sympy.ceiling, sympy.DiracDelta)
_MAX_OPS_TO_FACTOR = 600
_MAX_MINOR_SIZE = 4


# ---------------------------------------------------------------------------------------
# symbolic sign proofs


def real_domain(expr: Expr, nonzero: bool = False) -> tuple[Expr, dict]:
    """``expr`` with every symbol of unknown realness replaced by a real dummy keeping its
    other assumptions (variables and parameters are real numbers in this course); with
    ``nonzero`` every symbol that may be zero is also taken nonzero."""
    mapping = {}
    for s in expr.free_symbols:
        if not isinstance(s, Symbol) or s.is_real is False:
            continue
        if s.is_real is None or (nonzero and s.is_zero is None):
            assumptions = {k: v for k, v in s.assumptions0.items() if v is not None}
            assumptions["real"] = True
            if nonzero and s.is_zero is None:
                assumptions["nonzero"] = True
            try:
                mapping[s] = sympy.Dummy(s.name, **assumptions)
            except Exception:  # inconsistent assumptions: leave the symbol alone
                continue
    return expr.xreplace(mapping), mapping


def _elementary(expr: Expr) -> Expr:
    """sigmoid and softplus written with exp (so positivity of their combinations shows)."""
    return expr.replace(sigmoid, lambda a: 1 / (1 + sympy.exp(-a))).replace(
        softplus, lambda a: sympy.log(1 + sympy.exp(a)))


def _forms(expr: Expr):
    """Equivalent forms of ``expr`` to try sympy's sign assumptions on (cheapest first)."""
    yield expr
    elementary = _elementary(expr)
    if elementary != expr:
        yield elementary
    small = sympy.count_ops(elementary) <= _MAX_OPS_TO_FACTOR
    combined = sympy.together(elementary)
    yield combined
    numerator, denominator = sympy.fraction(combined)
    if small:
        yield sympy.expand(numerator) / sympy.expand(denominator) if denominator != 1 else sympy.expand(numerator)
        yield sympy.factor(combined)
        yield sympy.cancel(combined)


def _is_nonnegative(expr: Expr) -> bool:
    if expr.is_nonnegative:
        return True
    numerator, denominator = sympy.fraction(expr)
    if denominator != 1 and denominator.is_positive:
        return bool(numerator.is_nonnegative) or bool(sympy.expand(numerator).is_nonnegative)
    return False


def _is_zero(expr: Expr) -> bool:
    if expr.is_zero:
        return True
    if sympy.count_ops(expr) > _MAX_OPS_TO_FACTOR:
        return False
    return sympy.simplify(_elementary(expr)) == 0


def _prove_sign(expr: Expr) -> str:
    if _is_zero(expr):
        return "zero"
    for form in _forms(expr):
        if _is_nonnegative(form):
            return "nonnegative"
        if _is_nonnegative(-form):
            return "nonpositive"
    return "unknown"


def prove_sign(expr: Expr) -> str:
    """'zero', 'nonnegative', 'nonpositive' when proved for all real values of the symbols
    where ``expr`` is defined (respecting their assumptions), else 'unknown'.

    Second attempt with every symbol nonzero: a continuous (elementary) expression that has
    a sign off the hyperplanes {s = 0} has it wherever it is defined."""
    expr = sympy.sympify(expr)
    if expr.has(*_NONSMOOTH):
        return "unknown"
    sign = _prove_sign(real_domain(expr)[0])
    if sign == "unknown":
        sign = _prove_sign(real_domain(expr, nonzero=True)[0])
        if sign == "zero":  # zero off the hyperplanes only says "zero where defined"
            sign = "unknown" if not _is_zero(real_domain(expr)[0]) else sign
    return sign


# ---------------------------------------------------------------------------------------
# numeric witness for "neither"


def _candidate_value(rng: random.Random) -> sympy.Rational:
    if rng.random() < 0.4:
        return sympy.Integer(rng.randint(-5, 5))
    return sympy.Rational(rng.randint(-30, 30), 10)


def _satisfies(value: Expr, symbol: Symbol) -> bool:
    for fact, wanted in symbol.assumptions0.items():
        if wanted is None:
            continue
        have = getattr(value, "is_" + fact, None)
        if have is not wanted:
            return False
    return True


def sample_value(symbol: Symbol, rng: random.Random, tries: int = 400):
    """A random rational value satisfying every assumption of ``symbol``, or None."""
    for _ in range(tries):
        value = _candidate_value(rng)
        if symbol.is_nonnegative and value.is_negative:
            value = -value
        if symbol.is_nonpositive and value.is_positive:
            value = -value
        if _satisfies(value, symbol):
            return value
    return None


def sample_assignment(symbols, rng: random.Random) -> dict | None:
    """Random values for ``symbols`` respecting each one's assumptions (None if impossible)."""
    point = {}
    for s in sorted(symbols, key=sympy.default_sort_key):
        value = sample_value(s, rng)
        if value is None:
            return None
        point[s] = value
    return point


def _numeric_matrix(matrix, point: dict, dps: int = 40):
    """The matrix at ``point`` as an mpmath matrix, or None when not real and finite."""
    rows = []
    for i in range(matrix.rows):
        row = []
        for j in range(matrix.cols):
            try:
                value = sympy.N(matrix[i, j].xreplace(point), dps)
            except Exception:
                return None
            if not (value.is_number and value.is_real and value.is_finite):
                return None
            row.append(mpmath.mpf(str(value)))
        rows.append(row)
    return mpmath.matrix(rows)


def _certified_sign(matrix, point: dict, vector: list) -> int:
    """The sign of v^T H v at ``point`` with rational v, evaluated with guaranteed precision
    (0 when it cannot be certified)."""
    v = sympy.Matrix(vector)
    form = (v.T * matrix.xreplace(point) * v)[0, 0]
    try:
        value = sympy.N(form, 30, strict=True)
    except Exception:
        return 0
    if not (value.is_number and value.is_real) or value == 0:
        return 0
    return 1 if value > 0 else -1


def _rational_vectors(column):
    """Rational approximations of an eigenvector: a short one (largest entry 1, small
    denominators) first, then a precise one."""
    largest = max(column, key=abs)
    scaled = [sympy.Rational(mpmath.nstr(entry / largest, 15)) for entry in column]
    yield [entry.limit_denominator(12) for entry in scaled]
    yield scaled


def _witness(matrix, symbols, samples: int = 30, parameter_draws: int = 4, seed: int = 0):
    """Points (one parameter assignment) where the Hessian has a certified positive and a
    certified negative direction: ``(point_plus, v_plus, point_minus, v_minus)`` or None."""
    rng = random.Random(seed)
    variables, parameters = symbols
    with mpmath.workdps(40):
        for _ in range(parameter_draws):
            fixed = sample_assignment(parameters, rng)
            if fixed is None:
                return None
            found = {}
            for _ in range(samples):
                moving = sample_assignment(variables, rng)
                if moving is None:
                    return None
                point = {**fixed, **moving}
                numeric = _numeric_matrix(matrix, point)
                if numeric is None:
                    continue
                values, vectors = mpmath.eigsy(numeric)
                for index in range(len(values)):
                    sign = 1 if values[index] > 0 else -1
                    if sign in found or abs(values[index]) < mpmath.mpf(10) ** -15:
                        continue
                    for vector in _rational_vectors([vectors[k, index] for k in range(numeric.rows)]):
                        if _certified_sign(matrix, point, vector) == sign:
                            found[sign] = (point, vector)
                            break
                if len(found) == 2:
                    return found[1] + found[-1]
    return None


# ---------------------------------------------------------------------------------------
# composition rules for piecewise-linear (non-smooth) expressions


def _is_affine(expr: Expr, variables) -> bool:
    if expr.has(*_NONSMOOTH):
        return False
    if not expr.is_polynomial(*variables):
        return False
    return sympy.Poly(expr, *variables).total_degree() <= 1


def _flip(curvature: str | None) -> str | None:
    return {"convex": "concave", "concave": "convex", "affine": "affine"}.get(curvature)


def _combine(curvatures) -> str | None:
    if any(c is None for c in curvatures):
        return None
    kinds = set(curvatures) - {"affine"}
    if not kinds:
        return "affine"
    return kinds.pop() if len(kinds) == 1 else None


def _curvature(expr: Expr, variables, steps: list) -> str | None:
    """'affine', 'convex', 'concave' proved by composition rules, else None; the rules used
    are appended to ``steps``."""
    if not expr.has(*variables) or _is_affine(expr, variables):
        return "affine"
    result, rule = None, ""
    if not expr.has(*_NONSMOOTH):
        verdict = _smooth_verdict(expr, variables)
        result = {AFFINE: "affine", CONVEX: "convex", CONCAVE: "concave"}.get(verdict)
        rule = "second-order condition (smooth part)"
    elif expr.is_Add:
        result, rule = _combine([_curvature(a, variables, steps) for a in expr.args]), "sum rule"
    elif expr.is_Mul:
        constant, rest = expr.as_independent(*variables, as_Add=False)
        sign = prove_sign(constant) if rest != expr else "unknown"
        inner = _curvature(rest, variables, steps) if sign in ("nonnegative", "nonpositive") else None
        result = inner if sign == "nonnegative" else _flip(inner)
        rule = "nonnegative multiple" if sign == "nonnegative" else "nonpositive multiple"
    elif isinstance(expr, sympy.Max):
        parts = [_curvature(a, variables, steps) for a in expr.args]
        result = "convex" if all(p in ("affine", "convex") for p in parts) else None
        rule = "pointwise maximum of convex functions"
    elif isinstance(expr, sympy.Min):
        parts = [_curvature(a, variables, steps) for a in expr.args]
        result = "concave" if all(p in ("affine", "concave") for p in parts) else None
        rule = "pointwise minimum of concave functions"
    elif isinstance(expr, relu):
        part = _curvature(expr.args[0], variables, steps)
        result = "convex" if part in ("affine", "convex") else None
        rule = "ReLU(u) = max(0, u) of a convex function"
    elif isinstance(expr, sympy.Abs):
        result = "convex" if _is_affine(expr.args[0], variables) else None
        rule = "absolute value of an affine function"
    elif expr.is_Pow and isinstance(expr.base, sympy.Abs) and expr.exp.is_number and expr.exp >= 1:
        result = "convex" if _is_affine(expr.base.args[0], variables) else None
        rule = "|affine|^p with p >= 1"
    if result is not None:
        steps.append(Step(rule, expr, Label(result)))
    return result


# ---------------------------------------------------------------------------------------
# the second-order condition


def _principal_minors(matrix) -> list[Expr]:
    n = matrix.rows
    minors = []
    for size in range(1, n + 1):
        for rows in combinations(range(n), size):
            minors.append(matrix.extract(list(rows), list(rows)).det(method="berkowitz"))
    return minors


def _semidefinite_by_minors(matrix) -> tuple[Label | None, tuple]:
    """CONVEX if all principal minors are >= 0 (PSD), CONCAVE if (-1)^k minors of order k are
    >= 0 (NSD), else None; and the minors' proved signs."""
    n = matrix.rows
    if n > _MAX_MINOR_SIZE:
        return None, ()
    minors = _principal_minors(matrix)
    orders = [size for size in range(1, n + 1) for _ in combinations(range(n), size)]
    classes = [prove_sign(m) for m in minors]
    if all(c in ("zero", "nonnegative") for c in classes):
        return CONVEX, tuple(zip(minors, classes))
    flipped = [prove_sign((-1) ** k * m) for k, m in zip(orders, minors)]
    if all(c in ("zero", "nonnegative") for c in flipped):
        return CONCAVE, tuple(zip(minors, classes))
    return None, tuple(zip(minors, classes))


def _eigenvalues(matrix) -> list[Expr] | None:
    """The eigenvalues when they are cheap and useful: diagonal, at most 2x2 or constant."""
    if matrix.is_diagonal():
        return [matrix[i, i] for i in range(matrix.rows)]
    if matrix.rows > 2 and (matrix.free_symbols or matrix.rows > 4):
        return None
    try:
        values = matrix.eigenvals()
    except Exception:
        return None
    return [sympy.factor(v) if sympy.count_ops(v) <= _MAX_OPS_TO_FACTOR else v
            for v, count in values.items() for _ in range(count)]


def _verdict(classes: list[str]) -> Label | None:
    if all(c == "zero" for c in classes):
        return AFFINE
    if all(c in ("zero", "nonnegative") for c in classes):
        return CONVEX
    if all(c in ("zero", "nonpositive") for c in classes):
        return CONCAVE
    return None


def _second_order_steps(expr: Expr, variables) -> tuple[list[Step], Label | None, sympy.Matrix]:
    """Hessian, its eigenvalues / principal minors and their proved signs; the proved verdict."""
    worked = hessian(expr, variables)
    matrix = worked.result
    steps = [Step("Hessian", matrix, matrix, substeps=worked.steps)]
    if all(prove_sign(entry) == "zero" for entry in set(matrix)):
        return steps, AFFINE, matrix
    verdict = None
    eigenvalues = _eigenvalues(matrix)
    if eigenvalues is not None:
        classes = [prove_sign(v) for v in eigenvalues]
        verdict = _verdict(classes)
        shown = tuple(Str(c if c != "unknown" else "sign not proved") for c in classes)
        steps += [
            Step("eigenvalues of the Hessian", matrix, sympy.Tuple(*eigenvalues)),
            Step("signs of the eigenvalues", sympy.Tuple(*eigenvalues), sympy.Tuple(*shown),
                 note="for every real point"),
        ]
    if verdict is None:
        verdict, minors = _semidefinite_by_minors(matrix)
        if minors:
            shown = sympy.Tuple(*(m for m, _c in minors))
            steps.append(Step("principal minors of the Hessian", matrix, shown,
                              note="signs: " + ", ".join(c if c != "unknown" else "not proved" for _m, c in minors)
                              + "; PSD iff every principal minor is >= 0"))
    return steps, verdict, matrix


def _smooth_verdict(expr: Expr, variables) -> Label | None:
    return _second_order_steps(expr, tuple(variables))[1]


def _parameters(matrix, variables) -> tuple:
    return tuple(s for s in matrix.free_symbols if s not in variables)


def convexity(expr: Expr, variables: Sequence[Symbol]) -> Derivation:
    """Worked convexity test: Hessian, its eigenvalues (or principal minors), their signs on
    the whole (real) domain; composition rules for max / min / |.| / ReLU.

    Result: a :class:`Label`: convex / concave / neither / affine / inconclusive.
    Every symbol is taken to be real (with its declared assumptions, e.g. positive); a
    verdict "convex"/"concave" holds for all admissible parameter values, "neither" is
    backed by a verified numeric witness.

    >>> from sympy import symbols, exp
    >>> x1, x2 = symbols("x1 x2", real=True)
    >>> [str(convexity(f, [x1, x2]).result) for f in (x1**2 + x2**2 + x1*x2, exp(x1 + 2*x2), x1*x2)]
    ['convex', 'convex', 'neither']
    """
    variables = tuple(variables)
    expr = sympy.sympify(expr)
    title = "convexity of f"
    if expr.has(*_NONSMOOTH):
        rule_steps: list[Step] = []
        curvature = _curvature(expr, variables, rule_steps)
        verdict = {"affine": AFFINE, "convex": CONVEX, "concave": CONCAVE}.get(curvature, UNDETERMINED)
        note = ("composition rules for convexity" if curvature else
                "not twice differentiable and no composition rule applies: inconclusive")
        steps = (Step("composition rules", expr, verdict, substeps=tuple(rule_steps), note=note),)
        return Derivation(verdict, steps, title=title, statement=expr)
    steps, verdict, matrix = _second_order_steps(expr, variables)
    if verdict is None:
        parameters = _parameters(matrix, variables)
        witness = _witness(matrix, (variables, parameters))
        if witness is not None:
            plus, v_plus, minus, v_minus = witness
            verdict = NEITHER
            steps.append(Step(
                "numeric witness (verified)", matrix,
                sympy.Tuple(sympy.Tuple(*(Str(f"{k} = {v}") for k, v in plus.items())),
                            sympy.Tuple(*(Str(f"{k} = {v}") for k, v in minus.items()))),
                note=(f"v^T H v > 0 at the first point for v = {tuple(v_plus)}, "
                      f"v^T H v < 0 at the second for v = {tuple(v_minus)} (checked to 30 digits)")))
        else:
            verdict = UNDETERMINED
    last = steps[-1].after
    steps.append(Step("second-order condition", last, verdict,
                      note="convex iff the Hessian is positive semidefinite everywhere"))
    return Derivation(verdict, tuple(steps), title=title, statement=expr)
