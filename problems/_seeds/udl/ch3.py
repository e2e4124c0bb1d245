"""Seed 004, chapter 3: shallow neural networks."""

from __future__ import annotations

import sympy

import derive

from ..._define import Recipe, evaluate, part, problem, stated
from ._common import DATA, SEED, SHALLOW, first, shallow, shallow_model, verdict

_ONE_INPUT = [name for name in SHALLOW if name != "a:function"] + ["x"]

# Activation pattern of the four regions of Prince's figure 3.3j (book parameters
# theta = (-0.2, 0.4), (-0.9, 0.9), (1.1, -0.7): joints at 1/2, 1 and 11/7; units 1 and 2 switch on,
# unit 3 switches off, going right).
_PATTERNS = ((0, 0, 1), (1, 0, 1), (1, 1, 1), (1, 1, 0))


def _slopes(patterns):
    """Region slopes: df/dx (derived with ReLU) with each unit's indicator set to the region's pattern."""
    def pick(derivation: derive.Derivation) -> sympy.Basic:
        gates = sorted(derivation.result.atoms(sympy.Heaviside), key=lambda h: str(h.args[0]))
        slopes = [derivation.result.xreplace(dict(zip(gates, map(sympy.Integer, pattern)))) for pattern in patterns]
        return slopes[0] if len(slopes) == 1 else sympy.Tuple(*slopes)
    return pick


def _joint(d: int) -> Recipe:
    """The x where unit d's pre-activation theta_d0 + theta_d1 x vanishes."""
    return Recipe("kkt", f"(theta_{d}0 + theta_{d}1 x)^2", "x", {"inequalities": [], "equalities": []},
                  kind="expression", pick=first)


def _unit(inputs: int, d: int) -> str:
    """Hidden unit d, a[theta_d0 + theta_d1 x_1 + ...]."""
    return "a(" + " + ".join([f"theta_{d}0"] + [f"theta_{d}{k} x_{k}" for k in range(1, inputs + 1)]) + ")"


def _network(inputs: int, hidden: int, output: int) -> str:
    """y_output of a shallow network with explicit inputs x_1.. and hidden units a[theta_d0 + ...]."""
    units = [f"phi_{output}{d} {_unit(inputs, d)}" for d in range(1, hidden + 1)]
    return " + ".join([f"phi_{output}0", *units])


def _hidden_units(inputs: int, hidden: int) -> list[str]:
    """The definitions h_d = a[theta_d0 + ...] the statement gives, for ``defines``."""
    return [f"h_{d} = {_unit(inputs, d)}" for d in range(1, hidden + 1)]


def _network_variables(inputs: int, hidden: int, outputs: int) -> list[str]:
    return (["a:function"] + [f"x_{k}" for k in range(1, inputs + 1)]
            + [f"theta_{d}{k}" for d in range(1, hidden + 1) for k in range(inputs + 1)]
            + [f"phi_{j}{d}" for j in range(1, outputs + 1) for d in range(hidden + 1)])


_LINEAR = ("phi_0 + phi_1 (psi_0 + psi_1 (theta_10 + theta_11 x)) + phi_2 (psi_0 + psi_1 (theta_20 + theta_21 x))"
           " + phi_3 (psi_0 + psi_1 (theta_30 + theta_31 x))")

