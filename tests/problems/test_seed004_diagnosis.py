"""Seed 004's audited mistakes, graded as a submission, each get the kind that describes them.

The answers are the seed's own (``SUBMISSION`` in test_seed004_submission.py, copied from its
LaTeX); the kinds below are typed from reading each mistake (problems/COVERAGE.md lists them with
the right results). A part expected to get no diagnosis says why: a diagnosis is given only for a
mistake that can be named and verified, so none is better than a wrong name.
"""

import pytest
from test_seed004_submission import BUDGET, SUBMISSION, WRONG_IN_SEED

from checkers import Status
from problems import bank

EXPECTED_KIND = {
    "udl.2.1.phi0": "missing-term",      # sum_i [2 phi_0 + 2 phi_1 x_i]: the -2 y_i term is dropped
    "udl.2.1.phi1": "missing-term",      # the -2 x_i y_i term is dropped
    "udl.3.7.phi1": "extra-term",        # 2(a[.] + phi_1)(r): the term phi_1 of the factor a[.] + phi_1 is too many
    "udl.6.2.H": "wrong-entries",        # one example's Hessian: every entry lacks its sum over i
    "udl.6.3.phi0": "missing-factor",    # the residual factor (f[x_i, phi] - y_i) of the chain rule is missing
    "udl.6.3.phi1": "missing-factor",    # the same
    "udl.7.1.psi01": "chain-rule",       # 1 = d g_1/d psi_01 only: phi_1 a'[g_1] is missing
    "udl.7.1.psi11": "chain-rule",       # a[theta_01 + theta_11 x] = d g_1/d psi_11 only
    "udl.7.1.psi21": "chain-rule",       # a[theta_02 + theta_12 x] = d g_1/d psi_21 only
    "udl.7.1.theta01": "chain-rule",     # 1 = d(theta_01 + theta_11 x)/d theta_01 only
    "udl.7.1.theta11": "chain-rule",     # x, likewise
    "udl.7.1.theta02": "chain-rule",     # 1, likewise
    "udl.7.1.theta12": "chain-rule",     # x, likewise
    "udl.7.2.dh3_df2": "sign",           # sin(f_2) for -sin(f_2)
    "udl.7.3.df1_dh1": "order",          # (D_2, D_1) for (D_1, D_2)
    "udl.7.3.df2_dh2": "order",          # (D_3, D_2) for (D_2, D_3)
    "udl.4.6.depth": "constant-factor",  # 10 for 100 (D for D^2 weights): off by a factor of 10
    "udl.6.9.epochs": "constant-factor", # 20000 / 100 = 20 for 200: off by a factor of 10
}

NO_DIAGNOSIS = {
    "udl.2.2.phi0": "per-example algebra: no single relation (factor, term, sign) to the closed form",
    "udl.2.2.phi1": "the same",
    "udl.3.12.count": "a count: any two numbers differ by a constant, so no relation names the mistake",
    "udl.4.6.width": "a count (10 for 191): the ratio 10/191 names no mistake",
    "udl.4.8.regions": "4 K for 4^K: no verified relation between the two",
    "udl.4.11.regions2": "a count (324 for 6^10): the ratio 1/186624 names no mistake",
    "udl.5.3.loss": "two mistakes at once (the sign and the sum over i); only one could be verified",
    "udl.5.4.loss": "the normaliser inside a log of a mixture: no relation between the whole losses",
    "udl.6.2.det": "0 for 4(I sum x_i^2 - (sum x_i)^2): neither a factor nor a term of it",
}

NOT_YET: dict[str, str] = {
    # the kind expected above (or none), and what the diagnosis gives today, with why (none left)
}

_PARTS = {part.qualified_id: part for part in bank.parts()}
_ANSWERS = {part_id: answer for part_id, answer, status in SUBMISSION if status is Status.INCORRECT}


def test_every_audited_mistake_has_an_expected_kind_or_a_reason_for_none():
    assert set(EXPECTED_KIND) | set(NO_DIAGNOSIS) == WRONG_IN_SEED
    assert not set(EXPECTED_KIND) & set(NO_DIAGNOSIS)


def _case(part_id: str):
    reason = NOT_YET.get(part_id)
    return pytest.param(part_id, marks=pytest.mark.xfail(strict=True, reason=reason)) if reason else part_id


@pytest.mark.parametrize("part_id", [_case(part_id) for part_id in sorted(WRONG_IN_SEED)])
def test_each_audited_mistake_gets_the_kind_that_describes_it(part_id):
    verdict = _PARTS[part_id].check(_ANSWERS[part_id], timeout=BUDGET)
    if verdict.status is Status.UNDECIDED:  # a loaded machine: undecided only says the budget ran out
        verdict = _PARTS[part_id].check(_ANSWERS[part_id], timeout=6 * BUDGET)
    assert verdict.status is Status.INCORRECT, verdict.message
    kind = verdict.diagnosis.kind.value if verdict.diagnosis else None
    assert kind == EXPECTED_KIND.get(part_id), f"{part_id}: {verdict.diagnosis}"
