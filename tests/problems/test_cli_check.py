"""``derivecheck check --expected`` and ``derive --expr``: exit codes and output (click's CliRunner)."""

import json

import pytest
from click.testing import CliRunner

from problems.cli import main

CHECKS = [
    # (arguments, exit status, text expected in the output)
    (["check", "--expected", "x^2", "x*x"], 0, "correct"),
    (["check", "--expected", r"\sigma(x)(1-\sigma(x))", "exp(-x)/(1+exp(-x))^2"], 0, "correct"),
    (["check", "--expected", "x^2", "2x"], 1, "incorrect"),
    (["check", "--expected", "sqrt(x^2)", "x"], 1, "incorrect"),
    (["check", "--expected", "sqrt(x^2)", "x", "--var", "x:positive"], 0, "correct"),
    (["check", "--expected", "(A + A^T) x", "2 A x", "--var", "A:matrix(n,n)", "--var", "x:vector(n)"], 1, "incorrect"),
    (["check", "--expected", "(A + A^T) x", "2 A x", "--var", "A:matrix(n,n),symmetric", "--var", "x:vector(n)"], 0, "correct"),
    (["check", "--expected", "x^2", "2x +"], 3, "ends too early"),
    (["check", "--expected", "x^2", "__import__('os')"], 3, "invalid"),
    (["check", "--expected", "x^2", r"\frac{1}{x"], 3, "invalid"),
    (["check", "--expected", "x^2", "x^2", "--var", "x:bogus"], 2, "unknown kind"),
    (["check", "--expected", "x^2 +", "x^2"], 2, "cannot read the expected answer"),
    (["check", "x^2"], 2, "give a problem id and an answer"),
    (["check", "derivatives.2.c", "--", "-x", "--json"], 2, "3 arguments were given ('derivatives.2.c', '-x', '--json')"),
    (["check", "--expected", "x"], 2, "give the answer to check against --expected"),
    (["check", "--expected", "x", "2", "x"], 2, "check takes only the answer with --expected, but 2 arguments"),
    (["check", "nope.1", "x"], 2, "no problem"),
    (["check", "ch2-solutions.3", "2xy"], 2, "name one"),
    (["check", "ch2-solutions.3.x", "2xy"], 0, "correct"),
    (["check", "ch2-solutions.3.x", "2y", "--hint", "3"], 1, "Worked derivation"),
    # an answer may begin with a minus sign: only an exact option name is an option
    (["check", "derivatives.2.c", "-x e^{-x^2/2}"], 0, "correct"),
    (["check", "derivatives.2.c", "-x"], 1, "incorrect"),
    (["check", "--expected", "e^x", "-e^{x}"], 1, "incorrect"),  # -e^{x} is an answer, not -e (--expected)
    (["check", "-e", "-x^2", "-x^2"], 0, "correct"),
    (["check", "--expected=-x^2", "-x^2"], 0, "correct"),
    (["check", "-x^2", "--expected", "-x^2"], 0, "correct"),
    (["check", "--timeout", "5", "derivatives.2.c", "-x e^{-x^2/2}"], 0, "correct"),
    (["check", "derivatives.2.c", "--", "--json"], 3, "invalid"),  # after --, even an option name is the answer
    (["check", "derivatives.2.c", "-x", "--json"], 1, '"status": "incorrect"'),
    # names the problem defines, stated domains, decimals, shapes
    (["check", "ch2-solutions.11.J", r"\operatorname{diag}(s) - ss^\top"], 0, "correct"),
    (["check", "ch2-solutions.11.J", r"\operatorname{diag}(s) - ss"], 1, "incorrect (shape"),
    (["check", "derivatives.2.b", r"-|\tan x|"], 0, "correct"),
    (["check", "mvc.2.6.b", "1.979"], 0, "to the digits given"),
    (["check", "mvc.2.6.b", "2.0"], 1, "at least 3"),
    (["check", "--expected", r"\operatorname{diag}(\operatorname{softmax}(x))", "--var", "x:vector(n)",
      "--define", r"s = \operatorname{softmax}(x)", r"\operatorname{diag}(s)"], 0, "correct"),
    (["check", "--expected", "-tan(x)", "--var", "x:interval(0,pi/2)", r"-|\tan x|"], 0, "correct"),
    (["check", "--expected", "x", "--var", "x:interval(1,0)", "x"], 2, "empty"),
    (["check", "ch2-solutions.3.x", "2xy", "--define", "s = 1"], 2, "go with --expected"),
]


@pytest.mark.parametrize(("arguments", "status", "text"), CHECKS)
def test_check_exit_status_tells_the_verdict(arguments, status, text):
    result = CliRunner().invoke(main, arguments)
    assert result.exit_code == status, result.output
    assert text in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize(("answer", "status"), [("-x e^{-x^2/2}\n", 0), ("x e^{-x^2/2}", 1), ("", 3)])
def test_an_answer_of_dash_is_read_from_standard_input(answer, status):
    result = CliRunner().invoke(main, ["check", "derivatives.2.c", "-"], input=answer)
    assert result.exit_code == status, result.output


