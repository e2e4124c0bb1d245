"""The constants every reader knows unless the vocabulary gives the name another meaning
(the functions are in :mod:`checkers._functions`).

>>> CONSTANTS["e"], CONSTANTS["pi"]
(E, pi)
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

import sympy
from sympy import E, pi

__all__ = ["CONSTANTS"]

CONSTANTS: Mapping[str, sympy.Basic] = MappingProxyType(
    {"e": E, "E": E, "pi": pi, "π": pi, "oo": sympy.oo, "inf": sympy.oo, "infty": sympy.oo}
)
