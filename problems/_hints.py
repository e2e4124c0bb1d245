"""Hints that do not give the answer away, in three levels.

Level 1 names the rule or step to revisit, drawn from the verdict's diagnosis and the part's
derivation; level 2 adds the worked derivation up to the step the mistake concerns, with that
step and the steps around it left open (``= ?``); level 3 is the whole worked derivation.
Without a diagnosis naming a rule, the hint points at the derivation's first rule.

>>> from problems import bank
>>> part = bank.get("ch2-solutions.2").part("deriv")
>>> print(hint_for(part, None, 1).text)
Revisit the chain rule: start from step 1, d/dx (e^(sin(x²))).
>>> print(hint_for(part, None, 2).text)
Revisit the chain rule: start from step 1, d/dx (e^(sin(x²))).
The plan of the worked derivation:
1. chain rule: d/dx (e^(sin(x²))) = ?
   1.1. exp rule: d/du (eᵘ) = ?
   1.2. chain rule: d/dx (sin(x²)) = ?
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

import sympy

import derive
from checkers import Status, Verdict
from derive._render._layout import NumberedStep, numbered_steps
from derive._render._text import step_equation_text
from derive._render._unicode import unicode_text as readable_text

from ._model import Part
from ._output import hint_text

__all__ = ["Hint", "hint_for", "HINT_LEVELS"]

HINT_LEVELS = (1, 2, 3)
_PLAN_DEPTH = 2  # without a located mistake, level 2 shows the steps this deep, results left open


@dataclass(frozen=True)
class Hint:
    """A hint at ``level`` (1-3): its ``text``, and the ``rule`` and outline ``step`` it points at."""

    level: int
    text: str
    rule: str | None = None
    step: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"level": self.level, "rule": self.rule, "step": self.step, "text": self.text}


def _mistake_of(part: Part, verdict: Verdict | None) -> derive.BuggyResult | None:
    """The part's buggy result the verdict's diagnosis names (by its message, else the only one
    of its kind), if any."""
    diagnosis = verdict.diagnosis if verdict is not None else None
    if diagnosis is None:
        return None
    same_kind = [m for m in part.mistakes if m.kind is diagnosis.kind]
    said = f"{diagnosis.message} {diagnosis.detail}"
    named = [m for m in same_kind if m.message in said]
    if named:
        return named[0]
    return same_kind[0] if len(same_kind) == 1 else None


def _differentiates(item: NumberedStep) -> sympy.Basic | None:
    before = item.step.before
    if isinstance(before, sympy.Equality) and isinstance(before.lhs, sympy.Derivative):
        before = before.lhs  # a rule that rewrites first: d/dx Σ f = Σ df/dx
    return before.expr if isinstance(before, sympy.Derivative) else None


def _step_about(steps: list[NumberedStep], concerns: sympy.Basic | None) -> NumberedStep | None:
    """The step that differentiates ``concerns`` itself, else the deepest one whose
    differentiated expression contains it."""
    if concerns is None:
        return None
    exact = [item for item in steps if _differentiates(item) == concerns]
    if exact:
        return exact[0]
    containing = [item for item in steps if (e := _differentiates(item)) is not None and e.has(concerns)]
    return max(containing, key=lambda item: item.depth, default=None)


Show = Callable[[sympy.Basic], str]
"""Prints an expression as readable text in the part's notation."""


def _open(item: NumberedStep, show: Show) -> str:
    """A step with its result left open: ``1.2. chain rule: d/dx (sin(x**2)) = ?``."""
    return f"{'   ' * (item.depth - 1)}{item.number}. {item.step.rule}: {show(item.step.before)} = ?"


def _done(item: NumberedStep, show: Show) -> list[str]:
    indent = "   " * (item.depth - 1)
    lines = [f"{indent}{item.number}. {item.step.rule}: {step_equation_text(item.step, show)}"]
    lines += [f"{indent}     where {show(d.lhs)} = {show(d.rhs)}" for d in item.step.definitions if hasattr(d, "lhs")]
    return lines


def _steps_up_to(steps: list[NumberedStep], target: NumberedStep, show: Show) -> list[str]:
    """The outline up to ``target``: its ancestors and itself left open, earlier steps worked."""
    lines: list[str] = []
    for item in steps:
        is_open = target.number == item.number or target.number.startswith(item.number + ".")
        lines += [_open(item, show)] if is_open else _done(item, show)
        if item is target:
            return lines
    return lines


def _plan(steps: list[NumberedStep], show: Show) -> list[str]:
    return [_open(item, show) for item in steps if item.depth <= _PLAN_DEPTH]


def _first_words(verdict: Verdict | None, mistake, target: NumberedStep | None, first: NumberedStep | None,
                 show: Show) -> str:
    if mistake is not None and target is not None:
        return (f"{mistake.message} Look again at step {target.number} ({target.step.rule}): "
                f"{show(target.step.before)}.")
    lead = f"{verdict.diagnosis.message} " if verdict is not None and verdict.diagnosis is not None else ""
    if first is None:
        return lead.strip() or "Compare your answer with the question's definitions again."
    return f"{lead}Revisit the {first.step.rule}: start from step 1, {show(first.step.before)}."


def hint_for(part: Part, verdict: Verdict | None, level: int) -> Hint | None:
    """The hint at ``level`` for an answer to ``part`` given ``verdict`` (None for a correct one)."""
    if verdict is not None and verdict.status is Status.CORRECT:
        return None
    if level >= 3:
        return Hint(3, hint_text(part))
    steps = list(numbered_steps(part.reference.steps))
    show = partial(readable_text, notation=part.reference.notation)
    mistake = _mistake_of(part, verdict)
    target = _step_about(steps, mistake.concerns if mistake is not None else None)
    first = steps[0] if steps else None
    pointed = target or first
    lines = [_first_words(verdict, mistake, target, first, show)]
    if part.hint:
        lines.append(f"Hint: {part.hint}")
    if level == 2 and steps:
        lines += (["The worked derivation up to that step:", *_steps_up_to(steps, target, show)] if target else
                  ["The plan of the worked derivation:", *_plan(steps, show)])
    return Hint(level, "\n".join(lines), pointed.step.rule if pointed else None, pointed.number if pointed else None)
