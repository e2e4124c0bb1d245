"""Mathematics for a terminal: one line of Unicode, the way a person writes it.

Powers as superscripts (x², e⁻ˣ, else x^(n + 1)), Greek letters and subscripts (φ₁, xᵢ),
transposes as ᵀ, sums as Σ_{i=1}^{I}, fractions as a/b, products by juxtaposition (2x, xᵢyᵢ)
or a middle dot, matrices as [[a, b], [c, d]]. No sympy syntax (``**``, ``Matrix(``,
``Sum(``, ``exp(``, ``.T``): that is what ``--format sympy`` is for.

>>> import sympy
>>> x, phi_1 = sympy.symbols("x phi_1")
>>> unicode_text(3*x**2 - 10*x + 3), unicode_text(sympy.exp(-x) / (1 + sympy.E)**2), unicode_text(phi_1 * x)
('3x² - 10x + 3', 'e⁻ˣ/(1 + e)²', 'φ₁x')
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

import sympy
from sympy.printing.precedence import PRECEDENCE
from sympy.printing.pretty.pretty_symbology import pretty_symbol, pretty_use_unicode

from .._notation import PLAIN, Notation
from ._printers import _over_denominator, _TextPrinter

__all__ = ["unicode_text"]

_SUPERSCRIPTS = dict(zip("0123456789+-=()abcdefghijklmnoprstuvwxyzABDEGHIJKLMNOPRTUVW",
                         "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻᴬᴮᴰᴱᴳᴴᴵᴶᴷᴸᴹᴺᴼᴾᴿᵀᵁⱽᵂ", strict=True))
_SUBSCRIPT_OR_SUPERSCRIPT = frozenset("₀₁₂₃₄₅₆₇₈₉ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ₊₋") | frozenset(_SUPERSCRIPTS.values())
_DECORATED = re.compile(r"^[A-Za-z]+_(hat|bar|tilde|dot)$")


def _superscript(text: str) -> str | None:
    """``text`` in superscript characters, or None if one of them has none."""
    if not text or any(c not in _SUPERSCRIPTS for c in text):
        return None
    return "".join(_SUPERSCRIPTS[c] for c in text)


def _is_short(text: str) -> bool:
    """One glyph with its sub- and superscripts (x, φ₁, xᵢ²): safe to juxtapose."""
    return len([c for c in text if c not in _SUBSCRIPT_OR_SUPERSCRIPT]) == 1


@lru_cache(maxsize=2048)
def _symbol_name(name: str) -> str:
    if name.startswith("d") and name[1:] in _GREEK:  # dtheta, the differential of theta
        return "d" + _symbol_name(name[1:])
    if ("_" not in name and sympy.Symbol(name).name not in _GREEK) or _DECORATED.match(name):
        return name
    pretty_use_unicode(True)
    return pretty_symbol(name)


_GREEK = frozenset("alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi pi rho sigma tau upsilon "
                   "phi chi psi omega Gamma Delta Theta Lambda Xi Pi Sigma Phi Psi Omega".split())


_OWN = frozenset({"SquaredNorm", "Tr", "Differential", "Elementwise", "Scalar", "Indexed"})
"""derive's objects that print themselves in sympy syntax (``_sympystr``); printed here instead."""
_FUNCTION_NAMES = {"sigmoid": "σ"}
_BIG_OPERATORS = (sympy.Sum, sympy.Product)
_RELATIONS = {"==": "=", "!=": "≠", "<=": "≤", ">=": "≥"}


