"""Computational graphs: decompose an expression (or named assignments) into elementary
operations, the way a student draws the graph (+, ×, negate, reciprocal, power, sin, exp...)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import sympy
from sympy import Expr, Function, Symbol

from ._errors import UnsupportedInput

__all__ = ["GraphNode", "ComputationalGraph", "build_graph", "graph_from_assignments", "Bar"]


class Bar(Function):
    """The adjoint (upstream gradient) of a node, printed as a bar: ``\\bar{v}_3``."""

    nargs = 1

    def _latex(self, printer, exp=None):
        text = rf"\bar{{{printer._print(self.args[0])}}}"
        return text if exp is None else rf"{text}^{{{exp}}}"

    def _sympystr(self, printer):
        return f"bar({printer._print(self.args[0])})"


@dataclass(frozen=True)
class GraphNode:
    """A node ``name = expr`` computed by ``operation`` from ``inputs`` (nodes or constants)."""

    name: Symbol
    operation: str
    inputs: tuple[Expr, ...]
    expr: Expr

    def local_partial(self, parent_input: Symbol) -> Expr:
        """d(name)/d(input) in terms of the node's inputs, and of its own name where the
        derivative repeats the node (d e^u / du = e^u is written as the node's name)."""
        return sympy.diff(self.expr, parent_input).subs(self.expr, self.name)


@dataclass(frozen=True)
class ComputationalGraph:
    """Input symbols and operation nodes in evaluation (topological) order."""

    inputs: tuple[Symbol, ...]
    nodes: tuple[GraphNode, ...]

    @property
    def output(self) -> Symbol:
        """The last node: the function's value."""
        return self.nodes[-1].name

    def children_of(self, name: Symbol) -> tuple[GraphNode, ...]:
        """Nodes that take ``name`` as an input (the parents in backprop's sense)."""
        return tuple(node for node in self.nodes if name in node.inputs)

    def definitions(self) -> dict[Symbol, Expr]:
        """Each node's expression in terms of the graph inputs."""
        expanded: dict[Symbol, Expr] = {}
        for node in self.nodes:
            expanded[node.name] = node.expr.subs(expanded)
        return expanded


def _operation(expr: Expr) -> str:
    """The elementary operation at the root of ``expr``, in a student's words."""
    if expr.is_Add:
        return "+"
    if expr.is_Mul:
        return "negate" if expr.args[0] == -1 and len(expr.args) == 2 else "×"
    if expr.is_Pow:
        if expr.exp == -1:
            return "reciprocal"
        if expr.exp == sympy.S.Half:
            return "sqrt"
        return f"power {expr.exp}" if expr.exp.is_Number else "pow"
    if isinstance(expr, sympy.Function):
        return type(expr).__name__
    raise UnsupportedInput(f"cannot decompose {expr!r} into elementary operations")


class _Namer:
    """Fresh node names v1, v2, ... avoiding names already used."""

    def __init__(self, taken: Iterable[str]) -> None:
        self.taken = set(taken)
        self.count = 0

    def fresh(self) -> Symbol:
        while True:
            self.count += 1
            name = f"v{self.count}"
            if name not in self.taken:
                self.taken.add(name)
                return Symbol(name)


class _Decomposer:
    """Turns expressions into nodes; shared subexpressions become one node."""

    def __init__(self, namer: _Namer) -> None:
        self.namer = namer
        self.nodes: list[GraphNode] = []
        self.seen: dict[Expr, Symbol] = {}

    def operand(self, expr: Expr, name: Symbol | None = None) -> Expr:
        """A symbol or constant standing for ``expr``, adding nodes as needed."""
        if expr.is_Symbol or expr.is_number:
            if name is None:
                return expr
            return self._add(GraphNode(name, "copy", (expr,), expr))
        if name is None and expr in self.seen:
            return self.seen[expr]
        operation = _operation(expr)
        inputs = self._inputs(expr, operation)
        local = self._local_expr(expr, operation, inputs)
        node = GraphNode(name or self.namer.fresh(), operation, inputs, local)
        self.seen.setdefault(expr, node.name)
        return self._add(node)

    def _inputs(self, expr: Expr, operation: str) -> tuple[Expr, ...]:
        if operation in ("negate",):
            return (self.operand(expr.args[1]),)
        if operation in ("reciprocal", "sqrt") or operation.startswith("power "):
            return (self.operand(expr.base),)
        return tuple(self.operand(arg) for arg in self._reading_order(expr))

    @staticmethod
    def _reading_order(expr: Expr) -> tuple[Expr, ...]:
        """Arguments as read: in a product, numerator factors before denominator factors."""
        if expr.is_Mul:
            return tuple(sorted(expr.args, key=lambda a: bool(a.is_Pow and a.exp.is_negative)))
        return expr.args

    @staticmethod
    def _local_expr(expr: Expr, operation: str, inputs: tuple[Expr, ...]) -> Expr:
        if operation == "negate":
            return -inputs[0]
        if operation in ("reciprocal", "sqrt") or operation.startswith("power "):
            return sympy.Pow(inputs[0], expr.exp)
        return expr.func(*inputs)

    def _add(self, node: GraphNode) -> Symbol:
        self.nodes.append(node)
        return node.name


def graph_from_assignments(assignments: Sequence[tuple[Symbol, Expr]] | Sequence[sympy.Eq],
                           inputs: Sequence[Symbol] | None = None) -> ComputationalGraph:
    """Graph of named assignments ``[(u, a*b), (v, u + c), (L, v**2)]`` (or ``Eq``s); each
    right side is decomposed further into elementary nodes if it is not elementary.

    >>> from sympy import symbols
    >>> a, b, c, u, v, L = symbols("a b c u v L")
    >>> g = graph_from_assignments([(u, a*b), (v, u + c), (L, v**2)])
    >>> [(str(n.name), n.operation) for n in g.nodes], g.inputs
    ([('u', '×'), ('v', '+'), ('L', 'power 2')], (a, b, c))
    """
    pairs = [(a.lhs, a.rhs) if isinstance(a, sympy.Equality) else tuple(a) for a in assignments]
    defined = [name for name, _ in pairs]
    used = set().union(*(sympy.sympify(rhs).free_symbols for _, rhs in pairs))
    inputs = tuple(inputs) if inputs else tuple(sorted(used - set(defined), key=sympy.default_sort_key))
    decomposer = _Decomposer(_Namer(s.name for s in used | set(defined)))
    for name, rhs in pairs:
        decomposer.operand(sympy.sympify(rhs), name)
    return ComputationalGraph(inputs, tuple(decomposer.nodes))


def build_graph(expr: Expr, inputs: Sequence[Symbol] | None = None, output: str = "f") -> ComputationalGraph:
    """Graph of one expression; the output node is called ``output`` (``f``).

    >>> from sympy import symbols, sin, exp
    >>> x, y, z = symbols("x y z")
    >>> g = build_graph((x*y + sin(z)) / (1 + exp(-x)), [x, y, z])
    >>> [n.operation for n in g.nodes]
    ['×', 'sin', '+', 'negate', 'exp', '+', 'reciprocal', '×']
    """
    name = Symbol(output)
    if name in expr.free_symbols:
        raise UnsupportedInput(f"the output name {output!r} is used in the expression")
    return graph_from_assignments([(name, expr)], inputs)
