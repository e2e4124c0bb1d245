"""One entry point by name, for the command line: ``derive_by_name(what, expr, wrt, **options)``."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Sequence

import sympy

from ._convexity import convexity
from ._critical import critical_points
from ._differentiate import differentiate
from ._directional import directional_derivative, steepest_directions
from ._errors import UnsupportedInput
from ._graph import computational_graph
from ._implicit import implicit_derivative
from ._interval import global_extrema, mean_value_points
from ._kkt import kkt
from ._matrix_calculus import matrix_gradient, matrix_hessian, matrix_jacobian
from ._matrix_examples import matrix_example
from ._normal_equations import least_squares_minimiser
from ._partials import gradient, jacobian, partial_derivative
from ._second_order import hessian, mixed_partial
from ._steps import Derivation

__all__ = ["derive_by_name", "WHATS"]


def _variables(expr, wrt: Sequence) -> tuple:
    if wrt:
        return tuple(wrt)
    symbols = getattr(expr, "free_symbols", set())
    return tuple(sorted(symbols, key=sympy.default_sort_key))


def _one(expr, wrt) -> sympy.Symbol:
    variables = _variables(expr, wrt)
    if len(variables) != 1 and not wrt:
        raise UnsupportedInput(f"say which variable to differentiate by (wrt); {expr} has {len(variables)}")
    return variables[0]


def _pair(expr, wrt):
    variables = _variables(expr, wrt)
    if len(variables) != 2:
        raise UnsupportedInput("implicit differentiation needs wrt = (x, y)")
    return variables


_HANDLERS: dict[str, Callable[..., Derivation]] = {
    "derivative": lambda e, w, **o: differentiate(e, _one(e, w), **o),
    "partial": lambda e, w, **o: partial_derivative(e, _one(e, w), **o),
    "gradient": lambda e, w, **o: gradient(e, _variables(e, w), **o),
    "jacobian": lambda e, w, **o: jacobian(e, _variables(sympy.Matrix(list(e)), w), **o),
    "hessian": lambda e, w, **o: hessian(e, _variables(e, w), **o),
    "mixed_partial": lambda e, w, **o: mixed_partial(e, _variables(e, w), **o),
    "directional": lambda e, w, **o: directional_derivative(e, _variables(e, w), **o),
    "steepest": lambda e, w, **o: steepest_directions(e, _variables(e, w), **o),
    "implicit": lambda e, w, **o: implicit_derivative(e, *_pair(e, w), **o),
    "graph": lambda e, w, **o: computational_graph(e, tuple(w) or None, **o),
    "critical": lambda e, w, **o: critical_points(e, _variables(e, w), **o),
    "convexity": lambda e, w, **o: convexity(e, _variables(e, w), **o),
    "extrema": lambda e, w, **o: global_extrema(e, _one(e, w), **o),
    "mvt": lambda e, w, **o: mean_value_points(e, _one(e, w), **o),
    "kkt": lambda e, w, **o: kkt(e, _variables(e, w), **o),
    "matrix_gradient": lambda e, w, **o: matrix_gradient(e, w[0], **o),
    "matrix_jacobian": lambda e, w, **o: matrix_jacobian(e, w[0], **o),
    "matrix_hessian": lambda e, w, **o: matrix_hessian(e, w[0], **o),
    "matrix_example": lambda e, w, **o: matrix_example(str(e), **o),
    "least_squares_minimiser": lambda e, w, **o: least_squares_minimiser(e, w[0], **o),
}

_TARGETS = {
    "derivative": differentiate, "partial": partial_derivative, "gradient": gradient,
    "jacobian": jacobian, "hessian": hessian, "mixed_partial": mixed_partial,
    "directional": directional_derivative, "steepest": steepest_directions,
    "implicit": implicit_derivative, "graph": computational_graph, "critical": critical_points,
    "convexity": convexity, "extrema": global_extrema, "mvt": mean_value_points, "kkt": kkt,
    "matrix_gradient": matrix_gradient, "matrix_jacobian": matrix_jacobian,
    "matrix_hessian": matrix_hessian, "matrix_example": matrix_example,
    "least_squares_minimiser": least_squares_minimiser,
}

WHATS: tuple[str, ...] = tuple(_HANDLERS)
"""Every name ``derive_by_name`` accepts."""


def _check_options(what: str, options: dict) -> None:
    parameters = inspect.signature(_TARGETS[what]).parameters
    allowed = {name for name, p in parameters.items() if p.kind in (p.KEYWORD_ONLY, p.POSITIONAL_OR_KEYWORD)}
    unknown = set(options) - allowed
    if unknown:
        raise UnsupportedInput(f"--what {what} does not take option(s) {', '.join(sorted(unknown))}")


def derive_by_name(what: str, expr, wrt: Sequence = (), **options) -> Derivation:
    """Derive ``what`` for ``expr`` with respect to ``wrt``; the command line's entry point.

    ``what`` is one of :data:`WHATS`:

    - ``derivative`` / ``partial``: d expr / d wrt[0] (wrt may be empty for one free symbol);
      option ``tidy`` (bool).
    - ``gradient``, ``hessian``: over ``wrt`` (default: the free symbols, sorted); option
      ``point`` (sequence in wrt order, or a mapping).
    - ``jacobian``: ``expr`` is a sequence / Matrix of components; option ``point``.
    - ``mixed_partial``: differentiate by ``wrt`` in order (Clairaut check for two variables).
    - ``directional``: option ``direction`` (required) and ``point``; ``steepest``: option
      ``point`` (max rate |grad f|, its direction, zero-change directions).
    - ``implicit``: ``expr`` an Eq or F (meaning F = 0), ``wrt = (x, y)``; option ``point``.
    - ``graph``: ``expr`` an expression or a sequence of assignments ``(name, rhs)`` / Eq;
      ``wrt`` the inputs; options ``point``, ``forward_mode``.
    - ``critical``, ``convexity``: over ``wrt``.
    - ``extrema``, ``mvt``: wrt[0], option ``interval=(a, b)``.
    - ``kkt``: minimise ``expr`` over ``wrt``; options ``inequalities`` (``g <= 0`` or
      relations), ``equalities``.
    - ``matrix_gradient``, ``matrix_jacobian``, ``matrix_hessian``: ``wrt[0]`` a
      MatrixSymbol; ``matrix_example``: ``expr`` names an exercise of ``MATRIX_EXAMPLES``;
      ``least_squares_minimiser``: the gradient in ``wrt[0]`` set to zero and solved.

    Raises :class:`UnsupportedInput` for an unknown ``what`` or option, and
    :class:`DerivationError` subclasses when the derivation is impossible.

    >>> from sympy import symbols
    >>> x, y = symbols("x y")
    >>> derive_by_name("gradient", x**2*y, [x, y], point=(1, 2)).result.T
    Matrix([[4, 1]])
    """
    if what not in _HANDLERS:
        raise UnsupportedInput(f"unknown derivation {what!r}; choose from {', '.join(WHATS)}")
    _check_options(what, options)
    return _HANDLERS[what](expr, tuple(wrt or ()), **options)
