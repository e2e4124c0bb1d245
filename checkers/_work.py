r"""``check_work``: a student's derivation read row by row, every step checked, the first wrong one named.

Rows come from :mod:`checkers._work_rows`, are read by the answer reader
(:mod:`checkers._work_read`), and every step is decided by :func:`checkers.check`, the one
comparison engine: each link ``A = B`` of a chain (derivative operators applied to explicit
expressions are worked out by the reader), and equation rows by their solutions
(:mod:`checkers._work_equations`). The work is correct when every step holds and the last
row is the expected result. All of it shares one work budget.

>>> w = check_work("2*x*cos(x**2)", "\\frac{d}{dx} \\sin(x^2) = \\cos(x^2) \\cdot \\frac{d}{dx} x^2\n= 2x\\cos(x^2)")
>>> w.status.value, w.first_error, [row.mark for row in w.rows]
('correct', None, ['✓', '✓'])
>>> w = check_work("2*x*cos(x**2)", "f'(x) = \\cos(x^2) \\cdot x^2\n= 2x\\cos(x^2)")
>>> w.status.value, w.first_error, [row.mark for row in w.rows]
('incorrect', 2, ['✓', '✗'])
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import sympy
from sympy import Basic

from derive import Label
from derive._log import LOG

from ._budget import Budget
from ._check import REFERENCE_EXTRA_SECONDS, check, read_expected
from ._definitions import expand_definitions
from ._errors import InvalidAnswer, UsageError
from ._limits import DEFAULT_LIMITS, Limits
from ._reading import to_latex
from ._verdict import Status, Verdict
from ._vocabulary import Vocabulary
from ._work_equations import compare_equations
from ._work_read import RowMath, equation_of, read_row
from ._work_rows import CONTINUES, EQUIVALENT, IMPLIES, WorkLine, split_rows
from ._work_verdict import WorkRow, WorkVerdict

__all__ = ["check_work", "WorkRow", "WorkVerdict"]

_MOST_ROWS = 200
_STEP_SHARE = 0.5  # one comparison may use this fraction of what is left of the work's budget
_SHOWN = {CONTINUES: "= ", IMPLIES: "\\Rightarrow ", EQUIVALENT: "\\iff ", "": ""}


def check_work(expected: object, work: object, *, symbols: Iterable[object] = (), assumptions: Iterable[Basic] = (),
               timeout: float = 10.0, definitions: Mapping[Basic, Basic] | None = None,
               limits: Limits = DEFAULT_LIMITS) -> WorkVerdict:
    """Check a derivation ``work`` (LaTeX or plain text, one step a row) that should end at
    ``expected``; the options are :func:`checkers.check`'s. Never raises for the student's
    text; an ``expected`` that cannot be read is a :class:`UsageError`."""
    started = time.monotonic()
    if isinstance(expected, Label):
        raise UsageError("a word answer has no derivation to check: check it as an answer")
    assumptions = tuple(assumptions)
    declared = Vocabulary.from_objects(*symbols, assumptions=assumptions, definitions=definitions)
    reference = read_expected(expected, declared, limits, timeout=timeout + REFERENCE_EXTRA_SECONDS)
    lines = _lines(work, limits)
    if isinstance(lines, WorkVerdict):
        return lines
    work_check = _WorkCheck(reference, declared.merged(Vocabulary.from_objects(reference)),
                            (*symbols, reference), assumptions, definitions, limits, Budget(timeout))
    return work_check.run(lines, started)


def _lines(work: object, limits: Limits) -> list[WorkLine] | WorkVerdict:
    if not isinstance(work, str):
        return _invalid_work("a derivation must be text, one step a row")
    if len(work) > limits.max_length * 4:
        return _invalid_work(f"the work is {len(work)} characters long; the limit is {limits.max_length * 4}")
    lines = split_rows(work)
    if not lines:
        return _invalid_work("the work has no rows")
    if len(lines) > _MOST_ROWS:
        return _invalid_work(f"the work has {len(lines)} rows; the limit is {_MOST_ROWS}")
    return lines


def _invalid_work(message: str) -> WorkVerdict:
    return WorkVerdict(Status.INVALID, None, (), f"Invalid: {message}.")


@dataclass
class _WorkCheck:
    """One derivation being checked: the reference and options, the budget, the rows so far."""

    reference: Basic
    vocabulary: Vocabulary
    symbols: tuple[object, ...]
    assumptions: tuple[Basic, ...]
    definitions: Mapping[Basic, Basic] | None
    limits: Limits
    budget: Budget
    rows: list[WorkRow] = field(default_factory=list)
    dropped: list[int] = field(default_factory=list)  # rows that lost solutions after \Rightarrow

    def same(self, expected: Basic, answer: object) -> Verdict:
        """The engine's verdict on ``answer`` against ``expected`` within a share of the budget."""
        seconds = max(0.05, self.budget.share(_STEP_SHARE).seconds)
        return check(expected, answer, symbols=self.symbols, assumptions=self.assumptions,
                     definitions=self.definitions, timeout=seconds, limits=self.limits)

    def run(self, lines: list[WorkLine], started: float) -> WorkVerdict:
        readings: list[RowMath | InvalidAnswer] = []
        final: Verdict | None = None
        with self.budget:  # reading works out derivatives: it is work too
            _read_all(lines, self.vocabulary, self.limits, readings, solving=_solves(self.reference))
            self.check_rows(lines, readings)
            if len(readings) == len(lines) and all(row.status is Status.CORRECT for row in self.rows):
                final = self.same(self.reference, _final_answer(lines[-1], readings[-1]))
        self.fill(lines, readings)
        return _summary(self, final, time.monotonic() - started)

    def check_rows(self, lines: list[WorkLine], readings: list[RowMath | InvalidAnswer]) -> None:
        last_equations: tuple[sympy.Eq, ...] = ()
        unknowns = _unknowns(readings)
        for line, math in zip(lines, readings):
            if isinstance(math, InvalidAnswer):
                self.rows.append(WorkRow(line.number, line.text, None, Status.INVALID,
                                         f"Invalid: {math.describe()}", position=math.position))
                return
            try:
                row, equations = self.check_links(line, math)
                if row is None and equations and last_equations:
                    row = self.check_equations(line, math, equations, last_equations, unknowns)
            except Exception as error:  # a sympy failure must become an undecided row, never a traceback
                LOG.debug("a step of the work could not be checked", exc_info=error)
                row, equations = WorkRow(line.number, line.text, _read_as(line, math), Status.UNDECIDED,
                                         "this step could not be checked"), ()
            self.rows.append(row or _holds(line, math))
            last_equations = equations or last_equations

    def check_links(self, line: WorkLine, math: RowMath) -> tuple[WorkRow | None, tuple[sympy.Eq, ...]]:
        """The row's mark when a link of its chain fails or is undecided (None when all hold),
        and the equations the row states (an open equation is its one link that fails)."""
        equations = math.equations
        for left, right in zip(math.values, math.values[1:]):
            verdict = self.same(left, right)
            if verdict.status is Status.CORRECT:
                continue
            if math.open_equation and equations == math.equations and verdict.status is Status.INCORRECT:
                equations = (equation_of(left, right),)
                continue
            step = f"{to_latex(left)} = {to_latex(right)}"
            if verdict.status is Status.INCORRECT:
                return WorkRow(line.number, line.text, _read_as(line, math), Status.INCORRECT,
                               f"the step {step} does not hold: {_sides(verdict.message)}", verdict.diagnosis), equations
            return WorkRow(line.number, line.text, _read_as(line, math), Status.UNDECIDED,
                           f"the step {step} could not be decided. {verdict.message}"), equations
        return None, equations

    def check_equations(self, line: WorkLine, math: RowMath, equations: tuple[sympy.Eq, ...],
                        before: tuple[sympy.Eq, ...], unknowns: tuple[Basic, ...]) -> WorkRow | None:
        expand = lambda eqs: tuple(expand_definitions(eq, self.definitions) for eq in eqs) if self.definitions else eqs  # noqa: E731
        step = compare_equations(expand(before), expand(equations), connector=line.connector, unknowns=unknowns,
                                 same=self.same, points=math.points)
        if step.holds is True:
            if step.lost:
                self.dropped.append(line.number)
            return WorkRow(line.number, line.text, _read_as(line, math), Status.CORRECT, step.message)
        status = Status.INCORRECT if step.holds is False else Status.UNDECIDED
        diagnosis = step.verdict.diagnosis if step.verdict is not None and step.holds is False else None
        return WorkRow(line.number, line.text, _read_as(line, math), status, step.message, diagnosis)

    def fill(self, lines: list[WorkLine], readings: list[RowMath | InvalidAnswer]) -> None:
        """Rows not reached (the budget ran out, or a row above could not be read) are undecided."""
        why = ("not checked: a row above could not be read" if any(r.status is Status.INVALID for r in self.rows)
               else "not checked: the work's budget ran out")
        for index, line in enumerate(lines[len(self.rows):], start=len(self.rows)):
            math = readings[index] if index < len(readings) else None
            read_as = _read_as(line, math) if isinstance(math, RowMath) else None
            self.rows.append(WorkRow(line.number, line.text, read_as, Status.UNDECIDED, why))


