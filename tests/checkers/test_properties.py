"""Property tests: any generated expression is accepted in sympy's own printed forms (plain
and LaTeX, so the readers round-trip) and rejected once perturbed."""

import sympy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checkers import Status, check

x, y, w = sympy.symbols("x y w", real=True)
LEAVES = st.sampled_from([x, y, w, sympy.Integer(2), sympy.Integer(3), sympy.Rational(1, 2), sympy.Integer(-1)])
UNARY = st.sampled_from([sympy.exp, sympy.sin, sympy.cos, sympy.tanh, lambda u: u**2, lambda u: 1 / (1 + u**2)])


def _combine(children):
    return st.one_of(
        st.tuples(children, children).map(lambda pair: pair[0] + pair[1]),
        st.tuples(children, children).map(lambda pair: pair[0] * pair[1]),
        st.tuples(UNARY, children).map(lambda pair: pair[0](pair[1])),
    )


EXPRESSIONS = st.recursive(LEAVES, _combine, max_leaves=6).filter(lambda e: e.free_symbols and e.is_finite is not False)
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)


@SETTINGS
@given(EXPRESSIONS)
def test_plain_printing_reads_back_as_the_same_expression(expr):
    verdict = check(expr, sympy.sstr(expr), symbols=(x, y, w), timeout=10)
    assert verdict.status is Status.CORRECT, (sympy.sstr(expr), verdict.message)


@SETTINGS
@given(EXPRESSIONS)
def test_latex_printing_reads_back_as_the_same_expression(expr):
    verdict = check(expr, sympy.latex(expr), symbols=(x, y, w), timeout=10)
    assert verdict.status is Status.CORRECT, (sympy.latex(expr), verdict.message)


@SETTINGS
@given(EXPRESSIONS)
def test_an_expanded_form_is_equivalent(expr):
    verdict = check(expr, sympy.sstr(sympy.expand(expr)), symbols=(x, y, w), timeout=10)
    assert verdict.status in (Status.CORRECT, Status.UNDECIDED), verdict.message


@SETTINGS
@given(EXPRESSIONS, st.sampled_from([sympy.Integer(1), x, sympy.Rational(1, 1000)]))
def test_a_perturbed_form_is_rejected(expr, perturbation):
    verdict = check(expr, sympy.sstr(expr + perturbation), symbols=(x, y, w), timeout=10)
    assert verdict.status is Status.INCORRECT, verdict.message
