"""Seed 004, chapter 5: loss functions."""

from __future__ import annotations

from ..._define import evaluate, part, problem, stated
from ._common import DATA, SEED

_MIXTURE = (r"-\sum_{i=1}^{I} \log\left(\sigma(f_1) \frac{e^{-(y_i - f_2)^2/(2 f_3^2)}}{\sqrt{2\pi} f_3}"
            r" + (1 - \sigma(f_1)) \frac{e^{-(y_i - f_4)^2/(2 f_5^2)}}{\sqrt{2\pi} f_5}\right)")

PROBLEMS = [
    problem(
        SEED, "5.1", exercise="5.1", title="Limits of the logistic sigmoid",
        statement=r"Show that $\mathrm{sig}[z] = 1/(1 + e^{-z})$ tends to 0 as $z \to -\infty$, equals 1/2 at $z = 0$ "
                  r"and tends to 1 as $z \to \infty$.",
        parts=[
            part("neg", r"Give $\lim_{z \to -\infty} \mathrm{sig}[z]$.",
                 evaluate("1/(1 + exp(oo))", note="e^{-z} grows without bound as z -> -infinity")),
            part("zero", r"Give $\mathrm{sig}[0]$.", evaluate("sigmoid(0)", note="e^0 = 1")),
            part("pos", r"Give $\lim_{z \to \infty} \mathrm{sig}[z]$.",
                 evaluate("1/(1 + exp(-oo))", note="e^{-z} -> 0 as z -> infinity")),
        ],
    ),
    problem(
        SEED, "5.2", exercise="5.2", title="Binary cross-entropy for each label",
        statement=r"The binary cross-entropy of one pair is "
                  r"$L = -(1 - y)\log(1 - \mathrm{sig}[f[\mathbf{x}, \phi]]) - y \log \mathrm{sig}[f[\mathbf{x}, \phi]]$. "
                  r"Write it for $y = 0$ and for $y = 1$.",
        variables=["f:function", "x", "phi"],
        parts=[
            part("y0", r"Give $L$ when $y = 0$.",
                 evaluate(r"-(1 - 0)\log(1 - \sigma(f(x, \phi))) - 0 \log\sigma(f(x, \phi))", note="set y = 0",
                          kind="expression")),
            part("y1", r"Give $L$ when $y = 1$.",
                 evaluate(r"-(1 - 1)\log(1 - \sigma(f(x, \phi))) - 1 \log\sigma(f(x, \phi))", note="set y = 1",
                          kind="expression")),
        ],
    ),
    problem(
        SEED, "5.3", exercise="5.3*", title="A von Mises loss for wind direction",
        statement=r"Predict a direction $y_i$ with a von Mises distribution whose mean is $f[\mathbf{x}_i, \phi]$ and whose "
                  r"concentration $\kappa > 0$ is fixed: "
                  r"$Pr(y \mid \mu, \kappa) = e^{\kappa\cos(y - \mu)}/(2\pi\,\mathrm{Bessel}_0[\kappa])$. Build the "
                  r"negative log-likelihood over $i = 1, \dots, I$, drop the terms that do not depend on $\phi$ and "
                  r"divide by $\kappa$.",
        variables=["f:function", "phi", *DATA],
        parts=[part("loss", r"Give the loss $L[\phi]$.",
                    stated(r"-\sum_{i=1}^{I} \cos(y_i - f(x_i, \phi))",
                           note="-sum_i log Pr(y_i | f[x_i, phi], kappa) without log(2 pi Bessel_0[kappa]), divided by kappa"))],
    ),
    problem(
        SEED, "5.4", exercise="5.4*", title="Loss for a mixture of two Gaussians",
        statement=r"A network predicts a two-component Gaussian mixture for $y_i$: weight $\lambda = \mathrm{sig}[f_1]$, "
                  r"means $f_2, f_4$ and standard deviations $f_3, f_5 > 0$ (write $f_k$ for $f_k[\mathbf{x}_i, \phi]$). "
                  r"Write the negative log-likelihood over $i = 1, \dots, I$.",
        variables=["f_1", "f_2", "f_3:positive", "f_4", "f_5:positive", *DATA],
        defines=[r"\lambda = \mathrm{sig}[f_1]"],
        parts=[part("loss", r"Give $L[\phi]$.",
                    stated(_MIXTURE, note="-sum_i log of the mixture density with lambda = sig[f_1], mu_1 = f_2, "
                                          "sigma_1 = f_3, mu_2 = f_4, sigma_2 = f_5"))],
        notes="Inference (no closed form for the mixture's mode) is prose and is not graded.",
    ),
    problem(
        SEED, "5.5", exercise="5.5", title="Outputs of a von Mises mixture model",
        statement=r"Extend 5.3 to a mixture of two von Mises distributions. How many outputs must the network produce?",
        parts=[part("outputs", "Give the number of network outputs.",
                    evaluate("1 + 2 \\cdot 2", note="one mixing weight, and a mean and a concentration per component",
                             kind="count"))],
        notes="The likelihood itself needs Bessel_0, which the answer reader does not know; see the coverage notes.",
    ),
    problem(
        SEED, "5.6", exercise="5.6", title="A Poisson loss for counts",
        statement=r"Predict a count $k_i$ with a Poisson distribution $Pr(k) = \lambda^k e^{-\lambda}/k!$ whose rate is "
                  r"$\lambda = f[\mathbf{x}_i, \phi]^2$ (assume $f > 0$). Write the negative log-likelihood over "
                  r"$i = 1, \dots, I$ without the $\log k_i!$ terms.",
        variables=["f:function", "phi", "x:indexed", "k:indexed", "I:integer,positive"],
        parts=[part("loss", r"Give $L[\phi]$.",
                    stated(r"\sum_{i=1}^{I} \left(f(x_i, \phi)^2 - 2 k_i \log f(x_i, \phi)\right)",
                           note="-sum_i (k_i log f^2 - f^2), with log f^2 = 2 log f for f > 0"))],
    ),
    problem(
        SEED, "5.7", exercise="5.7", title="Least squares from a constant-variance Gaussian",
        statement=r"Predict $\mathbf{y} \in \mathbb{R}^{10}$ with independent normal distributions of means "
                  r"$f_d = f_d[\mathbf{x}, \phi]$ and one constant variance. Write the negative log-likelihood with the "
                  r"constant terms dropped and the factor $1/(2\sigma^2)$ removed.",
        variables=["f:indexed", "y:indexed"],
        parts=[part("loss", r"Give the loss (write $f_d$ for the $d$-th output).",
                    stated(r"\sum_{d=1}^{10} (y_d - f_d)^2", note="-log of the product of normal densities, up to a "
                                                                "constant and the positive factor 1/(2 sigma^2)"))],
    ),
    problem(
        SEED, "5.8", exercise="5.8*", title="A heteroscedastic multivariate loss",
        statement=r"Predict each $y_d$, $d = 1, \dots, D$, with a normal distribution whose mean $\mu_d = f_{1,d}[\mathbf{x}, \phi]$ "
                  r"and standard deviation $\sigma_d = f_{2,d}[\mathbf{x}, \phi] > 0$ are both outputs of the network. "
                  r"Write the negative log-likelihood of one example in terms of $\mu_d$ and $\sigma_d$.",
        variables=["mu:indexed", "sigma:indexed", "y:indexed", "D:integer,positive"],
        parts=[part("loss", r"Give $L$.",
                    stated(r"\sum_{d=1}^{D} \left(\log(\sqrt{2\pi} \sigma_d) + \frac{(y_d - \mu_d)^2}{2 \sigma_d^2}\right)",
                           note="-sum_d log of the normal density N(y_d; mu_d, sigma_d^2)"))],
        notes="The reader takes f_{1,d} as one new name, not the d-th entry of a family f_1, so the outputs are named "
              "mu_d and sigma_d here.",
    ),
]
