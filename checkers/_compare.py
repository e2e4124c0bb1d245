"""Decide whether an answer equals the expected object: kinds and shapes first, then values.

Cheap first, proof preferred, numbers to refute: identity; a numeric screen at a few
points (a clear mismatch, re-verified at higher precision, is a counterexample); a
symbolic proof within the budget; then many random points. Abstract objects (matrix
symbols, symbolic-size sums, undefined functions) are compared on concrete instances.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import mpmath
import sympy
from sympy import Basic, ImmutableMatrix, MatrixBase, MatrixExpr

from . import _instances as instances
from . import _real_sets as real_sets
from . import _solution_sets as solution_sets
from . import _structures as structures
from ._budget import CALLS_PER_SECOND, Budget
from ._canonical import as_set_if_listed, as_vector_if_tuple, canonical, vector_length
from ._conditions import compare_conditions
from ._instance_values import Agreement, compare_on_instances
from ._numeric import Undefined, Unevaluable, close, evaluate, is_real_value
from ._outcome import Outcome, counterexample, describe_kind, kind_of, point_as_read, shape_mismatch, shape_text, with_detail
from ._reading import to_text
from ._sampling import PointSampler, domains_in, variables_of
from ._symbolic import prove_zero
from ._verdict import Evidence, Method, Status

__all__ = ["Outcome", "Comparison", "kind_of", "PROOF_SECONDS"]  # Outcome and kind_of live in _outcome

PROOF_SECONDS = 0.25
"""Work spent on a symbolic proof before the numbers are consulted at many points; when they
agree tightly at high precision too, the answer is correct (numerically, not proved)."""


@dataclass(frozen=True)
class _Screen:
    agreed: int
    counterexample: Evidence | None = None
    unevaluable: str | None = None
    points: tuple[dict, ...] = ()  # the points where the values agreed
    drawn: tuple[dict, ...] = ()  # every point drawn for it
    in_double: int = 0  # points where double precision alone found agreement (re-verified by `settled`)


class Comparison:
    """Compares objects within one budget, with one seeded sampler."""

    screen_points = 4
    full_points = 24

    def __init__(
        self, budget: Budget, *, seed_text: str, assumptions: Sequence[Basic] = (), rtol: float = 1e-12, atol: float = 1e-14,
        proof_seconds: float = PROOF_SECONDS,
    ) -> None:
        self.budget, self.assumptions, self.rtol, self.atol = budget, tuple(assumptions), rtol, atol
        self.proof_effort = int(proof_seconds * CALLS_PER_SECOND)
        self.seed_text = seed_text
        self.domains = domains_in(self.assumptions)
        self.sampler = PointSampler(seed_text=seed_text, domains=self.domains)

    # -- dispatch -----------------------------------------------------------------------
    def compare(self, expected: Basic, answer: Basic) -> Outcome:
        expected, answer = as_vector_if_tuple(*solution_sets.as_equations(expected, answer))
        answer = as_set_if_listed(expected, answer)
        as_sets = real_sets.compared_as_sets(expected, answer)
        if as_sets is not None:
            return as_sets
        kinds = kind_of(expected), kind_of(answer)
        if kinds == ("matrix-expression", "matrix") or kinds == ("matrix", "matrix-expression"):
            return self.matrix_expressions(expected, answer)
        if kinds[0] != kinds[1]:
            return shape_mismatch(f"expected {describe_kind(expected)}, got {describe_kind(answer)}")
        handler = {
            "scalar": self.scalars,
            "matrix": self.matrices,
            "matrix-expression": self.matrix_expressions,
            "set": self.sets,
            "tuple": self.tuples,
            "equation": self.equations,
            "condition": compare_conditions,
        }[kinds[0]]
        return handler(expected, answer)

    # -- scalars and explicit matrices ---------------------------------------------------------
    def scalars(self, expected: Basic, answer: Basic) -> Outcome:
        return self.values([expected], [answer])

    def matrices(self, expected: MatrixBase, answer: MatrixBase) -> Outcome:
        if vector_length(expected) and vector_length(expected) == vector_length(answer):
            answer = ImmutableMatrix(list(answer)).reshape(*expected.shape)
        if expected.shape != answer.shape:
            return shape_mismatch(f"expected a {shape_text(expected.shape)} matrix, got {shape_text(answer.shape)}")
        return self.values(list(expected), list(answer))

    def values(self, expected: list[Basic], answer: list[Basic]) -> Outcome:
        """Compare paired values: identity, screen, proof, then many points."""
        expected, answer = [canonical(e) for e in expected], [canonical(a) for a in answer]
        if all(e == a for e, a in zip(expected, answer)):
            return Outcome(Status.CORRECT, Method.IDENTICAL, True, "Correct: the answer is the expected expression.")
        if any(x.atoms(sympy.MatrixSymbol) for x in expected + answer):
            return self.by_matrix_instances(expected, answer)
        if any(instances.needs_instances(x) for x in expected + answer):
            return self.by_instances(expected, answer)
        screen = self.screen(expected, answer, self.screen_points)
        if screen.counterexample is not None:
            return counterexample(screen.counterexample)
        proof = self.prove(expected, answer, at_most=self.proof_effort)  # a cheap proof first
        if proof is not None:
            return proof
        full = self.screen(expected, answer, self.full_points, in_double=True)
        if full.counterexample is None and self.settled(expected, answer, full):
            return self.agreement(expected, answer, full)  # the numbers settle it: no long proof
        if full.in_double:  # double precision decides nothing: the same points again with mpmath alone
            full = self.screen(expected, answer, self.full_points, drawn=full.drawn)
        if full.counterexample is not None:
            return counterexample(full.counterexample)
        return self.prove(expected, answer) or self.agreement(expected, answer, full)

    def settled(self, expected: list[Basic], answer: list[Basic], full: _Screen) -> bool:
        """True when the many-point agreement holds tightly at high precision too (a constant:
        to :data:`_CONSTANT_DIGITS` digits), so no longer proof is worth its time."""
        if full.unevaluable or (full.agreed < self.full_points // 2 and variables_of(expected + answer)):
            return False
        if not full.points:
            return _agree_to_digits(expected, answer, _CONSTANT_DIGITS)
        return all(_agree_to_digits(expected, answer, _TIGHT_DIGITS, point) for point in full.points)

    def agreement(self, expected: list[Basic], answer: list[Basic], full: _Screen) -> Outcome:
        """The outcome of a numeric agreement without a proof (a constant needs 100 digits)."""
        if not variables_of(expected + answer) and full.agreed and _agree_to_digits(expected, answer, _CONSTANT_DIGITS):
            return Outcome(Status.CORRECT, Method.NUMERIC, False,
                           f"Correct (numerically): the two numbers agree to {_CONSTANT_DIGITS} digits; not proved symbolically.",
                           Evidence(points_checked=1))
        return self.numeric_agreement(full)

    def prove(self, expected: list[Basic], answer: list[Basic], *, at_most: int | None = None) -> Outcome | None:
        """A symbolic proof (equal, or a nonzero difference) within 60% of what is left of the
        budget, and at most ``at_most`` calls; None when there is none."""
        proofs = []
        with self.budget.share(0.6, at_most=at_most) as sub:
            proofs = [prove_zero(e - a) for e, a in zip(expected, answer)]
        if sub.expired or not proofs:
            return None
        if all(p.outcome == "zero" for p in proofs):
            strategies = sorted({p.strategy for p in proofs if p.strategy})
            return Outcome(Status.CORRECT, Method.SYMBOLIC, True, f"Correct: proved equal ({', '.join(strategies)}).")
        for index, p in enumerate(proofs):
            if p.outcome in ("nonzero-constant", "nonzero-function"):
                where = f" in entry {index + 1}" if len(proofs) > 1 else ""
                what = "the constant" if p.outcome == "nonzero-constant" else "the nonzero function"
                return Outcome(
                    Status.INCORRECT, Method.SYMBOLIC, True,
                    f"Incorrect: the expected value minus the answer{where} is {what} {to_text(p.residue)}, not 0.",
                    Evidence(detail=f"expected - answer = {to_text(p.residue)}"),
                )
        return None

    def numeric_agreement(self, screen: _Screen) -> Outcome:
        if screen.unevaluable:
            return Outcome(Status.UNDECIDED, Method.NUMERIC, False, f"Undecided: no proof, and {screen.unevaluable}.")
        if screen.agreed < self.full_points // 2:
            return Outcome(Status.UNDECIDED, Method.NUMERIC, False,
                           f"Undecided: no proof, and only {screen.agreed} test points were inside the domain.",
                           Evidence(points_checked=screen.agreed))
        return Outcome(
            Status.CORRECT,
            Method.NUMERIC,
            False,
            f"Correct (numerically): the answer agrees with the expected value at {screen.agreed} random points; "
            "not proved symbolically.",
            Evidence(points_checked=screen.agreed),
        )

    # -- numeric screen ------------------------------------------------------------------------
    def screen(self, expected: list[Basic], answer: list[Basic], count: int, *, in_double: bool = False,
               drawn: Sequence[dict] = ()) -> _Screen:
        """Values compared at up to ``count`` points inside the domain (of ``drawn``, or of
        newly drawn points); ``in_double``: points where numpy finds agreement in double
        precision (:mod:`checkers._vector`) skip mpmath; every other point is mpmath's."""
        variables = variables_of(expected + answer)
        complex_values = any(e.has(sympy.I) for e in expected)  # a complex reference: compare as complex numbers
        if not variables:
            count = 1
        drawn = drawn or self.sampler.points(variables, count * 4)
        fast = [False] * len(drawn)
        if in_double and variables:  # numpy imported here: a check with no many-point screen does not pay for it
            from ._vector import agree_in_double
            fast = agree_in_double(expected, answer, drawn, rtol=self.rtol, atol=self.atol,
                                   complex_values=complex_values).tolist()
        agreed: list[dict] = []
        for point, agree in zip(drawn, fast):
            if len(agreed) >= count:
                break
            try:
                verdict = agree or self.compare_at(expected, answer, point, complex_values=complex_values)
            except Unevaluable as error:
                return _Screen(len(agreed), unevaluable=f"the answer cannot be evaluated numerically: {error}",
                               drawn=tuple(drawn), in_double=sum(fast))
            if isinstance(verdict, Evidence):
                return _Screen(len(agreed), verdict, drawn=tuple(drawn), in_double=sum(fast))
            if verdict:
                agreed.append(point)
        return _Screen(len(agreed), points=tuple(p for p in agreed if p), drawn=tuple(drawn), in_double=sum(fast))

    def compare_at(self, expected: list[Basic], answer: list[Basic], point: dict, *,
                   complex_values: bool = False) -> Evidence | bool | None:
        """True if all pairs agree at ``point``, Evidence if one differs, None if outside the domain."""
        for index, (e, a) in enumerate(zip(expected, answer)):
            difference = self.differ_at(e, a, point, digits=30, complex_values=complex_values)
            if difference is None:
                return None
            if difference and self.differ_at(e, a, point, digits=60, complex_values=complex_values):
                return self.evidence(e, a, point, index if len(expected) > 1 else None)
        return True

    def differ_at(self, expected: Basic, answer: Basic, point: dict, *, digits: int, complex_values: bool = False) -> bool | None:
        """Whether the values differ at ``point``; None where the reference has no (real) value.
        Where both sides are complex (a negative base under a fractional power) their principal
        values must still agree: ``(a^b)^c`` is not ``a^(bc)`` for a < 0."""
        try:
            value_expected = evaluate(expected, point, digits=digits)
        except Undefined:
            return None
        if not complex_values and not is_real_value(value_expected):
            return _both_complex_differ(value_expected, answer, point, digits, self.rtol, self.atol)
        try:
            value_answer = evaluate(answer, point, digits=digits)
        except Undefined:
            return True
        if not complex_values and not is_real_value(value_answer):
            return True
        return not close(value_expected, value_answer, rtol=self.rtol, atol=self.atol)

    def evidence(self, expected: Basic, answer: Basic, point: dict, index: int | None) -> Evidence:
        digits = 10
        while digits < 40 and _value_text(expected, point, digits) == _value_text(answer, point, digits):
            digits += 10
        return Evidence(
            point=point_as_read(point, expected, answer),
            expected=_value_text(expected, point, digits),
            answer=_value_text(answer, point, digits),
            detail=None if index is None else f"entry {index + 1}",
        )

    # -- abstract objects via instances ----------------------------------------------------------------
    def by_instances(self, expected: list[Basic], answer: list[Basic]) -> Outcome:
        cases = instances.sum_instances(expected + answer, domains=self.domains) or [instances.Instance()]
        function_cases = instances.function_instances(expected + answer, seed_text=self.seed_text) or [instances.Instance()]
        quick = self.instance_screen(expected, answer, cases[min(1, len(cases) - 1)], function_cases[0])
        if quick is not None:  # a clear counterexample first: proofs are the slow part
            return quick
        proof = self.prove(expected, answer)
        if proof is not None and proof.status is Status.CORRECT:
            return proof
        checked = 0
        for size_case in cases:
            for function_case in function_cases:
                concrete_e = [instances.apply_function_instance(function_case, size_case.apply(x)) for x in expected]
                concrete_a = [instances.apply_function_instance(function_case, size_case.apply(x)) for x in answer]
                screen = self.screen(concrete_e, concrete_a, self.screen_points * 2)
                if screen.counterexample is not None:
                    description = "; ".join(d for d in (size_case.description, function_case.description) if d)
                    return counterexample(with_detail(screen.counterexample, description))
                if screen.unevaluable:
                    return self.numeric_agreement(screen)
                checked += screen.agreed
        return Outcome(
            Status.CORRECT,
            Method.INSTANCES,
            False,
            f"Correct (on instances): agrees on {len(cases) * len(function_cases)} concrete instances ({checked} points); "
            "not proved symbolically.",
            Evidence(points_checked=checked),
        )

    def by_matrix_instances(self, expected: list[Basic], answer: list[Basic]) -> Outcome:
        """Scalars built from matrices (``v^T h``, ``tr(A)``): compare on random matrices."""
        misfit = _size_misfit(expected, answer)
        if misfit is not None:
            return misfit
        numeric = self.numeric_instances(expected, answer)
        if numeric is not None:
            return counterexample(numeric) if isinstance(numeric, Evidence) else _instances_agree(numeric.instances)
        checked = 0
        for case, concrete_e, concrete_a in self.concrete_cases(expected, answer):
            screen = self.screen([structures.scalar_if_1x1(x) for x in concrete_e],
                                 [structures.scalar_if_1x1(x) for x in concrete_a], self.screen_points)
            if screen.counterexample is not None:
                return counterexample(with_detail(screen.counterexample, case.description))
            if screen.unevaluable:
                return self.numeric_agreement(screen)
            checked += 1
        return _instances_agree(checked)

    def numeric_instances(self, expected: list[Basic], answer: list[Basic]) -> Agreement | Evidence | None:
        """Agreement or a counterexample on random matrices evaluated numerically; None: decide exactly."""
        return compare_on_instances(expected, answer, sampler=self.sampler, seed_text=self.seed_text,
                                    assumptions=self.assumptions, rtol=self.rtol, atol=self.atol, points=self.screen_points)

    def concrete_cases(self, expected: list[Basic], answer: list[Basic], wanted: int = 3):
        """Up to ``wanted`` instances (case, expected values, answer values); singular draws are skipped."""
        found = 0
        for case in instances.matrix_instances(expected + answer, self.assumptions, seed_text=self.seed_text, count=wanted * 3):
            if found == wanted:
                return
            try:
                concrete = [case.apply(x) for x in expected], [case.apply(x) for x in answer]
            except (sympy.matrices.exceptions.NonInvertibleMatrixError, ZeroDivisionError, ValueError):
                continue
            found += 1
            yield case, *concrete

    def instance_screen(self, expected: list[Basic], answer: list[Basic], size_case: instances.Instance,
                        function_case: instances.Instance) -> Outcome | None:
        """A counterexample on one concrete instance, or None."""
        concrete_e = [instances.apply_function_instance(function_case, size_case.apply(x)) for x in expected]
        concrete_a = [instances.apply_function_instance(function_case, size_case.apply(x)) for x in answer]
        screen = self.screen(concrete_e, concrete_a, self.screen_points)
        if screen.counterexample is None:
            return None
        description = "; ".join(d for d in (size_case.description, function_case.description) if d)
        return counterexample(with_detail(screen.counterexample, description))

    def matrix_expressions(self, expected: Basic, answer: Basic) -> Outcome:
        mismatch = _shape_difference(expected, answer)
        if mismatch:
            return shape_mismatch(mismatch)
        misfit = _size_misfit([expected], [answer])
        if misfit is not None:
            return misfit
        if expected == answer or structures.scalar_1x1_factors(expected) == structures.scalar_1x1_factors(answer):
            return Outcome(Status.CORRECT, Method.IDENTICAL, True, "Correct: the answer is the expected expression.")
        proved = False
        with self.budget.share(0.3):
            try:
                proved = _matrix_zero((expected - answer).doit().expand())
            except (TypeError, ValueError, AttributeError, NotImplementedError, sympy.ShapeError):
                proved = False
        if proved:
            return Outcome(Status.CORRECT, Method.SYMBOLIC, True, "Correct: proved equal (expand).")
        numeric = self.numeric_instances([expected], [answer])
        if isinstance(numeric, Evidence):
            return replace(counterexample(numeric), method=Method.INSTANCES)
        if numeric is not None:
            return _instances_agree(numeric.instances)
        checked = 0
        for case, (concrete_e,), (concrete_a,) in self.concrete_cases([expected], [answer]):
            checked += 1
            outcome = self.compare(_as_matrix(concrete_e), _as_matrix(concrete_a))
            if outcome.status is not Status.CORRECT:
                if outcome.evidence is not None and outcome.method is Method.NUMERIC:
                    located = counterexample(with_detail(outcome.evidence, case.description))
                    outcome = Outcome(
                        outcome.status, Method.INSTANCES, outcome.proved, located.message, located.evidence
                    )
                return outcome
        return _instances_agree(checked)

    # -- collections -------------------------------------------------------------------------------
    def sets(self, expected: sympy.FiniteSet, answer: sympy.FiniteSet) -> Outcome:
        wanted, given = list(expected.args), list(answer.args)
        if len(wanted) != len(given):
            return Outcome(Status.INCORRECT, Method.SHAPE, True,
                           f"Incorrect: expected {len(wanted)} value(s), got {len(given)}.")
        unmatched, proved = list(given), True
        for item in wanted:
            match = next((g for g in unmatched if self.compare(item, g).status is Status.CORRECT), None)
            if match is None:
                return Outcome(Status.INCORRECT, Method.NUMERIC, True, f"Incorrect: no answer value equals {to_text(item)}.")
            unmatched.remove(match)
        return Outcome(Status.CORRECT, Method.SYMBOLIC, proved, "Correct: the same values (in any order).")

    def tuples(self, expected: sympy.Tuple, answer: sympy.Tuple) -> Outcome:
        if len(expected) != len(answer):
            return shape_mismatch(f"expected {len(expected)} components, got {len(answer)}")
        outcomes = [self.compare(e, a) for e, a in zip(expected, answer)]
        for index, outcome in enumerate(outcomes):
            if outcome.status is not Status.CORRECT:
                return Outcome(
                    outcome.status, outcome.method, outcome.proved, f"Component {index + 1}: {outcome.message}", outcome.evidence
                )
        proved = all(o.proved for o in outcomes)
        return Outcome(Status.CORRECT, Method.SYMBOLIC if proved else Method.NUMERIC, proved, "Correct: every component agrees.")

    def equations(self, expected: sympy.Eq, answer: sympy.Eq) -> Outcome:
        """Same equation up to a nonzero factor: (l1 - r1) = c (l2 - r2); an equation naming a
        tuple, set or matrix (``D = (0, 1)``, ``n = 1, 2, 3``) compares the values it names."""
        if any(kind_of(side) != "scalar" for side in (*expected.args, *answer.args)):
            if expected.lhs != answer.lhs:
                return Outcome(Status.INCORRECT, Method.SHAPE, True,
                               f"Incorrect: the answer names {to_text(answer.lhs)}, not {to_text(expected.lhs)}.")
            return self.compare(expected.rhs, answer.rhs)
        left, right = canonical(expected.lhs - expected.rhs), canonical(answer.lhs - answer.rhs)
        for sign in (1, -1):
            outcome = self.values([left], [sign * right])
            if outcome.status is Status.CORRECT:
                return outcome
        factor = solution_sets.equation_factor(left, right) if left != 0 and right != 0 else None
        if factor is not None:
            return Outcome(Status.CORRECT, Method.NUMERIC, False,
                           f"Correct: the same equation ({factor[1]} {to_text(factor[0])}, checked at random points).")
        outcome = self.values([left], [right])
        return Outcome(Status.INCORRECT, outcome.method, outcome.proved,
                       "Incorrect: this equation is not equivalent to the expected one.", outcome.evidence)


