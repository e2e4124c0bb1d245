"""Every printed format of every bank part is honest and readable:

- no ``=`` joins two things of different kinds (an equation and its solution set, a point and
  its classification, a condition and a verdict), in text, LaTeX, Markdown or HTML;
- the text format is mathematics for people, not sympy syntax (``--format sympy`` keeps that).

The kinds are told apart here independently of the renderers' own classification.
"""

import re

import pytest
import sympy
from sympy.core.symbol import Str

from derive._render._html import _math as html_math
from derive._render._printers import clean_latex, readable_text
from problems import bank

_PASTABLE = ("Sum(", "sqrt(")
_SYMPY_SYNTAX = re.compile(r"Matrix\(\[\[|\*\*|\bSum\(|\bexp\(|\bSubs\(|\.T\b|ImmutableMatrix|\bDerivative\(|\bsqrt\(")


def _category(obj) -> str:
    if isinstance(obj, sympy.Set):
        return "set"
    if isinstance(obj, Str) or (isinstance(obj, sympy.Tuple) and "word" in {_category(a) for a in obj.args}):
        return "word"
    if isinstance(obj, (sympy.core.relational.Relational, sympy.logic.boolalg.BooleanFunction)):
        return "relation"
    return "value"


def _changes_kind(step) -> bool:
    before, after = _category(step.before), _category(step.after)
    if before == "relation" and isinstance(step.before, sympy.Equality) and _category(step.before.rhs) == after:
        return False  # a chain v = x y = 2
    return before != after or before == "relation"


def _kind_changing_steps(part):
    return [step for step in part.reference.walk() if step.before != step.after and _changes_kind(step)]


_PARTS = bank.parts()


@pytest.mark.parametrize("part", _PARTS, ids=lambda part: part.qualified_id)
def test_no_equals_sign_joins_different_kinds(part):
    derivation = part.reference
    rendered = {"text": derivation.to_text(), "latex": derivation.to_latex(), "markdown": derivation.to_markdown(),
                "html": derivation.to_html()}
    printers = {"text": readable_text, "latex": clean_latex, "markdown": clean_latex, "html": html_math}
    for step in _kind_changing_steps(part):
        for form, text in rendered.items():
            printer = printers[form]
            assert f"{printer(step.before)} = {printer(step.after)}" not in text, (form, step.rule)


@pytest.mark.parametrize("part", _PARTS, ids=lambda part: part.qualified_id)
def test_text_is_mathematics_not_sympy_syntax(part):
    text = part.reference.to_text()
    steps, result = text.rsplit("\nResult: ", 1)
    found = _SYMPY_SYNTAX.findall(steps) + [s for s in _SYMPY_SYNTAX.findall(result) if s not in _PASTABLE]
    # The result line is what a student may paste back into `check`; the plain reader has no
    # notation for a finite sum but Sum(f, (i, a, b)), and reads a square root as sqrt(...)
    # (not √), so those two forms are allowed there.
    assert not found, (found, text[:2000])


@pytest.mark.parametrize("part", _PARTS, ids=lambda part: part.qualified_id)
def test_html_is_mathematics_not_sympy_syntax(part):
    page = part.reference.to_html()
    outside_math = re.sub(r"<math.*?</math>", "", page, flags=re.DOTALL)
    inside_math = re.findall(r"<math.*?</math>", page, flags=re.DOTALL)
    assert not _SYMPY_SYNTAX.findall(outside_math), outside_math[:2000]
    assert not [m for m in inside_math if "&#958;" in m or "ξ" in m], "a dummy ξ (sympy's Subs) in MathML"
