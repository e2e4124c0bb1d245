"""Token-level preparation of plain (calculator / sympy syntax) answers.

Turns what people type into Python expression syntax the AST walker can read, keeping a
map back to the original columns so errors point at the right spot:
``^`` becomes ``**``, implicit products get a ``*`` (``2xy`` -> ``2*x*y``), a prime
becomes ``.T``, and the text is split into the members of an ``=`` chain.

>>> from ._vocabulary import Vocabulary
>>> from sympy import symbols
>>> vocab = Vocabulary.from_objects(symbols("x y"))
>>> [m.source for m in split_members("y = 2xy^2", vocab)]
['y', '2 * x * y ** 2']
"""

from __future__ import annotations

import io
import keyword
import re
import tokenize
from dataclasses import dataclass

from sympy.core.function import UndefinedFunction

from ._builtins import CONSTANTS
from ._errors import InvalidAnswer
from ._functions import is_function_name as is_builtin_function
from ._names import GREEK_LETTERS, canonical_name
from ._plain_constructors import CONSTRUCTORS
from ._vocabulary import Vocabulary

__all__ = ["Member", "split_members", "split_primes", "STRUCTURAL_CALLS", "PLUS_MINUS_NAME", "READ_AS_WRITTEN"]

STRUCTURAL_CALLS = frozenset(CONSTRUCTORS) | {"Subs"}  # Subs binds its variable: the walker reads it itself
_UNICODE_OPERATORS = {"−": "-", "·": "*", "×": "*", "⋅": "*", "÷": "/", "²": "^2", "³": "^3", "√": "sqrt"}
_OPENERS, _CLOSERS = "([{", ")]}"
READ_AS_WRITTEN = frozenset(_UNICODE_OPERATORS) - {"√"} | {"±", "∓", "′", "’"}
"""The Unicode mathematics this reader reads itself (``x²``, ``2·x``, ``a′``), and notation
``auto`` leaves with it; other Unicode mathematics goes to :mod:`._unicode_text`. (``√`` is
read here only as a function name, ``√(x)``, not ``√2``.)"""


@dataclass(frozen=True)
class _Token:
    kind: int
    text: str
    column: int  # offset in the original text


@dataclass(frozen=True)
class Member:
    """One side of an ``=`` chain, as Python-syntax source plus a column map."""

    source: str
    columns: tuple[int, ...]  # original column of each character of ``source``
    original: str

    def original_column(self, offset: int) -> int:
        """Column in the original text of ``source[offset]``."""
        if not self.columns:
            return 0
        return self.columns[min(max(offset, 0), len(self.columns) - 1)]


def split_members(text: str, vocabulary: Vocabulary, max_depth: int = 60) -> list[Member]:
    """Tokenize, check brackets (at most ``max_depth`` deep), split on top-level ``=`` and rewrite each side."""
    _refuse_quoted_text(text)
    tokens = _tokenize(_normalize(text), text)
    _refuse_bad_brackets(tokens, text, max_depth)
    joined = _equations_joined_by_words(tokens)
    if joined is not None:
        return [_assemble(_rewrite(joined, vocabulary), text)]
    members: list[list[_Token]] = [[]]
    depth = 0
    for token in tokens:
        depth += (token.text in _OPENERS) - (token.text in _CLOSERS)
        if depth == 0 and token.text in {"=", "=="}:
            members.append([])
        else:
            members[-1].append(token)
    if any(not member for member in members):
        raise InvalidAnswer("an '=' has nothing on one side", text=text, position=text.find("="))
    return [_assemble(_rewrite(member, vocabulary), text) for member in members]


