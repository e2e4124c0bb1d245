"""sympy objects as text and back, for the reference cache: ``srepr`` out, an allowlisted walk in.

:func:`dumps` writes sympy's ``srepr`` (undefined functions keep their assumptions);
:func:`loads` reads it back by walking the syntax tree and calling only sympy's and derive's
own constructors (classes derived from ``Basic``, sympy's singletons, ``Function`` and ``Q``'s
predicates) with literal arguments. Nothing is evaluated as Python: a cache file that was
tampered with can build sympy objects, never run code. What cannot be read raises ValueError.

>>> import sympy
>>> x = sympy.Symbol("x", positive=True)
>>> text = dumps(sympy.Function("f", real=True)(x) + sympy.pi * x**2)
>>> loads(text) == sympy.Function("f", real=True)(x) + sympy.pi * x**2
True
>>> loads("__import__('os')")
Traceback (most recent call last):
...
ValueError: not a sympy constructor: __import__
"""

from __future__ import annotations

import ast
import functools

import sympy
from sympy import Basic
from sympy.core.function import UndefinedFunction
from sympy.core.operations import AssocOp
from sympy.printing.repr import ReprPrinter

from checkers._python_syntax import parse_expression
from derive import _functions, _labels, _matrix_objects

__all__ = ["dumps", "loads"]

_LITERALS = (int, float, str, bool, type(None))
_POWERS = (sympy.Pow, sympy.MatPow)


class _Printer(ReprPrinter):
    """``srepr``, with sums and products written as their arguments in order (so that they read
    back as they were) and an undefined function's assumptions (``Function('f', real=True)``)."""

    def _print_Add(self, expr: Basic) -> str:
        return f"{type(expr).__name__}({', '.join(self._print(argument) for argument in expr.args)})"

    def _print_Mul(self, expr: Basic) -> str:
        return self._print_Add(expr)

    def _print_UndefinedFunction(self, expr: UndefinedFunction) -> str:
        given = {k: v for k, v in expr._kwargs.items() if k in expr._explicit_class_assumptions}
        return "Function(" + ", ".join([repr(expr.__name__), *(f"{k}={v!r}" for k, v in sorted(given.items()))]) + ")"


def dumps(value: object) -> str:
    """``value`` (a sympy object, or an undefined function) as text :func:`loads` reads back.

    >>> dumps(sympy.Function("g"))
    "Function('g')"
    """
    return _Printer().doprint(value)


def loads(text: str) -> object:
    """The sympy object ``text`` (written by :func:`dumps`) describes; ValueError if it is anything else."""
    try:
        return _build(parse_expression(text).body)
    except (SyntaxError, TypeError, RecursionError) as error:
        raise ValueError(f"not sympy text: {error}") from error


def _build(node: ast.AST) -> object:
    if isinstance(node, ast.Constant) and isinstance(node.value, _LITERALS):
        return node.value
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub) and isinstance(node.operand, ast.Constant):
        return -_number(node.operand.value)
    if isinstance(node, (ast.List, ast.Tuple)):
        items = [_build(item) for item in node.elts]
        return items if isinstance(node, ast.List) else tuple(items)
    if isinstance(node, ast.Name):
        return _constructor(node.id)
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "Q":
        return _predicate(node.attr)
    if isinstance(node, ast.Call):
        return _call(node)
    raise ValueError(f"not sympy text: {type(node).__name__}")


def _call(node: ast.Call) -> object:
    function = _build(node.func)
    if not (isinstance(function, type) or isinstance(function, UndefinedFunction)):
        raise ValueError("only constructors are called")
    arguments = [_build(argument) for argument in node.args]
    keywords = {keyword.arg: _build(keyword.value) for keyword in node.keywords if keyword.arg is not None}
    if len(keywords) != len(node.keywords):
        raise ValueError("no ** arguments")
    if isinstance(function, type) and (issubclass(function, AssocOp) or function in _POWERS):  # as written, not simplified
        keywords["evaluate"] = False
    return function(*arguments, **keywords)


def _number(value: object) -> int | float:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    raise ValueError("only a number is negated")


def _constructor(name: str) -> object:
    known = _constructors().get(name)
    if known is None:
        raise ValueError(f"not a sympy constructor: {name}")
    return known


def _predicate(name: str) -> object:
    predicate = getattr(sympy.Q, name, None) if not name.startswith("_") else None
    if not isinstance(predicate, sympy.assumptions.assume.Predicate):
        raise ValueError(f"not a predicate: Q.{name}")
    return predicate


@functools.cache
def _constructors() -> dict[str, object]:
    """Every name srepr may print: classes derived from Basic (a name two classes share is left out
    unless sympy or derive's function, label and matrix modules name it), sympy's singletons, ``Function``."""
    by_name: dict[str, object] = {}
    shared: set[str] = set()
    for cls in _subclasses(Basic):
        if isinstance(cls, UndefinedFunction) or cls.__name__.startswith("_"):
            continue
        if by_name.setdefault(cls.__name__, cls) is not cls:
            shared.add(cls.__name__)
    for name in shared:
        del by_name[name]
    for module in (sympy, _functions, _labels, _matrix_objects):
        by_name |= {name: value for name, value in vars(module).items()
                    if isinstance(value, Basic) or (isinstance(value, type) and issubclass(value, Basic))}
    by_name["Function"] = sympy.Function
    return by_name


def _subclasses(root: type) -> list[type]:
    found, stack = [], [root]
    while stack:
        cls = stack.pop()
        found.append(cls)
        stack.extend(cls.__subclasses__())
    return found
