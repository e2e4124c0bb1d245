"""Safe reader for plain and sympy-syntax answers: an allowlisted walk over Python's AST.

Nothing is evaluated by Python: the text is parsed with :func:`ast.parse` and each node
is turned into a sympy object by a handler from a fixed table, so ``__import__``,
attributes, lambdas, comprehensions and strings simply have no handler. Caps from
:class:`Limits` apply before any arithmetic.

>>> from sympy import symbols
>>> from ._vocabulary import Vocabulary
>>> vocab = Vocabulary.from_objects(symbols("x y"))
>>> read_plain("2xy + x^2", vocab).value
x**2 + 2*x*y
>>> read_plain("x.__class__", vocab)
Traceback (most recent call last):
...
checkers._errors.InvalidAnswer: '.__class__' is not allowed in an answer
>>> read_plain("y/0", vocab)
Traceback (most recent call last):
...
checkers._errors.InvalidAnswer: division by zero
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import sympy
from sympy import Basic, ImmutableMatrix, IndexedBase
from sympy.core.function import UndefinedFunction

from . import _arithmetic as arithmetic
from . import _numbers as numbers
from . import _structures as structures
from ._builtins import CONSTANTS
from ._errors import InvalidAnswer
from ._functions import function_named
from ._limits import DEFAULT_LIMITS, Limits
from ._names import canonical_name
from ._plain_constructors import CONSTRUCTORS
from ._plain_tokens import PLUS_MINUS_NAME, Member, split_members, split_primes
from ._python_syntax import parse_expression
from ._reading import Reading
from ._vocabulary import Vocabulary, bound_indices

__all__ = ["read_plain"]

_SYMBOL = sympy.Symbol


def read_plain(text: str, vocabulary: Vocabulary, limits: Limits = DEFAULT_LIMITS) -> Reading:
    """Read calculator / sympy syntax (``2x^2``, ``Matrix([[1,2]])``, ``y = 2x + 1``)."""
    members = split_members(text, vocabulary, limits.max_depth)
    values = tuple(
        structures.both_signs(_Walker(member, vocabulary, limits, lenient=index == 0 and len(members) > 1).read())
        for index, member in enumerate(members)
    )
    return Reading(values, "plain", text)


class _Walker:
    """Turns one member's AST into sympy, node by allowlisted node."""

    def __init__(self, member: Member, vocabulary: Vocabulary, limits: Limits, *, lenient: bool) -> None:
        self.member, self.vocabulary, self.limits, self.lenient = member, vocabulary, limits, lenient
        self.depth = 0
        self.bound: dict[str, Basic] = {}  # the variable of an enclosing Subs(...), the index of a Sum(...)

    def read(self) -> Basic:
        try:
            tree = parse_expression(self.member.source)
        except SyntaxError as error:
            raise self.syntax_error(error) from None
        except (RecursionError, MemoryError, ValueError):  # brackets are capped before: only a chain of thousands of operations
            raise self.fail_at("the answer is too long: too many operations in a row", 0) from None
        nodes = sum(1 for _ in ast.walk(tree))
        if nodes > self.limits.max_nodes:
            raise self.fail_at(f"the answer is too long ({nodes} parts, at most {self.limits.max_nodes})", 0)
        value = self.visit(tree.body)
        if structures.has_unsized_identity(value):
            raise self.fail_at("'I' reads as the identity matrix, but nothing here gives its size: write I_n or define I", 0)
        return value

    # -- errors -----------------------------------------------------------------
    def syntax_error(self, error: SyntaxError) -> InvalidAnswer:
        source = self.member.source
        if not error.offset or error.offset > len(source):
            last = source.rstrip().split(" ")[-1] if source.strip() else ""
            return self.fail_at(f"the answer ends too early (after {last!r})", len(source) - 1)
        message = "this symbol cannot stand here" if error.msg == "invalid syntax" else error.msg
        return self.fail_at(f"cannot read this: {message}", error.offset - 1)

    def fail_at(self, message: str, offset: int, *, shape: bool = False) -> InvalidAnswer:
        return InvalidAnswer(message, text=self.member.original, position=self.member.original_column(offset), shape=shape)

    def fail(self, node: ast.AST, message: str, *, shape: bool = False) -> InvalidAnswer:
        return self.fail_at(message, getattr(node, "col_offset", 0), shape=shape)

    # -- dispatch ---------------------------------------------------------------
    def visit(self, node: ast.AST) -> Basic:
        handler = getattr(self, f"visit_{type(node).__name__}", None)
        if handler is None:
            raise self.fail(node, f"'{_describe(node)}' is not allowed in an answer")
        self.depth += 1
        if self.depth > self.limits.max_depth:
            raise self.fail(node, "this answer is nested too deeply")
        try:
            with self.reported_at(node):
                return numbers.within_caps(handler(node), self.limits)
        finally:
            self.depth -= 1

    @contextmanager
    def reported_at(self, node: ast.AST) -> Iterator[None]:
        """Arithmetic that refuses, or values that cannot be combined, become invalid at ``node``."""
        try:
            yield
        except InvalidAnswer:
            raise
        except arithmetic.Refused as error:
            raise self.fail(node, str(error), shape=isinstance(error, arithmetic.ShapeMismatch)) from None
        except (TypeError, ValueError, AttributeError, IndexError, sympy.ShapeError, sympy.NonSquareMatrixError):
            raise self.fail(node, "these cannot be combined") from None

    def visit_Constant(self, node: ast.Constant) -> Basic:
        if isinstance(node.value, bool):
            return sympy.true if node.value else sympy.false
        if not isinstance(node.value, (int, float)):
            raise self.fail(node, "only numbers may appear as literals")
        literal = ast.get_source_segment(self.member.source, node) or repr(node.value)
        return numbers.number(str(node.value) if isinstance(node.value, int) else literal, self.limits)

    def visit_Name(self, node: ast.Name) -> Basic:
        name, primes = split_primes(node.id)
        if name in self.bound and not primes:
            return self.bound[name]
        if primes:
            return self.primed_name(node, name, primes)
        if name == PLUS_MINUS_NAME:
            return structures.PLUS_MINUS
        entry = self.entry(name) if self.bound and bound_indices(canonical_name(name).partition("_")[2], self.bound) else None
        if entry is not None:  # an index bound by an enclosing Sum wins
            return entry
        meaning = self.vocabulary.lookup(name)
        if isinstance(meaning, IndexedBase) and not self.lenient:
            raise self.fail(node, self.vocabulary.family_without_index(name))
        if meaning is not None and not isinstance(meaning, UndefinedFunction):
            return meaning
        entry = None if meaning is not None else self.entry(name)
        if entry is not None:
            return entry
        if meaning is None and name in CONSTANTS:
            return CONSTANTS[name]
        if meaning is None and name == "I":  # sympy's imaginary unit, or the identity among matrices
            return structures.IDENTITY if self.vocabulary.has_matrices() else sympy.I
        if meaning is not None or function_named(name, self.vocabulary) is not None:
            raise self.fail(node, f"'{name}' is a function: write {name}(...)")
        if self.vocabulary.open_names:
            return self.vocabulary.new_symbol(name)
        if self.lenient:
            return _SYMBOL(name)
        raise self.fail(node, f"unknown name '{name}'; this answer can use: {self.vocabulary.describe()}")

    def entry(self, name: str) -> Basic | None:
        """``x_i``, ``x_2``: an entry of an indexed family (:meth:`Vocabulary.entry`), its digits capped as any number's."""
        return self.vocabulary.entry(name, self.bound, lambda digits: numbers.number(digits, self.limits))

    def primed_name(self, node: ast.Name, name: str, primes: int) -> Basic:
        """``A'`` is a transpose of a matrix; ``y'`` may only name a quantity on a left side."""
        meaning = self.vocabulary.lookup(name)
        if structures.is_matrix(meaning):
            return arithmetic.transpose(meaning) if primes % 2 else meaning
        if self.lenient:
            return _SYMBOL(name + "'" * primes)
        raise self.fail(node, f"'{name}{chr(39) * primes}' is not read here: write the derivative's value")

    def visit_UnaryOp(self, node: ast.UnaryOp) -> Basic:
        operand = self.visit(node.operand)
        if isinstance(node.op, ast.USub):
            return arithmetic.negate(operand)
        if isinstance(node.op, ast.UAdd):
            return operand
        raise self.fail(node, f"'{_describe(node.op)}' is not allowed in an answer")

    def visit_BinOp(self, node: ast.BinOp) -> Basic:
        """A power, or a chain of one precedence level read flat: ``x + x + ... + x`` is one
        level deep however long it is (Python nests it to the left, one level per term)."""
        if isinstance(node.op, ast.Pow):
            return self.power(node)
        links = _left_chain(node)
        value = self.visit(links[0].left)
        for link in links:
            right = self.visit(link.right)
            operation = _OPERATIONS.get(type(link.op))
            if operation is None:
                raise self.fail(link, f"'{_describe(link.op)}' is not allowed in an answer")
            with self.reported_at(link):
                value = numbers.within_caps(operation(value, right), self.limits)
        return value

    def power(self, node: ast.BinOp) -> Basic:
        left = self.visit(node.left)
        if self.is_transpose_mark(node.right) and structures.is_matrix(left):
            return arithmetic.transpose(left)
        return arithmetic.power(left, self.visit(node.right), self.limits)

    def is_transpose_mark(self, node: ast.AST) -> bool:
        """``A^T`` / ``A^top`` of a matrix is a transpose (a matrix to a scalar power means nothing)."""
        return isinstance(node, ast.Name) and node.id in ("T", "top", "intercal")

    def visit_Attribute(self, node: ast.Attribute) -> Basic:
        if node.attr == "T":
            return arithmetic.transpose(self.visit(node.value))
        raise self.fail(node, f"'.{node.attr}' is not allowed in an answer")

    def visit_Compare(self, node: ast.Compare) -> Basic:
        terms = [self.visit(node.left), *(self.visit(c) for c in node.comparators)]
        parts = []
        for op, left, right in zip(node.ops, terms, terms[1:]):
            if type(op) not in _RELATIONS:
                raise self.fail(node, f"'{_describe(op)}' is not allowed in an answer")
            parts.append(arithmetic.relation(_RELATIONS[type(op)], left, right))
        return sympy.And(*parts)

    def visit_BoolOp(self, node: ast.BoolOp) -> Basic:
        values = [self.visit(v) for v in node.values]
        return sympy.And(*values) if isinstance(node.op, ast.And) else sympy.Or(*values)

    def visit_Tuple(self, node: ast.Tuple) -> Basic:
        return sympy.Tuple(*(self.visit(e) for e in node.elts))

    def visit_Set(self, node: ast.Set) -> Basic:
        return sympy.FiniteSet(*(self.visit(e) for e in node.elts))

    def visit_List(self, node: ast.List) -> Basic:
        rows = [self.visit(e) for e in node.elts]
        return self.matrix(node, rows)

    def matrix(self, node: ast.AST, rows: list[Basic]) -> Basic:
        """``[a, b]`` is a column vector; ``[[1, 2], [3, 4]]`` (lists of lists) a matrix of rows."""
        if rows and all(isinstance(r, ImmutableMatrix) and r.shape[1] == 1 for r in rows):
            return arithmetic.matrix([list(r) for r in rows], self.limits)
        if any(structures.is_matrix(r) for r in rows):
            raise self.fail(node, "rows of a matrix must be lists of numbers or expressions")
        return arithmetic.matrix([[r] for r in rows], self.limits)

    def visit_Subscript(self, node: ast.Subscript) -> Basic:
        """``x[i]`` is an entry of an indexed family; ``a[u]`` and ``a'[u]`` (Prince's brackets)
        a call; ``1[z > 0]`` the indicator of a condition."""
        name, primes = split_primes(node.value.id) if isinstance(node.value, ast.Name) else (None, 0)
        index = self.visit(node.slice)
        if isinstance(node.value, ast.Constant) and node.value.value == 1:
            return CONSTRUCTORS["Indicator"]([index])
        arguments = list(index) if isinstance(index, sympy.Tuple) else [index]
        base = self.vocabulary.lookup(name) if name else None
        function = function_named(name, self.vocabulary) if name else None
        if base is None and function is None and name and not primes and self.vocabulary.open_names:
            base = self.vocabulary.new_family(name)  # x[i] read with names open
        if isinstance(base, IndexedBase) and not primes:
            return base[tuple(arguments)]
        if function is None:
            raise self.fail(node, "square brackets after this name mean nothing here")
        return function.with_primes(primes).apply(arguments)

    def visit_Call(self, node: ast.Call) -> Basic:
        if node.keywords or not isinstance(node.func, ast.Name):
            raise self.fail(node, "only plain function calls like f(x) are allowed")
        name, primes = split_primes(node.func.id)
        if name == "Subs" and not primes and self.vocabulary.lookup(name) is None:
            return self.substitution(node)
        if name in ("Sum", "Product") and not primes and self.vocabulary.lookup(name) is None and node.args:
            return self.big_operator(node, name)
        args = [self.visit(a) for a in node.args]
        if not primes and self.vocabulary.lookup(name) is None and name in CONSTRUCTORS:
            return CONSTRUCTORS[name](args)
        function = function_named(name, self.vocabulary)
        if function is None:
            raise self.fail(node, f"unknown function '{name}'" if not primes else
                            f"a prime needs a function of one argument, like a'(u); '{name}' is not one")
        return function.with_primes(primes).apply(args)

    def big_operator(self, node: ast.Call, name: str) -> Basic:
        """``Sum(term, (i, 1, n))``, ``Product(...)``: the limits are read first and their indices
        bound inside the term, so that ``x_i`` there is the entry of the family ``x`` at ``i``, as
        under LaTeX's ``\\sum_{i=1}^{n}``."""
        named = [limit.elts[0].id for limit in node.args[1:]
                 if isinstance(limit, ast.Tuple) and limit.elts and isinstance(limit.elts[0], ast.Name)]
        # an index the vocabulary lacks is read only where names are open (as any unknown name)
        indices = {index: self.vocabulary.index_symbol(index) for index in named
                   if self.vocabulary.open_names or isinstance(self.vocabulary.lookup(index), sympy.Symbol)}
        outer = {index: self.bound[index] for index in indices if index in self.bound}
        self.bound.update(indices)
        try:
            limits = [self.visit(a) for a in node.args[1:]]
            term = self.visit(node.args[0])
        finally:
            for index in indices:
                self.bound.pop(index, None)
            self.bound.update(outer)
        return CONSTRUCTORS[name]([term, *limits])

    def substitution(self, node: ast.Call) -> Basic:
        """``Subs(Derivative(a(t), t), t, u)``: sympy's spelling of a'(u), with t bound inside."""
        if len(node.args) != 3 or not isinstance(node.args[1], ast.Name):
            raise self.fail(node, "write Subs(Derivative(a(t), t), t, point)")
        variable = node.args[1].id
        bound = self.bound.get(variable)
        self.bound[variable] = sympy.Dummy(variable, real=True)
        try:
            expr, symbol = self.visit(node.args[0]), self.bound[variable]
        finally:
            self.bound[variable] = bound
            if bound is None:
                del self.bound[variable]
        if not isinstance(expr, sympy.Derivative):
            raise self.fail(node, "Subs is read only around the derivative of an unknown function: write a'(u)")
        return sympy.Subs(expr, symbol, self.visit(node.args[2]))


