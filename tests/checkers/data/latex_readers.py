"""Both LaTeX readers on the corpus: derivecheck's own and latex2sympy2 (a test-only oracle).

The one place for the logic shared by ``tests/checkers/test_latex2sympy_oracle.py`` and
``benchmarks/latex_readers_report.py``:

* :func:`read_derivecheck` and :func:`read_latex2sympy` read an entry and return a
  :class:`Reading`: the members of its ``a = b = c`` chain, or a refusal.
* :func:`outcome` grades one reading against the corpus meaning (see :data:`OUTCOMES`).
* :func:`compare_readers` holds derivecheck to the corpus meaning, then compares
  latex2sympy2's reading with derivecheck's directly (see :data:`LISTABLE`).
* :func:`classify` does both readings of one entry; its grades are worked out on demand.

latex2sympy2 knows no vocabulary, so :func:`meanings` restates its result in the entry's
vocabulary: names map by canonical spelling (``theta_{11}`` is ``theta_11``, ``\\text{ReLU}``
is ``ReLU``), ``x_i`` is the entry ``x[i]`` when ``x`` is an indexed family, an applied
function means what that name means to derivecheck (the vocabulary's ``a`` and ``f``, the
built-in ``sigma``, ``ReLU`` ...), and a number added to a vector is added to every entry.
latex2sympy2's symbols commute, so a product of several matrices has lost the order of its
factors: such a member has one candidate meaning per order whose shapes fit. A member that
agrees in some orders but not in all is *not comparable*, never a pass; one that agrees in
no order, or that cannot be formed at all (no order fits, a number added to a square
matrix), is a misread. A function name the vocabulary and the built-ins lack makes its
member not comparable: latex2sympy2 read a call, but of what cannot be told.
"""

from __future__ import annotations

import itertools
import operator
import re
import signal
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property, reduce
from pathlib import Path

import sympy
from latex_corpus import Entry, expected_members, same_meaning
from sympy.core.function import AppliedUndef, UndefinedFunction

from checkers import _structures as structures
from checkers._arithmetic import Refused
from checkers._arithmetic import add as _add
from checkers._errors import InvalidAnswer
from checkers._functions import function_named
from checkers._latex import read_latex
from checkers._names import canonical_name
from checkers._vocabulary import Vocabulary

__all__ = [
    "Meaning", "Reading", "Classified", "Known", "entry_id", "agrees", "load_known", "read_derivecheck",
    "read_latex2sympy", "meanings", "outcome", "compare_readers", "classify",
    "OUTCOMES", "AGREE", "LISTABLE", "FAULTS_OF_DERIVECHECK",
]

# how one reader did on one entry, against the corpus meaning
READ_RIGHT = "read right"
REFUSED_AS_MEANT = "refused as meant"
WRONGLY_REFUSED = "wrongly refused"
MISREAD = "misread"
READ_INADMISSIBLE = "read though inadmissible"
NOT_COMPARABLE = "not comparable"
OUTCOMES = (READ_RIGHT, REFUSED_AS_MEANT, WRONGLY_REFUSED, MISREAD, READ_INADMISSIBLE, NOT_COMPARABLE)

# how latex2sympy2 differs from derivecheck on one entry
AGREE = "agree"
L2S_MISREADS = "latex2sympy2 misreads"
L2S_REFUSES = "latex2sympy2 refuses"
DC_REFUSES_ON_PURPOSE = "derivecheck refuses on purpose"
L2S_NOT_COMPARABLE = "not comparable"
DC_MISREADS = "derivecheck misreads"
DC_REFUSES_WRONGLY = "derivecheck refuses wrongly"
BOTH_MISREAD = "both misread"  # alike, but not as the corpus means: check the meaning
LISTABLE = (L2S_MISREADS, L2S_REFUSES, DC_REFUSES_ON_PURPOSE, L2S_NOT_COMPARABLE)
FAULTS_OF_DERIVECHECK = (DC_MISREADS, DC_REFUSES_WRONGLY, BOTH_MISREAD)

