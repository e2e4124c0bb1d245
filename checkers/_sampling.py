"""Random test points that respect each variable's domain, reproducibly.

Values are short decimals (``-1.37``, ``0.42``) so a counterexample reads well, drawn by
a generator seeded from the question itself: the same check always uses the same points.
A stated domain (a ``Contains(x, Interval)`` fact, from a declaration ``x:interval(0,pi/2)``)
bounds the values of its variable.

>>> from sympy import Symbol, Contains, Interval, pi
>>> points = PointSampler(seed_text="demo").points([Symbol("n", integer=True, positive=True)], 3)
>>> all(int(p[Symbol("n", integer=True, positive=True)]) >= 1 for p in points)
True
>>> x = Symbol("x")
>>> sampler = PointSampler(seed_text="demo", domains=domains_in([Contains(x, Interval.open(0, pi / 2))]))
>>> all(0 < float(p[x]) < 1.5708 for p in sampler.points([x], 20))
True
"""

from __future__ import annotations

import hashlib
import math
import random
from collections.abc import Iterable, Mapping, Sequence

import sympy
from sympy import Basic

__all__ = ["PointSampler", "sample_value", "stable_seed", "variables_of", "domains_in", "sizes_within"]


def stable_seed(*parts: str) -> int:
    """A seed that is the same in every process and run (unlike ``hash``)."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogatepass")).digest()
    return int.from_bytes(digest[:8], "big")


def domains_in(facts: Iterable[Basic]) -> dict[Basic, sympy.Interval]:
    """The stated domain of each variable, from ``Contains(x, Interval)`` facts."""
    return {fact.args[0]: fact.args[1] for fact in facts
            if isinstance(fact, sympy.Contains) and isinstance(fact.args[1], sympy.Interval)}


def sizes_within(symbol: Basic, sizes: Sequence[int], domains: Mapping[Basic, sympy.Interval]) -> list[int]:
    """The sizes (of a dimension or a sum's bound) inside the symbol's stated domain, or the
    first few whole numbers inside it when none of ``sizes`` is.

    >>> n = sympy.Symbol("n", integer=True, positive=True)
    >>> sizes_within(n, (1, 2, 3, 5), {n: sympy.Interval.open(2, 9)})
    [3, 5]
    """
    interval = domains.get(symbol)
    if interval is None:
        return list(sizes)
    inside = [size for size in sizes if interval.contains(size) is sympy.true]
    if inside:
        return inside
    start = math.floor(float(interval.start)) + 1 if interval.start.is_finite else 1
    return [size for size in range(start, start + 4) if interval.contains(size) is sympy.true] or list(sizes)


def sample_value(symbol: Basic, rng: random.Random, interval: sympy.Interval | None = None) -> str:
    """One value for ``symbol`` as a decimal string, within its assumptions (and within
    ``interval``, its stated domain, when there is one)."""
    if interval is not None and not symbol.is_integer:
        return _within(interval, rng)
    if symbol.is_integer:
        low = 1 if symbol.is_positive else 0 if symbol.is_nonnegative else -6
        high = -1 if symbol.is_negative else 6
        value = rng.randint(low, high)
        while value == 0 and (symbol.is_nonzero or symbol.is_positive):
            value = rng.randint(low, high)
        return str(value)
    magnitude = _magnitude(rng)
    if symbol.is_positive or symbol.is_nonnegative:
        negative = False
    elif symbol.is_negative or symbol.is_nonpositive:
        negative = True
    else:
        negative = rng.random() < 0.5
    return f"{'-' if negative else ''}{magnitude:.3f}".rstrip("0").rstrip(".")


def _magnitude(rng: random.Random) -> float:
    magnitude = rng.choice((rng.uniform(0.2, 1.0), rng.uniform(1.0, 3.0), rng.uniform(0.05, 0.2), rng.uniform(3.0, 6.0)))
    return max(round(magnitude, 3), 0.011)


def _within(interval: sympy.Interval, rng: random.Random) -> str:
    """A short decimal strictly inside an open interval."""
    low, high = float(interval.start), float(interval.end)
    if math.isinf(low) and math.isinf(high):
        value = _magnitude(rng) * rng.choice((-1, 1))
    elif math.isinf(high):
        value = low + _magnitude(rng)
    elif math.isinf(low):
        value = high - _magnitude(rng)
    else:
        value = low + (high - low) * rng.uniform(0.02, 0.98)
    for places in (3, 6, 12):
        text = f"{value:.{places}f}".rstrip("0").rstrip(".")
        if low < float(text) < high:
            return text
    return repr(value)


class PointSampler:
    """Draws points for a set of variables from a seeded generator, inside their stated domains."""

    def __init__(self, *, seed_text: str, domains: Mapping[Basic, sympy.Interval] | None = None) -> None:
        self.rng = random.Random(stable_seed(seed_text))
        self.domains = dict(domains or {})

    def points(self, variables: Sequence[Basic], count: int) -> list[dict[Basic, str]]:
        """``count`` points, each a mapping variable -> decimal string."""
        return [{v: sample_value(_domain_of(v), self.rng, self.domains.get(v)) for v in variables} for _ in range(count)]


def _domain_of(variable: Basic) -> Basic:
    """The object whose assumptions give the domain (an Indexed entry is real)."""
    return variable if isinstance(variable, sympy.Symbol) else sympy.Dummy(real=True)


def variables_of(objects: Iterable[Basic]) -> list[Basic]:
    """Free symbols and indexed entries, in a stable order."""
    found: set[Basic] = set()
    for obj in objects:
        found |= {s for s in obj.free_symbols if isinstance(s, sympy.Symbol)}
        indexed = obj.atoms(sympy.Indexed, sympy.IndexedBase)  # one walk for both
        found |= {a for a in indexed if isinstance(a, sympy.Indexed)}
        found -= {a.label for a in indexed if isinstance(a, sympy.IndexedBase)}
    return sorted(found, key=sympy.default_sort_key)

