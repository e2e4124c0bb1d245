"""Seed 004, chapter 7: gradients and backpropagation."""

from __future__ import annotations

from ..._define import Recipe, evaluate, part, problem
from ._common import SEED

_G1 = "psi_01 + psi_11 a(theta_01 + theta_11 x) + psi_21 a(theta_02 + theta_12 x)"
_G2 = "psi_02 + psi_12 a(theta_01 + theta_11 x) + psi_22 a(theta_02 + theta_12 x)"
_NET = f"phi_0 + phi_1 a({_G1}) + phi_2 a({_G2})"
_PARAMETERS = ("phi_0", "phi_1", "phi_2", "psi_01", "psi_11", "psi_21", "psi_02", "psi_12", "psi_22",
               "theta_01", "theta_11", "theta_02", "theta_12")

_SIZES = {
    "dh1_df0": (r"\partial \mathbf{h}_1/\partial \mathbf{f}_0", "(D_1, D_1)", "h_1 = a[f_0] elementwise: a diagonal D_1 x D_1 matrix"),
    "df1_dh1": (r"\partial \mathbf{f}_1/\partial \mathbf{h}_1", "(D_1, D_2)", "f_1 = beta_1 + Omega_1 h_1: Omega_1^T, D_1 x D_2"),
    "dh2_df1": (r"\partial \mathbf{h}_2/\partial \mathbf{f}_1", "(D_2, D_2)", "h_2 = a[f_1] elementwise: a diagonal D_2 x D_2 matrix"),
    "df2_dh2": (r"\partial \mathbf{f}_2/\partial \mathbf{h}_2", "(D_2, D_3)", "f_2 = beta_2 + Omega_2 h_2: Omega_2^T, D_2 x D_3"),
    "dl_df2": (r"\partial \ell_i/\partial \mathbf{f}_2", "(D_3, 1)", "the loss is a scalar and f_2 has D_3 entries"),
}

PROBLEMS = [
    problem(
        SEED, "7.1", exercise="7.1", title="Thirteen derivatives of a two-layer network",
        statement=r"A network with two hidden layers of two units maps $x$ to "
                  r"$y = \phi_0 + \phi_1 a[\psi_{01} + \psi_{11} h_1 + \psi_{21} h_2] + \phi_2 a[\psi_{02} + \psi_{12} h_1 + "
                  r"\psi_{22} h_2]$ with $h_1 = a[\theta_{01} + \theta_{11} x]$, $h_2 = a[\theta_{02} + \theta_{12} x]$. "
                  r"Differentiate $y$ directly (without backpropagation) with respect to each of the 13 parameters; "
                  r"write $a'[\cdot]$ for the derivative of the activation.",
        variables=["a:function", "x", *_PARAMETERS],
        defines=[r"h_1 = a[\theta_{01} + \theta_{11} x]", r"h_2 = a[\theta_{02} + \theta_{12} x]"],
        parts=[part(name.replace("_", ""), rf"Give $\partial y/\partial \{name.split('_')[0]}_{{{name.split('_')[1]}}}$.",
                    Recipe("derivative", _NET, name)) for name in _PARAMETERS],
    ),
    problem(
        SEED, "7.2", exercise="7.2", title="Local derivatives of a toy model",
        statement=r"The toy model of Prince's section 7.3 computes $f_0 = \beta_0 + \omega_0 x$, $h_1 = \sin f_0$, "
                  r"$f_1 = \beta_1 + \omega_1 h_1$, $h_2 = \exp f_1$, $f_2 = \beta_2 + \omega_2 h_2$, $h_3 = \cos f_2$, "
                  r"$f_3 = \beta_3 + \omega_3 h_3$. Give the last factor of each of the five chains of derivatives.",
        variables=["f_0", "f_1", "f_2", "h_1", "h_2", "beta_1", "beta_2", "omega_1", "omega_2"],
        defines=[r"f_0 = \beta_0 + \omega_0 x", r"h_1 = \sin f_0", r"f_1 = \beta_1 + \omega_1 h_1", r"h_2 = \exp f_1",
                 r"f_2 = \beta_2 + \omega_2 h_2", r"h_3 = \cos f_2", r"f_3 = \beta_3 + \omega_3 h_3"],
        parts=[
            part("dh3_df2", r"Give $\partial h_3/\partial f_2$.", Recipe("derivative", "cos(f_2)", "f_2")),
            part("df2_dh2", r"Give $\partial f_2/\partial h_2$.", Recipe("derivative", "beta_2 + omega_2 h_2", "h_2")),
            part("dh2_df1", r"Give $\partial h_2/\partial f_1$.", Recipe("derivative", "exp(f_1)", "f_1")),
            part("df1_dh1", r"Give $\partial f_1/\partial h_1$.", Recipe("derivative", "beta_1 + omega_1 h_1", "h_1")),
            part("dh1_df0", r"Give $\partial h_1/\partial f_0$.", Recipe("derivative", "sin(f_0)", "f_0")),
        ],
    ),
    problem(
        SEED, "7.3", exercise="7.3", title="Sizes of the terms in the backpropagation chain",
        statement=r"For a network with hidden layers of $D_1$, $D_2$, $D_3$ units, "
                  r"$\frac{\partial \ell_i}{\partial \mathbf{f}_0} = \frac{\partial \mathbf{h}_1}{\partial \mathbf{f}_0}"
                  r"\frac{\partial \mathbf{f}_1}{\partial \mathbf{h}_1}\frac{\partial \mathbf{h}_2}{\partial \mathbf{f}_1}"
                  r"\frac{\partial \mathbf{f}_2}{\partial \mathbf{h}_2}\frac{\partial \ell_i}{\partial \mathbf{f}_2}$ "
                  r"(Prince's convention: $\partial \mathbf{b}/\partial \mathbf{a}$ has one row per entry of $\mathbf{a}$). "
                  r"Give the size (rows, columns) of each term.",
        variables=["D_1:integer,positive", "D_2:integer,positive", "D_3:integer,positive"],
        parts=[part(key, rf"Give the size of ${term}$ as (rows, columns).", evaluate(size, note=note, kind="tuple"))
               for key, (term, size, note) in _SIZES.items()],
        notes="The layout is a convention; the one stated makes the product conformable in the order written.",
    ),
]
