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
from collections.abc import Callable
from functools import reduce

import sympy
from sympy import Basic, ImmutableMatrix, IndexedBase
from sympy.core.function import AppliedUndef, UndefinedFunction

from . import _arithmetic as arithmetic
from . import _structures as structures
from ._builtins import CONSTANTS, SCALAR_FUNCTIONS
from ._errors import InvalidAnswer
from ._limits import DEFAULT_LIMITS, Limits
from ._plain_tokens import Member, split_members, split_primes
from ._reading import Reading
from ._vocabulary import Vocabulary

__all__ = ["read_plain"]

_SYMBOL = sympy.Symbol


def read_plain(text: str, vocabulary: Vocabulary, limits: Limits = DEFAULT_LIMITS) -> Reading:
    """Read calculator / sympy syntax (``2x^2``, ``Matrix([[1,2]])``, ``y = 2x + 1``)."""
    members = split_members(text, vocabulary)
    values = tuple(
        _Walker(member, vocabulary, limits, lenient=index == 0 and len(members) > 1).read()
        for index, member in enumerate(members)
    )
    return Reading(values, "plain", text)


class _Walker:
    """Turns one member's AST into sympy, node by allowlisted node."""

    def __init__(self, member: Member, vocabulary: Vocabulary, limits: Limits, *, lenient: bool) -> None:
        self.member, self.vocabulary, self.limits, self.lenient = member, vocabulary, limits, lenient
        self.depth = 0

    def read(self) -> Basic:
        try:
            tree = ast.parse(self.member.source, mode="eval")
        except SyntaxError as error:
            raise self.syntax_error(error) from None
        except (RecursionError, MemoryError, ValueError):
            raise self.fail_at("this answer is nested too deeply", 0) from None
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

    def fail_at(self, message: str, offset: int) -> InvalidAnswer:
        return InvalidAnswer(message, text=self.member.original, position=self.member.original_column(offset))

    def fail(self, node: ast.AST, message: str) -> InvalidAnswer:
        return self.fail_at(message, getattr(node, "col_offset", 0))

    # -- dispatch ---------------------------------------------------------------
    def visit(self, node: ast.AST) -> Basic:
        handler = getattr(self, f"visit_{type(node).__name__}", None)
        if handler is None:
            raise self.fail(node, f"'{_describe(node)}' is not allowed in an answer")
        self.depth += 1
        if self.depth > self.limits.max_depth:
            raise self.fail(node, "this answer is nested too deeply")
        try:
            return handler(node)
        except InvalidAnswer:
            raise
        except arithmetic.Refused as error:
            raise self.fail(node, str(error)) from None
        except (TypeError, ValueError, AttributeError, IndexError, sympy.ShapeError, sympy.NonSquareMatrixError) as error:
            raise self.fail(node, f"cannot combine these: {_short(error)}") from None
        finally:
            self.depth -= 1

    def visit_Constant(self, node: ast.Constant) -> Basic:
        if isinstance(node.value, bool):
            return sympy.true if node.value else sympy.false
        if not isinstance(node.value, (int, float)):
            raise self.fail(node, "only numbers may appear as literals")
        literal = ast.get_source_segment(self.member.source, node) or repr(node.value)
        return arithmetic.number(str(node.value) if isinstance(node.value, int) else literal, self.limits)

    def visit_Name(self, node: ast.Name) -> Basic:
        name, primes = split_primes(node.id)
        if primes:
            return self.primed_name(node, name, primes)
        meaning = self.vocabulary.lookup(name)
        if meaning is not None and not isinstance(meaning, UndefinedFunction):
            return meaning
        if meaning is None and name in CONSTANTS:
            return CONSTANTS[name]
        if meaning is None and name == "I" and not self.vocabulary.open_names:
            return structures.IDENTITY  # the identity matrix, sized by the matrix it meets
        if meaning is not None or name in SCALAR_FUNCTIONS:
            raise self.fail(node, f"'{name}' is a function: write {name}(...)")
        if self.vocabulary.open_names:
            return self.vocabulary.new_symbol(name)
        if self.lenient:
            return _SYMBOL(name)
        raise self.fail(node, f"unknown name '{name}'; this answer can use: {self.vocabulary.describe()}")

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
        left = self.visit(node.left)
        if isinstance(node.op, ast.Pow) and self.is_transpose_mark(node.right) and structures.is_matrix(left):
            return arithmetic.transpose(left)
        right = self.visit(node.right)
        if isinstance(node.op, ast.Pow):
            return arithmetic.power(left, right, self.limits)
        operation = _OPERATIONS.get(type(node.op))
        if operation is None:
            raise self.fail(node, f"'{_describe(node.op)}' is not allowed in an answer")
        return operation(left, right)

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
        base = self.visit_callee(node.value)
        index = self.visit(node.slice)
        if isinstance(base, IndexedBase):
            return base[tuple(index) if isinstance(index, sympy.Tuple) else index]
        if isinstance(base, UndefinedFunction):
            return base(*(index if isinstance(index, sympy.Tuple) else (index,)))
        if base in SCALAR_FUNCTIONS.values():
            return base(index)
        raise self.fail(node, "square brackets after this name mean nothing here")

    def visit_callee(self, node: ast.AST) -> object:
        if isinstance(node, ast.Name):
            meaning = self.vocabulary.lookup(node.id)
            if meaning is not None:
                return meaning
            if node.id in SCALAR_FUNCTIONS:
                return SCALAR_FUNCTIONS[node.id]
        return self.visit(node)

    def visit_Call(self, node: ast.Call) -> Basic:
        if node.keywords or not isinstance(node.func, ast.Name):
            raise self.fail(node, "only plain function calls like f(x) are allowed")
        name, primes = split_primes(node.func.id)
        args = [self.visit(a) for a in node.args]
        if primes:
            return self.differentiated_call(node, name, primes, args)
        meaning = self.vocabulary.lookup(name)
        if isinstance(meaning, UndefinedFunction):
            return meaning(*args)
        if meaning is None and name in _STRUCTURAL:
            return _STRUCTURAL[name](self, node, args)
        if meaning is None and name in SCALAR_FUNCTIONS:
            function = SCALAR_FUNCTIONS[name]
            if len(args) == 1 and structures.is_matrix(args[0]):
                return structures.apply_elementwise(function, args[0])
            return function(*args)
        raise self.fail(node, f"unknown function '{name}'")

    def differentiated_call(self, node: ast.Call, name: str, primes: int, args: list[Basic]) -> Basic:
        meaning = self.vocabulary.lookup(name)
        function = meaning if isinstance(meaning, UndefinedFunction) else SCALAR_FUNCTIONS.get(name) if meaning is None else None
        if function is None or len(args) != 1:
            raise self.fail(node, f"a prime needs a function of one argument, like a'(u); '{name}' is not one")
        if structures.is_matrix(args[0]):
            dummy = sympy.Dummy("t", real=True)
            derivative = sympy.Lambda(dummy, sympy.diff(function(dummy), dummy, primes))
            return structures.apply_elementwise(derivative, args[0])
        value = _differentiated(function, primes, args)
        return value if isinstance(meaning, UndefinedFunction) else value.doit()