def _read_all(lines: list[WorkLine], vocabulary: Vocabulary, limits: Limits, readings: list[RowMath | InvalidAnswer],
              *, solving: bool) -> None:
    """Each row read after the one before into ``readings``, up to and including the first
    that cannot be read."""
    previous = None
    for index, line in enumerate(lines):
        follows = index + 1 < len(lines) and lines[index + 1].connector in (IMPLIES, EQUIVALENT)
        try:
            previous = read_row(line, vocabulary, limits, previous=previous, implication_follows=follows,
                                solving=solving)
        except InvalidAnswer as error:
            readings.append(error)
            break
        except Exception:  # a sympy failure while reading: the row is unreadable, never a traceback
            readings.append(InvalidAnswer("this row could not be worked out", text=line.body, position=0))
            break
        readings.append(previous)


def _solves(reference: Basic) -> bool:
    """A reference that is a set of values, an equation or a condition: the work solves equations."""
    return isinstance(reference, (sympy.Set, sympy.Eq, sympy.Or, sympy.And))


def _unknowns(readings: list[RowMath | InvalidAnswer]) -> tuple[Basic, ...]:
    """What equation rows solve for: the names the last equation row gives values to
    (``x = 1``, ``\\phi_0 = ...``), else the variables of the equations (at most three)."""
    equations = [math.equations for math in readings if isinstance(math, RowMath) and math.equations]
    if not equations:
        return ()
    last = readings[-1]
    if isinstance(last, RowMath) and last.points:
        return tuple(last.points[0])
    named = [eq.lhs for eq in equations[-1] if isinstance(eq.lhs, sympy.Symbol) and eq.lhs not in eq.rhs.free_symbols]
    if named:
        return tuple(named)
    free = sorted({s for eqs in equations for eq in eqs for s in eq.free_symbols}, key=str)
    return tuple(free) if len(free) <= 3 else tuple(sorted(equations[-1][0].free_symbols, key=str))


