r"""Sets of real numbers: intervals, unions, set-builder sets, and a condition as the set where it holds.

The readers build these objects (``[0, 1)``, ``(-\infty, 3] \cup (5, \infty)``,
``\{x : x^2 < 1\}``, ``x \in [-2, 7]``; ``Interval(0, 1)``, ``Union(...)`` in sympy syntax);
the comparison compares two of them, or one and a condition in one variable, as sets: equal
when neither holds a point the other lacks. ``(a, b)`` is a point and ``[a, b]`` a vector,
except where a set of reals is meant: next to ``\cup``/``\cap``/``\setminus``, after
``\in``, with an infinite end, or when the reference is a set of reals (then the comparison
reads it as the open or closed interval and says so).

>>> from sympy import Symbol, Tuple, oo
>>> x = Symbol("x")
>>> set_operation("∪", Tuple(-oo, 3), interval(5, oo, True, True))
Union(Interval.open(-oo, 3), Interval.open(5, oo))
>>> solution_set(x**2 < 1)
Interval.open(-1, 1)
>>> spell(set_operation("∪", interval(0, 1, False, True), sympy.FiniteSet(2)))
'[0, 1) ∪ {2}'
"""

from __future__ import annotations

import sympy
from sympy import Basic, ImmutableMatrix

from ._arithmetic import Refused
from ._outcome import Outcome
from ._solution_sets import solution_set_in
from ._verdict import Method, Status

__all__ = ["interval", "as_interval", "set_operation", "membership", "set_builder", "is_real_set", "solution_set",
           "spell", "compared_as_sets"]

_OPERATIONS = {"∪": sympy.Union, "∩": sympy.Intersection, "∖": sympy.Complement}
_SOLVE_FAILURES = (TypeError, ValueError, NotImplementedError, AttributeError, sympy.PolynomialError, RecursionError)


def interval(low: Basic, high: Basic, left_open: bool, right_open: bool) -> sympy.Set:
    """The interval between two real ends (an infinite end is open); ends in the wrong order are refused.

    >>> interval(0, 1, False, True)
    Interval.Ropen(0, 1)
    """
    for end in (low, high):
        if not isinstance(sympy.sympify(end), sympy.Expr) or sympy.sympify(end).is_extended_real is False:
            raise Refused("the ends of an interval must be real numbers")
    if (sympy.sympify(low) > sympy.sympify(high)) is sympy.true:
        raise Refused("this interval's left end is larger than its right end")
    return sympy.Interval(low, high, left_open or low == -sympy.oo, right_open or high == sympy.oo)


def as_interval(value: Basic, *, strict: bool = True) -> sympy.Set | None:
    """A set as itself; where a set of reals is meant, ``(a, b)`` is the open and ``[a, b]``
    the closed interval. None (or, with ``strict``, a refusal) for anything else."""
    if isinstance(value, sympy.Set):
        return value
    if isinstance(value, sympy.Tuple) and len(value) == 2:
        return interval(value[0], value[1], True, True)
    if isinstance(value, ImmutableMatrix) and len(value) == 2 and 1 in value.shape:
        return interval(value[0], value[1], False, False)
    if strict:
        raise Refused("only sets and intervals can be joined by \\cup, \\cap or \\setminus")
    return None


def set_operation(operator: str, left: Basic, right: Basic) -> sympy.Set:
    """``∪``, ``∩`` or ``∖`` (set difference) of two sets or intervals."""
    return _OPERATIONS[operator](as_interval(left), as_interval(right), evaluate=False).doit()


def membership(element: Basic, collection: Basic, *, negated: bool = False) -> Basic:
    """``x \\in S`` (``\\notin`` with ``negated``) as a condition."""
    if not isinstance(element, sympy.Expr):
        raise Refused("only a number or a variable can be an element of a set")
    condition = sympy.Contains(element, as_interval(collection))
    return sympy.Not(condition) if negated else condition


def set_builder(variable: Basic, condition: Basic) -> sympy.Set:
    """``\\{x : condition\\}``, the real numbers x for which the condition holds."""
    if not isinstance(variable, sympy.Symbol):
        raise Refused("a set-builder set starts with one variable: \\{x : x > 0\\}")
    if not isinstance(condition, sympy.logic.boolalg.Boolean) or isinstance(condition, sympy.Expr):
        raise Refused("after ':' a set-builder set needs a condition such as x > 0")
    return sympy.ConditionSet(variable, condition, sympy.S.Reals)


def is_real_set(obj: object) -> bool:
    """True for a set that is not a plain list of values: an interval, a union, the empty set ..."""
    return isinstance(obj, sympy.Set) and not isinstance(obj, sympy.FiniteSet)


