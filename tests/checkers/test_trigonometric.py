"""The trigonometric proof strategy: what it proves, and what it must leave alone.

Rows marked STACK are from maths/moodle-qtype_stack ``tests/fixtures/answertestfixtures.class.php``
(via ``tests/checkers/data/conformance``); the others are identities of the seeds' calculus.
"""

import pytest
import sympy
from sympy import cos, cot, csc, sec, sin, tan

from checkers import Method, Status, check
from checkers._trigonometric import pythagorean_zero

x, y, t = sympy.symbols("x y t")

PROVED = [
    ("Pythagoras with sec (STACK)", tan(y) ** 2 + 1 - sec(y) ** 2),
    ("csc of a polynomial angle (STACK)", csc(7 * y + x**7 + x**4 + 1) ** 2 - 1 / sin(7 * y + x**7 + x**4 + 1) ** 2),
    ("half angles (STACK)", sin(x / 2) * cos(x) - sin(x / 2) / (1 + tan(x) * tan(x / 2))),
    ("double angle", sin(2 * x) - 2 * sin(x) * cos(x)),
    ("angle sum", sin(x + y) - sin(x) * cos(y) - cos(x) * sin(y)),
    ("cot and csc", cot(x) ** 2 + 1 - csc(x) ** 2),
    ("a difference of squares", sin(x) ** 4 - cos(x) ** 4 - (sin(x) ** 2 - cos(x) ** 2)),
    ("triple angle", cos(3 * x) - 4 * cos(x) ** 3 + 3 * cos(x)),
]

NOT_PROVED = [
    ("different functions", sin(x) - cos(x)),
    ("a square alone", sin(x) ** 2),
    ("a sign slip (STACK)", 4 * sec(4 * t) ** 2 * sin(6 * t) + 6 * tan(4 * t) * cos(6 * t)),
    ("a sine inside a sine", sin(x) ** 2 + cos(x) ** 2 - 1 + sin(sin(x))),
    ("no trigonometry", x**2 - 1),
    ("a multiple too large to expand", cos(40 * x) - cos(x)),
]


@pytest.mark.parametrize("name, difference", PROVED, ids=[row[0] for row in PROVED])
def test_an_identity_reduces_to_zero(name, difference):
    assert pythagorean_zero(difference) == 0


@pytest.mark.parametrize("name, difference", NOT_PROVED, ids=[row[0] for row in NOT_PROVED])
def test_anything_else_is_returned_unchanged(name, difference):
    assert pythagorean_zero(difference) == difference


@pytest.mark.parametrize("expected, answer", [
    (r"\tan^2(y)+1", r"\sec^2(y)"),
    ("sin(x/2)*cos(x)", "sin(x/2)/(1+tan(x)*tan(x/2))"),
    ("binomial(n+1,k+1)", "binomial(n,k)+binomial(n,k+1)"),
])
def test_the_check_now_proves_what_it_only_saw_at_points(expected, answer):
    """Before, these ended correct numerically after the short proof budget ran out."""
    verdict = check(expected, answer)
    assert (verdict.status, verdict.method, verdict.proved) == (Status.CORRECT, Method.SYMBOLIC, True)
