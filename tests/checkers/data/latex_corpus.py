"""Loader for the LaTeX corpus: vocabulary profiles, entries, and the meaning comparison.

Each line of ``latex_corpus.tsv`` is ``category<TAB>profile<TAB>latex<TAB>meaning`` where the
meaning is written independently in plain/sympy syntax (read with ``read_plain`` against
the same vocabulary) or is ``!invalid`` when the reader must refuse the text.
Shared by ``tests/checkers/test_latex_corpus.py`` and ``benchmarks/latex_corpus_report.py``.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

import sympy
from sympy import Function, IndexedBase, MatrixSymbol, Sum, symbols

from checkers._plain import read_plain
from checkers._vocabulary import Vocabulary

__all__ = ["Entry", "PROFILES", "PROFILE_OBJECTS", "load", "same_meaning", "expected_members"]

HERE = Path(__file__).parent
_i, _I = symbols("i I", integer=True, positive=True)
_m, _n = symbols("m n", integer=True, positive=True)
_x, _y = IndexedBase("x"), IndexedBase("y")
_a, _f, _g = Function("a"), Function("f"), Function("g")


def _profile_objects() -> dict[str, tuple]:
    """The sympy objects behind each vocabulary profile (what a caller passes as ``symbols=``)."""
    phis = symbols("phi phi_0 phi_1 phi_2 phi_3")
    thetas = symbols("theta_10 theta_11 theta_20 theta_21 theta_30 theta_31")
    deep_vectors = [MatrixSymbol(f"beta_{k}", _n, 1) for k in range(4)]
    deep_mats = [MatrixSymbol(f"Omega_{k}", _n, _n) for k in range(4)]
    return {
        "none": (),
        "scalar": (symbols("x y z w b c t u eta lambda alpha D K N"),),
        "scalarT": (symbols("x eta lambda T"),),
        "udl2": (Sum((symbols("phi_0") + symbols("phi_1") * _x[_i] - _y[_i]) ** 2, (_i, 1, _I)), symbols("phi")),
        "mat": (MatrixSymbol("A", _m, _n), MatrixSymbol("x", _n, 1), MatrixSymbol("b", _m, 1), MatrixSymbol("s", _n, 1),
            MatrixSymbol("B", _n, _n), MatrixSymbol("v", _n, 1), symbols("eta lambda T mu")),
        "shallow": (_a, _f, phis, thetas, symbols("x y z psi_0 psi_1 alpha")),
        "shallow_i": (_a, _f, phis, thetas, Sum(_x[_i] + _y[_i], (_i, 1, _I))),
        "udl7": (_a, symbols("x y phi_0 phi_1 phi_2 psi_01 psi_02 psi_11 psi_12 psi_21 psi_22 theta_01 theta_02 theta_11 theta_12")),
        "deep": (_a, *deep_vectors, *deep_mats, MatrixSymbol("x", _n, 1), symbols("lambda_0 lambda_1 alpha")),
        "points": (symbols("x_1 x_2 x y z"), _f),
        "loss": (_f, symbols("y kappa phi x z"), IndexedBase("k"), _x, _y, _i, _I, Sum(_y[_i], (_i, 1, _I))),
        "graph": (symbols("f_0 f_1 f_2 h_1 h_2 h_3 omega_1 omega_2"),),
        "param": (symbols("D K D_i D_o"),),
        "softmax": (MatrixSymbol("z", _n, 1), MatrixSymbol("y", _n, 1), IndexedBase("z"), symbols("k")),
        "poly": (symbols("x_1 x_2 x_3 theta_0 theta_1 theta_2 lambda"),),
        "idx": (Sum(IndexedBase("z")[symbols("j", integer=True)], (symbols("j", integer=True), 1, symbols("K"))),
            Sum(_x[_i], (_i, 1, _n)), Sum(_y[symbols("k", integer=True)], (symbols("k", integer=True), 1, symbols("K")))),
        "quad": (MatrixSymbol("A", _n, _n), MatrixSymbol("x", _n, 1)),
        "opt": (symbols("eta L mu kappa alpha N epsilon lambda rho"),),
        "sgdr": (symbols("eta_min eta_max t_cur T_i eta_t"),),
        "gen": (_g, symbols("x y phi phi_0 phi_1")),
    }


PROFILE_OBJECTS = _profile_objects()
PROFILES = {name: Vocabulary.from_objects(*objects) for name, objects in PROFILE_OBJECTS.items()}


@dataclass(frozen=True)
class Entry:
    category: str
    profile: str
    latex: str
    meaning: str  # plain syntax, or "!invalid"
    line: int

    @property
    def invalid(self) -> bool:
        return self.meaning == "!invalid"

    @property
    def vocabulary(self) -> Vocabulary:
        return PROFILES[self.profile]

    @property
    def symbols(self) -> tuple:
        """The profile's objects, as ``check(..., symbols=...)`` takes them."""
        return PROFILE_OBJECTS[self.profile]


