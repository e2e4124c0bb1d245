"""derive: worked, step-by-step derivations for ML-course calculus and optimization.

Every public function takes sympy objects and returns a :class:`Derivation`: the sympy
``result`` and a tree of :class:`Step` objects, rendered by ``to_text()``, ``to_latex()``,
``to_markdown()`` and ``to_dict()``. :func:`derive_by_name` is the single entry point
the command line uses.
"""

from ._lazy import lazy_exports

__all__ = [
    "derive_by_name", "WHATS",
    "Derivation", "Step", "NO_RULE", "Notation", "printed_in", "Mistake", "BuggyResult", "buggy_results", "buggy_derivatives",
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

_SUBMODULE_EXPORTS = {
    "_buggy_rules": "buggy_derivatives buggy_results",
    "_convexity": "convexity",
    "_critical": "critical_points",
    "_differentiate": "differentiate",
    "_directional": "directional_derivative steepest_directions",
    "_dispatch": "WHATS derive_by_name",
    "_errors": "BudgetExceeded DerivationError DerivecheckError ExitCode NoSolution UnsupportedInput",
    "_fisher": "gaussian_fisher_information",
    "_functions": "ACTIVATIONS lower relu sigmoid softplus",
    "_graph": "computational_graph graph_derivation",
    "_graph_build": "Bar ComputationalGraph GraphNode build_graph graph_from_assignments",
    "_graph_passes": "backward_table forward_table tangent_table",
    "_implicit": "implicit_derivative",
    "_interval": "global_extrema mean_value_points",
    "_kkt": "kkt",
    "_labels": "AFFINE CONCAVE CONVEX INCONCLUSIVE LOCAL_MAX LOCAL_MIN Label NEITHER NO NOT_EXTREMUM SADDLE YES",
    "_matrix_calculus": "matrix_gradient matrix_hessian matrix_jacobian",
    "_matrix_examples": "MATRIX_EXAMPLES cross_entropy_loss logistic_loss matrix_example",
    "_matrix_objects": "Diag Differential Elementwise LogSumExp Softmax SquaredNorm Tr elementwise",
    "_mistakes": "BuggyResult Mistake",
    "_notation": "Notation printed_in",
    "_partials": "gradient jacobian partial_derivative",
    "_second_order": "hessian mixed_partial",
    "_steps": "Derivation NO_RULE Step",
}
__getattr__, __dir__ = lazy_exports(__name__, _SUBMODULE_EXPORTS)