KNOWN_FILE = Path(__file__).parent / "latex2sympy_known.tsv"
TIMEOUT_SECONDS = 30.0
_MOST_CANDIDATES = 120
_LARGEST_EXPONENT = 10_000


class NotComparable(Exception):
    """latex2sympy2's result has no meaning in the vocabulary's terms (the message says why)."""


class NoMeaning(Exception):
    """latex2sympy2's result cannot be formed in the vocabulary (shapes fit in no order),
    so it cannot mean what the vocabulary's reading means."""


class _TimedOut(BaseException):
    """The per-string time limit ran out (a BaseException, so no library swallows it)."""


@dataclass(frozen=True)
class Meaning:
    """One member of a reading: its candidate meanings (one, or one per order of matrix
    factors), or none, with ``why``. Without candidates, ``comparable`` says whether that
    makes the member wrong (it cannot be formed in the vocabulary) or unknowable (a
    function name the vocabulary lacks)."""

    candidates: tuple[sympy.Basic, ...]
    why: str = ""
    comparable: bool = True


@dataclass(frozen=True)
class Reading:
    """One reader's reading of one string: the ``=`` chain's members, or None and why not."""

    members: tuple[Meaning, ...] | None
    note: str = ""

    @property
    def refused(self) -> bool:
        """True when the reader raised instead of returning a result."""
        return self.members is None

    def describe(self) -> str:
        """The reading in one line, for messages: ``refused (why)`` or ``a = b`` (``|`` between candidates)."""
        if self.members is None:
            return f"refused ({self.note})"
        return " = ".join(" | ".join(map(str, m.candidates)) or f"<{m.why}>" for m in self.members)


@dataclass(frozen=True)
class Known:
    """A listed difference: the corpus entry's id and text, its category and the reason."""

    id: str
    category: str
    latex: str
    reason: str


def entry_id(entry: Entry) -> str:
    """A corpus entry's id, ``category:line`` (unique across both corpus files)."""
    return f"{entry.category}:{entry.line}"


def load_known(path: Path = KNOWN_FILE) -> dict[str, Known]:
    """The known differences, by entry id (``id<TAB>category<TAB>latex<TAB>reason`` lines)."""
    known: dict[str, Known] = {}
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        parts = raw.split("\t")
        if len(parts) != 4 or parts[0] in known:
            raise ValueError(f"{path.name}:{number}: expected 4 tab-separated fields and a new id: {raw[:60]!r}")
        known[parts[0]] = Known(*parts)
    return known


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise :class:`_TimedOut` in the block after ``seconds`` (main thread only; elsewhere no limit)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise _TimedOut

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def read_derivecheck(entry: Entry) -> Reading:
    """derivecheck's reading of the entry against its vocabulary."""
    try:
        members = read_latex(entry.latex, entry.vocabulary).members
    except InvalidAnswer as error:
        return Reading(None, error.message)
    return Reading(tuple(Meaning((member,)) for member in members))


def latex2sympy_options() -> dict:
    """The options used here, the kindest to this field: case matters (A and a, D and d
    differ) and no mixed numbers (though ``2\\frac{1}{2}`` still reads 5/2: see the known list)."""
    from latex2sympy2_extended.latex2sympy2 import ConversionConfig

    return {"conversion_config": ConversionConfig(interpret_as_mixed_fractions=False, lowercase_symbols=False)}


def read_latex2sympy(entry: Entry, seconds: float = TIMEOUT_SECONDS) -> Reading:
    """latex2sympy2's reading, each member restated in the entry's vocabulary (:func:`meanings`)."""
    from latex2sympy2_extended import latex2sympy

    try:
        with time_limit(seconds):
            raw = latex2sympy(entry.latex, **latex2sympy_options())
    except _TimedOut:
        return Reading(None, f"timed out after {seconds:g} s")
    except Exception as error:
        return Reading(None, f"{type(error).__name__}: {str(error).splitlines()[0][:100]}")
    try:
        with time_limit(seconds):
            return Reading(tuple(meanings(member, entry.vocabulary) for member in _chain(raw)))
    except NotComparable as reason:
        return Reading((Meaning((), str(reason), comparable=False),))
    except _TimedOut:
        return Reading((Meaning((), f"restating the result took over {seconds:g} s", comparable=False),))


