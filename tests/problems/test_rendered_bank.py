"""Every printed format of every bank part is honest and readable:

- no ``=`` joins two things of different kinds (an equation and its solution set, a point and
  its classification, a condition and a verdict), in text, LaTeX, Markdown or HTML;
- text, LaTeX, Markdown and HTML are mathematics for people, not sympy syntax, the text
  format's result line included (``--format sympy`` keeps the machine form).

The kinds are told apart here independently of the renderers' own classification.
"""

import re

import pytest
import sympy
from sympy.core.symbol import Str

from derive._render._html import _math as html_math
from derive._render._printers import clean_latex
from derive._render._unicode import unicode_text
from problems import bank

_SYMPY_SYNTAX = re.compile(
    r"Matrix\(\[\[|\*\*|(?<![\\A-Za-z_])(Sum|Product|exp|sqrt|Subs|Derivative|Piecewise|Heaviside|FiniteSet|Tuple|Eq|"
    r"Rational|Indexed|IndexedBase|MatMul|MatAdd|Abs|Dummy|Symbol|Function|Transpose|Inverse|Trace|Determinant)\(|"
    r"\.T\b|ImmutableMatrix|\boo\b|\bzoo\b")
"""sympy's own spelling: ``**``, constructors like ``Sum(`` or ``Matrix([[``, ``.T``, ``oo``
(a LaTeX command such as ``\\exp(`` is not one)."""


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
    printers = {"text": unicode_text, "latex": clean_latex, "markdown": clean_latex, "html": html_math}
    for step in _kind_changing_steps(part):
        for form, text in rendered.items():
            printer = printers[form]
            before, after = printer(step.before, derivation.notation), printer(step.after, derivation.notation)
            assert f"{before} = {after}" not in text, (form, step.rule)


@pytest.mark.parametrize("part", _PARTS, ids=lambda part: part.qualified_id)
@pytest.mark.parametrize("form", ["to_text", "to_latex", "to_markdown"])
def test_text_latex_and_markdown_are_mathematics_not_sympy_syntax(part, form):
    text = getattr(part.reference, form)()
    if form == "to_markdown":  # outside math, ** is bold
        text = " ".join(re.findall(r"\$[^$]*\$", text))
    found = [match.group(0) for match in _SYMPY_SYNTAX.finditer(text)]
    assert not found, (found, text[:2000])


def test_the_sympy_syntax_pattern_can_fail():
    found = [m.group(0) for m in _SYMPY_SYNTAX.finditer("2Sum(x[i], (i, 1, I)) + sqrt(2) + x**2 + A.T + oo")]
    assert found == ["Sum(", "sqrt(", "**", ".T", "oo"]
    assert not _SYMPY_SYNTAX.search(r"2\sum_{i=1}^{I} x_{i} + \sqrt{2} + \exp(x) + x^{2} + A^{T} + \infty + Σ_{i=1}^{I} xᵢ + √2")


@pytest.mark.parametrize("part", _PARTS, ids=lambda part: part.qualified_id)
def test_html_is_mathematics_not_sympy_syntax(part):
    page = part.reference.to_html()
    outside_math = re.sub(r"<math.*?</math>", "", page, flags=re.DOTALL)
    inside_math = re.findall(r"<math.*?</math>", page, flags=re.DOTALL)
    assert not _SYMPY_SYNTAX.search(outside_math), outside_math[:2000]
    assert not [m for m in inside_math if "&#958;" in m or "ξ" in m], "a dummy ξ (sympy's Subs) in MathML"
    math_text = [re.sub(r"<[^>]+>", "", m) for m in inside_math]
    assert not [t for t in math_text if _SYMPY_SYNTAX.search(t)], [t for t in math_text if _SYMPY_SYNTAX.search(t)][:3]


_WRITTEN_WITH_BRACKETS = {"udl.7.1": "a", "udl.3.7": "a", "udl.5.2": "f"}
"""Problems whose statement applies an unknown function with square brackets, as Prince writes
a[z] and a'[z] (read off the seed statements by hand)."""


@pytest.mark.parametrize("part", [p for p in _PARTS if p.problem_id in _WRITTEN_WITH_BRACKETS],
                         ids=lambda part: part.qualified_id)
def test_the_problems_bracket_notation_is_kept(part):
    name = _WRITTEN_WITH_BRACKETS[part.problem_id]
    derivation = part.reference
    in_parentheses = re.compile(rf"(?<![\\A-Za-z]){name}'*\{{?\(|<mi>{name}(&#8242;)*</mi><mrow><mo>\(")
    in_brackets = re.compile(rf"(?<![\\A-Za-z]){name}'*\[|<mi>{name}(&#8242;)*</mi><mrow><mo>\[")
    for text in (derivation.to_text(), derivation.to_latex(), derivation.to_markdown(), derivation.to_html()):
        assert not in_parentheses.search(text), in_parentheses.search(text)
        assert in_brackets.search(text) or not re.search(rf"(?<![A-Za-z_]){name}\(", derivation.to_sympy())


@pytest.mark.parametrize("part", [p for p in _PARTS if p.problem_id == "udl.7.1" and p.id.startswith("theta")],
                         ids=lambda part: part.qualified_id)
def test_the_activations_derivative_is_written_a_prime_of_brackets(part):
    derivation = part.reference
    for text in (derivation.to_text(), derivation.to_latex(), derivation.to_markdown()):
        assert "a'[" in text and "a'(" not in text
    assert "<mi>a&#8242;</mi><mrow><mo>[</mo>" in derivation.to_html()