def solution_set(obj: Basic) -> sympy.Set | None:
    """The set of reals ``obj`` stands for: a set as itself (a set-builder set solved), a
    condition or equation in one variable as the set where it holds; None when unknown."""
    if isinstance(obj, sympy.ConditionSet):
        return solution_set(obj.condition.xreplace({obj.sym: sympy.Dummy("x")}))
    if isinstance(obj, sympy.Set):
        return None if obj.has(sympy.ConditionSet) else obj
    if isinstance(obj, sympy.Contains) and isinstance(obj.args[0], sympy.Symbol):
        return solution_set(obj.args[1])  # x \in S: the set S
    if not isinstance(obj, sympy.logic.boolalg.Boolean) or isinstance(obj, sympy.Expr):
        return None
    variables = [s for s in obj.free_symbols if isinstance(s, sympy.Symbol)]
    if len(variables) != 1:
        return None
    real = sympy.Dummy(variables[0].name, real=True)
    try:
        found = solution_set_in(obj.xreplace({variables[0]: real}), real)
    except _SOLVE_FAILURES:
        return None
    return None if found.has(sympy.ConditionSet) else found


def compared_as_sets(expected: Basic, answer: Basic) -> Outcome | None:
    """The outcome of comparing two sets of reals, when either side is one (a condition or
    equation in one variable standing for the set where it holds); None when neither is.

    >>> x = sympy.Symbol("x")
    >>> compared_as_sets(interval(0, 1, False, True), sympy.Tuple(0, 1)).message
    'Incorrect: the answer (read as the open interval (0, 1)) lacks {0}, which the expected set contains.'
    """
    if not (_stands_for_set(expected) and _stands_for_set(answer)) or not (is_real_set(expected) or is_real_set(answer)
                                                                            or _mixed(expected, answer)):
        return None
    note = ""
    try:
        if isinstance(expected, (sympy.Tuple, ImmutableMatrix)):
            expected = as_interval(expected)  # the answer is a set of reals: so is the pair of ends
        if isinstance(answer, (sympy.Tuple, ImmutableMatrix)):
            answer = as_interval(answer)
            note = f" (read as the {'open' if answer.left_open else 'closed'} interval {spell(answer)})"
    except Refused:
        return None
    wanted, given = solution_set(expected), solution_set(answer)
    if wanted is None or given is None or not _one_variable(expected, answer):
        return Outcome(Status.UNDECIDED, Method.SYMBOLIC, False,
                       "Undecided: the two could not be compared as sets of real numbers.")
    return _set_difference(wanted, given, note)


def _set_difference(wanted: sympy.Set, given: sympy.Set, note: str) -> Outcome:
    extra, missing = sympy.Complement(given, wanted), sympy.Complement(wanted, given)
    if extra is sympy.EmptySet and missing is sympy.EmptySet:
        return Outcome(Status.CORRECT, Method.SYMBOLIC, True, f"Correct: the same set of real numbers{note}.")
    if extra.is_empty is False:
        return Outcome(Status.INCORRECT, Method.SYMBOLIC, True,
                       f"Incorrect: the answer{note} also contains {spell(extra)}, which the expected set does not.")
    if missing.is_empty is False:
        return Outcome(Status.INCORRECT, Method.SYMBOLIC, True,
                       f"Incorrect: the answer{note} lacks {spell(missing)}, which the expected set contains.")
    return Outcome(Status.UNDECIDED, Method.SYMBOLIC, False,
                   "Undecided: the two sets of real numbers could not be compared.")


def _is_condition(obj: object) -> bool:
    return isinstance(obj, sympy.logic.boolalg.Boolean) and not isinstance(obj, (sympy.Expr, sympy.Set))


def _stands_for_set(obj: object) -> bool:
    """A set, a condition or equation, or a pair of ends that may be an interval."""
    return isinstance(obj, sympy.Set) or _is_condition(obj) or (
        isinstance(obj, (sympy.Tuple, ImmutableMatrix)) and len(obj) == 2)


def _mixed(expected: Basic, answer: Basic) -> bool:
    """A condition answered by an interval (``-1 < a < 10``, ``(-1, 10)``) or by an equation, or the reverse."""
    if _is_condition(expected) and isinstance(answer, sympy.Tuple):
        return True
    kinds = {isinstance(side, sympy.Eq) for side in (expected, answer) if _is_condition(side)}
    return len(kinds) == 2


def _one_variable(expected: Basic, answer: Basic) -> bool:
    """Two conditions must speak of one and the same variable."""
    conditions = [side for side in (expected, answer) if _is_condition(side)]
    names = {s for side in conditions for s in side.free_symbols if isinstance(s, sympy.Symbol)}
    return len(names) <= 1


def spell(found: sympy.Set) -> str:
    """A set of reals as one writes it: ``(0, 1] ∪ {2}``."""
    if isinstance(found, sympy.Interval):
        left, right = "(" if found.left_open else "[", ")" if found.right_open else "]"
        return f"{left}{_number(found.start)}, {_number(found.end)}{right}"
    if isinstance(found, sympy.Union):
        return " ∪ ".join(spell(part) for part in found.args)
    if found is sympy.EmptySet:
        return "the empty set"
    if isinstance(found, sympy.FiniteSet):
        return "{" + ", ".join(_number(value) for value in found.args) + "}"
    return sympy.sstr(found)


def _number(value: Basic) -> str:
    return {sympy.oo: "∞", -sympy.oo: "-∞"}.get(value, sympy.sstr(value))