def _refuse_bad_brackets(tokens: list[_Token], text: str, max_depth: int) -> None:
    """One walk over the brackets. Brackets nested past ``max_depth`` are refused at the first
    one too deep (as in LaTeX: Python's parser would read ``((((x))))`` as ``x`` and give no
    depth to the walker). An unbalanced bracket is refused where it is: the first closing
    bracket with no opening one, else the last opening bracket never closed.

    >>> _refuse_bad_brackets(_tokenize("((x))", "((x))"), "((x))", 1)
    Traceback (most recent call last):
    ...
    checkers._errors.InvalidAnswer: this answer is nested too deeply
    >>> _refuse_bad_brackets(_tokenize("(x", "(x"), "(x", 60)
    Traceback (most recent call last):
    ...
    checkers._errors.InvalidAnswer: unbalanced brackets
    """
    opened: list[int] = []
    for token in tokens:
        if token.text in _OPENERS:
            opened.append(token.column)
            if len(opened) > max_depth:
                raise InvalidAnswer("this answer is nested too deeply", text=text, position=token.column)
        elif token.text in _CLOSERS:
            if not opened:
                raise InvalidAnswer("unbalanced brackets", text=text, position=token.column)
            opened.pop()
    if opened:
        raise InvalidAnswer("unbalanced brackets", text=text, position=opened[-1])


def _equations_joined_by_words(tokens: list[_Token]) -> list[_Token] | None:
    """``x = 2 or x = 3``: with a top-level ``or``/``and``, each top-level ``=`` is one
    clause's equation (``==``), not a split of the whole answer into sides."""
    depth, words = 0, False
    for token in tokens:
        depth += (token.text in _OPENERS) - (token.text in _CLOSERS)
        words = words or (depth == 0 and token.kind == tokenize.NAME and token.text in ("or", "and"))
    if not words:
        return None
    return [_Token(token.kind, "==", token.column) if token.text == "=" else token for token in tokens]


def _normalize(text: str) -> str:
    # one character in, the same length out, so columns stay valid (² and √ are rare: map by position)
    mapped = "".join(_UNICODE_OPERATORS.get(ch, ch) if len(_UNICODE_OPERATORS.get(ch, ch)) == 1 else "\x00" for ch in text)
    return _PRIME_AFTER.sub("′", mapped)  # a' and a'' are primes, never the start of a quoted string


_PLUS_MINUS = ("±", "∓")
PLUS_MINUS_NAME = "_pm_"

_PRIME_AFTER = re.compile(r"(?<=[\w)′'])'")
_OPENING_QUOTE = re.compile(r"""(?<![\w)′'])'|\"""")


def _refuse_quoted_text(text: str) -> None:
    """A quote that is not a prime (not after a name, bracket or prime) opens quoted text."""
    match = _OPENING_QUOTE.search(text)
    if match:
        raise InvalidAnswer("text in quotes is not part of a mathematical answer", text=text, position=match.start())


def _tokenize(normalized: str, original: str) -> list[_Token]:
    tokens: list[_Token] = []
    for kind, text, column in _python_tokens(normalized, original):
        if text == "′":
            tokens.extend(_prime(tokens, column))
        elif text in _PLUS_MINUS:
            sign = "+" if text == "±" else "-"  # a ± b is a + s*b, s both signs (structures.PLUS_MINUS)
            tokens.extend(_Token(kind, text, column) for kind, text in
                          ((tokenize.OP, sign), (tokenize.NAME, PLUS_MINUS_NAME), (tokenize.OP, "*")))
        elif kind == tokenize.STRING and text == "''":  # a double prime, not a string
            tokens.extend(_prime(tokens, column))
            tokens.extend(_prime(tokens, column + 1))
        elif kind == tokenize.STRING:
            raise InvalidAnswer("text in quotes is not part of a mathematical answer", text=original, position=column)
        else:
            tokens.append(_Token(kind, text, column))
    for index, ch in enumerate(original):  # characters mapped to several tokens (², √)
        if ch in _UNICODE_OPERATORS and len(_UNICODE_OPERATORS[ch]) > 1:
            _splice_unicode(tokens, index, _UNICODE_OPERATORS[ch])
    return tokens


