"""Seed 004: for each part, our own independent (correct) result, an equivalent alternative form,
and a typical mistake; where the seed is wrong, the mistake is the seed's own final answer,
copied verbatim from its LaTeX (see docs/seed-004-audit.md)."""

from seed_answers import Row

ROWS = [
    # -- chapter 2 ------------------------------------------------------------------------------
    Row("udl.2.1.phi0", r"\sum_{i=1}^{I} 2(\phi_0 + \phi_1 x_i - y_i)",
        "2 I phi_0 + 2 phi_1 Sum(x[i], (i, 1, I)) - 2 Sum(y[i], (i, 1, I))",
        r"\frac{\partial L}{\partial \phi_0} = \sum_i 2(\phi_0 + \phi_1 x_i - y_i) = \sum_i \left[2\phi_0 + 2\phi_1 x_i\right]"),
    Row("udl.2.1.phi1", r"\frac{\partial L}{\partial \phi_1} = \sum_{i=1}^{I} 2 x_i (\phi_0 + \phi_1 x_i - y_i)",
        "Sum(2*phi_0*x[i] + 2*phi_1*x[i]**2 - 2*x[i]*y[i], (i, 1, I))",
        r"\frac{\partial L}{\partial \phi_1} = \sum_i 2(\phi_0 + \phi_1 x_i - y_i) \cdot x_i = \sum_i \left[2\phi_0 x_i + 2\phi_1 x_i^2\right]"),
    Row("udl.2.2.phi0",
        r"\frac{\sum_i x_i^2 \sum_i y_i - \sum_i x_i \sum_i x_i y_i}{I \sum_i x_i^2 - \left(\sum_i x_i\right)^2}",
        r"\phi_0 = \frac{1}{I}\sum_{i=1}^{I} y_i - \frac{I\sum_i x_i y_i - \sum_i x_i \sum_i y_i}{I \sum_i x_i^2 - (\sum_i x_i)^2} \cdot \frac{1}{I}\sum_{i=1}^{I} x_i",
        r"\phi_0 = \frac{2\phi_1 x_i^2 - 2x_i y_i - \phi_1 x_i + 2y_i}{2 - 2x_i}"),
    Row("udl.2.2.phi1",
        "(I Sum(x[i] y[i], (i, 1, I)) - Sum(x[i], (i, 1, I)) Sum(y[i], (i, 1, I)))/(I Sum(x[i]^2, (i, 1, I)) - Sum(x[i], (i, 1, I))^2)",
        r"\phi_1 = \frac{\sum_i x_i y_i - \frac{1}{I}\sum_i x_i \sum_i y_i}{\sum_i x_i^2 - \frac{1}{I}\left(\sum_i x_i\right)^2}",
        r"\phi_1 = \frac{2\phi_0 x_i + 2y_i - 2\phi_0 - 2x_i y_i}{x_i - 2x_i^2}"),
    Row("udl.2.3.inverse", r"y = \frac{x - \phi_0}{\phi_1}", "x/phi_1 - phi_0/phi_1", r"\frac{x + \phi_0}{\phi_1}"),
    Row("udl.2.3.same", "no", r"\text{No}", "yes"),
]
