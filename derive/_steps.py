"""The data of a derivation: immutable steps forming a tree, and the Derivation itself.

Steps carry mathematics only (sympy objects and a short optional note). Presentation lives
in :mod:`derive._render`.

A step built from a single substep that states the same equation is merged with it when
constructed ("differential" over "sum rule" becomes one step "differential (sum rule)"),
so no builder produces a step that only repeats itself.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

import sympy

from ._notation import PLAIN, Notation

__all__ = ["Step", "Derivation", "NO_RULE"]

NO_RULE = "no rule"


def _merged(step: Step) -> Step:
    """``step`` merged with its only substep when that substep repeats its equation: one step
    named "parent (child)", with the child's substeps and both steps' conditions,
    definitions and notes."""
    (child,) = step.substeps
    rule = step.rule if child.rule == step.rule else f"{step.rule} ({child.rule})"
    note = "; ".join(n for n in (step.note, child.note) if n)
    return replace(child, rule=rule, note=note, conditions=step.conditions + child.conditions,
                   definitions=step.definitions + child.definitions)


def _repeats_itself(step: Step) -> bool:
    if len(step.substeps) != 1:
        return False
    child = step.substeps[0]
    return child.before == step.before and child.after == step.after


def _as_basic(value: Any) -> sympy.Basic:
    """Make ``value`` an immutable sympy object (matrices become ImmutableMatrix)."""
    if isinstance(value, sympy.MatrixBase):
        return sympy.ImmutableMatrix(value)
    if isinstance(value, sympy.Basic):
        return value
    return sympy.sympify(value)


@dataclass(frozen=True)
class Step:
    """One step of a worked derivation: ``before`` becomes ``after`` by ``rule``.

    ``substeps`` are the steps this one is made of, ``conditions`` side conditions under
    which it holds (sympy relations), ``definitions`` the names it introduces
    (``Eq(u, sin(x**2))``, read "where u = sin(x^2)"), ``note`` a short plain-text remark,
    ``connective`` the words or sign joining ``before`` and ``after`` when they are not equal
    ("⇒ eigenvalues", "so"; empty: ``=`` between things of one kind, else ``⇒``).

    >>> import sympy
    >>> x = sympy.Symbol("x")
    >>> power = Step("power rule", sympy.Derivative(x**3, x), 3*x**2)
    >>> power.after
    3*x**2

    A step whose only substep states the same equation is merged with it:

    >>> Step("derivative", power.before, power.after, substeps=(power,)).rule
    'derivative (power rule)'
    """

    rule: str
    before: Any
    after: Any
    substeps: tuple[Step, ...] = ()
    conditions: tuple[Any, ...] = ()
    definitions: tuple[Any, ...] = ()
    note: str = ""
    connective: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "before", _as_basic(self.before))
        object.__setattr__(self, "after", _as_basic(self.after))
        object.__setattr__(self, "substeps", tuple(self.substeps))
        object.__setattr__(self, "conditions", tuple(_as_basic(c) for c in self.conditions))
        object.__setattr__(self, "definitions", tuple(_as_basic(d) for d in self.definitions))
        if _repeats_itself(self):
            merged = _merged(self)
            for name in ("rule", "substeps", "conditions", "definitions", "note"):
                object.__setattr__(self, name, getattr(merged, name))

    def walk(self):
        """Yield this step and every step below it, depth first."""
        yield self
        for sub in self.substeps:
            yield from sub.walk()

    @property
    def rules(self) -> tuple[str, ...]:
        """Every rule name used in this subtree, depth first."""
        return tuple(step.rule for step in self.walk())


@dataclass(frozen=True)
class Derivation:
    """A worked derivation: the sympy ``result`` and the ``steps`` that lead to it.

    ``title`` names the task in plain text; ``statement`` (optional) states it as math,
    e.g. ``Derivative(exp(sin(x**2)), x)``; ``notation`` is how the problem writes what has
    more than one spelling (a[u] or a(u)), which every renderer follows.

    >>> import sympy
    >>> x = sympy.Symbol("x")
    >>> d = Derivation(2*x, (Step("power rule", sympy.Derivative(x**2, x), 2*x),))
    >>> d.to_dict()["result"]
    '2*x'
    """

    result: Any
    steps: tuple[Step, ...]
    title: str = ""
    statement: Any = None
    notation: Notation = PLAIN

    def __post_init__(self) -> None:
        object.__setattr__(self, "result", _as_basic(self.result))
        if self.statement is not None:
            object.__setattr__(self, "statement", _as_basic(self.statement))
        object.__setattr__(self, "steps", tuple(self.steps))

    def walk(self):
        """Yield every step of the tree, depth first."""
        for step in self.steps:
            yield from step.walk()

    @property
    def rules(self) -> tuple[str, ...]:
        """Every rule name used, depth first."""
        return tuple(step.rule for step in self.walk())

    def to_text(self) -> str:
        """Plain-text rendering (indented, numbered steps)."""
        from ._render import render_text

        return render_text(self)

    def to_latex(self) -> str:
        """LaTeX rendering: an ``aligned`` block in display math, to paste into a document."""
        from ._render import render_latex

        return render_latex(self)

    def to_markdown(self) -> str:
        """Markdown rendering with ``$...$`` math."""
        from ._render import render_markdown

        return render_markdown(self)

    def to_sympy(self) -> str:
        """The text layout in sympy syntax (the machine form)."""
        from ._render import render_sympy

        return render_sympy(self)

    def to_html(self) -> str:
        """A standalone HTML page: MathML, collapsible sub-steps."""
        from ._render._html import render_html

        return render_html(self)

    def to_dict(self) -> dict:
        """JSON-ready dict: ``{"result", "result_latex", "steps"}``."""
        from ._render import render_dict

        return render_dict(self)

    def _repr_latex_(self) -> str:
        from ._render._latex import aligned_latex

        return "$\\displaystyle " + aligned_latex(self) + "$"

    def _repr_markdown_(self) -> str:
        return self.to_markdown()