_MARKS = frozenset({"′", *_PLUS_MINUS})  # read by this reader, not by Python's tokenizer
_OPERATORS = frozenset(tokenize.EXACT_TOKEN_TYPES) - {"!"}  # Python's (3.12 adds "!" for f-strings)
_SKIPPED = (tokenize.NEWLINE, tokenize.NL, tokenize.ENDMARKER, tokenize.INDENT, tokenize.DEDENT)


def _python_tokens(normalized: str, original: str) -> list[tuple[int, str, int]]:
    """(kind, text, column) of Python's tokens, with a prime or ± as a token of its own, the
    same on every Python version: the marks are blanked out before tokenizing (a blank keeps
    the columns) and put back in order; any other character Python has no token for is refused.

    >>> [text for _, text, _ in _python_tokens("f′(x) ± 1", "f′(x) ± 1")]
    ['f', '′', '(', 'x', ')', '±', '1']
    """
    if "\\" in normalized:  # a line continuation to Python
        raise InvalidAnswer("unexpected character '\\\\'", text=original, position=normalized.index("\\"))
    marks = [(column, ch) for column, ch in enumerate(normalized) if ch in _MARKS]
    blanked = "".join(" " if ch in _MARKS or ch == "\x00" or (ch.isspace() and ch != "\n") else ch for ch in normalized)
    found: list[tuple[int, str, int]] = []
    try:
        for tok in tokenize.generate_tokens(io.StringIO(blanked).readline):
            if tok.type not in _SKIPPED and tok.string.strip():
                found.append((tok.type, tok.string, tok.start[1]))
    except tokenize.TokenError:
        pass  # a bracket never closed, or (3.12) nested past Python's limit: _refuse_bad_brackets says which
    for kind, text, column in found:
        bad = _unexpected(kind, text)
        if bad is not None:
            raise InvalidAnswer(f"unexpected character {text[bad]!r}", text=original, position=column + bad)
    found.extend((tokenize.OP, ch, column) for column, ch in marks)
    return sorted(found, key=lambda token: token[2])


def _unexpected(kind: int, text: str) -> int | None:
    """Where in a token lies a character Python has no token for (3.11 reports it as an error
    token, 3.12 inside a name or as an operator), or None."""
    if kind == tokenize.NAME and not text.isidentifier():
        return next(index for index, ch in enumerate(text) if not (("a" + ch) if index else ch).isidentifier())
    if kind == tokenize.ERRORTOKEN or (kind == tokenize.OP and text not in _OPERATORS):
        return 0
    return None


_PRIME = "__prime"


def _prime(tokens: list[_Token], column: int) -> list[_Token]:
    """A prime after a name marks a derivative (``a'(u)``, resolved later); elsewhere a transpose."""
    if tokens and tokens[-1].kind == tokenize.NAME:
        previous = tokens.pop()
        return [_Token(tokenize.NAME, previous.text + _PRIME, previous.column)]
    return [_Token(tokenize.OP, ".", column), _Token(tokenize.NAME, "T", column)]


def split_primes(name: str) -> tuple[str, int]:
    """``a__prime__prime`` -> (``a``, 2).

    >>> split_primes("a__prime")
    ('a', 1)
    """
    primes = 0
    while name.endswith(_PRIME):
        name, primes = name[: -len(_PRIME)], primes + 1
    return name, primes


def _splice_unicode(tokens: list[_Token], column: int, replacement: str) -> None:
    position = next((i for i, t in enumerate(tokens) if t.column > column), len(tokens))
    pieces = (
        [_Token(tokenize.OP, "^", column), _Token(tokenize.NUMBER, replacement[1:], column)]
        if replacement.startswith("^")
        else [_Token(tokenize.NAME, replacement, column)]
    )
    tokens[position:position] = pieces


_KEYWORD_NAMES = {"lambda": "lamda"}  # Greek letters that are Python keywords (canonical_name folds them back)


