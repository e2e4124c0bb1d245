"""What the benchmarks share: reading percentiles off a list of timings.

>>> percentile([3.0, 1.0, 2.0], 0.5)
2.0
"""

from __future__ import annotations

__all__ = ["percentile"]


def percentile(values: list[float], q: float) -> float:
    """The value at quantile ``q`` (0 to 1) of ``values``, nearest rank."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]
