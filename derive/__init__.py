"""derive: worked, step-by-step derivations for ML-course calculus and optimization.

Every public function takes sympy objects and returns a :class:`Derivation`: the sympy
``result`` and a tree of :class:`Step` objects, rendered by ``to_text()``, ``to_latex()``,
``to_markdown()`` and ``to_dict()``. :func:`derive_by_name` is the single entry point
the command line uses.
"""

from ._buggy_rules import buggy_derivatives, buggy_results
from ._convexity import convexity
from ._critical import critical_points
from ._differentiate import differentiate
from ._directional import directional_derivative, steepest_directions
from ._dispatch import WHATS, derive_by_name
from ._errors import BudgetExceeded, DerivationError, DerivecheckError, ExitCode, NoSolution, UnsupportedInput
from ._fisher import gaussian_fisher_information
from ._functions import ACTIVATIONS, lower, relu, sigmoid, softplus
from ._graph import computational_graph, graph_derivation
from ._graph_build import Bar, ComputationalGraph, GraphNode, build_graph, graph_from_assignments
from ._graph_passes import backward_table, forward_table, tangent_table
from ._implicit import implicit_derivative
from ._interval import global_extrema, mean_value_points
from ._kkt import kkt
from ._labels import (
    AFFINE,
    CONCAVE,
    CONVEX,
    INCONCLUSIVE,
    LOCAL_MAX,
    LOCAL_MIN,
    NEITHER,
    NO,
    NOT_EXTREMUM,
    SADDLE,
    YES,
    Label,
)
from ._matrix_calculus import matrix_gradient, matrix_hessian, matrix_jacobian
from ._matrix_examples import MATRIX_EXAMPLES, cross_entropy_loss, logistic_loss, matrix_example
from ._matrix_objects import Diag, Differential, Elementwise, LogSumExp, Softmax, SquaredNorm, Tr, elementwise
from ._mistakes import BuggyResult, Mistake
from ._partials import gradient, jacobian, partial_derivative
from ._second_order import hessian, mixed_partial
from ._steps import NO_RULE, Derivation, Step

__all__ = [
    "derive_by_name", "WHATS",
    "Derivation", "Step", "NO_RULE", "Mistake", "BuggyResult", "buggy_results", "buggy_derivatives",
    "DerivecheckError", "DerivationError", "UnsupportedInput", "NoSolution", "BudgetExceeded", "ExitCode",
    "sigmoid", "softplus", "relu", "lower", "ACTIVATIONS",
    "Label", "CONVEX", "CONCAVE", "AFFINE", "NEITHER", "LOCAL_MIN", "LOCAL_MAX", "SADDLE", "NOT_EXTREMUM",
    "INCONCLUSIVE", "YES", "NO",
    "differentiate", "partial_derivative", "gradient", "jacobian", "hessian", "mixed_partial",
    "implicit_derivative", "directional_derivative", "steepest_directions",
    "computational_graph", "graph_derivation", "build_graph", "graph_from_assignments",
    "ComputationalGraph", "GraphNode", "Bar", "forward_table", "backward_table", "tangent_table",
    "critical_points", "convexity", "global_extrema", "mean_value_points", "kkt",
    "matrix_gradient", "matrix_jacobian", "matrix_hessian", "matrix_example", "MATRIX_EXAMPLES",
    "logistic_loss", "cross_entropy_loss", "gaussian_fisher_information",
    "Elementwise", "elementwise", "Diag", "Softmax", "LogSumExp", "SquaredNorm", "Tr", "Differential",
]