class _UnicodePrinter(_TextPrinter):
    """The readable-text printer with Unicode mathematics (see the module docstring)."""

    def _print(self, expr, **kwargs):
        if type(expr).__name__ in _OWN:
            return getattr(self, "_print_" + type(expr).__name__)(expr)
        return super()._print(expr, **kwargs)

    def _print_SquaredNorm(self, expr):
        return f"‖{self._print(expr.arg)}‖²"

    def _print_Tr(self, expr):
        return f"tr({self._print(expr.arg)})"

    def _print_Differential(self, expr):
        inner = self._print(expr.arg)
        return f"d{inner}" if _is_short(inner) else f"d({inner})"

    def _print_Elementwise(self, expr):
        if expr.name == "exp" and expr.order == 0:
            return self._power("e", expr.arg)
        name = _FUNCTION_NAMES.get(expr.name, expr.name)
        return f"{name}{chr(39) * expr.order}({self._print(expr.arg)})"

    def _print_Scalar(self, expr):
        return self._print(expr.matrix)

    def _print_Function(self, expr):
        name = _FUNCTION_NAMES.get(type(expr).__name__)
        if name is None:
            return super()._print_Function(expr)
        return f"{name}({', '.join(self._print(a) for a in expr.args)})"

    def _print_Symbol(self, expr):
        return _symbol_name(expr.name)

    def _print_MatrixSymbol(self, expr):
        return _symbol_name(expr.name)

    def _print_Indexed(self, expr):
        indices = "".join(self._print(i) for i in expr.indices)
        name = f"{expr.base.label}_{indices}"
        return _symbol_name(name) if re.fullmatch(r"[A-Za-z0-9]+", indices) else f"{self._print(expr.base.label)}[{indices}]"

    def _print_Exp1(self, expr):
        return "e"

    def _print_Pi(self, expr):
        return "π"

    def _print_Infinity(self, expr):
        return "∞"

    def _print_NegativeInfinity(self, expr):
        return "-∞"

    def _print_exp(self, expr):
        return self._power("e", expr.args[0])

    def _power(self, base: str, exponent) -> str:
        printed = self._print(exponent)
        raised = _superscript(printed.replace(" ", ""))
        if raised is not None:
            return base + raised
        return f"{base}^{printed}" if _is_short(printed) else f"{base}^({printed})"

    def _print_Pow(self, expr, rational=False):
        base, exponent = expr.args
        if exponent == sympy.S.Half:
            return "√" + self.parenthesize(base, PRECEDENCE["Atom"], strict=True)
        if exponent.is_number and exponent.is_negative:
            return "1/" + self.parenthesize(base ** -exponent, PRECEDENCE["Mul"])
        if isinstance(base, _BIG_OPERATORS):  # (Σᵢ xᵢ)², not Σᵢ xᵢ²
            return self._power(f"({self._print(base)})", exponent)
        return self._power(self.parenthesize(base, PRECEDENCE["Pow"]), exponent)

    def _print_Mul(self, expr):
        if expr.could_extract_minus_sign():
            return "-" + self.parenthesize(-expr, PRECEDENCE["Add"], strict=True)
        numerator, denominator = sympy.fraction(expr, exact=True)
        if denominator != 1:
            top = self.parenthesize(numerator, PRECEDENCE["Mul"], strict=True)
            return f"{top}/{self.parenthesize(denominator, PRECEDENCE['Mul'])}"
        factors = expr.as_ordered_factors()
        pieces = [f"({self._print(f)})" if isinstance(f, _BIG_OPERATORS) and f is not factors[-1]
                  else self.parenthesize(f, PRECEDENCE["Mul"], strict=False) for f in factors]
        return _juxtaposed(pieces)  # a sum before another factor is bracketed

    def _print_MatMul(self, expr):
        if self._over(expr) is not None:
            return super()._print_MatMul(expr)
        coefficient, factors = expr.as_coeff_matrices()
        if coefficient.could_extract_minus_sign():
            return "-" + self._print(sympy.MatMul(-coefficient, *factors).doit(deep=False) if -coefficient != 1
                                     else (sympy.MatMul(*factors) if len(factors) > 1 else factors[0]))
        pieces = [] if coefficient == 1 else [self.parenthesize(coefficient, PRECEDENCE["Mul"])]
        pieces += [self.parenthesize(f, PRECEDENCE["Mul"], strict=False) for f in factors]
        return _juxtaposed(pieces, matrix=True)

    @staticmethod
    def _over(expr):
        return _over_denominator(expr)

    def _print_Transpose(self, expr):
        return self.parenthesize(expr.arg, PRECEDENCE["Pow"], strict=True) + "ᵀ"

    def _print_OneMatrix(self, expr):
        return "1ᵀ" if expr.shape[0] == 1 and expr.shape[1] != 1 else "1"

    def _print_Inverse(self, expr):
        return self._power(self.parenthesize(expr.arg, PRECEDENCE["Pow"]), -1)

    def _print_MatPow(self, expr):
        return self._power(self.parenthesize(expr.base, PRECEDENCE["Pow"]), expr.exp)

    def _print_MatrixBase(self, expr):
        return "[" + ", ".join("[" + ", ".join(self._print(e) for e in row) + "]" for row in expr.tolist()) + "]"

    def _print_Sum(self, expr):
        bounds = "".join(f"_{{{self._print(i)}={self._print(a)}}}^{{{self._print(b)}}}" for i, a, b in expr.limits)
        return f"Σ{bounds} " + self.parenthesize(expr.function, PRECEDENCE["Mul"], strict=True)

    def _print_Product(self, expr):
        bounds = "".join(f"_{{{self._print(i)}={self._print(a)}}}^{{{self._print(b)}}}" for i, a, b in expr.limits)
        return f"Π{bounds} " + self.parenthesize(expr.function, PRECEDENCE["Mul"], strict=True)

    def _print_Abs(self, expr):
        return f"|{self._print(expr.args[0])}|"

    def _print_Determinant(self, expr):
        return f"det({self._print(expr.arg)})"

    def _print_Trace(self, expr):
        if tuple(expr.arg.shape) == (1, 1):
            return self._print(expr.arg)
        return f"tr({self._print(expr.arg)})"

    def _print_HadamardProduct(self, expr):
        return " ⊙ ".join(self.parenthesize(a, PRECEDENCE["Mul"], strict=True) for a in expr.args)

    def _print_Piecewise(self, expr):
        if len(expr.args) == 2 and expr.args[0].expr == 1 and expr.args[1] == (0, True):
            return f"1[{self._print(expr.args[0].cond)}]"
        cases = "; ".join(f"{self._print(e)} if {self._print(c)}" if c != sympy.true else f"{self._print(e)} otherwise"
                          for e, c in expr.args)
        return "{" + cases + "}"

    def _print_Relational(self, expr):
        operator = _RELATIONS.get(expr.rel_op, expr.rel_op)
        return f"{self._print(expr.lhs)} {operator} {self._print(expr.rhs)}"

    def _print_And(self, expr):
        args = expr.args
        if len(args) == 2 and all(isinstance(a, (sympy.StrictLessThan, sympy.LessThan)) for a in args):
            for first, second in (args, args[::-1]):
                if first.rhs == second.lhs:  # a < x and x < b: a < x < b
                    operator = _RELATIONS.get(second.rel_op, second.rel_op)
                    return f"{self._print(first)} {operator} {self._print(second.rhs)}"
        return " and ".join(self._print(a) for a in args)

    def _print_Or(self, expr):
        return " or ".join(self._print(a) for a in expr.args)

    def _print_Derivative(self, expr):
        text = super()._print_Derivative(expr)
        return re.sub(r"\^(\d+)", lambda m: _superscript(m.group(1)), text)


def _juxtaposed(pieces: list[str], *, matrix: bool = False) -> str:
    """Factors side by side where that reads unambiguously (2x, φ₁xᵢ, x(1 - x)), else with a
    space (or · before a digit)."""
    text = pieces[0]
    for previous, piece in itertools.pairwise(pieces):
        numeric = previous.replace(".", "").isdigit() and not piece[:1].isdigit()
        touching = _is_short(previous) and (_is_short(piece) or piece.startswith("(")) \
            and not (previous[-1:].isdigit() and piece[:1].isdigit())  # 2·2, never 22
        text += piece if numeric or touching else ("·" if piece[:1].isdigit() and not matrix else " ") + piece
    return text


@lru_cache(maxsize=4096)
def unicode_text(obj: sympy.Basic, notation: Notation = PLAIN) -> str:
    """One line of Unicode mathematics for ``obj`` (see the module docstring), unknown
    functions in ``notation``'s brackets.

    >>> u, a = sympy.Symbol("u"), sympy.Function("a")
    >>> unicode_text(a(u).diff(u)), unicode_text(a(u).diff(u), Notation(frozenset({"a"})))
    ("a'(u)", "a'[u]")
    """
    return _UnicodePrinter({"notation": notation}).doprint(obj)
