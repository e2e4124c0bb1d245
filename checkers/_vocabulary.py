"""The vocabulary an answer is read against: the reference's names plus declared extras.

The reference defines what each name means. :class:`Vocabulary` maps canonical names
(see :func:`canonical_name`) to sympy objects: scalar symbols, matrix symbols, indexed
families, undefined functions, and the summation ranges the reference uses.

>>> from sympy import symbols, Sum, IndexedBase
>>> x = IndexedBase("x"); i, I = symbols("i I", integer=True, positive=True)
>>> vocab = Vocabulary.from_objects(Sum(x[i] ** 2, (i, 1, I)))
>>> sorted(vocab.names), vocab.index_bounds["i"]
(['I', 'i', 'x'], (1, I))
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

import sympy
from sympy import Basic, IndexedBase, MatrixSymbol, Symbol
from sympy.core.function import AppliedUndef, UndefinedFunction

from ._names import canonical_name

__all__ = ["Vocabulary", "bound_indices"]

_EMPTY: Mapping = MappingProxyType({})


@dataclass(frozen=True)
class Vocabulary:
    """Names an answer may use, resolved to the objects the reference means by them."""

    names: Mapping[str, Basic] = field(default_factory=lambda: _EMPTY)
    index_bounds: Mapping[str, tuple[sympy.Expr, sympy.Expr]] = field(default_factory=lambda: _EMPTY)
    assumptions: tuple[Basic, ...] = ()
    open_names: bool = False  # unknown names become new real symbols (for reading references)
    definitions: Mapping[Basic, Basic] = field(default_factory=lambda: _EMPTY)  # name -> value (see _definitions)

    @classmethod
    def from_objects(cls, *objects: object, assumptions: Iterable[Basic] = (),
                     definitions: Mapping[Basic, Basic] | None = None) -> Vocabulary:
        """Collect the names used by sympy objects (references and declared symbols); the
        names a problem defines, and the names their values use, are names too."""
        names: dict[str, Basic] = {}
        bounds: dict[str, tuple[sympy.Expr, sympy.Expr]] = {}
        definitions = dict(definitions or {})
        for obj in (*objects, *definitions, *definitions.values()):
            for item in _walk(obj):
                _collect(item, names, bounds)
        return cls(MappingProxyType(names), MappingProxyType(bounds), tuple(assumptions), False,
                   MappingProxyType(definitions))

    def merged(self, other: Vocabulary) -> Vocabulary:
        """This vocabulary with ``other``'s names added (``other`` wins on clashes)."""
        return Vocabulary(
            MappingProxyType({**self.names, **other.names}),
            MappingProxyType({**self.index_bounds, **other.index_bounds}),
            self.assumptions + other.assumptions,
            self.open_names or other.open_names,
            MappingProxyType({**self.definitions, **other.definitions}),
        )

    def opened(self) -> Vocabulary:
        """The same vocabulary, accepting unknown names as new real symbols."""
        return Vocabulary(self.names, self.index_bounds, self.assumptions, True, self.definitions)

    def new_symbol(self, raw_name: str) -> Symbol:
        """The symbol an unknown name stands for when names are open."""
        return Symbol(canonical_name(raw_name), real=True)

    def index_symbol(self, raw_name: str) -> Symbol:
        """The symbol a sum's index stands for: the reference's own when it has that name, else a
        new integer one (``\\sum_{j=1}^{n}`` may name its index freely).

        >>> Vocabulary().index_symbol("j").is_integer
        True
        """
        known = self.lookup(raw_name)
        return known if isinstance(known, Symbol) else Symbol(canonical_name(raw_name), integer=True)

    def new_family(self, raw_name: str) -> IndexedBase:
        """The indexed family an unknown name stands for when names are open and it is
        indexed (``x_i`` inside a sum over ``i``, ``x[i]``): real values ``x_1, x_2, ...``."""
        return IndexedBase(canonical_name(raw_name), real=True)

    def lookup(self, raw_name: str) -> Basic | None:
        """The object a name means here, or None when the vocabulary lacks it."""
        return self.names.get(canonical_name(raw_name))

    def is_matrix(self, raw_name: str) -> bool:
        """True when the name is a matrix or vector symbol."""
        return isinstance(self.lookup(raw_name), MatrixSymbol)

    def has_matrices(self) -> bool:
        """True when a name is a matrix or vector (then ``I`` is the identity, not sqrt(-1))."""
        return any(isinstance(meaning, MatrixSymbol) for meaning in self.names.values())

    def entry(self, raw_name: str, bound: Mapping[str, Basic] = _EMPTY,
              number: Callable[[str], Basic] = sympy.Integer) -> Basic | None:
        """``x_i`` or ``x_2`` as the entry ``x[i]`` / ``x[2]`` of the indexed family ``x``, as the
        LaTeX reader reads them; None unless the name is a family's, subscripted by digits, a
        bound index, a summation index of the reference or an integer name of the vocabulary.
        ``number`` reads a subscript of digits (a reader passes its capped number reader).

        >>> i, I = sympy.symbols("i I", integer=True, positive=True)
        >>> vocab = Vocabulary.from_objects(sympy.Sum(IndexedBase("x")[i], (i, 1, I)))
        >>> vocab.entry("x_i"), vocab.entry("x_12"), vocab.entry("x_z"), vocab.entry("y_1"), vocab.entry("x_iI")
        (x[i], x[12], None, None, x[i, I])
        """
        base, _, subscript = canonical_name(raw_name).partition("_")
        family = self.family_of(base, subscript, bound) if subscript else None
        if family is None:
            return None
        if subscript.isascii() and subscript.isdigit():
            return family[number(subscript)]
        single = self._index(subscript, bound)
        if single is not None:
            return family[single]
        letters = [self._index(letter, bound) for letter in subscript.replace(",", "")]
        return family[tuple(letters)] if len(letters) > 1 and None not in letters else None

    def family_of(self, base: str, subscript: str, bound: Mapping[str, Basic] = _EMPTY) -> IndexedBase | None:
        """The indexed family ``base`` names before ``subscript``: the vocabulary's, or a new one for
        ``x_i`` inside a sum over ``i`` when names are open (a reference typed by a teacher)."""
        family = self.lookup(base)
        if family is None and self.open_names and bound_indices(subscript, bound):
            return self.new_family(base)
        return family if isinstance(family, IndexedBase) else None

    def _index(self, name: str, bound: Mapping[str, Basic]) -> Symbol | None:
        """The index ``name`` stands for: a bound index, a summation index of the reference or an
        integer name of the vocabulary (else None)."""
        index = bound.get(name) or self.lookup(name)
        is_index = name in bound or name in self.index_bounds or getattr(index, "is_integer", False)
        return index if isinstance(index, Symbol) and is_index else None

    def family_without_index(self, name: str) -> str:
        """The message for an indexed family written without an index (it has no single value),
        with the reference's summation index when it has one.

        >>> i, I = sympy.symbols("d I", integer=True, positive=True)
        >>> Vocabulary.from_objects(sympy.Sum(IndexedBase("y")[i], (i, 1, I))).family_without_index("y")
        "'y' names indexed values here (y_1, y_2, ..., y_d): write one of them, e.g. y_d inside a sum over d"
        """
        index = next(iter(self.index_bounds)) if len(self.index_bounds) == 1 else "i"
        return (f"'{name}' names indexed values here ({name}_1, {name}_2, ..., {name}_{index}): "
                f"write one of them, e.g. {name}_{index} inside a sum over {index}")

    def describe(self) -> str:
        """A short human list of the names, for messages."""
        return ", ".join(sorted(self.names)) or "(no variables)"


