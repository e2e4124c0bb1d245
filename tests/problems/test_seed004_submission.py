"""Seed 004 graded as a submission.

Every part of the bank that seed 004 answers gets the seed's own final answer, copied from its
LaTeX, and the test asserts the exact verdict of each. The parts graded incorrect must be exactly
``WRONG_IN_SEED``, written here from our own analysis (docs/seed-004-audit.md, re-checked); the
parts graded invalid are exactly the seed's wrong answers that use names the exercise does not have
(``WRONG_AND_UNREADABLE``) plus right answers in a notation the reader does not take yet
(``RIGHT_BUT_UNREADABLE``, reported as reader gaps). problems/COVERAGE.md lists them all.
"""

import pytest

from checkers import Status
from problems import bank

C, X, V = Status.CORRECT, Status.INCORRECT, Status.INVALID

BUDGET = 8.0
"""Seconds per answer: near the checker's default of 5 s, as a student gets it, with room for a loaded
machine (the checker spends 60% of the budget on a proof attempt before it looks for a counterexample)."""

# The shallow network's residual as the seed writes it (problems 3.7 and 6.5).
_R = (r"\phi_0 + \phi_1 a[\theta_{10} + \theta_{11}x_i] + \phi_2 a[\theta_{20} + \theta_{21}x_i] "
      r"+ \phi_3 a[\theta_{30} + \theta_{31}x_i] - y_i")
_G1 = r"\psi_{01} + \psi_{11}a[\theta_{01} + \theta_{11}x] + \psi_{21}a[\theta_{02} + \theta_{12}x]"
_G2 = r"\psi_{02} + \psi_{12}a[\theta_{01} + \theta_{11}x] + \psi_{22}a[\theta_{02} + \theta_{12}x]"
_GABOR = r"(\phi_0 + 0.06\phi_1 x_i)"

