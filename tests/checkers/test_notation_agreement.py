"""Same meaning, same verdict: the plain and the LaTeX notation agree.

(a) Every readable entry of the LaTeX corpus pairs a LaTeX string with its meaning
written in plain syntax. Each is checked both ways against the entry's vocabulary
(passed as ``symbols=``): the LaTeX as the answer with the plain meaning as the
reference, and the plain meaning as the answer with the LaTeX as the reference. Both
must be ``correct``. How the reference is given depends on the entry's kind:

============  ==================================  =========================================
kind          entries                             reference
============  ==================================  =========================================
expression    both sides read to one value        the other side's text (a LaTeX reference
                                                  without markup is wrapped in ``$...$`` so
                                                  that it is read as LaTeX)
chain         either side is an equation or a     the other side's last member, as read: a
              chain (``f(x) = x^2``, ``x = 3 or   reference must be one expression or one
              x = 1/3``, aligned rows)            equation, and an answer chain is graded on
                                                  its last member (each link checked)
identity      the bare identity ``I`` / ``I_n``   the other side, as read: in a reference
                                                  text unknown names are open, so ``I`` is a
                                                  name there (the number of samples in UDL),
                                                  not the identity
derivation    a chain from a seed with a step     as for chain, but check rightly refuses
              that holds only in its exercise     the step, so the verdict must say "the
              (``DERIVATIONS`` says why)          final value is right" (or be correct)
============  ==================================  =========================================

Known gaps (``KNOWN_GAPS``, strict xfail: they must start passing when fixed) are
checker limitations, not reader disagreements: both notations read the same value and
get the same (wrong) verdict.

(b) Arithmetic edge cases written in both notations must give the same status and the
same message (the reason line; each reader points at its own position).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import sympy
from sympy import HadamardPower, ImmutableMatrix, MatrixSymbol, Tuple, symbols

sys.path.insert(0, str(Path(__file__).parent / "data"))
from latex_corpus import Entry, load

from checkers import Status, Verdict, check
from checkers._latex import read_latex
from checkers._plain import read_plain
from checkers._read import looks_like_latex

TIMEOUT = 10.0  # per check; the whole table takes a few seconds

DERIVATIONS = {
    "seed004:89": "the seed's own step drops the y_i term",
    "seed004:90": "the seed's own step drops the y_i term",
    "seed004:96": "the seed's own step drops the y_i term",
    "seed004:97": "the seed's own step drops the y_i term",
    "seed004:120": "x = g[y, phi] defines g, the reference's unknown function",
    "seed004:132": "y = f[x, phi] defines f, the reference's unknown function",
    "seed004:144": "an equation to solve, not an identity",
    "seed004:151": "ReLU[alpha z] = alpha ReLU[z] holds for alpha > 0 only",
    "seed004:158": "ReLU(alpha x) / alpha = ReLU(x) holds for alpha > 0 only",
    "seed004:186": "the seed's own count is wrong (22, not 13)",
    "seed004:199": "ReLU[alpha z] = alpha ReLU[z] holds for alpha > 0 only",
    "seed004:219": "the step substitutes the exercise's numbers (D = 95)",
}

KNOWN_GAPS: dict[str, str] = {}


def _kind(entry: Entry) -> str:
    if f"{entry.category}:{entry.line}" in DERIVATIONS:
        return "derivation"
    latex = read_latex(entry.latex, entry.vocabulary).members
    plain = read_plain(entry.meaning, entry.vocabulary).members
    if len(latex) > 1 or len(plain) > 1:
        return "chain"
    if any(isinstance(node, sympy.Identity) for node in sympy.preorder_traversal(plain[0])):
        return "identity"
    return "expression"


def _references(entry: Entry, kind: str) -> tuple[object, object]:
    """(reference for the LaTeX answer, reference for the plain answer)."""
    if kind == "expression":
        return entry.meaning, entry.latex if looks_like_latex(entry.latex) else f"${entry.latex}$"
    plain_value = read_plain(entry.meaning, entry.vocabulary).value
    latex_value = read_latex(entry.latex, entry.vocabulary).value
    return plain_value, latex_value


def _corpus() -> list:
    # membership (x ∈ S) has no sympy-syntax notation, so such an entry has no plain pair to agree with
    entries = [e for e in load("latex_corpus.tsv") + load("latex_seed_corpus.tsv") if not e.invalid and " ∈ " not in e.meaning]
    params = []
    for entry in entries:
        name = f"{entry.category}:{entry.line}"
        gap = KNOWN_GAPS.get(name)
        marks = [pytest.mark.xfail(strict=True, reason=gap)] if gap else []
        params.append(pytest.param(entry, _kind(entry), id=f"{name}-{_kind(entry)}", marks=marks))
    return params


CORPUS = _corpus()


def test_every_kind_is_used_and_gaps_are_few() -> None:
    kinds = [param.values[1] for param in CORPUS]
    assert set(kinds) == {"expression", "chain", "identity", "derivation"}
    assert kinds.count("expression") >= 250 and len(kinds) >= 390
    assert kinds.count("derivation") == len(DERIVATIONS) and len(KNOWN_GAPS) <= 2


@pytest.mark.parametrize(("entry", "kind"), CORPUS)
def test_corpus_entries_are_correct_in_both_notations(entry: Entry, kind: str) -> None:
    for_latex, for_plain = _references(entry, kind)
    latex = check(for_latex, entry.latex, symbols=entry.symbols, timeout=TIMEOUT, notation="latex")
    plain = check(for_plain, entry.meaning, symbols=entry.symbols, timeout=TIMEOUT, notation="plain")
    accepted = _final_value_is_right if kind == "derivation" else _is_correct
    assert accepted(latex), f"LaTeX {entry.latex!r} against {for_latex!r}: {latex.message}"
    assert accepted(plain), f"plain {entry.meaning!r} against {for_plain!r}: {plain.message}"


def _is_correct(verdict: Verdict) -> bool:
    return verdict.status is Status.CORRECT


def _final_value_is_right(verdict: Verdict) -> bool:
    return _is_correct(verdict) or verdict.message.startswith("Incorrect: the final value is right, but the step")


# -- (b) arithmetic edge cases ------------------------------------------------------------------
x, y = symbols("x y")
m, n = symbols("m n", integer=True, positive=True)
A, v, B = MatrixSymbol("A", 2, 2), MatrixSymbol("v", 2, 1), MatrixSymbol("B", 2, 3)
P, w = MatrixSymbol("P", n, n), MatrixSymbol("w", n, 1)
Q, c = MatrixSymbol("Q", m, n), MatrixSymbol("c", m, 1)
VOCABULARY = (x, y, A, v, B, P, w, Q, c)

EDGE_CASES = [
    # (plain, LaTeX, reference, status)
    # division by zero is invalid, however the zero is written
    ("y/0", r"\frac{y}{0}", y, Status.INVALID),
    ("y/(1-1)", r"\frac{y}{1-1}", y, Status.INVALID),
    ("0^(-1)", r"0^{-1}", y, Status.INVALID),
    ("y*0^(-1)", r"y \cdot 0^{-1}", y, Status.INVALID),
    # scalar times matrix, matrix products and their sizes
    ("2*A", r"2A", 2 * A, Status.CORRECT),
    ("x*A", r"x A", x * A, Status.CORRECT),
    ("v*A", r"v A", A, Status.INCORRECT),  # sizes that do not fit in a readable answer: a mistake, graded
    ("v*v", r"v \cdot v", A, Status.INCORRECT),
    ("A*B*A", r"A B A", A, Status.INCORRECT),
    ("w*P", r"w P", P, Status.INCORRECT),
    ("A*v", r"A v", A * v, Status.CORRECT),
    # different size names may be equal: read, then graded on sizes where they differ
    ("Q.T*c", r"Q^T c", Q.T * c, Status.CORRECT),
    ("Q*c", r"Q c", Q.T * c, Status.INCORRECT),
    ("(Q.T*Q)^-1*Q*c", r"(Q^\top Q)^{-1} Q c", (Q.T * Q).I * Q.T * c, Status.INCORRECT),
    ("w.T*Q*w", r"w^T Q w", w.T * Q.T * c, Status.INCORRECT),
    # a 1x1 product is a number where a number is needed
    ("v.T*v", r"v^T v", v.T * v, Status.CORRECT),
    ("(v.T*v)*v", r"(v^T v) v", sympy.Trace(v.T * v) * v, Status.CORRECT),
    ("v.T*v + 1", r"v^\top v + 1", sympy.Trace(v.T * v) + 1, Status.CORRECT),
    ("y/(v.T*v)", r"\frac{y}{v^T v}", y / sympy.Trace(v.T * v), Status.CORRECT),
    # sums: a scalar spreads over a vector, never over a matrix; shapes must agree
    ("A + 1", r"A + 1", A, Status.INVALID),
    ("1 + P", r"1 + P", P, Status.INVALID),
    ("A + v", r"A + v", A, Status.INCORRECT),
    ("v - 1", r"v - 1", v - sympy.OneMatrix(2, 1), Status.CORRECT),
    ("x*I + A", r"x I + A", x * sympy.Identity(2) + A, Status.CORRECT),
    # powers: entrywise for vectors, inverse for ^-1, whole numbers for square matrices
    ("v^2", r"v^{2}", HadamardPower(v, 2), Status.CORRECT),
    ("A^-1", r"A^{-1}", A.I, Status.CORRECT),
    ("1/A", r"\frac{1}{A}", A.I, Status.CORRECT),
    ("A^2", r"A^2", A * A, Status.CORRECT),
    ("B^-1", r"B^{-1}", A, Status.INVALID),
    ("1/B", r"\frac{1}{B}", A, Status.INVALID),
    ("B^2", r"B^{2}", A, Status.INVALID),
    ("A^(1/2)", r"A^{1/2}", A, Status.INVALID),
    ("x^A", r"x^{A}", A, Status.INVALID),
    ("Matrix([[1, 2], [2, 4]])^-1", r"\begin{bmatrix}1 & 2\\ 2 & 4\end{bmatrix}^{-1}", A, Status.INVALID),
    ("Matrix([[2, 0], [0, 4]])^-1", r"\begin{pmatrix}2 & 0\\ 0 & 4\end{pmatrix}^{-1}",
     ImmutableMatrix([[sympy.Rational(1, 2), 0], [0, sympy.Rational(1, 4)]]), Status.CORRECT),
    # caps on sizes apply in both notations
    ("2^100000", r"2^{100000}", y, Status.INVALID),
    ("2^(2^20)", r"2^{2^{20}}", y, Status.INVALID),
    ("x^50000", r"x^{50000}", y, Status.INVALID),
    ("1" * 70, "1" * 70, y, Status.INVALID),
    ("2^10", r"2^{10}", 1024, Status.CORRECT),
    # tuples scale, but sets, tuples and comparisons take no part in arithmetic
    ("2*(4, -1)", r"2(4, -1)", Tuple(8, -2), Status.CORRECT),
    ("-(4, -1)", r"-(4, -1)", Tuple(-4, 1), Status.CORRECT),
    ("(1, 2) + (3, 4)", r"(1, 2) + (3, 4)", Tuple(4, 6), Status.INVALID),
    ("{1, 2} + {3}", r"\{1, 2\} + \{3\}", y, Status.INVALID),
    ("(x > 1) + 1", r"(x > 1) + 1", y, Status.INVALID),
    # comparisons are of scalars; explicit matrices have rows of one length
    ("A < 1", r"A < 1", y, Status.INVALID),
    ("x < (1, 2)", r"x < (1, 2)", y, Status.INVALID),
    ("Matrix([[1, 2], [3]])", r"\begin{bmatrix}1 & 2\\ 3\end{bmatrix}", A, Status.INVALID),
    ("[[1, 2], [3, 4]]", r"\begin{bmatrix}1 & 2\\ 3 & 4\end{bmatrix}", ImmutableMatrix([[1, 2], [3, 4]]), Status.CORRECT),
    # matrix functions need square matrices
    ("det(v)", r"\det(v)", y, Status.INVALID),
    ("trace(v)", r"\operatorname{tr}(v)", y, Status.INVALID),
    ("trace(A)", r"\operatorname{tr}(A)", sympy.Trace(A), Status.CORRECT),
    ("hadamard(v, A)", r"v \odot A", A, Status.INCORRECT),
    ("A.T", r"A^\top", A.T, Status.CORRECT),
    # one function table: calls are read alike, and a guess is refused alike
    ("softmax(x)", r"\operatorname{softmax}(x)", y, Status.INVALID),
    ("sqrt(A)", r"\sqrt{A}", A, Status.INVALID),
    ("sin(1, 2)", r"\sin(1, 2)", y, Status.INVALID),
    ("diag(A, x)", r"\operatorname{diag}(A, x)", A, Status.INVALID),
    ("sigmoid(v)", r"\sigma(v)", v, Status.INCORRECT),
    ("exp(v)", r"\exp(v)", v, Status.INCORRECT),
    ("sqrt(x^2)", r"\sqrt{x^2}", sympy.sqrt(x**2), Status.CORRECT),
    ("inv(A)", r"\operatorname{inv}(A)", A.I, Status.CORRECT),
]


@pytest.mark.parametrize(("plain", "latex", "reference", "status"), EDGE_CASES, ids=[case[0] for case in EDGE_CASES])
def test_edge_cases_get_one_verdict_and_one_message(plain: str, latex: str, reference: object, status: Status) -> None:
    in_plain = check(reference, plain, symbols=VOCABULARY, timeout=TIMEOUT, notation="plain")
    in_latex = check(reference, latex, symbols=VOCABULARY, timeout=TIMEOUT, notation="latex")
    assert (in_plain.status, in_latex.status) == (status, status), (in_plain.message, in_latex.message)
    assert _reason(in_plain.message) == _reason(in_latex.message)


@pytest.mark.parametrize(
    ("plain", "words"),
    [
        ("y/0", "division by zero"),
        ("v*A", "cannot multiply a 2x1 matrix by a 2x2 matrix: the inner sizes 1 and 2 differ"),
        ("w*P", "cannot multiply an n x 1 matrix by an n x n matrix: the inner sizes 1 and n differ"),
        ("A + 1", "cannot add a 2x2 matrix and a scalar"),
        ("B^-1", "only a square matrix has an inverse; this is a 2x3 matrix"),
        ("Matrix([[1, 2], [2, 4]])^-1", "this matrix has no inverse: its determinant is 0"),
    ],
)
def test_refusals_are_in_the_students_words(plain: str, words: str) -> None:
    message = check(A, plain, symbols=VOCABULARY, timeout=TIMEOUT, notation="plain").message
    assert words in message
    assert "Matrices" not in message and "ShapeError" not in message


def _reason(message: str) -> str:
    """The message without the pointer lines (each notation points at its own text)."""
    return message.splitlines()[0]