def _differentiated(function: object, primes: int, args: list[Basic]) -> Basic:
    """f'(u): the derivative of a one-argument function, evaluated at u."""
    dummy = sympy.Dummy("t", real=True)
    derivative = sympy.Derivative(function(dummy), (dummy, primes))
    if len(args) == 1 and isinstance(args[0], sympy.Symbol):
        return derivative.xreplace({dummy: args[0]})
    return sympy.Subs(derivative, dummy, args[0])


def _sum(walker: _Walker, node: ast.AST, args: list[Basic]) -> Basic:
    if len(args) < 2 or not all(isinstance(a, sympy.Tuple) and len(a) == 3 for a in args[1:]):
        raise walker.fail(node, "write Sum(term, (i, 1, n))")
    return sympy.Sum(args[0], *args[1:])


def _piecewise(walker: _Walker, node: ast.AST, args: list[Basic]) -> Basic:
    if not all(isinstance(a, sympy.Tuple) and len(a) == 2 for a in args):
        raise walker.fail(node, "write Piecewise((value, condition), ...)")
    return sympy.Piecewise(*(tuple(a) for a in args))


def _explicit_matrix(walker: _Walker, node: ast.AST, args: list[Basic]) -> Basic:
    if len(args) != 1 or not isinstance(args[0], ImmutableMatrix):
        raise walker.fail(node, "write Matrix([[a, b], [c, d]])")
    return args[0]


