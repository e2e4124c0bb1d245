"""Seed 004 (a student's solutions to Prince, *Understanding Deep Learning*) graded for real.

Each row is an answer exactly as the seed writes it (LaTeX), checked with
``checkers.check`` against a reference computed here with sympy from the problem's
definitions, never typed in. The seed's real mistakes must come out ``incorrect`` and
its right answers ``correct``.
"""

from __future__ import annotations

import pytest
import sympy
from sympy import Function, IndexedBase, Rational, Sum, binomial, cos, exp, log, symbols

from checkers import check

i = symbols("i", integer=True, positive=True)
I = symbols("I", integer=True, positive=True)
x_, y_ = IndexedBase("x"), IndexedBase("y")
phi, phi_0, phi_1, phi_2, phi_3 = symbols("phi phi_0 phi_1 phi_2 phi_3")
a, f = Function("a"), Function("f")
x = symbols("x")


# -- problem 2.1 / 6.2: least squares for a line, summed over the training set ---------------
LINE_LOSS = Sum((phi_0 + phi_1 * x_[i] - y_[i]) ** 2, (i, 1, I))
D_PHI0 = sympy.diff(LINE_LOSS, phi_0)
D_PHI1 = sympy.diff(LINE_LOSS, phi_1)
HESSIAN = sympy.Matrix(2, 2, lambda r, c: sympy.diff(LINE_LOSS, (phi_0, phi_1)[r], (phi_0, phi_1)[c]).doit())

# -- problems 3.7 / 6.5: one example's squared error for the shallow network -------------------
t10, t11, t20, t21, t30, t31 = symbols("theta_10 theta_11 theta_20 theta_21 theta_30 theta_31")
SHALLOW = phi_0 + phi_1 * a(t10 + t11 * x_[i]) + phi_2 * a(t20 + t21 * x_[i]) + phi_3 * a(t30 + t31 * x_[i])
EXAMPLE_LOSS = (SHALLOW - y_[i]) ** 2
SHALLOW_SYMBOLS = (x_, y_, i, a, phi_0, phi_1, phi_2, phi_3, t10, t11, t20, t21, t30, t31)

# -- problem 7.1: two-layer network, derivatives of the output ---------------------------------
p01, p02, p11, p12, p21, p22 = symbols("psi_01 psi_02 psi_11 psi_12 psi_21 psi_22")
th01, th02, th11, th12 = symbols("theta_01 theta_02 theta_11 theta_12")
TWO_LAYER = (
    phi_0
    + phi_1 * a(p01 + p11 * a(th01 + th11 * x) + p21 * a(th02 + th12 * x))
    + phi_2 * a(p02 + p12 * a(th01 + th11 * x) + p22 * a(th02 + th12 * x))
)
TWO_LAYER_SYMBOLS = (a, x, phi_0, phi_1, phi_2, p01, p02, p11, p12, p21, p22, th01, th02, th11, th12)

# -- problem 7.2: the graph of equation 7.12 (h1 = sin f0, h2 = exp f1, h3 = cos f2) -----------
f0, f1, f2 = symbols("f_0 f_1 f_2")

# -- problem 5.3: von Mises negative log-likelihood with fixed concentration -------------------
kappa = symbols("kappa", positive=True)
VON_MISES_NLL = -log(exp(kappa * cos(y_[i] - f(x_[i], phi))))  # the normalizer does not depend on phi
VON_MISES_LOSS = sympy.expand_log(VON_MISES_NLL, force=True) / kappa  # a positive constant factor goes

# -- parameter counts (problems 3.12, 3.17, 4.10, 4.11, 6.9) -------------------------------------
D, K, D_i, D_o = symbols("D K D_i D_o", positive=True, integer=True)


def _shallow_parameters(inputs, hidden, outputs):
    return hidden * inputs + hidden + outputs * hidden + outputs


def _deep_parameters(depth, width):  # one input, one output, `depth` hidden layers of `width`
    return width + width + (depth - 1) * (width * width + width) + width + 1


