"""Conformance with public answer-test fixtures: STACK's and Math-Verify's verdicts.

Data: maths/moodle-qtype_stack ``tests/fixtures/answertestfixtures.class.php`` (answer tests
AlgEquiv, SysEquiv, Sets) and huggingface/Math-Verify ``tests/*.py`` (gold/pred tables),
converted by ``benchmarks/conformance_convert.py`` into
``tests/checkers/data/conformance/*.jsonl`` (each file cites its source and commit). Khan/KAS
has no test fixtures in its public snapshot, so it is not part of the suite.

Every row where derivecheck's verdict differs from the fixture's is listed, with the reason,
in ``conformance/disagreements.tsv``: ``policy: ...`` (derivecheck decides so on purpose) or
``not yet supported: ...``. A listed row that comes to agree fails the test until it is
removed from the list; an unlisted disagreement fails it too.
"""

from __future__ import annotations

import functools
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "data"))

from conformance_rows import disagreements, is_false_positive, load, out_of_scope, verdict

ROWS = load()
TABLE = disagreements()
AGREEMENT_TARGET = 0.90
SHARDS = 8
"""The rows are checked in shards, so parallel test workers share the work (a row's verdict takes up to 3 s)."""


@functools.cache
def _verdicts(shard: int) -> dict[str, str]:
    """derivecheck's verdict on every row of one shard (every SHARDS-th row), computed once per process."""
    return {key: verdict(row) for key, row in list(ROWS.items())[shard::SHARDS]}


def _differing(verdicts: dict[str, str]) -> dict[str, str]:
    return {key: status for key, status in verdicts.items() if status != ROWS[key].expected}


@pytest.mark.parametrize("shard", range(SHARDS))
def test_every_disagreement_is_listed_with_its_verdict(shard):
    verdicts = _verdicts(shard)
    unlisted = {key: (ROWS[key].reference, ROWS[key].answer, ROWS[key].expected, status)
                for key, status in _differing(verdicts).items() if key not in TABLE or TABLE[key].status != status}
    assert not [key for key, status in verdicts.items() if status == "undecided" and key not in TABLE]
    assert not unlisted, f"disagreements not in disagreements.tsv (or with another verdict): {unlisted}"


@pytest.mark.parametrize("shard", range(SHARDS))
def test_listed_disagreements_still_disagree(shard):
    """(A row listed as undecided, the budget running out, may be decided on a faster machine.)"""
    verdicts = _verdicts(shard)
    fixed = sorted(key for key in TABLE if key in verdicts
                   and verdicts[key] == ROWS[key].expected and TABLE[key].status != "undecided")
    assert not fixed, f"these rows now agree: remove them from disagreements.tsv: {fixed}"


def test_every_listed_row_is_a_row():
    gone = sorted(key for key in TABLE if key not in ROWS)
    assert not gone, f"these rows are gone: remove them from disagreements.tsv: {gone}"


def test_every_listed_reason_is_a_policy_or_a_gap():
    vague = [key for key, entry in TABLE.items()
             if not entry.reason.startswith(("policy: ", "not yet supported: ")) or len(entry.reason) < 25]
    assert not vague, vague


def test_agreement_after_policies_reaches_the_target():
    """Every row disagreeing is listed, and every listed row disagrees (the shard tests above), so
    the rows that agree or disagree by policy are all rows but the listed gaps."""
    gaps = [key for key, entry in TABLE.items() if key in ROWS and not entry.reason.startswith("policy: ")]
    assert (len(ROWS) - len(gaps)) / len(ROWS) >= AGREEMENT_TARGET


@pytest.mark.parametrize("shard", range(SHARDS))
def test_no_false_positives(shard):
    """An answer the fixture calls wrong is never accepted, except by a stated policy."""
    wrong = [key for key, status in _verdicts(shard).items() if is_false_positive(ROWS[key], status)
             and not (key in TABLE and TABLE[key].reason.startswith("policy: "))]
    assert not wrong, [(key, ROWS[key].reference, ROWS[key].answer) for key in wrong]


@pytest.mark.parametrize("row", out_of_scope(), ids=lambda row: f"{row['file']}:{row['line']}")
def test_out_of_scope_rows_say_why(row):
    assert row["reason"] and row["source"] and row["file"]
