"""derivecheck's checker: read untrusted answers safely and decide equivalence.

>>> from checkers import check
>>> check("sigmoid(x)*(1 - sigmoid(x))", "exp(-x)/(1+exp(-x))**2").status.value
'correct'
"""

from derive._functions import lower, relu, sigmoid, softplus
from derive._mistakes import BuggyResult

from ._budget import Budget, BudgetExpired
from ._check import check, read_expected
from ._definitions import expand_definitions, read_definitions
from ._diagnosis import Finding, diagnose
from ._errors import BudgetExceeded, DerivecheckError, ExitCode, InvalidAnswer, UsageError
from ._limits import DEFAULT_LIMITS, Limits
from ._read import read_answer
from ._reading import Reading
from ._verdict import Diagnosis, Evidence, Method, Mistake, Status, Verdict
from ._vocabulary import Vocabulary

__all__ = [
    "check",
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
