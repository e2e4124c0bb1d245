"""Expression printers shared by the renderers: sympy syntax, readable text, clean LaTeX.

Printing is cached per (immutable) sympy object: the same expressions recur across steps
and formats.
"""

from __future__ import annotations

import re
from functools import lru_cache

import sympy
from sympy.printing.latex import LatexPrinter
from sympy.printing.str import StrPrinter

__all__ = ["sympy_syntax", "readable_text", "clean_latex", "relax_delimiters"]


class _OneLinePrinter(StrPrinter):
    """``sstr`` with explicit matrices on one line: ``Matrix([[1, 2], [3, 4]])``."""

    def _print_MatrixBase(self, expr):
        rows = ", ".join("[" + ", ".join(self._print(e) for e in row) + "]" for row in expr.tolist())
        return f"Matrix([{rows}])"


_CACHE_SIZE = 4096


@lru_cache(maxsize=_CACHE_SIZE)
def sympy_syntax(obj: sympy.Basic) -> str:
    """Sympy-syntax string on one line (``sstr``); readable back by a sympy reader."""
    return _OneLinePrinter().doprint(obj)


class _TextPrinter(_OneLinePrinter):
    """One-line ``sstr`` with derivatives as d/dx (...) and indicators as 1[x > 0]."""

    def _print_Derivative(self, expr):
        d = "∂" if len(expr.expr.free_symbols) > 1 else "d"
        order = sum(int(count) for _, count in expr.variable_count)
        power = "" if order == 1 else f"^{order}"
        denominators = "".join(
            f"{d}{self._print(v)}" + ("" if count == 1 else f"^{count}")
            for v, count in reversed(expr.variable_count)
        )
        return f"{d}{power}/{denominators} ({self._print(expr.expr)})"

    def _print_Subs(self, expr):
        at = ", ".join(f"{self._print(v)} = {self._print(p)}" for v, p in zip(expr.variables, expr.point))
        return f"({self._print(expr.expr)} at {at})"

    def _print_Heaviside(self, expr):
        return f"1[{self._print(expr.args[0])} > 0]"

    def _print_Str(self, expr):
        return expr.name

    def _print_Relational(self, expr):
        operator = "=" if expr.rel_op == "==" else expr.rel_op
        return f"{self._print(expr.lhs)} {operator} {self._print(expr.rhs)}"


@lru_cache(maxsize=_CACHE_SIZE)
def readable_text(obj: sympy.Basic) -> str:
    """One-line text for people: like sympy syntax, with d/dx and 1[x > 0]."""
    return _TextPrinter().doprint(obj)


class _CleanLatexPrinter(LatexPrinter):
    """sympy's LaTeX printer with words as \\text{} and indicators as \\mathbb{1}[x > 0]."""

    def _print_Str(self, expr):
        return r"\text{%s}" % expr.name

    def _print_Heaviside(self, expr, exp=None):
        text = r"\mathbb{1}\left[%s > 0\right]" % self._print(expr.args[0])
        return text if exp is None else r"%s^{%s}" % (text, exp)


_DELIMITER = re.compile(r"\\(left|right)(\\\{|\\\}|\\\||\\[a-zA-Z]+|[()\[\]|.])")
_TALL = (r"\frac", r"\dfrac", r"\begin", r"\sum", r"\prod", r"\int", r"\left", r"\limits")
_PLAIN_PAIRS = {"(": ")", "[": "]"}


def relax_delimiters(latex: str) -> str:
    r"""Replace ``\left( ... \right)`` by plain ``( ... )`` around content that is not tall.

    >>> relax_delimiters(r"\sin{\left(x^{2} \right)} + \left(\frac{1}{x}\right)")
    '\\sin{(x^{2})} + \\left(\\frac{1}{x}\\right)'
    """
    pieces: list[str] = []
    stack: list[tuple[int, str]] = []
    position = 0
    for match in _DELIMITER.finditer(latex):
        pieces.append(latex[position : match.start()])
        position = match.end()
        side, delimiter = match.group(1), match.group(2)
        if side == "left":
            stack.append((len(pieces), delimiter))
            pieces.append(match.group(0))
            continue
        if not stack:
            pieces.append(match.group(0))
            continue
        start, opener = stack.pop()
        inner = "".join(pieces[start + 1 :])
        if _PLAIN_PAIRS.get(opener) == delimiter and not any(t in inner for t in _TALL):
            pieces[start] = opener
            if pieces:
                pieces[-1] = pieces[-1].rstrip()
            pieces.append(delimiter)
        else:
            pieces.append(match.group(0))
    pieces.append(latex[position:])
    return "".join(pieces)


@lru_cache(maxsize=_CACHE_SIZE)
def clean_latex(obj: sympy.Basic) -> str:
    """LaTeX with plain parentheses wherever ``\\left``/``\\right`` are not needed."""
    return relax_delimiters(_CleanLatexPrinter().doprint(obj))
