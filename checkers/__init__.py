"""derivecheck's checker: read untrusted answers safely and decide equivalence.

>>> from checkers import check
>>> check("sigmoid(x)*(1 - sigmoid(x))", "exp(-x)/(1+exp(-x))**2").status.value
'correct'

Names are imported on first use (:func:`derive._lazy.lazy_exports`): reading and checking one
answer does not load the work checker, the diagnosis of a correct answer or the LaTeX reader
for plain text.
"""

from derive._lazy import lazy_exports

__all__ = [
    "check",
    "check_work",
    "WorkVerdict",
    "WorkRow",
    "read_answer",
    "read_expected",
    "read_definitions",
    "expand_definitions",
    "Verdict",
    "Diagnosis",
    "BuggyResult",
    "Finding",
    "diagnose",
    "Mistake",
    "Status",
    "Method",
    "Evidence",
    "Reading",
    "Vocabulary",
    "Limits",
    "DEFAULT_LIMITS",
    "Budget",
    "BudgetExpired",
    "DerivecheckError",
    "UsageError",
    "InvalidAnswer",
    "BudgetExceeded",
    "ExitCode",
    "sigmoid",
    "softplus",
    "relu",
    "lower",
]

_SUBMODULE_EXPORTS = {
    "_budget": "Budget BudgetExpired",
    "_check": "check read_expected",
    "_definitions": "expand_definitions read_definitions",
    "_diagnosis": "Finding diagnose",
    "_errors": "BudgetExceeded DerivecheckError ExitCode InvalidAnswer UsageError",
    "_limits": "DEFAULT_LIMITS Limits",
    "_read": "read_answer",
    "_reading": "Reading",
    "_verdict": "Diagnosis Evidence Method Mistake Status Verdict",
    "_vocabulary": "Vocabulary",
    "_work": "check_work",
    "_work_verdict": "WorkRow WorkVerdict",
    "derive._functions": "lower relu sigmoid softplus",
    "derive._mistakes": "BuggyResult",
}
__getattr__, __dir__ = lazy_exports(__name__, _SUBMODULE_EXPORTS)
