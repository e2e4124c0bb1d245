"""``check``: the one entry point that turns (expected, answer) into a Verdict.

>>> v = check("x**2", "x*x")
>>> v.status.value, v.method.value
('correct', 'identical')
>>> check("2*x", "x + 1").status.value
'incorrect'
>>> check("2*x", "2*").status.value
'invalid'
"""

from __future__ import annotations

import functools
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import sympy
from sympy import Basic

from derive._labels import Label
from derive._log import LOG

from ._answer_shape import GradingPlan, plan_grading
from ._budget import CALLS_PER_SECOND, REFERENCE_EXTRA_SECONDS, Budget, uncounted
from ._compare import PROOF_SECONDS, Comparison, Outcome
from ._definitions import expand_definitions
from ._errors import InvalidAnswer, UsageError
from ._limits import DEFAULT_LIMITS, Limits
from ._outcome import shape_mismatch
from ._read import looks_like_latex, read_answer
from ._reading import Reading, to_text
from ._verdict import Method, Status, Verdict
from ._vocabulary import Vocabulary

if TYPE_CHECKING:
    from derive._mistakes import BuggyResult

__all__ = ["check", "read_expected", "REFERENCE_EXTRA_SECONDS"]

_DIAGNOSIS_SHARE = 0.5  # of what the comparison left of the check's budget
_DIAGNOSIS_SECONDS = 0.5
"""The most work a diagnosis gets when no mistakes are predicted (the context-free relations
only): an answer to a reference without a derivation is not worth half the check's budget."""


def check(
    expected: object,
    answer: object,
    *,
    symbols: Iterable[object] = (),
    timeout: float = 5.0,
    assumptions: Iterable[Basic] = (),
    rtol: float = 1e-12,
    notation: str = "auto",
    limits: Limits = DEFAULT_LIMITS,
    up_to_constant_in: Iterable[Basic] = (),
    definitions: Mapping[Basic, Basic] | None = None,
    decimals: bool = False,
    mistakes: Sequence[BuggyResult] = (),
    diagnose: bool = True,
    partial_credit: bool = True,
    proof_budget: float = PROOF_SECONDS,
) -> Verdict:
    """Decide whether ``answer`` equals ``expected``; never raises for a bad answer.

    ``expected``: a sympy object or text whose names define the vocabulary (a
    :class:`derive.Label` takes a word answer); text that cannot be read raises
    :class:`UsageError`. ``symbols``: declared names (Symbol, MatrixSymbol, IndexedBase,
    undefined Function); ``assumptions``: facts such as ``Q.symmetric(A)`` or a stated
    domain ``Contains(x, Interval.open(0, 1))``; ``rtol``: the numeric tolerance;
    ``up_to_constant_in``: variables an additive constant may not depend on (their
    derivatives are compared); ``definitions``: the names a problem defines with their
    values (see :func:`checkers.read_definitions`), substituted in both sides;
    ``decimals``: accept a decimal that is the exact value rounded or truncated in its last
    digit (at least 3 significant digits); ``mistakes``: the results a problem's derivation
    predicts for misapplied rules, tried first when the answer is incorrect (see
    :mod:`checkers._diagnosis`: a diagnosis is given only when verified); ``diagnose``: look
    for the mistake in an incorrect answer at all; ``partial_credit``: score an incorrect
    vector, matrix, tuple or set by the fraction of entries right (else all-or-nothing);
    ``proof_budget``: the seconds of work a symbolic proof gets before the values are compared
    at many points; when they agree there, and again at high precision, the answer is correct
    without a proof (``proved`` false, the points as evidence) and no longer proof is tried.

    ``timeout`` is a budget of *work* (function calls, and the thread's CPU time for work in
    C), so the verdict does not depend on how busy the machine is; a reference given as text
    is read within ``timeout`` + 2 s of its own. The budget is cooperative: it stops the check
    at its next Python call, so a single long C operation (big-integer arithmetic, a
    factorisation) would run past it. The readers' caps exclude those before any arithmetic
    runs: integer literals over 60 digits, exponents over 10,000, any exact number an
    operation would make over 500 digits (``1e9999999``, ``10^{10^{10}}``, ``sqrt`` of a
    product of huge integers), factorials and binomials over 1,000, answers over 10,000
    characters or 60 levels deep. Not excluded: numeric functions of huge capped arguments
    (``floor(exp(10**50))``) and heavy symbolic work on small input, which stop within the
    thread's CPU allowance (``timeout`` + 0.5 s). To bound a check whatever it reads, run it
    in a process that can be killed (``derivecheck check`` and ``grade`` do).

    >>> check("2*x*cos(x**2)", "-2*x*cos(x**2)").diagnosis.kind.value
    'sign'
    """
    if isinstance(expected, Label):
        from ._labels import check_label

        return check_label(expected, answer)
    started, assumptions = time.monotonic(), tuple(assumptions)
    declared = Vocabulary.from_objects(*symbols, assumptions=assumptions, definitions=definitions)
    reference = read_expected(expected, declared, limits, timeout=timeout + REFERENCE_EXTRA_SECONDS)
    question = _Question(reference, declared.merged(Vocabulary.from_objects(reference)), assumptions, rtol, limits,
                         notation, tuple(up_to_constant_in), decimals, mistakes, diagnose, partial_credit, proof_budget)
    outcome, reading = question.grade(answer, Budget(timeout))
    return outcome if isinstance(outcome, Verdict) else _verdict(outcome, reading, started)


