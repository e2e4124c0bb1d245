"""Diagnosis of incorrect answers: one table per kind, from several exercises of the bank
(references computed by derive), plus controls: wrong answers with no nameable mistake get
none, right answers never get one, and known mistakes (``mistakes=``) come first."""

from __future__ import annotations

import pytest
import sympy
from sympy import FiniteSet, Matrix, MatrixSymbol, Symbol

from checkers import BuggyResult, Mistake, check
from problems import bank


def _part_check(part_id: str, answer: str, **options):
    """``check`` against a bank part's reference (from derive), with the part's vocabulary."""
    found, part = bank.find(part_id)
    part = part or found.part()
    return check(part.answer, answer, symbols=part.vocabulary, assumptions=part.assumptions,
                 definitions=part.definitions or None, **options)


x, y = Symbol("x"), Symbol("y")
A3, B3 = MatrixSymbol("A", 3, 3), MatrixSymbol("B", 3, 3)
x3, b3 = MatrixSymbol("x", 3, 1), MatrixSymbol("b", 3, 1)
SQUARE = (A3, B3, x3, b3)
_t, _u = sympy.IndexedBase("t"), sympy.IndexedBase("u")
_i, _n = Symbol("i", integer=True), Symbol("n", integer=True, positive=True)

# the shallow network's residual phi_0 + sum_k phi_k a[theta_k0 + theta_k1 x_i] - y_i, as seed 004 writes it (udl 3.7)
_RESIDUAL = (r"\phi_0 + \phi_1 a[\theta_{10} + \theta_{11}x_i] + \phi_2 a[\theta_{20} + \theta_{21}x_i] "
             r"+ \phi_3 a[\theta_{30} + \theta_{31}x_i] - y_i")
_A1 = r"a[\theta_{10} + \theta_{11}x_i]"

