"""Seed 004, chapter 4: deep neural networks."""

from __future__ import annotations

import sympy

from ..._define import Recipe, evaluate, part, problem, stated
from ._common import SEED, verdict


def _zigzag() -> str:
    """Squared misfit of y = phi_0 + sum phi_d h_d to the targets 0, 1, 0, 1 at x = 0, 1/6, 1/3, 2/3."""
    def y(x: str) -> str:
        return f"(phi_0 + phi_1 ReLU({x} - 1/6) + phi_2 ReLU({x} - 1/3) + phi_3 ReLU(2/3 - {x}))"
    return f"({y('0')})^2 + ({y('1/6')} - 1)^2 + ({y('1/3')})^2 + ({y('2/3')} - 1)^2"


def _only_point(derivation) -> sympy.Basic:
    (point,) = derivation.result
    return sympy.Tuple(*point)


PROBLEMS = [
    problem(
        SEED, "4.4", exercise="4.4", title="Sizes in a three-hidden-layer network",
        statement=r"A deep network has $D_i = 5$ inputs, hidden layers of $D_1 = 20$, $D_2 = 10$, $D_3 = 7$ units and "
                  r"$D_o = 4$ outputs: $\mathbf{h}_1 = a[\boldsymbol\beta_0 + \boldsymbol\Omega_0 \mathbf{x}]$, "
                  r"$\mathbf{h}_{k+1} = a[\boldsymbol\beta_k + \boldsymbol\Omega_k \mathbf{h}_k]$, "
                  r"$\mathbf{y} = \boldsymbol\beta_3 + \boldsymbol\Omega_3 \mathbf{h}_3$. Give the sizes of the weight "
                  r"matrices and bias vectors.",
        parts=[
            part("weights", r"Give the shapes (rows, columns) of $\Omega_0, \Omega_1, \Omega_2, \Omega_3$ as a tuple of pairs.",
                 stated("((20, 5), (10, 20), (7, 10), (4, 7))", note="Omega_k maps layer k to layer k + 1: "
                                                                      "(size of layer k + 1) x (size of layer k)", kind="tuple")),
            part("biases", r"Give the lengths of $\beta_0, \beta_1, \beta_2, \beta_3$ as a tuple.",
                 stated("(20, 10, 7, 4)", note="beta_k has one entry per unit of layer k + 1", kind="tuple")),
        ],
        notes="The composed equation is a definition and is not graded.",
    ),
    problem(
        SEED, "4.5", exercise="4.5", title="Depth and width",
        statement=r"A deep network has $D_i = 5$ inputs, $D_o = 1$ output and $K = 20$ hidden layers of $D = 30$ units. "
                  r"What are its depth and its width?",
        parts=[
            part("depth", "Give the depth.", stated("20", note="depth = number of hidden layers K", kind="count")),
            part("width", "Give the width.", stated("30", note="width = number of units per hidden layer D", kind="count")),
        ],
    ),
    problem(
        SEED, "4.6", exercise="4.6", title="Deeper or wider?",
        statement=r"A network with $D_i = D_o = 1$ has $K = 10$ hidden layers of $D = 10$ units, so "
                  r"$D_i D + (K - 1)D^2 + D D_o$ weights. How many weights does one more unit in every layer add, and "
                  r"how many does one more layer add?",
        parts=[
            part("width", "How many weights does one more hidden unit per layer add?",
                 evaluate("(2 \\cdot 11 + 9 \\cdot 11^2) - (2 \\cdot 10 + 9 \\cdot 10^2)",
                          note="weights 2D + (K - 1)D^2 at D = 11 minus at D = 10 (K = 10)", kind="count")),
            part("depth", "How many weights does one more hidden layer add?",
                 evaluate("(2 \\cdot 10 + 10 \\cdot 10^2) - (2 \\cdot 10 + 9 \\cdot 10^2)",
                          note="weights 2D + (K - 1)D^2 at K = 11 minus at K = 10 (D = 10)", kind="count")),
        ],
        notes="Weights only (with biases: 201 and 110); either way width adds more.",
    ),
    problem(
        SEED, "4.8", exercise="4.8*", title="A zig-zag network composed with itself",
        statement=r"Three ReLU units $h_1 = \mathrm{ReLU}[x - 1/6]$, $h_2 = \mathrm{ReLU}[x - 2/6]$ and "
                  r"$h_3 = \mathrm{ReLU}[4/6 - x]$ (slopes 1, 1, -1; joints 1/6, 2/6, 4/6) feed "
                  r"$y = \phi_0 + \phi_1 h_1 + \phi_2 h_2 + \phi_3 h_3$. Choose the $\phi$'s so that on $[0, 1]$ the "
                  r"output rises from 0 to 1, falls to 0, rises to 1 and falls to 0 across the four regions; then count "
                  r"the regions after composing this network with itself $K$ times.",
        variables=["phi_0", "phi_1", "phi_2", "phi_3", "K:integer,positive"],
        parts=[
            part("phi", r"Give $(\phi_0, \phi_1, \phi_2, \phi_3)$.",
                 Recipe("critical", _zigzag(), "phi_0,phi_1,phi_2,phi_3", kind="tuple", pick=_only_point)),
            part("regions", r"How many linear regions does the $K$-fold composition have on $[0, 1]$?",
                 evaluate("4^K", note="each of the 4 regions maps onto [0, 1], so every composition multiplies the "
                                      "count by 4", kind="expression")),
        ],
        notes="ASSUMED reading of figure 4.9 (from the seed's restatement): the zig-zag starts at 0 at x = 0. The "
              "reference for phi is the zero-misfit critical point of the squared conditions.",
    ),
    problem(
        SEED, "4.9", exercise="4.9*", title="Oscillating functions from few hidden units",
        statement=r"Can a shallow ReLU network with two hidden units make a function that goes 0, 1, 0 across three "
                  r"linear regions? Can one with four hidden units make one that oscillates across five regions?",
        parts=[
            part("three", "Two hidden units, three oscillating regions: possible? (yes / no)",
                 verdict("no", note="each unit is inactive on one side of its joint, so no choice of two units "
                                    "gives slopes of signs +, -, + in three regions")),
            part("five", "Four hidden units, five oscillating regions: possible? (yes / no)",
                 verdict("yes", note="four joints suffice to alternate the slope sign across five regions")),
        ],
    ),
    problem(
        SEED, "4.10", exercise="4.10", title="Parameters of a deep network",
        statement=r"How many parameters has a deep network with one input, one output and $K$ hidden layers of $D$ units?",
        variables=["D:integer,positive", "K:integer,positive"],
        parts=[part("count", "Give the number of parameters.",
                    evaluate("(1 + 1) D + (K - 1)(D + 1) D + (D + 1) 1",
                             note="input layer (1 + 1)D, K - 1 hidden-to-hidden (D + 1)D, output (D + 1)",
                             kind="expression"))],
    ),
    problem(
        SEED, "4.11", exercise="4.11*", title="Shallow versus deep with equal parameters",
        statement=r"Compare a shallow network with 95 hidden units and a deep network with $K = 10$ layers of $D = 5$ "
                  r"units (both one input, one output): parameters and maximum numbers of linear regions.",
        parts=[
            part("params1", "Parameters of the shallow network.",
                 evaluate("(1 + 1) 95 + (95 + 1) 1", note="(D_i + 1)D + (D + 1)D_o", kind="count")),
            part("regions1", "Maximum linear regions of the shallow network.",
                 evaluate(r"\binom{95}{0} + \binom{95}{1}", note="sum over j <= D_i of C(D, j)", kind="count")),
            part("params2", "Parameters of the deep network.",
                 evaluate("(1 + 1) 5 + (10 - 1)(5 + 1) 5 + (5 + 1) 1", note="3D + 1 + (K - 1)D(D + 1)", kind="count")),
            part("regions2", "Maximum linear regions of the deep network.",
                 evaluate(r"(5/1 + 1)^{1 (10 - 1)} \left(\binom{5}{0} + \binom{5}{1}\right)",
                          note="(D/D_i + 1)^(D_i (K - 1)) * sum over j <= D_i of C(D, j)", kind="count")),
        ],
        notes="Which network runs faster is a judgement and is not graded.",
    ),
]