@dataclass(frozen=True)
class _Question:
    """A reference with everything that says how answers to it are read and compared."""

    reference: Basic
    vocabulary: Vocabulary
    assumptions: tuple[Basic, ...]
    rtol: float
    limits: Limits
    notation: str
    up_to_constant_in: tuple[Basic, ...]
    decimals: bool
    mistakes: Sequence[BuggyResult] = ()  # kept as given: a lazy sequence is built only if diagnosed
    diagnose: bool = True
    partial_credit: bool = True
    proof_budget: float = PROOF_SECONDS

    def grade(self, answer: object, budget: Budget) -> tuple[Outcome | Verdict, Reading | None]:
        """The outcome for ``answer`` within ``budget`` (an invalid answer is its Verdict at once)."""
        started, readings = time.monotonic(), []
        try:
            with budget:
                readings.append(_read(answer, self.vocabulary, self.limits, self.notation))
                return self.compare(readings[0], budget), readings[0]
            return _out_of_time(budget), readings[0] if readings else None
        except InvalidAnswer as error:
            return (_sizes_do_not_fit(error) if error.shape else _invalid(error, started)), None
        except Exception as error:  # a sympy failure must become a verdict, never a traceback
            return _failure(error), readings[0] if readings else None

    def compare(self, reading: Reading, budget: Budget) -> Outcome:
        """Compare what was read with the reference (definitions expanded, links checked)."""
        plan = _expanded(plan_grading(self.reference, reading.members, self.vocabulary), self.vocabulary.definitions)
        compared = _up_to_constant(plan, self.up_to_constant_in)
        seed_text = f"{_reference_text(compared.expected)}|{_stable_text(compared.graded)}"
        comparison = Comparison(budget, seed_text=seed_text, assumptions=self.assumptions, rtol=self.rtol,
                                proof_seconds=self.proof_budget)
        outcome = _grade(comparison, compared, reading if self.decimals else None)
        if outcome.status is not Status.INCORRECT or not (self.diagnose or self.partial_credit):
            return outcome
        return self.diagnosed(outcome, plan, budget, seed_text)

    def diagnosed(self, outcome: Outcome, plan: GradingPlan, budget: Budget, seed_text: str) -> Outcome:
        """The incorrect ``outcome`` with its verified diagnosis and partial credit, found within
        a share of what is left of ``budget`` (nothing is claimed if that share runs out)."""
        from ._diagnosis import Finding, Verifier, diagnose  # only an incorrect answer is diagnosed

        predicted = not isinstance(self.mistakes, (tuple, list)) or self.mistakes  # a lazy sequence is not built here
        at_most = None if predicted else int(_DIAGNOSIS_SECONDS * CALLS_PER_SECOND)
        # half the calls left and at most half the CPU and wall time left: the check keeps time to
        # finish (a diagnosis never makes it undecided), and the calls, not the machine's speed, bound it
        found, share = Finding(), budget.share(_DIAGNOSIS_SHARE, at_most=at_most, clocks=_DIAGNOSIS_SHARE)
        try:
            with share:
                verify = Verifier.for_budget(share, seed_text=seed_text, assumptions=self.assumptions, rtol=self.rtol)
                found = diagnose(plan.expected, plan.graded, verify, self.mistakes, written=self.reference)
        except Exception as error:  # a diagnosis that fails says nothing; the verdict stands
            LOG.debug("the diagnosis failed", exc_info=error)
            return outcome
        if share.expired:
            return outcome
        return replace(outcome, diagnosis=found.diagnosis if self.diagnose else None,
                       partial_credit=found.partial_credit if self.partial_credit else None)


