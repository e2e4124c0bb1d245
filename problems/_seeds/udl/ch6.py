"""Seed 004, chapter 6: fitting models."""

from __future__ import annotations

import derive
from derive._det_trace import with_determinant

from ..._define import Recipe, evaluate, part, problem
from ._common import DATA, LINE, LINE_LOSS, SEED, SHALLOW, relu_as_activation, shallow, shallow_model, verdict

_U = "(phi_0 + 3/50 phi_1 x[i])"
_GABOR_LOSS = f"Sum((sin{_U} exp(-{_U}^2/32) - y[i])^2, (i, 1, I))"
_BCE = "-Sum(y[i] log(sigmoid(phi_0 + phi_1 x[i])) + (1 - y[i]) log(1 - sigmoid(phi_0 + phi_1 x[i])), (i, 1, I))"
_TERM = f"({shallow('x[i]', 'ReLU')} - y[i])^2"


def _shallow_derivative(name: str) -> Recipe:
    """d l_i / d name for the ReLU network, written back with Prince's a[.] and the indicator 1[z > 0]."""
    return Recipe("derivative", _TERM, name, pick=relu_as_activation)


def _determinant(derivation: derive.Derivation) -> derive.Derivation:
    """The Hessian's derivation continued by its determinant (det [[a, b], [c, d]] = ad - bc)."""
    return with_determinant(derivation)


