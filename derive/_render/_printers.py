"""Expression printers shared by the renderers: sympy syntax, clean LaTeX, and the base of
the readable text printer (:mod:`._unicode`).

Printing is cached per (immutable) sympy object: the same expressions recur across steps
and formats.
"""

from __future__ import annotations

import re
from functools import lru_cache

import sympy
from sympy import MatMul, MatrixExpr
from sympy.core.function import AppliedUndef
from sympy.printing.latex import LatexPrinter, greek_letters_set
from sympy.printing.precedence import PRECEDENCE
from sympy.printing.str import StrPrinter

from .._matrix_objects import Elementwise, Softmax
from .._notation import PLAIN, Notation
from ._tex_text import tex_text

__all__ = ["sympy_syntax", "clean_latex", "relax_delimiters"]


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


def _split(term) -> tuple[sympy.Expr, list]:
    """(scalar coefficient, matrix factors) of a matrix product; (1, [term]) otherwise."""
    if not isinstance(term, MatMul):
        return sympy.S.One, [term]
    return (sympy.Mul(*(a for a in term.args if not isinstance(a, MatrixExpr))),
            [a for a in term.args if isinstance(a, MatrixExpr)])


def _negated(term) -> sympy.Basic | None:
    """The term without its minus sign, or None if its coefficient is not negative."""
    coefficient, factors = _split(term)
    if not (isinstance(term, MatMul) and coefficient.could_extract_minus_sign()):
        return None
    return MatMul(-coefficient, *factors) if -coefficient != 1 else (MatMul(*factors) if len(factors) > 1 else factors[0])


def _signed_terms(expr) -> list[tuple[str, sympy.Basic]]:
    """(sign, term without its sign) for each term of a matrix sum, subtracted terms last:
    diag(s) - s sᵀ, not -s sᵀ + diag(s)."""
    signed = [("-", _negated(t)) if _negated(t) is not None else ("+", t) for t in expr.args]
    return sorted(signed, key=lambda pair: pair[0] == "-")


def _over_denominator(expr: MatMul) -> tuple[str, sympy.Basic, sympy.Basic] | None:
    """(sign, numerator, denominator) of a matrix product with a fractional scalar
    coefficient: (1/m) (P - Y) is (P - Y) over m; None without a denominator."""
    coefficient, matrices = _split(expr)
    numerator, denominator = sympy.fraction(coefficient)
    if denominator == 1:
        return None
    sign = "-" if numerator.could_extract_minus_sign() else ""
    numerator = -numerator if sign else numerator
    top = MatMul(numerator, *matrices) if numerator != 1 else (MatMul(*matrices) if len(matrices) > 1 else matrices[0])
    return sign, top, denominator


def _primed_call(expr) -> tuple[sympy.Basic, int, sympy.Basic] | None:
    """(function, order, argument) when ``expr`` is an unknown function's derivative at a
    point, ``Subs(Derivative(a(t), t), t, u)`` or ``Derivative(a(u), u)``: printed a'(u)."""
    point = None
    if isinstance(expr, sympy.Subs) and len(expr.variables) == 1:
        expr, point = expr.expr, expr.point[0]
    if not isinstance(expr, sympy.Derivative) or len(expr.variable_count) != 1:
        return None
    call, (variable, order) = expr.expr, expr.variable_count[0]
    if not isinstance(call, AppliedUndef) or call.args != (variable,):
        return None
    return call.func, int(order), variable if point is None else point


def _is_row_of_ones(expr) -> bool:
    return expr.shape[0] == 1 and expr.shape[1] != 1


def _brackets(printer, function) -> tuple[str, str]:
    """The brackets around an unknown function's arguments in the printer's notation."""
    notation: Notation = printer._settings["notation"]
    return notation.brackets(function.__name__)


class _TextPrinter(_OneLinePrinter):
    """One-line ``sstr`` with derivatives as d/dx (...) and indicators as 1[x > 0]; matrix
    sums in reading order, fractions of matrix products as (...)/c, 1ᵀ as 1.T; unknown
    functions in the ``notation`` setting's brackets (a[u], a'[u] as Prince writes them)."""

    _default_settings = {**_OneLinePrinter._default_settings, "notation": PLAIN}

    def _print_AppliedUndef(self, expr):
        opening, closing = _brackets(self, expr.func)
        return f"{expr.func.__name__}{opening}{self.stringify(expr.args, ', ')}{closing}"

    def _print_MatAdd(self, expr):
        return _signed_sum(self, expr, leading_minus="-")

    def _print_MatMul(self, expr):
        split = _over_denominator(expr)
        if split is None:
            return super()._print_MatMul(expr)
        sign, top, bottom = split
        return sign + self.parenthesize(top, PRECEDENCE["Mul"], strict=True) + "/" + self.parenthesize(bottom, PRECEDENCE["Mul"])

    def _print_OneMatrix(self, expr):
        return "1.T" if _is_row_of_ones(expr) else "1"

    def _print_Derivative(self, expr):
        primed = _primed_call(expr)
        if primed is not None:
            return self._print_Subs(expr)
        d = "∂" if len(expr.expr.free_symbols) > 1 else "d"
        order = sum(int(count) for _, count in expr.variable_count)
        power = "" if order == 1 else f"^{order}"
        denominators = "".join(
            f"{d}{self._print(v)}" + ("" if count == 1 else f"^{count}")
            for v, count in reversed(expr.variable_count)
        )
        return f"{d}{power}/{denominators} ({self._print(expr.expr)})"

    def _print_Subs(self, expr):
        primed = _primed_call(expr)
        if primed is not None:
            function, order, argument = primed
            opening, closing = _brackets(self, function)
            return f"{function.__name__}{chr(39) * order}{opening}{self._print(argument)}{closing}"
        at = ", ".join(f"{self._print(v)} = {self._print(p)}" for v, p in zip(expr.variables, expr.point))
        return f"({self._print(expr.expr)} at {at})"

    def _print_Heaviside(self, expr):
        return f"1[{self._print(expr.args[0])} > 0]"

    def _print_Str(self, expr):
        return expr.name

    def _print_Relational(self, expr):
        operator = "=" if expr.rel_op == "==" else expr.rel_op
        return f"{self._print(expr.lhs)} {operator} {self._print(expr.rhs)}"