# -- helpers ---------------------------------------------------------------------------------------

def _instances_agree(checked: int) -> Outcome:
    """Correct on ``checked`` sets of random matrices (undecided when none could be evaluated)."""
    if not checked:
        return Outcome(Status.UNDECIDED, Method.INSTANCES, False, "Undecided: no random instance could be evaluated.")
    return Outcome(Status.CORRECT, Method.INSTANCES, False,
                   f"Correct (on instances): equal for {checked} sets of random concrete matrices; not proved symbolically.",
                   Evidence(points_checked=checked))


def _as_matrix(obj: Basic) -> Basic:
    if isinstance(obj, MatrixExpr) and not isinstance(obj, MatrixBase):
        try:
            return ImmutableMatrix(obj.as_explicit())
        except (ValueError, TypeError, AttributeError):
            return obj
    return obj


def _matrix_zero(obj: Basic) -> bool:
    if isinstance(obj, sympy.ZeroMatrix) or obj == 0:
        return True
    return isinstance(obj, MatrixBase) and all(entry == 0 for entry in obj)


def _shape_difference(expected: Basic, answer: Basic) -> str | None:
    shapes = getattr(expected, "shape", None), getattr(answer, "shape", None)
    if None in shapes:
        return None
    if all(sympy.simplify(sympy.sympify(a) - sympy.sympify(b)) == 0 for a, b in zip(*shapes)):
        return None
    return f"expected shape {shape_text(shapes[0])}, got {shape_text(shapes[1])}"