# (kind, part, answer, words the message must contain, detail subset)
BANK_CASES = [
    ("sign", "ch2-solutions.2.deriv", r"-2x\cos(x^2)e^{\sin(x^2)}", "negative", {}),
    ("sign", "derivatives.2.a", r"-3x^2\cos(x^3)", "negative", {}),
    ("sign", "mvc.2.1.b", r"-2A^T(Ax-b)", "negative", {}),
    ("sign", "mvc.2.2.a", r"(-2, -8)", "negative", {}),
    ("constant-factor", "derivatives.2.d", r"10x(x^2+1)^9", "1/2 times", {"factor": "1/2"}),
    ("constant-factor", "derivatives.2.a", r"x^2\cos(x^3)", "1/3 times", {"factor": "1/3"}),
    ("constant-factor", "mvc.2.1.b", r"A^T(Ax-b)", "1/2 times", {"factor": "1/2"}),
    ("missing-factor", "derivatives.2.a", r"\cos(x^3)", "factor 3x²", {"factor": "3x²"}),
    ("missing-factor", "derivatives.2.c", r"-e^{-x^2/2}", "factor x", {"factor": "x"}),
    ("missing-factor", "ch2-solutions.2.deriv", r"\cos(x^2)e^{\sin(x^2)}", "factor 2x", {"factor": "2x"}),
    ("term-sign", "derivatives.1.a", r"12x^3 + 4x + 7", "term -4x", {"term": "-4x"}),
    ("term-sign", "ch2-solutions.3.y", r"x^2 - 3y^2", "term 3y²", {"term": "3y²"}),
    ("term-sign", "mvc.2.1.b", r"2A^T(Ax+b)", "term -2Aᵀb", {"term": "-2Aᵀb"}),
    ("missing-term", "derivatives.1.a", r"12x^3 + 7", "term -4x", {"term": "-4x"}),
    ("missing-term", "ch2-solutions.3.y", r"3y^2", "term x²", {"term": "x²"}),
    ("missing-term", "mvc.2.1.b", r"2A^TAx", "term -2Aᵀb", {"term": "-2Aᵀb"}),
    ("extra-term", "derivatives.1.a", r"12x^3 - 4x + 7 + x^2", "term x²", {"term": "x²"}),
    ("extra-term", "ch2-solutions.3.y", r"x^2 + 3y^2 + 2xy", "term 2xy", {"term": "2xy"}),
    # inside one factor of a product (the rest of the product right)
    ("extra-term", "udl.3.7.phi1", rf"2({_A1} + \phi_1)({_RESIDUAL})", "the term φ₁ should not", {"term": "φ₁"}),
    ("extra-term", "ch2-solutions.10.a", r"b(2ab + 2c + 1)", "factor 2ab + 2c + 1", {"term": "1"}),
    ("missing-term", "mvc.2.9.rate", r"\frac{\kappa-1}{\kappa}", "factor κ is missing the term 1", {"factor": "κ"}),
    ("missing-term", "derivatives.1.c", r"\frac{x^2-2x}{(x-1)^2}", "factor x² - 2x is missing the term -1",
     {"term": "-1"}),
    ("term-sign", "derivatives.1.c", r"\frac{x^2-2x-1}{(x+1)^2}", "factor x + 1", {"term": "-1"}),
    ("term-sign", "ch2-solutions.10.b", r"a(2ab - 2c)", "factor 2ab - 2c", {"term": "2c"}),
    ("term-sign", "ch2-solutions.4.w", r"x(1+\sigma(b+wx))", "term -σ(b + wx)", {"factor": "σ(b + wx) + 1"}),
    ("constant-offset", "derivatives.1.a", r"12x^3 - 4x + 10", "constant", {"offset": "3"}),
    ("constant-offset", "ch2-solutions.3.x", r"2xy + 1", "constant", {"offset": "1"}),
    ("wrong-entries", "mvc.2.2.a", r"(2, 7)", "Entry 2 is wrong", {"entries": [2]}),
    ("wrong-entries", "ch2-solutions.3.grad", r"(5, 7)", "Entry 1 is wrong", {"entries": [1]}),
    ("wrong-entries", "derivatives.7.d", r"(2, 5, 7)", "Entries 2 and 3 are wrong", {"entries": [2, 3]}),
    ("order", "mvc.2.2.a", r"(8, 2)", "order of entries 1 and 2", {"entries": [1, 2]}),
    ("order", "derivatives.7.d", r"(6, 4, 2)", "order of entries 1 and 3", {"entries": [1, 3]}),
    ("missing-elements", "ch2-solutions.1.crit", r"\{3\}", "missing 1 value", {"missing": 1}),
    ("missing-elements", "derivatives.5.d-argmax", r"\{-1\}", "missing 1 value", {"missing": 1}),
    ("extra-elements", "ch2-solutions.1.crit", r"\{1/3, 3, 0\}", "value 0", {"extra": ["0"], "missing": 0}),
    ("extra-elements", "derivatives.5.d-argmax", r"-1, 3, 1", "value 1", {"extra": ["1"]}),
    # a matrix factor forgotten in a backward pass (the derivative of the activation), a term forgotten
    ("missing-factor", "derivatives.10.b", r"(v^\top \tanh(Wx+b) + c - y)\,v", "factor diag(tanh'(Wx + b))",
     {"factor": "diag(tanh'(Wx + b))"}),
    ("missing-factor", "derivatives.10.x", r"(v^\top \tanh(Wx+b) + c - y)\,W^\top v", "factor diag(tanh'(Wx + b))", {}),
    ("missing-term", "mvc.2.4.a", r"X^T \operatorname{diag}(\sigma'(X\theta)) X", "term λI", {"term": "λI"}),
    # the term of the loss's sum, written without the sum (its index left free)
    ("missing-sum", "udl.6.1.phi0", r"2(\phi_0 + \phi_1 x_i - y_i)", "one term of the sum over i = 1, …, I",
     {"index": "i", "high": "I"}),
    ("missing-sum", "udl.6.1.phi1", "2*(phi_0 + phi_1*x_i - y_i)*x_i", "sum it", {"index": "i"}),
]


@pytest.mark.parametrize(("kind", "part", "answer", "words", "detail"), BANK_CASES)
def test_each_kind_is_named_on_bank_exercises(kind, part, answer, words, detail):
    verdict = _part_check(part, answer)
    assert verdict.status.value == "incorrect"
    assert verdict.diagnosis is not None, verdict.message
    assert verdict.diagnosis.kind.value == kind
    assert words in verdict.diagnosis.message
    assert detail.items() <= verdict.diagnosis.detail.items()