def _derivative(walker: _Walker, node: ast.AST, args: list[Basic]) -> Basic:
    """Derivatives are readable only of the reference's undefined functions (a'(u))."""
    if len(args) < 2 or not args[0].atoms(AppliedUndef) or args[0].free_symbols - _undefined_arguments(args[0]):
        raise walker.fail(node, "an answer may name derivatives only of unknown functions such as a(u); work the derivative out")
    return sympy.Derivative(*args)


def _undefined_arguments(expr: Basic) -> set:
    return {s for call in expr.atoms(AppliedUndef) for s in call.free_symbols}


def _identity(walker: _Walker, node: ast.AST, args: list[Basic]) -> Basic:
    if len(args) != 1 or not (args[0].is_Integer or args[0].is_Symbol) or (args[0].is_Integer and not 0 < args[0] <= 50):
        raise walker.fail(node, "write Identity(n) with a size n")
    return sympy.Identity(args[0])


def _indicator(walker: _Walker, node: ast.AST, args: list[Basic]) -> Basic:
    if len(args) != 1 or not isinstance(args[0], sympy.logic.boolalg.Boolean):
        raise walker.fail(node, "write Indicator(condition), e.g. Indicator(x > 0)")
    return sympy.Piecewise((1, args[0]), (0, True))


def _one_argument(function: Callable[[Basic], Basic]) -> Callable[[_Walker, ast.AST, list[Basic]], Basic]:
    """A structural call of exactly one argument, such as trace(A)."""
    def call(walker: _Walker, node: ast.AST, args: list[Basic]) -> Basic:
        if len(args) != 1:
            raise walker.fail(node, f"'{node.func.id}' takes one argument")  # type: ignore[attr-defined]
        return function(args[0])
    return call


def _hadamard(walker: _Walker, node: ast.AST, args: list[Basic]) -> Basic:
    if len(args) < 2:
        raise walker.fail(node, "write hadamard(A, B) with two matrices of one shape")
    return reduce(arithmetic.hadamard, args)


_STRUCTURAL: dict[str, Callable[[_Walker, ast.AST, list[Basic]], Basic]] = {
    "Matrix": _explicit_matrix,
    "Eq": lambda w, n, a: sympy.Eq(*a, evaluate=False),
    "Piecewise": _piecewise,
    "Sum": _sum,
    "FiniteSet": lambda w, n, a: sympy.FiniteSet(*a),
    "Tuple": lambda w, n, a: sympy.Tuple(*a),
    "Indicator": _indicator,
    "Derivative": _derivative,
    **dict.fromkeys(("Transpose", "transpose"), _one_argument(arithmetic.transpose)),
    **dict.fromkeys(("Inverse", "inverse", "inv"), _one_argument(arithmetic.inverse)),
    **dict.fromkeys(("Trace", "trace", "tr"), _one_argument(arithmetic.trace)),
    **dict.fromkeys(("det", "Determinant"), _one_argument(arithmetic.determinant)),
    **{name: (lambda w, n, a: structures.diag(*a)) for name in ("diag", "DiagMatrix")},
    "softmax": _one_argument(structures.softmax),
    **{name: (lambda w, n, a: _identity(w, n, a)) for name in ("Identity", "eye")},
    "hadamard": _hadamard,
}

_RELATIONS: dict[type[ast.cmpop], str] = {ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=", ast.NotEq: "!="}
_OPERATIONS: dict[type[ast.operator], Callable[[Basic, Basic], Basic]] = {
    ast.Add: arithmetic.add,
    ast.Sub: arithmetic.subtract,
    ast.Mult: arithmetic.multiply,
    ast.MatMult: arithmetic.multiply,
    ast.Div: arithmetic.divide,
}


def _describe(node: object) -> str:
    names = {"Lambda": "lambda", "JoinedStr": "f-string", "ListComp": "comprehension", "Starred": "*"}
    kind = type(node).__name__
    return names.get(kind, kind)


def _short(error: Exception) -> str:
    text = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return text[:120]
