"""derivecheck's exercise bank and command line (built on ``derive`` and ``checkers``).

Names are imported on first use (``problems.bank`` is a submodule), so the command line
loads only what a command needs.

>>> from problems import bank
>>> bank.get("ch2-solutions.2").check("2x cos(x^2) e^{sin(x^2)}", part="deriv").status.value
'correct'
"""

from derive._lazy import lazy_exports

__all__ = ["bank", "Problem", "Part", "Source", "Policy", "ANSWER_KINDS", "grade_many"]

_SUBMODULE_EXPORTS = {
    "bank": "bank",
    "_grading": "grade_many",
    "_model": "ANSWER_KINDS Part Policy Problem Source",
}
__getattr__, __dir__ = lazy_exports(__name__, _SUBMODULE_EXPORTS)
