"""Read Unicode mathematics as ``derive``'s text format prints it (``2Σ_{i=1}^{I} (φ₀ + φ₁xᵢ - yᵢ) xᵢ``,
``5√2``, ``Xᵀ(Xw - y)``, ``e^(-x²/2)``, ``[[a, b], [c, d]]``, ``{1/3, 3}``, ``1[z > 0]``).

One mechanism: the text is transliterated into the LaTeX reader's input, character by
character, with a map from every character written back to the character of the answer it
came from, so an error points at what the student typed. The LaTeX tokenizer already knows
single Unicode symbols (Greek letters, ``·``, ``≤``, ``−``, ``∂``, ``‖``); what it does not know is
written here from one rule each:

- a run of superscript or subscript characters is ``^{...}`` / ``_{...}`` of the characters
  Unicode itself decomposes them into (``⁻¹`` -> ``^{-1}``, ``ᵢ`` -> ``_{i}``, ``ᵀ`` -> ``^{T}``:
  a transpose or a power of a scalar ``T``, as the LaTeX reader decides for ``A^T``);
- ``√`` takes a bracket group or one atom (a number, or a name with its subscripts: ``√vhat``);
- ``Σ``/``∑`` and ``Π``/``∏`` with bounds (``_`` or a subscript after them) are a sum and a product;
- ``^`` takes a bracket group or one atom (a number, or one letter with its subscripts): ``e^(-x)``, ``e^f₁``;
- braces not after ``_``/``^`` are a set, ``[[a, b], [c, d]]`` a matrix, ``1[z > 0]`` an indicator.

The text never reaches eval or sympify: the output is read by the LaTeX grammar.

>>> transliterate("5√2 + xᵢ²").latex
'5\\\\sqrt{2} + x_{i}^{2}'
>>> transliterate("{[[1, 2]], e^(-x)}").latex
'\\\\{\\\\begin{bmatrix} 1& 2 \\\\end{bmatrix}, e^{(-x)}\\\\}'
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache

from ._errors import InvalidAnswer
from ._limits import DEFAULT_LIMITS, Limits
from ._names import UNICODE_GREEK
from ._reading import Reading
from ._vocabulary import Vocabulary

__all__ = ["Transliteration", "transliterate", "has_unicode_math", "read_unicode"]

_SCRIPT_TAGS = {"<super>": "^", "<sub>": "_"}
_SCRIPT_NAMES = {"^": "superscript", "_": "subscript"}
_SCRIPT_BASES = frozenset("0123456789+-=()abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_SUMS = {"Σ": r"\sum ", "∑": r"\sum ", "Π": r"\prod ", "∏": r"\prod "}
_ALWAYS_OPERATOR = frozenset("∑∏")  # Σ and Π are also the letters Sigma and Pi: an operator only with bounds
_ROOT = "√"
_SYMBOLS = frozenset("√∑∏‖⊙∘≤≥≠∂∇∞⊤·×−")
"""Symbols derive's text format prints besides letters and scripts (the LaTeX tokenizer reads them)."""
_OPENERS = {"(": ")", "[": "]", "{": "}"}
_ROW_NEXT = re.compile(r"\s*\[")  # [[ ... ]]: a matrix, its rows in brackets


@lru_cache(maxsize=512)
def script(ch: str) -> tuple[str, str] | None:
    """(``^`` or ``_``, the character it raises or lowers) for a superscript or subscript
    character, from Unicode's own decomposition; None for any other character.

    >>> script("²"), script("ᵢ"), script("⁻"), script("ᵝ"), script("x")
    (('^', '2'), ('_', 'i'), ('^', '-'), ('^', 'β'), None)
    """
    tag, _, code = unicodedata.decomposition(ch).partition(" ")
    if tag not in _SCRIPT_TAGS or not code or " " in code:
        return None
    base = chr(int(code, 16))
    base = "-" if base == "−" else base
    if base not in _SCRIPT_BASES and base not in UNICODE_GREEK:
        return None
    return _SCRIPT_TAGS[tag], base


