"""Recursive-descent reader for one member of a LaTeX answer (one side of an ``=``).

Grammar, loosest binding first::

    relation := sum (relop sum)*
    sum      := [sign] term ((+ | - | \\pm | \\mp) term)*
    term     := factor ((\\cdot | \\times | / | implicit) factor)*
    factor   := primary postfix*          postfix: _sub ^sup ' !  and calls f(...), a[...]
    primary  := number | name | function | group | \\frac | \\sqrt | \\sum | environment ...

Names are resolved against the vocabulary as they are read, so juxtaposition never turns
a variable into a function (``D(D+1)`` is a product) and ``a[u]`` is a call only when
``a`` is a function of the reference. Every failure is an :class:`InvalidAnswer` that
points at the token where reading stopped.

>>> from sympy import symbols
>>> from .._vocabulary import Vocabulary
>>> from ._tokens import tokenize
>>> vocab = Vocabulary.from_objects(symbols("x y"))
>>> text = r"2\\frac{1}{2}x + \\sqrt2 y"
>>> Parser(tokenize(text), text, vocab).parse_member()
x + sqrt(2)*y
"""

from __future__ import annotations

import sympy
from sympy import Basic, IndexedBase, MatrixSymbol
from sympy.core.function import UndefinedFunction

from .._builtins import CONSTANTS
from .._errors import InvalidAnswer
from .._limits import DEFAULT_LIMITS, Limits
from .._names import canonical_name
from .. import _arithmetic as arithmetic
from .._structures import IDENTITY, has_unsized_identity, is_matrix
from .._vocabulary import Vocabulary
from ._environments import is_condition, read_environment
from ._functions import Function, function_named
from ._names import Name, lenient_name
from ._tokens import Token

__all__ = ["Parser", "PLUS_MINUS"]

PLUS_MINUS = sympy.Dummy("pm")
_END = Token("end", "", -1, -1)
_FACTOR_STARTS = {"num", "letter", "func", "const", "set"}
_OPENING = {"(": ")", "[": "]"}
_DERIVATIVE_MARKS = ("∂",)


