"""``derivecheck grade``: exit codes and messages, resume after SIGKILL, SIGTERM or Ctrl-C, Gradescope export, Dask."""

import json
import os
import signal
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from problems.cli import main

ROWS = [
    {"id": "s1", "problem": "ch2-solutions.3.x", "answer": "2xy"},
    {"id": "s2", "problem": "ch2-solutions.3", "part": "y", "answer": "x^2 + y^2"},
    {"id": "s3", "expected": "x^2", "answer": "2x"},
    {"id": "s4", "expected": "sqrt(x^2)", "answer": "x", "symbols": ["x:positive"]},
    {"id": "s5", "expected": r"\frac{1}{2\sqrt{x}}", "answer": r"\frac12 x^{-1/2}"},
    {"id": "s6", "expected": "x^2", "answer": r"\frac{1}{x"},
]
BAD_LINES = ['{"id": "b1", "expected": "x", "answer": "x"', "[1, 2]", '{"id": "b3", "problem": "nope.1", "answer": "x"}']


def _write_jsonl(path, rows, extra_lines=()):
    path.write_text("".join(json.dumps(r) + "\n" for r in rows) + "".join(line + "\n" for line in extra_lines), encoding="utf-8")
    return path


def _results(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _comparable(records):
    return {r["row"]: {k: v for k, v in r.items() if k != "elapsed"} for r in records}


def _grade(*arguments):
    return CliRunner().invoke(main, ["grade", *map(str, arguments)])


def test_grade_writes_one_result_per_row_and_a_summary(tmp_path):
    subs = _write_jsonl(tmp_path / "subs.jsonl", ROWS, BAD_LINES)
    out = tmp_path / "results.jsonl"
    result = _grade(subs, "-o", out, "--workers", 2)
    assert result.exit_code == 0, result.output
    records = _results(out)
    assert sorted(r["row"] for r in records) == list(range(1, 10))
    statuses = {r["id"]: r["status"] for r in records}
    assert statuses == {"s1": "correct", "s2": "incorrect", "s3": "incorrect", "s4": "correct", "s5": "correct", "s6": "invalid",
                        "b1": "error", None: "error", "b3": "error"}
    bad = {r["row"]: r for r in records if r["status"] == "error"}
    assert "line 7 is not valid JSON" in bad[7]["error"]["message"] and "must be a JSON object" in bad[8]["message"]
    assert "no problem 'nope.1'" in bad[9]["message"]
    assert "Graded 9 rows" in result.stderr and "error 3" in result.stderr and "ch2-solutions.3.x" in result.stderr
    assert "Slowest rows" in result.stderr and "Traceback" not in result.output
    again = tmp_path / "again.jsonl"
    assert _grade(subs, "-o", again, "--workers", 1, "--no-dedupe").exit_code == 0
    assert _comparable(_results(again)) == _comparable(records)


def test_csv_input_gives_the_same_results_as_jsonl(tmp_path):
    subs = tmp_path / "subs.csv"
    subs.write_text("id,problem,part,answer,expected,symbols\n"
                    "s1,ch2-solutions.3,x,2xy,,\n"
                    's3,,,2x,x^2,\n'
                    's4,,,x,sqrt(x^2),x:positive\n', encoding="utf-8")
    out = tmp_path / "results.jsonl"
    result = _grade(subs, "-o", out)
    assert result.exit_code == 0, result.output
    assert {r["id"]: (r["row"], r["status"]) for r in _results(out)} == {
        "s1": (2, "correct"),
        "s3": (3, "incorrect"),
        "s4": (4, "correct"),
    }


USAGE_ERRORS = [
    # (arguments built from the paths, text in the message)
    (lambda subs, out, tmp: ["missing.jsonl", "-o", out], "does not exist"),
    (lambda subs, out, tmp: [subs], "Missing option '-o'"),
    (lambda subs, out, tmp: [subs, "-o", subs], "another file than SUBMISSIONS"),
    (lambda subs, out, tmp: [tmp, "-o", out], "is a directory"),
    (lambda subs, out, tmp: [subs, "-o", out, "--workers", "0"], "--workers"),
    (lambda subs, out, tmp: [subs, "-o", out, "--timeout", "-1"], "--timeout"),
    (lambda subs, out, tmp: [subs, "-o", tmp / "no" / "such" / "dir.jsonl"], "cannot write"),
    (lambda subs, out, tmp: [tmp / "notes.txt", "-o", out], "cannot tell whether"),
    (lambda subs, out, tmp: [tmp / "noheader.csv", "-o", out], "the CSV header must name the columns id and answer"),
    (lambda subs, out, tmp: [subs, "-o", tmp / "other.jsonl", "--resume"], "written for another input"),
    (lambda subs, out, tmp: [subs, "-o", tmp / "garbage.jsonl", "--resume"], "is not a derivecheck result"),
]


@pytest.mark.parametrize(("arguments", "text"), USAGE_ERRORS)
def test_usage_errors_exit_2_with_a_message(tmp_path, arguments, text):
    subs = _write_jsonl(tmp_path / "subs.jsonl", ROWS)
    (tmp_path / "notes.txt").write_text("hello world\n")
    (tmp_path / "noheader.csv").write_text("a,b\n1,2\n")
    (tmp_path / "other.jsonl").write_text(json.dumps({"id": "zz", "row": 1, "status": "correct"}) + "\n")
    (tmp_path / "garbage.jsonl").write_text("hello\n")
    result = _grade(*arguments(subs, tmp_path / "results.jsonl", tmp_path))
    assert result.exit_code == 2, result.output
    assert text in result.output
    assert "Traceback" not in result.output


def test_resume_grades_only_the_missing_rows(tmp_path):
    subs = _write_jsonl(tmp_path / "subs.jsonl", ROWS)
    out = tmp_path / "results.jsonl"
    assert _grade(subs, "-o", out).exit_code == 0
    full = _results(out)
    kept = [r for r in full if r["row"] in (2, 5)]
    out.write_text("".join(json.dumps(r) + "\n" for r in kept) + '{"id": "s1", "row": 1, "sta', encoding="utf-8")
    result = _grade(subs, "-o", out, "--resume")
    assert result.exit_code == 0, result.output
    assert "Graded 4 rows" in result.stderr and "2 rows were already in the results file" in result.stderr
    resumed = _results(out)
    assert sorted(r["row"] for r in resumed) == list(range(1, len(ROWS) + 1))
    assert _comparable(resumed) == _comparable(full)


def _slow_rows(count=240):
    """Rows enough that a run stopped after 25 lines has most left to grade, every third one incorrect."""
    return [{"id": f"r{k}", "expected": f"x^2 + {k} x", "answer": f"x*x + {k}*x" if k % 3 else f"x^2 + {k + 1} x"}
            for k in range(count)]


def _start_grading(subs, out, **streams):
    """``derivecheck grade`` in a child process, in its own session (its process group is the whole job)."""
    command = [sys.executable, "-c", "from problems.cli import run; run()", "grade", str(subs), "-o", str(out),
               "--workers", "2"]
    streams = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, **streams}
    return subprocess.Popen(command, start_new_session=True, **streams)


