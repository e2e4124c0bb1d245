"""derivecheck's exercise bank and command line (built on ``derive`` and ``checkers``).

>>> from problems import bank
>>> bank.get("ch2-solutions.2").check("2x cos(x^2) e^{sin(x^2)}", part="deriv").status.value
'correct'
"""

from . import bank
from ._grading import grade_many
from ._model import ANSWER_KINDS, Part, Policy, Problem, Source

__all__ = ["bank", "Problem", "Part", "Source", "Policy", "ANSWER_KINDS", "grade_many"]
