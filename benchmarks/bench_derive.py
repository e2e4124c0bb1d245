"""Time every worked example of derive (run on demand: python benchmarks/bench_derive.py).

Prints one row per example: the first (cold) run and the best of a few runs, in seconds,
each building the derivation and rendering it to every format (target: under 0.3 s).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import sympy
from sympy import Eq, exp, pi, sin

import derive

TARGET_SECONDS = 0.3

x, y, z, C = sympy.symbols("x y z C", real=True)
x1, x2 = sympy.symbols("x1 x2", real=True)
a, b, c, u, v, L = sympy.symbols("a b c u v L")

EXAMPLES = {
    "chain rule e^sin(x^2)": lambda: derive.differentiate(exp(sin(x**2)), x),
    "quotient rule (x^2+1)/(x-1)": lambda: derive.differentiate((x**2 + 1) / (x - 1), x),
    "sigmoid 1/(1+e^-x)": lambda: derive.differentiate(1 / (1 + exp(-x)), x),
    "relu / abs / x^x": lambda: [derive.differentiate(e, x) for e in (derive.relu(x**2 - 1), abs(x), x**x)],
    "gradient seed 000 at (2,1)": lambda: derive.gradient(x**2 * y + y**3, [x, y], point=(2, 1)),
    "hessian x^3 y + y^2": lambda: derive.hessian(x**3 * y + y**2, [x, y]),
    "jacobian 3x3": lambda: derive.jacobian([x * y * z, sin(x) + y**2, exp(z) * x], [x, y, z]),
    "directional 2.2": lambda: derive.directional_derivative(x**2 + 4 * y**2, [x, y], [1, 1], point=(1, 1)),
    "steepest 2.2": lambda: derive.steepest_directions(x**2 + 4 * y**2, [x, y], point=(1, 1)),
    "implicit ellipse": lambda: derive.implicit_derivative(Eq(x**2 / 4 + y**2 / 9, 1), x, y),
    "mixed partial": lambda: derive.mixed_partial(x**2 * exp(y), [x, y]),
    "graph 2.6 (+ forward mode)": lambda: derive.computational_graph(
        (x * y + sin(z)) / (1 + exp(-x)), [x, y, z], point=(1, 2, pi / 4), forward_mode=True),
    "graph seed 000 u,v,L": lambda: derive.computational_graph([(u, a * b), (v, u + c), (L, v**2)]),
    "critical seed 000": lambda: derive.critical_points(x**3 - 5 * x**2 + 3 * x + C, x),
    "critical (x-1)^4": lambda: derive.critical_points((x - 1) ** 4, x),
    "critical 2 vars": lambda: derive.critical_points(x**3 - 3 * x + y**2, [x, y]),
    "convexity 2.8 a,b,c": lambda: [derive.convexity(f, [x1, x2]) for f in
                                    (x1**2 + x2**2 + x1 * x2, exp(x1 + 2 * x2), x1 * x2)],
    "global extrema on [0,3]": lambda: derive.global_extrema(x**3 - 3 * x, x, (0, 3)),
    "mean value theorem": lambda: derive.mean_value_points(x**3, x, (0, 3)),
    "kkt box (3 constraints)": lambda: derive.kkt((x - 2) ** 2 + (y - 2) ** 2, [x, y],
                                                  inequalities=[x + y <= 2, x >= 0, y >= 0]),
    **{f"matrix: {name}": (lambda name=name: derive.matrix_example(name)) for name in sorted(derive.MATRIX_EXAMPLES)},
}


def run_times(build, repeats: int = 3) -> list[float]:
    """Wall times of ``repeats`` runs (building and rendering to every format)."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        results = build()
        for derivation in results if isinstance(results, list) else [results]:
            derivation.to_text(), derivation.to_latex(), derivation.to_markdown(), derivation.to_dict()
        times.append(time.perf_counter() - start)
    return times


def main() -> int:
    width = max(map(len, EXAMPLES))
    slow = 0
    print(f"{'example':<{width}}  first s   best s")
    for name, build in EXAMPLES.items():
        times = run_times(build)
        flag = "" if times[0] < TARGET_SECONDS else "  (over target)"
        slow += bool(flag)
        print(f"{name:<{width}}  {times[0]:7.3f}  {min(times):7.3f}{flag}")
    print(f"{len(EXAMPLES)} examples, {slow} over {TARGET_SECONDS} s on the first run")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