class _CleanLatexPrinter(LatexPrinter):
    """sympy's LaTeX printer with words as \\text{} and indicators as \\mathbb{1}[x > 0];
    unknown functions in the ``notation`` setting's brackets."""

    _default_settings = {**LatexPrinter._default_settings, "notation": PLAIN}

    def _call(self, function, arguments: str, primes: int = 0) -> str:
        r"""``a\left[u\right]``, ``a'\left(u\right)``: a call in the notation's brackets."""
        opening, closing = _brackets(self, function)
        name = self._print(sympy.Symbol(function.__name__)) + chr(39) * primes
        return rf"{name}\left{opening}{arguments}\right{closing}"

    def _print_AppliedUndef(self, expr, exp=None):
        if _brackets(self, expr.func) == ("(", ")"):
            return super()._print_Function(expr, exp)
        text = self._call(expr.func, ", ".join(self._print(a) for a in expr.args))
        return text if exp is None else rf"{text}^{{{exp}}}"

    def _print_Str(self, expr):
        return rf"\text{{{tex_text(expr.name)}}}"

    def _print_Subs(self, expr):
        primed = _primed_call(expr)
        if primed is None:
            return super()._print_Subs(expr)
        function, order, argument = primed
        return self._call(function, self._print(argument), order)

    def _print_Derivative(self, expr):
        return self._print_Subs(expr) if _primed_call(expr) is not None else super()._print_Derivative(expr)

    def _print_Heaviside(self, expr, exp=None):
        text = rf"\mathbb{{1}}\left[{self._print(expr.args[0])} > 0\right]"
        return text if exp is None else rf"{text}^{{{exp}}}"

    def _print_MatAdd(self, expr):
        return _signed_sum(self, expr, leading_minus="- ")

    def _print_MatMul(self, expr):
        split = _over_denominator(expr)
        if split is None:
            return super()._print_MatMul(expr)
        sign, top, bottom = split
        return r"{}\frac{{{}}}{{{}}}".format(sign and "- ", self._print(top), self._print(bottom))

    def _print_MatrixSymbol(self, expr):
        name = expr.name
        if len(name) > 1 and name.startswith("d") and sympy.Symbol(name[1:]).name in _GREEK:
            return "d" + self._print(sympy.Symbol(name[1:]))
        return super()._print_MatrixSymbol(expr)

    def _print_OneMatrix(self, expr):
        return r"\mathbf{1}^{T}" if _is_row_of_ones(expr) else r"\mathbf{1}"

    def _print_Symbol(self, expr, style="plain"):
        match = _DECORATED.match(expr.name)
        if match is None:
            return super()._print_Symbol(expr, style=style)
        return rf"\{match['decoration']}{{{self._print(sympy.Symbol(match['base']))}}}"  # y_hat is \hat{y}

    def _print_Trace(self, expr):
        if tuple(expr.arg.shape) == (1, 1):  # the number a 1x1 product v^T h stands for
            return self.parenthesize(expr.arg, PRECEDENCE["Mul"], strict=True)
        return super()._print_Trace(expr)

    def _print_DiagMatrix(self, expr):
        return rf"\operatorname{{diag}}\left({self._print(expr.args[0])}\right)"

    def _print_Piecewise(self, expr):
        if len(expr.args) == 2 and expr.args[0].expr == 1 and expr.args[1] == (0, True):
            return rf"\mathbb{{1}}\left[{self._print(expr.args[0].cond)}\right]"  # an indicator, as written
        return super()._print_Piecewise(expr)

    def _print_Transpose(self, expr):
        if isinstance(expr.arg, (Softmax, Elementwise)):
            return rf"{self._print(expr.arg)}^{{T}}"
        return super()._print_Transpose(expr)


_DECORATED = re.compile(r"^(?P<base>[A-Za-z]+)_(?P<decoration>hat|bar|tilde|dot)$")
_GREEK = frozenset(greek_letters_set) | {"lambda", "Lambda"}
"""Names printed as Greek letters; dtheta (the differential of theta) prints as d\\theta."""

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
def clean_latex(obj: sympy.Basic, notation: Notation = PLAIN) -> str:
    r"""LaTeX with plain brackets wherever ``\left``/``\right`` are not needed; unknown
    functions in ``notation``'s brackets.

    >>> u, a = sympy.Symbol("u"), sympy.Function("a")
    >>> clean_latex(a(u)), clean_latex(a(u).diff(u), Notation(frozenset({"a"})))
    ('a{(u)}', "a'[u]")
    """
    return relax_delimiters(_CleanLatexPrinter({"notation": notation}).doprint(obj))


def _signed_sum(printer, expr, *, leading_minus: str) -> str:
    """A matrix sum in reading order (subtracted terms after the others)."""
    text = ""
    for sign, term in _signed_terms(expr):
        text += (f" {sign} " if text else (leading_minus if sign == "-" else "")) + printer._print(term)
    return text
