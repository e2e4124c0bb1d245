"""Read variable declarations such as ``x:positive`` or ``A:matrix(m,n),symmetric``.

A declaration is ``NAME[:KIND[,KIND...]]`` where each KIND is an assumption
(``real``, ``positive``, ``nonnegative``, ``negative``, ``integer``, ``nonzero``), a shape
(``matrix(m,n)``, ``vector(n)``), ``symmetric`` / ``positive_definite`` for square
matrices, ``indexed`` (a family x_i) or ``function`` (an unknown function f(...)).

>>> objects, facts = read_declarations(["x:positive", "A:matrix(n,n),symmetric"])
>>> [str(o) for o in objects], [str(f) for f in facts]
(['x', 'A'], ['Q.symmetric(A)'])
>>> objects[0].is_positive
True
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import sympy
from sympy import Basic, Q

from ._errors import UsageError
from ._names import canonical_name

__all__ = ["read_declarations"]

_ASSUMPTIONS = {"real", "positive", "nonnegative", "negative", "nonpositive", "integer", "nonzero"}
_MATRIX_FACTS = {"symmetric": Q.symmetric, "positive_definite": Q.positive_definite}
_NAME = r"[A-Za-z][A-Za-z0-9_]*"
_DECLARATION = re.compile(rf"^\s*(?P<name>{_NAME})\s*(?::\s*(?P<kinds>.*))?$")
_KIND = re.compile(rf"\s*(?P<word>[a-z_]+)\s*(?:\((?P<args>\s*{_NAME}(?:\s*,\s*{_NAME})*\s*|\s*\d+(?:\s*,\s*\d+)*\s*)\))?\s*")


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
    unknown = [
        word for word, _ in kinds if word not in _ASSUMPTIONS | set(_MATRIX_FACTS) | {"matrix", "vector", "indexed", "function"}
    ]
    if unknown:
        raise UsageError(
            f"unknown kind {unknown[0]!r} in {text!r}; kinds: {', '.join(sorted(_ASSUMPTIONS | set(_MATRIX_FACTS)))}, "
            "matrix(m,n), vector(n), indexed, function"
        )
    if any(word == "function" for word, _ in kinds):
        return sympy.Function(name), []
    if any(word == "indexed" for word, _ in kinds):
        return sympy.IndexedBase(name, real=True), []
    if shape is not None:
        symbol = _matrix(name, *shape, text)
        return symbol, [_MATRIX_FACTS[word](symbol) for word, _ in kinds if word in _MATRIX_FACTS]
    if "integer" not in assumptions:
        assumptions.setdefault("real", True)
    return sympy.Symbol(name, **assumptions), []


def _split_kinds(kinds: str, text: str) -> list[tuple[str, list[str]]]:
    found, position = [], 0
    while position < len(kinds):
        match = _KIND.match(kinds, position)
        if match is None or match.end() == position:
            raise UsageError(f"cannot read the kinds in {text!r} near {kinds[position:]!r}")
        args = [a.strip() for a in match["args"].split(",")] if match["args"] else []
        found.append((match["word"], args))
        position = match.end()
        if position < len(kinds) and kinds[position] == ",":
            position += 1
    return found


def _dimension(text: str) -> Basic:
    return sympy.Integer(int(text)) if text.isdigit() else sympy.Symbol(text, integer=True, positive=True)


def _matrix(name: str, word: str, args: list[str], text: str) -> sympy.MatrixSymbol:
    if word == "vector" and len(args) == 1:
        return sympy.MatrixSymbol(name, _dimension(args[0]), 1)
    if word == "matrix" and len(args) == 2:
        return sympy.MatrixSymbol(name, _dimension(args[0]), _dimension(args[1]))
    raise UsageError(f"{text!r}: write matrix(ROWS,COLS) or vector(N)")