CASES = [
    # (id, reference, answer as the seed writes it, extra symbols, verdict)
    ("2.1 boxed d/dphi0 (chain ends in the expanded form)", D_PHI0,
     r"\boxed{\frac{\partial L}{\partial \phi_0} = \sum_i 2(\phi_0 + \phi_1 x_i - y_i) = \sum_i \left[2\phi_0 + 2\phi_1 x_i\right]}", (), "incorrect"),
    ("2.1 boxed d/dphi1 (chain ends in the expanded form)", D_PHI1,
     r"\boxed{\frac{\partial L}{\partial \phi_1} = \sum_i 2(\phi_0 + \phi_1 x_i - y_i) \cdot x_i = \sum_i \left[2\phi_0 x_i + 2\phi_1 x_i^2\right]}", (), "incorrect"),
    ("2.1 expanded d/dphi0 drops y_i", D_PHI0, r"\sum_i \left[2\phi_0 + 2\phi_1 x_i\right]", (), "incorrect"),
    ("2.1 expanded d/dphi1 drops y_i", D_PHI1, r"\sum_i \left[2\phi_0 x_i + 2\phi_1 x_i^2\right]", (), "incorrect"),
    ("2.1 boxed form d/dphi0", D_PHI0, r"\frac{\partial L}{\partial \phi_0} = \sum_i 2(\phi_0 + \phi_1 x_i - y_i)", (), "correct"),
    ("2.1 boxed form d/dphi1", D_PHI1, r"\frac{\partial L}{\partial \phi_1} = \sum_i 2(\phi_0 + \phi_1 x_i - y_i) \cdot x_i", (), "correct"),
    ("6.1 d/dphi0", D_PHI0, r"\frac{\partial L[\phi]}{\partial \phi_0} = \sum_i 2(\phi_0 + \phi_1 x_i - y_i)", (), "correct"),
    ("6.2 Hessian of the summed loss", HESSIAN,
     r"\mathbf{H}[\phi] = \begin{bmatrix} 2 & 2x_i \\ 2x_i & 2x_i^2 \end{bmatrix}", (), "incorrect"),
    ("3.7 d/dphi0 (one example)", sympy.diff(EXAMPLE_LOSS, phi_0),
     r"\frac{\partial L}{\partial \phi_0} = 2(\phi_0 + \phi_1 a[\theta_{10} + \theta_{11}x_i] + \phi_2 a[\theta_{20} + \theta_{21}x_i] + \phi_3 a[\theta_{30} + \theta_{31}x_i] - y_i)",
     SHALLOW_SYMBOLS, "correct"),
    ("3.7 d/dphi1 has a stray + phi_1", sympy.diff(EXAMPLE_LOSS, phi_1),
     r"\frac{\partial L}{\partial \phi_1} = 2(a[\theta_{10} + \theta_{11}x_i] + \phi_1)(\phi_0 + \phi_1 a[\theta_{10} + \theta_{11}x_i] + \phi_2 a[\theta_{20} + \theta_{21}x_i] + \phi_3 a[\theta_{30} + \theta_{31}x_i] - y_i)",
     SHALLOW_SYMBOLS, "incorrect"),
    ("6.5 d/dphi1 (one example)", sympy.diff(EXAMPLE_LOSS, phi_1),
     r"\frac{\partial L}{\partial \phi_1} = 2(a[\theta_{10} + \theta_{11}x_i])(\phi_0 + \phi_1 a[\theta_{10} + \theta_{11}x_i] + \phi_2 a[\theta_{20} + \theta_{21}x_i] + \phi_3 a[\theta_{30} + \theta_{31}x_i] - y_i)",
     SHALLOW_SYMBOLS, "correct"),
    ("7.1 dy/dphi0", sympy.diff(TWO_LAYER, phi_0), r"\frac{\partial y}{\partial \phi_0} = 1", TWO_LAYER_SYMBOLS, "correct"),
    ("7.1 dy/dphi1", sympy.diff(TWO_LAYER, phi_1),
     r"\frac{\partial y}{\partial \phi_1} = a[\psi_{01} + \psi_{11}a[\theta_{01} + \theta_{11}x] + \psi_{21}a[\theta_{02} + \theta_{12}x]]", TWO_LAYER_SYMBOLS, "correct"),
    ("7.1 dy/dpsi01 is not 1", sympy.diff(TWO_LAYER, p01), r"\frac{\partial y}{\partial \psi_{01}} = 1", TWO_LAYER_SYMBOLS, "incorrect"),
    ("7.1 dy/dtheta11 is not x", sympy.diff(TWO_LAYER, th11), r"\frac{\partial y}{\partial \theta_{11}} = x", TWO_LAYER_SYMBOLS, "incorrect"),
    ("7.2 derivative of cos", sympy.diff(cos(f2), f2), r"\frac{\partial h_3}{\partial f_2} = \sin(f_2)", (), "incorrect"),
    ("7.2 derivative of sin", sympy.diff(sympy.sin(f0), f0), r"\frac{\partial h_1}{\partial f_0} = \cos(f_0)", (), "correct"),
    ("7.2 derivative of exp", sympy.diff(exp(f1), f1), r"\frac{\partial h_2}{\partial f_1} = \exp[f_1]", (), "correct"),
    ("5.3 boxed loss has the wrong sign", VON_MISES_LOSS, r"\boxed{L[\phi] = \cos[y_i - f[\mathbf{x}_i, \phi]]}", (f, x_, y_, i, phi), "incorrect"),
    ("5.1 sig(0)", sympy.Rational(1, 2), r"\text{sig}(0) = \frac{1}{1 + e^{0}} = \frac{1}{2}", (), "correct"),
    ("3.12 parameter count", _shallow_parameters(2, 4, 1), r"2(3) + 3(4) + 3 + 1 = 13 \text{ parameters}", (), "incorrect"),
    ("3.17 general parameter count", _shallow_parameters(D_i, D, D_o),
     r"\underbrace{(D_i + 1) \times D}_{\text{input-to-hidden weights + biases}} + \underbrace{(D + 1) \times D_o}_{\text{hidden-to-output weights + biases}}",
     (), "correct"),
    ("3.18 regions, D = 3", sum(binomial(3, j) for j in range(3)),
     r"\sum_{j=0}^{2} \binom{3}{j} = \binom{3}{0} + \binom{3}{1} + \binom{3}{2} = 1 + 3 + 3 = 7", (), "correct"),
    ("4.10 deep parameter count", sympy.expand(_deep_parameters(K, D)), r"\text{Total parameters} = 3D + 1 + (K - 1)D(D + 1)", (), "correct"),
    ("4.11 deep network has 286 parameters", _deep_parameters(10, 5), r"3(5) + 1 + (10-1)(5)(6) = 16 + 270 = 286", (), "correct"),
    ("4.11 shallow network has 286 parameters", _shallow_parameters(1, 95, 1),
     r"2 \times 95 + 96 \times 1 = 286", (), "correct"),
    ("4.6 derivative of 10x", sympy.diff(10 * x, x), r"\frac{\partial f}{\partial x} = 10", (), "correct"),
    ("6.9 epochs: 20000 / 100 is 200", Rational(1000 * 20, 100), r"\frac{20{,}000}{100} = \boxed{20 \text{ epochs}}", (), "incorrect"),
]


@pytest.mark.parametrize(("reference", "answer", "extra", "verdict"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_seed004_answer_gets_the_right_verdict(reference, answer, extra, verdict) -> None:
    if isinstance(reference, int):  # a count computed with Python integers
        reference = sympy.Integer(reference)
    result = check(reference, answer, symbols=extra, timeout=20.0)
    assert result.status.value == verdict, f"{answer!r}: {result.status.value} ({result.message}); read as {result.read_as}"


def test_enough_seed_answers_and_both_verdicts() -> None:
    assert len(CASES) >= 20
    assert {c[-1] for c in CASES} == {"correct", "incorrect"}