class Parser:
    """Reads a token list (one member) into a sympy object."""

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
        self.lenient = lenient
        self.position = 0
        self.depth = 0
        self.bound: dict[str, sympy.Symbol] = {}
        self.bars = 0  # open |...| groups, so that a bar closes rather than opens

    # -- token stream ------------------------------------------------------------
    def peek(self, ahead: int = 0) -> Token:
        index = self.position + ahead
        return self.tokens[index] if index < len(self.tokens) else _END

    def advance(self) -> Token:
        token = self.peek()
        self.position += 1
        return token

    def at_end(self) -> bool:
        return self.position >= len(self.tokens)

    def fail(self, message: str, token: Token | None = None) -> InvalidAnswer:
        token = token or self.peek()
        position = token.start if token.start >= 0 else len(self.text)
        return InvalidAnswer(message, text=self.text, position=position)

    def expect_char(self, char: str, what: str) -> Token:
        token = self.peek()
        if not token.is_char(char):
            found = f"'{token.text}'" if token.kind != "end" else "the end"
            raise self.fail(f"expected '{char}' {what}, found {found}", token)
        return self.advance()

    def sub(self, tokens: list[Token], *, lenient: bool | None = None) -> "Parser":
        """A parser for a token slice that shares this one's scope (bound indices)."""
        parser = Parser(tokens, self.text, self.vocabulary, self.limits, lenient=self.lenient if lenient is None else lenient)
        parser.bound, parser.depth = self.bound, self.depth
        return parser

    def read_group_tokens(self, what: str, *, digits: str = "one") -> list[Token]:
        """Tokens of the ``{...}`` group (or the single token) that follows: a command argument.

        ``digits`` says what an unbraced number gives: ``one`` digit (``\\frac12``), the ``whole``
        number (``\\theta_11``), or ``refuse`` (``x^23`` is ambiguous).
        """
        token = self.peek()
        if token.kind == "end":
            raise self.fail(f"{what} is missing")
        if token.is_char("{"):
            close = self.matching(self.position, "{", "}")
            inner = self.tokens[self.position + 1 : close]
            self.position = close + 1
            return inner
        if token.kind == "num" and len(token.text) > 1 and digits == "refuse":
            raise self.fail(f"write {what} in braces: ^{{{token.text}}}", token)
        if token.kind == "num" and len(token.text) > 1 and token.text.isdigit() and digits == "one":
            # \frac12, \sqrt2: an unbraced argument is one character
            self.tokens[self.position] = Token("num", token.text[1:], token.start + 1, token.end)
            return [Token("num", token.text[0], token.start, token.start + 1, token.space_before)]
        if token.kind in ("char", "rel", "row") and token.text not in ("'",):
            raise self.fail(f"{what} is missing", token)
        if token.kind == "struct":
            raise self.fail(f"put {what} in braces", token)
        return [self.advance()]

    def matching(self, index: int, opener: str, closer: str, kind: str = "char") -> int:
        depth = 0
        for cursor in range(index, len(self.tokens)):
            token = self.tokens[cursor]
            if token.kind == kind and token.text == opener:
                depth += 1
            elif token.kind == kind and token.text == closer:
                depth -= 1
                if depth == 0:
                    return cursor
        raise self.fail(f"'{opener}' is never closed", self.tokens[index])

    # -- entry point -------------------------------------------------------------
    def parse_member(self) -> Basic:
        """The whole token list as one expression (or relation)."""
        if not self.tokens:
            raise InvalidAnswer("something is missing here", text=self.text, position=len(self.text))
        value = self.parse_relation()
        if not self.at_end():
            raise self.fail(_unexpected(self.peek()))
        if has_unsized_identity(value) and self.depth == 0:
            raise InvalidAnswer("'I' reads as the identity matrix, but nothing here gives its size: write I_n or define I",
                                text=self.text, position=self.tokens[0].start)
        return value

    def parse_whole(self, what: str) -> Basic:
        """Like :meth:`parse_member`, for an argument (``what`` names it in messages)."""
        if not self.tokens:
            raise InvalidAnswer(f"{what} is empty", text=self.text, position=len(self.text))
        return self.parse_member()

    # -- expressions ---------------------------------------------------------------
    def parse_relation(self) -> Basic:
        left = self.parse_sum()
        relations = []
        while self.peek().kind == "rel" or self.peek().is_char("<", ">"):
            operator = self.advance()
            right = self.parse_sum()
            if is_matrix(left) or is_matrix(right):
                raise self.fail("matrices cannot be compared", operator)
            relations.append(_relation(operator.text, left, right))
            left = right
        if not relations:
            return left
        return sympy.And(*relations) if len(relations) > 1 else relations[0]

    def parse_sum(self) -> Basic:
        token = self.peek()
        sign: Basic = sympy.Integer(1)
        if token.is_char("+"):
            self.advance()
        elif token.is_char("-"):
            self.advance()
            sign = sympy.Integer(-1)
        elif token.kind == "op" and token.text in "±∓":
            self.advance()
            sign = PLUS_MINUS if token.text == "±" else -PLUS_MINUS
        value = self.combine(arithmetic.multiply, sign, self.parse_term(), token) if sign != 1 else self.parse_term()
        while True:
            token = self.peek()
            if token.is_char("+", "-") or (token.kind == "op" and token.text in "±∓"):
                self.advance()
                right = self.parse_term()
                if token.text in "±∓":
                    right = self.combine(arithmetic.multiply, PLUS_MINUS if token.text == "±" else -PLUS_MINUS, right, token)
                operation = arithmetic.subtract if token.text == "-" else arithmetic.add
                value = self.combine(operation, value, right, token)
            else:
                return value

    def combine(self, builder, left: Basic, right: Basic, token: Token) -> Basic:
        try:
            return builder(left, right)
        except arithmetic.Refused as error:
            raise self.fail(str(error), token) from None

    def parse_term(self) -> Basic:
        value = self.parse_factor()
        while True:
            token = self.peek()
            if token.is_char("*"):
                self.advance()
                value = self.combine(arithmetic.multiply, value, self.parse_unary(), token)
            elif token.is_char("/"):
                self.advance()
                value = self.combine(arithmetic.divide, value, self.parse_unary(), token)
            elif token.is_char("⊙", "∘"):
                self.advance()
                value = self.combine(arithmetic.hadamard, value, self.parse_unary(), token)
            elif token.kind == "word" and self.is_annotation(token):
                self.advance()  # a trailing unit or label: "18 \text{ parameters}"
            elif self.starts_factor(token):
                if token.kind == "num" and self.peek(-1).kind in ("num", "letter") and not self.peek(-1).is_char(")"):
                    previous = self.peek(-1)
                    if previous.kind == "num" or (previous.end == token.start and not token.space_before):
                        raise self.fail("a number right after a name or number is ambiguous: use \\cdot or a subscript", token)
                value = self.combine(arithmetic.multiply, value, self.parse_factor(), token)
            else:
                return value

    def parse_unary(self) -> Basic:
        token = self.peek()
        if token.is_char("-"):
            self.advance()
            operand = self.parse_unary()
            return self.guard(lambda: arithmetic.negate(operand), token)
        if token.is_char("+"):
            self.advance()
            return self.parse_unary()
        return self.parse_factor()

    def starts_factor(self, token: Token) -> bool:
        if token.kind in _FACTOR_STARTS:
            return not (token.kind == "set" and token.text == "}")
        if token.kind == "char":
            if token.text in "([{":
                return True
            if token.text == "|":
                return self.bars == 0
            return token.text == "‖" and self.bars == 0
        if token.kind == "struct":
            return token.text != "end"
        if token.kind == "word":
            return not self.is_connector(token)
        return token.kind == "op" and token.text in "∇∂"

    @staticmethod
    def is_connector(token: Token) -> bool:
        return token.kind == "word" and token.text.strip().lower() in {"and", "or", "if", "otherwise", "else", "for", "when", "where"}

    def is_annotation(self, token: Token) -> bool:
        """A word after a value and before the end: a unit or label, not part of the value."""
        if self.is_connector(token) or self.position == 0 or function_named(token.text, self.vocabulary) is not None:
            return False
        if self.vocabulary.lookup(token.text) is not None or len(token.text) == 1 or token.text.startswith("bb:"):
            return False
        return self.peek(1).kind == "end"

    # -- factors -----------------------------------------------------------------
    def parse_factor(self) -> Basic:
        self.depth += 1
        if self.depth > self.limits.max_depth:
            raise self.fail("this answer is nested too deeply")
        try:
            start = self.peek()
            value = self.parse_primary()
            if isinstance(value, Name):
                value = self.finish_name(value)
            return self.postfix(value, start)
        finally:
            self.depth -= 1

    def postfix(self, value: Basic, start: Token) -> Basic:
        while True:
            token = self.peek()
            if token.is_char("^"):
                self.advance()
                value = self.superscript(value, self.read_script("a superscript"), token)
            elif token.is_char("'"):
                self.advance()
                if not is_matrix(value):
                    raise self.fail("a prime here has no meaning (write the derivative out)", token)
                value = arithmetic.transpose(value)
            elif token.is_char("!"):
                self.advance()
                value = self.guard(lambda: arithmetic.factorial(value, self.limits), token)
            elif token.is_char("_"):
                raise self.fail("a subscript here has no meaning", token)
            else:
                return value

    def read_script(self, what: str) -> list[Token]:
        """The tokens of a sub/superscript; ``e^-x`` takes the sign and the next token."""
        token = self.peek()
        if token.is_char("-", "+") and not self.peek(1).is_char("{"):
            self.advance()
            if self.peek().kind == "end":
                raise self.fail(f"{what} is missing")
            return [token, self.advance()]
        return self.read_group_tokens(what, digits="refuse")

    def superscript(self, base: Basic, script: list[Token], token: Token) -> Basic:
        if _is_transpose(script):
            symbol = self.vocabulary.lookup("T")
            if script[0].text == "T" and script[0].kind == "letter" and symbol is not None and not is_matrix(base):
                return self.power(base, symbol, token)
            return arithmetic.transpose(base)
        if len(script) == 2 and script[0].is_char("-") and _is_transpose(script[1:]):
            return arithmetic.transpose(self.combine(arithmetic.power, base, sympy.Integer(-1), token))
        if len(script) == 1 and script[0].is_char("*"):
            raise self.fail("a starred name is not known here", token)
        exponent = self.sub(script).parse_whole("the exponent")
        return self.power(base, exponent, token)

    def power(self, base: Basic, exponent: Basic, token: Token) -> Basic:
        return self.guard(lambda: arithmetic.power(base, exponent, self.limits), token)

    # -- primaries ------------------------------------------------------------------
    def parse_primary(self) -> Basic | Name:
        token = self.peek()
        kind = token.kind
        if kind == "num":
            return self.number(self.advance())
        if kind == "letter":
            return self.name()
        if kind == "const":
            self.advance()
            return sympy.oo if token.text == "oo" else sympy.EmptySet
        if kind == "func":
            self.advance()
            return self.function_call(token, token.text, command=True)
        if kind == "word":
            return self.word(token)
        if kind == "set" and token.text == "{":
            return self.set_literal()
        if kind == "char" and token.text in _OPENING:
            return self.bracketed(token)
        if kind == "char" and token.text == "{":
            return self.sub(self.read_group_tokens("a group")).parse_whole("a brace group")
        if kind == "char" and token.text in "|‖":
            return self.bars_value(token)
        if kind == "struct":
            return self.structure(token)
        if kind == "op" and token.text in "∇∂":
            raise self.fail(self.notation_message(token), token)
        if kind == "bad":
            raise self.fail(f"{token.text} is not read in an answer", token)
        if kind == "end":
            raise InvalidAnswer("something is missing at the end", text=self.text, position=self._end_position())
        raise self.fail(_unexpected(token), token)

    def _end_position(self) -> int:
        return self.tokens[-1].end if self.tokens else len(self.text)

    def notation_message(self, token: Token) -> str:
        if token.text == "∇":
            return "a gradient symbol names a quantity; write its value (e.g. a vector)"
        return "a derivative sign here is not read: write the derivative's value"

    def number(self, token: Token) -> Basic:
        return self.guard(lambda: arithmetic.number(token.text, self.limits), token)

    # -- names ------------------------------------------------------------------
    def name(self) -> Name:
        """A letter (or Greek letter) with its subscript and primes, not yet resolved."""
        token = self.advance()
        base = token.text
        word = self.multi_letter_word(token)
        if word is not None:
            return word
        name = Name(base, (), 0, token.start, token.end)
        return self.name_scripts(name)

    def multi_letter_word(self, token: Token) -> Name | Function | None:
        """Adjacent letters that spell a known name (``exp``, ``sig``, a vocabulary name)."""
        run = [token]
        cursor = self.position
        while cursor < len(self.tokens) and self.tokens[cursor].kind == "letter" and len(self.tokens[cursor].text) == 1 \
                and self.tokens[cursor].start == run[-1].end:
            run.append(self.tokens[cursor])
            cursor += 1
        if len(token.text) != 1 or len(run) < 2:
            return None
        spelled = "".join(t.text for t in run)
        for length in range(len(run), 1, -1):
            word = spelled[:length]
            meaning = self.vocabulary.lookup(word)
            if meaning is not None or function_named(word, self.vocabulary) is not None:
                self.position += length - 1
                if meaning is not None and not isinstance(meaning, UndefinedFunction):
                    return self.name_scripts(Name(word, (), 0, token.start, run[length - 1].end))
                return self.function_after_word(Token("word", word, token.start, run[length - 1].end))
        return None

    def name_scripts(self, name: Name) -> Name:
        while True:
            token = self.peek()
            if token.is_char("_") and not name.subscript:
                self.advance()
                script = self.read_group_tokens("a subscript", digits="whole")
                name = name.with_subscript(tuple(script), self.peek(-1).end)
            elif token.is_char("'"):
                self.advance()
                name = name.with_prime(token.end)
            elif token.is_char("^") and self.index_superscript(name):
                self.advance()
                script = self.read_group_tokens("a superscript")
                name = name.with_subscript(tuple(script[1:-1]), self.peek(-1).end)
            else:
                return name

    def index_superscript(self, name: Name) -> bool:
        """``x^{(i)}``: a parenthesized superscript on an indexed family is an index."""
        following = self.peek(1)
        if not following.is_char("{") or not self.peek(2).is_char("("):
            return False
        close = self.matching(self.position + 1, "{", "}")
        if not self.tokens[close - 1].is_char(")") or self.matching(self.position + 2, "(", ")") != close - 1:
            return False
        meaning = self.vocabulary.lookup(name.base)
        if isinstance(meaning, IndexedBase) and not name.subscript:
            return True
        inner = self.tokens[self.position + 3 : close - 1]
        if len(inner) == 1 and inner[0].kind == "letter" and (inner[0].text in self.bound or inner[0].text in self.vocabulary.index_bounds):
            raise self.fail(f"'{name.base}^{{({inner[0].text})}}' reads as an index, but '{name.base}' is not an indexed family here", following)
        return False

    def finish_name(self, name: Name) -> Basic:
        """Resolve a name against the vocabulary; it may be a call ``f(x)`` or ``a[u]``."""
        callee = self.function_for(name)
        following = self.peek()
        opens_call = following.is_char("(", "[")
        if callee is not None:
            if not opens_call:
                if following.kind == "end" and self.lenient:
                    return lenient_name(self.text, name.start, name.end)
                raise self.fail(f"'{name.display}' is a function: write {name.display}(...)", following)
            start = self.position
            try:
                args = self.call_arguments()
                return callee.with_primes(name.primes).apply(args)
            except arithmetic.Refused as error:
                if self.lenient:
                    return lenient_name(self.text, name.start, self.peek(-1).end)
                raise self.fail(str(error), self.tokens[start]) from None
        meaning = self.resolve(name)
        if meaning is None and self.vocabulary.open_names and not opens_call:
            meaning = self.open_name(name)
        if meaning is None:
            if self.lenient:
                end = name.end
                if opens_call:  # f(x), L[\phi]: the name of a quantity
                    close = self.matching(self.position, following.text, _OPENING[following.text])
                    end = self.tokens[close].end
                    self.position = close + 1
                return lenient_name(self.text, name.start, end)
            raise self.fail(self.unknown_message(name), Token("letter", name.base, name.start, name.end))
        if name.primes:
            if is_matrix(meaning):
                for _ in range(name.primes):
                    meaning = arithmetic.transpose(meaning)
                return meaning
            if self.lenient:
                return lenient_name(self.text, name.start, name.end)
            raise self.fail(f"'{name.display}' with a prime is not read here: write the derivative's value",
                            Token("letter", name.base, name.start, name.end))
        return meaning

    def open_name(self, name: Name) -> Basic | None:
        """A new real symbol for an unknown name, when the vocabulary is open (references)."""
        subscript = self.subscript_text(name)
        if subscript == "\x00":
            return None
        return self.vocabulary.new_symbol(name.full(subscript))

    def unknown_message(self, name: Name) -> str:
        return f"unknown name '{name.display}'; this answer can use: {self.vocabulary.describe()}"

    def function_for(self, name: Name) -> Function | None:
        full = name.full(self.subscript_text(name))
        if self.vocabulary.lookup(full) is not None or name.subscript:
            return function_named(full, self.vocabulary) if isinstance(self.vocabulary.lookup(full), UndefinedFunction) else None
        if name.base in self.bound:
            return None
        return function_named(name.base, self.vocabulary)

    def subscript_text(self, name: Name) -> str:
        parts = []
        for token in name.subscript:
            if token.kind in ("letter", "num", "func", "word") or token.is_char(","):
                parts.append(token.text)
            elif token.is_char("{", "}"):
                continue
            else:
                return "\x00"  # not a plain name subscript (x_{i+1})
        return "".join(parts)

    def resolve(self, name: Name) -> Basic | None:
        subscript = self.subscript_text(name)
        if not name.subscript:
            if name.base in self.bound:
                return self.bound[name.base]
            meaning = self.vocabulary.lookup(name.base)
            if meaning is not None:
                return meaning
            if name.base == "I" and not self.vocabulary.open_names:
                return IDENTITY  # the identity matrix, sized by the matrix it meets
            return CONSTANTS.get(name.base) if name.base in ("e", "pi") else None
        meaning = self.vocabulary.lookup(name.full(subscript)) if subscript != "\x00" else None
        if meaning is not None:
            return meaning
        identity = self.sized_identity(name.base, subscript)
        if identity is not None:
            return identity
        family = self.vocabulary.lookup(name.base)
        if isinstance(family, IndexedBase):
            indices = self.index_values(name)
            return family[indices[0] if len(indices) == 1 else tuple(indices)]
        if isinstance(family, MatrixSymbol) and not self.lenient:
            raise self.fail(f"'{name.display}' is an entry of the matrix '{name.base}': entries are not read here",
                            Token("letter", name.base, name.start, name.end))
        return None

    def sized_identity(self, base: str, subscript: str) -> Basic | None:
        """``I_n``, ``I_3``: the identity matrix of that size, unless the vocabulary names I."""
        if base != "I" or self.vocabulary.lookup("I") is not None or self.vocabulary.open_names:
            return None
        if subscript.isdigit() and 0 < int(subscript) <= 50:
            return sympy.Identity(int(subscript))
        size = self.vocabulary.lookup(subscript) if subscript != "\x00" else None
        return sympy.Identity(size) if isinstance(size, sympy.Symbol) and size.is_integer else None

    def index_values(self, name: Name) -> list[Basic]:
        tokens = list(name.subscript)
        if len(tokens) > 1 and all(t.kind == "letter" and len(t.text) == 1 for t in tokens):
            groups = [[t] for t in tokens]  # x_{ij}: two indices
        else:
            groups, current = [], []
            for token in tokens:
                if token.is_char(","):
                    groups.append(current)
                    current = []
                else:
                    current.append(token)
            groups.append(current)
        values = []
        for group in groups:
            value = self.sub(group, lenient=False).parse_whole("an index")
            if is_matrix(value):
                raise self.fail("an index must be a number or an index name", group[0])
            values.append(value)
        return values

    # -- calls and functions ----------------------------------------------------------
    def call_arguments(self) -> list[Basic]:
        opener = self.advance()
        closer = _OPENING[opener.text]
        close = self.matching(self.position - 1, opener.text, closer)
        inner = self.tokens[self.position : close]
        self.position = close + 1
        return [self.sub(group).parse_whole("an argument") for group in _split_commas(inner, self, opener)]

    def function_call(self, token: Token, name: str, *, command: bool) -> Basic:
        function = function_named(name, self.vocabulary, command=command)
        if function is None:
            raise self.fail(f"unknown function '{name}'", token)
        return self.apply_function(function, token)

    def apply_function(self, function: Function, token: Token) -> Basic:
        exponent = None
        base = None
        while True:
            if self.peek().is_char("'"):
                self.advance()
                function = self.guard(lambda: function.with_primes(1), token)
            elif self.peek().is_char("^") and exponent is None:
                self.advance()
                script = self.read_script("a superscript")
                if len(script) == 2 and script[0].is_char("-") and script[1].text == "1":
                    function = self.guard(function.inverse, token)
                else:
                    exponent = self.sub(script).parse_whole("the exponent")
            elif self.peek().is_char("_") and base is None and function.name in ("log",):
                self.advance()
                base = self.sub(self.read_group_tokens("the base of the logarithm")).parse_whole("the base")
            else:
                break
        if self.peek().is_char("(", "["):
            start = self.peek()
            args = self.call_arguments()
        elif self.peek().is_char("{"):  # \sin{x}, \sin{\left(x\right)}: the group is the argument
            start = self.peek()
            group = self.read_group_tokens("the argument")
            if not group:
                raise self.fail(f"'{function.name}' needs an argument", start)
            args = [self.sub(group).parse_whole("the argument")]
        else:
            start = self.peek()
            if not self.starts_factor(start) or start.is_char("{"):
                raise self.fail(f"'{function.name}' needs an argument", start)
            args = [self.bare_argument()]
        if base is not None:
            if function.name != "log" or len(args) != 1:
                raise self.fail("only a logarithm takes a base", token)
            value = sympy.log(args[0], base)
        else:
            value = self.guard(lambda: function.apply(args), start)
        if exponent is not None:
            value = self.power(value, exponent, token)
        return value

    def guard(self, action, token: Token):
        try:
            return action()
        except arithmetic.Refused as error:
            raise self.fail(str(error), token) from None

    def bare_argument(self) -> Basic:
        """``\\sin 2x``, ``\\log \\frac{a}{b}``: factors up to the next function, operator or sign."""
        value = self.parse_factor()
        while True:
            token = self.peek()
            if token.kind in ("func",) or (token.kind == "word" and function_named(token.text, self.vocabulary)) \
                    or not self.starts_factor(token):
                return value
            if token.kind == "struct" and token.text in ("sum", "prod"):
                return value
            value = self.combine(arithmetic.multiply, value, self.parse_factor(), token)

    def word(self, token: Token) -> Basic | Name:
        """``\\text{...}``/``\\operatorname{...}``/``\\mathrm{...}``: a function, a name, or an indicator."""
        text = token.text.strip()
        if text.startswith("bb:"):
            return self.blackboard(token, text[3:])
        if len(text) == 1 and text.isalpha():
            self.advance()
            return self.name_scripts(Name(text, (), 0, token.start, token.end))
        meaning = self.vocabulary.lookup(text)
        if meaning is not None and not isinstance(meaning, UndefinedFunction):
            self.advance()
            return self.name_scripts(Name(text, (), 0, token.start, token.end))
        if function_named(text, self.vocabulary) is not None or meaning is not None:
            self.advance()
            return self.function_after_word(token)
        if self.lenient:
            self.advance()
            end = token.end
            if self.peek().is_char("(", "["):
                close = self.matching(self.position, self.peek().text, _OPENING[self.peek().text])
                end, self.position = self.tokens[close].end, close + 1
            return lenient_name(self.text, token.start, end)
        raise self.fail(f"'{text}' is not a function or a name known here", token)

    def function_after_word(self, token: Token) -> Basic:
        function = function_named(token.text.strip(), self.vocabulary)
        if function is None:
            raise self.fail(f"'{token.text}' is not a function here", token)
        return self.apply_function(function, token)

    def blackboard(self, token: Token, letter: str) -> Basic:
        """``\\mathbb{1}[z > 0]``: the indicator of a condition; other blackboard letters are sets."""
        self.advance()
        if letter not in ("1", "I"):
            raise self.fail(f"\\mathbb{{{letter}}} (a set or an operator) is not read in an answer", token)
        if self.peek().is_char("_"):
            self.advance()
            condition = self.sub(self.read_group_tokens("the condition")).parse_whole("the condition")
        elif self.peek().is_char("(", "["):
            args = self.call_arguments()
            if len(args) != 1:
                raise self.fail("an indicator takes one condition", token)
            condition = args[0]
        else:
            raise self.fail("write the indicator's condition in brackets: \\mathbb{1}[z > 0]", token)
        if not is_condition(condition):
            raise self.fail("an indicator needs a condition such as z > 0", token)
        return sympy.Piecewise((sympy.Integer(1), condition), (sympy.Integer(0), True))

    # -- brackets ------------------------------------------------------------------
    def bracketed(self, token: Token) -> Basic:
        """``(u)`` a group, ``(a, b)`` a tuple, ``[u]`` a group, ``[a, b]`` a column vector."""
        closer = _OPENING[token.text]
        close = self.matching(self.position, token.text, closer)
        inner = self.tokens[self.position + 1 : close]
        self.position = close + 1
        if not inner:
            raise self.fail("empty brackets", token)
        groups = _split_commas(inner, self, token)
        values = [self.sub(group).parse_whole("an entry") for group in groups]
        if len(values) == 1:
            return values[0]
        if any(is_matrix(v) for v in values):
            raise self.fail("entries of a tuple or vector must be scalars", token)
        if token.text == "(":
            return sympy.Tuple(*values)
        return sympy.ImmutableMatrix(values)

    def set_literal(self) -> Basic:
        token = self.peek()
        close = self.matching(self.position, "{", "}", kind="set")
        inner = self.tokens[self.position + 1 : close]
        self.position = close + 1
        if not inner:
            return sympy.EmptySet
        values = [self.sub(group).parse_whole("a set element") for group in _split_commas(inner, self, token)]
        return sympy.FiniteSet(*values)

    def bars_value(self, token: Token) -> Basic:
        """``|u|`` absolute value, ``\\|v\\|`` norm (``\\|v\\|^2`` is v^T v for a vector)."""
        self.advance()
        self.bars += 1
        try:
            inner = self.parse_sum()
        finally:
            self.bars -= 1
        if not self.peek().is_char(token.text):
            raise self.fail(f"the bar '{token.text}' opened here is never closed", token)
        self.advance()
        if token.text == "|":
            return self.guard(lambda: arithmetic.absolute(inner), token)
        if self.peek().is_char("_"):  # \|v\|_2
            self.advance()
            script = self.read_group_tokens("the norm's subscript")
            if len(script) != 1 or script[0].text != "2":
                raise self.fail("only the Euclidean norm (\\|v\\|_2) is read", token)
        if self.peek().is_char("^"):
            save = self.position
            self.advance()
            script = self.read_script("a superscript")
            if len(script) == 1 and script[0].text == "2":
                return arithmetic.squared_norm(inner)
            self.position = save
        return arithmetic.norm(inner)

    # -- structures --------------------------------------------------------------------
    def structure(self, token: Token) -> Basic:
        name = token.text
        self.advance()
        if name in ("frac", "dfrac", "tfrac", "cfrac"):
            return self.fraction(token)
        if name == "sqrt":
            return self.square_root(token)
        if name in ("binom", "dbinom", "tbinom"):
            top = self.sub(self.read_group_tokens("the top of the binomial")).parse_whole("the binomial")
            bottom = self.sub(self.read_group_tokens("the bottom of the binomial")).parse_whole("the binomial")
            if top.is_Integer and top > self.limits.max_exponent:
                raise self.fail("this binomial coefficient is too large", token)
            return sympy.binomial(top, bottom)
        if name in ("sum", "prod"):
            return self.big_operator(token)
        if name == "begin":
            return read_environment(self, token)
        if name in ("boxed", "underbrace", "overbrace"):
            value = self.sub(self.read_group_tokens(f"the argument of \\{name}")).parse_whole(f"\\{name}")
            if name != "boxed" and self.peek().is_char("_", "^"):
                self.advance()
                self.read_group_tokens("a label")
            return value
        if name in ("hat", "bar", "tilde", "dot", "ddot", "widehat", "widetilde", "overline", "check", "breve"):
            return self.decorated(token)
        raise self.fail(f"\\{name} is not read here", token)

    def fraction(self, token: Token) -> Basic:
        numerator = self.read_group_tokens("the numerator")
        denominator = self.read_group_tokens("the denominator")
        if _derivative_like(numerator) and _derivative_like(denominator):
            return self.derivative(token, numerator, denominator)
        top = self.sub(numerator).parse_whole("the numerator")
        bottom = self.sub(denominator).parse_whole("the denominator")
        return self.combine(arithmetic.divide, top, bottom, token)

    def derivative(self, token: Token, numerator: list[Token], denominator: list[Token]) -> Basic:
        """``\\frac{\\partial L}{\\partial \\phi_0}``: a name on the left; ``\\frac{d}{dx} u`` an operator."""
        order, rest = _derivative_order(numerator)
        if self.lenient:
            if rest:
                return sympy.Symbol(f"d{'' if order == 1 else order}{_squeeze(self.text, rest)}/{_squeeze_denominator(self.text, denominator)}")
            operand_start = self.position
            value = self.parse_factor() if self.starts_factor(self.peek()) else None
            if value is None:
                raise self.fail("the derivative of what?", self.peek())
            return lenient_name(self.text, token.start, self.tokens[self.position - 1].end if self.position > operand_start else token.end)
        variables = self.derivative_variables(denominator)
        if sum(count for _, count in variables) != order:
            raise self.fail("the orders in the numerator and denominator of this derivative differ", token)
        if rest:
            operand = self.sub(rest, lenient=False).parse_whole("the function being differentiated")
            if operand.is_Symbol or isinstance(operand, (MatrixSymbol, sympy.Indexed)):
                raise self.fail(
                    f"'{_squeeze(self.text, rest)}' is a name, so its derivative cannot be read here: write the derivative's value",
                    rest[0],
                )
        else:
            if not self.starts_factor(self.peek()):
                raise self.fail("the derivative of what?", self.peek())
            operand = self.parse_term()
        if is_matrix(operand) or any(is_matrix(v) for v, _ in variables):
            raise self.fail("derivatives of matrix expressions are not read here", token)
        return sympy.Derivative(operand, *variables).doit()

    def derivative_variables(self, tokens: list[Token]) -> list[tuple[Basic, int]]:
        variables: list[tuple[Basic, int]] = []
        cursor = 0
        while cursor < len(tokens):
            mark = tokens[cursor]
            if not _is_d(mark):
                raise self.fail("expected d or \\partial in the denominator of a derivative", mark)
            cursor += 1
            start = cursor
            depth = 0
            while cursor < len(tokens) and (depth > 0 or not _is_d(tokens[cursor]) or cursor == start):
                depth += tokens[cursor].is_char("{") - tokens[cursor].is_char("}")
                cursor += 1
            piece = tokens[start:cursor]
            count = 1
            if len(piece) >= 2 and piece[-2].is_char("^") and piece[-1].kind == "num":
                count, piece = int(piece[-1].text), piece[:-2]
            if not piece:
                raise self.fail("a derivative needs a variable", mark)
            variable = self.sub(piece, lenient=False).parse_whole("the variable")
            if not (variable.is_Symbol or isinstance(variable, (sympy.Indexed, MatrixSymbol))):
                raise self.fail("differentiate with respect to a single variable", piece[0])
            variables.append((variable, count))
        return variables

    def square_root(self, token: Token) -> Basic:
        degree = None
        if self.peek().is_char("["):
            close = self.matching(self.position, "[", "]")
            degree = self.sub(self.tokens[self.position + 1 : close]).parse_whole("the root's degree")
            self.position = close + 1
        radicand = self.sub(self.read_group_tokens("the square root's argument")).parse_whole("the square root")
        if is_matrix(radicand):
            raise self.fail("the square root of a matrix is not read", token)
        return sympy.sqrt(radicand) if degree is None else sympy.root(radicand, degree)

    def big_operator(self, token: Token) -> Basic:
        """``\\sum_{i=1}^{n}``, ``\\sum_i`` (range from the reference), ``\\prod``."""
        if not self.peek().is_char("_"):
            raise self.fail(f"\\{token.text} needs an index: write \\{token.text}_{{i=1}}^{{n}}", token)
        self.advance()
        lower = self.read_group_tokens("the index")
        upper = None
        if self.peek().is_char("^"):
            self.advance()
            upper = self.read_group_tokens("the upper limit")
        if not lower or lower[0].kind != "letter":
            raise self.fail("the index must be a name such as i", lower[0] if lower else token)
        index_name = canonical_name(lower[0].text)
        symbol = self.vocabulary.lookup(index_name)
        if not isinstance(symbol, sympy.Symbol):
            symbol = sympy.Symbol(index_name, integer=True)
        if len(lower) == 1:
            bounds = self.vocabulary.index_bounds.get(index_name)
            if bounds is None or upper is not None:
                raise self.fail(
                    f"the range of '{lower[0].text}' is not known here: write \\{token.text}_{{{lower[0].text}=1}}^{{n}}", token
                )
            low, high = bounds
        else:
            if not lower[1].is_char("=") or len(lower) < 3 or upper is None:
                raise self.fail(f"write the range as \\{token.text}_{{i=1}}^{{n}}", lower[min(1, len(lower) - 1)])
            low = self.sub(lower[2:]).parse_whole("the lower limit")
            high = self.sub(upper).parse_whole("the upper limit")
        saved = self.bound.get(index_name)
        self.bound[index_name] = symbol
        try:
            if not self.starts_factor(self.peek()):
                raise self.fail(f"the \\{token.text} has no term", self.peek())
            body = self.parse_term()
        finally:
            if saved is None:
                self.bound.pop(index_name, None)
            else:
                self.bound[index_name] = saved
        if is_matrix(body):
            raise self.fail(f"a \\{token.text} of matrices is not read here", token)
        operator = sympy.Sum if token.text == "sum" else sympy.Product
        return operator(body, (symbol, low, high))

    def decorated(self, token: Token) -> Basic | Name:
        inner = self.read_group_tokens(f"the argument of \\{token.text}")
        if len(inner) != 1 or inner[0].kind != "letter":
            raise self.fail(f"\\{token.text} must decorate a single name", token)
        decoration = {"widehat": "hat", "widetilde": "tilde", "overline": "bar"}.get(token.text, token.text)
        base = canonical_name(inner[0].text)
        for spelling in (f"{base}_{decoration}", f"{base}{decoration}", f"{decoration}_{base}", f"{decoration}{base}"):
            if self.vocabulary.lookup(spelling) is not None:
                return self.name_scripts(Name(spelling, (), 0, token.start, self.peek(-1).end, display=f"\\{token.text}{{{inner[0].text}}}"))
        name = self.name_scripts(Name(f"{base}_{decoration}", (), 0, token.start, self.peek(-1).end, display=f"\\{token.text}{{{inner[0].text}}}"))
        return name


