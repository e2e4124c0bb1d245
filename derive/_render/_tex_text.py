"""Plain words inside LaTeX: ASCII-only ``\\text{}`` content, with mathematics in math mode.

Rule names and notes are written for people (``1ᵀ diag(e) = eᵀ``, ``σ' = σ(1 - σ)``,
``v^T H v > 0``). pdflatex rejects most of those characters inside ``\\text{}``, so every
character that is not plain ASCII text becomes inline math (``$\\sigma$``, ``$^{T}$``),
``^x`` and ``_x`` become super- and subscripts, and LaTeX's special characters are escaped.
The result is pure ASCII.

>>> tex_text("1ᵀ diag(e) = eᵀ")
'1$^{T}$ diag(e) = e$^{T}$'
>>> tex_text("v^T H v > 0 & σ' = σ(1 - σ)")
"v$^{T}$ H v $>$ 0 \\\\& $\\\\sigma$' = $\\\\sigma$(1 - $\\\\sigma$)"
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["tex_text", "unicode_math"]

_SYMBOLS = {
    "‖": r"\|", "∂": r"\partial", "≈": r"\approx", "→": r"\to", "⇒": r"\Rightarrow", "≤": r"\le", "≥": r"\ge",
    "≠": r"\ne", "·": r"\cdot", "×": r"\times", "∇": r"\nabla", "√": r"\surd", "−": "-", "∈": r"\in",
    "…": r"\ldots", "∞": r"\infty", "±": r"\pm", "ℝ": r"\mathbb{R}", "∑": r"\sum", "∏": r"\prod",
    "⊙": r"\odot", "∘": r"\circ", "δ": r"\delta", "ε": r"\varepsilon", "ϕ": r"\phi", "∀": r"\forall",
    "<": "<", ">": ">", "|": "|", "Σ": r"\Sigma", "∅": r"\emptyset", "⊤": "T",
}
_PLAIN = {"′": "'", "‘": "'", "’": "'", "“": "``", "”": "''", "–": "--", "—": "---", "\u00a0": "~"}
_SPECIAL = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#",
            "~": r"\textasciitilde{}", "^": r"\textasciicircum{}", "_": r"\_"}
_CAPITAL_GREEK = {"Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma", "Upsilon", "Phi", "Psi", "Omega"}
_DOUBLE_SCRIPT = re.compile(r"([_^])\{([^{}]*)\}\1\{([^{}]*)\}")
_SCRIPT = re.compile(r"([\^_])(\{[^{}]*\}|\([^()]*\)|[A-Za-z0-9*]+)")


@lru_cache(maxsize=512)
def unicode_math(char: str) -> str | None:
    r"""The math-mode LaTeX of one non-ASCII character, or None when it has none.

    >>> unicode_math("θ"), unicode_math("ₙ"), unicode_math("²"), unicode_math("Δ")
    ('\\theta', '_{n}', '^{2}', '\\Delta')
    """
    if char in _SYMBOLS:
        return _SYMBOLS[char]
    name = unicodedata.name(char, "")
    if name.startswith("GREEK "):
        letter = name.rsplit(" ", 1)[-1].capitalize()
        letter = "Lambda" if letter == "Lamda" else letter
        if "SMALL" in name:
            return "\\" + letter.lower()
        return "\\" + letter if letter in _CAPITAL_GREEK else unicodedata.normalize("NFKD", char)
    base = unicodedata.normalize("NFKC", char)
    if base != char and base.isascii():
        if "SUBSCRIPT" in name:
            return f"_{{{base}}}"
        if "SUPERSCRIPT" in name or "MODIFIER LETTER" in name:
            return f"^{{{base}}}"
        return base
    return None


def _escape(char: str) -> str:
    if char in _SPECIAL:
        return _SPECIAL[char]
    if char in "<>|":
        return f"${char}$"
    if char.isascii():
        return char
    if char in _PLAIN:
        return _PLAIN[char]
    math = unicode_math(char)
    if math is not None:
        return f"${math}$"
    ascii_form = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode()
    return ascii_form or "?"


def _script(match: re.Match) -> str:
    body = match.group(2).strip("{}")
    return f"${match.group(1)}{{{''.join(_escape(c) for c in body).replace('$', '')}}}$"


def tex_text(text: str) -> str:
    """``text`` as ASCII content for ``\\text{}``: special characters escaped, mathematics in math mode."""
    pieces = []
    position = 0
    for match in _SCRIPT.finditer(text):
        pieces.append("".join(_escape(c) for c in text[position:match.start()]))
        pieces.append(_script(match))
        position = match.end()
    pieces.append("".join(_escape(c) for c in text[position:]))
    return _joined_scripts("".join(pieces).replace("$$", ""))


def _joined_scripts(latex: str) -> str:
    """``_{i}_{j}`` (a double subscript, an error in TeX) as ``_{ij}``; the same for superscripts."""
    previous = None
    while previous != latex:
        previous, latex = latex, _DOUBLE_SCRIPT.sub(r"\1{\2\3}", latex)
    return latex
