"""Minimal LaTeX reading through latex2sympy2_extended's grammar (to be replaced)."""

from __future__ import annotations

import sympy
from latex2sympy2_extended.latex2sympy2 import latex2sympy

from .._errors import InvalidAnswer
from .._limits import DEFAULT_LIMITS, Limits
from .._names import canonical_name
from .._reading import Reading
from .._vocabulary import Vocabulary

__all__ = ["read_latex"]


def read_latex(text: str, vocabulary: Vocabulary, limits: Limits = DEFAULT_LIMITS) -> Reading:
    """Read a LaTeX answer against the vocabulary."""
    try:
        value = latex2sympy(text)
    except Exception as error:  # the grammar reports errors as many exception types
        raise InvalidAnswer(f"cannot read this LaTeX: {str(error).splitlines()[0][:120]}", text=text, position=0) from None
    renames = {s: vocabulary.lookup(s.name) for s in value.free_symbols if vocabulary.lookup(canonical_name(s.name)) is not None}
    members = tuple(value.args) if isinstance(value, sympy.Eq) else (value,)
    return Reading(tuple(m.xreplace(renames) for m in members), "latex", text)
