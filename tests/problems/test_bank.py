"""Every part of the bank, generated from the answer tables: reference = the seed's result,
an alternative form is accepted, a typical mistake rejected, every rendering works."""

import json
import os
import re
import subprocess
import sys

import pytest
from seed_answers import all_rows

from checkers import Status
from problems import ANSWER_KINDS, bank

ROWS = all_rows()
PARTS = {part.qualified_id: part for part in bank.parts()}
SEED_ORDER = sorted({p.source.seed for p in bank.all()})


@pytest.mark.parametrize("row", ROWS, ids=lambda r: r.part)
def test_reference_equals_the_stated_result(row):
    """At the default budget: no right answer of the tables ends undecided."""
    verdict = PARTS[row.part].check(row.stated)
    assert verdict.status is Status.CORRECT, f"{row.part}: {verdict.message} (reference {PARTS[row.part].answer})"


@pytest.mark.parametrize("row", ROWS, ids=lambda r: r.part)
def test_an_alternative_form_is_accepted(row):
    """At the default budget, as above."""
    verdict = PARTS[row.part].check(row.alternative)
    assert verdict.status is Status.CORRECT, f"{row.part}: {verdict.message}"


@pytest.mark.parametrize("row", ROWS, ids=lambda r: r.part)
def test_a_typical_mistake_is_rejected(row):
    verdict = PARTS[row.part].check(row.mistake, timeout=20)
    assert verdict.status is Status.INCORRECT, f"{row.part}: {verdict.message}"


def test_every_part_has_a_table_row_and_every_row_a_part():
    assert sorted(PARTS) == sorted(row.part for row in ROWS)


@pytest.mark.parametrize("part_id", sorted(PARTS))
def test_every_reference_renders_in_every_format(part_id):
    reference = PARTS[part_id].reference
    assert reference.to_text() and reference.to_latex() and reference.to_markdown()
    data = reference.to_dict()
    assert set(data) >= {"result", "result_latex", "steps"}
    json.dumps(data)


def test_problems_are_well_formed():
    ids = [p.id for p in bank.all()]
    assert len(ids) == len(set(ids))
    for problem in bank.all():
        assert problem.parts and problem.title and problem.statement
        assert problem.source.seed.endswith(".txt") and problem.source.exercise
        assert all(part.kind in ANSWER_KINDS for part in problem.parts)


def _exercise_number(problem) -> tuple[int, ...]:
    """``Solution 12`` -> (12,), ``2.10`` -> (2, 10), ``5.3*`` -> (5, 3): the label's numbers."""
    return tuple(int(n) for n in re.findall(r"\d+", problem.source.exercise))


def test_bank_order_follows_the_seeds():
    """Seed by seed (000 to 004), and within a seed in the order the seed lists its exercises."""
    order = [(SEED_ORDER.index(p.source.seed), _exercise_number(p)) for p in bank.all()]
    assert [seed for seed, _ in order] == sorted(seed for seed, _ in order)
    assert order == sorted(order)


def test_bank_order_is_the_same_in_a_fresh_process():
    script = "from problems import bank; print(' '.join(p.id for p in bank.all()))"
    fresh = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": "12345"})
    assert fresh.stdout.split() == [p.id for p in bank.all()]