PROBLEMS = [
    problem(
        SEED, "6.1", exercise="6.1", title="Gradient of the least-squares line loss",
        statement=r"For $L[\phi] = \sum_{i=1}^{I} (\phi_0 + \phi_1 x_i - y_i)^2$, find the derivatives used by gradient "
                  r"descent.",
        variables=LINE,
        parts=[
            part("phi0", r"Give $\partial L/\partial \phi_0$.", Recipe("derivative", LINE_LOSS, "phi_0")),
            part("phi1", r"Give $\partial L/\partial \phi_1$.", Recipe("derivative", LINE_LOSS, "phi_1")),
        ],
    ),
    problem(
        SEED, "6.2", exercise="6.2", title="Hessian of the least-squares line loss",
        statement=r"Find the Hessian of $L[\phi] = \sum_{i=1}^{I} (\phi_0 + \phi_1 x_i - y_i)^2$ in "
                  r"$(\phi_0, \phi_1)$ and use its trace and determinant to decide whether the loss is convex.",
        variables=LINE,
        parts=[
            part("H", r"Give the Hessian $\mathbf{H}[\phi]$.", Recipe("hessian", LINE_LOSS, "phi_0,phi_1", kind="matrix")),
            part("det", r"Give $\det \mathbf{H}[\phi]$.",
                 Recipe("hessian", LINE_LOSS, "phi_0,phi_1", kind="expression", pick=_determinant)),
        ],
        notes="det H = 4(I sum x_i^2 - (sum x_i)^2) >= 0 with trace > 0: convex, and strictly convex unless all x_i "
              "are equal.",
    ),
    problem(
        SEED, "6.3", exercise="6.3", title="Gradient of the Gabor model's loss",
        statement=r"For the Gabor model $f[x, \phi] = \sin[\phi_0 + 0.06\phi_1 x]\exp(-(\phi_0 + 0.06\phi_1 x)^2/32)$ "
                  r"and $L[\phi] = \sum_{i=1}^{I} (f[x_i, \phi] - y_i)^2$, find both derivatives of the loss.",
        variables=LINE,
        defines=[r"f[x, \phi] = \sin[\phi_0 + 0.06\phi_1 x]\exp(-(\phi_0 + 0.06\phi_1 x)^2/32)"],
        parts=[
            part("phi0", r"Give $\partial L/\partial \phi_0$.", Recipe("derivative", _GABOR_LOSS, "phi_0")),
            part("phi1", r"Give $\partial L/\partial \phi_1$.", Recipe("derivative", _GABOR_LOSS, "phi_1")),
        ],
    ),
    problem(
        SEED, "6.4", exercise="6.4*", title="Logistic regression's loss gradient",
        statement=r"One-dimensional logistic regression models $Pr(y = 1 \mid x) = \mathrm{sig}[\phi_0 + \phi_1 x]$ and is "
                  r"fitted with the binary cross-entropy "
                  r"$L[\phi] = -\sum_{i=1}^{I} \left(y_i \log \mathrm{sig}[\phi_0 + \phi_1 x_i] + (1 - y_i)\log(1 - "
                  r"\mathrm{sig}[\phi_0 + \phi_1 x_i])\right)$. Find its derivatives.",
        variables=LINE,
        parts=[
            part("phi0", r"Give $\partial L/\partial \phi_0$.", Recipe("derivative", _BCE, "phi_0")),
            part("phi1", r"Give $\partial L/\partial \phi_1$.", Recipe("derivative", _BCE, "phi_1")),
        ],
        notes="The plots and the description of the parameters' roles are not graded.",
    ),
    problem(
        SEED, "6.5", exercise="6.5*", title="All ten derivatives of the shallow ReLU network's loss",
        statement=r"For the ReLU network $f[x, \phi] = \phi_0 + \sum_{d=1}^{3} \phi_d\, a[\theta_{d0} + \theta_{d1} x]$ with "
                  r"$a = \mathrm{ReLU}$ and the least-squares loss $L = \sum_{i=1}^{I} \ell_i$, "
                  r"$\ell_i = (f[x_i, \phi] - y_i)^2$, find the derivatives of one term $\ell_i$ (those of $L$ are their "
                  r"sums over $i$). Write $a[\cdot]$ for the ReLU values and $\mathbb{1}[z > 0]$ for its derivative.",
        variables=[*SHALLOW, *DATA, "z"],
        defines=[r"a[z] = \mathrm{ReLU}[z]", shallow_model()],
        parts=[
            part("relu", r"Give $\frac{d}{dz}\mathrm{ReLU}[z]$.", Recipe("derivative", "ReLU(z)", "z")),
            *[part(name.replace("_", ""), rf"Give $\partial \ell_i / \partial \{name.split('_')[0]}_{{{name.split('_')[1]}}}$.",
                   _shallow_derivative(name))
              for name in ("phi_0", "phi_1", "phi_2", "phi_3", "theta_10", "theta_11", "theta_20", "theta_21",
                           "theta_30", "theta_31")],
        ],
    ),
    problem(
        SEED, "6.8", exercise="6.8*", title="Can gradient descent leave a local minimum?",
        statement=r"Can full-batch gradient descent with a fixed learning rate escape a local minimum?",
        parts=[part("escape", "Answer yes or no.",
                    verdict("no", note="the gradient vanishes at the minimum, so the update is zero"))],
    ),
    problem(
        SEED, "6.9", exercise="6.9", title="Epochs of stochastic gradient descent",
        statement=r"SGD runs 1000 iterations with batches of 20 on a data set of 100 examples. How many epochs is that?",
        parts=[part("epochs", "Give the number of epochs.",
                    evaluate("1000 \\cdot 20 / 100", note="examples processed / data set size", kind="count"))],
    ),
    problem(
        SEED, "6.10", exercise="6.10", title="Momentum as a weighted sum of gradients",
        statement=r"Unroll the momentum update $\mathbf{m}_{t+1} = \beta\mathbf{m}_t + (1 - \beta)\mathbf{g}_t$ "
                  r"(with $\mathbf{g}_t$ the batch gradient at step $t$) into a weighted sum of past gradients.",
        variables=["beta:positive", "j:integer,nonnegative"],
        parts=[part("weight", r"Give the weight of $\mathbf{g}_{t-j}$ in $\mathbf{m}_{t+1}$.",
                    evaluate("(1 - beta) beta^j", note="each step back multiplies the older terms by beta",
                             kind="expression"))],
    ),
    problem(
        SEED, "6.11", exercise="6.11", title="Size of the Hessian",
        statement=r"A model has one million parameters. How large is its Hessian?",
        parts=[
            part("rows", "How many rows (and columns) has the Hessian?",
                 evaluate("10^6", note="one row per parameter", kind="count")),
            part("entries", "How many entries has the Hessian?",
                 evaluate("10^6 \\cdot 10^6", note="rows x columns", kind="count")),
        ],
    ),
]