def _wait_for_lines(process, out, lines):
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        if out.exists() and out.read_bytes().count(b"\n") >= lines:
            return
        time.sleep(0.02)
    assert process.poll() is None, "the run finished before it could be stopped"


def _assert_resume_finishes_exactly_the_rest(subs, out, rows, written):
    result = _grade(subs, "-o", out, "--resume", "--workers", "2")
    assert result.exit_code == 0, result.output
    assert f"Graded {len(rows) - written:,} rows" in result.stderr
    records = _results(out)
    assert sorted(r["row"] for r in records) == list(range(1, len(rows) + 1))
    assert all(r["id"] == f"r{r['row'] - 1}" for r in records)
    assert all(r["status"] == ("correct" if (r["row"] - 1) % 3 else "incorrect") for r in records)


def test_a_run_killed_part_way_resumes_without_losing_or_duplicating_rows(tmp_path):
    rows = _slow_rows()
    subs = _write_jsonl(tmp_path / "subs.jsonl", rows)
    out = tmp_path / "results.jsonl"
    process = _start_grading(subs, out)
    try:
        _wait_for_lines(process, out, 25)
        os.killpg(process.pid, signal.SIGKILL)  # the whole job dies at once, workers included
    finally:
        process.wait(timeout=30)
    written = out.read_bytes().count(b"\n")
    assert 25 <= written < len(rows)
    with out.open("ab") as handle:  # as if the kill had landed in the middle of a write
        handle.write(b'{"id": "r239", "row": 240, "status": "corr')
    _assert_resume_finishes_exactly_the_rest(subs, out, rows, written)


