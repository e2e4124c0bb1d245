"""The exercise model: a Problem has a source, a vocabulary and parts with references.

Every part's reference is a :class:`derive.Derivation` built on first use by its recipe, so
a reference can never drift from its derivation and loading the bank stays cheap.

>>> from problems import bank
>>> part = bank.get("ch2-solutions.2").part("deriv")
>>> part.kind, part.check("2x cos(x^2) e^{sin(x^2)}").status.value
('expression', 'correct')
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import sympy
from sympy import Basic

import checkers
import derive
from checkers import UsageError, Verdict
from checkers._budget import uncounted

__all__ = ["Source", "Policy", "Part", "Problem", "CheckContext", "MistakesOnDemand", "ANSWER_KINDS", "MISTAKES_SECONDS",
           "bounded", "accepts_decimals"]

_VALUE_KINDS = frozenset({"number", "vector", "tuple"})
ANSWER_KINDS = frozenset(
    "expression vector matrix matrix-expression set equation number count classification tuple".split()
)


@dataclass(frozen=True)
class Source:
    """Where an exercise comes from: the seed file and the label exactly as the seed prints it."""

    seed: str
    exercise: str
    part: str | None = None

    def to_dict(self) -> dict[str, str | None]:
        return {"seed": self.seed, "exercise": self.exercise, "part": self.part}


@dataclass(frozen=True)
class Policy:
    """How a part is checked when plain equality is not what the exercise asks.

    ``up_to_constant_in``: names of variables; an additive term free of them is ignored
    (a loss "up to a constant"). ``rtol``: relative tolerance for numeric answers given
    to a stated precision. ``exact``: a part that asks for a value (kind number, vector or
    tuple) accepts a decimal to the digits given unless this asks for an exact form.
    ``all_or_nothing``: an incorrect vector, matrix, tuple or set scores 0 (no partial credit).
    """

    up_to_constant_in: tuple[str, ...] = ()
    rtol: float = 1e-12
    description: str = ""
    exact: bool = False  # the prompt asks for an exact form: a decimal answer is not accepted
    all_or_nothing: bool = False  # no partial credit for structured answers


def accepts_decimals(kind: str, policy: Policy) -> bool:
    """A part that asks for a value takes a decimal to the digits given, unless it asks for an exact form.

    >>> accepts_decimals("number", Policy()), accepts_decimals("number", Policy(exact=True))
    (True, False)
    """
    return kind in _VALUE_KINDS and not policy.exact


@dataclass(frozen=True)
class CheckContext:
    """What checking an answer to a part needs, and all it needs: the reference answer and the
    part's names, assumptions, definitions (pairs), policy and kind. The reference cache stores
    this, so a warm ``derivecheck check ID.PART`` neither loads the bank nor derives.

    >>> import sympy
    >>> x = sympy.Symbol("x")
    >>> CheckContext("p.a", "expression", 2 * x, (x,)).check("x + x").status.value
    'correct'
    """

    qualified_id: str
    kind: str
    answer: Basic
    vocabulary: tuple[Basic, ...] = ()
    assumptions: tuple[Basic, ...] = ()
    definitions: tuple[tuple[Basic, Basic], ...] = ()
    policy: Policy = Policy()
    bracketed: tuple[str, ...] = ()  # unknown functions the problem applies with brackets: a[u], a'[u]

    def check(self, answer: object, *, timeout: float = 5.0, mistakes: Sequence[derive.BuggyResult] = ()) -> Verdict:
        """Check a student's answer (text or sympy); ``mistakes`` are the part's buggy results, for the
        diagnosis, whose sentences write functions as the problem does."""
        names = {str(v): v for v in self.vocabulary if isinstance(v, sympy.Symbol)}
        constant_in = [names[n] for n in self.policy.up_to_constant_in if n in names]
        with derive.printed_in(derive.Notation(frozenset(self.bracketed))):
            return checkers.check(self.answer, answer, symbols=self.vocabulary, assumptions=self.assumptions,
                                  timeout=timeout, rtol=self.policy.rtol, up_to_constant_in=constant_in,
                                  definitions=dict(self.definitions), decimals=accepts_decimals(self.kind, self.policy),
                                  partial_credit=not self.policy.all_or_nothing, mistakes=mistakes)


@dataclass(frozen=True)
class Part:
    """One question of a problem, with its recipe for the reference derivation."""

    id: str
    prompt: str
    kind: str
    recipe: Callable[[], derive.Derivation] = field(repr=False, compare=False)
    source: Source | None = None
    policy: Policy = Policy()
    hint: str = ""
    problem_id: str = ""
    vocabulary: tuple[Basic, ...] = field(default=(), repr=False)
    assumptions: tuple[Basic, ...] = field(default=(), repr=False)
    definitions: Mapping[Basic, Basic] = field(default_factory=dict, repr=False, compare=False)
    defines: tuple[str, ...] = ()  # the names this part's prompt defines (the problem's are on the Problem)
    domains: tuple[str, ...] = ()  # the domains this part's prompt states, in words: 0 < x < pi/2

    @property
    def qualified_id(self) -> str:
        """``problem.part``, as the command line accepts it."""
        return f"{self.problem_id}.{self.id}"

    @property
    def reference(self) -> derive.Derivation:
        """The worked derivation of the answer (built once, then cached)."""
        return _reference_for(self.qualified_id, self.recipe)

    @property
    def mistakes(self) -> tuple[derive.BuggyResult, ...]:
        """The classic misuses of the rules the reference derivation applied (built once, then
        cached; none for parts that are not a first derivative, or when the time cap is spent)."""
        if self.kind != "expression":
            return ()
        return _mistakes_for(self.qualified_id, self.recipe)

    @property
    def answer(self) -> Basic:
        """The reference answer as a sympy object."""
        return self.reference.result

    @property
    def context(self) -> CheckContext:
        """What checking an answer needs: the reference answer, names, assumptions, definitions, policy."""
        return CheckContext(self.qualified_id, self.kind, self.answer, self.vocabulary, self.assumptions,
                            tuple(self.definitions.items()), self.policy, tuple(sorted(self.reference.notation.bracketed)))

    def check(self, answer: object, *, timeout: float = 5.0) -> Verdict:
        """Check a student's answer (text or sympy) against this part's reference."""
        mistakes = MistakesOnDemand(lambda: self.mistakes) if self.kind == "expression" else ()
        return self.context.check(answer, timeout=timeout, mistakes=mistakes)

    def check_work(self, work: str, *, timeout: float = 10.0) -> checkers.WorkVerdict:
        """Check a student's derivation (one step a row) that should end at this part's answer."""
        return checkers.check_work(self.answer, work, symbols=self.vocabulary, assumptions=self.assumptions,
                                   timeout=timeout, definitions=self.definitions)

    @property
    def accepts_decimals(self) -> bool:
        """A part that asks for a value takes a decimal to the digits given, unless it asks for an exact form."""
        return accepts_decimals(self.kind, self.policy)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "prompt": self.prompt, "kind": self.kind, "source": self.source.to_dict() if self.source else None,
                "policy": self.policy.description or None}


@dataclass(frozen=True)
class Problem:
    """One exercise of a seed, restated, with its parts in order."""

    id: str
    title: str
    statement: str
    source: Source
    parts: tuple[Part, ...]
    vocabulary: tuple[Basic, ...] = field(default=(), repr=False)
    notes: str = ""
    defines: tuple[str, ...] = ()  # the names the statement defines, NAME = VALUE, for every part
    domains: tuple[str, ...] = ()  # the variables' stated domains, in words: 0 < beta_1 < 1

    @property
    def part_ids(self) -> tuple[str, ...]:
        return tuple(p.id for p in self.parts)

    def part(self, part_id: str | None = None) -> Part:
        """The part named ``part_id`` (or the only part when there is one)."""
        if part_id is None:
            if len(self.parts) == 1:
                return self.parts[0]
            raise UsageError(f"{self.id} has parts {', '.join(self.part_ids)}: name one, e.g. {self.id}.{self.parts[0].id}")
        for candidate in self.parts:
            if candidate.id == part_id:
                return candidate
        raise UsageError(f"{self.id} has no part {part_id!r}; its parts are {', '.join(self.part_ids)}")

    def check(self, answer: object, part: str | None = None, *, timeout: float = 5.0) -> Verdict:
        """Check an answer to one part (``part`` may be omitted for single-part problems)."""
        return self.part(part).check(answer, timeout=timeout)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "source": self.source.to_dict(), "parts": list(self.part_ids)}


class MistakesOnDemand(Sequence):
    """A part's buggy results, built by ``build`` when the checker first looks at them (only to
    diagnose an incorrect answer), so a correct answer never pays for them.

    >>> calls = []
    >>> mistakes = MistakesOnDemand(lambda: calls.append(1) or ("m",))
    >>> calls
    []
    >>> len(mistakes), mistakes[0], calls
    (1, 'm', [1])
    """

    def __init__(self, build: Callable[[], Sequence[derive.BuggyResult]]) -> None:
        self._build = build
        self._built: Sequence[derive.BuggyResult] | None = None

    def _mistakes(self) -> Sequence[derive.BuggyResult]:
        if self._built is None:
            self._built = self._build()
        return self._built

    def __len__(self) -> int:
        return len(self._mistakes())

    def __getitem__(self, index):
        return self._mistakes()[index]


MISTAKES_SECONDS = 2.0
"""The work allowed for generating a part's buggy results (the antiderivative gets a quarter)."""


def bounded(compute: Callable[[], Any], seconds: float) -> Any:
    """``compute()`` under a work budget of ``seconds``; None when the budget ran out first.

    >>> bounded(lambda: 6 * 7, 1.0)
    42
    """
    value = None
    with checkers.Budget(seconds) as budget:
        value = compute()
    return None if budget.expired else value


@functools.cache
def _mistakes_for(key: str, recipe: Callable[[], derive.Derivation]) -> tuple[derive.BuggyResult, ...]:
    """A part's buggy results, built once per process under :data:`MISTAKES_SECONDS`."""
    reference = _reference_for(key, recipe)
    within = functools.partial(bounded, seconds=MISTAKES_SECONDS / 4)
    build = lambda: bounded(lambda: derive.buggy_results(reference, within=within), MISTAKES_SECONDS) or ()  # noqa: E731
    return uncounted(build)  # kept by the process: not the work of the check that first asks


@functools.cache
def _reference_for(key: str, recipe: Callable[[], derive.Derivation]) -> derive.Derivation:
    """Build a part's reference once per process (keyed by the part's qualified id)."""
    return recipe()
