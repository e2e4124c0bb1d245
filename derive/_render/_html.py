"""HTML rendering of a Derivation: a standalone page, mathematics as MathML (sympy's
presentation printer, so no network is needed to view it), each step with its rule and note,
sub-steps collapsible (``<details>``).

>>> import sympy, derive
>>> page = render_html(derive.differentiate(sympy.Symbol("x")**2, sympy.Symbol("x")))
>>> page.startswith("<!DOCTYPE html>") and "<math" in page and "power rule" in page
True
"""

from __future__ import annotations

import html
from collections.abc import Sequence

import sympy
from sympy.printing.mathml import MathMLPresentationPrinter

from .._notation import PLAIN, Notation
from .._steps import Derivation, Step
from ._layout import connective, joined, shows_after
from ._printers import _brackets, _primed_call
from ._unicode import unicode_text

__all__ = ["render_html", "html_page", "derivation_html"]

_STYLE = """body{font-family:sans-serif;max-width:60rem;margin:2rem auto;line-height:1.5}
.rule{font-weight:bold}.note{color:#555;font-style:italic}ol{padding-left:1.5rem}
summary{cursor:pointer;color:#336}math{font-size:1.1em}"""


class _MathMLPrinter(MathMLPresentationPrinter):
    """sympy's presentation MathML with an unknown function's derivative as a′(u) (not a Subs
    with a dummy ξ), unknown functions in the ``notation`` setting's brackets (a[u], a′[u])
    and a product of numbers with a visible dot (2·1, never 21)."""

    _default_settings = {**MathMLPresentationPrinter._default_settings, "notation": PLAIN}

    def _call(self, function, arguments, primes: int = 0):
        """The function's name with its primes, then its arguments in the notation's brackets."""
        inner = self._row(*(child for index, argument in enumerate(arguments)
                            for child in ([self._text("mo", ",")] if index else []) + [self._print(argument)]))
        return self._row(self._text("mi", function.__name__ + "′" * primes), self._paren(inner, *_brackets(self, function)))

    def _print_AppliedUndef(self, e):
        return self._call(e.func, e.args)

    def _print_Subs(self, e):
        primed = _primed_call(e)
        if primed is None:
            return super()._print_Subs(e)
        function, order, argument = primed
        return self._call(function, (argument,), order)

    def _print_Derivative(self, e):
        return self._print_Subs(e) if _primed_call(e) is not None else super()._print_Derivative(e)

    def _paren(self, inner, opening: str = "(", closing: str = ")"):
        fenced = self.dom.createElement("mrow")
        for text, child in ((opening, None), (None, inner), (closing, None)):
            if child is not None:
                fenced.appendChild(child)
                continue
            mo = self.dom.createElement("mo")
            mo.appendChild(self.dom.createTextNode(text))
            fenced.appendChild(mo)
        return fenced

    def _text(self, tag: str, text: str):
        node = self.dom.createElement(tag)
        node.appendChild(self.dom.createTextNode(text))
        return node

    def _row(self, *children):
        row = self.dom.createElement("mrow")
        for child in children:
            row.appendChild(child)
        return row

    def _print_Differential(self, e):
        inner = self._print(e.arg)
        atomic = isinstance(e.arg, (sympy.Symbol, sympy.MatrixSymbol))
        return self._row(self._text("mi", "d"), inner if atomic else self._paren(inner))

    def _print_SquaredNorm(self, e):
        power = self.dom.createElement("msup")
        power.appendChild(self._row(self._text("mo", "‖"), self._print(e.arg), self._text("mo", "‖")))
        power.appendChild(self._text("mn", "2"))
        return power

    def _print_Tr(self, e):
        return self._row(self._text("mi", "tr"), self._paren(self._print(e.arg)))

    def _print_Scalar(self, e):
        return self._print(e.matrix)

    def _print_Elementwise(self, e):
        if e.name == "exp" and not e.order:  # eˣ, as the text and LaTeX write it
            power = self.dom.createElement("msup")
            power.appendChild(self._text("mi", "e"))
            power.appendChild(self._print(e.arg))
            return power
        name = {"sigmoid": "σ"}.get(e.name, e.name)
        return self._row(self._text("mi", name + "′" * e.order), self._paren(self._print(e.arg)))

    def _print_Mul(self, expr):
        if len(expr.args) > 1 and all(a.is_Number for a in expr.args):
            row = self.dom.createElement("mrow")
            for index, factor in enumerate(expr.args):
                if index:
                    dot = self.dom.createElement("mo")
                    dot.appendChild(self.dom.createTextNode("·"))
                    row.appendChild(dot)
                row.appendChild(self._print(factor))
            return row
        return super()._print_Mul(expr)


def _math(obj: sympy.Basic, notation: Notation = PLAIN) -> str:
    """MathML of ``obj``; Unicode text in <code> when sympy's printer cannot print it."""
    try:
        return f'<math display="inline">{_MathMLPrinter({"notation": notation}).doprint(obj)}</math>'
    except Exception:
        return f"<code>{html.escape(unicode_text(obj, notation))}</code>"


def _equation(step: Step, notation: Notation) -> str:
    if not shows_after(step):
        return _math(step.before, notation)
    return joined(_math(step.before, notation), html.escape(connective(step)), _math(step.after, notation))


def _step(step: Step, notation: Notation) -> str:
    extras = []
    if step.definitions:
        extras.append("where " + ", ".join(_math(d, notation) for d in step.definitions))
    if step.conditions:
        extras.append("if " + " and ".join(_math(c, notation) for c in step.conditions))
    if step.note:
        extras.append(f'<span class="note">({html.escape(step.note)})</span>')
    line = f'<span class="rule">{html.escape(step.rule)}:</span> {_equation(step, notation)} {" ".join(extras)}'.rstrip()
    if step.substeps:
        count = len(step.substeps)
        line += (f"\n<details><summary>{count} sub-step{'s' if count > 1 else ''}</summary>\n"
                 f"{_steps(step.substeps, notation)}\n</details>")
    return f"<li>{line}</li>"


def _steps(steps: Sequence[Step], notation: Notation) -> str:
    return "<ol>\n" + "\n".join(_step(step, notation) for step in steps) + "\n</ol>"


def derivation_html(derivation: Derivation) -> str:
    """The derivation as an HTML fragment (heading, steps, result)."""
    notation = derivation.notation
    heading = html.escape(derivation.title)
    if derivation.statement is not None:
        heading = f"{heading}: {_math(derivation.statement, notation)}"
    return (f'<section class="derivation">\n<p>{heading}</p>\n{_steps(derivation.steps, notation)}\n'
            f'<p><strong>Result:</strong> {_math(derivation.result, notation)}</p>\n</section>')


def html_page(title: str, body: str) -> str:
    """A complete HTML page around ``body``."""
    return (f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>{html.escape(title)}</title>\n'
            f"<style>{_STYLE}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n")


def render_html(derivation: Derivation) -> str:
    """``derivation`` as a standalone HTML page."""
    return html_page(derivation.title or "derivation", derivation_html(derivation))