def test_help_says_how_to_give_an_answer_that_starts_with_a_minus():
    result = CliRunner().invoke(main, ["check", "--help"])
    assert result.exit_code == 0
    assert "minus sign" in result.output and "standard input" in result.output and "interval(" in result.output


def test_check_json_is_the_verdict_dictionary():
    result = CliRunner().invoke(main, ["check", "--expected", "2*x*y", "2xy", "--json"])
    data = json.loads(result.output)
    assert result.exit_code == 0
    assert data["status"] == "correct" and data["score"] == 1.0 and data["read_as"] == "2 x y"


def test_timeout_gives_undecided_exit_status():
    expected = "+".join(f"(x + {k})**40" for k in range(12))
    result = CliRunner().invoke(main, ["check", "--expected", expected, expected + " + sin(x)**41/10**30", "--timeout", "0.03"])
    assert result.exit_code == 4, result.output
    assert "undecided" in result.output


DERIVES = [
    (["derive", "--expr", "exp(sin(x^2))", "--wrt", "x"], "chain rule"),
    (
        ["derive", "--expr", r"\frac{xy + \sin z}{1 + e^{-x}}", "--wrt", "x,y,z", "--what", "graph", "--point", "1,2,pi/4"],
        "1.97905",
    ),
    (["derive", "--expr", "x1^2 + 4x2^2", "--wrt", "x1,x2", "--what", "gradient", "--point", "1,1"], "gradient"),
    (["derive", "--expr", "x^3 - 5x^2 + 3x", "--wrt", "x", "--what", "critical"], "local minimum"),
    (["derive", "--expr", "x^2 + y^2", "--wrt", "x,y", "--what", "kkt", "--constraint", "1 - x - y"], "stationarity"),
]


@pytest.mark.parametrize(("arguments", "text"), DERIVES)
def test_derive_from_an_expression(arguments, text):
    result = CliRunner().invoke(main, arguments)
    assert result.exit_code == 0, result.output
    assert text in result.output.lower() or text in result.output


@pytest.mark.parametrize("output_format", ["text", "latex", "markdown", "json"])
def test_derive_renders_every_format(output_format):
    result = CliRunner().invoke(main, ["derive", "--expr", "x*sigmoid(x)", "--wrt", "x", "--format", output_format])
    assert result.exit_code == 0, result.output
    if output_format == "json":
        assert set(json.loads(result.output)) >= {"result", "result_latex", "steps"}


def test_derive_rejects_bad_input_cleanly():
    result = CliRunner().invoke(main, ["derive", "--expr", "x +", "--wrt", "x"])
    assert result.exit_code == 2 and "Traceback" not in result.output


BANK_COMMANDS = [
    (["list"], 0, "ch2-solutions.1"),
    (["list", "--json"], 0, '"source"'),
    (["show", "udl.6.2"], 0, "udl.6.2"),
    (["show", "nope"], 2, "no problem"),
    (["derive", "ch2-solutions.2"], 0, "chain rule"),
    (["derive", "ch2-solutions.2.deriv", "--format", "markdown"], 0, "chain rule"),
    (["derive", "ch2-solutions.2", "--expr", "x"], 2, "not both"),
    (["derive"], 2, "give a problem id"),
]


@pytest.mark.parametrize(("arguments", "status", "text"), BANK_COMMANDS)
def test_bank_commands(arguments, status, text):
    result = CliRunner().invoke(main, arguments)
    assert result.exit_code == status, result.output
    assert text in result.output and "Traceback" not in result.output


def test_derive_json_of_one_part_is_the_derivation_dictionary():
    result = CliRunner().invoke(main, ["derive", "ch2-solutions.2.deriv", "--format", "json"])
    assert set(json.loads(result.output)) >= {"result", "result_latex", "steps"}


def test_list_json_has_one_object_per_problem():
    from problems import bank

    lines = CliRunner().invoke(main, ["list", "--json"]).output.splitlines()
    assert len(lines) == len(bank.all())
    assert all({"id", "source", "parts"} <= set(json.loads(line)) for line in lines)


def _spin_in_c(*args, **kwargs):
    return sum(range(10**13))  # one C loop: no Python call for a budget to stop


def _allocate_too_much(*args, **kwargs):
    return bytearray(8 << 30)


@pytest.mark.parametrize(("runaway", "text"), [(_spin_in_c, "was stopped"),  # by its CPU limit (a busy machine: its wall clock)
                                               (_allocate_too_much, "ran out of memory")])
def test_a_check_the_budget_cannot_stop_is_stopped_in_its_child_process(monkeypatch, runaway, text):
    """The one-shot check runs in a forked child with a grading worker's limits (CPU: its budgets, 3.2 s, + 1 s)."""
    monkeypatch.setattr("checkers.check", runaway)
    result = CliRunner().invoke(main, ["check", "--timeout", "0.1", "--expected", "x^2", "x*x"])
    assert result.exit_code == 4, result.output
    assert "undecided" in result.output and text in result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
