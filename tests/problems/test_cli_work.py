"""``derivecheck check ... --work FILE``: rows with marks, the first wrong one, JSON, exit status;
grade rows that carry ``"work"``."""

import json

import pytest
from click.testing import CliRunner

from problems._grading._rows import task_from_mapping
from problems._grading._worker import run_task
from problems.cli import main

RIGHT = "f'(x) = \\frac{d}{dx}\\left(x^3 - 5x^2 + 3x\\right)\n= 3x^2 - 10x + 3\n"
WRONG = "f'(x) = \\frac{d}{dx}\\left(x^3 - 5x^2 + 3x\\right)\n= 3x^2 - 10x + 2\n= 3x^2 - 10x + 2\n"

RUNS = [
    # (arguments (WORK is the file), input for '-', exit status, texts the output must contain)
    (["check", "ch2-solutions.1.fprime", "--work", "WORK"], RIGHT, 0, ["correct", "✓ 1", "✓ 2"]),
    (["check", "ch2-solutions.1.fprime", "--work", "WORK"], WRONG, 1, ["✓ 1", "✗ 2", "✓ 3", "first wrong row: 2",
                                                                      "does not hold"]),
    (["check", "ch2-solutions.1.fprime", "--work", "-"], WRONG, 1, ["first wrong row: 2"]),
    (["check", "--expected", "2x", "--work", "-"], "\\frac{d}{dx} x^2 = 2x", 0, ["correct"]),
    (["check", "--expected", "{0, 1}", "--var", "x:real", "--work", "-"], "x^2 = x\nx = 1", 1, ["loses the solution x = 0"]),
    (["check", "--expected", "2x", "--work", "-"], "\\frac{d}{dx} x^2 = 2x +", 3, ["✗ 1", "invalid"]),
    (["check", "--expected", "2x", "2x", "--work", "-"], "2x", 2, ["give no answer"]),
    (["check", "ch2-solutions.1.fprime", "3x^2", "--work", "-"], "2x", 2, ["no answer"]),
    (["check", "ch2-solutions.1.fprime", "--work", "/nonexistent/work.tex"], "", 2, ["cannot read the work file"]),
]


@pytest.mark.parametrize(("arguments", "text", "status", "shown"), RUNS)
def test_check_work_prints_rows_with_marks(tmp_path, arguments, text, status, shown):
    path = tmp_path / "work.tex"
    path.write_text(text, encoding="utf-8")
    arguments = [str(path) if a == "WORK" else a for a in arguments]
    result = CliRunner().invoke(main, arguments, input=text)
    assert result.exit_code == status, result.output
    for piece in shown:
        assert piece in result.output


def test_check_work_json_has_rows_and_the_first_error():
    result = CliRunner().invoke(main, ["check", "ch2-solutions.1.fprime", "--work", "-", "--json"], input=WRONG)
    data = json.loads(result.output)
    assert result.exit_code == 1
    assert data["status"] == "incorrect" and data["first_error"] == 2
    assert [row["status"] for row in data["rows"]] == ["correct", "incorrect", "correct"]


@pytest.mark.parametrize(("row", "status", "first_error"), [
    ({"id": "w1", "problem": "ch2-solutions.1.fprime", "work": RIGHT}, "correct", None),
    ({"id": "w2", "problem": "ch2-solutions.1", "part": "fprime", "work": WRONG}, "incorrect", 2),
    ({"id": "w3", "expected": "2x", "work": "\\frac{d}{dx} x^2 = x"}, "incorrect", 1),
])
def test_grade_rows_may_carry_work(row, status, first_error):
    task = task_from_mapping(row, row=1)
    assert task.work
    payload = run_task(task, 10.0)
    assert (payload["status"], payload["first_error"]) == (status, first_error)


def test_a_grade_row_gives_answer_or_work_not_both():
    error = task_from_mapping({"id": "w", "expected": "2x", "answer": "2x", "work": "2x"}, row=1)
    assert error.kind == "conflicting-fields"