SUBMISSION = [
    # -- chapter 2 (the boxed chains are graded on their last member, every link checked)
    ("udl.2.1.phi0", r"\frac{\partial L}{\partial \phi_0} = \sum_i 2(\phi_0 + \phi_1 x_i - y_i) = \sum_i \left[2\phi_0 + 2\phi_1 x_i\right]", X),
    ("udl.2.1.phi1", r"\frac{\partial L}{\partial \phi_1} = \sum_i 2(\phi_0 + \phi_1 x_i - y_i) \cdot x_i = \sum_i \left[2\phi_0 x_i + 2\phi_1 x_i^2\right]", X),
    ("udl.2.2.phi0", r"\phi_0 = \frac{2\phi_1 x_i^2 - 2x_i y_i - \phi_1 x_i + 2y_i}{2 - 2x_i}", X),
    ("udl.2.2.phi1", r"\phi_1 = \frac{2\phi_0 x_i + 2y_i - 2\phi_0 - 2x_i y_i}{x_i - 2x_i^2}", X),
    # the seed continues "= g^{-1}[x, \phi]", a name for the same map
    ("udl.2.3.inverse", r"y = \frac{x - \phi_0}{\phi_1}", C),
    # "This model will generally not produce the same predictions"
    ("udl.2.3.same", "No", C),
    # -- chapter 3
    ("udl.3.1.linear", r"y = \phi_0 + \phi_1\psi_0 + \phi_1\psi_1\theta_{10} + \phi_1\psi_1\theta_{11}x + \phi_2\psi_0 + \phi_2\psi_1\theta_{20} + \phi_2\psi_1\theta_{21}x + \phi_3\psi_0 + \phi_3\psi_1\theta_{30} + \phi_3\psi_1\theta_{31}x", C),
    ("udl.3.1.identity", r"y = \phi_0 + \phi_1(\theta_{10} + \theta_{11}x) + \phi_2(\theta_{20} + \theta_{21}x) + \phi_3(\theta_{30} + \theta_{31}x)", C),
    ("udl.3.3.j1", r"x = -\theta_{10}/\theta_{11}", C),
    ("udl.3.3.j2", r"x = -\theta_{20}/\theta_{21}", C),
    ("udl.3.3.j3", r"x = -\theta_{30}/\theta_{31}", C),
    ("udl.3.6.pos", r"\frac{1}{\alpha} \text{ReLU}(\alpha x) = \frac{1}{\alpha} \cdot \alpha \cdot \text{ReLU}(x) = \text{ReLU}(x)", C),
    ("udl.3.6.neg", r"\begin{cases} 0 & \text{if } x > 0 \\ x & \text{if } x \leq 0 \end{cases}", C),
    ("udl.3.7.phi0", rf"\frac{{\partial L}}{{\partial \phi_0}} = 2({_R})", C),
    ("udl.3.7.phi1", rf"\frac{{\partial L}}{{\partial \phi_1}} = 2(a[\theta_{{10}} + \theta_{{11}}x_i] + \phi_1)({_R})", X),
    ("udl.3.7.unique", r"$\phi_0 = 0$ for $\text{ReLU}(z) > 0$ cases", V),
    ("udl.3.9.r3", r"$\phi_1\theta_{11} + \phi_2\theta_{21} + \phi_3\theta_{31}$", C),
    ("udl.3.11.count", r"1(4) + 2(4) + 4 + 2 = 18 \text{ parameters}", C),
    ("udl.3.12.count", r"2(3) + 3(4) + 3 + 1 = 13 \text{ parameters}", X),
    ("udl.3.14.y1", r"y_1 = \psi_{11}\big[a[\theta_{10} + \theta_{11}x]\big] + \psi_{21}\big[a[\theta_{20} + \theta_{21}x]\big] + \psi_{31}\big[a[\theta_{30} + \theta_{31}x]\big]", V),
    ("udl.3.14.y2", r"y_2 = \psi_{12}\big[a[\theta_{10} + \theta_{11}x]\big] + \psi_{22}\big[a[\theta_{20} + \theta_{21}x]\big] + \psi_{32}\big[a[\theta_{30} + \theta_{31}x]\big]", V),
    ("udl.3.15.count", r"2^3 = 8", C),
    ("udl.3.16.y1", r"y_1 = \phi_{10} + \phi_{11}\,a[\theta_{10} + \theta_{11}x_1 + \theta_{12}x_2 + \theta_{13}x_3] + \phi_{12}\,a[\theta_{20} + \theta_{21}x_1 + \theta_{22}x_2 + \theta_{23}x_3] + \phi_{13}\,a[\theta_{30} + \theta_{31}x_1 + \theta_{32}x_2 + \theta_{33}x_3]", V),
    ("udl.3.17.count", r"\underbrace{(D_i + 1) \times D}_{\text{input-to-hidden weights + biases}} + \underbrace{(D + 1) \times D_o}_{\text{hidden-to-output weights + biases}}", C),
    ("udl.3.18.D3", r"\sum_{j=0}^{2} \binom{3}{j} = \binom{3}{0} + \binom{3}{1} + \binom{3}{2} = 1 + 3 + 3 = 7", C),
    ("udl.3.18.D5", r"\sum_{j=0}^{2} \binom{5}{j} = \binom{5}{0} + \binom{5}{1} + \binom{5}{2} = 1 + 5 + 10 = 16", C),
    # -- chapter 4 (4.4: the seed's table, rows "20 x 5" written as pairs; the reader reads "20 \times 5" as 100)
    ("udl.4.4.weights", r"((20, 5), (10, 20), (7, 10), (4, 7))", C),
    ("udl.4.4.biases", r"(20, 10, 7, 4)", C),
    ("udl.4.6.width", r"\frac{\partial f}{\partial x} = 10", X),
    ("udl.4.6.depth", r"\frac{\partial f}{\partial y} = 10", X),
    ("udl.4.8.regions", r"4 \times K", X),
    ("udl.4.9.three", "No", C),
    # "it is possible to create five linear regions using a shallow network with four hidden units"
    ("udl.4.9.five", "yes", C),
    ("udl.4.10.count", r"\text{Total parameters} = 3D + 1 + (K - 1)D(D + 1)", C),
    # the seed's line starts with the general formula "(D_i + 1) \times D + (D + 1) \times D_o =" (names not in 4.11)
    ("udl.4.11.params1", r"2 \times 95 + 96 \times 1 = 286", C),
    ("udl.4.11.regions1", r"\sum_{j=0}^{1}\binom{95}{j} = 1 + 95 = 96 \text{ linear regions}", C),
    ("udl.4.11.params2", r"3(5) + 1 + (10-1)(5)(6) = 16 + 270 = 286", C),
    ("udl.4.11.regions2", "324", X),
    # -- chapter 5
    ("udl.5.1.neg", r"\text{sig}(-\infty) = \frac{1}{1 + e^{\infty}} = \frac{1}{\infty} \to 0", V),
    ("udl.5.1.zero", r"\text{sig}(0) = \frac{1}{1 + e^{0}} = \frac{1}{2}", C),
    ("udl.5.1.pos", r"\text{sig}(\infty) = \frac{1}{1 + e^{-\infty}} = \frac{1}{1 + 0} = 1", V),
    ("udl.5.2.y0", r"L = -\log[1 - \text{sig}[f[\mathbf{x}, \phi]]]", C),
    ("udl.5.2.y1", r"L = -\log[\text{sig}[f[\mathbf{x}, \phi]]]", C),
    ("udl.5.3.loss", r"\boxed{L[\phi] = \cos[y_i - f[\mathbf{x}_i, \phi]]}", X),
    ("udl.5.4.loss", r"L[\phi] = -\sum_i \log\bigg[\frac{\text{sig}[f_1]}{\sqrt{2\pi}\,f_3^2}\exp\bigg[\frac{-(y_i - f_2)^2}{2f_3^2}\bigg] + \frac{1-\text{sig}[f_1]}{\sqrt{2\pi}\,f_5^2}\exp\bigg[\frac{-(y_i - f_4)^2}{2f_5^2}\bigg]\bigg]", X),
    ("udl.5.5.outputs", "5", C),
    ("udl.5.6.loss", r"L[\phi] = -\sum_i \big[2k_i \log f[\mathbf{x}_i, \phi] - f[\mathbf{x}_i, \phi]^2\big] = \sum_i \big[f[\mathbf{x}_i, \phi]^2 - 2k_i\log f[\mathbf{x}_i, \phi]\big]", C),
    ("udl.5.7.loss", r"\hat{\phi} = \operatorname*{argmin}_{\phi} \sum_{d=1}^{10} (y_d - f_d[\mathbf{x}, \phi])^2", V),
    ("udl.5.8.loss", r"\sum_d \log\big[\sqrt{2\pi}\,f_{1,d}[\mathbf{x}, \phi]^2\big] + \frac{(y_d - f_{2,d}[\mathbf{x}, \phi])^2}{2\,f_{1,d}[\mathbf{x}, \phi]^2}", V),
    # -- chapter 6
    ("udl.6.1.phi0", r"\frac{\partial L[\phi]}{\partial \phi_0} = \sum_i 2(\phi_0 + \phi_1 x_i - y_i)", C),
    ("udl.6.1.phi1", r"\frac{\partial L[\phi]}{\partial \phi_1} = \sum_i 2(\phi_0 + \phi_1 x_i - y_i) \cdot x_i", C),
    ("udl.6.2.H", r"\mathbf{H}[\phi] = \begin{bmatrix} 2 & 2x_i \\ 2x_i & 2x_i^2 \end{bmatrix}", X),
    # "The determinant is zero, which means one eigenvalue is zero."
    ("udl.6.2.det", "0", X),
    ("udl.6.3.phi0", rf"\frac{{\partial L}}{{\partial \phi_0}} = \sum_i 2\bigg(\cos[\phi_0 + 0.06\phi_1 x_i] \exp\bigg(-\frac{{{_GABOR}^2}}{{32}}\bigg) + \sin[\phi_0 + 0.06\phi_1 x_i] \cdot \bigg(-\frac{{2{_GABOR}}}{{32}}\bigg)\exp\bigg(-\frac{{{_GABOR}^2}}{{32}}\bigg)\bigg)", X),
    ("udl.6.3.phi1", rf"\frac{{\partial L}}{{\partial \phi_1}} = \sum_i 2\bigg(0.06x_i\cos[\phi_0 + 0.06\phi_1 x_i]\exp\bigg(-\frac{{{_GABOR}^2}}{{32}}\bigg) + \sin[\phi_0 + 0.06\phi_1 x_i] \cdot \bigg(-\frac{{2 \cdot 0.06 x_i{_GABOR}}}{{32}}\bigg)\exp\bigg(-\frac{{{_GABOR}^2}}{{32}}\bigg)\bigg)", X),
    ("udl.6.5.relu", r"\frac{\partial}{\partial z}\text{ReLU}[z] = \mathbb{1}[z > 0]", C),
    ("udl.6.5.phi0", rf"\frac{{\partial L}}{{\partial \phi_0}} = 2({_R})", C),
    ("udl.6.5.phi1", rf"\frac{{\partial L}}{{\partial \phi_1}} = 2(a[\theta_{{10}} + \theta_{{11}}x_i])({_R})", C),
    ("udl.6.5.theta10", rf"\frac{{\partial L}}{{\partial \theta_{{10}}}} = \begin{{cases}} 2(\phi_1)({_R}) & \text{{if }} \theta_{{10}} > -\theta_{{11}}x_i \\ 0 & \text{{otherwise}} \end{{cases}}", C),
    ("udl.6.5.theta11", rf"\frac{{\partial L}}{{\partial \theta_{{11}}}} = \begin{{cases}} 2(\phi_1 x_i)({_R}) & \text{{if }} \theta_{{10}} > -\theta_{{11}}x_i \\ 0 & \text{{otherwise}} \end{{cases}}", C),
    ("udl.6.8.escape", "No", C),
    ("udl.6.9.epochs", r"\frac{20{,}000}{100} = \boxed{20 \text{ epochs}}", X),
    # "\mathbf{H} = n \times n = 1{,}000{,}000 \times 1{,}000{,}000"; "That's $10^{12}$ entries"
    ("udl.6.11.rows", r"1{,}000{,}000", V),
    ("udl.6.11.entries", r"10^{12}", C),
    # -- chapter 7 (the seed gives 10 of the 13 derivatives: none for psi_02, psi_12, psi_22)
    ("udl.7.1.phi0", r"\frac{\partial y}{\partial \phi_0} = 1", C),
    ("udl.7.1.phi1", rf"\frac{{\partial y}}{{\partial \phi_1}} = a[{_G1}]", C),
    ("udl.7.1.phi2", rf"\frac{{\partial y}}{{\partial \phi_2}} = a[{_G2}]", C),
    ("udl.7.1.psi01", r"\frac{\partial y}{\partial \psi_{01}} = 1", X),
    ("udl.7.1.psi11", r"\frac{\partial y}{\partial \psi_{11}} = a[\theta_{01} + \theta_{11}x]", X),
    ("udl.7.1.psi21", r"\frac{\partial y}{\partial \psi_{21}} = a[\theta_{02} + \theta_{12}x]", X),
    ("udl.7.1.theta01", r"\frac{\partial y}{\partial \theta_{01}} = 1", X),
    ("udl.7.1.theta11", r"\frac{\partial y}{\partial \theta_{11}} = x", X),
    ("udl.7.1.theta02", r"\frac{\partial y}{\partial \theta_{02}} = 1", X),
    ("udl.7.1.theta12", r"\frac{\partial y}{\partial \theta_{12}} = x", X),
    ("udl.7.2.dh3_df2", r"\frac{\partial h_3}{\partial f_2} = \sin(f_2)", X),
    # right values under wrong labels (f_5, f_3 for f_2, f_1): the left side only names the quantity
    ("udl.7.2.df2_dh2", r"\frac{\partial f_5}{\partial h_2} = \omega_2", C),
    ("udl.7.2.dh2_df1", r"\frac{\partial h_2}{\partial f_1} = \exp[f_1]", C),
    ("udl.7.2.df1_dh1", r"\frac{\partial f_3}{\partial h_1} = \omega_1", C),
    ("udl.7.2.dh1_df0", r"\frac{\partial h_1}{\partial f_0} = \cos(f_0)", C),
    # the seed's size table, "D_2 \times D_1" written as a pair (the reader reads \times as a product)
    ("udl.7.3.dh1_df0", "(D_1, D_1)", C),
    ("udl.7.3.df1_dh1", "(D_2, D_1)", X),
    ("udl.7.3.dh2_df1", "(D_2, D_2)", C),
    ("udl.7.3.df2_dh2", "(D_3, D_2)", X),
    ("udl.7.3.dl_df2", "(D_3, 1)", C),
]

