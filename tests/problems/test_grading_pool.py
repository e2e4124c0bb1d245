"""Batch grading in worker processes: every row once, hangs and memory bombs contained, same
results for any worker count, on the local pool and on a Dask cluster."""

import os
import signal
import time

import pytest

from problems import grade_many
from problems._grading._worker import check_task

# A mixed batch: bank parts right and wrong, explicit references in LaTeX and sympy syntax,
# adversarial answers the checker must refuse, repeated answers, and rows that are not rows.
ROWS = [
    {"id": "b1", "problem": "ch2-solutions.3.x", "answer": "2xy"},
    {"id": "b2", "problem": "ch2-solutions.3", "part": "y", "answer": "x^2 + y^2"},
    {"id": "b3", "problem": "ch2-solutions.1.fprime", "answer": "(3x - 1)(x - 3)"},
    {"id": "b4", "problem": "ch2-solutions.1.crit", "answer": r"x = 3 \text{ and } x = \frac13"},
    {"id": "b5", "problem": "ch2-solutions.2.deriv", "answer": r"e^{\sin(x^2)} \cdot \cos(x^2) \cdot 2x"},
    {"id": "b6", "problem": "ch2-solutions.5.a", "answer": "a - b"},
    {"id": "b7", "problem": "ch2-solutions.8.max", "answer": "1/4"},
    {"id": "b8", "problem": "ch2-solutions.3.x", "answer": "2xy"},
    {"id": "e1", "expected": r"\sigma(x)(1-\sigma(x))", "answer": "exp(-x)/(1+exp(-x))**2"},
    {"id": "e2", "expected": "x^2", "answer": "2x"},
    {"id": "e3", "expected": "sqrt(x^2)", "answer": "x", "symbols": ["x:positive"]},
    {"id": "e4", "expected": "sqrt(x^2)", "answer": "x"},
    {"id": "e5", "expected": "(A + A^T) x", "answer": "2 A x", "symbols": ["A:matrix(n,n),symmetric", "x:vector(n)"]},
    {"id": "e6", "expected": r"\frac{1}{2\sqrt{x}}", "answer": r"\frac12 x^{-1/2}"},
    {"id": "e7", "expected": "x^2", "answer": "x*x"},
    {"id": "a1", "expected": "x^2", "answer": "__import__('os').system('true')"},
    {"id": "a2", "expected": "x^2", "answer": "10**10**10**10"},
    {"id": "a3", "expected": "x^2", "answer": "(" * 5000 + "x" + ")" * 5000},
    {"id": "a4", "expected": "x^2", "answer": r"\frac{1}{x"},
    {"id": "a5", "expected": "x^2", "answer": "x" * 50_000},
    {"id": "a6", "expected": "x^2", "answer": "\x00\ud800 x"},
    {"id": "g1", "expected": "x^2 +", "answer": "x"},
    {"id": "g2", "answer": "x"},
    {"id": "g3", "problem": "nope.1", "answer": "x"},
    {"id": "g4", "expected": "x", "answer": {"a": 1}},
    ["not", "a", "mapping"],
    {"id": "g5", "expected": "x", "answer": "x" * 1_000_000},
]
EXPECTED_STATUS = {
    "b1": "correct", "b2": "incorrect", "b3": "correct", "b4": "correct", "b5": "correct", "b6": "incorrect", "b7": "correct",
    "b8": "correct", "e1": "correct", "e2": "incorrect", "e3": "correct", "e4": "incorrect", "e5": "correct", "e6": "correct",
    "e7": "correct", "a1": "invalid", "a2": "invalid", "a3": "invalid", "a4": "invalid", "a5": "invalid", "a6": "invalid",
    "g1": "error", "g2": "error", "g3": "error", "g4": "error", None: "error", "g5": "error",
}


def _comparable(records):
    """Records by row, without the timings (the only thing that may differ between runs)."""
    return {r["row"]: {k: v for k, v in r.items() if k != "elapsed"} for r in records}


@pytest.fixture(scope="module")
def two_workers():
    return list(grade_many(ROWS, workers=2, timeout=10))


def test_every_row_appears_exactly_once_with_its_status(two_workers):
    assert sorted(r["row"] for r in two_workers) == list(range(1, len(ROWS) + 1))
    assert {r["id"]: r["status"] for r in two_workers} == EXPECTED_STATUS
    for record in two_workers:
        assert list(record)[:5] == ["id", "row", "problem", "status", "score"]
        assert record["message"], record
        assert record["score"] == (1.0 if record["status"] == "correct" else 0.0)


