"""What a comparison concludes before it becomes a Verdict, and the sentences that say it.

>>> from sympy import Matrix, Symbol
>>> kind_of(Matrix([1, 2])), kind_of(Symbol("x"))
('matrix', 'scalar')
>>> counterexample(Evidence(point={"x": "0.5"}, expected="1", answer="2")).message
'Incorrect: at x = 0.5, the expected value is 1 but the answer gives 2.'
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy
from sympy import Basic, MatrixBase, MatrixExpr

from ._arithmetic import describe
from ._verdict import Diagnosis, Evidence, Method, Status

__all__ = ["Outcome", "kind_of", "describe_kind", "shape_text", "shape_mismatch", "counterexample", "with_detail",
           "point_as_read"]


@dataclass(frozen=True)
class Outcome:
    """The result of one comparison, before it becomes a Verdict (with the diagnosis and
    partial credit of an incorrect answer, when found)."""

    status: Status
    method: Method
    proved: bool
    message: str
    evidence: Evidence | None = None
    diagnosis: Diagnosis | None = None
    partial_credit: float | None = None


def kind_of(obj: object) -> str:
    """``scalar``, ``matrix``, ``matrix-expression``, ``set``, ``set of reals``, ``tuple``, ``equation`` or ``condition``."""
    if isinstance(obj, MatrixBase):
        return "matrix"
    if isinstance(obj, MatrixExpr):
        return "matrix-expression"
    if isinstance(obj, sympy.FiniteSet):
        return "set"
    if isinstance(obj, sympy.Set):
        return "set of reals"
    if isinstance(obj, sympy.Tuple):
        return "tuple"
    if isinstance(obj, sympy.Eq):
        return "equation"
    if isinstance(obj, (sympy.logic.boolalg.Boolean, sympy.Set)) and not isinstance(obj, sympy.Expr):
        return "condition"
    return "scalar"



def shape_text(shape: tuple) -> str:
    return " x ".join(str(d) for d in shape)


def describe_kind(obj: Basic) -> str:
    kind = kind_of(obj)
    if kind in ("matrix", "matrix-expression"):
        return describe(obj)  # an n x n matrix, a 2x1 matrix: the arithmetic's words
    return {
        "scalar": "a single expression",
        "set": "a set of values",
        "set of reals": "a set of real numbers",
        "tuple": "a tuple",
        "equation": "an equation",
        "condition": "a condition",
    }[kind]


def shape_mismatch(message: str) -> Outcome:
    return Outcome(Status.INCORRECT, Method.SHAPE, True, f"Incorrect: {message}.")


def counterexample(evidence: Evidence) -> Outcome:
    """One sentence: where (point, instance), which entry, and both values."""
    details = [d.strip() for d in (evidence.detail or "").split(";") if d.strip()]
    entries = [d for d in details if d.startswith("entry")]
    context = [d for d in details if not d.startswith("entry")]
    where = [", ".join(f"{k} = {v}" for k, v in evidence.point.items())] if evidence.point else []
    place = "; ".join(filter(None, [*(f"at {w}" for w in where), *context]))
    what = f"{entries[0]} of the expected value" if entries else "the expected value"
    lead = f"{place}, {what}" if place else what[0].upper() + what[1:]
    return Outcome(Status.INCORRECT, Method.NUMERIC, True,
                   f"Incorrect: {lead} is {evidence.expected} but the answer gives {evidence.answer}.", evidence)


def point_as_read(point: dict[Basic, str], *objects: Basic) -> dict[str, str]:
    """A test point named as a student writes it: an indexed entry ``x[i]`` as ``x_i``, and
    an index that only picks entries (no value of ``objects`` uses it otherwise) left out.

    >>> i, y, x = sympy.Symbol("i"), sympy.Symbol("y"), sympy.IndexedBase("x")
    >>> point_as_read({i: "1.9", x[i]: "3.4", y: "2"}, 2 * x[i] + y)
    {'x_i': '3.4', 'y': '2'}
    >>> point_as_read({i: "1.9", x[i]: "3.4"}, i * x[i])
    {'i': '1.9', 'x_i': '3.4'}
    """
    entries = [k for k in point if isinstance(k, sympy.Indexed)]
    used_alone = set().union(*(o.xreplace({e: sympy.Dummy() for e in entries}).free_symbols
                              for o in objects if isinstance(o, Basic)))
    picking = {s for e in entries for index in e.indices for s in index.free_symbols} - used_alone
    return {_name_as_read(k): v for k, v in point.items() if k not in picking}


def _name_as_read(variable: Basic) -> str:
    if not isinstance(variable, sympy.Indexed):
        return str(variable)
    indices = ",".join(str(i) for i in variable.indices)
    return f"{variable.base}_{indices}" if len(indices) == 1 else f"{variable.base}_{{{indices}}}"


def with_detail(evidence: Evidence, detail: str) -> Evidence:
    joined = "; ".join(d for d in (evidence.detail, detail) if d)
    return Evidence(evidence.point, evidence.expected, evidence.answer, evidence.points_checked, joined or None)
