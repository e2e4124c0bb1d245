r"""Recursive-descent core of the LaTeX reader: the token stream and the precedence levels.

Grammar, loosest binding first::

    relation := sum (relop sum)*
    sum      := [sign] term ((+ | - | \pm | \mp) term)*
    term     := factor ((\cdot | \times | / | \odot | implicit) factor)*
    factor   := primary postfix*          postfix: ^sup ' ! (a stray _ is refused)
    primary  := number | name | call | group | \frac | \sqrt | \sum | environment ...

The core knows only these levels. Everything else is looked up in tables: a primary by
its token's kind or character (``_BY_KIND``, ``_BY_CHAR``), a command with arguments in
the one registry :data:`._constructs.CONSTRUCTS`, postfix marks in ``_POSTFIX``, product
operators in ``_PRODUCTS``. Handlers live in small modules (names and scripts, calls,
name resolution, brackets, fractions, derivatives, big operators, environments) and
receive the parser; arithmetic is :mod:`checkers._arithmetic`. Names are resolved
against the vocabulary as they are read, so juxtaposition never turns a variable into a
function (``D(D+1)`` is a product) and ``a[u]`` is a call only when ``a`` is a function of
the reference. Every failure is an :class:`InvalidAnswer` that points at the token where
reading stopped.

>>> from sympy import symbols
>>> from .._vocabulary import Vocabulary
>>> from ._tokens import tokenize
>>> vocab = Vocabulary.from_objects(symbols("x y"))
>>> text = r"2\frac{1}{2}x + \sqrt2 y"
>>> Parser(tokenize(text), text, vocab).parse_member()
x + sqrt(2)*y
"""

from __future__ import annotations

from collections.abc import Callable

import sympy
from sympy import Basic

from .. import _arithmetic as arithmetic
from .. import _numbers as numbers
from .._errors import InvalidAnswer
from .._functions import function_named
from .._limits import DEFAULT_LIMITS, Limits
from .._structures import PLUS_MINUS, has_unsized_identity, is_matrix
from .._vocabulary import Vocabulary
from . import _calls as calls
from . import _delimited as delimited
from . import _scripts as scripts
from . import _sets as sets
from ._brackets import closing_index, split_top_level
from ._constructs import read_construct
from ._names import Name
from ._token import Token

__all__ = ["Parser", "PLUS_MINUS"]

_END = Token("end", "", -1, -1)
_FACTOR_STARTS = frozenset({"num", "letter", "func", "const", "set"})
_CONNECTORS = frozenset({"and", "or", "if", "otherwise", "else", "for", "when", "where"})
_SIGNS: dict[str, Basic] = {"+": sympy.Integer(1), "-": sympy.Integer(-1), "±": PLUS_MINUS, "∓": -PLUS_MINUS}
_PRODUCTS: dict[str, Callable[[Basic, Basic], Basic]] = {
    "*": arithmetic.multiply,
    "/": arithmetic.divide,
    "⊙": arithmetic.hadamard,
    "∘": arithmetic.hadamard,
}
_IDENTITY_UNSIZED = "'I' reads as the identity matrix, but nothing here gives its size: write I_n or define I"


