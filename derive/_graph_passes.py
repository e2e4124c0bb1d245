"""Forward pass, reverse-mode adjoints and forward-mode tangents on a computational graph.

Values are exact sympy numbers where possible, with floats alongside; without a point the
adjoints are symbolic in the node names (dL/da = 2 v b).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import sympy
from sympy import Expr, Symbol

from ._graph_build import Bar, ComputationalGraph

__all__ = ["ForwardRow", "BackwardRow", "TangentRow", "forward_table", "backward_table", "tangent_table"]


@dataclass(frozen=True)
class ForwardRow:
    """One node of the forward pass: ``name = definition``, its value (exact and float)."""

    name: Symbol
    operation: str
    inputs: tuple[Expr, ...]
    definition: Expr
    value: Expr | None
    number: float | None


@dataclass(frozen=True)
class BackwardRow:
    """One adjoint: ``bar(name) = sum over children of bar(child) * d child / d name``."""

    name: Symbol
    formula: Expr
    symbolic: Expr
    value: Expr | None
    number: float | None


@dataclass(frozen=True)
class TangentRow:
    """One forward-mode tangent: ``dot(name) = sum over inputs of d name / d input * dot(input)``."""

    name: Symbol
    seed: Symbol
    symbolic: Expr
    value: Expr | None
    number: float | None


def _exact(expr: Expr) -> Expr:
    """The exact value over one denominator, the sign in front: (sqrt(2)/2 + 2)/(e^-1 + 1)
    becomes e (sqrt(2) + 4) / (2 (1 + e)). Only ``together`` (cheap), no simplification.

    >>> from sympy import sqrt, exp
    >>> _exact((sqrt(2)/2 + 2) / (exp(-1) + 1))
    E*(sqrt(2) + 4)/(2*(1 + E))
    """
    if not expr.is_number:
        return expr
    combined = sympy.together(expr)
    return -sympy.together(-expr) if combined.could_extract_minus_sign() else combined


def _float(expr: Expr | None) -> float | None:
    if expr is None:
        return None
    number = sympy.N(expr, 15)
    return float(number) if number.is_real else None


def node_values(graph: ComputationalGraph, point: Mapping[Symbol, Expr]) -> dict[Symbol, Expr]:
    """Exact value of every input and node at ``point`` (empty without a point)."""
    if not point:
        return {}
    values = dict(point)
    for node in graph.nodes:
        values[node.name] = _exact(node.expr.subs(values))
    return values


def forward_table(graph: ComputationalGraph, point: Mapping[Symbol, Expr] | None = None) -> tuple[ForwardRow, ...]:
    """The forward pass: every node with its definition and value at ``point``."""
    values = node_values(graph, point or {})
    return tuple(
        ForwardRow(n.name, n.operation, n.inputs, n.expr, values.get(n.name), _float(values.get(n.name)))
        for n in graph.nodes
    )


def _adjoint_formula(graph: ComputationalGraph, name: Symbol) -> Expr:
    """Sum over the nodes using ``name`` of bar(child) * (local partial), unevaluated."""
    terms = [sympy.Mul(Bar(child.name), child.local_partial(name), evaluate=False)
             for child in graph.children_of(name)]
    return sympy.Add(*terms, evaluate=False) if len(terms) > 1 else terms[0]


def backward_table(graph: ComputationalGraph, point: Mapping[Symbol, Expr] | None = None) -> tuple[BackwardRow, ...]:
    """Reverse mode: adjoints from the output back to the inputs (output adjoint is 1)."""
    values = node_values(graph, point or {})
    symbolic: dict[Symbol, Expr] = {graph.output: sympy.S.One}
    rows = [BackwardRow(graph.output, sympy.S.One, sympy.S.One, sympy.S.One if values else None, 1.0 if values else None)]
    order = [n.name for n in reversed(graph.nodes[:-1])] + list(graph.inputs)
    for name in order:
        formula = _adjoint_formula(graph, name)
        symbolic[name] = formula.subs({Bar(k): v for k, v in symbolic.items()})
        value = _exact(symbolic[name].subs(values)) if values else None
        rows.append(BackwardRow(name, formula, symbolic[name], value, _float(value)))
    return tuple(rows)


def tangent_table(graph: ComputationalGraph, seed: Symbol, point: Mapping[Symbol, Expr] | None = None) -> tuple[TangentRow, ...]:
    """Forward mode with tangent seed d(seed) = 1: d(node)/d(seed) for every node."""
    values = node_values(graph, point or {})
    tangents: dict[Expr, Expr] = {v: sympy.S.One if v == seed else sympy.S.Zero for v in graph.inputs}
    rows = []
    for node in graph.nodes:
        tangent = sum((node.local_partial(i) * tangents.get(i, 0) for i in node.inputs if not i.is_number),
                      sympy.S.Zero)
        tangents[node.name] = tangent
        value = _exact(tangent.subs(values)) if values else None
        rows.append(TangentRow(node.name, seed, tangent, value, _float(value)))
    return tuple(rows)