def _rewrite(tokens: list[_Token], vocabulary: Vocabulary) -> list[_Token]:
    out: list[_Token] = []
    for token in _split_names(tokens, vocabulary):
        if token.kind == tokenize.NAME and token.text in _KEYWORD_NAMES:
            token = _Token(tokenize.NAME, _KEYWORD_NAMES[token.text], token.column)
        if token.text == "^":
            token = _Token(tokenize.OP, "**", token.column)
        if out and _implicit_product(out[-1], token, vocabulary):
            out.append(_Token(tokenize.OP, "*", token.column))
        out.append(token)
    return out


def _split_names(tokens: list[_Token], vocabulary: Vocabulary) -> list[_Token]:
    """``xy`` -> ``x``, ``y`` when both are known and ``xy`` is not.

    With open names (reading a reference), an unknown word of plain letters that is not a
    Greek letter splits into single letters, as sympy's ``split_symbols`` does.
    """
    out: list[_Token] = []
    for token in tokens:
        parts = None
        if token.kind == tokenize.NAME and not _known(token.text, vocabulary):
            parts = _known_parts(token.text, vocabulary) or _open_parts(token.text, vocabulary)
        if parts:
            offset = 0
            for part in parts:
                out.append(_Token(tokenize.NAME, part, token.column + offset))
                offset += len(part)
        else:
            out.append(token)
    return out


def _open_parts(name: str, vocabulary: Vocabulary) -> list[str] | None:
    if not vocabulary.open_names or len(name) < 2 or not name.isascii() or not name.isalpha() or "I" in name:
        return None  # a word with I stays whole: split, its I would be the imaginary unit
    return None if canonical_name(name) in GREEK_LETTERS else list(name)


def _known(name: str, vocabulary: Vocabulary) -> bool:
    return (
        vocabulary.lookup(name) is not None
        or name in CONSTANTS
        or is_builtin_function(name)
        or name in STRUCTURAL_CALLS
        or keyword.iskeyword(name)
        or name == "T"
    )


def _known_parts(name: str, vocabulary: Vocabulary) -> list[str] | None:
    """Split a run of letters into known names, longest first; None if impossible."""
    if "_" in name or len(name) < 2:
        return None
    for cut in range(len(name) - 1, 0, -1):
        head, tail = name[:cut], name[cut:]
        if _known(head, vocabulary) and not is_builtin_function(head):
            rest = [tail] if _known(tail, vocabulary) else _known_parts(tail, vocabulary)
            if rest:
                return [head, *rest]
    return None


def _is_callable(name: str, vocabulary: Vocabulary) -> bool:
    name, _ = split_primes(name)
    meaning = vocabulary.lookup(name)
    if meaning is not None:
        return isinstance(meaning, UndefinedFunction)
    return is_builtin_function(name) or name in STRUCTURAL_CALLS


def _implicit_product(left: _Token, right: _Token, vocabulary: Vocabulary) -> bool:
    left_operand = left.kind == tokenize.NUMBER or left.text in {")", "]"} or (
        left.kind == tokenize.NAME and not keyword.iskeyword(left.text)
    )
    right_operand = (right.kind in (tokenize.NUMBER, tokenize.NAME) and not keyword.iskeyword(right.text)) or right.text == "("
    if not (left_operand and right_operand):
        return False
    if left.kind == tokenize.NUMBER and right.kind == tokenize.NUMBER:
        return False
    if right.text == "(" and left.kind == tokenize.NAME:
        return not _is_callable(left.text, vocabulary)
    if left.text == "T" and right.text == "(":
        return True
    return True


def _assemble(tokens: list[_Token], original: str) -> Member:
    source, columns = [], []
    for token in tokens:
        if source:
            source.append(" ")
            columns.append(token.column)
        source.append(token.text)
        columns.extend([token.column] * len(token.text))
    text = "".join(source)
    return Member(text, tuple(columns), original)
