"""Hand sympy objects read by ``checkers`` to ``derive`` (each package has its own ML functions).

>>> import checkers, derive
>>> from sympy import Symbol
>>> type(to_derive(checkers.sigmoid(Symbol("x")))) is derive.sigmoid
True
"""

from __future__ import annotations

from sympy import Basic

import checkers
import derive

__all__ = ["to_derive"]

_FUNCTIONS = {checkers.sigmoid: derive.sigmoid, checkers.softplus: derive.softplus, checkers.relu: derive.relu}


def to_derive(obj: Basic) -> Basic:
    """``obj`` with the checker's sigmoid / softplus / ReLU replaced by derive's."""
    if not isinstance(obj, Basic):
        return obj
    for source, target in _FUNCTIONS.items():
        obj = obj.replace(lambda e, s=source: isinstance(e, s), lambda e, t=target: t(*e.args))
    return obj