def _final_answer(line: WorkLine, math: RowMath) -> object:
    """What of the last row is graded: its text as a single answer, its last value when it
    continues a chain, or a system's values in order."""
    if math.equations and len(math.equations) > 1:
        return sympy.Tuple(*(eq.rhs for eq in math.equations))
    if line.connector == CONTINUES or (not math.equations and math.values):
        return math.values[-1] if math.values else line.body
    return line.body


def _sides(message: str) -> str:
    """The engine's message about a link in the words of a step: its left and right sides."""
    message = message.removeprefix("Incorrect: ")
    for answer_words, step_words in (("the expected value minus the answer", "the left side minus the right side"),
                                     ("the expected value is", "the left side is"), ("the answer gives", "the right side is")):
        message = message.replace(answer_words, step_words).replace(answer_words.capitalize(), step_words.capitalize())
    return message


def _holds(line: WorkLine, math: RowMath) -> WorkRow:
    message = "every step in this row holds" if len(math.values) > 1 else "the starting point"
    if math.equations and not math.values:
        message = "the equation to solve"
    return WorkRow(line.number, line.text, _read_as(line, math), Status.CORRECT, message)


def _read_as(line: WorkLine, math: RowMath) -> str:
    shown = math.members[1:] if line.connector == CONTINUES else math.members
    separator = ", \\quad " if all(isinstance(member, sympy.Eq) for member in shown) else " = "
    return _SHOWN[line.connector] + separator.join(to_latex(member) for member in shown)


def _summary(work: _WorkCheck, final: Verdict | None, elapsed: float) -> WorkVerdict:
    rows = tuple(work.rows)
    for row in rows:
        if row.status in (Status.INVALID, Status.INCORRECT):
            what = "cannot be read" if row.status is Status.INVALID else "is wrong"
            return WorkVerdict(row.status, row.number, rows, f"{row.status.value.capitalize()}: row {row.number} "
                               f"{what}: {row.message.removeprefix('Invalid: ')}", elapsed)
    if final is None or final.status is Status.UNDECIDED:
        return WorkVerdict(Status.UNDECIDED, None, rows, "Undecided: not every step could be decided.", elapsed)
    if final.status is Status.CORRECT:
        return WorkVerdict(Status.CORRECT, None, rows, "Correct: every step holds and the work ends at the expected "
                           "result.", elapsed)
    return _ends_elsewhere(work, rows, final, elapsed)


def _ends_elsewhere(work: _WorkCheck, rows: tuple[WorkRow, ...], final: Verdict, elapsed: float) -> WorkVerdict:
    """Every step holds but the end is not the expected result: the start was already wrong
    (or solutions were dropped after a \\Rightarrow)."""
    number = work.dropped[0] if work.dropped else rows[0].number
    why = (f"row {number} drops a solution" if work.dropped
           else "so the first row is already wrong")
    marked = tuple(WorkRow(r.number, r.text, r.read_as, Status.INCORRECT, f"{r.message}; {why}", final.diagnosis)
                   if r.number == number else r for r in rows)
    message = (f"Incorrect: every step follows from the row before, but the work does not end at the expected "
               f"result, {why}. {final.message}")
    return WorkVerdict(Status.INCORRECT, number, marked, message, elapsed)
