"""latex2sympy2 as a test-time differential oracle for derivecheck's LaTeX reader.

Every corpus string is read by both readers. They must agree (same meaning, or both
refuse), or the difference must be listed in ``data/latex2sympy_known.tsv`` with its
category and reason. A listed difference that changes or disappears fails too, so the
list stays exact. A difference that is derivecheck's fault is never listable.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "data"))
from latex_corpus import Entry, load
from latex_readers import (
    AGREE,
    FAULTS_OF_DERIVECHECK,
    LISTABLE,
    Known,
    classify,
    entry_id,
    load_known,
)

ENTRIES = load("latex_corpus.tsv") + load("latex_seed_corpus.tsv")
KNOWN = load_known()
BY_ID = {entry_id(entry): entry for entry in ENTRIES}


def _row(entry: Entry, category: str) -> str:
    return f"{entry_id(entry)}\t{category}\t{entry.latex}\t<reason>"


@pytest.mark.parametrize("entry", ENTRIES, ids=entry_id)
def test_readers_agree_or_the_difference_is_known(entry: Entry) -> None:
    found = classify(entry)
    listed = KNOWN.get(entry_id(entry))
    readings = f"derivecheck read {found.ours.describe()}; latex2sympy2 read {found.theirs.describe()}"
    assert found.difference not in FAULTS_OF_DERIVECHECK, (
        f"{entry.latex!r}: {found.difference} ({readings}); fix derivecheck or the corpus meaning, never list this"
    )
    if listed is None:
        assert found.difference == AGREE, (
            f"{entry.latex!r}: a new difference, {found.difference} ({readings}). If latex2sympy2 is at fault, "
            f"add to latex2sympy_known.tsv:\n{_row(entry, found.difference)}"
        )
    else:
        assert found.difference == listed.category, (
            f"{entry.latex!r} is listed as '{listed.category}' ({listed.reason}) but is now {found.difference} "
            f"({readings}): update or remove its row in latex2sympy_known.tsv"
        )


@pytest.mark.parametrize("known", KNOWN.values(), ids=lambda k: k.id)
def test_known_row_names_a_corpus_entry_with_a_listable_category_and_a_reason(known: Known) -> None:
    entry = BY_ID.get(known.id)
    assert entry is not None, f"{known.id} is not a corpus entry (the corpus changed?)"
    assert entry.latex == known.latex, f"{known.id}: the corpus text is now {entry.latex!r}"
    assert known.category in LISTABLE
    assert len(known.reason.split()) >= 3


def _entry(latex: str, profile: str, meaning: str) -> Entry:
    return Entry("example", profile, latex, meaning, 0)


# Small cases showing each way the comparison can end: (latex, profile, meaning, difference)
EXAMPLES = [
    ("x + y", "scalar", "x + y", AGREE),
    (r"\sigma(x)", "scalar", "sigmoid(x)", AGREE),
    (r"\frac12", "scalar", "1/2", "latex2sympy2 refuses"),
    (r"\log x", "scalar", "log(x)", "latex2sympy2 misreads"),
    ("x^T B x", "mat", "transpose(x)*B*x", "latex2sympy2 misreads"),
    (r"\Omega_0 \Omega_1", "deep", "Omega_0*Omega_1", "not comparable"),
    ("z + q", "scalar", "!invalid", "derivecheck refuses on purpose"),
    ("x + 1", "scalar", "x + 2", "both misread"),
    ("x + 1", "scalar", "!invalid", "both misread"),
    (r"\frac12", "scalar", "!invalid", "derivecheck misreads"),
    (r"\log x", "scalar", "log(x)/log(10)", "derivecheck misreads"),
    ("3 - -x", "scalar", "3 + x", "derivecheck refuses wrongly"),
]


@pytest.mark.parametrize(("latex", "profile", "meaning", "expected"), EXAMPLES, ids=[f"{e[0]}|{e[2]}" for e in EXAMPLES])
def test_classification_of_examples(latex: str, profile: str, meaning: str, expected: str) -> None:
    assert classify(_entry(latex, profile, meaning)).difference == expected