def bound_indices(subscript: str, bound: Mapping[str, Basic]) -> list[str]:
    """The indices a subscript names when enclosing sums bind them all: ``i`` (one index), or
    ``ij`` / ``i,j`` (one per letter, as ``x_{ij}`` inside sums over i and j); else none.

    >>> bound_indices("ij", {"i": 1, "j": 2}), bound_indices("i", {"i": 1}), bound_indices("ik", {"i": 1})
    (['i', 'j'], ['i'], [])
    """
    if subscript in bound:
        return [subscript]
    letters = subscript.replace(",", "")
    return list(letters) if len(letters) > 1 and all(letter in bound for letter in letters) else []


def _walk(obj: object) -> Iterable[Basic]:
    if isinstance(obj, Basic):  # a defined function's Lambda yields its parameters: f[x, \phi]
        yield from sympy.preorder_traversal(obj)
    elif isinstance(obj, sympy.MatrixBase):
        for entry in obj:
            yield from sympy.preorder_traversal(entry)
    elif isinstance(obj, UndefinedFunction):
        yield obj
    elif isinstance(obj, Iterable) and not isinstance(obj, (str, bytes)):
        for item in obj:
            yield from _walk(item)


def _collect(item: object, names: dict[str, Basic], bounds: dict) -> None:
    if isinstance(item, (Symbol, MatrixSymbol, IndexedBase)):
        names.setdefault(canonical_name(str(item.name) if not isinstance(item, IndexedBase) else str(item.label)), item)
    elif isinstance(item, AppliedUndef):
        names.setdefault(canonical_name(item.func.__name__), item.func)
    elif isinstance(item, UndefinedFunction):
        names.setdefault(canonical_name(item.__name__), item)
    elif isinstance(item, (sympy.Sum, sympy.Product)):
        for limit in item.limits:
            if len(limit) == 3:
                bounds.setdefault(canonical_name(str(limit[0])), (limit[1], limit[2]))