def _group_is_gone(group):
    """True once no process of the job is left (the workers and their forkserver included)."""
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        try:
            os.killpg(group, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.05)
    return False


@pytest.mark.parametrize(
    ("number", "whole_group", "status", "word"),
    [
        (signal.SIGTERM, False, 143, "Terminated"),  # kill PID, docker stop, a batch scheduler's notice
        (signal.SIGTERM, True, 143, "Terminated"),   # systemd, Slurm: every process of the job at once
        (signal.SIGINT, True, 130, "Interrupted"),   # Ctrl-C in a terminal
    ],
    ids=["SIGTERM to the command", "SIGTERM to the job", "Ctrl-C"],
)
def test_a_stopped_run_says_so_keeps_every_row_and_resumes(tmp_path, number, whole_group, status, word):
    rows = _slow_rows()
    subs = _write_jsonl(tmp_path / "subs.jsonl", rows)
    out = tmp_path / "results.jsonl"
    process = _start_grading(subs, out, stderr=subprocess.PIPE, text=True)
    try:
        _wait_for_lines(process, out, 25)
        if whole_group:
            os.killpg(process.pid, number)
        else:
            process.send_signal(number)
        _, stderr = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=30)
    assert process.returncode == status, stderr
    assert _group_is_gone(process.pid), "a worker outlived the run"
    data = out.read_bytes()
    written = data.count(b"\n")
    assert data.endswith(b"\n") and 25 <= written < len(rows)
    assert f"{word}: {written:,} new rows are in {out}; run the same command with --resume to finish." in stderr
    assert "Traceback" not in stderr
    records = _results(out)
    assert len({r["row"] for r in records}) == written  # none torn, none twice
    assert {r["status"] for r in records} <= {"correct", "incorrect"}  # no row recorded as a stopped worker's
    _assert_resume_finishes_exactly_the_rest(subs, out, rows, written)


def test_gradescope_export_has_the_documented_fields_and_types(tmp_path):
    subs = _write_jsonl(tmp_path / "subs.jsonl", ROWS, BAD_LINES)
    out, gradescope = tmp_path / "results.jsonl", tmp_path / "results.json"
    result = _grade(subs, "-o", out, "--gradescope", gradescope)
    assert result.exit_code == 0, result.output
    data = json.loads(gradescope.read_text())
    assert isinstance(data["score"], float) and data["score"] == 3.0
    assert isinstance(data["execution_time"], int) and data["execution_time"] >= 0
    assert isinstance(data["output"], str)
    assert data["visibility"] in ("hidden", "after_due_date", "after_published", "visible")
    assert data["stdout_visibility"] in ("hidden", "after_due_date", "after_published", "visible")
    assert len(data["tests"]) == 9
    for test in data["tests"]:
        assert isinstance(test["name"], str) and isinstance(test["output"], str)
        assert isinstance(test["score"], float) and test["max_score"] == 1.0
        assert test["status"] in ("passed", "failed")
        assert (test["status"] == "passed") == (test["score"] == 1.0)
    assert data["tests"][0]["name"] == "s1: ch2-solutions.3.x" and data["tests"][0]["status"] == "passed"
    assert data["tests"][5]["status"] == "failed" and "Invalid" in data["tests"][5]["output"]
    assert [t["extra_data"]["row"] for t in data["tests"]] == list(range(1, 10))


def test_progress_bar_and_dask_scheduler(tmp_path):
    distributed = pytest.importorskip("distributed")
    subs = _write_jsonl(tmp_path / "subs.jsonl", ROWS, BAD_LINES)
    local, on_dask = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    assert _grade(subs, "-o", local, "--progress").exit_code == 0
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None) as cluster:
        result = _grade(subs, "-o", on_dask, "--scheduler", cluster.scheduler_address)
    assert result.exit_code == 0, result.output
    assert "Dask scheduler" in result.stderr
    assert _comparable(_results(on_dask)) == _comparable(_results(local))