WRONG_IN_SEED = {
    "udl.2.1.phi0", "udl.2.1.phi1",          # second equality drops the y_i terms
    "udl.2.2.phi0", "udl.2.2.phi1",          # sums dropped, per-example algebra
    "udl.3.7.phi1",                          # spurious + phi_1
    "udl.3.12.count",                        # 2(3) + 3(4) + 3 + 1 is 22, not 13
    "udl.4.6.width", "udl.4.6.depth",        # 191 and 100 weights, not "10 each"
    "udl.4.8.regions",                       # 4^K, not 4 x K
    "udl.4.11.regions2",                     # 6^10, not 324
    "udl.5.3.loss",                          # sign and the sum lost
    "udl.5.4.loss",                          # normaliser f_3^2 against variance f_3^2
    "udl.6.2.H", "udl.6.2.det",              # one example's Hessian; det is 4(I sum x^2 - (sum x)^2)
    "udl.6.3.phi0", "udl.6.3.phi1",          # residual factor missing
    "udl.6.9.epochs",                        # 20000 / 100 = 200
    "udl.7.1.psi01", "udl.7.1.psi11", "udl.7.1.psi21",                       # phi_1 a'[.] missing
    "udl.7.1.theta01", "udl.7.1.theta11", "udl.7.1.theta02", "udl.7.1.theta12",  # both paths and a' missing
    "udl.7.2.dh3_df2",                       # d cos / d f_2 = -sin
    "udl.7.3.df1_dh1", "udl.7.3.df2_dh2",    # not conformable in the written order
}

