"""Conformance with STACK's equivalence reasoning on plain algebra.

The arguments come from maths/moodle-qtype_stack, tests/fixtures/equivfixtures.class.php
(commit a14f3034a0e45aab27dcae96c526a6095dbf6ef7), converted to
tests/checkers/data/stack_equivalence_reasoning.json: every argument whose rows are plain
equations. Each row is claimed equivalent to the one before (no connector); the first row
STACK marks as gaining (IMPLIESCHAR), losing (IMPLIEDCHAR) or unrelated (QMCHAR) is the first
error. Three arguments STACK judges over the complex numbers are equivalent over the reals,
where derivecheck works; the data file says so for each (``convention``).
"""

import json
from pathlib import Path

import pytest
import sympy

from checkers import Status, check_work

_DATA = json.loads((Path(__file__).parent / "data" / "stack_equivalence_reasoning.json").read_text(encoding="utf-8"))
CASES = _DATA["cases"]


def _symbols(domain: str) -> list[sympy.Symbol]:
    facts = {"positive": True} if domain == "positive" else {"real": True}
    return [sympy.Symbol(name, **facts) for name in "xab"]


@pytest.mark.parametrize("case", CASES, ids=[f"{i}-{c['title']}" for i, c in enumerate(CASES)])
def test_stack_equivalence_argument(case):
    verdict = check_work(case["rows"][-1], "\n".join(case["rows"]), symbols=_symbols(case["domain"]))
    assert verdict.first_error == case["first_error"], verdict.message
    assert (verdict.status is Status.CORRECT) == (case["first_error"] is None)


def test_the_table_cites_its_source_and_keeps_stack_outcomes():
    assert _DATA["source"]["repository"] == "maths/moodle-qtype_stack"
    assert len(CASES) >= 20
    agreeing = [c for c in CASES if "convention" not in c]
    assert all((c["first_error"] is None) == c["stack_outcome"] for c in agreeing)
