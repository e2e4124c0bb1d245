"""Shared checks for the derive tests: numeric equality of scalar expressions."""

import random

import sympy


def numerically_equal(a, b, symbols=None, trials=6, seed=0, tol=1e-8) -> bool:
    """a == b at several random real points (points where either side fails are skipped)."""
    rng = random.Random(seed)
    symbols = sorted((symbols or (sympy.sympify(a).free_symbols | sympy.sympify(b).free_symbols)),
                     key=sympy.default_sort_key)
    difference = sympy.sympify(a - b).rewrite(sympy.exp)
    checked = 0
    for _ in range(trials * 4):
        point = {
            s: sympy.Float(rng.uniform(0.2, 2.0) * rng.choice((1, -1)) if not s.is_positive else rng.uniform(0.2, 2.0))
            for s in symbols
        }
        value = sympy.N(difference.subs(point), 30)
        scale = 1 + abs(sympy.N(sympy.sympify(a).rewrite(sympy.exp).subs(point)))
        if not value.is_number or value.has(sympy.nan, sympy.zoo) or not value.is_finite:
            continue
        if abs(value) > tol * scale:
            return False
        checked += 1
        if checked >= trials:
            return True
    return checked > 0