class Parser:
    """Reads a token list (one member of an answer) into a sympy object."""

    def __init__(
        self,
        tokens: list[Token],
        text: str,
        vocabulary: Vocabulary,
        limits: Limits = DEFAULT_LIMITS,
        *,
        lenient: bool = False,
    ) -> None:
        self.tokens, self.text, self.vocabulary, self.limits = tokens, text, vocabulary, limits
        self.lenient = lenient  # a left side: a name of a quantity may be written in any notation
        self.position = 0
        self.depth = 0
        self.bound: dict[str, sympy.Symbol] = {}  # indices bound by an enclosing \sum
        self.bars = 0  # open |...| groups, so that a bar closes rather than opens

    # -- token stream ------------------------------------------------------------------
    def peek(self, ahead: int = 0) -> Token:
        """The token ``ahead`` of the current one (an end marker past the last)."""
        index = self.position + ahead
        return self.tokens[index] if index < len(self.tokens) else _END

    def advance(self) -> Token:
        """The current token; the parser moves past it."""
        token = self.peek()
        self.position += 1
        return token

    def fail(self, message: str, token: Token | None = None, *, shape: bool = False) -> InvalidAnswer:
        """An error pointing at ``token`` (the current one by default)."""
        token = token or self.peek()
        position = token.start if token.start >= 0 else len(self.text)
        return InvalidAnswer(message, text=self.text, position=position, shape=shape)

    def guard(self, action: Callable[[], Basic], token: Token) -> Basic:
        """Run ``action``; a refused combination becomes an error at ``token``."""
        try:
            return numbers.within_caps(action(), self.limits)
        except arithmetic.Refused as error:
            raise self.fail(str(error), token, shape=isinstance(error, arithmetic.ShapeMismatch)) from None

    def combine(self, operation: Callable[[Basic, Basic], Basic], left: Basic, right: Basic, token: Token) -> Basic:
        """``operation(left, right)``, guarded at ``token``."""
        return self.guard(lambda: operation(left, right), token)

    def sub(self, tokens: list[Token], *, lenient: bool | None = None) -> Parser:
        """A parser for a token slice that shares this one's scope (bound indices, depth)."""
        parser = Parser(tokens, self.text, self.vocabulary, self.limits, lenient=self.lenient if lenient is None else lenient)
        parser.bound, parser.depth = self.bound, self.depth
        return parser

    def closing(self, index: int) -> int:
        """The index of the bracket closing the one opened at ``index``."""
        close = closing_index(self.tokens, index)
        if close is None:
            raise self.fail(f"'{self.tokens[index].text}' is never closed", self.tokens[index])
        return close

    def take_bracketed(self) -> list[Token]:
        """The tokens inside the bracket opened here; the parser moves past its closer."""
        close = self.closing(self.position)
        inner = self.tokens[self.position + 1 : close]
        self.position = close + 1
        return inner

    def comma_groups(self, tokens: list[Token], opener: Token) -> list[list[Token]]:
        """Top-level comma-separated groups, none of them empty."""
        groups = split_top_level(tokens, lambda token: token.is_char(","))
        if any(not group for group in groups):
            raise self.fail("an entry is missing between commas", opener)
        return groups

    def read_group_tokens(self, what: str, *, digits: str = "one") -> list[Token]:
        """Tokens of the ``{...}`` group (or the single token) that follows: a command argument.

        ``digits`` says what an unbraced number gives: ``one`` digit (``\\frac12``), the ``whole``
        number (``\\theta_11``), or ``refuse`` (``x^23`` is ambiguous).
        """
        token = self.peek()
        if token.kind == "end":
            raise self.fail(f"{what} is missing")
        if token.is_char("{"):
            return self.take_bracketed()
        if token.kind == "num" and len(token.text) > 1 and digits == "refuse":
            raise self.fail(f"write {what} in braces: ^{{{token.text}}}", token)
        if token.kind == "num" and len(token.text) > 1 and token.text.isdigit() and digits == "one":
            # \frac12, \sqrt2: an unbraced argument is one character
            self.tokens[self.position] = Token("num", token.text[1:], token.start + 1, token.end)
            return [Token("num", token.text[0], token.start, token.start + 1, token.space_before)]
        if token.kind in ("char", "rel", "row") and token.text != "'":
            raise self.fail(f"{what} is missing", token)
        if token.kind == "struct":
            raise self.fail(f"put {what} in braces", token)
        return [self.advance()]

    # -- entry points ------------------------------------------------------------------
    def parse_member(self) -> Basic:
        """The whole token list as one expression (or relation)."""
        if not self.tokens:
            raise InvalidAnswer("something is missing here", text=self.text, position=len(self.text))
        value = self.parse_relation()
        if self.position < len(self.tokens):
            raise self.fail(_unexpected(self.peek()))
        if has_unsized_identity(value) and self.depth == 0:
            raise InvalidAnswer(_IDENTITY_UNSIZED, text=self.text, position=self.tokens[0].start)
        return value

    def parse_whole(self, what: str) -> Basic:
        """Like :meth:`parse_member`, for an argument (``what`` names it in messages)."""
        if not self.tokens:
            raise InvalidAnswer(f"{what} is empty", text=self.text, position=len(self.text))
        return self.parse_member()

    def end_position(self) -> int:
        """Where "something is missing at the end" points."""
        return self.tokens[-1].end if self.tokens else len(self.text)

    # -- precedence levels ---------------------------------------------------------------
    def parse_relation(self) -> Basic:
        """``a < b``, ``a \\leq b < c`` (a chain of comparisons is their conjunction), ``x \\in S``, ``\\neg c``."""
        if self.peek().kind == "op" and self.peek().text == "¬":
            return sets.negation(self, self.advance())
        left = sets.parse_sets(self)
        relations = []
        while self.peek().kind == "rel" or self.peek().is_char("<", ">"):
            operator = self.advance()
            if operator.text in sets.MEMBERSHIP:
                relations.append(sets.membership(self, operator, left))
                break
            right = sets.parse_sets(self)
            relations.append(self.guard(lambda: arithmetic.relation(operator.text, left, right), operator))
            left = right
        if not relations:
            return left
        return sympy.And(*relations) if len(relations) > 1 else relations[0]

    def parse_sum(self) -> Basic:
        """Terms joined by ``+``, ``-``, ``\\pm``, ``\\mp`` (a leading sign applies to the first term)."""
        token = self.peek()
        sign = _sign(token)
        if sign is not None:
            self.advance()
        value = self.signed(sign, self.parse_term(), token)
        while (sign := _sign(token := self.peek())) is not None:
            self.advance()
            value = self.combine(arithmetic.add, value, self.signed(sign, self.parse_term(), token), token)
        return value

    def signed(self, sign: Basic | None, value: Basic, token: Token) -> Basic:
        """``value`` times its sign (unchanged for no sign or ``+``)."""
        if sign is None or sign == 1:
            return value
        return self.combine(arithmetic.multiply, sign, value, token)

    def parse_term(self) -> Basic:
        """Factors joined by product operators or by juxtaposition (``2xy``)."""
        value = self.parse_factor()
        while True:
            token = self.peek()
            if token.kind == "char" and token.text in _PRODUCTS:
                self.advance()
                value = self.combine(_PRODUCTS[token.text], value, self.parse_unary(), token)
            elif token.kind == "word" and self.is_annotation(token):
                self.advance()  # a trailing unit or label: "18 \text{ parameters}"
            elif self.starts_factor(token):
                self.refuse_juxtaposed_number(token)
                value = self.combine(arithmetic.multiply, value, self.parse_factor(), token)
            else:
                return value

    def refuse_juxtaposed_number(self, token: Token) -> None:
        """``2 3`` and ``x2`` are ambiguous (a product? a subscript?)."""
        previous = self.peek(-1)
        if token.kind != "num" or previous.kind not in ("num", "letter"):
            return
        if previous.kind == "num" or (previous.end == token.start and not token.space_before):
            raise self.fail("a number right after a name or number is ambiguous: use \\cdot or a subscript", token)

    def parse_unary(self) -> Basic:
        """A factor after a product operator may carry a sign: ``3 \\cdot -x``."""
        token = self.peek()
        if token.is_char("-"):
            self.advance()
            operand = self.parse_unary()
            return self.guard(lambda: arithmetic.negate(operand), token)
        if token.is_char("+"):
            self.advance()
            return self.parse_unary()
        return self.parse_factor()

    def parse_factor(self) -> Basic:
        """A primary, resolved if it is a name, with its postfix marks."""
        self.depth += 1
        if self.depth > self.limits.max_depth:
            raise self.fail("this answer is nested too deeply")
        try:
            value = self.parse_primary()
            if isinstance(value, Name):
                value = calls.finish_name(self, value)
            return self.postfix(value)
        finally:
            self.depth -= 1

    def postfix(self, value: Basic) -> Basic:
        """Superscripts, primes and factorials after a value, from ``_POSTFIX``."""
        while self.peek().kind == "char" and self.peek().text in _POSTFIX:
            token = self.advance()
            value = _POSTFIX[token.text](self, value, token)
        return value

    def parse_primary(self) -> Basic | Name:
        """The primary at the current token, read by its handler in ``_BY_CHAR`` / ``_BY_KIND``."""
        token = self.peek()
        handler = _BY_CHAR.get(token.text) if token.kind == "char" else _BY_KIND.get(token.kind)
        if handler is None:
            raise self.fail(_unexpected(token), token)
        return handler(self, token)

    # -- what may follow -----------------------------------------------------------------
    def starts_factor(self, token: Token) -> bool:
        """True when ``token`` can begin a factor of an implicit product."""
        if token.kind in _FACTOR_STARTS:
            return not (token.kind == "set" and token.text == "}")
        if token.kind == "char":
            return token.text in "([{" or (token.text in "|‖" and self.bars == 0)
        if token.kind == "struct":
            return token.text != "end"
        if token.kind == "word":
            return not self.is_connector(token)
        return token.kind == "op" and token.text in ("∇", "∂")

    @staticmethod
    def is_connector(token: Token) -> bool:
        """Words that join items of an answer ("and", "or", "if" ...)."""
        return token.kind == "word" and token.text.strip().lower() in _CONNECTORS

    def is_annotation(self, token: Token) -> bool:
        """A word after a value and before the end: a unit or label, not part of the value."""
        if self.is_connector(token) or self.position == 0 or function_named(token.text, self.vocabulary) is not None:
            return False
        if self.vocabulary.lookup(token.text) is not None or len(token.text) == 1 or token.text.startswith("bb:"):
            return False
        return self.peek(1).kind == "end"