def has_unicode_math(text: str, ignoring: frozenset[str] = frozenset()) -> bool:
    """True when ``text`` has Unicode mathematics (characters in ``ignoring`` aside): a
    superscript or subscript, ``√``, ``∑``/``∏``, ``Σ``/``Π`` with bounds, or another symbol of
    derive's text format (``‖``, ``⊙``, ``≤`` ...).

    >>> has_unicode_math("3x² - 10x"), has_unicode_math("3x² - 10x", frozenset("²")), has_unicode_math("θ + Σ")
    (True, False, False)
    >>> has_unicode_math("‖w‖"), has_unicode_math("𝑥 + é")
    (True, False)
    """
    return any(ch in _SYMBOLS or script(ch) is not None or _bounded(text, i)
               for i, ch in enumerate(text) if not ch.isascii() and ch not in ignoring)


def _bounded(text: str, index: int) -> bool:
    """``Σ`` / ``Π`` at ``index`` followed by bounds (``_`` or a subscript character)."""
    if text[index] not in _SUMS:
        return False
    following = text[index + 1 : index + 2]
    return following == "_" or (following != "" and (script(following) or ("", ""))[0] == "_")


@dataclass(frozen=True)
class _Frame:
    """An open bracket: the character that closes it and what is written for it."""

    kind: str  # paren / bracket / group / set / matrix / row
    closer: str
    written: str


@dataclass(frozen=True)
class Transliteration:
    """The LaTeX written for a Unicode answer and, for each of its characters, the offset of
    the answer's character it came from."""

    original: str
    latex: str
    origins: tuple[int, ...]

    def relocated(self, error: InvalidAnswer) -> InvalidAnswer:
        """``error`` (raised on the LaTeX) pointing at the answer's character instead.

        >>> t = transliterate("√2 + xᵢ$")
        >>> t.relocated(InvalidAnswer("unexpected '$'", text=t.latex, position=t.latex.index("$"))).position
        7
        """
        position = error.position
        if position is not None and error.text == self.latex:
            position = self.origins[position] if position < len(self.origins) else len(self.original)
        elif error.text is not None:
            position = None  # a position in some other text: no pointer rather than a wrong one
        return InvalidAnswer(error.message, text=self.original if position is not None else None,
                             position=position, shape=error.shape)


class _Writer:
    """Collects the LaTeX and the origin of each of its characters, as the answer is read."""

    def __init__(self, original: str) -> None:
        self.original = original
        self.pieces: list[str] = []
        self.origins: list[int] = []
        self.last_visible = ""

    def write(self, text: str, origin: int) -> None:
        self.pieces.append(text)
        self.origins.extend([origin] * len(text))
        self.last_visible = text.rstrip()[-1:] or self.last_visible

    def last(self) -> str:
        """The last character written that is not a space ('' at the start)."""
        return self.last_visible

    def done(self) -> Transliteration:
        return Transliteration(self.original, "".join(self.pieces), tuple(self.origins))


def transliterate(text: str, *, within_latex: bool = False) -> Transliteration:
    """The LaTeX reader's input for Unicode mathematics ``text`` (see the module docstring).
    ``within_latex``: ``text`` is LaTeX with Unicode in it (``\\frac{x²}{2}``): only the rules
    for characters apply (scripts, ``√``, ``Σ`` with bounds), braces and brackets keep their
    LaTeX meaning.

    >>> transliterate("{x²}", within_latex=True).latex, transliterate("{x²}").latex
    ('{x^{2}}', '\\\\{x^{2}\\\\}')
    """
    out = _Writer(text)
    stack: list[_Frame] = []
    step = _character_step if within_latex else _step
    index = 0
    while index < len(text):
        index = step(text, index, out, stack)
    return out.done()