def _chain(raw: object) -> tuple[object, ...]:
    """The sides of latex2sympy2's ``Eq`` or ``And(Eq, Eq, ...)`` chain, or its one result.

    ``x = 3, x = -1`` comes back as a set of equations with one left side: that is
    ``x = {3, -1}``. A chain ``a = b = c`` comes back as an ``And`` of its links, which
    keeps them in written order in ``_unsorted_args``.
    """
    if isinstance(raw, sympy.Eq):
        return raw.args
    if isinstance(raw, sympy.FiniteSet) and raw.args and all(isinstance(a, sympy.Eq) for a in raw.args):
        sides = {a.lhs for a in raw.args}
        return (sides.pop(), sympy.FiniteSet(*(a.rhs for a in raw.args))) if len(sides) == 1 else (raw,)
    if isinstance(raw, sympy.And) and all(isinstance(a, sympy.Eq) for a in raw.args):
        links = getattr(raw, "_unsorted_args", None)
        if links is None or any(a.rhs != b.lhs for a, b in itertools.pairwise(links)):
            raise NotComparable(f"the order of the chain {raw} is lost")
        return (links[0].lhs, *(link.rhs for link in links))
    return (raw,)


# ---- restating latex2sympy2's result in the vocabulary's terms --------------------------

_WRAPPER = re.compile(r"\\?(?:text|mathrm|mathbf|boldsymbol|bm|vec|mathit|operatorname)\{([^{}]*)\}")


def _spelling(raw: str) -> str:
    """The canonical spelling of a latex2sympy2 name, font wrappers (``bm{s}``) removed."""
    previous = None
    while previous != raw:
        previous, raw = raw, _WRAPPER.sub(r"\1", raw)
    return canonical_name(raw)


def _name(raw: str, vocabulary: Vocabulary) -> sympy.Basic:
    """What a latex2sympy2 symbol means in the vocabulary (``x_i`` may be the entry ``x[i]``).

    A name the vocabulary lacks stays a plain symbol, so it differs from every meaning.
    """
    name = _spelling(raw)
    meaning = vocabulary.lookup(name)
    if meaning is not None and not isinstance(meaning, UndefinedFunction):
        return meaning
    head, _, tail = name.partition("_")
    family = vocabulary.lookup(head)
    if tail and isinstance(family, sympy.IndexedBase):
        index = sympy.Integer(tail) if tail.isdigit() else vocabulary.lookup(tail)
        if index is not None:
            return family[index]
    return sympy.Symbol(name)


def _sympy_class(node: sympy.Basic) -> type:
    """sympy's own class for a node (latex2sympy2 subclasses ``And`` and ``FiniteSet``)."""
    return next(c for c in type(node).__mro__ if c.__module__.startswith("sympy"))


def _products(factors: Sequence[sympy.Basic]) -> list[sympy.Basic]:
    """The product in every order of its matrix factors whose shapes surely fit (scalars commute)."""
    scalars = [f for f in factors if not structures.is_matrix(f)]
    matrices = [f for f in factors if structures.is_matrix(f)]
    scale = reduce(operator.mul, scalars, sympy.Integer(1))
    if not matrices:
        return [scale]
    orders = [o for o in itertools.permutations(matrices) if all(a.shape[1] == b.shape[0] for a, b in itertools.pairwise(o))]
    if not orders:
        raise sympy.ShapeError(f"no order of {', '.join(map(str, matrices))} has fitting shapes")
    return [scale * reduce(operator.mul, order) for order in orders]