# -- postfix marks ---------------------------------------------------------------------------
def _prime(parser: Parser, value: Basic, token: Token) -> Basic:
    if not is_matrix(value):
        raise parser.fail("a prime here has no meaning (write the derivative out)", token)
    return arithmetic.transpose(value)


def _factorial(parser: Parser, value: Basic, token: Token) -> Basic:
    return parser.guard(lambda: arithmetic.factorial(value, parser.limits), token)


def _stray_subscript(parser: Parser, value: Basic, token: Token) -> Basic:
    raise parser.fail("a subscript here has no meaning", token)


_POSTFIX: dict[str, Callable[[Parser, Basic, Token], Basic]] = {
    "^": scripts.superscript,
    "'": _prime,
    "!": _factorial,
    "_": _stray_subscript,
}


# -- primaries -----------------------------------------------------------------------------
def _number(parser: Parser, token: Token) -> Basic:
    parser.advance()
    return parser.guard(lambda: numbers.number(token.text, parser.limits), token)


def _constant(parser: Parser, token: Token) -> Basic:
    parser.advance()
    return sympy.oo if token.text == "oo" else sympy.EmptySet


def _brace_group(parser: Parser, token: Token) -> Basic | Name:
    inner = parser.read_group_tokens("a group")
    if len(inner) == 1 and inner[0].kind == "letter" and parser.peek().is_char("_"):
        # {x}_{i}, {\mu}_{d}: sympy's spelling of an entry of an indexed family
        return scripts.name_scripts(parser, Name(inner[0].text, (), 0, token.start, parser.peek(-1).end))
    return parser.sub(inner).parse_whole("a brace group")


