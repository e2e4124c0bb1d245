"""``check_work``: rows, connectors, unreadable rows, hostile text, the shared budget, JSON."""

import pytest
import sympy

from checkers import Status, WorkVerdict, check, check_work
from checkers._work_rows import split_rows

x, y = sympy.symbols("x y", real=True)

ROWS = [
    # (work, [(connector, body), ...])
    ("a = b\n= c", [("", "a = b"), ("=", "c")]),
    (r"a = b \\ &= c", [("", "a = b"), ("=", "c")]),
    ("\\begin{align*}\n f &= g \\\\\n &= h\n\\end{align*}", [("", "f = g"), ("=", "h")]),
    ("\\begin{aligned} u &= v \\end{aligned}", [("", "u = v")]),
    ("\\begin{eqnarray} u &=& v \\\\ &=& w \\end{eqnarray}", [("", "u = v"), ("=", "w")]),
    (r"x^2 = x \\ \Rightarrow x = 1", [("", "x^2 = x"), ("implies", "x = 1")]),
    (r"x^2 = x \\ \implies x = 1 \\ \therefore x = 1", [("", "x^2 = x"), ("implies", "x = 1"), ("implies", "x = 1")]),
    (r"x^2 = 4 \\ \iff x = \pm 2 \\ \Leftrightarrow x = 2", [("", "x^2 = 4"), ("iff", "x = \\pm 2"), ("iff", "x = 2")]),
    ("x = 0 \\text{ or } x = 1", [("", "x = 0 \\text{ or } x = 1")]),
    ("a = b \\quad \\text{by the chain rule}\n\\text{so}\n= c.", [("", "a = b"), ("=", "c")]),
    ("A = \\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix}", [("", "A = \\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix}")]),
    ("$$ y = 2x $$ \\tag{1}\n\n", [("", "y = 2x")]),
    ("\\[\\boxed{y = 2x}\\]", [("", "y = 2x")]),
    ("f(x,\n y) = 1", [("", "f(x,\n y) = 1")]),
]


@pytest.mark.parametrize(("work", "expected"), ROWS)
def test_rows_and_connectors(work, expected):
    assert [(row.connector, row.body) for row in split_rows(work)] == expected


VERDICTS = [
    # (expected, work, status, first_error)
    ("2*x", "\\frac{d}{dx} x^2 = 2x", Status.CORRECT, None),
    ("2*x", "\\frac{d}{dx} x^2 = 2x\n= x + x", Status.CORRECT, None),
    ("2*x", "y' = \\frac{d}{dx}(x^2)\n= 2x", Status.CORRECT, None),
    ("2*x", "\\frac{d}{dx} x^2 = x\n= 2x", Status.INCORRECT, 1),  # the wrong step, even though the end is right
    ("2*x", "\\frac{d}{dx} x^2 = 2x\n= 2x + 1", Status.INCORRECT, 2),
    ("2*x", "x^2 + x\n= x(x + 1)", Status.INCORRECT, 1),  # every step holds, the start is wrong
    ("2*x", "f'(x) = 2x\n= 2x + 0", Status.CORRECT, None),
    ("2*x", "f'(x) = 3x\n= 3x", Status.INCORRECT, 1),
    ("{0, 1}", "x^2 = x\nx(x - 1) = 0\nx = 0 \\text{ or } x = 1", Status.CORRECT, None),
    ("{0, 1}", "x^2 = x\nx = 1", Status.INCORRECT, 2),  # loses x = 0 without a \Rightarrow
    ("{0, 1}", "x^2 = x\n\\Rightarrow x = 1", Status.INCORRECT, 2),  # allowed step, but the work ends elsewhere
    ("{1}", "x^2 = x \\text{ and } x \\ne 0\n\\Rightarrow x = 1", Status.UNDECIDED, None),  # conditions: not decided
    ("{-1, 1}", "x = 1\n\\iff x^2 = 1", Status.INCORRECT, 2),  # gains x = -1
    ("{1}", "x = 1\n\\Rightarrow x^2 = 1", Status.INCORRECT, 2),  # after \Rightarrow solutions may not be gained
    ("2*x", "\\frac{d}{dx} x^2 = 2x\n= \\frac{1}{x", Status.INVALID, 2),
    ("2*x", "= 2x", Status.INVALID, 1),
]


@pytest.mark.parametrize(("expected", "work", "status", "first_error"), VERDICTS)
def test_work_verdicts(expected, work, status, first_error):
    verdict = check_work(expected, work, symbols=[x])
    assert (verdict.status, verdict.first_error) == (status, first_error), verdict.message


def test_an_unreadable_row_has_its_position_and_the_rows_after_it_are_not_checked():
    verdict = check_work("2*x", "\\frac{d}{dx} x^2 = 2x\n= 2x +\n= 2x", symbols=[x])
    bad, after = verdict.rows[1], verdict.rows[2]
    assert bad.status is Status.INVALID and bad.position is not None and "row 2" in verdict.message
    assert after.status is Status.UNDECIDED and "not checked" in after.message


def test_a_wrong_row_carries_the_diagnosis_of_comparing_it_with_the_row_before():
    verdict = check_work("2*x*cos(x**2)", "\\frac{d}{dx}\\sin(x^2) = \\cos(x^2)\n= \\cos(x^2) \\cdot 2x", symbols=[x])
    assert verdict.first_error == 1
    assert verdict.rows[0].diagnosis == check(2 * x * sympy.cos(x**2), sympy.cos(x**2), symbols=[x]).diagnosis


HOSTILE = [None, 42, "", "\n\n\n", "\\\\ \\\\ &&&", "\x1b[2J = 1", "(" * 5000, "x = " + "1" * 20000,
           "\\begin{align} x &= 1", "= = =", "\\Rightarrow", "x" + "\n= x" * 250, "\\text{prose only}"]


@pytest.mark.parametrize("work", HOSTILE, ids=range(len(HOSTILE)))
def test_student_text_never_raises(work):
    verdict = check_work("x", work, symbols=[x], timeout=2.0)
    assert isinstance(verdict, WorkVerdict)
    assert verdict.status is not Status.CORRECT or work == "x"


def test_the_whole_work_shares_one_budget():
    work = "\n".join(["\\frac{d}{dx} \\left(x^2 \\sin x e^x\\right) = (2x \\sin x + x^2 \\cos x + x^2 \\sin x) e^x"] * 2
                     + ["= e^x (2x \\sin x + x^2 \\cos x + x^2 \\sin x)"] * 8)
    verdict = check_work("exp(x)*(2*x*sin(x) + x**2*cos(x) + x**2*sin(x))", work, symbols=[x], timeout=0.01)
    assert verdict.status is Status.UNDECIDED
    assert any("budget" in row.message for row in verdict.rows)


def test_to_dict_has_the_documented_keys():
    data = check_work("2*x", "\\frac{d}{dx} x^2 = 2x", symbols=[x]).to_dict()
    assert {"status", "first_error", "rows", "message"} <= set(data)
    assert set(data["rows"][0]) >= {"number", "text", "read_as", "status", "message", "diagnosis"}
    assert data["status"] == "correct" and data["rows"][0]["diagnosis"] is None
