r"""Names that are called: ``f(x)``, ``a[u]``, ``\sin 2x``, ``\operatorname{softmax}(z)``, ``\mathbb{1}[z>0]``.

A name read with its scripts is either called (when the vocabulary or the built-in table
makes it a function and a bracket follows) or resolved to a value by :mod:`._resolve`.
Function commands and words take their primes, a power (``\sin^2 x``), an inverse
(``\sin^{-1}``) or a logarithm's base, then their arguments: brackets, a brace group, or
a bare argument running to the next function, operator or sign (``\sin 2x``).

>>> from sympy import Function, symbols
>>> from .._vocabulary import Vocabulary
>>> from ._reader import read_latex
>>> vocab = Vocabulary.from_objects(Function("a"), symbols("u x"))
>>> read_latex(r"a[u] + \sin^2 2x", vocab).value
a(u) + sin(2*x)**2
>>> read_latex(r"\mathbb{1}[x > 0]", vocab).value
Piecewise((1, x > 0), (0, True))
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import sympy
from sympy import Basic
from sympy.core.function import UndefinedFunction

from .. import _arithmetic as arithmetic
from .._functions import Function, function_named, is_function_name
from .._structures import IDENTITY
from . import _resolve as resolve
from . import _scripts as scripts
from ._environments import is_condition
from ._names import Name, lenient_name
from ._token import Token

if TYPE_CHECKING:
    from ._parser import Parser

__all__ = ["letters", "word", "command_function", "finish_name", "call_arguments", "apply_function"]


# -- primaries: letters, words, function commands ----------------------------------------------
def letters(parser: Parser, token: Token) -> Name | Basic:
    """A letter with its scripts, or adjacent letters spelling a known name or function (``exp``)."""
    parser.advance()
    spelled = _spelled_word(parser, token)
    if spelled is not None:
        return spelled
    return scripts.name_scripts(parser, Name(token.text, (), 0, token.start, token.end))


def _spelled_word(parser: Parser, token: Token) -> Name | Basic | None:
    """The longest run of adjacent single letters from ``token`` that the vocabulary or the
    function table knows; the parser moves past it."""
    run = _letter_run(parser, token)
    if len(token.text) != 1 or len(run) < 2:
        return None
    spelled = "".join(letter.text for letter in run)
    for length in range(len(run), 1, -1):
        word, end = spelled[:length], run[length - 1].end
        meaning = parser.vocabulary.lookup(word)
        if meaning is None and function_named(word, parser.vocabulary) is None:
            continue
        parser.position += length - 1
        if meaning is not None and not isinstance(meaning, UndefinedFunction):
            return scripts.name_scripts(parser, Name(word, (), 0, token.start, end))
        return _function_after_word(parser, Token("word", word, token.start, end))
    return None


def _letter_run(parser: Parser, token: Token) -> list[Token]:
    run, cursor = [token], parser.position
    while cursor < len(parser.tokens):
        following = parser.tokens[cursor]
        if following.kind != "letter" or len(following.text) != 1 or following.start != run[-1].end:
            break
        run.append(following)
        cursor += 1
    return run


def word(parser: Parser, token: Token) -> Name | Basic:
    """``\\text{...}``/``\\operatorname{...}``/``\\mathrm{...}``: a function, a name, or an indicator."""
    text = token.text.strip()
    if text.startswith("bb:"):
        return _indicator(parser, token, text[3:])
    meaning = parser.vocabulary.lookup(text)
    new_name = meaning is None and parser.vocabulary.open_names and text.isidentifier() and not is_function_name(text)
    if (len(text) == 1 and text.isalpha()) or new_name or (meaning is not None and not isinstance(meaning, UndefinedFunction)):
        parser.advance()
        return scripts.name_scripts(parser, Name(text, (), 0, token.start, token.end))
    if function_named(text, parser.vocabulary) is not None or meaning is not None:
        parser.advance()
        return _function_after_word(parser, token)
    if parser.lenient:
        parser.advance()
        return resolve.lenient_quantity(parser, token.start, token.end)
    raise parser.fail(f"'{text}' is not a function or a name known here", token)


def command_function(parser: Parser, token: Token) -> Basic:
    """``\\sin``, ``\\log``, ``\\det`` ...: a function command and its arguments."""
    parser.advance()
    function = function_named(token.text, parser.vocabulary, command=True)
    if function is None:
        raise parser.fail(f"unknown function '{token.text}'", token)
    return apply_function(parser, function, token)


def _function_after_word(parser: Parser, token: Token) -> Basic:
    function = function_named(token.text.strip(), parser.vocabulary)
    if function is None:
        raise parser.fail(f"'{token.text}' is not a function here", token)
    return apply_function(parser, function, token)


def _indicator(parser: Parser, token: Token, letter: str) -> Basic:
    """``\\mathbb{1}[z > 0]``: the indicator of a condition; other blackboard letters are sets."""
    parser.advance()
    if letter not in ("1", "I"):
        raise parser.fail(f"\\mathbb{{{letter}}} (a set or an operator) is not read in an answer", token)
    if letter == "I" and not parser.peek().is_char("_", "(", "["):
        return IDENTITY  # \lambda\mathbb{I}: the identity matrix, sized by the matrix it meets
    if parser.peek().is_char("_"):
        parser.advance()
        condition = parser.sub(parser.read_group_tokens("the condition")).parse_whole("the condition")
    elif parser.peek().is_char("(", "["):
        arguments = call_arguments(parser)
        if len(arguments) != 1:
            raise parser.fail("an indicator takes one condition", token)
        condition = arguments[0]
    else:
        raise parser.fail("write the indicator's condition in brackets: \\mathbb{1}[z > 0]", token)
    if not is_condition(condition):
        raise parser.fail("an indicator needs a condition such as z > 0", token)
    return sympy.Piecewise((sympy.Integer(1), condition), (sympy.Integer(0), True))


# -- names: a call or a value ----------------------------------------------------------------
def finish_name(parser: Parser, name: Name) -> Basic:
    """A name that is a function is called (``f(x)``, ``a[u]``); any other name is resolved."""
    callee = resolve.function_for(parser, name)
    if callee is None:
        return resolve.name_value(parser, name)
    exponent = _power_before_call(parser)
    if exponent is not None:  # f^{2}(x): the square of the call
        return scripts.power(parser, finish_name(parser, name), exponent, parser.peek(-1))
    _unwrap_braced_call(parser)
    following = parser.peek()
    if not following.is_char("(", "["):
        if following.kind == "end" and parser.lenient:
            return lenient_name(parser.text, name.start, name.end)
        raise parser.fail(f"'{name.display}' is a function: write {name.display}(...)", following)
    try:
        arguments = call_arguments(parser)
        return callee.with_primes(name.primes).apply(arguments)
    except arithmetic.Refused as error:
        if parser.lenient:
            return lenient_name(parser.text, name.start, parser.peek(-1).end)
        raise parser.fail(str(error), following) from None


def _braced_call(parser: Parser, at: int) -> int | None:
    """The index of the ``}`` of ``{(...)}`` opening at ``at`` (sympy's ``a{\\left(u\\right)}``), or None."""
    tokens = parser.tokens
    if at + 1 >= len(tokens) or not tokens[at].is_char("{") or not tokens[at + 1].is_char("(", "["):
        return None
    close = parser.closing(at)
    return close if parser.closing(at + 1) == close - 1 else None


def _unwrap_braced_call(parser: Parser) -> None:
    """Drop the braces of ``a{(u)}`` so the call bracket follows the name."""
    close = _braced_call(parser, parser.position)
    if close is not None:
        del parser.tokens[close]
        del parser.tokens[parser.position]


def _power_before_call(parser: Parser) -> Basic | None:
    """The exponent of ``f^{2}(x)`` / ``f^{2}{(x)}`` (the parser moves past it), or None."""
    if not parser.peek().is_char("^"):
        return None
    saved = parser.position
    parser.advance()
    script = scripts.read_script(parser, "a superscript")
    whole = len(script) == 1 and script[0].kind == "num" and script[0].text.isdigit()  # f^{-1} is not a power
    if whole and (parser.peek().is_char("(", "[") or _braced_call(parser, parser.position) is not None):
        return parser.sub(script).parse_whole("the exponent")
    parser.position = saved
    return None


def call_arguments(parser: Parser) -> list[Basic]:
    """The comma-separated arguments in the bracket that opens here."""
    opener = parser.peek()
    groups = parser.comma_groups(parser.take_bracketed(), opener)
    return [parser.sub(group).parse_whole("an argument") for group in groups]


# -- applying a function ----------------------------------------------------------------------
def apply_function(parser: Parser, function: Function, token: Token) -> Basic:
    """The function with its marks (primes, power, inverse, log base) applied to what follows."""
    function, exponent, base = _function_marks(parser, function, token)
    start, arguments = _function_arguments(parser, function)
    if base is not None:
        if function.name != "log" or len(arguments) != 1:
            raise parser.fail("only a logarithm takes a base", token)
        value = sympy.log(arguments[0], base)
    else:
        value = parser.guard(lambda: function.apply(arguments), start)
    return value if exponent is None else scripts.power(parser, value, exponent, token)


def _function_marks(parser: Parser, function: Function, token: Token) -> tuple[Function, Basic | None, Basic | None]:
    """``f'``, ``\\sin^2``, ``\\sin^{-1}``, ``\\log_2``: what comes between a function and its argument."""
    exponent = base = None
    while True:
        following = parser.peek()
        if following.is_char("'"):
            parser.advance()
            function = parser.guard(lambda: function.with_primes(1), token)
        elif following.is_char("^") and exponent is None:
            parser.advance()
            script = scripts.read_script(parser, "a superscript")
            if len(script) == 2 and script[0].is_char("-") and script[1].text == "1":
                function = parser.guard(function.inverse, token)
            else:
                exponent = parser.sub(script).parse_whole("the exponent")
        elif following.is_char("_") and base is None and function.name == "log":
            parser.advance()
            base = parser.sub(parser.read_group_tokens("the base of the logarithm")).parse_whole("the base")
        else:
            return function, exponent, base


def _function_arguments(parser: Parser, function: Function) -> tuple[Token, list[Basic]]:
    """The first token of the arguments, and the arguments: bracketed, braced, or bare."""
    start = parser.peek()
    if start.is_char("(", "["):
        return start, call_arguments(parser)
    if start.is_char("{"):  # \sin{x}, \sin{\left(x\right)}: the group is the argument
        group = parser.read_group_tokens("the argument")
        if not group:
            raise parser.fail(f"'{function.name}' needs an argument", start)
        return start, [parser.sub(group).parse_whole("the argument")]
    if not parser.starts_factor(start):
        raise parser.fail(f"'{function.name}' needs an argument", start)
    return start, [_bare_argument(parser)]


def _bare_argument(parser: Parser) -> Basic:
    """``\\sin 2x``, ``\\log \\frac{a}{b}``: factors up to the next function, operator or sign."""
    value = parser.parse_factor()
    while True:
        token = parser.peek()
        if token.kind == "func" or (token.kind == "word" and function_named(token.text, parser.vocabulary)):
            return value
        if not parser.starts_factor(token) or token.is_struct("sum", "prod"):
            return value
        value = parser.combine(arithmetic.multiply, value, parser.parse_factor(), token)