def _out_of_time(budget: Budget) -> Outcome:
    """Undecided: the work allowance was spent, or (the safety net) the machine was too slow."""
    if budget.reason == "ceiling":
        message = (f"Undecided: the machine was too slow to finish the check's work within {budget.ceiling:.0f} s "
                   "of wall time; try again on a less busy machine.")
    else:
        message = f"Undecided: the check's work budget ({budget.seconds:g} s of work) ran out before a decision."
    return Outcome(Status.UNDECIDED, Method.BUDGET, False, message)


def _sizes_do_not_fit(error: InvalidAnswer) -> Outcome:
    """Sizes that do not fit inside a readable answer: incorrect (shape), as a wrong-shaped answer."""
    outcome = shape_mismatch(error.message)
    return replace(outcome, message="\n".join(filter(None, (outcome.message, error.pointer()))))


def _read(answer: object, vocabulary: Vocabulary, limits: Limits, notation: str) -> Reading:
    """The answer as read; names the reference lacks are allowed where the value does not depend on them."""
    try:
        return read_answer(answer, vocabulary, limits, notation=notation)
    except InvalidAnswer as error:
        from ._unknown_names import retry_with_new_names

        return retry_with_new_names(error, answer, vocabulary, limits, notation=notation)


def _failure(error: Exception) -> Outcome:
    """The undecided outcome of a comparison that failed (too large, or a sympy error); the
    message is a sentence for the student, the exception goes to the log for developers."""
    LOG.debug("the comparison failed", exc_info=error)
    if isinstance(error, (RecursionError, MemoryError)):
        return Outcome(Status.UNDECIDED, Method.BUDGET, False,
                       "Undecided: the answer is too large or too deeply nested to compare.")
    return Outcome(Status.UNDECIDED, Method.BUDGET, False,
                   "Undecided: derivecheck could not finish comparing this answer; it is neither accepted nor rejected.")


def read_expected(expected: object, declared: Vocabulary, limits: Limits = DEFAULT_LIMITS, *,
                  what: str = "the expected answer", timeout: float = 5.0) -> Basic:
    """The reference as a sympy object (text is read with names open, under the reference's
    looser caps and within its own work budget of ``timeout`` seconds); text that cannot be
    read, or not within the budget, is a :class:`UsageError` naming ``what`` it is.

    >>> read_expected("y = 2x", Vocabulary())
    Eq(y, 2*x)
    >>> read_expected("x*floor(exp(10**50))", Vocabulary(), timeout=0.2)
    Traceback (most recent call last):
    ...
    checkers._errors.UsageError: cannot read the expected answer within 0.2 s of work: it is too large to work with
    """
    if isinstance(expected, (Basic, sympy.MatrixBase)):
        return sympy.ImmutableMatrix(expected) if isinstance(expected, sympy.MatrixBase) else expected
    if isinstance(expected, (int, float)) and not isinstance(expected, bool):
        return sympy.Integer(expected) if isinstance(expected, int) else sympy.Rational(repr(expected))
    if not isinstance(expected, str):
        raise UsageError(f"{what} must be text or a sympy object, not {type(expected).__name__}")
    members: tuple[Basic, ...] = ()
    try:
        with Budget(timeout) as budget:
            members = _reference_members(expected, declared, limits)
    except InvalidAnswer as error:
        raise error.as_usage_error(what) from None
    if budget.expired:
        raise UsageError(f"cannot read {what} within {timeout:g} s of work: it is too large to work with")
    if len(members) == 2:
        return sympy.Eq(*members, evaluate=False)
    if len(members) > 2 and isinstance(members[0], sympy.Symbol):
        return sympy.Eq(members[0], members[-1], evaluate=False)  # a worked reference z = 1 + 1 = 2
    if len(members) > 2:
        raise UsageError(f"{what} must be one expression or one equation")
    return members[0]


def _reference_members(expected: str, declared: Vocabulary, limits: Limits) -> tuple[Basic, ...]:
    """The reference's members; text without LaTeX markup that plain syntax cannot read (an
    interval ``[0, 1)``) is read as LaTeX before it is refused, with the plain reader's error.

    >>> _reference_members("[0, 1)", Vocabulary(), DEFAULT_LIMITS)
    (Interval.Ropen(0, 1),)
    """
    try:
        return read_answer(expected, declared.opened(), limits.for_reference()).members
    except InvalidAnswer as error:
        if looks_like_latex(expected):
            raise
        try:
            return read_answer(expected, declared.opened(), limits.for_reference(), notation="latex").members
        except InvalidAnswer:
            raise error from None


