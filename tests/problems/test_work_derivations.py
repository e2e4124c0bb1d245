"""``check_work`` on derivations of bank parts (references from the bank's derivations) and on
seed 004's own worked lines, whose first wrong row is the audited one (docs/seed-004-audit.md)."""

import pytest
from work_derivations import DERIVATIONS

from checkers import Status
from problems import bank


def _part(qualified: str):
    problem_id, part_id = qualified.rsplit(".", 1)
    return bank.get(problem_id).part(part_id)


@pytest.mark.parametrize("derivation", DERIVATIONS, ids=lambda d: d.name)
def test_a_right_derivation_has_no_row_flagged(derivation):
    verdict = _part(derivation.part).check_work(derivation.work)
    assert verdict.status is Status.CORRECT, verdict.message
    assert verdict.first_error is None
    assert [row.status for row in verdict.rows] == [Status.CORRECT] * len(verdict.rows)


@pytest.mark.parametrize("derivation", DERIVATIONS, ids=lambda d: d.name)
def test_the_first_wrong_row_is_named(derivation):
    verdict = _part(derivation.part).check_work(derivation.wrong)
    assert verdict.status is Status.INCORRECT, verdict.message
    assert verdict.first_error == derivation.first_error
    assert all(row.status is Status.CORRECT for row in verdict.rows[: derivation.first_error - 1])
    assert verdict.rows[derivation.first_error - 1].status is Status.INCORRECT
    assert f"row {derivation.first_error}" in verdict.message


# Seed 004's LaTeX, verbatim (004_bfa3633638d6bd60.txt); 2.2's blocks follow the seed's own
# "setting the derivatives from Problem 2.1 to zero", with 2.1's first (right) boxed form.
_SUM_0 = r"\sum_i 2(\phi_0 + \phi_1 x_i - y_i) = 0"
_SUM_1 = r"\sum_i 2(\phi_0 + \phi_1 x_i - y_i) \cdot x_i = 0"
SEED_004 = [
    # (part, work, the audited first wrong row, text the message must show)
    ("udl.2.1.phi0", r"\[\boxed{\frac{\partial L}{\partial \phi_0} = \sum_i 2(\phi_0 + \phi_1 x_i - y_i) = "
                     r"\sum_i \left[2\phi_0 + 2\phi_1 x_i\right]}\]", 1, r"\sum_{i=1}^{I} (2 \phi_{0} + 2 \phi_{1} {x}_{i})"),
    ("udl.2.1.phi1", r"\[\boxed{\frac{\partial L}{\partial \phi_1} = \sum_i 2(\phi_0 + \phi_1 x_i - y_i) \cdot x_i = "
                     r"\sum_i \left[2\phi_0 x_i + 2\phi_1 x_i^2\right]}\]", 1,
     r"\sum_{i=1}^{I} (2 \phi_{0} {x}_{i} + 2 \phi_{1} {x}_{i}^{2}"),
    ("udl.2.2.phi0", _SUM_0 + "\n" + r"\[\begin{aligned} 2\phi_0 + \phi_1 x_i - 2y_i &= 0 \\ 2\phi_0 - 2\phi_0 x_i &= "
                     r"2\phi_1 x_i^2 - 2x_i y_i - \phi_1 x_i + 2y_i \\ \phi_0(2 - 2x_i) &= 2\phi_1 x_i^2 - 2x_i y_i - "
                     r"\phi_1 x_i + 2y_i \\ \phi_0 &= \frac{2\phi_1 x_i^2 - 2x_i y_i - \phi_1 x_i + 2y_i}{2 - 2x_i} "
                     r"\end{aligned}\]", 2, "gains the solution"),
    ("udl.2.2.phi1", _SUM_1 + "\n" + r"\[\begin{aligned} \phi_1 x_i - 2\phi_1 x_i^2 &= -2\phi_0 + 2y_i + 2\phi_0 x_i "
                     r"- 2x_i y_i \\ \phi_1(x_i - 2x_i^2) &= 2\phi_0 x_i + 2y_i - 2\phi_0 - 2x_i y_i \\ \phi_1 &= "
                     r"\frac{2\phi_0 x_i + 2y_i - 2\phi_0 - 2x_i y_i}{x_i - 2x_i^2} \end{aligned}\]", 2, "gains the solution"),
    ("udl.3.12.count", r"\[2(3) + 3(4) + 3 + 1 = 13 \text{ parameters}\]", 1, "22 = 13"),
    ("udl.6.9.epochs", "\\[1000 \\text{ iterations} \\times 20 \\text{ examples/iteration} = 20{,}000 \\text{ examples "
                       "processed}\\]\n\\[\\frac{20{,}000}{100} = \\boxed{20 \\text{ epochs}}\\]", 2, "200 = 20"),
]


@pytest.mark.parametrize(("part", "work", "first_error", "shown"), SEED_004, ids=[row[0] for row in SEED_004])
def test_seed_004_first_wrong_row_is_the_audited_one(part, work, first_error, shown):
    verdict = _part(part).check_work(work)
    assert verdict.status is Status.INCORRECT
    assert verdict.first_error == first_error
    assert shown in verdict.rows[first_error - 1].message


def test_the_seed_004_right_forms_pass():
    """2.1's first boxed forms, written as the seed writes them, are right."""
    verdict = _part("udl.2.1.phi0").check_work(
        r"\[\boxed{\frac{\partial L}{\partial \phi_0} = \sum_i 2(\phi_0 + \phi_1 x_i - y_i)}\]")
    assert verdict.status is Status.CORRECT
