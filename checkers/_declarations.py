"""Read variable declarations such as ``x:positive`` or ``A:matrix(m,n),symmetric``.

A declaration is ``NAME[:KIND[,KIND...]]`` where each KIND is an assumption
(``real``, ``positive``, ``nonnegative``, ``negative``, ``integer``, ``nonzero``), a shape
(``matrix(m,n)``, ``vector(n)``), ``symmetric`` / ``positive_definite`` for square
matrices, ``indexed`` (a family x_i), ``function`` (an unknown function f(...)) or a
stated domain ``interval(a,b)`` (the open interval a < x < b; ``oo`` for no bound), which
sets the sign assumptions it implies and bounds the test points (a ``Contains`` fact).

>>> objects, facts = read_declarations(["x:positive", "A:matrix(n,n),symmetric"])
>>> [str(o) for o in objects], [str(f) for f in facts]
(['x', 'A'], ['Q.symmetric(A)'])
>>> objects[0].is_positive
True
>>> objects, facts = read_declarations(["x:interval(0,pi/2)"])
>>> objects[0].is_positive, facts
(True, [Contains(x, Interval.open(0, pi/2))])
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import sympy
from sympy import Basic

from ._errors import InvalidAnswer, UsageError
from ._names import canonical_name
from ._read import read_answer
from ._vocabulary import Vocabulary

__all__ = ["read_declarations", "domain_fact", "describe_domain"]

_ASSUMPTIONS = {"real", "positive", "nonnegative", "negative", "nonpositive", "integer", "nonzero"}
_MATRIX_FACTS = ("symmetric", "positive_definite")  # sympy predicates of the same names (Q.symmetric ...)
_NAME = r"[A-Za-z][A-Za-z0-9_]*"
_DECLARATION = re.compile(rf"^\s*(?P<name>{_NAME})\s*(?::\s*(?P<kinds>.*))?$")
_KIND = re.compile(r"\s*(?P<word>[a-z_]+)\s*(?:\((?P<args>(?:[^()]|\([^()]*\))*)\))?\s*")
_SIZE = re.compile(rf"^(?:{_NAME}|\d+)$")


def read_declarations(declarations: Iterable[str]) -> tuple[list[Basic], list[Basic]]:
    """Sympy objects and matrix assumptions for each declaration (UsageError if malformed)."""
    objects: list[Basic] = []
    facts: list[Basic] = []
    for text in declarations:
        obj, obj_facts = _read_one(text)
        objects.append(obj)
        facts.extend(obj_facts)
    return objects, facts


def _read_one(text: str) -> tuple[Basic, list[Basic]]:
    match = _DECLARATION.match(text) if len(text) < 200 else None
    if match is None:
        raise UsageError(f"cannot read the declaration {text!r}: write NAME:KIND, e.g. x:positive or A:matrix(m,n)")
    name = canonical_name(match["name"])
    kinds = _split_kinds(match["kinds"] or "real", text)
    assumptions = {word: True for word, _ in kinds if word in _ASSUMPTIONS}
    shape = next(((word, args) for word, args in kinds if word in ("matrix", "vector")), None)
    unknown = [word for word, _ in kinds
               if word not in _ASSUMPTIONS | set(_MATRIX_FACTS) | {"matrix", "vector", "indexed", "function", "interval"}]
    if unknown:
        raise UsageError(
            f"unknown kind {unknown[0]!r} in {text!r}; kinds: {', '.join(sorted(_ASSUMPTIONS | set(_MATRIX_FACTS)))}, "
            "matrix(m,n), vector(n), indexed, function, interval(a,b)"
        )
    interval = next((_interval(args, text) for word, args in kinds if word == "interval"), None)
    if interval is not None:
        assumptions.update(_signs(interval))
    if any(word == "function" for word, _ in kinds):
        return sympy.Function(name), []
    if any(word == "indexed" for word, _ in kinds):
        return sympy.IndexedBase(name, real=True), []
    if shape is not None:
        symbol = _matrix(name, *shape, text)
        return symbol, [_matrix_fact(word, symbol) for word, _ in kinds if word in _MATRIX_FACTS]
    if "integer" not in assumptions:
        assumptions.setdefault("real", True)
    symbol = sympy.Symbol(name, **assumptions)
    return symbol, [] if interval is None else [sympy.Contains(symbol, interval, evaluate=False)]


def _matrix_fact(word: str, symbol: Basic) -> Basic:
    """``Q.symmetric(A)`` for ``symmetric``: the predicate is looked up when a declaration names it
    (sympy's first use of a matrix predicate loads its matrix handlers).

    >>> _matrix_fact("positive_definite", sympy.MatrixSymbol("S", 2, 2))
    Q.positive_definite(S)
    """
    return getattr(sympy.Q, word)(symbol)


def domain_fact(symbol: sympy.Symbol, kind: str) -> Basic:
    """The fact that ``symbol`` lies in the interval ``interval(a,b)`` (for a part that states
    a narrower domain than its problem; the symbol keeps its own assumptions).

    >>> domain_fact(sympy.Symbol("x"), "interval(0, pi/2)")
    Contains(x, Interval.open(0, pi/2))
    """
    kinds = _split_kinds(kind, kind)
    if len(kinds) != 1 or kinds[0][0] != "interval":
        raise UsageError(f"a domain is written interval(a,b), not {kind!r}")
    return sympy.Contains(symbol, _interval(kinds[0][1], kind), evaluate=False)


def describe_domain(fact: Basic) -> str:
    """A domain fact in words a student reads: ``0 < x < pi/2``, ``kappa > 1``.

    >>> describe_domain(domain_fact(sympy.Symbol("kappa"), "interval(1, oo)"))
    'kappa > 1'
    """
    symbol, interval = fact.args
    low, high = (sympy.sstr(end) for end in (interval.start, interval.end))
    if interval.end is sympy.oo:
        return f"{symbol} > {low}"
    if interval.start is -sympy.oo:
        return f"{symbol} < {high}"
    return f"{low} < {symbol} < {high}"


def _interval(args: list[str], text: str) -> sympy.Interval:
    """The open interval of ``interval(a,b)``; ``oo`` / ``-oo`` leave a side unbounded."""
    if len(args) != 2:
        raise UsageError(f"{text!r}: write interval(a,b), e.g. x:interval(0,pi/2)")
    low, high = (_endpoint(arg, text) for arg in args)
    if (low < high) is not sympy.true:
        raise UsageError(f"{text!r}: the interval is empty")
    return sympy.Interval.open(low, high)


def _endpoint(arg: str, text: str) -> Basic:
    if arg.replace(" ", "") in ("oo", "+oo", "-oo"):
        return -sympy.oo if arg.strip().startswith("-") else sympy.oo
    try:
        value = read_answer(arg, Vocabulary()).value
    except InvalidAnswer:
        value = None
    if value is None or not value.is_number or not value.is_real:
        raise UsageError(f"{text!r}: an end of the interval must be a number such as 0, 1/2 or pi/2, not {arg!r}")
    return value


def _signs(interval: sympy.Interval) -> dict[str, bool]:
    """The sign assumptions an interval implies: (0, b) positive, (a, 0) negative."""
    if interval.start >= 0:
        return {"positive": True}
    if interval.end <= 0:
        return {"negative": True}
    return {}


def _split_kinds(kinds: str, text: str) -> list[tuple[str, list[str]]]:
    found, position = [], 0
    while position < len(kinds):
        match = _KIND.match(kinds, position)
        if match is None or match.end() == position:
            raise UsageError(f"cannot read the kinds in {text!r} near {kinds[position:]!r}")
        args = _arguments(match["args"]) if match["args"] else []
        found.append((match["word"], args))
        position = match.end()
        if position < len(kinds) and kinds[position] == ",":
            position += 1
    return found


def _arguments(text: str) -> list[str]:
    """The comma-separated arguments of a kind, commas inside parentheses kept."""
    parts, depth, current = [], 0, ""
    for char in text:
        depth += (char == "(") - (char == ")")
        if char == "," and depth == 0:
            parts.append(current.strip())
            current = ""
        else:
            current += char
    return [*parts, current.strip()]


def _dimension(text: str) -> Basic:
    return sympy.Integer(int(text)) if text.isdigit() else sympy.Symbol(text, integer=True, positive=True)


def _matrix(name: str, word: str, args: list[str], text: str) -> sympy.MatrixSymbol:
    if not all(_SIZE.match(arg) for arg in args):
        raise UsageError(f"{text!r}: a size is a name or a whole number, e.g. matrix(m,n) or vector(3)")
    if word == "vector" and len(args) == 1:
        return sympy.MatrixSymbol(name, _dimension(args[0]), 1)
    if word == "matrix" and len(args) == 2:
        return sympy.MatrixSymbol(name, _dimension(args[0]), _dimension(args[1]))
    raise UsageError(f"{text!r}: write matrix(ROWS,COLS) or vector(N)")