def _stable_text(obj: Basic) -> str:
    """The object as sympy syntax with every Dummy made a plain symbol of its name: Dummy
    numbering differs from process to process, and it would order the terms."""
    return to_text(_without_dummies(obj), order="lex")


def _reference_text(obj: Basic) -> str:
    """:func:`_stable_text` of a reference, kept for the next answer to it (printing in
    lexicographic order is slow); not charged to the check, whose budget then does not depend
    on the answers checked before."""
    try:
        return uncounted(lambda: _remembered_text(obj))
    except TypeError:  # not hashable
        return _stable_text(obj)


@functools.lru_cache(maxsize=256)
def _remembered_text(obj: Basic) -> str:
    return _stable_text(obj)


def _without_dummies(obj: Basic) -> Basic:
    """Rebuild ``obj`` with each Dummy replaced by a Symbol of its name (bound ones too)."""
    if isinstance(obj, sympy.Dummy):
        return sympy.Symbol(obj.name)
    if not isinstance(obj, Basic) or not obj.args or not obj.has(sympy.Dummy):
        return obj
    try:
        return obj.func(*(_without_dummies(arg) for arg in obj.args))
    except (TypeError, ValueError):
        return obj


def _expanded(plan: GradingPlan, definitions: Mapping[Basic, Basic]) -> GradingPlan:
    """The plan with every defined name replaced by its value, on both sides."""
    if not definitions:
        return plan
    answer = lambda obj: expand_definitions(obj, definitions, derivatives=False)  # noqa: E731
    links = tuple((answer(left), answer(right)) for left, right in plan.links)
    return GradingPlan(expand_definitions(plan.expected, definitions), answer(plan.graded), links)


def _by_decimals(comparison: Comparison, plan: GradingPlan, reading: Reading) -> Outcome | None:
    """The outcome of a value answered in decimals (see :mod:`checkers._decimals`)."""
    if plan.links:
        return None
    from ._decimals import decimal_outcome

    same = lambda expected, entry: comparison.compare(expected, entry).status is Status.CORRECT  # noqa: E731
    return decimal_outcome(plan.expected, plan.graded, reading.decimals, same)


def _up_to_constant(plan: GradingPlan, variables: tuple[Basic, ...]) -> GradingPlan:
    """Compare derivatives in ``variables``: an additive constant free of them drops out."""
    if not variables or not isinstance(plan.graded, sympy.Expr) or not isinstance(plan.expected, sympy.Expr):
        return plan
    derivatives = lambda e: sympy.Tuple(*(sympy.diff(e, v) for v in variables))  # noqa: E731
    return GradingPlan(derivatives(plan.expected), derivatives(plan.graded), plan.links)


def _grade(comparison: Comparison, plan: GradingPlan, decimals: Reading | None = None) -> Outcome:
    """Compare; a value given in decimals (``decimals``: the reading that recorded them) may
    then be right to the digits given."""
    outcome = comparison.compare(plan.expected, plan.graded)
    if outcome.status is not Status.CORRECT:
        return (_by_decimals(comparison, plan, decimals) if decimals else None) or outcome
    for left, right in plan.links:
        link = comparison.compare(left, right)
        if link.status is Status.INCORRECT:
            step = f"{to_text(left)} = {to_text(right)}"
            return Outcome(
                Status.INCORRECT,
                link.method,
                link.proved,
                f"Incorrect: the final value is right, but the step {step} does not hold. {link.message}",
                link.evidence,
            )
    return outcome


def _verdict(outcome: Outcome, reading: Reading | None, started: float) -> Verdict:
    return Verdict(
        status=outcome.status,
        method=outcome.method,
        proved=outcome.proved,
        read_as=reading.read_as if reading else None,
        message=outcome.message,
        evidence=outcome.evidence,
        elapsed=time.monotonic() - started,
        notation=reading.notation if reading else None,
        diagnosis=outcome.diagnosis,
        partial_credit=outcome.partial_credit,
    )


def _invalid(error: InvalidAnswer, started: float) -> Verdict:
    pointer = error.pointer()
    message = f"Invalid: {error.message}" + (f"\n{pointer}" if pointer else "")
    return Verdict(
        Status.INVALID, Method.READER, False, None, message, elapsed=time.monotonic() - started, position=error.position
    )
