"""Indexed families (the data ``x_i``, ``y_i`` of a sum): one meaning in both readers.

An entry reads the same whether written ``x_i``, ``x_2``, ``x[i]`` or ``x[2]``, in sympy
syntax or in LaTeX; the family alone (``x``) has no value, so it is refused at its spot with
a sentence saying what to write, instead of ending ``undecided`` after a long search.
"""

from __future__ import annotations

import pytest
from sympy import IndexedBase, Integer, Sum, symbols

from checkers import InvalidAnswer, Status, Vocabulary, check, read_answer

x, y = IndexedBase("x"), IndexedBase("y")
i, I = symbols("i I", integer=True, positive=True)
phi = symbols("phi", real=True)
j = symbols("j", real=True)  # a summation index without integer assumptions, as some bank parts have
REFERENCE = Sum((phi * x[i] - y[i]) ** 2, (i, 1, I))
VOCABULARY = Vocabulary.from_objects(REFERENCE, Sum(x[j], (j, 1, I)))

ENTRIES = [
    # (plain text, LaTeX text, meaning)
    ("x_i", r"x_i", x[i]),
    ("x[i]", r"x[i]", x[i]),
    ("x_2", r"x_2", x[Integer(2)]),
    ("x[2] + y_1", r"x[2] + y_{1}", x[Integer(2)] + y[Integer(1)]),
    ("2*x_j", r"2 x_j", 2 * x[j]),
    ("phi*x_i - y_i", r"\phi x_i - y_i", phi * x[i] - y[i]),
    ("Sum(x_i**2, (i, 1, I))", r"\sum_{i=1}^{I} x_i^2", Sum(x[i] ** 2, (i, 1, I))),
    ("Sum(x[i]*y[i], (i, 1, I))", r"\sum_{i=1}^{I} x[i] y[i]", Sum(x[i] * y[i], (i, 1, I))),
]


@pytest.mark.parametrize(("plain", "latex", "meaning"), ENTRIES, ids=[row[0] for row in ENTRIES])
def test_an_entry_means_the_same_in_both_readers(plain, latex, meaning):
    assert read_answer(plain, VOCABULARY, notation="plain").value == meaning
    assert read_answer(latex, VOCABULARY, notation="latex").value == meaning


REFUSED = [
    # (answer, notation, the refused name's column, words of the message)
    ("x", "plain", 0, "'x' names indexed values here"),
    ("2*y + 1", "plain", 2, "'y' names indexed values here"),
    ("x", "latex", 0, "e.g. x_i inside a sum over i"),
    (r"\sum_{i=1}^{I} x", "latex", 15, "'x' names indexed values here"),
    (r"2y", "latex", 1, "'y' names indexed values here"),
    (r"x[]", "latex", 1, "an index goes inside the brackets"),
    ("x_k", "plain", 0, "unknown name 'x_k'"),  # k is no index here: not an entry
    ("x_" + "9" * 5000, "plain", 0, "more than 60 digits"),  # the caps of any number
    (r"x_{" + "9" * 5000 + "}", "latex", 3, "more than 60 digits"),
]


@pytest.mark.parametrize(("answer", "notation", "column", "words"), REFUSED, ids=[f"{r[1]}:{r[0]}" for r in REFUSED])
def test_a_family_without_an_index_is_refused_at_its_spot(answer, notation, column, words):
    with pytest.raises(InvalidAnswer) as refused:
        read_answer(answer, VOCABULARY, notation=notation)
    assert words in refused.value.message
    assert refused.value.position == column


CHECKS = [
    # (answer, status): the family alone is invalid at once; any entry is read and graded
    ("x", Status.INVALID),
    (r"\sum_{i=1}^{I} y", Status.INVALID),
    ("Sum((phi*x_i - y_i)**2, (i, 1, I))", Status.CORRECT),
    (r"\sum_{i=1}^{I} (\phi x[i] - y[i])^2", Status.CORRECT),
    ("Sum((phi*x_i + y_i)**2, (i, 1, I))", Status.INCORRECT),
]


@pytest.mark.parametrize(("answer", "status"), CHECKS, ids=[row[0] for row in CHECKS])
def test_a_check_reads_entries_and_refuses_the_bare_family(answer, status):
    assert check(REFERENCE, answer, timeout=5.0).status is status


OPEN_REFERENCES = [
    # (reference as a teacher types it, answer, status): inside a sum over i, x_i is the i-th x
    # (it was a constant named x_i, so that n x_i^2 was accepted for the sum of the squares)
    (r"\sum_{i=1}^{n} x_i^2", r"n x_i^2", Status.INCORRECT),
    ("Sum(x_i**2, (i, 1, n))", "n*x_i**2", Status.INCORRECT),
    ("Sum(x[i]**2, (i, 1, n))", "n*x[i]**2", Status.INCORRECT),
    (r"\sum_{i=1}^{n} x_i^2", r"\sum_{i=1}^{n} x_i x_i", Status.CORRECT),
    ("Sum(x[i]**2, (i, 1, n))", r"\sum_{j=1}^{n} x_j^2", Status.CORRECT),
    ("Sum(x_i**2, (i, 1, n))", "Sum(x_i*x[i], (i, 1, n))", Status.CORRECT),
    (r"\sum_{i=1}^{n} w_i x_i", "Sum(x[i]*w[i], (i, 1, n))", Status.CORRECT),
    (r"x_i + \sum_{i=1}^{n} x_i", r"x_i + \sum_{i=1}^{n} x_i", Status.CORRECT),  # x_i outside any sum stays a name
    # two indices: x_{ij} inside sums over i and j
    (r"\sum_{i=1}^{n}\sum_{j=1}^{m} x_{ij}", r"n m x_{ij}", Status.INCORRECT),
    ("Sum(Sum(x_ij, (j, 1, m)), (i, 1, n))", "n*m*x_ij", Status.INCORRECT),
    (r"\sum_{i=1}^{n}\sum_{j=1}^{m} x_{ij}", "Sum(Sum(x[i, j], (i, 1, n)), (j, 1, m))", Status.CORRECT),
]


@pytest.mark.parametrize(("reference", "answer", "status"), OPEN_REFERENCES, ids=[f"{r[0]} vs {r[1]}" for r in OPEN_REFERENCES])
def test_a_reference_typed_with_a_sum_reads_its_terms_as_entries(reference, answer, status):
    assert check(reference, answer, timeout=5.0).status is status


def test_derive_differentiates_a_typed_sum_term_by_term():
    from derive import differentiate

    reference = read_answer(r"\sum_{i=1}^{n} (w x_i - y_i)^2", Vocabulary().opened(), notation="latex").value
    w = next(s for s in reference.free_symbols if str(s) == "w")
    derivative = differentiate(reference, w).result
    # typed independently: the sum of 2 x_i (w x_i - y_i), not n times one term
    assert check(derivative, r"\sum_{i=1}^{n} 2 x_i (w x_i - y_i)", timeout=5.0).status is Status.CORRECT
    assert check(derivative, r"2 n x_i (w x_i - y_i)", timeout=5.0).status is Status.INCORRECT