def load(name: str = "latex_corpus.tsv") -> list[Entry]:
    entries = []
    for number, raw in enumerate((HERE / name).read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        parts = raw.split("\t")
        if len(parts) != 4:
            raise ValueError(f"{name}:{number}: expected 4 tab-separated fields, got {len(parts)}")
        entries.append(Entry(parts[0], parts[1], parts[2], parts[3].strip(), number))
    return entries


def expected_members(entry: Entry) -> tuple:
    """The meaning column read in sympy syntax; ``a ∈ S`` (membership has no sympy-syntax name
    the reader takes) is ``Contains(a, S)``."""
    if " ∈ " in entry.meaning:
        element, collection = (read_plain(side, entry.vocabulary).members[0] for side in entry.meaning.split(" ∈ "))
        return (sympy.Contains(element, collection, evaluate=False),)
    return read_plain(entry.meaning, entry.vocabulary).members


def same_meaning(got: object, want: object) -> bool:
    """Equal as mathematics: simplify(a - b) == 0, entrywise for matrices, elementwise for sets."""
    if got == want:
        return True
    if isinstance(want, sympy.FiniteSet) or isinstance(got, sympy.FiniteSet):
        if not (isinstance(want, sympy.FiniteSet) and isinstance(got, sympy.FiniteSet)) or len(got) != len(want):
            return False
        remaining = list(want.args)
        for element in got.args:
            match = next((w for w in remaining if same_meaning(element, w)), None)
            if match is None:
                return False
            remaining.remove(match)
        return True
    if isinstance(want, sympy.Tuple) or isinstance(got, sympy.Tuple):
        return isinstance(got, sympy.Tuple) and isinstance(want, sympy.Tuple) and len(got) == len(want) and all(
            same_meaning(a, b) for a, b in zip(got, want)
        )
    if isinstance(want, sympy.MatrixBase) or isinstance(got, sympy.MatrixBase):
        if not (isinstance(got, sympy.MatrixBase) and isinstance(want, sympy.MatrixBase)) or got.shape != want.shape:
            return False
        return all(same_meaning(a, b) for a, b in zip(got, want))
    if isinstance(want, sympy.MatrixExpr) or isinstance(got, sympy.MatrixExpr):
        if not (isinstance(got, sympy.MatrixExpr) and isinstance(want, sympy.MatrixExpr)):
            return False
        return _same_matrix_expression(got, want)
    logical = (sympy.core.relational.Relational, sympy.logic.boolalg.BooleanFunction)
    if isinstance(want, logical) or isinstance(got, logical):
        return got == want or sympy.simplify(sympy.Equivalent(got, want)) is sympy.true
    if isinstance(got, sympy.Symbol) and isinstance(want, sympy.Symbol):
        return got == want
    difference = got - want
    if difference == 0:
        return True
    try:
        if sympy.simplify(difference.doit()) == 0:
            return True
    except Exception:
        pass
    return _numerically_zero(difference)


def _numerically_zero(expression: sympy.Basic) -> bool:
    rng = random.Random(7)
    expression = expression.doit()
    for _ in range(4):
        values = {s: sympy.Rational(rng.randint(-30, 30), rng.randint(1, 7)) for s in expression.free_symbols}
        try:
            value = complex(expression.xreplace(values).evalf(30))
        except (TypeError, ValueError):
            return False
        if abs(value) > 1e-12:
            return False
    return True


def _same_matrix_expression(got: sympy.MatrixExpr, want: sympy.MatrixExpr) -> bool:
    shapes = {_m: 3, _n: 2}
    rng = random.Random(11)
    substitution = {}
    for item in got.atoms(MatrixSymbol) | want.atoms(MatrixSymbol):
        rows, cols = (sympy.sympify(d).xreplace(shapes) for d in item.shape)
        substitution[item] = sympy.ImmutableMatrix(int(rows), int(cols), lambda r, c: sympy.Integer(rng.randint(-5, 5)))
    try:
        left = sympy.ImmutableMatrix(got.xreplace(substitution).xreplace(shapes).doit().as_explicit())
        right = sympy.ImmutableMatrix(want.xreplace(substitution).xreplace(shapes).doit().as_explicit())
    except Exception:
        return False
    return left.shape == right.shape and all(same_meaning(a, b) for a, b in zip(left, right))