# the same kinds on references written out here (matrix expressions with square sizes, explicit matrices)
DIRECT_CASES = [
    ("transpose", A3 * B3, r"B^T A^T", SQUARE, {}),
    ("transpose", A3 * B3.T, r"AB", SQUARE, {"factor": "Bᵀ"}),
    ("transpose", 2 * A3.T * (A3 * x3 - b3), r"2A(Ax-b)", SQUARE, {"factor": "Aᵀ"}),
    ("transpose", Matrix([[1, 2], [3, 4]]), r"\begin{pmatrix}1&3\\2&4\end{pmatrix}", (), {}),
    ("sign", A3 * B3 - B3, r"B - AB", SQUARE, {}),
    ("wrong-entries", Matrix([[1, 2], [3, 4]]), r"\begin{pmatrix}1&2\\3&5\end{pmatrix}", (), {"entries": [[2, 2]]}),
    ("wrong-entries", sympy.Tuple(1, Symbol("z")), r"(1, 2z)", (), {"entries": [2]}),
    ("missing-elements", FiniteSet(-2, 0, 2), r"\{-2, 2\}", (), {"missing": 1}),
    # inside a sum with a symbolic bound (screened on written-out instances, then verified)
    ("missing-term", sympy.Sum(2 * _t[_i] - 2 * _u[_i], (_i, 1, _n)), r"\sum_{i=1}^{n} 2t_i", (_t, _u, _n), {}),
    ("extra-elements", FiniteSet(1, 2), r"x = 1 \text{ or } x = 5", (), {"extra": ["5"], "missing": 1}),
    # inside one factor of a product, also of a power of a sum
    ("extra-term", (x**2 + y) * (x - y), r"(x^2 + y)(x - y + 1)", (), {"term": "1", "factor": "x - y + 1"}),
    ("term-sign", (x**2 + y) * (x - y), r"(x^2 - y)(x - y)", (), {"term": "y", "factor": "x² - y"}),
    ("missing-term", sympy.sin(x) * (x + 1) ** 3, r"\sin(x) x^3", (), {"term": "1", "factor": "x"}),
    ("missing-sum", sympy.Sum(_t[_i] ** 2, (_i, 1, _n)), r"t_i^2", (_t, _n), {"index": "i", "low": "1"}),
    ("missing-factor", 2 * A3 * B3 * x3, r"2Ax", SQUARE, {"factor": "B"}),
]


@pytest.mark.parametrize(("kind", "expected", "answer", "symbols", "detail"), DIRECT_CASES)
def test_each_kind_is_named_on_written_references(kind, expected, answer, symbols, detail):
    verdict = check(expected, answer, symbols=symbols)
    assert verdict.status.value == "incorrect"
    assert verdict.diagnosis is not None and verdict.diagnosis.kind.value == kind, verdict.diagnosis
    assert detail.items() <= verdict.diagnosis.detail.items()


NO_NAMEABLE_MISTAKE = [
    ("derivatives.1.a", r"x^2"),
    ("ch2-solutions.2.deriv", r"\sin(x)"),
    ("derivatives.2.a", r"3x^2\sin(x^3)"),
    ("derivatives.1.c", r"\frac{1}{x-1}"),
    ("mvc.2.1.b", r"4A^TAx - 2A^Tb"),
    ("ch2-solutions.12.tanh", r"\tanh^2 x"),
    ("derivatives.4.a", r"\sigma(x)^2"),
    # a factor wrong in no nameable way, or two factors wrong at once
    ("udl.3.7.phi1", rf"2\phi_1({_RESIDUAL})"),
    ("udl.3.7.phi1", rf"2({_A1} + \phi_1)({_RESIDUAL} + 1)"),
    ("ch2-solutions.10.a", r"b(2ab + 3c)"),
    ("ch2-solutions.10.a", r"(b + 1)(2ab + 2c + 1)"),
    ("mvc.2.9.rate", r"\frac{\kappa-1}{\kappa+2}"),
    ("derivatives.1.c", r"\frac{x^2-2x-1}{(x+2)^2}"),
    # a matrix factor and a term forgotten at once
    ("derivatives.10.b", r"(v^\top \tanh(Wx+b) - y)\,v"),
    # the sum's term with a second mistake, or an index used outside a sum that summing does not mend
    ("udl.6.1.phi0", r"\phi_0 + \phi_1 x_i - y_i"),
    ("udl.6.1.phi0", r"2(\phi_0 + \phi_1 x_i - y_i) + \sum_i 2(\phi_0 + \phi_1 x_i - y_i)"),
]


@pytest.mark.parametrize(("part", "answer"), NO_NAMEABLE_MISTAKE)
def test_a_wrong_answer_with_no_nameable_mistake_gets_no_diagnosis(part, answer):
    verdict = _part_check(part, answer)
    assert verdict.status.value == "incorrect"
    assert verdict.diagnosis is None, verdict.diagnosis


RIGHT = [
    ("derivatives.1.a", r"12x^3 - 4x + 7"),
    ("ch2-solutions.2.deriv", r"e^{\sin x^2}\cos(x^2)\cdot 2x"),
    ("mvc.2.1.b", r"2A^TAx - 2A^Tb"),
    ("mvc.2.2.a", r"(2, 8)"),
    ("ch2-solutions.1.crit", r"x = 3 \text{ and } x = \frac{1}{3}"),
    ("ch2-solutions.10.a", r"2b(ab + c)"),
    ("udl.3.7.phi1", rf"2{_A1}({_RESIDUAL})"),
]