WRONG_AND_UNREADABLE = {
    "udl.3.7.unique",                        # no yes/no verdict at all
    "udl.3.14.y1", "udl.3.14.y2",            # psi as functions of a single input x: names the network has not
    "udl.3.16.y1",                           # x_3 and theta_d3 in a two-input network
    "udl.5.8.loss",                          # f_{1,d}[x, phi] unread; also sigma^2 in the log, f_1/f_2 swapped
}

RIGHT_BUT_UNREADABLE = {
    "udl.5.1.neg", "udl.5.1.pos",            # chains through e^{\infty}
    "udl.5.7.loss",                          # argmin and f_d[x, phi]
    "udl.6.11.rows",                         # 1{,}000{,}000
}

AUDIT_WRONG_OUTSIDE_THE_BANK = {
    "4.7": "identity parameters: many answers are right, so there is no single reference",
    "5.5": "the mixture likelihood needs Bessel_0, which the reader does not know",
    "6.7": "a prose claim (successive exact line-search steps are orthogonal)",
    "7.3": "the displayed chain of partial derivatives (a product of symbols, not a value)",
}

_PARTS = {part.qualified_id: part for part in bank.parts()}


@pytest.mark.parametrize("part_id, answer, status", SUBMISSION, ids=[row[0] for row in SUBMISSION])
def test_each_answer_of_the_seed_gets_its_verdict(part_id, answer, status):
    verdict = _PARTS[part_id].check(answer, timeout=BUDGET)
    if verdict.status is Status.UNDECIDED:  # a loaded machine: undecided only says the budget ran out
        verdict = _PARTS[part_id].check(answer, timeout=6 * BUDGET)
    assert verdict.status is status, f"{part_id}: {verdict.message}"


def test_the_parts_graded_incorrect_are_exactly_the_seeds_mistakes():
    assert {part for part, _, status in SUBMISSION if status is X} == WRONG_IN_SEED


def test_the_parts_graded_invalid_are_listed_with_a_reason():
    assert {part for part, _, status in SUBMISSION if status is V} == WRONG_AND_UNREADABLE | RIGHT_BUT_UNREADABLE
    assert not WRONG_AND_UNREADABLE & RIGHT_BUT_UNREADABLE


def test_the_submission_names_each_answered_part_once():
    ids = [part for part, _, _ in SUBMISSION]
    assert len(ids) == len(set(ids)) and set(ids) <= set(_PARTS)


def test_coverage_lists_every_wrong_answer_of_the_seed():
    from pathlib import Path

    coverage = (Path(__file__).parents[2] / "problems" / "COVERAGE.md").read_text(encoding="utf-8")
    section = coverage.split("Seed 004 graded as a submission", 1)[1]
    missing = [part for part in WRONG_IN_SEED if part.split(".", 1)[1].rsplit(".", 1)[0] not in section]
    assert not missing, missing
