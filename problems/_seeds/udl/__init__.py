"""Seed 004: an unofficial solution set for chapters 2-7 of Prince, *Understanding Deep Learning*.

The seed prints each exercise as "Problem C.N" (challenge problems with an asterisk, kept in the
label: "5.3*"); ids are ``udl.C.N``. The seed contains real mistakes: every reference here is our
own computation, and ``docs/seed-004-audit.md`` lists where the seed goes wrong. Prince's
notation is kept: ``a[.]`` is the activation (an unknown function unless the exercise says ReLU),
``I`` the number of training examples, ``x_i``, ``y_i`` indexed families, ``\\sum_{i=1}^{I}``.
"""

from __future__ import annotations

from . import ch2, ch3, ch4, ch5, ch6, ch7

PROBLEMS = [*ch2.PROBLEMS, *ch3.PROBLEMS, *ch4.PROBLEMS, *ch5.PROBLEMS, *ch6.PROBLEMS, *ch7.PROBLEMS]