def _split_commas(tokens: list[Token], parser: Parser, opener: Token) -> list[list[Token]]:
    groups: list[list[Token]] = [[]]
    depth = 0
    for token in tokens:
        if token.kind in ("char", "set") and token.text in "([{":
            depth += 1
        elif token.kind in ("char", "set") and token.text in ")]}":
            depth -= 1
        elif token.is_struct("begin"):
            depth += 1
        elif token.is_struct("end"):
            depth -= 1
        if depth == 0 and token.is_char(","):
            groups.append([])
        else:
            groups[-1].append(token)
    for group in groups:
        if not group:
            raise parser.fail("an entry is missing between commas", opener)
    return groups


def _relation(operator: str, left: Basic, right: Basic) -> Basic:
    table = {"<": sympy.Lt, ">": sympy.Gt, "<=": sympy.Le, ">=": sympy.Ge, "!=": sympy.Ne}
    return table[operator](left, right)


def _is_transpose(script: list[Token]) -> bool:
    if len(script) != 1:
        return False
    token = script[0]
    return token.kind == "sup" or (token.text == "T" and token.kind in ("letter", "word"))


def _is_d(token: Token) -> bool:
    return (token.kind == "op" and token.text == "∂") or (token.kind in ("letter", "word") and token.text == "d")


