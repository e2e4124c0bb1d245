r"""Text derivecheck did not write, made safe to show: every hidden character becomes a visible escape.

A *hidden* character is one a terminal, browser or editor acts on or hides instead of
showing: control characters (Unicode category Cc: ESC, BEL, CR, backspace ...), format
characters (Cf: the bidi overrides U+202A-U+202E and isolates U+2066-U+2069, zero-width
spaces and joiners, U+FEFF), surrogates (Cs), private-use characters (Co) and the line and
paragraph separators (Zl, Zp). Everything derivecheck echoes (the pointer under an invalid
answer, messages, "read as", command-line text, grading summaries and exports) goes through
:func:`visible`, so an answer cannot set a terminal's title, recolour it, hide text or
reverse its direction, and a caret still lines up under the escaped text.

>>> visible("x\x1b]0;pwned\x07")
'x\\x1b]0;pwned\\x07'
>>> visible("abc\u202edef"), visible("a\u200bb")
('abcU+202Edef', 'aU+200Bb')
>>> print(visible("two\nlines\r"))
two
lines\r
>>> visible("two\nlines", newlines=False)
'two\\nlines'
"""

from __future__ import annotations

import unicodedata

__all__ = ["visible", "is_hidden", "HIDDEN_CATEGORIES"]

HIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Zl", "Zp"})
_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def is_hidden(char: str) -> bool:
    r"""True for a character that is not shown as itself (see the module docstring).

    >>> [is_hidden(c) for c in ("x", " ", "\x1b", "\u202e", "\ufeff", "\ud800", "\u00e9")]
    [False, False, True, True, True, True, False]
    """
    return unicodedata.category(char) in HIDDEN_CATEGORIES


def visible(text: str, *, newlines: bool = True) -> str:
    r"""``text`` with each hidden character written as an escape: ``\t``, ``\r``, ``\x1b`` for
    the control characters up to U+00FF, ``U+202E`` for the others. ``newlines`` keeps line
    breaks (a message of several lines); ``newlines=False`` escapes them too.

    Every escape is plain ASCII, so ``visible`` of its own result changes nothing:

    >>> once = visible("\x1b[31mred\u2066")
    >>> once, visible(once) == once
    ('\\x1b[31mredU+2066', True)
    """
    if all(line.isprintable() for line in text.split("\n")) and (newlines or "\n" not in text):
        return text  # the common case: nothing to escape (isprintable is False for every hidden character)
    return "".join(_escape(char) if (char != "\n" or not newlines) and is_hidden(char) else char for char in text)


def _escape(char: str) -> str:
    code = ord(char)
    if char in _NAMED:
        return _NAMED[char]
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"U+{code:04X}"