def _character_step(text: str, index: int, out: _Writer, stack: list[_Frame]) -> int:
    """The rules for single characters: scripts, ``√``, ``Σ``/``∑`` and ``Π``/``∏`` with bounds."""
    ch = text[index]
    if script(ch) is not None:
        return _scripts(text, index, out)
    if ch == _ROOT:
        return _root(text, index, out, stack)
    if ch in _SUMS and (ch in _ALWAYS_OPERATOR or _bounded(text, index)):
        out.write(_SUMS[ch], index)
        return index + 1
    if ch == ")" and stack and stack[-1].closer == ch:  # the end of √( ... )
        out.write(stack.pop().written, index)
        return index + 1
    if ch == "(":
        stack.append(_Frame("paren", ")", ")"))
    out.write(ch, index)
    return index + 1


def _step(text: str, index: int, out: _Writer, stack: list[_Frame]) -> int:
    """Write the LaTeX for the construct at ``index``; the index after it."""
    ch = text[index]
    if script(ch) is not None or ch == _ROOT or ch in _SUMS:
        return _character_step(text, index, out, stack)
    if ch == "^":
        return _raised(text, index, out, stack)
    if ch in _OPENERS:
        return _open(text, index, out, stack)
    if ch in ")]}":
        return _close(ch, index, out, stack)
    if ch == "," and stack and stack[-1].kind in ("row", "matrix"):
        out.write("&" if stack[-1].kind == "row" else r"\\", index)
        return index + 1
    if ch == "1" and text[index + 1 : index + 2] == "[" and not _after_operand(text, index):
        out.write(r"\mathbb{1}", index)  # 1[z > 0]: the indicator
        return index + 1
    out.write(ch, index)
    return index + 1


def _after_operand(text: str, index: int) -> bool:
    """True when the character before ``index`` continues a number or a name."""
    before = text[index - 1 : index]
    return before != "" and (before.isalnum() or before in "._^'" or script(before) is not None)


def _scripts(text: str, index: int, out: _Writer) -> int:
    """A run of superscript (or subscript) characters: ``^{...}`` (``_{...}``); its brackets close inside it."""
    kind = script(text[index])[0]  # type: ignore[index]
    opened: list[int] = []
    out.write(kind + "{", index)
    while index < len(text) and (found := script(text[index])) is not None and found[0] == kind:
        if found[1] == ")" and not opened:
            break
        if found[1] == "(":
            opened.append(index)
        elif found[1] == ")":
            opened.pop()
        out.write(found[1], index)
        index += 1
    if opened or (index < len(text) and script(text[index]) == (kind, ")")):
        position = opened[-1] if opened else index
        raise InvalidAnswer(f"a bracket in a {_SCRIPT_NAMES[kind]} must close inside it", text=text, position=position)
    out.write("}", index - 1)
    return index


def _atom_end(text: str, index: int, *, letters: int = 1) -> int:
    """The end of the atom at ``index``: a number, or a name of up to ``letters`` letters with
    its subscripts; ``index`` if there is none."""
    end = index
    if end < len(text) and (text[end].isdigit() or text[end] == "."):
        while end < len(text) and (text[end].isdigit() or text[end] == "."):
            end += 1
        return end
    while end < len(text) and end - index < letters and text[end].isalpha() and script(text[end]) is None:
        end += 1
    if end == index:
        return index
    while end < len(text) and (found := script(text[end])) is not None and found[0] == "_":
        end += 1
    return end


def _atom(text: str, start: int, end: int, out: _Writer) -> None:
    """Write the atom ``text[start:end]`` (its subscripts as ``_{...}``)."""
    index = start
    while index < end:
        index = _scripts(text, index, out) if script(text[index]) is not None else _plain(text, index, out)


def _plain(text: str, index: int, out: _Writer) -> int:
    out.write(text[index], index)
    return index + 1


