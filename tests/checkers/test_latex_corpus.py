"""The LaTeX corpus: every string reads as its independently written meaning, or is refused.

A *misread* (read, but to something else; or read when it must be refused) fails the test:
the goal is zero silent misreads.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "data"))
from latex_corpus import expected_members, load, same_meaning

from checkers._errors import InvalidAnswer
from checkers._latex import read_latex

CONSTRUCTS = load("latex_corpus.tsv")
SEEDS = load("latex_seed_corpus.tsv")
ENTRIES = CONSTRUCTS + SEEDS


def _id(entry) -> str:
    return f"{entry.category}:{entry.line}"


def test_corpus_is_large_and_covers_malformed_input() -> None:
    assert len(ENTRIES) >= 250
    assert sum(1 for e in CONSTRUCTS if e.category == "malformed") >= 15
    assert {e.category for e in SEEDS} == {"seed001", "seed004"}
    assert sum(1 for e in ENTRIES if not e.invalid) >= 200


@pytest.mark.parametrize("entry", ENTRIES, ids=_id)
def test_reads_as_meant_or_is_refused(entry) -> None:
    if entry.invalid:
        with pytest.raises(InvalidAnswer) as caught:
            read_latex(entry.latex, entry.vocabulary)
        position = caught.value.position
        assert position is None or 0 <= position <= len(entry.latex)
        return
    want = expected_members(entry)
    got = read_latex(entry.latex, entry.vocabulary).members
    assert len(got) >= len(want), f"{entry.latex!r} read as {got}"
    for read, meant in zip(got[-len(want):], want):
        assert same_meaning(read, meant), f"{entry.latex!r} read as {read}, meant {meant}"
