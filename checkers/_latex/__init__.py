r"""derivecheck's LaTeX reader: screen, tokenize, then read structure against the vocabulary.

>>> from sympy import symbols
>>> from checkers._vocabulary import Vocabulary
>>> read_latex(r"\frac{x}{2} = y", Vocabulary.from_objects(symbols("x y"))).members
(x/2, y)
"""

from __future__ import annotations

from ._reader import read_latex

__all__ = ["read_latex"]
