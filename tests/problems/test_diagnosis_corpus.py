"""Property over the answer tables of every seed and the equivalence corpus: a diagnosis
appears only on incorrect verdicts (never on a right answer), and then with a kind from the
fixed vocabulary and a message that does not quote the whole reference."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from seed_answers import all_rows

from checkers import Mistake, Status, check
from checkers._reading import to_text
from problems import bank

sys.path.insert(0, str(Path(__file__).parents[1] / "checkers"))
from test_equivalent_pairs import DECLARED, EQUIVALENT, NOT_EQUIVALENT

ROWS = all_rows()


def _part(part_id: str):
    found, part = bank.find(part_id)
    return part or found.part()


def _assert_consistent(verdict, reference) -> None:
    if verdict.status is not Status.INCORRECT:
        assert verdict.diagnosis is None, verdict.diagnosis
        return
    if verdict.diagnosis is not None:
        assert isinstance(verdict.diagnosis.kind, Mistake)
        whole = to_text(reference)
        assert len(whole) < 4 or whole not in verdict.diagnosis.message, verdict.diagnosis.message
    assert 0.0 <= verdict.score < 1.0


@pytest.mark.parametrize("row", ROWS, ids=[row.part for row in ROWS])
def test_seed_answers_get_a_diagnosis_only_when_wrong(row):
    part = _part(row.part)
    for answer in (row.stated, row.alternative, row.mistake):
        _assert_consistent(part.check(answer), part.answer)


@pytest.mark.parametrize(("expected", "answer"), EQUIVALENT + NOT_EQUIVALENT)
def test_the_equivalence_corpus_gets_a_diagnosis_only_when_wrong(expected, answer):
    _assert_consistent(check(expected, answer, symbols=DECLARED), expected)
