"""Random test points that respect each variable's domain, reproducibly.

Values are short decimals (``-1.37``, ``0.42``) so a counterexample reads well, drawn by
a generator seeded from the question itself: the same check always uses the same points.

>>> from sympy import Symbol
>>> points = PointSampler(seed_text="demo").points([Symbol("n", integer=True, positive=True)], 3)
>>> all(int(p[Symbol("n", integer=True, positive=True)]) >= 1 for p in points)
True
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterable, Sequence

import sympy
from sympy import Basic

__all__ = ["PointSampler", "sample_value", "stable_seed", "variables_of"]


def stable_seed(*parts: str) -> int:
    """A seed that is the same in every process and run (unlike ``hash``)."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogatepass")).digest()
    return int.from_bytes(digest[:8], "big")


def sample_value(symbol: Basic, rng: random.Random) -> str:
    """One value for ``symbol`` as a decimal string, within its assumptions."""
    if symbol.is_integer:
        low = 1 if symbol.is_positive else 0 if symbol.is_nonnegative else -6
        high = -1 if symbol.is_negative else 6
        value = rng.randint(low, high)
        while value == 0 and (symbol.is_nonzero or symbol.is_positive):
            value = rng.randint(low, high)
        return str(value)
    magnitude = rng.choice((rng.uniform(0.2, 1.0), rng.uniform(1.0, 3.0), rng.uniform(0.05, 0.2), rng.uniform(3.0, 6.0)))
    magnitude = max(round(magnitude, 3), 0.011)
    if symbol.is_positive or symbol.is_nonnegative:
        negative = False
    elif symbol.is_negative or symbol.is_nonpositive:
        negative = True
    else:
        negative = rng.random() < 0.5
    return f"{'-' if negative else ''}{magnitude:.3f}".rstrip("0").rstrip(".")


class PointSampler:
    """Draws points for a set of variables from a seeded generator."""

    def __init__(self, *, seed_text: str) -> None:
        self.rng = random.Random(stable_seed(seed_text))

    def points(self, variables: Sequence[Basic], count: int) -> list[dict[Basic, str]]:
        """``count`` points, each a mapping variable -> decimal string."""
        return [{v: sample_value(_domain_of(v), self.rng) for v in variables} for _ in range(count)]


def _domain_of(variable: Basic) -> Basic:
    """The object whose assumptions give the domain (an Indexed entry is real)."""
    return variable if isinstance(variable, sympy.Symbol) else sympy.Dummy(real=True)


def variables_of(objects: Iterable[Basic]) -> list[Basic]:
    """Free symbols and indexed entries, in a stable order."""
    found: set[Basic] = set()
    for obj in objects:
        found |= {s for s in obj.free_symbols if isinstance(s, sympy.Symbol)}
        found |= set(obj.atoms(sympy.Indexed))
        found -= {b.label for b in obj.atoms(sympy.IndexedBase)}
    return sorted(found, key=sympy.default_sort_key)

