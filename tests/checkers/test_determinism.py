"""Acceptance test B of issue 11: the same verdicts on an idle and on a busy machine.

A check's budget counts work, not wall time, so the checker corpora graded once alone and
once by eight threads checking at the same time give identical verdicts (status and method).
The rows: every tenth row of the conformance corpus (public fixtures, see
``data/conformance_rows.py``: maths/moodle-qtype_stack
``tests/fixtures/answertestfixtures.class.php`` and huggingface/Math-Verify ``tests/*.py``)
and the pairs the stress test found load-sensitive: a least-squares gradient with matrix
declarations (correct by proof alone, undecided under load before) and products of
Piecewise functions (incorrect alone, undecided under load before).
"""

from __future__ import annotations

import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from checkers import check
from checkers._declarations import read_declarations

sys.path.insert(0, str(Path(__file__).resolve().parent / "data"))

from conformance_rows import load

STRIDE = 20
THREADS = 8
TOO_SLOW = ("too slow", "ceiling")
"""A busy check stopped by the wall-clock safety net (the machine itself far slower than the
reference, e.g. other processes on it), not by its work: the one verdict load may change, said as such."""
TIMEOUT = 1.0  # seconds of work per check: rows that need more end undecided, alone and under load alike


@dataclass(frozen=True)
class Pair:
    name: str
    expected: str
    answer: str
    declarations: tuple[str, ...] = ()
    notation: str = "auto"


LOAD_SENSITIVE = [
    Pair("least squares", r"2 A^T (A x - b)", r"2A^\top A x - 2A^\top b", ("A:matrix(m,n)", "x:vector(n)", "b:vector(m)")),
    Pair("least squares, plain", "2*A.T*(A*x - b)", "2*A.T*A*x - 2*A.T*b", ("A:matrix(m,n)", "x:vector(n)", "b:vector(m)")),
    Pair("Piecewise product", "Piecewise((x, x > 0), (0, True))*Piecewise((x, x > 1), (1, True))",
         "Piecewise((x**2, x > 0), (0, True))"),
    Pair("Piecewise product, right", "Piecewise((x, x > 0), (0, True))*Piecewise((1, x > 0), (-1, True))", "Max(x, 0)"),
    Pair("cases product", r"\begin{cases} x & x>0 \\ 0 & \text{otherwise}\end{cases} \cdot "
         r"\begin{cases} x^2 & x>1 \\ 1 & \text{otherwise}\end{cases}",
         r"\begin{cases} x^3 & x>0 \\ 0 & \text{otherwise}\end{cases}"),
]


def _corpus() -> list[Pair]:
    rows = list(load().items())[::STRIDE]
    return LOAD_SENSITIVE + [Pair(key, row.reference, row.answer, notation=row.notation) for key, row in rows]


def _verdict(pair: Pair) -> tuple[str, str]:
    """(status, method); a reference that cannot be read is ("refused", "")."""
    symbols, facts = read_declarations(pair.declarations)
    try:
        verdict = check(pair.expected, pair.answer, symbols=symbols, assumptions=facts, notation=pair.notation,
                        timeout=TIMEOUT)
    except Exception:
        return "refused", ""
    if verdict.status.value == "undecided" and "machine was too slow" in verdict.message:
        return TOO_SLOW
    return verdict.status.value, verdict.method.value


def _changed(pairs: list[Pair], alone: list[tuple[str, str]], busy: list[tuple[str, str]]) -> dict:
    """The pairs whose verdict under load differs from alone (a pair the safety net stopped aside),
    skipping the test when most busy checks were stopped by the net, as the comparison would then mean nothing."""
    if sum(after == TOO_SLOW for after in busy) > len(busy) / 2:
        pytest.skip(f"the machine is too busy to compare verdicts: {busy.count(TOO_SLOW)} of {len(busy)} busy checks "
                    "were stopped by the wall-clock safety net")
    return {pair.name: (before, after) for pair, before, after in zip(pairs, alone, busy, strict=True)
            if before != after and after != TOO_SLOW}


def test_the_corpora_get_the_same_verdicts_alone_and_under_eight_concurrent_checks():
    pairs = _corpus()
    alone = [_verdict(pair) for pair in pairs]
    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        busy = list(pool.map(_verdict, pairs))
    assert not (changed := _changed(pairs, alone, busy)), changed


@pytest.mark.parametrize("pair", [LOAD_SENSITIVE[0], LOAD_SENSITIVE[2]], ids=lambda pair: pair.name)
def test_a_load_sensitive_pair_keeps_its_verdict_among_copies_of_itself(pair):
    """The two pairs of the issue, each checked eight times at once: all eight like the pair alone."""
    alone = _verdict(pair)
    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        busy = list(pool.map(lambda _: _verdict(pair), range(THREADS)))
    assert not _changed([pair] * THREADS, [alone] * THREADS, busy)


def test_the_load_sensitive_pairs_are_decided_as_typed():
    """The verdicts the pairs should get (typed here, not computed), so the test can fail."""
    assert [_verdict(pair)[0] for pair in LOAD_SENSITIVE] == ["correct", "correct", "incorrect", "correct", "incorrect"]
