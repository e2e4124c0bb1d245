"""Line counts of the derivations issue 14 read, at the default detail, in one format.

Run from the repository root: ``python benchmarks/derivation_lines.py [FORMAT]``; prints
``part lines`` rows (the numbers of the before/after table in docs/rendering/line-counts.md).
"""

from __future__ import annotations

import sys

from problems import bank
from problems._output import derivations_text

PARTS = (
    "udl.6.1.phi1", "mvc.2.8.a", "derivatives.5.a", "derivatives.5.b", "udl.6.2.det", "partials.5.c",
    "udl.7.1.phi1", "derivatives.3.d", "partials.1.d", "ch2-solutions.1.crit", "ch2-solutions.1.classify-1/3",
    "ch2-solutions.11.J", "mvc.2.1.b", "mvc.2.4.a", "mvc.2.6.c", "ch2-solutions.2.deriv", "derivatives.4.a",
    "udl.6.2.H", "derivatives.10.W",
)
WHOLE = ("derivatives.5",)


def lines(identifier: str, output_format: str) -> int:
    """How many lines ``derive IDENTIFIER`` prints in ``output_format``."""
    problem, part = bank.find(identifier)
    parts = [part] if part else list(problem.parts)
    try:
        text = derivations_text(problem, parts, output_format, detail="normal")  # the command's default
    except TypeError:  # before detail levels existed: everything was shown
        text = derivations_text(problem, parts, output_format)
    return len(text.splitlines())


if __name__ == "__main__":
    chosen = sys.argv[1] if len(sys.argv) > 1 else "text"
    for name in PARTS + WHOLE:
        print(f"{name} {lines(name, chosen)}")
