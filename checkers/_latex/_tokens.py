"""Tokens of a LaTeX answer, each with its offset in the original text.

The tokenizer knows LaTeX's lexical rules and nothing about meaning: a backslash command,
a single letter, a number (digits with an optional decimal part, or a decimal in
scientific notation), a word (the content of ``\\text{...}``, ``\\operatorname{...}``,
``\\mathrm{...}``), or one character. Spacing and sizing commands are dropped here, font
commands (``\\mathbf``, ``\\boldsymbol``, ``\\vec`` ...) are dropped with their braces
when they wrap one symbol, and unicode operators are mapped to their LaTeX meaning.

>>> [t.text for t in tokenize(r"\\left( 2\\mathbf{x} \\right)^\\top")]
['(', '2', 'x', ')', '^', 'top']
>>> tokenize(r"\\text{ReLU}[z]")[0].kind
'word'
"""

from __future__ import annotations

import re

from .._errors import InvalidAnswer
from ._brackets import closing_index
from ._commands import DROPPED, FONT_WRAPPERS, KNOWN_COMMANDS, SIZED_DELIMITERS, UNICODE, WORD_WRAPPERS
from ._token import Token

__all__ = ["tokenize"]

_NUMBER = re.compile(r"\d+(?:\.\d+)?|\.\d+")
_SCIENTIFIC = re.compile(r"[eE][+-]?\d+")
_THOUSANDS = re.compile(r"\{,\}(\d{3})(?!\d)")
_CONNECTIVE_WORDS = frozenset({"and", "or"})
_ESCAPED = re.compile(r"\\.", re.S)
_TYPED_RELATIONS = {"<=": "<=", ">=": ">=", "!=": "!="}  # as typed on a keyboard
_TYPED_RELATIONS_PREFIXES = ("<", ">", "!")


def tokenize(text: str) -> list[Token]:
    """Split LaTeX into tokens; unknown commands and stray characters are invalid."""
    tokens: list[Token] = []
    position, length = 0, len(text)
    space = False
    while position < length:
        ch = text[position]
        if ch.isspace() or ch in "$~":
            space, position = True, position + 1
            continue
        start = position
        if ch == "\\":
            position = _command(text, position, tokens, space)
        elif ch.isdigit() or (ch == "." and position + 1 < length and text[position + 1].isdigit()):
            position = _number(text, position, tokens, space)
        elif ch.isascii() and ch.isalpha():
            position = _letters(text, position, tokens, space)
        elif ch in UNICODE:
            kind, spelling = UNICODE[ch]
            tokens.append(Token(kind, spelling, start, start + 1, space))
            position += 1
        elif text.startswith(_TYPED_RELATIONS_PREFIXES, position) and text[position:position + 2] in _TYPED_RELATIONS:
            tokens.append(Token("rel", _TYPED_RELATIONS[text[position:position + 2]], start, start + 2, space))
            position += 2
        elif ch in "+-*/=^_'()[]{}|,<>!&:;.?":
            tokens.append(Token("char", ch, start, start + 1, space))
            position += 1
        else:
            raise InvalidAnswer(f"unexpected character {ch!r}", text=text, position=start)
        space = False if position != start else space
        if position == start:  # defensive: every branch must consume input
            raise InvalidAnswer(f"cannot read {ch!r}", text=text, position=start)
    return tokens


def _command(text: str, position: int, tokens: list[Token], space: bool) -> int:
    start = position
    match = re.match(r"\\([A-Za-z]+\*?|.)", text[position:], re.S)
    if match is None:
        raise InvalidAnswer("a backslash must start a command", text=text, position=start)
    name = match.group(1)
    position += len(match.group(0))
    name = name.rstrip("*") or name  # \operatorname*{argmin}: the star only moves limits
    if name in DROPPED:
        if name in SIZED_DELIMITERS:  # \left. and \right. stand for no delimiter at all
            rest = len(text[position:]) - len(text[position:].lstrip())
            if text[position + rest : position + rest + 1] == ".":
                return position + rest + 1
        return position
    if name in WORD_WRAPPERS:
        return _word(text, position, name, start, tokens, space)
    if name in FONT_WRAPPERS:
        return _font(text, position, name, start, tokens, space)
    if name not in KNOWN_COMMANDS:
        raise InvalidAnswer(f"unknown command \\{name}", text=text, position=start)
    kind, spelling = KNOWN_COMMANDS[name]
    tokens.append(Token(kind, spelling, start, position, space))
    return position


