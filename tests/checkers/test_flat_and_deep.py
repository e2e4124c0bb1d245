"""Depth is not length: a long flat sum or product reads in both notations, while brackets or
operators nested past the cap are refused as "nested too deeply", with the position."""

import pytest
from sympy import Symbol

from checkers import DEFAULT_LIMITS, Status, check

x = Symbol("x")
CAP = DEFAULT_LIMITS.max_depth  # 60


def _joined(term: str, operator: str, count: int) -> str:
    return operator.join([term] * count)


# (answer, expected value written independently, what it is)
FLAT = [
    (_joined("x", "+", 200), 200 * x, "x + x + ... (200 terms)"),
    ("1+" + _joined("x", "+", 199), 1 + 199 * x, "1 + x + x + ... (200 terms)"),
    (_joined("x", "-", 300), x - 299 * x, "x - x - ... (300 terms)"),
    (_joined("x", "*", 200), x**200, "x * x * ... (200 factors)"),
    ("x" + "/x" * 199, x / x**199, "x / x / ... (200 factors)"),
    (_joined("2*x", "+", 250), 500 * x, "a sum of 250 products"),
    (_joined("x+1", "*", 1), x + 1, "one term"),
    (_joined("(x+1)", "*", 120), (x + 1) ** 120, "a product of 120 bracketed sums"),
]
FLAT_LATEX = [
    (_joined("x", "+", 500), 500 * x, "x + x + ... (500 terms)"),
    (_joined("x", " \\cdot ", 300), x**300, "x \\cdot x ... (300 factors)"),
    ("1+" + _joined("x", "-", 400), 1 + x - 399 * x, "1 + x - x - ... (401 terms)"),
    (_joined("\\frac{x}{2}", "+", 200), 100 * x, "a sum of 200 fractions"),
]


@pytest.mark.parametrize(("answer", "value", "what"), FLAT, ids=[f[2] for f in FLAT])
@pytest.mark.parametrize("notation", ["plain", "latex"])
def test_a_long_flat_sum_or_product_reads(answer, value, what, notation):
    verdict = check(value, answer, notation=notation, timeout=10.0)
    assert verdict.status is Status.CORRECT, verdict.message


@pytest.mark.parametrize(("answer", "value", "what"), FLAT_LATEX, ids=[f[2] for f in FLAT_LATEX])
def test_a_long_flat_latex_sum_or_product_reads(answer, value, what):
    verdict = check(value, answer, notation="latex", timeout=10.0)
    assert verdict.status is Status.CORRECT, verdict.message


def test_a_flat_sum_still_meets_the_size_cap():
    verdict = check(x, _joined("x", "+", 4000), notation="plain")
    assert verdict.status is Status.INVALID and "too long" in verdict.message and "nested" not in verdict.message


# (answer, notation, 0-based position of the refusal)
DEEP = [
    ("(" * (CAP + 1) + "x" + ")" * (CAP + 1), "plain", CAP),
    ("(" * 500 + "x" + ")" * 500, "plain", CAP),
    ("(" * (CAP + 1) + "x" + ")" * (CAP + 1), "latex", CAP),
    ("[" * (CAP + 1) + "x" + "]" * (CAP + 1), "plain", CAP),
    ("{" * (CAP + 1) + "x" + "}" * (CAP + 1), "latex", CAP),
    ("(x+" * (CAP + 1) + "x" + ")" * (CAP + 1), "plain", 3 * CAP),
    ("(x+" * (CAP + 1) + "x" + ")" * (CAP + 1), "latex", None),  # the parser stops inside the 60th bracket
    ("sin(" * (CAP + 1) + "x" + ")" * (CAP + 1), "plain", None),
    ("-" * (CAP + 5) + "x", "plain", None),
    ("x^(" * (CAP + 1) + "x" + ")" * (CAP + 1), "plain", None),
]


@pytest.mark.parametrize(("answer", "notation", "position"), DEEP, ids=[f"{d[1]}:{d[0][:8]}..." for d in DEEP])
def test_deep_nesting_is_refused_with_the_position(answer, notation, position):
    verdict = check(x, answer, notation=notation)
    assert verdict.status is Status.INVALID
    assert "nested too deeply" in verdict.message
    assert verdict.position is not None and verdict.message.splitlines()[-1].strip() == "^"
    if position is not None:
        assert verdict.position == position


@pytest.mark.parametrize("notation", ["plain", "latex"])
def test_nesting_up_to_the_cap_reads(notation):
    answer = "(" * (CAP - 2) + "x" + ")" * (CAP - 2)
    assert check(x, answer, notation=notation).status is Status.CORRECT
