"""Buggy rules generated from the bank's own derivations: a classic mistake typed by hand is
equivalent to exactly one generated candidate, of the kind that names it.

The references and the candidates come from derive (through each part's reference derivation);
only the mistaken answers are typed here.
"""

import pytest

import checkers
import derive
from checkers import Status
from derive import Mistake
from derive._same_value import same_value
from problems import bank
from problems._model import bounded

CHAIN, PRODUCT, QUOTIENT = Mistake.CHAIN_RULE, Mistake.PRODUCT_RULE, Mistake.QUOTIENT_RULE

MISTAKES = [
    # part, a classic mistake typed by hand, the kind that names it
    ("ch2-solutions.2.deriv", r"\cos(x^2) e^{\sin(x^2)}", CHAIN),           # inner x^2 forgotten
    ("ch2-solutions.2.deriv", r"e^{\sin(x^2)}", CHAIN),                      # inner sin(x^2) forgotten
    ("derivatives.2.a", r"\cos(x^3)", CHAIN),
    ("derivatives.2.b", r"\frac{1}{\cos x}", CHAIN),
    ("derivatives.2.d", r"10(x^2+1)^9", CHAIN),
    ("derivatives.4.a", r"\frac{-e^{-x}}{(1+e^{-x})^2}", CHAIN),            # sigmoid: d(-x)/dx dropped
    ("derivatives.8.a-w2", r"(\sigma(b_2 + w_2\sigma(b_1 + w_1 x)) - y)\,\sigma(b_2 + w_2\sigma(b_1 + w_1 x))"
                           r"(1 - \sigma(b_2 + w_2\sigma(b_1 + w_1 x)))", CHAIN),
    ("udl.6.1.phi1", r"\sum_i 2(\phi_0 + \phi_1 x_i - y_i)", CHAIN),          # a sum's term: x_i dropped
    ("udl.7.1.psi01", "1", CHAIN),                                             # only the inner derivative
    ("udl.7.1.theta11", "x", CHAIN),
    ("derivatives.1.b", r"\frac{e^x}{2\sqrt{x}}", PRODUCT),                   # u'v'
    ("derivatives.7.b", r"\ln(x + e^{-x})", PRODUCT),                          # one term only
    ("ch2-solutions.5.a", r"(a + b)", PRODUCT),
    ("derivatives.1.c", "2x", QUOTIENT),                                       # u'/v'
    ("derivatives.1.c", r"\frac{x^2 + 1 - 2x(x-1)}{(x-1)^2}", QUOTIENT),      # numerator's sign flipped
    ("derivatives.2.d", "20x", Mistake.MISSING_FACTOR),                       # (x^2+1)^9 from the power rule dropped
    ("udl.6.3.phi0", r"\sum_i 2\bigg(\cos[\phi_0 + 0.06\phi_1 x_i] \exp\bigg(-\frac{(\phi_0 + 0.06\phi_1 x_i)^2}{32}\bigg) "
                     r"+ \sin[\phi_0 + 0.06\phi_1 x_i] \cdot \bigg(-\frac{2(\phi_0 + 0.06\phi_1 x_i)}{32}\bigg)"
                     r"\exp\bigg(-\frac{(\phi_0 + 0.06\phi_1 x_i)^2}{32}\bigg)\bigg)", Mistake.MISSING_FACTOR),  # seed 004
    ("mvc.2.16.a", r"\frac{\eta\lambda}{\frac{1}{2\sqrt{\hat v}}}", None),     # u'/v' needs v' != 0 in theta
    ("ch2-solutions.12.tanh", r"\tanh x", Mistake.NOT_DIFFERENTIATED),
    ("derivatives.2.b", r"\ln(\cos x)", Mistake.NOT_DIFFERENTIATED),
    ("derivatives.2.c", r"e^{-x^2/2}", CHAIN),                                 # the function itself, and the chain
    ("ch2-solutions.12.log", r"x\ln x - x", Mistake.INTEGRATED),
    ("ch2-solutions.12.pow", r"\frac{x^{p+1}}{p+1}", Mistake.INTEGRATED),
    # controls: the right answer, a wrong answer no rule's misuse explains, and sin for cos' (a sign slip,
    # although sin is also cos's antiderivative: the antiderivative is dropped when it is a constant multiple)
    ("udl.7.2.dh3_df2", r"\sin(f_2)", None),
    ("ch2-solutions.2.deriv", r"2x\cos(x^2)e^{\sin(x^2)}", None),
    ("derivatives.1.c", r"\frac{x^2 - 2x - 1}{(x - 1)^2}", None),
    ("derivatives.2.a", r"3x^2\sin(x^3)", None),
]


def _part(qualified: str):
    problem, part = qualified.rsplit(".", 1)
    return bank.get(problem).part(part)


def _matching_kinds(qualified: str, typed: str) -> set[Mistake]:
    part = _part(qualified)
    within = lambda compute: bounded(compute, 2.0)  # noqa: E731
    candidates = derive.buggy_results(part.reference, within=within)
    return {candidate.kind for candidate in candidates
            if checkers.check(candidate.expression, typed, symbols=part.vocabulary, assumptions=part.assumptions,
                              definitions=part.definitions, timeout=10,
                              diagnose=False, partial_credit=False).status is Status.CORRECT}  # the verdict is all we need


@pytest.mark.parametrize("qualified, typed, kind", MISTAKES, ids=[f"{m[0]}:{m[2] and m[2].value}" for m in MISTAKES])
def test_a_classic_mistake_is_one_generated_candidate_of_its_kind(qualified, typed, kind):
    assert _matching_kinds(qualified, typed) == ({kind} if kind else set())


@pytest.mark.parametrize("qualified", ["ch2-solutions.2.deriv", "derivatives.1.c", "udl.7.1.theta01", "udl.6.3.phi0"])
def test_no_candidate_equals_the_right_result_and_none_repeats(qualified):
    part = _part(qualified)
    candidates = derive.buggy_results(part.reference)
    assert candidates
    for index, candidate in enumerate(candidates):
        assert not same_value(candidate.expression, part.answer)
        assert not any(same_value(candidate.expression, other.expression)
                       for other in candidates[:index])


NOT_A_DERIVATIVE = ["ch2-solutions.1.crit", "derivatives.4.b-3", "derivatives.4.d", "udl.6.5.theta10", "udl.6.2.H"]


@pytest.mark.parametrize("qualified", NOT_A_DERIVATIVE)
def test_parts_that_are_not_a_first_derivative_get_none(qualified):
    assert derive.buggy_results(_part(qualified).reference) == ()


@pytest.mark.parametrize("qualified, withheld", [
    ("ch2-solutions.2.deriv", "2x"), ("derivatives.1.c", "(x-1)^2"), ("derivatives.1.b", "sqrt(x)*exp(x)/2"),
])
def test_messages_name_the_rule_and_never_quote_the_right_answer(qualified, withheld):
    part = _part(qualified)
    for candidate in derive.buggy_results(part.reference):
        assert candidate.rule in candidate.message or candidate.kind in {Mistake.NOT_DIFFERENTIATED, Mistake.INTEGRATED}
        assert str(part.answer) not in candidate.message and withheld not in candidate.message