@pytest.mark.parametrize(("part", "answer"), RIGHT)
def test_a_right_answer_never_gets_a_diagnosis(part, answer):
    verdict = _part_check(part, answer)
    assert verdict.status.value == "correct"
    assert verdict.diagnosis is None and verdict.score == 1.0


CHAIN = BuggyResult(Mistake.CHAIN_RULE, sympy.cos(x**2) * sympy.exp(sympy.sin(x**2)), "chain rule",
                    "Revisit the chain rule: the derivative of the inner function x^2 is missing.")
NOT_THIS = BuggyResult(Mistake.PRODUCT_RULE, sympy.sin(x), "product rule", "a misuse that does not fit")
SIGN_TOO = BuggyResult(Mistake.SIGN, -2 * x * sympy.cos(x**2) * sympy.exp(sympy.sin(x**2)), "sign", "signs")

KNOWN = [
    # (answer, mistakes, expected kind, expected rule)
    (r"\cos(x^2)e^{\sin(x^2)}", (CHAIN,), "chain-rule", "chain rule"),          # preferred over missing-factor
    (r"\cos(x^2)e^{\sin(x^2)}", (NOT_THIS, CHAIN), "chain-rule", "chain rule"),
    (r"\cos(x^2)e^{\sin(x^2)}", (SIGN_TOO, CHAIN), "chain-rule", "chain rule"),  # rule kinds before context-free
    (r"\cos(x^2)e^{\sin(x^2)}", (NOT_THIS,), "missing-factor", None),            # an unverified mistake is not named
    (r"-2x\cos(x^2)e^{\sin(x^2)}", (NOT_THIS, CHAIN), "sign", None),
]


@pytest.mark.parametrize(("answer", "mistakes", "kind", "rule"), KNOWN)
def test_known_mistakes_come_first_and_only_when_verified(answer, mistakes, kind, rule):
    verdict = _part_check("ch2-solutions.2.deriv", answer, mistakes=mistakes)
    assert verdict.diagnosis is not None and verdict.diagnosis.kind.value == kind
    assert verdict.diagnosis.detail.get("rule") == rule


def test_known_mistakes_are_never_named_on_a_right_answer():
    verdict = _part_check("ch2-solutions.2.deriv", r"2x\cos(x^2)e^{\sin(x^2)}", mistakes=(CHAIN, SIGN_TOO))
    assert verdict.status.value == "correct" and verdict.diagnosis is None


PARTIAL_CREDIT = [
    ("mvc.2.2.a", r"(2, 7)", 0.5),
    ("derivatives.7.d", r"(2, 4, 7)", 2 / 3),
    ("derivatives.7.d", r"(-2, -4, -6)", 0.0),
    ("ch2-solutions.1.crit", r"\{3\}", 0.5),
    ("ch2-solutions.1.crit", r"\{1/3, 3, 0\}", 2 / 3),
    ("derivatives.1.a", r"12x^3 + 7", 0.0),
]


@pytest.mark.parametrize(("part", "answer", "score"), PARTIAL_CREDIT)
def test_structured_answers_get_the_fraction_right_as_score(part, answer, score):
    verdict = _part_check(part, answer)
    assert verdict.status.value == "incorrect"
    assert verdict.score == pytest.approx(score)
    assert verdict.to_dict()["score"] == pytest.approx(score)


def test_a_single_wrong_entry_is_diagnosed_inside():
    verdict = check(Matrix([x, 2 * x * sympy.sin(x)]), r"(x, -2x\sin x)")
    assert verdict.diagnosis.kind is Mistake.WRONG_ENTRIES
    assert verdict.diagnosis.detail["entry"]["kind"] == "sign"


def test_the_diagnosis_is_in_the_json():
    data = _part_check("derivatives.2.a", r"-3x^2\cos(x^3)").to_dict()
    assert data["diagnosis"]["kind"] == "sign" and "negative" in data["diagnosis"]["message"]


def test_all_or_nothing_and_no_diagnosis_when_asked():
    verdict = _part_check("mvc.2.2.a", r"(2, 7)", partial_credit=False, diagnose=False)
    assert verdict.status.value == "incorrect" and verdict.score == 0.0 and verdict.diagnosis is None


def test_a_part_policy_can_ask_for_all_or_nothing():
    from dataclasses import replace

    found, part = bank.find("mvc.2.2.a")
    part = part or found.part()
    strict = replace(part, policy=replace(part.policy, all_or_nothing=True))
    assert part.check("(2, 7)").score == 0.5
    assert strict.check("(2, 7)").score == 0.0
