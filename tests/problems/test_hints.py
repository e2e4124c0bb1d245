"""Hints at three levels: the rule or step to revisit (1), the derivation up to it (2), all of it (3).

The hints are built from the part's own derivation and buggy results (derive); the diagnosis a
verdict would carry is made here from the part's buggy result of the kind the typed mistake has,
so these tests hold whatever the checker's diagnosis decides; the command-line tests check the
same through ``derivecheck check --hint``.
"""

import json

import pytest
from click.testing import CliRunner

from checkers import Method, Status, Verdict
from checkers._verdict import Diagnosis
from derive import Mistake
from problems import bank
from problems._hints import hint_for
from problems.cli import main


def _part(qualified: str):
    problem, part = qualified.rsplit(".", 1)
    return bank.get(problem).part(part)


def _diagnosed(part, kind: Mistake, concerns_text: str) -> Verdict:
    """An incorrect verdict whose diagnosis is the part's buggy result of ``kind`` about ``concerns_text``."""
    (mistake,) = [m for m in part.mistakes if m.kind is kind and concerns_text in m.message]
    return Verdict(Status.INCORRECT, Method.NUMERIC, True, "?", "Incorrect.", diagnosis=Diagnosis(kind, mistake.message))


LOCATED = [
    # part, kind, words of the mistake's message, step it points at, rule, text shown at level 2, text never shown
    ("ch2-solutions.2.deriv", Mistake.CHAIN_RULE, "inner function x² is missing", "1.2", "chain rule",
     "1.1. exp rule: d/du (eᵘ) = eᵘ", "2x cos"),
    ("ch2-solutions.2.deriv", Mistake.CHAIN_RULE, "inner function sin(x²) is missing", "1", "chain rule",
     "1. chain rule: d/dx (e^(sin(x²))) = ?", "2x"),
    ("derivatives.1.c", Mistake.QUOTIENT_RULE, "not the quotient", "1", "quotient rule",
     "1. quotient rule: d/dx ((x² + 1)/(x - 1)) = ?", "(x - 1)²"),
    ("derivatives.1.b", Mistake.PRODUCT_RULE, "product of their derivatives", "1", "product rule",
     "= ?", "eˣ/(2√x)"),
    ("derivatives.2.d", Mistake.CHAIN_RULE, "inner function x² + 1 is missing", "1", "chain rule", "= ?", "20x"),
]


@pytest.mark.parametrize("qualified, kind, words, step, rule, shown, withheld", LOCATED,
                         ids=[f"{row[0]}:{row[2]}" for row in LOCATED])
def test_a_located_mistake_points_at_its_step_without_the_answer(qualified, kind, words, step, rule, shown, withheld):
    part = _part(qualified)
    verdict = _diagnosed(part, kind, words)
    first, second = hint_for(part, verdict, 1), hint_for(part, verdict, 2)
    assert (first.step, first.rule) == (step, rule) == (second.step, second.rule)
    assert words in first.text and f"step {step} ({rule})" in first.text
    assert shown in second.text and second.text.startswith(first.text)
    assert withheld not in first.text and withheld not in second.text
    assert str(part.answer) not in second.text


@pytest.mark.parametrize("qualified, rule", [("ch2-solutions.2.deriv", "chain rule"), ("derivatives.1.c", "quotient rule"),
                                             ("derivatives.1.b", "product rule")])
def test_without_a_diagnosis_level_one_names_the_first_rule(qualified, rule):
    part = _part(qualified)
    hint = hint_for(part, None, 1)
    assert hint.text.startswith(f"Revisit the {rule}: start from step 1") and (hint.step, hint.rule) == ("1", rule)
    assert str(part.answer) not in hint_for(part, None, 2).text


@pytest.mark.parametrize("level", [1, 2, 3])
def test_hints_keep_the_problems_notation(level):
    text = hint_for(_part("udl.7.1.theta01"), None, level).text  # the problem writes a[.] and a'[.]
    assert "a[θ₀₁ + θ₁₁x]" in text and "a(" not in text and "a'(" not in text


def test_level_three_is_the_whole_derivation_and_a_right_answer_gets_no_hint():
    part = _part("ch2-solutions.2.deriv")
    assert "Result: 2x e^(sin(x²)) cos(x²)" in hint_for(part, None, 3).text
    right = Verdict(Status.CORRECT, Method.SYMBOLIC, True, "?", "Correct.")
    assert hint_for(part, right, 1) is None


CLI = [
    # arguments after "check", exit status, text shown, text never shown
    (["ch2-solutions.2", "x^3", "--hint"], 1, "Revisit the chain rule: start from step 1", "Worked derivation"),
    (["ch2-solutions.2", "x^3", "--hint", "2"], 1, "1.2. chain rule: d/dx (sin(x²)) = ?", "2x"),
    (["ch2-solutions.2", "x^3", "--hint=2"], 1, "The plan of the worked derivation", "Result:"),
    (["ch2-solutions.2", "x^3", "--hint", "3"], 1, "Result: 2x e^(sin(x²)) cos(x²)", "Revisit"),
    (["ch2-solutions.2", "--hint", "x^3"], 1, "Revisit the chain rule", "Worked"),   # --hint before the answer
    (["ch2-solutions.2", "2x cos(x^2) e^{sin(x^2)}", "--hint"], 0, "correct", "Revisit"),
    (["ch2-solutions.2", "x^3", "--hint=4"], 2, "4 is not in the range", "Revisit"),
    (["ch2-solutions.2", "x^3", "--hint", "4"], 2, "takes a problem id and an answer, but 3", "Revisit"),  # 4: a 2nd answer
]


@pytest.mark.parametrize("arguments, status, shown, withheld", CLI, ids=[" ".join(row[0][1:]) for row in CLI])
def test_check_hint_levels_on_the_command_line(arguments, status, shown, withheld):
    result = CliRunner().invoke(main, ["check", *arguments])
    assert result.exit_code == status, result.output
    assert shown in result.output and withheld not in result.output and "Traceback" not in result.output


@pytest.mark.parametrize("level, step", [("1", "1"), ("2", "1"), ("3", None)])
def test_json_carries_the_same_hint(level, step):
    result = CliRunner().invoke(main, ["check", "ch2-solutions.2", "x^3", "--json", "--hint", level])
    hint = json.loads(result.output)["hint"]
    assert hint["level"] == int(level) and hint["step"] == step
    text = CliRunner().invoke(main, ["check", "ch2-solutions.2", "x^3", "--hint", level]).output
    assert hint["text"] in text


def test_json_hint_is_null_for_a_right_answer_and_absent_when_not_asked():
    right = CliRunner().invoke(main, ["check", "ch2-solutions.2", "2x cos(x^2) e^{sin(x^2)}", "--json", "--hint"])
    assert json.loads(right.output)["hint"] is None
    plain = CliRunner().invoke(main, ["check", "ch2-solutions.2", "x^3", "--json"])
    assert "hint" not in json.loads(plain.output)