PROBLEMS = [
    problem(
        SEED, "3.1", exercise="3.1", title="Shallow network with a linear activation",
        statement=r"In the shallow network $y = \phi_0 + \sum_{d=1}^{3} \phi_d\, a[\theta_{d0} + \theta_{d1} x]$, replace "
                  r"the activation by a linear function $a[z] = \psi_0 + \psi_1 z$, or by the identity $a[z] = z$. "
                  r"Write out the output and note what kind of map it is.",
        variables=[*_ONE_INPUT, "psi_0", "psi_1"],
        parts=[
            part("linear", r"Give $y$ as a function of $x$ for $a[z] = \psi_0 + \psi_1 z$.",
                 evaluate(_LINEAR, note="substitute a[z] = psi_0 + psi_1 z into each hidden unit", kind="expression")),
            part("identity", r"Give $y$ as a function of $x$ for $a[z] = z$.",
                 evaluate(_LINEAR.replace("psi_0", "0").replace("psi_1", "1"),
                          note="substitute a[z] = z into each hidden unit", kind="expression")),
        ],
        notes="Both outputs are affine in x: the network collapses to a line.",
    ),
    problem(
        SEED, "3.3", exercise="3.3*", title="Joints and slopes of a shallow ReLU network",
        statement=r"For the ReLU network $y = \phi_0 + \sum_{d=1}^{3} \phi_d\, \mathrm{ReLU}[\theta_{d0} + \theta_{d1} x]$ "
                  r"(all $\theta_{d1} \neq 0$), find the positions of the three joints, and the slopes of the four "
                  r"regions $R_1, \dots, R_4$ of figure 3.3j, where (left to right) unit 3 alone, units 1 and 3, all "
                  r"three units, and units 1 and 2 are active.",
        variables=[f"{name}:nonzero" if name in ("theta_11", "theta_21", "theta_31") else name for name in _ONE_INPUT],
        parts=[
            part("j1", r"Where is the joint of hidden unit 1?", _joint(1)),
            part("j2", r"Where is the joint of hidden unit 2?", _joint(2)),
            part("j3", r"Where is the joint of hidden unit 3?", _joint(3)),
            part("slopes", r"Give the slopes of $R_1, R_2, R_3, R_4$ as a tuple.",
                 Recipe("derivative", shallow("x", "ReLU"), "x", kind="tuple", pick=_slopes(_PATTERNS))),
        ],
    ),
    problem(
        SEED, "3.6", exercise="3.6", title="Rescaling a hidden unit",
        statement=r"Multiply $\theta_{10}$ and $\theta_{11}$ by a constant $\alpha$ and divide $\phi_1$ by $\alpha$: the "
                  r"first unit's contribution becomes $\frac{1}{\alpha}\phi_1 \mathrm{ReLU}[\alpha z]$ with "
                  r"$z = \theta_{10} + \theta_{11} x$. Simplify $\frac{1}{\alpha}\mathrm{ReLU}[\alpha x]$ for a positive "
                  r"scale $\alpha > 0$, and for a negative scale $-\alpha$.",
        variables=["x", "alpha:positive"],
        parts=[
            part("pos", r"Simplify $\frac{1}{\alpha}\mathrm{ReLU}[\alpha x]$ for $\alpha > 0$ (the network is unchanged).",
                 evaluate(r"\frac{1}{2}\mathrm{ReLU}(2 x)", note="ReLU is positively homogeneous: take alpha = 2 > 0",
                          kind="expression")),
            part("neg", r"Simplify $\frac{1}{-\alpha}\mathrm{ReLU}[-\alpha x]$ (a negative scale $-\alpha < 0$).",
                 evaluate(r"-\frac{1}{2}\mathrm{ReLU}(-2 x)", note="scale -2 < 0: the active side flips",
                          kind="expression")),
        ],
    ),
    problem(
        SEED, "3.7", exercise="3.7", title="Is the shallow network's least-squares minimum unique?",
        statement=r"Fit $f[x, \phi] = \phi_0 + \sum_{d=1}^{3} \phi_d\, a[\theta_{d0} + \theta_{d1} x]$ by least squares, "
                  r"$L[\phi] = \sum_{i=1}^{I} \ell_i$ with $\ell_i = (f[x_i, \phi] - y_i)^2$. Give the derivatives of one "
                  r"term $\ell_i$ in the output parameters (those of $L$ are their sums over $i$), and say whether the "
                  r"minimum of $L$ is unique.",
        variables=[*SHALLOW, *DATA],
        defines=[shallow_model()],
        parts=[
            part("phi0", r"Give $\partial \ell_i/\partial \phi_0$.",
                 Recipe("derivative", f"({shallow('x[i]')} - y[i])^2", "phi_0")),
            part("phi1", r"Give $\partial \ell_i/\partial \phi_1$.",
                 Recipe("derivative", f"({shallow('x[i]')} - y[i])^2", "phi_1")),
            part("unique", r"Does $L$ have a unique minimum? (yes / no)",
                 verdict("no", note="permuting the hidden units, or rescaling a ReLU unit as in 3.6, gives other "
                                    "parameters with the same loss")),
        ],
    ),
    problem(
        SEED, "3.9", exercise="3.9*", title="Slope of the third region",
        statement=r"In figure 3.3j all three hidden units are active in region $R_3$, only unit 3 in $R_1$, and units 1 and "
                  r"2 in $R_4$. Find the slope of $R_3$ (and so show it is the sum of the slopes of $R_1$ and $R_4$).",
        variables=_ONE_INPUT,
        parts=[part("r3", r"Give the slope of $y$ in $R_3$.",
                    Recipe("derivative", shallow("x", "ReLU"), "x", pick=_slopes([(1, 1, 1)])))],
    ),
    problem(
        SEED, "3.11", exercise="3.11*", title="Parameters of a one-input, two-output network",
        statement=r"How many parameters has the shallow network of figure 3.6: one input, four hidden units, two outputs?",
        parts=[part("count", "Give the number of parameters.",
                    evaluate("(1 + 1) 4 + (4 + 1) 2", note="(inputs + 1) x hidden + (hidden + 1) x outputs", kind="count"))],
    ),
    problem(
        SEED, "3.12", exercise="3.12", title="Parameters of a two-input network",
        statement=r"How many parameters has the shallow network of figure 3.7: two inputs, three hidden units, one output?",
        parts=[part("count", "Give the number of parameters.",
                    evaluate("(2 + 1) 3 + (3 + 1) 1", note="(inputs + 1) x hidden + (hidden + 1) x outputs", kind="count"))],
    ),
    problem(
        SEED, "3.14", exercise="3.14", title="Equations of a three-input, two-output network",
        statement=r"The network of figure 3.11 has three inputs $x_1, x_2, x_3$, three hidden units "
                  r"$h_d = a[\theta_{d0} + \theta_{d1}x_1 + \theta_{d2}x_2 + \theta_{d3}x_3]$ and two outputs "
                  r"$y_j = \phi_{j0} + \sum_{d=1}^{3}\phi_{jd} h_d$. Write both outputs in terms of the inputs.",
        variables=_network_variables(3, 3, 2),
        defines=_hidden_units(3, 3),
        parts=[
            part("y1", r"Give $y_1$.", stated(_network(3, 3, 1), note="substitute the hidden units into the output", kind="expression")),
            part("y2", r"Give $y_2$.", stated(_network(3, 3, 2), note="substitute the hidden units into the output", kind="expression")),
        ],
        notes="AMBIGUOUS: the seed says two inputs but writes one (x); problem 3.15 asks for 3-D regions of the same "
              "network, so it has three inputs.",
    ),
    problem(
        SEED, "3.15", exercise="3.15*", title="Regions of a three-input network",
        statement=r"What is the largest number of linear regions three hidden units can cut a 3-D input space into?",
        parts=[part("count", "Give the maximum number of regions.",
                    evaluate(r"\binom{3}{0} + \binom{3}{1} + \binom{3}{2} + \binom{3}{3}",
                             note="Zaslavsky: sum over j <= D_i of C(D, j) with D = D_i = 3", kind="count"))],
    ),
    problem(
        SEED, "3.16", exercise="3.16", title="Equations of a two-input, three-output network",
        statement=r"A shallow network has inputs $x_1, x_2$, four hidden units "
                  r"$h_d = a[\theta_{d0} + \theta_{d1}x_1 + \theta_{d2}x_2]$ and three outputs "
                  r"$y_j = \phi_{j0} + \sum_{d=1}^{4}\phi_{jd} h_d$. Write the outputs in terms of the inputs.",
        variables=_network_variables(2, 4, 3),
        defines=_hidden_units(2, 4),
        parts=[part(f"y{j}", rf"Give $y_{j}$.", stated(_network(2, 4, j), note="substitute the hidden units into the output",
                                                        kind="expression")) for j in (1, 2, 3)],
    ),
    problem(
        SEED, "3.17", exercise="3.17*", title="Parameters of a general shallow network",
        statement=r"How many parameters has a shallow network with $D_i$ inputs, $D$ hidden units and $D_o$ outputs?",
        variables=["D_i:integer,positive", "D:integer,positive", "D_o:integer,positive"],
        parts=[part("count", "Give the number of parameters.",
                    evaluate("(D_i + 1) D + (D + 1) D_o", note="weights and a bias into each hidden unit and each output",
                             kind="expression"))],
    ),
    problem(
        SEED, "3.18", exercise="3.18*", title="Regions of a two-input shallow network",
        statement=r"With $D_i = 2$ inputs, what is the largest number of linear regions of a shallow ReLU network with "
                  r"$D = 3$ hidden units, and with $D = 5$?",
        parts=[
            part("D3", "Give the maximum number of regions for D = 3.",
                 evaluate(r"\binom{3}{0} + \binom{3}{1} + \binom{3}{2}", note="Zaslavsky: sum over j <= 2 of C(3, j)", kind="count")),
            part("D5", "Give the maximum number of regions for D = 5.",
                 evaluate(r"\binom{5}{0} + \binom{5}{1} + \binom{5}{2}", note="Zaslavsky: sum over j <= 2 of C(5, j)", kind="count")),
        ],
    ),
]
