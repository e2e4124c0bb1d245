"""Computational-graph derivations: forward pass, backward pass, forward-mode tangents."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import sympy
from sympy import Eq, Expr, ImmutableMatrix, Symbol

from ._graph_build import Bar, ComputationalGraph, build_graph, graph_from_assignments
from ._graph_passes import backward_table, forward_table, tangent_table
from ._partials import as_point
from ._steps import Derivation, Step

__all__ = ["computational_graph", "graph_derivation"]


def _number_note(value: Expr | None, number: float | None) -> str:
    """"≈ 0.731059" beside an exact value; nothing beside an integer, which is its own value."""
    return "" if number is None or getattr(value, "is_Integer", False) else f"≈ {number:.6g}"


def _forward_steps(graph: ComputationalGraph, point: dict) -> Step:
    rows = forward_table(graph, point)
    substeps = tuple(
        Step(f"{row.operation}", Eq(row.name, row.definition, evaluate=False),
             row.value if row.value is not None else row.definition, note=_number_note(row.value, row.number))
        for row in rows
    )
    rule = "forward pass" if point else "graph nodes (elementary operations)"
    definitions = tuple(Eq(k, v, evaluate=False) for k, v in point.items())
    return Step(rule, graph.output, rows[-1].value if point else graph.output,
                substeps=substeps, definitions=definitions)


def _backward_steps(graph: ComputationalGraph, point: dict) -> Step:
    rows = backward_table(graph, point)
    substeps = tuple(
        Step(f"adjoint of {row.name}", Eq(Bar(row.name), row.formula, evaluate=False),
             row.value if row.value is not None else row.symbolic, note=_number_note(row.value, row.number))
        for row in rows
    )
    return Step("backward pass (reverse mode)", Bar(graph.output), sympy.S.One, substeps=substeps,
                note="adjoint = sum over the nodes it feeds of their adjoint times the local partial")


def _tangent_steps(graph: ComputationalGraph, point: dict) -> tuple[Step, ...]:
    steps = []
    for seed in graph.inputs:
        rows = tangent_table(graph, seed, point)
        substeps = tuple(
            Step(f"tangent of {row.name}", sympy.Derivative(row.name, seed),
                 row.value if row.value is not None else row.symbolic, note=_number_note(row.value, row.number))
            for row in rows
        )
        steps.append(Step(f"forward mode, seed d{seed} = 1", sympy.Derivative(graph.output, seed),
                          substeps[-1].after, substeps=substeps))
    return tuple(steps)


def _gradient_result(graph: ComputationalGraph, point: dict) -> tuple[Step, ImmutableMatrix]:
    rows = {row.name: row for row in backward_table(graph, point)}
    if point:
        gradient = ImmutableMatrix([rows[v].value for v in graph.inputs])
        return Step("gradient (adjoints of the inputs)", ImmutableMatrix([Bar(v) for v in graph.inputs]),
                    gradient), gradient
    in_nodes = ImmutableMatrix([rows[v].symbolic for v in graph.inputs])
    definitions = graph.definitions()
    gradient = in_nodes.subs(definitions)
    names = tuple(Eq(k, v, evaluate=False) for k, v in definitions.items() if k != graph.output)
    return Step("gradient in terms of the inputs", in_nodes, gradient, definitions=names), gradient


def graph_derivation(graph: ComputationalGraph, *, point=None, forward_mode: bool = False) -> Derivation:
    """Worked forward and backward passes on ``graph`` (at ``point`` if given)."""
    at = as_point(point, graph.inputs)
    steps = [_forward_steps(graph, at), _backward_steps(graph, at)]
    if forward_mode:
        steps.extend(_tangent_steps(graph, at))
    final, gradient = _gradient_result(graph, at)
    steps.append(final)
    function = Eq(graph.output, graph.definitions()[graph.output], evaluate=False)
    return Derivation(gradient, tuple(steps), title="computational graph: forward and backward pass",
                      statement=function)


def computational_graph(function: Expr | Sequence, inputs: Sequence[Symbol] | None = None, *,
                        point: Mapping | Sequence | None = None, forward_mode: bool = False) -> Derivation:
    """Worked backpropagation through the computational graph of ``function``.

    ``function`` is an expression or a sequence of named assignments
    ``[(u, a*b), (v, u + c), (L, v**2)]`` (tuples or ``Eq``). The result is the gradient
    with respect to ``inputs`` (values at ``point`` if given, else symbolic).

    >>> from sympy import symbols, sin, exp, pi
    >>> x, y, z = symbols("x y z")
    >>> d = computational_graph((x*y + sin(z)) / (1 + exp(-x)), [x, y, z], point=(1, 2, pi/4))
    >>> [round(float(g), 5) for g in d.result]
    [1.99437, 0.73106, 0.51694]
    """
    if isinstance(function, (list, tuple)):
        graph = graph_from_assignments(function, inputs)
    else:
        graph = build_graph(sympy.sympify(function), inputs)
    return graph_derivation(graph, point=point, forward_mode=forward_mode)
