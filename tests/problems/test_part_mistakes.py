"""A bank part's buggy results: generated from its own derivation, only for first derivatives, cached."""

import pytest

from derive import Mistake
from problems import bank


def _part(qualified: str):
    problem, part = qualified.rsplit(".", 1)
    return bank.get(problem).part(part)


@pytest.mark.parametrize("qualified, kinds", [
    ("ch2-solutions.2.deriv", {Mistake.CHAIN_RULE, Mistake.MISSING_FACTOR}),   # x^2 differentiated as 2
    ("derivatives.1.b", {Mistake.PRODUCT_RULE, Mistake.MISSING_FACTOR}),
    ("derivatives.1.c", {Mistake.QUOTIENT_RULE, Mistake.NOT_DIFFERENTIATED, Mistake.INTEGRATED, Mistake.MISSING_FACTOR}),
    ("ch2-solutions.12.log", {Mistake.NOT_DIFFERENTIATED, Mistake.INTEGRATED}),
    ("udl.7.1.psi11", {Mistake.CHAIN_RULE, Mistake.NOT_DIFFERENTIATED}),
])
def test_a_derivative_part_has_the_misuses_of_its_rules(qualified, kinds):
    assert {mistake.kind for mistake in _part(qualified).mistakes} == kinds


@pytest.mark.parametrize("qualified", [
    "ch2-solutions.1.crit",     # a set of critical points
    "udl.6.2.H",                # a matrix
    "udl.7.3.df1_dh1",          # a tuple of sizes
    "derivatives.4.b-3",        # a derivative's value at a point
])
def test_other_parts_have_none(qualified):
    assert _part(qualified).mistakes == ()


def test_the_mistakes_are_built_once():
    part = _part("derivatives.2.a")
    assert part.mistakes is part.mistakes
