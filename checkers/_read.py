"""Read an answer of any notation: sympy objects pass through, text goes to a reader.

>>> from sympy import symbols
>>> from ._vocabulary import Vocabulary
>>> read_answer("x^2 + 1", Vocabulary.from_objects(symbols("x"))).notation
'plain'
>>> read_answer("\\\\frac{x}{2}", Vocabulary.from_objects(symbols("x"))).notation
'latex'
>>> read_answer("3x⁴ - 10x + 3", Vocabulary.from_objects(symbols("x"))).notation
'unicode'
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from functools import partial

import sympy

from ._errors import InvalidAnswer
from ._limits import DEFAULT_LIMITS, Limits
from ._numbers import recording_decimals
from ._reading import Reading
from ._unicode_text import has_unicode_math, read_unicode
from ._visible import is_hidden
from ._vocabulary import Vocabulary

__all__ = ["read_answer", "looks_like_latex"]

_LATEX_HINT = re.compile(r"\\|[\^_]\{|\$")
_LATEX_MARKUP = re.compile(r"\\|\$")


def looks_like_latex(text: str) -> bool:
    """True when text uses LaTeX markup (a backslash, ``^{``, ``_{`` or ``$``)."""
    return bool(_LATEX_HINT.search(text))


def read_answer(answer: object, vocabulary: Vocabulary, limits: Limits = DEFAULT_LIMITS, *, notation: str = "auto") -> Reading:
    """Read ``answer`` (text or a sympy object) against ``vocabulary``.

    ``notation`` is ``auto`` (LaTeX when the text has a backslash or ``$``; else Unicode
    mathematics as ``derive`` prints it when the text has Unicode mathematics the plain reader
    does not read itself (superscripts other than ``²`` and ``³``, subscripts, ``√``, ``Σ`` with
    bounds, ``‖``, ``≤`` ...); else LaTeX when it has ``^{`` or ``_{``; else plain), ``latex``, ``unicode`` or ``plain``.
    There is no second guess: text that fails its reader is invalid.
    """
    if isinstance(answer, (sympy.Basic, sympy.MatrixBase)):
        return Reading((answer,), "sympy", str(answer))
    if not isinstance(answer, str):
        raise InvalidAnswer(f"an answer must be text, not {_kind(answer)}")
    text = _screen(answer, limits)
    reader = _reader(text, notation)
    with recording_decimals() as decimals:
        reading = reader(text, vocabulary, limits)
    return replace(reading, decimals=tuple(decimals))


def _reader(text: str, notation: str) -> Callable[[str, Vocabulary, Limits], Reading]:
    """The reader of ``notation`` (``auto``: see :func:`read_answer`), imported when it is
    first used: plain text does not load the LaTeX grammar's tables, nor LaTeX the plain tokenizer.

    >>> _reader("x^2", "auto").__module__, _reader("x^{2}", "auto").__module__, _reader("x⁴", "auto").__name__
    ('checkers._plain', 'checkers._latex._reader', 'read_unicode')
    """
    if notation == "unicode" or (notation == "auto" and not _LATEX_MARKUP.search(text) and _beyond_plain(text)):
        return read_unicode
    if notation == "latex" or (notation == "auto" and looks_like_latex(text)):
        if has_unicode_math(text):  # \\frac{x²}{2}: the Unicode reader's rules for characters, in LaTeX
            return partial(read_unicode, within_latex=True)
        from ._latex import read_latex

        return read_latex
    from ._plain import read_plain

    return read_plain


def _beyond_plain(text: str) -> bool:
    """Unicode mathematics the plain reader does not read as written: ``x²`` and ``2·x`` stay
    plain, ``x⁴``, ``xᵢ``, ``5√2`` and ``‖w‖`` do not."""
    if not has_unicode_math(text):
        return False
    from ._plain_tokens import READ_AS_WRITTEN

    return has_unicode_math(text, READ_AS_WRITTEN)


def _kind(value: object) -> str:
    """What a value that is not text is, in words (for a message, never a Python type name)."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "a truth value"
    if isinstance(value, (int, float)):
        return "a bare number (write it as text, e.g. \"3\")"
    if isinstance(value, (list, tuple, set, dict)):
        return "a list or a mapping"
    return "a value of another kind"


def _screen(text: str, limits: Limits) -> str:
    if len(text) > limits.max_length:
        raise InvalidAnswer(f"the answer is {len(text)} characters long; the limit is {limits.max_length}")
    for position, ch in enumerate(text):
        if is_hidden(ch) and ch not in "\n\t\r":
            raise InvalidAnswer(f"the answer contains a control character (U+{ord(ch):04X})", text=text, position=position)
    stripped = text.strip()
    if not stripped:
        raise InvalidAnswer("the answer is empty")
    return stripped