def _braced(text: str, position: int, start: int) -> tuple[str, int, int]:
    """The raw content of the brace group at ``position`` (after spaces), its offset and end."""
    while position < len(text) and text[position].isspace():
        position += 1
    if position >= len(text) or text[position] != "{":
        raise InvalidAnswer("this command needs an argument in braces", text=text, position=start)
    unescaped = _ESCAPED.sub("  ", text[position:])  # \{ and \} are not braces; offsets stay in place
    length = closing_index(unescaped, 0, lambda ch: (ch == "{") - (ch == "}"))
    if length is None:
        raise InvalidAnswer("a '{' is never closed", text=text, position=position)
    return text[position + 1 : position + length], position + 1, position + length + 1


def _word(text: str, position: int, name: str, start: int, tokens: list[Token], space: bool) -> int:
    content, offset, end = _braced(text, position, start)
    if name == "mathbb":
        tokens.append(Token("word", f"bb:{content.strip()}", start, end, space))
        return end
    words = content.strip()
    if re.fullmatch(r"[A-Za-z]+(?:[-_ ][A-Za-z]+)*|\d+", words) or not words:
        tokens.append(Token("word", words, start, end, space))
        return end
    # math inside \mathrm{...} / \operatorname{...}: read its tokens in place
    inner = tokenize(" " * offset + content)
    tokens.extend(Token(t.kind, t.text, t.start, t.end, t.space_before or space) for t in inner)
    return end


def _font(text: str, position: int, name: str, start: int, tokens: list[Token], space: bool) -> int:
    probe = position
    while probe < len(text) and text[probe].isspace():
        probe += 1
    if probe < len(text) and text[probe] != "{":
        # \vec x, \mathbf A: the next single symbol
        inner = tokenize(" " * probe + text[probe:])
        if not inner:
            raise InvalidAnswer(f"\\{name} needs an argument", text=text, position=start)
        first = inner[0]
        if first.kind == "num" and len(first.text) > 1:
            first = Token("num", first.text[0], first.start, first.start + 1)
        tokens.append(Token(first.kind, first.text, first.start, first.end, space))
        return first.end
    content, offset, end = _braced(text, probe, start)
    inner = tokenize(" " * offset + content)
    if len(inner) == 1:
        tokens.append(Token(inner[0].kind, inner[0].text, inner[0].start, inner[0].end, space))
    else:
        tokens.append(Token("char", "{", probe, probe + 1, space))
        tokens.extend(inner)
        tokens.append(Token("char", "}", end - 1, end))
    return end


def _number(text: str, position: int, tokens: list[Token], space: bool) -> int:
    start = position
    match = _NUMBER.match(text, position)
    assert match is not None
    digits, position = match.group(0), match.end()
    while (grouped := _THOUSANDS.match(text, position)) is not None:  # 20{,}000
        digits, position = digits + grouped.group(1), grouped.end()
    scientific = _SCIENTIFIC.match(text, position)
    if scientific is not None and not (
        position + len(scientific.group(0)) < len(text) and text[position + len(scientific.group(0))].isalpha()
    ):
        if "." not in digits:
            raise InvalidAnswer(
                f"'{digits}{scientific.group(0)}' is ambiguous: "
                f"write {digits}\\cdot 10^{{{scientific.group(0)[1:].lstrip('+')}}} "
                f"or {digits}e {scientific.group(0)[1:2]} ...",
                text=text,
                position=start,
            )
        digits, position = digits + scientific.group(0), scientific.end()
    tokens.append(Token("num", digits, start, position, space))
    return position


def _letters(text: str, position: int, tokens: list[Token], space: bool) -> int:
    start = position
    end = position
    while end < len(text) and text[end].isascii() and text[end].isalpha():
        end += 1
    run = text[start:end]
    bounded = (start == 0 or not text[start - 1].isalnum()) and (end == len(text) or not text[end].isalnum())
    if (
        run in _CONNECTIVE_WORDS
        and bounded
        and (space or start == 0 or text[start - 1] in " }")
        and end < len(text)
        and text[end].isspace()
    ):
        tokens.append(Token("word", run, start, end, space))
        return end
    for offset, letter in enumerate(run):
        tokens.append(Token("letter", letter, start + offset, start + offset + 1, space if offset == 0 else False))
    return end
