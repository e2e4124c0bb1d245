r"""Two consecutive equation rows compared by their solutions, as STACK's equivalence reasoning does.

Solutions are real (a complex root of ``x^3 = 1`` is no solution). A row follows from the
row before when it is the same equation up to a nonzero factor (decided by the comparison
engine), or when the two have the same solutions in the
unknowns. Each solution of one row is put into the other: the rest must be 0 (decided by
the engine), or, where variables the later row eliminated are left (a multiplier
``\lambda``), solvable for them. After ``\Rightarrow`` solutions may be lost but not gained;
otherwise a row that loses or gains solutions is flagged with the likely reason.

>>> from sympy import Eq, symbols
>>> from ._check import check
>>> x = symbols("x")
>>> same = lambda a, b: check(a, b, timeout=1.0)
>>> step = compare_equations((Eq(x**2, x),), (Eq(x, 1),), connector="", unknowns=(x,), same=same)
>>> step.holds, step.message
(False, 'this step loses the solution x = 0 (dividing by an expression that can be zero, or keeping one root only?)')
>>> compare_equations((Eq(x**2, x),), (Eq(x, 1),), connector="implies", unknowns=(x,), same=same).holds
True
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import sympy
from sympy import Basic

from ._reading import to_text
from ._verdict import Status, Verdict
from ._work_rows import IMPLIES

__all__ = ["EquationStep", "compare_equations"]

Same = Callable[[Basic, Basic], Verdict]
_MOST_SOLUTIONS = 12


@dataclass(frozen=True)
class EquationStep:
    """``holds`` True (follows), False (flagged, ``message`` says why) or None (undecided);
    ``lost`` solutions that were dropped where that is allowed (after ``\\Rightarrow``)."""

    holds: bool | None
    message: str
    verdict: Verdict | None = None
    lost: tuple[str, ...] = ()


def compare_equations(before: Sequence[sympy.Eq], after: Sequence[sympy.Eq], *, connector: str,
                      unknowns: Sequence[Basic], same: Same, points: Sequence[dict] | None = None) -> EquationStep:
    """Whether the equations ``after`` follow from ``before`` (see the module docstring);
    ``points``: the solutions of ``after`` when the row lists them."""
    verdict = same(before[0], after[0]) if len(before) == len(after) == 1 else None
    if verdict is not None and verdict.status is Status.CORRECT:
        how = verdict.message.removeprefix("Correct: ").rstrip(".")
        return EquationStep(True, how if how.startswith("the same equation") else f"the same equation ({how})")
    eliminated = _eliminated(before, after, unknowns)
    found = list(points) if points is not None else _solutions(after, unknowns, eliminated)
    gained = _not_solving(found, before, eliminated, same)
    lost = _not_solving(_solutions(before, unknowns, eliminated), after, eliminated, same)
    if gained and lost:
        return EquationStep(False, f"this step changes the solutions: it gains {gained[0]} and loses {lost[0]}", verdict)
    algebra = len(unknowns) == 1 and not any(eq.has(sympy.Sum) for eq in (*before, *after))
    if gained:
        why = " (squaring, or multiplying by an expression that can be zero?)" if algebra else ""
        return EquationStep(False, f"this step gains the solution {gained[0]}{why}", verdict)
    if lost and connector != IMPLIES:
        why = " (dividing by an expression that can be zero, or keeping one root only?)" if algebra else ""
        return EquationStep(False, f"this step loses the solution {lost[0]}{why}", verdict)
    if gained is None or lost is None:
        return EquationStep(None, "the solutions of this row and the row before could not be compared", verdict)
    if lost:
        return EquationStep(True, f"follows from the row before (the solution {lost[0]} is dropped)", verdict, lost)
    return EquationStep(True, "the same solutions as the row before", verdict)


def _eliminated(before: Sequence[sympy.Eq], after: Sequence[sympy.Eq], unknowns: Sequence[Basic]) -> tuple[Basic, ...]:
    """Variables one row has and the other does not, that are not the unknowns (a multiplier)."""
    first, second = _free(before), _free(after)
    return tuple(sorted((first ^ second) - set(unknowns), key=str))


def _free(equations: Sequence[sympy.Eq]) -> set[Basic]:
    return {s for eq in equations for s in eq.free_symbols}


def _solutions(equations: Sequence[sympy.Eq], unknowns: Sequence[Basic], eliminated: Sequence[Basic]) -> list[dict] | None:
    """The solutions in the unknowns (and eliminated variables) the equations use; None when unknown."""
    wanted = [v for v in (*unknowns, *eliminated) if v in _free(equations)]
    if not wanted:
        return None
    try:
        found = sympy.solve(list(equations), wanted, dict=True)
    except (NotImplementedError, TypeError, ValueError, AttributeError, sympy.PolynomialError):
        return None
    if len(found) > _MOST_SOLUTIONS or any(value.has(sympy.ConditionSet) for s in found for value in s.values()):
        return None
    found = [s for s in found if not any(value.has(sympy.I) for value in s.values())]  # solutions over the reals
    return [{k: v for k, v in s.items() if k in unknowns} or s for s in found]


def _not_solving(solutions: list[dict] | None, equations: Sequence[sympy.Eq], eliminated: Sequence[Basic],
                 same: Same) -> list[str] | None:
    """The solutions (as text) that do not satisfy ``equations``; None when that cannot be decided."""
    if solutions is None:
        return None
    failing = []
    for solution in solutions:
        satisfied = _satisfies(solution, equations, eliminated, same)
        if satisfied is None:
            return None
        if not satisfied:
            failing.append(", ".join(f"{to_text(k)} = {to_text(v)}" for k, v in solution.items()))
    return failing


def _number_status(rest: Basic) -> Status | None:
    """Whether a rest that is a plain number is 0 (exactly, or clearly not at 30 digits); None otherwise."""
    if not isinstance(rest, sympy.Expr) or rest.free_symbols or rest.has(sympy.Sum, sympy.Function):
        return None
    if sympy.expand(rest) == 0:
        return Status.CORRECT
    value = sympy.N(rest, 30)
    return Status.INCORRECT if value.is_number and abs(value) > sympy.Float("1e-20") else None


def _satisfies(solution: dict, equations: Sequence[sympy.Eq], eliminated: Sequence[Basic], same: Same) -> bool | None:
    rests = [sympy.sympify(eq.lhs - eq.rhs).xreplace(solution) for eq in equations]
    left = [v for v in eliminated if any(v in r.free_symbols for r in rests)]
    if left:
        try:
            return bool(sympy.solve(rests, left, dict=True))
        except (NotImplementedError, TypeError, ValueError, sympy.PolynomialError):
            return None
    for rest in rests:
        status = _number_status(rest) or same(sympy.Integer(0), rest).status
        if status is Status.INCORRECT:
            return False
        if status is not Status.CORRECT:
            return None
    return True
