"""Computational graphs: seed 001 Exercise 2.6 and seed 000's u, v, L example."""

import pytest
import sympy
from sympy import exp, pi, sin

import derive

x, y, z = sympy.symbols("x y z")
a, b, c, u, v, L = sympy.symbols("a b c u v L")

F_2_6 = (x * y + sin(z)) / (1 + exp(-x))
POINT_2_6 = (1, 2, pi / 4)


def _close(value, stated, digits=5):
    """Agreement with a number the seed states to ``digits`` decimals (truncated or rounded)."""
    return abs(float(value) - stated) < 1.5 * 10**-digits


def test_exercise_2_6_decomposes_into_elementary_operations():
    graph = derive.build_graph(F_2_6, [x, y, z])
    assert [node.operation for node in graph.nodes] == ["×", "sin", "+", "negate", "exp", "+", "reciprocal", "×"]


def test_exercise_2_6_forward_and_backward_tables():
    graph = derive.build_graph(F_2_6, [x, y, z])
    point = dict(zip((x, y, z), POINT_2_6))
    forward = derive.forward_table(graph, point)
    assert _close(forward[-1].number, 1.97905)  # f = 1.97905... (seed 001)
    assert forward[-1].value.is_number and _close(sympy.N(forward[-1].value), 1.97905)
    backward = {row.name: row for row in derive.backward_table(graph, point)}
    assert _close(backward[x].number, 1.99436)
    assert _close(backward[y].number, 0.73105)
    assert _close(backward[z].number, 0.51693)


def test_exercise_2_6_derivation_result_and_forward_mode_agree():
    derivation = derive.computational_graph(F_2_6, [x, y, z], point=POINT_2_6, forward_mode=True)
    expected = [sympy.diff(F_2_6, v).subs(dict(zip((x, y, z), POINT_2_6))) for v in (x, y, z)]
    assert all(abs(sympy.N(r - e)) < 1e-12 for r, e in zip(derivation.result, expected))
    tangents = [s for s in derivation.steps if s.rule.startswith("forward mode")]
    assert len(tangents) == 3
    assert all(abs(sympy.N(t.after - e)) < 1e-12 for t, e in zip(tangents, expected))


def test_seed_000_named_assignments_backward_pass():
    graph = derive.graph_from_assignments([(u, a * b), (v, u + c), (L, v**2)])
    adjoints = {row.name: row.symbolic for row in derive.backward_table(graph)}
    assert adjoints[v] == 2 * v
    assert adjoints[a] == 2 * v * b
    assert adjoints[b] == 2 * v * a
    assert adjoints[c] == 2 * v


def test_seed_000_derivation_gives_gradient_in_inputs():
    derivation = derive.computational_graph([sympy.Eq(u, a * b), sympy.Eq(v, u + c), sympy.Eq(L, v**2)])
    expected = [sympy.diff((a * b + c) ** 2, s) for s in (a, b, c)]
    assert all(sympy.expand(r - e) == 0 for r, e in zip(derivation.result, expected))


def test_symbolic_adjoints_match_sympy_for_a_neural_unit():
    w, bias, t = sympy.symbols("w b t")
    loss = (derive.sigmoid(w * t + bias) - 1) ** 2
    derivation = derive.computational_graph(loss, [w, bias, t])
    for result, variable in zip(derivation.result, (w, bias, t)):
        assert sympy.simplify((result - sympy.diff(loss, variable)).rewrite(exp)) == 0


def test_output_name_clash_is_reported():
    f = sympy.Symbol("f")
    with pytest.raises(derive.UnsupportedInput):
        derive.build_graph(f * x)
