"""Answers with names the reference lacks: decided when the value does not depend on them.

An answer may use a name the reference does not know only when its value verifiably does
not depend on that name (``sin(x)^2 + cos(x)^2`` for ``1``): the derivative in each new name
is proved 0 *and* the value is the same at random points of both signs (a derivative of 0
alone would accept a piecewise constant such as ``sqrt(k/m) sqrt(m/k)``, which is -1 where
k/m < 0). Otherwise the answer stays invalid, and a name that looks like a typo of a known
one (``X`` for ``x``, ``x1`` for ``x_1``) is named in the message.

>>> from sympy import Symbol
>>> from ._vocabulary import Vocabulary
>>> vocabulary = Vocabulary.from_objects(Symbol("x", real=True))
>>> reading = read_with_new_names("sin(y)**2 + cos(y)**2 + x", vocabulary, notation="auto")
>>> reading.members
(x + sin(y)**2 + cos(y)**2,)
>>> suggestion("X", vocabulary)
'x'
"""

from __future__ import annotations

import sympy
from sympy import Basic

from ._budget import Budget
from ._errors import InvalidAnswer
from ._limits import DEFAULT_LIMITS, Limits
from ._names import canonical_name
from ._numeric import Undefined, Unevaluable, close, evaluate
from ._read import read_answer
from ._reading import Reading
from ._sampling import PointSampler, variables_of
from ._symbolic import prove_zero
from ._vocabulary import Vocabulary

__all__ = ["read_with_new_names", "suggestion", "new_names", "retry_with_new_names"]

_POINTS = 16
_PROOF_SECONDS = 0.5


def retry_with_new_names(error: InvalidAnswer, answer: object, vocabulary: Vocabulary, limits: Limits = DEFAULT_LIMITS,
                         *, notation: str) -> Reading:
    """After ``error``: the answer read with its new names when it does not depend on them;
    otherwise ``error`` is raised again, naming the known name a new one looks like a typo of."""
    reading = read_with_new_names(answer, vocabulary, limits, notation=notation)
    if reading is not None:
        return reading
    try:
        opened = read_answer(answer, vocabulary.opened(), limits, notation=notation)
    except InvalidAnswer:
        raise error from None
    hints = [meant for name in new_names(list(opened.members), vocabulary) if (meant := suggestion(name.name, vocabulary))]
    if hints:
        raise InvalidAnswer(f"{error.message} (did you mean {', '.join(hints)}?)", text=error.text,
                            position=error.position) from None
    raise error from None


def read_with_new_names(answer: object, vocabulary: Vocabulary, limits: Limits = DEFAULT_LIMITS, *,
                        notation: str) -> Reading | None:
    """The answer read with unknown names open, when it does not depend on them; else None."""
    try:
        reading = read_answer(answer, vocabulary.opened(), limits, notation=notation)
    except InvalidAnswer:
        return None
    values = [m for m in reading.members if isinstance(m, Basic)]
    extra = new_names(values, vocabulary)
    if not extra or not all(_independent(value, extra) for value in values):
        return None
    return reading


def new_names(values: list[Basic], vocabulary: Vocabulary) -> list[sympy.Symbol]:
    """The symbols of ``values`` that the vocabulary does not name."""
    found = {s for v in values for s in v.free_symbols if isinstance(s, sympy.Symbol)}
    return sorted((s for s in found if vocabulary.lookup(s.name) is None), key=str)


def _independent(value: Basic, extra: list[sympy.Symbol]) -> bool:
    """No dependence on ``extra``: the same value at random points of both signs, and no
    proof (within a short budget) that a derivative in a new name is nonzero."""
    if not isinstance(value, sympy.Expr) or not (value.free_symbols & set(extra)):
        return not isinstance(value, Basic) or not (value.free_symbols & set(extra))
    if not _same_value_everywhere(value, extra):
        return False
    proofs = []
    with Budget(_PROOF_SECONDS):
        proofs = [prove_zero(sympy.diff(value, name)).outcome for name in extra]
    return not any(outcome.startswith("nonzero") for outcome in proofs)


def _same_value_everywhere(value: sympy.Expr, extra: list[sympy.Symbol]) -> bool:
    """The same value at random points of the new names (others fixed), at least half defined."""
    sampler = PointSampler(seed_text=f"new-names|{sympy.srepr(value)}")
    fixed = sampler.points([v for v in variables_of([value]) if v not in extra], 1)[0]
    seen = []
    for point in sampler.points(extra, _POINTS):
        try:
            seen.append(evaluate(value, {**fixed, **point}, digits=30))
        except (Undefined, Unevaluable):
            continue
    return len(seen) >= _POINTS // 2 and all(close(v, seen[0], rtol=1e-20, atol=1e-20) for v in seen)


def suggestion(name: str, vocabulary: Vocabulary) -> str | None:
    """A known name the unknown one is probably a typo of (case, or an underscore), or None."""
    def plain(text: str) -> str:
        return canonical_name(text).replace("_", "").replace("{", "").replace("}", "").lower()

    matches = sorted(known for known in vocabulary.names if plain(known) == plain(name) and known != name)
    return matches[0] if matches else None