def _sum(terms: Sequence[sympy.Basic]) -> list[sympy.Basic]:
    """The sum of the terms."""
    return [reduce(_add, terms)]


def _power(args: Sequence[sympy.Basic]) -> list[sympy.Basic]:
    """base^exponent, unless both are numbers and the power is too large to evaluate."""
    base, exponent = args
    if base.is_number and exponent.is_number and abs(exponent) > _LARGEST_EXPONENT:
        raise NotComparable(f"the power {base}^{exponent} is too large to evaluate")
    return [base**exponent]


_REBUILD: dict[type, Callable[[Sequence[sympy.Basic]], list[sympy.Basic]]] = {
    sympy.Add: _sum,
    sympy.MatAdd: _sum,
    sympy.Mul: _products,
    sympy.MatMul: _products,
    sympy.Pow: _power,
}


def _apply(node: AppliedUndef, vocabulary: Vocabulary) -> Callable[[Sequence[sympy.Basic]], list[sympy.Basic]]:
    """How an applied function of latex2sympy2 is rebuilt: the name's meaning to derivecheck."""
    function = function_named(_spelling(node.func.__name__), vocabulary)
    if function is None:
        raise NotComparable(f"latex2sympy2 applies '{node.func.__name__}', a function the vocabulary does not define")
    return lambda args: [function.apply(args)]


def _candidates(node: object, vocabulary: Vocabulary) -> list[sympy.Basic]:
    """Every meaning of a latex2sympy2 (sub)expression in the vocabulary (see the module doc)."""
    if isinstance(node, sympy.MatrixBase):
        entries = [_single(e, vocabulary) for e in node]
        return [sympy.ImmutableMatrix(node.rows, node.cols, entries)]
    if isinstance(node, sympy.Symbol):
        return [_name(node.name, vocabulary)]
    if not isinstance(node, sympy.Basic) or not node.args:
        return [node]
    build = _apply(node, vocabulary) if isinstance(node, AppliedUndef) else _REBUILD.get(_sympy_class(node))
    build = build or (lambda args: [_sympy_class(node)(*args)])
    results, errors = [], []
    for args in itertools.product(*(_candidates(a, vocabulary) for a in node.args)):
        try:
            results.extend(build(args))
        except (TypeError, ValueError, AttributeError, sympy.ShapeError, Refused) as error:
            errors.append(f"{type(error).__name__}: {str(error)[:80]}")
        if len(results) > _MOST_CANDIDATES:
            raise NotComparable(f"more than {_MOST_CANDIDATES} orders of matrix factors")
    if not results:
        raise NoMeaning(f"{node} forms nothing in the vocabulary ({errors[0]})")
    return list(dict.fromkeys(results))


def _single(node: object, vocabulary: Vocabulary) -> sympy.Basic:
    """The one meaning of a matrix entry (an order-ambiguous product inside an entry is not comparable)."""
    found = _candidates(node, vocabulary)
    if len(found) != 1:
        raise NotComparable(f"the entry {node} has {len(found)} meanings")
    return found[0]


def meanings(member: object, vocabulary: Vocabulary) -> Meaning:
    """One member of latex2sympy2's result, restated in the vocabulary's terms."""
    try:
        return Meaning(tuple(_candidates(member, vocabulary)))
    except NoMeaning as reason:
        return Meaning((), str(reason))
    except NotComparable as reason:
        return Meaning((), str(reason), comparable=False)


# ---- grading -----------------------------------------------------------------------------


def _member_agrees(got: Meaning, want: sympy.Basic) -> bool | None:
    """True/False when ``got`` surely means / does not mean ``want``; None when it cannot be told."""
    if not got.candidates:
        return False if got.comparable else None
    verdicts = {same_meaning(candidate, want) for candidate in got.candidates}
    return verdicts.pop() if len(verdicts) == 1 else None