def _set_brace(parser: Parser, token: Token) -> Basic:
    if token.text != "{":
        raise parser.fail(_unexpected(token), token)
    return delimited.set_literal(parser, token)


def _operator(parser: Parser, token: Token) -> Basic:
    if token.text == "∇":
        raise parser.fail("a gradient symbol names a quantity; write its value (e.g. a vector)", token)
    if token.text == "∂":
        raise parser.fail("a derivative sign here is not read: write the derivative's value", token)
    raise parser.fail(_unexpected(token), token)


def _not_read(parser: Parser, token: Token) -> Basic:
    raise parser.fail(f"{token.text} is not read in an answer", token)


def _missing(parser: Parser, token: Token) -> Basic:
    raise InvalidAnswer("something is missing at the end", text=parser.text, position=parser.end_position())


_Primary = Callable[[Parser, Token], "Basic | Name"]
_BY_KIND: dict[str, _Primary] = {
    "num": _number,
    "letter": calls.letters,
    "const": _constant,
    "func": calls.command_function,
    "word": calls.word,
    "set": _set_brace,
    "struct": read_construct,
    "op": _operator,
    "bad": _not_read,
    "end": _missing,
}
_BY_CHAR: dict[str, _Primary] = {
    "(": delimited.bracketed,
    "[": delimited.bracketed,
    "{": _brace_group,
    "|": delimited.bars,
    "‖": delimited.bars,
}


def _sign(token: Token) -> Basic | None:
    """The sign a ``+``, ``-``, ``\\pm`` or ``\\mp`` token stands for (None for other tokens)."""
    if token.is_char("+", "-") or (token.kind == "op" and token.text in ("±", "∓")):
        return _SIGNS[token.text]
    return None


def _unexpected(token: Token) -> str:
    if token.kind == "end":
        return "something is missing at the end"
    if token.kind == "bad":
        return f"{token.text} is not read in an answer"
    if token.kind == "word":
        return f"the word '{token.text}' is not read here"
    return f"unexpected '{token.text}'"
