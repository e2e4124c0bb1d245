"""JSON-ready dict rendering of a Derivation (what ``--format json`` prints)."""

from __future__ import annotations

from .._steps import Derivation, Step
from ._printers import clean_latex, sympy_syntax

__all__ = ["render_dict", "step_dict"]


def step_dict(step: Step) -> dict:
    """One step as a dict; ``before``/``after`` in sympy syntax plus ``*_latex``."""
    return {
        "rule": step.rule,
        "before": sympy_syntax(step.before),
        "after": sympy_syntax(step.after),
        "before_latex": clean_latex(step.before),
        "after_latex": clean_latex(step.after),
        "conditions": [sympy_syntax(c) for c in step.conditions],
        "definitions": [sympy_syntax(d) for d in step.definitions],
        "note": step.note,
        "substeps": [step_dict(sub) for sub in step.substeps],
    }


def render_dict(derivation: Derivation) -> dict:
    """``{"result": sympy syntax, "result_latex": LaTeX, "steps": [step dicts]}``.

    >>> import sympy, derive
    >>> d = derive.differentiate(sympy.Symbol("x")**2, sympy.Symbol("x")).to_dict()
    >>> sorted(d), d["result"], d["steps"][0]["rule"]
    (['result', 'result_latex', 'steps'], '2*x', 'power rule')
    """
    return {
        "result": sympy_syntax(derivation.result),
        "result_latex": clean_latex(derivation.result, derivation.notation),
        "steps": [step_dict(step) for step in derivation.steps],
    }
