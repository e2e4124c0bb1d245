"""Sets of real numbers: intervals, unions, ``\\in``, set-builder sets and the empty set,
compared as sets. Rows typed by hand; the STACK/Math-Verify rows they generalise are in the
conformance suite (tests/checkers/test_conformance.py)."""

from __future__ import annotations

import pytest

from checkers import check

CASES = [
    # (reference, answer, expected status)
    ("[0,1)", "[0,1)", "correct"),
    ("[0,1)", "[0,1]", "incorrect"),
    ("(0,9)", "[0,9)", "incorrect"),
    ("(1, 3)", r"(1, 2] \cup [2, 3)", "correct"),
    ("[1, 3]", r"(1, 2] \cup [2, 3)", "incorrect"),
    (r"(-\infty, \infty)", r"(-\infty, 1) \cup (-1, \infty)", "correct"),
    (r"\{-1\} \cup [0,7)", r"\{-1\} \cup [0,7)", "correct"),
    (r"\{-1\} \cup [0,7)", r"[0,7)", "incorrect"),
    ("-2 < x < 3", r"(-2, 3)", "correct"),
    ("-2 < x < 3", r"\{x : -2 < x < 3\}", "correct"),
    (r"(1, 2)", r"(1,2) \cup \{5\}", "incorrect"),
    ("Interval(0, 1, True, False)", "(0, 1]", "correct"),
    ("Union(Interval(0, 1), Interval(2, 3))", r"[0,1] \cup [2,3]", "correct"),
    ("Union(Interval(0, 1), Interval(2, 3))", r"[0,3]", "incorrect"),
]


@pytest.mark.parametrize(("reference", "answer", "status"), CASES)
def test_sets_of_reals_compare_as_sets(reference: str, answer: str, status: str) -> None:
    assert check(reference, answer, notation="latex", timeout=5.0).status.value == status


@pytest.mark.parametrize("answer", [r"[1, 0)", r"(0, 1, 2]", r"x \cup 1"])
def test_malformed_sets_are_invalid(answer: str) -> None:
    assert check("[0, 1)", answer, notation="latex", timeout=5.0).status.value == "invalid"