def _derivative_like(tokens: list[Token]) -> bool:
    return bool(tokens) and _is_d(tokens[0]) and (len(tokens) == 1 or not tokens[1].is_char("_"))


def _derivative_order(numerator: list[Token]) -> tuple[int, list[Token]]:
    rest = numerator[1:]
    if len(rest) >= 2 and rest[0].is_char("^") and rest[1].kind == "num":
        return int(rest[1].text), rest[2:]
    return 1, rest


def _squeeze(text: str, tokens: list[Token]) -> str:
    return canonical_name(text[tokens[0].start : tokens[-1].end]).replace("mathbf", "").replace("boldsymbol", "")


def _squeeze_denominator(text: str, tokens: list[Token]) -> str:
    parts, current = [], []
    for token in tokens:
        if _is_d(token):
            if current:
                parts.append(_squeeze(text, current))
            current = []
        else:
            current.append(token)
    if current:
        parts.append(_squeeze(text, current))
    return "d" + "d".join(parts)


def _unexpected(token: Token) -> str:
    if token.kind == "end":
        return "something is missing at the end"
    if token.kind == "bad":
        return f"{token.text} is not read in an answer"
    if token.kind == "word":
        return f"the word '{token.text}' is not read here"
    return f"unexpected '{token.text}'"