def test_results_are_identical_across_runs_and_worker_counts(two_workers):
    again = list(grade_many(ROWS, workers=2, timeout=10))
    one_worker = list(grade_many(ROWS, workers=1, timeout=10))
    assert _comparable(again) == _comparable(two_workers)
    assert _comparable(one_worker) == _comparable(two_workers)


def test_dedupe_gives_repeated_answers_the_same_verdict_as_checking_each(two_workers):
    every = list(grade_many(ROWS, workers=2, timeout=10, dedupe=False))
    assert _comparable(every) == _comparable(two_workers)


# Checks that misbehave on purpose; grade_many runs them in its workers through `check=`.
def misbehaving_check(task, timeout):
    if task.answer == "HANG":
        while True:
            pass
    if task.answer == "SLEEP":
        time.sleep(600)
    if task.answer == "NAP":  # longer than the budget, short enough for a Dask thread to come back
        time.sleep(2.5)
    if task.answer == "BOMB":
        return bytearray(8 << 30)
    if task.answer == "GROW":
        hoard = []
        while True:
            hoard.append(bytearray(64 << 20))
    if task.answer == "DIE":
        os.kill(os.getpid(), signal.SIGKILL)
    if task.answer == "RAISE":
        raise RuntimeError("the checker broke")
    return check_task(task, timeout)


MISBEHAVING = [
    # (answer, status, text in the message)
    ("HANG", "undecided", "was stopped"),  # RLIMIT_CPU (the budgets' 4 s + 0.5 s), or on a busy machine the wall clock
    ("SLEEP", "undecided", "ran past its 0.5 s budget"),  # killed at the budget's ceiling (7 s) + grace
    ("BOMB", "undecided", "ran out of memory"),
    ("GROW", "undecided", "ran out of memory"),
    ("DIE", "undecided", "process checking this answer was stopped (SIGKILL)"),
    ("RAISE", "error", "failed inside derivecheck"),  # a sentence, never the exception's text
]


def test_hangs_memory_bombs_and_dying_workers_are_undecided_and_the_batch_goes_on():
    rows = []
    for answer, _, _ in MISBEHAVING:
        rows += [{"id": f"{answer}-1", "expected": "x^2", "answer": answer},
                 {"id": f"ok-{answer}", "expected": "x^2", "answer": "x*x"},
                 {"id": f"no-{answer}", "expected": "x^2", "answer": "2x"}]
    rows.append({"id": "HANG-2", "expected": "x^2", "answer": "HANG", "symbols": ["x"]})
    records = list(grade_many(rows, workers=2, timeout=0.5, grace=0.5, memory_mb=300, check=misbehaving_check))
    assert sorted(r["row"] for r in records) == list(range(1, len(rows) + 1))
    by_id = {r["id"]: r for r in records}
    for answer, status, text in MISBEHAVING:
        assert by_id[f"{answer}-1"]["status"] == status
        assert text in by_id[f"{answer}-1"]["message"]
        assert by_id[f"ok-{answer}"]["status"] == "correct"
        assert by_id[f"no-{answer}"]["status"] == "incorrect"
    assert by_id["HANG-2"]["status"] == "undecided"


def test_stopping_early_leaves_no_workers_behind():
    results = grade_many(ROWS, workers=2, timeout=10)
    first = next(results)
    results.close()
    assert first["row"] >= 1


def test_usage_errors_for_impossible_options():
    with pytest.raises(Exception, match="workers must be at least 1"):
        list(grade_many(ROWS, workers=0))
    with pytest.raises(Exception, match="timeout must be positive"):
        list(grade_many(ROWS, timeout=0))


def test_the_same_grading_on_a_dask_cluster(two_workers):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        on_dask = list(grade_many(ROWS, scheduler=client, timeout=10))
        by_address = list(grade_many(ROWS[:3], scheduler=cluster.scheduler_address, timeout=10))
    assert _comparable(on_dask) == _comparable(two_workers)
    assert _comparable(by_address) == {row: r for row, r in _comparable(two_workers).items() if row <= 3}


def test_a_hung_dask_task_is_cancelled_and_recorded_undecided():
    distributed = pytest.importorskip("distributed")
    rows = [{"id": "h", "expected": "x^2", "answer": "NAP"}, {"id": "ok", "expected": "x^2", "answer": "x*x"}]
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        records = {r["id"]: r for r in grade_many(rows, scheduler=client, timeout=0.3, grace=0.2, check=misbehaving_check)}
    assert records["h"]["status"] == "undecided" and "Dask cluster" in records["h"]["message"]
    assert records["ok"]["status"] == "correct"