def agrees(got: tuple[Meaning, ...], want: Sequence[sympy.Basic]) -> bool | None:
    """Whether the last ``len(want)`` members of ``got`` mean ``want`` (None: cannot be told)."""
    if len(got) < len(want):
        return False
    verdicts = [_member_agrees(g, w) for g, w in zip(got[len(got) - len(want):], want)]
    if False in verdicts:
        return False
    return None if None in verdicts else True


def outcome(entry: Entry, reading: Reading) -> str:
    """How one reader did on one entry against the corpus meaning: one of :data:`OUTCOMES`."""
    if entry.invalid:
        return REFUSED_AS_MEANT if reading.refused else READ_INADMISSIBLE
    if reading.refused:
        return WRONGLY_REFUSED
    verdict = agrees(reading.members, expected_members(entry))
    return NOT_COMPARABLE if verdict is None else READ_RIGHT if verdict else MISREAD


def compare_readers(entry: Entry, ours: Reading, theirs: Reading) -> str:
    """latex2sympy2 (``theirs``) against derivecheck (``ours``): :data:`AGREE` or how they differ.

    derivecheck is held to the corpus meaning first: when it is wrong, that is its fault
    (:data:`FAULTS_OF_DERIVECHECK`; ``both misread`` when latex2sympy2 reads the same, which
    puts the corpus meaning in doubt). When derivecheck is right, latex2sympy2's reading is
    compared with derivecheck's reading itself, member by member, over the members the
    corpus meaning lists (the last ones: a left side such as ``f(x) =`` only names the
    quantity, so earlier members are not compared).
    """
    ours_did = outcome(entry, ours)
    if ours_did == REFUSED_AS_MEANT:
        return AGREE if theirs.refused else DC_REFUSES_ON_PURPOSE
    if ours_did == WRONGLY_REFUSED:
        return DC_REFUSES_WRONGLY
    if ours_did != READ_RIGHT:
        tail = 1 if entry.invalid else len(expected_members(entry))
        same = not theirs.refused and agrees(theirs.members, _values(ours)[-tail:]) is True
        return BOTH_MISREAD if same else DC_MISREADS
    if theirs.refused:
        return L2S_REFUSES
    verdict = agrees(theirs.members, _values(ours)[-len(expected_members(entry)):])
    return L2S_NOT_COMPARABLE if verdict is None else AGREE if verdict else L2S_MISREADS


def _values(reading: Reading) -> list[sympy.Basic]:
    """derivecheck's members as plain sympy objects (each has exactly one candidate)."""
    return [member.candidates[0] for member in reading.members]


def _limited(task: Callable[[], str], entry: Entry, seconds: float) -> str:
    """The task's answer, or RuntimeError when it takes over ``seconds``."""
    try:
        with time_limit(seconds):
            return task()
    except _TimedOut:
        raise RuntimeError(f"comparing the readings of {entry.latex!r} took over {seconds:g} s") from None


@dataclass
class Classified:
    """Both readings of one entry; how each did against the meaning and how they differ,
    each worked out (under a time limit) when first asked for."""

    entry: Entry
    ours: Reading
    theirs: Reading
    seconds: float = TIMEOUT_SECONDS

    @cached_property
    def our_outcome(self) -> str:
        """derivecheck against the corpus meaning."""
        return _limited(lambda: outcome(self.entry, self.ours), self.entry, self.seconds)

    @cached_property
    def their_outcome(self) -> str:
        """latex2sympy2 against the corpus meaning."""
        return _limited(lambda: outcome(self.entry, self.theirs), self.entry, self.seconds)

    @cached_property
    def difference(self) -> str:
        """latex2sympy2 against derivecheck."""
        return _limited(lambda: compare_readers(self.entry, self.ours, self.theirs), self.entry, self.seconds)


def classify(entry: Entry, seconds: float = TIMEOUT_SECONDS) -> Classified:
    """Both readers' readings of the entry, ready to be graded."""
    return Classified(entry, read_derivecheck(entry), read_latex2sympy(entry, seconds), seconds)