def _size_misfit(expected: list[Basic], answer: list[Basic]) -> Outcome | None:
    """Incorrect when the answer's products fit together only for special sizes (``m = n``)."""
    misfit = instances.size_misfit(sympy.Tuple(*expected), sympy.Tuple(*answer))
    return shape_mismatch(f"the answer's matrix sizes do not fit together when {misfit}") if misfit else None


_CONSTANT_DIGITS = 100
_TIGHT_DIGITS = 40  # the high-precision re-verification of an agreement, at each agreed point


def _both_complex_differ(value_expected: mpmath.mpc, answer: Basic, point: dict, digits: int, rtol: float,
                         atol: float) -> bool | None:
    """True when the answer is complex too and differs; None (the point is skipped) otherwise."""
    try:
        value_answer = evaluate(answer, point, digits=digits)
    except (Undefined, Unevaluable):
        return None
    if is_real_value(value_answer) or close(value_expected, value_answer, rtol=rtol, atol=atol):
        return None
    return True


def _agree_to_digits(expected: list[Basic], answer: list[Basic], digits: int, point: dict | None = None) -> bool:
    """Equal to ``digits`` significant digits (at ``point``; constants need none): exact
    numbers that agree that far are taken as equal; a decimal approximation never does."""
    for e, a in zip(expected, answer):
        try:
            value_e, value_a = evaluate(e, point or {}, digits=digits + 20), evaluate(a, point or {}, digits=digits + 20)
        except (Undefined, Unevaluable):
            return False
        if not close(value_e, value_a, rtol=10.0 ** -digits, atol=10.0 ** -digits):
            return False
    return True


def _value_text(expr: Basic, point: dict, digits: int = 10) -> str:
    try:
        value = evaluate(expr, point, digits=digits + 10)
    except (Undefined, Unevaluable):
        return "undefined"
    if is_real_value(value):
        return mpmath.nstr(getattr(value, "real", value), digits)
    return f"{mpmath.nstr(value, digits)} (complex)"