_RELATIONS: dict[type[ast.cmpop], str] = {
    ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=", ast.NotEq: "!=", ast.Eq: "=",  # = only in 'x = 2 or x = 3'
}
_OPERATIONS: dict[type[ast.operator], Callable[[Basic, Basic], Basic]] = {
    ast.Add: arithmetic.add,
    ast.Sub: arithmetic.subtract,
    ast.Mult: arithmetic.multiply,
    ast.MatMult: arithmetic.multiply,
    ast.Div: arithmetic.divide,
}


_PRECEDENCE: dict[type[ast.operator], str] = {
    ast.Add: "sum", ast.Sub: "sum", ast.Mult: "product", ast.MatMult: "product", ast.Div: "product",
}


def _left_chain(node: ast.BinOp) -> list[ast.BinOp]:
    """The links of a left-nested chain of one precedence level, innermost first, found
    without recursion: ``a + b - c`` is ``(a + b) - c``, two links.

    >>> [type(link.op).__name__ for link in _left_chain(ast.parse("a + b - c * d", mode="eval").body)]
    ['Add', 'Sub']
    """
    level = _PRECEDENCE.get(type(node.op))
    links = [node]
    while level is not None and isinstance(links[-1].left, ast.BinOp) and _PRECEDENCE.get(type(links[-1].left.op)) == level:
        links.append(links[-1].left)
    return links[::-1]


def _describe(node: object) -> str:
    names = {"Lambda": "lambda", "JoinedStr": "f-string", "ListComp": "comprehension", "Starred": "*"}
    kind = type(node).__name__
    return names.get(kind, kind)

