"""Compare matrix objects on random concrete instances, numerically.

For each instance (random matrices of compatible sizes, from :mod:`checkers._instances`)
and a few test points of the remaining scalar variables, both sides are evaluated with
:class:`checkers._matrix_values.MatrixValues` at 60 digits:

- entries that differ beyond the tolerance are re-evaluated at 120 digits; a difference
  that remains is a counterexample (the point, the entry and both values);
- entries that agree to 40 significant digits agree (the high-precision re-verification of
  an agreement, as for scalars); anything in between, an object the evaluator does not
  know, or no instance where the reference has a value, leaves the decision to the exact
  instances (None).

>>> from sympy import MatrixSymbol, Symbol
>>> from checkers._sampling import PointSampler
>>> n = Symbol("n", integer=True, positive=True)
>>> A, x = MatrixSymbol("A", n, n), MatrixSymbol("x", n, 1)
>>> sampler = PointSampler(seed_text="doc")
>>> compare_on_instances([(A + A.T) * x], [A * x + A.T * x], sampler=sampler, seed_text="doc")
Agreement(instances=3, points=3)
>>> compare_on_instances([(A + A.T) * x], [2 * A * x], sampler=sampler, seed_text="doc").detail
'entry 1; for random matrices of sizes n = 2'
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import mpmath
from sympy import Basic

from . import _instances as instances
from ._matrix_values import MatrixValues, Undefined, Unevaluable
from ._numeric import close, is_real_value
from ._sampling import PointSampler, variables_of
from ._verdict import Evidence

__all__ = ["Agreement", "compare_on_instances"]

_DIGITS = 60  # the working precision of every evaluation
_CONFIRM_DIGITS = 120  # a difference is confirmed at this precision before it is reported
_AGREE_DIGITS = 40  # an agreement holds to this many significant digits


@dataclass(frozen=True)
class Agreement:
    """Both sides agreed on ``instances`` instances, at ``points`` points in all."""

    instances: int
    points: int


class _Inconclusive(Exception):
    """Neither a confirmed difference nor a tight agreement: the exact instances decide."""


def compare_on_instances(expected: Sequence[Basic], answer: Sequence[Basic], *, sampler: PointSampler, seed_text: str,
                         assumptions: Sequence[Basic] = (), rtol: float = 1e-12, atol: float = 1e-14,
                         wanted: int = 3, points: int = 4) -> Agreement | Evidence | None:
    """Agreement on ``wanted`` instances (``points`` test points each when scalar variables
    remain, one otherwise), the first confirmed counterexample, or None (see the module)."""
    expected, answer = list(expected), list(answer)
    found = Agreement(0, 0)
    for case in instances.matrix_instances(expected + answer, assumptions, seed_text=seed_text, count=wanted * 3):
        if found.instances == wanted:
            break
        sized_e, sized_a = instances.sized(expected, case), instances.sized(answer, case)
        if sized_e is None or sized_a is None:
            continue
        try:
            agreed = _compare_case(sized_e, sized_a, case, sampler, (rtol, atol), points)
        except (Unevaluable, _Inconclusive):
            return None
        if isinstance(agreed, Evidence):
            return agreed
        if agreed:
            found = Agreement(found.instances + 1, found.points + agreed)
    return found if found.instances else None


def _compare_case(expected: list[Basic], answer: list[Basic], case: instances.Instance, sampler: PointSampler,
                  tolerance: tuple[float, float], wanted: int) -> int | Evidence:
    """The number of points where both sides agree on this instance, or a counterexample."""
    variables = variables_of(expected + answer)
    agreed = 0
    for point in sampler.points(variables, wanted * 4) if variables else [{}]:
        if agreed == wanted:
            break
        values = _values_at(expected, answer, case, point, _DIGITS)
        if values is None:  # the reference has no (real) value here
            continue
        differing = _first_difference(*values, tolerance)
        if differing is not None:
            confirmed = _values_at(expected, answer, case, point, _CONFIRM_DIGITS)
            if confirmed is not None and _first_difference(*confirmed, tolerance) == differing:
                return _evidence(confirmed, differing, point, case, len(values[0]))
            raise _Inconclusive
        if _first_difference(*values, (10.0**-_AGREE_DIGITS,) * 2) is not None:
            raise _Inconclusive
        agreed += 1
    return agreed


def _values_at(expected: list[Basic], answer: list[Basic], case: instances.Instance, point: dict,
               digits: int) -> tuple[list, list | None] | None:
    """(reference entries, answer entries or None where the answer has no real value), or
    None where the reference has none."""
    try:
        reference = _entries(expected, case, point, digits)
    except Undefined:
        return None
    if not all(is_real_value(v) for v in reference):
        return None
    try:
        given = _entries(answer, case, point, digits)
    except Undefined:
        return reference, None
    return reference, (given if all(is_real_value(v) for v in given) and len(given) == len(reference) else None)


def _entries(objects: list[Basic], case: instances.Instance, point: dict, digits: int) -> list:
    values = MatrixValues(case.replacements, point, digits=digits)
    try:
        return [entry for obj in objects for entry in values.entries(obj)]
    except (ZeroDivisionError, OverflowError) as error:
        raise Undefined(str(error)) from None


def _first_difference(reference: list, given: list | None, tolerance: tuple[float, float]) -> int | None:
    """The index of the first entry that differs (0 when the answer has no value), or None."""
    if given is None:
        return 0
    rtol, atol = tolerance
    return next((k for k, (e, a) in enumerate(zip(reference, given)) if not close(e, a, rtol=rtol, atol=atol)), None)


def _evidence(values: tuple[list, list | None], index: int, point: dict, case: instances.Instance, count: int) -> Evidence:
    reference, given = values
    expected_value = reference[index]
    answer_value = given[index] if given is not None else None
    digits = 10
    while digits < 40 and answer_value is not None and _text(expected_value, digits) == _text(answer_value, digits):
        digits += 10
    entry = f"entry {index + 1}" if count > 1 else None
    return Evidence(point={str(k): v for k, v in point.items()}, expected=_text(expected_value, digits),
                    answer="undefined" if answer_value is None else _text(answer_value, digits),
                    detail="; ".join(filter(None, (entry, case.description))))


def _text(value: object, digits: int) -> str:
    return mpmath.nstr(getattr(value, "real", value), digits)
