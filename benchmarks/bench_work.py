"""Benchmark ``checkers.check_work`` on 10-row derivations (run on demand).

    python benchmarks/bench_work.py [--repeat N]

Each derivation has ten rows: a chain-rule/product-rule derivative worked out step by step,
a sigmoid derivative, a quotient rule, a critical-point solution with equation rows, and each
again with one wrong row. Prints p50 / p95 / max per derivation and overall.
Target on a 2-core machine: a 10-row derivation checks in under 2 s at p95.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT)]

import sympy  # noqa: E402
from _figures import percentile  # noqa: E402

from checkers import check_work  # noqa: E402

x = sympy.Symbol("x", real=True)

PRODUCT = r"""\frac{d}{dx}\left(x^2 \sin(x) e^x\right) = \sin(x) e^x \frac{d}{dx}(x^2) + x^2 \frac{d}{dx}\left(\sin(x) e^x\right)
= 2x \sin(x) e^x + x^2 \frac{d}{dx}\left(\sin(x) e^x\right)
= 2x \sin(x) e^x + x^2 \left(\cos(x) e^x + \sin(x) e^x\right)
= 2x \sin(x) e^x + x^2 \cos(x) e^x + x^2 \sin(x) e^x
= e^x \left(2x \sin(x) + x^2 \cos(x) + x^2 \sin(x)\right)
= e^x \left(2x \sin x + x^2 (\cos x + \sin x)\right)
= x e^x \left(2 \sin x + x \cos x + x \sin x\right)
= x e^x \left((x + 2) \sin x + x \cos x\right)
= x e^x (x + 2) \sin x + x^2 e^x \cos x
= e^x \left((x^2 + 2x) \sin x + x^2 \cos x\right)"""

SIGMOID = r"""\sigma'(x) = \frac{d}{dx}\left(1 + e^{-x}\right)^{-1}
= -\left(1 + e^{-x}\right)^{-2} \frac{d}{dx}\left(1 + e^{-x}\right)
= -\left(1 + e^{-x}\right)^{-2} \cdot \left(-e^{-x}\right)
= \frac{e^{-x}}{\left(1 + e^{-x}\right)^2}
= \frac{1}{1 + e^{-x}} \cdot \frac{e^{-x}}{1 + e^{-x}}
= \frac{1}{1 + e^{-x}} \cdot \frac{1 + e^{-x} - 1}{1 + e^{-x}}
= \frac{1}{1 + e^{-x}} \left(1 - \frac{1}{1 + e^{-x}}\right)
= \sigma(x) \left(1 - \frac{1}{1 + e^{-x}}\right)
= \sigma(x)\left(1 - \sigma(x)\right)
= \sigma(x) - \sigma(x)^2"""

QUOTIENT = r"""\frac{d}{dx} \frac{\sin x}{1 + x^2} = \frac{(1 + x^2) \cos x - \sin x \cdot \frac{d}{dx}(1 + x^2)}{(1 + x^2)^2}
= \frac{(1 + x^2) \cos x - \sin x \cdot 2x}{(1 + x^2)^2}
= \frac{\cos x + x^2 \cos x - 2x \sin x}{(1 + x^2)^2}
= \frac{\cos x}{(1 + x^2)^2} + \frac{x^2 \cos x - 2x \sin x}{(1 + x^2)^2}
= \frac{(1 + x^2)\cos x}{(1 + x^2)^2} - \frac{2x \sin x}{(1 + x^2)^2}
= \frac{\cos x}{1 + x^2} - \frac{2x \sin x}{(1 + x^2)^2}
= \frac{\cos x}{1 + x^2} - \frac{2x \sin x}{1 + 2x^2 + x^4}
= \frac{\cos x}{1 + x^2} - 2x (1 + x^2)^{-2} \sin x
= (1 + x^2)^{-1} \cos x - 2x (1 + x^2)^{-2} \sin x
= \frac{(1 + x^2) \cos x - 2x \sin x}{(1 + x^2)^2}"""

CRITICAL = r"""f'(x) = \frac{d}{dx}\left(x^4 - 2x^2\right) = 4x^3 - 4x = 0
\iff 4x(x^2 - 1) = 0
\iff x(x^2 - 1) = 0
\iff x (x - 1)(x + 1) = 0
\iff x^3 - x = 0
\iff x^3 = x
\iff x^2 \cdot x = x
\iff x = 0 \text{ or } x = 1 \text{ or } x = -1
\iff x = 1 \text{ or } x = -1 \text{ or } x = 0
\iff x = -1 \text{ or } x = 0 \text{ or } x = 1"""

DERIVATIONS = [
    ("product", "exp(x)*((x**2 + 2*x)*sin(x) + x**2*cos(x))", PRODUCT),
    ("sigmoid", "sigmoid(x)*(1 - sigmoid(x))", SIGMOID),
    ("quotient", "(cos(x)*(1 + x**2) - 2*x*sin(x))/(1 + x**2)**2", QUOTIENT),
    ("critical", "{-1, 0, 1}", CRITICAL),
]
WRONG = {"product": ("+ x^2 \\left(\\cos(x) e^x + \\sin(x) e^x\\right)", "+ x^2 \\left(\\cos(x) e^x - \\sin(x) e^x\\right)"),
         "sigmoid": ("\\cdot \\left(-e^{-x}\\right)", "\\cdot e^{-x}"),
         "quotient": ("\\cos x - \\sin x \\cdot 2x}", "\\cos x + \\sin x \\cdot 2x}"),
         "critical": ("\\iff x(x^2 - 1) = 0", "\\iff x(x^2 - 4) = 0")}


def runs() -> list[tuple[str, str, str]]:
    """(name, expected, work) for the right and the wrong version of each derivation."""
    table = []
    for name, expected, work in DERIVATIONS:
        old, new = WRONG[name]
        assert old in work and len(work.splitlines()) == 10, name
        table += [(name, expected, work), (f"{name} (wrong row)", expected, work.replace(old, new, 1))]
    return table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    check_work("2*x", "\\frac{d}{dx} x^2 = 2x", symbols=[x])  # warm the imports and caches
    everything = []
    for name, expected, work in runs():
        times, verdict = [], None
        for _ in range(args.repeat):
            started = time.perf_counter()
            verdict = check_work(expected, work, symbols=[x], timeout=10.0)
            times.append(time.perf_counter() - started)
        everything += times
        print(f"{name:22s} {verdict.status.value:10s} first_error={verdict.first_error!s:5s} "
              f"p50 {statistics.median(times):.3f} s  p95 {percentile(times, 0.95):.3f} s  max {max(times):.3f} s")
    p95 = percentile(everything, 0.95)
    print(f"{'all':22s} {len(everything)} runs  p50 {statistics.median(everything):.3f} s  p95 {p95:.3f} s  "
          f"max {max(everything):.3f} s  (target p95 < 2 s: {'met' if p95 < 2.0 else 'NOT met'})")


if __name__ == "__main__":
    main()
