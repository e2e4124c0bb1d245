"""derive's own results are accepted: what ``derive`` prints as a part's result (the result
line of the text format, Unicode mathematics such as ``2Σ_{i=1}^{I} (φ₀ + φ₁xᵢ - yᵢ) xᵢ``; the
result line of ``--format sympy``; the sympy syntax and the LaTeX of ``to_dict()``; the
Markdown result line), fed back into that part's check, is ``correct``: a student copies it
from a terminal into ``derivecheck check PART 'ANSWER'``.

The forms are taken from the renderers' output, not from a printer called here, so the test
follows the renderers when their format changes.
"""

import pytest

from problems import bank


def _after(rendered: str, marker: str) -> str:
    line = rendered.splitlines()[-1]
    assert line.startswith(marker), line
    return line[len(marker):]


def printed_results(part) -> dict[str, str]:
    """The part's result as each renderer prints it."""
    derivation = part.reference
    as_dict = derivation.to_dict()
    return {
        "text": _after(derivation.to_text(), "Result: "),
        "sympy": _after(derivation.to_sympy(), "Result: "),
        "json": as_dict["result"],
        "latex": as_dict["result_latex"],
        "markdown": _after(derivation.to_markdown(), "**Result:** "),
    }


@pytest.mark.parametrize("part", bank.parts(), ids=lambda part: part.qualified_id)
def test_what_derive_prints_is_accepted(part):
    refused = {}
    forms = {}
    for form, text in printed_results(part).items():
        forms.setdefault(text, form)  # the sympy result line and the JSON result are the same string (so, often, the text)
    for text, form in forms.items():
        verdict = part.check(text, timeout=30)
        if verdict.status.value != "correct":
            refused[form] = (text, verdict.status.value, verdict.message)
    assert not refused, refused