def _root(text: str, index: int, out: _Writer, stack: list[_Frame]) -> int:
    """``√(...)`` and ``√atom``: ``\\sqrt{...}``. ``√x²`` is refused: (√x)² or √(x²)?"""
    following = index + 1
    if text[following : following + 1] == "(":
        out.write(r"\sqrt{", index)
        out.write("(", following)
        stack.append(_Frame("group", ")", ")}"))
        return following + 1
    end = _atom_end(text, following, letters=len(text))  # √vhat: derive writes a name's root without brackets
    if end == following:
        raise InvalidAnswer("'√' needs a number, a name or a bracket right after it, e.g. √2, √x or √(x + 1)",
                            text=text, position=index)
    found = script(text[end]) if end < len(text) else None
    if found is not None and found[0] == "^":
        raise InvalidAnswer("a power right after √ is ambiguous: write √(x²) or (√x)²", text=text, position=end)
    out.write(r"\sqrt{", index)
    _atom(text, following, end, out)
    out.write("}", end - 1)
    return end


def _raised(text: str, index: int, out: _Writer, stack: list[_Frame]) -> int:
    """``^(...)`` and ``^atom`` (``e^f₁``, ``x^10``): the whole group, or the number or the one
    letter with its subscripts, is the exponent (``e^xy`` is ``e^{x}y``, as in LaTeX)."""
    following = index + 1
    if text[following : following + 1] == "(":
        out.write("^{", index)
        out.write("(", following)
        stack.append(_Frame("group", ")", ")}"))
        return following + 1
    end = _atom_end(text, following)
    if end == following:
        out.write("^", index)  # ^{...} or something the LaTeX reader reports
        return following
    out.write("^{", index)
    _atom(text, following, end, out)
    out.write("}", end - 1)
    return end


def _open(text: str, index: int, out: _Writer, stack: list[_Frame]) -> int:
    ch = text[index]
    if ch == "{" and out.last() not in ("_", "^"):
        out.write(r"\{", index)
        stack.append(_Frame("set", "}", r"\}"))
    elif ch == "[" and stack and stack[-1].kind == "matrix":
        out.write(" ", index)
        stack.append(_Frame("row", "]", " "))
    elif ch == "[" and _ROW_NEXT.match(text, index + 1) and not _after_operand(text, index) \
            and out.last() not in (")", "]"):
        out.write(r"\begin{bmatrix}", index)
        stack.append(_Frame("matrix", "]", r"\end{bmatrix}"))
    else:
        out.write(ch, index)
        stack.append(_Frame("paren" if ch == "(" else "bracket", _OPENERS[ch], _OPENERS[ch]))
    return index + 1


def _close(ch: str, index: int, out: _Writer, stack: list[_Frame]) -> int:
    if not stack or stack[-1].closer != ch:
        out.write(ch, index)  # closes nothing it should: the LaTeX reader says so, at this character
        return index + 1
    out.write(stack.pop().written, index)
    return index + 1


def read_unicode(text: str, vocabulary: Vocabulary, limits: Limits = DEFAULT_LIMITS, *,
                 within_latex: bool = False) -> Reading:
    """Read Unicode mathematics: transliterate, read the LaTeX, point errors at ``text``.
    ``within_latex``: ``text`` is LaTeX with Unicode in it (see :func:`transliterate`).

    >>> from sympy import symbols
    >>> read_unicode("3x⁴ - 10x + 3", Vocabulary.from_objects(symbols("x"))).value
    3*x**4 - 10*x + 3
    >>> read_unicode("\\\\frac{x²}{2}", Vocabulary.from_objects(symbols("x")), within_latex=True).notation
    'latex'
    >>> read_unicode("x√", Vocabulary.from_objects(symbols("x")))
    Traceback (most recent call last):
    ...
    checkers._errors.InvalidAnswer: '√' needs a number, a name or a bracket right after it, e.g. √2, √x or √(x + 1)
    """
    from ._latex import read_latex

    written = transliterate(text, within_latex=within_latex)
    latex = written.latex
    try:
        reading = read_latex(latex, vocabulary, replace(limits, max_length=max(limits.max_length, len(latex))))
    except InvalidAnswer as error:
        raise written.relocated(error) from None
    return replace(reading, notation="latex" if within_latex else "unicode", text=text)
