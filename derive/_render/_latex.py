r"""LaTeX rendering of a Derivation: an ``aligned`` block in display math, steps indented by depth.

:func:`render_latex` gives a fragment (``\[ \begin{aligned} ... \end{aligned} \]``) that pastes
into any document loading amsmath and amssymb; :func:`latex_document` wraps fragments into a
complete document. Words are ASCII inside ``\text{}`` (see :mod:`._tex_text`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import sympy

from .._notation import PLAIN, Notation
from .._steps import Derivation, Step
from ._layout import connective, numbered_steps, shows_after
from ._printers import clean_latex
from ._tex_text import tex_text

__all__ = ["render_latex", "aligned_latex", "latex_document", "step_equation_latex", "step_extras_latex",
           "connective_latex"]

_PREAMBLE = r"""\documentclass[11pt]{article}
\usepackage[margin=2cm]{geometry}
\usepackage{amsmath}
\usepackage{amssymb}
\allowdisplaybreaks
\setlength{\parindent}{0pt}
\begin{document}
"""


_MATH_WORD = re.compile(r"(?P<math>[a-z]'+|[<>=+\-]|\d+)(?P<punctuation>[,:]?)")


def _connective_word(word: str) -> str:
    if word == "⇒":
        return r"\;\Rightarrow\;"
    match = _MATH_WORD.fullmatch(word)
    if match is None:
        return rf"\text{{{tex_text(word)} }}"
    punctuation = rf"\text{{{match['punctuation']} }}" if match["punctuation"] else r"\ "
    return match["math"] + punctuation  # f'' and < as mathematics: in \text{} '' is a quote mark


def connective_latex(words: str) -> str:
    r"""A step's connective in LaTeX: ``=``, or ``\Rightarrow`` and words in ``\text{}`` (the
    mathematics among them, f'' < 0, in math mode).

    >>> connective_latex("="), connective_latex("⇒ solutions:")
    ('=', '\\;\\Rightarrow\\; \\text{solutions: }')
    >>> connective_latex(": f'' < 0, so a")
    "\\text{: } f''\\  <\\  0\\text{, } \\text{so } \\text{a }"
    """
    if words == "=":
        return "="
    return " ".join(_connective_word(word) for word in words.split())


def step_equation_latex(step: Step, notation: Notation = PLAIN) -> str:
    """``before = after`` (or just ``before`` for a statement) in LaTeX; the connective is
    ``⇒`` or words when the step changes kind."""
    before = clean_latex(step.before, notation)
    if not shows_after(step):
        return before
    return f"{before} {connective_latex(connective(step))} {clean_latex(step.after, notation)}"


def _definition_latex(definition: sympy.Basic, notation: Notation) -> str:
    if isinstance(definition, sympy.Equality):
        return f"{clean_latex(definition.lhs, notation)} = {clean_latex(definition.rhs, notation)}"
    return clean_latex(definition, notation)


def step_extras_latex(step: Step, *, note: bool = True, notation: Notation = PLAIN) -> list[str]:
    """The where / if / note parts of a step, each a LaTeX fragment (the note only if ``note``)."""
    extras = []
    if step.definitions:
        extras.append(r"\text{where } " + r",\ ".join(_definition_latex(d, notation) for d in step.definitions))
    if step.conditions:
        extras.append(r"\text{if } " + r",\ ".join(clean_latex(c, notation) for c in step.conditions))
    if step.note and note:
        extras.append(rf"\text{{({tex_text(step.note)})}}")
    return extras


def aligned_latex(derivation: Derivation, steps: Sequence | None = None) -> str:
    r"""The ``aligned`` block of ``derivation`` (no math delimiters), ending with the result.

    ``steps`` (numbered steps, default all of them) chooses which steps are shown.

    >>> import sympy, derive
    >>> print(aligned_latex(derive.differentiate(sympy.Symbol("x")**2, sympy.Symbol("x"))))
    \begin{aligned}
    & \textbf{derivative:} && \frac{d}{d x} x^{2} \\
    & \text{1. power rule:} && \frac{d}{d x} x^{2} = 2 x \\
    & \textbf{Result:} && 2 x
    \end{aligned}
    """
    notation = derivation.notation
    lines = [r"\begin{aligned}"]
    if derivation.statement is not None:
        title = tex_text(derivation.title or "task")
        lines.append(rf"& \textbf{{{title}:}} && {clean_latex(derivation.statement, notation)} \\")
    elif derivation.title:
        lines.append(rf"& \textbf{{{tex_text(derivation.title)}}} \\")
    for item in numbered_steps(derivation.steps) if steps is None else steps:
        indent = r"\quad " * (item.depth - 1)
        label = rf"\text{{{item.number}. {tex_text(item.step.rule)}:}}"
        lines.append(rf"& {indent}{label} && {step_equation_latex(item.step, notation)} \\")
        for extra in step_extras_latex(item.step, notation=notation):
            lines.append(rf"& && \quad {extra} \\")
    lines.append(rf"& \textbf{{Result:}} && {clean_latex(derivation.result, notation)}")
    lines.append(r"\end{aligned}")
    return "\n".join(lines)


def render_latex(derivation: Derivation, steps: Sequence | None = None) -> str:
    r"""``derivation`` as a display-math fragment, ready to paste into an amsmath document.

    >>> import sympy, derive
    >>> fragment = render_latex(derive.differentiate(sympy.Symbol("x")**2, sympy.Symbol("x")))
    >>> fragment.splitlines()[0], fragment.splitlines()[-1]
    ('\\[', '\\]')
    """
    return "\\[\n" + aligned_latex(derivation, steps) + "\n\\]"


def latex_document(body: str) -> str:
    r"""A complete LaTeX document (article, amsmath, amssymb) around ``body``.

    >>> document = latex_document(r"\[ x^{2} \]")
    >>> document.startswith(r"\documentclass") and document.rstrip().endswith(r"\end{document}")
    True
    """
    return _PREAMBLE + body.rstrip() + "\n\\end{document}\n"
