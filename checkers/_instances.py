"""Concrete instances of abstract objects, for comparisons that cannot be proved directly.

- matrix symbols with symbolic shapes -> random integer matrices of compatible sizes
  (symmetric / positive definite when the assumptions say so);
- sums whose bound is a symbol (``\\sum_{i=1}^{I}``) -> the explicit sums for several sizes;
- undefined functions (``a(u)``, ``f(x, phi)``) -> random smooth concrete functions.

>>> from sympy import MatrixSymbol, Symbol
>>> n = Symbol("n", integer=True, positive=True)
>>> A = MatrixSymbol("A", n, n)
>>> [inst.apply(A.T * A).shape for inst in matrix_instances([A.T * A], (), seed_text="doc")][:2]
[(2, 2), (3, 3)]
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import ClassVar

import sympy
from sympy import Basic, ImmutableMatrix, MatrixSymbol, Q
from sympy.core.function import AppliedUndef

from ._sampling import sizes_within, stable_seed

__all__ = [
    "Instance",
    "matrix_instances",
    "sized",
    "size_misfit",
    "sum_instances",
    "function_instances",
    "apply_function_instance",
    "ConcreteFunction",
    "concrete_function",
    "needs_instances",
    "explicit_sums",
]

_SIZES = (2, 3, 1, 4)
_ENTRIES = (-3, -2, -1, 1, 2, 3)  # halves: small enough that sigmoid and exp stay informative


@dataclass(frozen=True)
class Instance:
    """One concrete choice: a replacement map, applied with :meth:`apply`."""

    replacements: dict = field(default_factory=dict)
    sizes: dict = field(default_factory=dict)
    description: str = ""

    def apply(self, obj: Basic) -> Basic:
        """``obj`` with the sizes fixed and the abstract objects replaced, evaluated."""
        result = obj.xreplace(self.sizes) if self.sizes else obj
        result = result.xreplace(self.replacements) if self.replacements else result
        return _evaluate_structure(result)


def needs_instances(obj: Basic) -> bool:
    """True when ``obj`` has undefined functions or sums with a symbolic bound."""
    return bool(obj.atoms(AppliedUndef)) or any(_symbolic_bound(s) for s in obj.atoms(sympy.Sum))


def _symbolic_bound(s: sympy.Sum) -> bool:
    return any(len(limit) == 3 and (limit[1].free_symbols or limit[2].free_symbols) for limit in s.limits)


_SIZED_CONSTANTS = (sympy.Identity, sympy.ZeroMatrix, sympy.OneMatrix)


def _is_sized_constant(obj: Basic) -> bool:
    """An identity, zero or ones matrix of numeric size: sympy keeps ``c I + M`` unevaluated
    even when ``M`` is explicit, so it is written out like the other parts of an instance."""
    return isinstance(obj, _SIZED_CONSTANTS) and all(d.is_Integer for d in obj.shape)


def _evaluate_structure(obj: Basic) -> Basic:
    """Evaluate an instance: ``doit`` first (each object computes itself from explicit
    parts), ``as_explicit`` only for what is left (entries at symbolic indices are a
    weaker route: a custom ``_entry`` may not handle them)."""
    if isinstance(obj, sympy.MatrixExpr) and not isinstance(obj, sympy.MatrixBase):
        evaluated = obj.doit()
        if not isinstance(evaluated, sympy.MatrixBase) and evaluated.has(*_SIZED_CONSTANTS):
            evaluated = evaluated.replace(_is_sized_constant, lambda m: ImmutableMatrix(m.as_explicit())).doit()
        if isinstance(evaluated, sympy.MatrixBase):
            return ImmutableMatrix(evaluated)
        try:
            return ImmutableMatrix(evaluated.as_explicit()).doit()
        except (ValueError, TypeError, AttributeError, NotImplementedError):
            return evaluated
    if obj.has(sympy.Sum):
        obj = explicit_sums(obj)
    if obj.has(
        sympy.Sum, sympy.Derivative, sympy.Subs, sympy.Trace, sympy.MatrixExpr, sympy.matrices.expressions.matexpr.MatrixElement
    ):
        return obj.doit()
    return obj


_MOST_TERMS = 1000


def explicit_sums(obj: Basic) -> Basic:
    """``obj`` with every sum of whole-number bounds written out term by term (``Sum.doit``
    looks for a closed form first, which is slow and not needed for a few terms); a sum that
    cannot be written out so is left to ``doit``.

    >>> i = sympy.Symbol("i", integer=True)
    >>> explicit_sums(sympy.Sum(sympy.IndexedBase("x")[i] ** 2, (i, 1, 3)))
    x[1]**2 + x[2]**2 + x[3]**2
    """
    if not isinstance(obj, Basic) or not obj.has(sympy.Sum):
        return obj
    if isinstance(obj, sympy.Sum):
        terms = _sum_terms(obj.function, list(obj.limits))
        return obj.doit() if terms is None else sympy.Add(*(explicit_sums(term) for term in terms))
    return obj.func(*(explicit_sums(arg) for arg in obj.args))


def _sum_terms(term: Basic, limits: list[tuple]) -> list[Basic] | None:
    """The terms of a sum, the outermost limit first (inner bounds may name outer variables)."""
    if not limits:
        return [term]
    variable, low, high = limits[-1]
    inner_bound = {v for s in term.atoms(sympy.Sum) for v, *_ in s.limits}
    if not (low.is_Integer and high.is_Integer) or not 0 <= high - low < _MOST_TERMS or variable in inner_bound:
        return None
    terms: list[Basic] = []
    for value in range(int(low), int(high) + 1):
        fixed = {variable: sympy.Integer(value)}
        inner = [(v, a.xreplace(fixed), b.xreplace(fixed)) for v, a, b in limits[:-1]]
        found = _sum_terms(term.xreplace(fixed), inner)
        if found is None or len(terms) + len(found) > _MOST_TERMS:
            return None
        terms.extend(found)
    return terms


# -- matrices ------------------------------------------------------------------------

def matrix_instances(objects: Sequence[Basic], assumptions: Iterable[Basic], *, seed_text: str, count: int = 3) -> list[Instance]:
    """Random matrices (entries in halves) for every matrix symbol, for ``count`` size choices."""
    rng = random.Random(stable_seed("matrices", seed_text))
    facts = set(assumptions)
    instances = []
    for sizes in _size_choices(_dimensions(objects), count):
        fixed = _fitted(objects, sizes)
        if fixed is None:  # the products fit together only for other sizes
            continue
        symbols = sorted({m for obj in fixed for m in obj.atoms(MatrixSymbol)}, key=lambda m: m.name)
        original = {m.name: m for obj in objects for m in obj.atoms(MatrixSymbol)}
        replacements = {m: _random_matrix(m, original.get(m.name, m), facts, rng) for m in symbols}
        label = ", ".join(f"{d} = {v}" for d, v in sizes.items())
        instances.append(
            Instance(replacements, sizes, f"for random matrices of sizes {label}" if label else "for random matrices")
        )
    return instances


def sized(objects: Sequence[Basic], instance: Instance) -> list[Basic] | None:
    """The objects with the instance's sizes fixed (its matrices not yet put in), or None
    when a product or sum does not fit for these sizes.

    >>> n = sympy.Symbol("n", integer=True, positive=True)
    >>> sized([sympy.Identity(n)], Instance(sizes={n: 2}))
    [I]
    """
    return _fitted(objects, instance.sizes) if instance.sizes else list(objects)


def size_misfit(expected: Basic, answer: Basic, *, count: int = 9) -> str | None:
    """Sizes (``m = 2, n = 3``) for which the answer's products do not fit although the
    expected object's do: the readers accept ``A^T x`` with size names that may be equal,
    and such an answer is then not equal in general. None when every choice fits.

    >>> m, n = sympy.symbols("m n", integer=True, positive=True)
    >>> A, x = MatrixSymbol("A", m, n), MatrixSymbol("x", n, 1)
    >>> size_misfit(A * x, A.T * x)
    'm = 2, n = 3'
    """
    for sizes in _size_choices(_dimensions([expected, answer]), count):
        if _fitted([expected], sizes) is not None and _fitted([answer], sizes) is None:
            return ", ".join(f"{dimension} = {value}" for dimension, value in sizes.items())
    return None


def _dimensions(objects: Sequence[Basic]) -> list[sympy.Symbol]:
    return sorted(
        {d for obj in objects for m in obj.atoms(MatrixSymbol) for d in m.shape if isinstance(d, sympy.Symbol)}, key=str
    )


def _fitted(objects: Sequence[Basic], sizes: dict) -> list[Basic] | None:
    """The objects with the sizes fixed, or None when a product or sum then does not fit."""
    try:
        return [obj.xreplace(sizes) for obj in objects]
    except sympy.ShapeError:
        return None


def _size_choices(dimensions: Sequence[sympy.Symbol], count: int) -> list[dict]:
    """``count`` size assignments, cycling the sizes so that each dimension takes several values."""
    if not dimensions:
        return [{}] * count
    choices = []
    for offset in range(count):
        shift = offset // len(_SIZES)  # after a full cycle, pair the dimensions differently
        sizes = {d: _SIZES[(i * (shift + 1) + offset) % len(_SIZES)] for i, d in enumerate(dimensions)}
        choices.append(sizes)
    return choices


def _random_matrix(symbol: MatrixSymbol, original: MatrixSymbol, facts: set, rng: random.Random) -> ImmutableMatrix:
    rows, cols = (int(d) for d in symbol.shape)
    entries = [[sympy.Rational(rng.choice(_ENTRIES), 2) for _ in range(cols)] for _ in range(rows)]
    matrix = sympy.Matrix(entries)
    if rows == cols and (Q.symmetric(original) in facts or Q.positive_definite(original) in facts):
        matrix = matrix + matrix.T
    if rows == cols and Q.positive_definite(original) in facts:
        matrix = matrix * matrix.T + sympy.eye(rows)
    if rows == cols and matrix.det() == 0:
        matrix = matrix + (abs(max(matrix, key=abs)) * rows + 1) * sympy.eye(rows)
    return ImmutableMatrix(matrix)


# -- sums with symbolic bounds ------------------------------------------------------------

def sum_instances(objects: Sequence[Basic], *, sizes: Sequence[int] = (1, 2, 3, 5),
                  domains: Mapping[Basic, sympy.Interval] | None = None) -> list[Instance]:
    """The explicit sums for several values of each symbolic bound (inside its stated domain)."""
    bounds = sorted(
        {symbol for obj in objects for s in obj.atoms(sympy.Sum) for limit in s.limits for symbol in limit[2].free_symbols},
        key=str,
    )
    if not bounds:
        return []
    for bound in bounds:
        sizes = sizes_within(bound, sizes, domains or {})
    return [
        Instance(sizes={b: sympy.Integer(size) for b in bounds}, description=f"for {', '.join(map(str, bounds))} = {size}")
        for size in sizes
    ]


# -- undefined functions ------------------------------------------------------------------

def function_instances(objects: Sequence[Basic], *, seed_text: str, count: int = 3) -> list[Instance]:
    """Random smooth concrete functions for every undefined function."""
    functions = sorted({call.func for obj in objects for call in obj.atoms(AppliedUndef)}, key=lambda f: f.__name__)
    if not functions:
        return []
    rng = random.Random(stable_seed("functions", seed_text))
    arities = {f: max(len(c.args) for obj in objects for c in obj.atoms(AppliedUndef) if c.func == f) for f in functions}
    names = [f.__name__ for f in functions]
    described = f"for a random smooth {names[0]}" if len(names) == 1 else \
        f"for random smooth {', '.join(names[:-1])} and {names[-1]}"  # the drawn formula would mean nothing to a student
    return [Instance({f: _smooth_function(f.__name__, arities[f], rng) for f in functions}, description=described)
            for _ in range(count)]


def _smooth_function(name: str, arity: int, rng: random.Random) -> type[ConcreteFunction]:
    variables = sympy.symbols(f"u0:{arity}", real=True)
    weights = [sympy.Rational(rng.choice((-3, -2, -1, 1, 2, 3)), rng.choice((2, 3, 5))) for _ in variables]
    inner = sum(w * v for w, v in zip(weights, variables))
    c = [sympy.Rational(rng.randint(1, 9), rng.choice((4, 5, 7))) for _ in range(3)]
    body = c[0] * sympy.sin(inner + c[1]) + c[2] * inner**2 + (variables[0] * variables[-1] if arity > 1 else 0)
    return concrete_function(name, sympy.Lambda(variables, body))


class ConcreteFunction(sympy.Function):
    r"""A concrete stand-in for an undefined function, kept as one opaque call.

    Its values come from its ``formula`` (a Lambda), at numbers only; its derivatives are
    concrete functions too (:meth:`fdiff`). So ``a'(\psi + a(\theta x))`` with a concrete
    ``a`` stays a call of a call, and is not expanded into nested formulas that sympy would
    re-evaluate symbolically at every level.

    >>> u = sympy.Symbol("u")
    >>> f = concrete_function("f", sympy.Lambda(u, u**3))
    >>> x = sympy.Symbol("x")
    >>> sympy.diff(f(2*x), x)
    2*f'(2*x)
    >>> sympy.diff(f(2*x), x).subs(x, 1).evalf(5)
    24.000
    """

    formula: ClassVar[sympy.Lambda]

    def fdiff(self, argindex: int = 1) -> Basic:
        variables = self.formula.variables
        derivative = sympy.Lambda(variables, sympy.diff(self.formula.expr, variables[argindex - 1]))
        primes = "'" if len(variables) == 1 else f"_{argindex}"
        return concrete_function(f"{type(self).__name__}{primes}", derivative)(*self.args)

    def _eval_evalf(self, prec: int) -> Basic | None:
        if not all(arg.is_number for arg in self.args):
            return None
        return self.formula(*self.args).evalf(sympy.core.evalf.prec_to_dps(prec))


@lru_cache(maxsize=1024)
def concrete_function(name: str, formula: sympy.Lambda) -> type[ConcreteFunction]:
    """The concrete function class called ``name`` with ``formula`` (one class per formula)."""
    return type(name, (ConcreteFunction,), {"formula": formula, "nargs": len(formula.variables)})


def apply_function_instance(instance: Instance, obj: Basic) -> Basic:
    """Replace undefined-function calls (and derivatives of them) by the concrete functions.

    One walk from the leaves up: a call is replaced after its arguments, and a derivative
    or substitution whose function became concrete is carried out where it stands.

    >>> u, x = sympy.symbols("u x")
    >>> a = sympy.Function("a")
    >>> square = Instance({a: concrete_function("s", sympy.Lambda(u, u**2))})
    >>> apply_function_instance(square, sympy.diff(a(a(x)), x))
    s'(x)*s'(s(x))
    """
    if not instance.replacements or not obj.has(*instance.replacements):
        return obj
    return _concrete_calls(obj, instance.replacements, {})


def _concrete_calls(obj: Basic, replacements: Mapping, seen: dict[Basic, Basic]) -> Basic:
    if not obj.args:
        return obj
    if obj in seen:
        return seen[obj]
    if isinstance(obj, sympy.Derivative) and not all(v.is_Symbol for v in obj.variables):
        seen[obj] = _concrete_calls(_symbol_variables(obj), replacements, seen)
        return seen[obj]
    args = tuple(_concrete_calls(arg, replacements, seen) for arg in obj.args)
    if isinstance(obj, AppliedUndef) and obj.func in replacements:
        result = replacements[obj.func](*args)
    elif args == obj.args:
        result = obj
    else:
        result = obj.func(*args)
        if isinstance(result, (sympy.Derivative, sympy.Subs)):
            result = result.doit(deep=False)
    seen[obj] = result
    return result


def _symbol_variables(derivative: sympy.Derivative) -> Basic:
    """``Derivative(F(g), g)`` for a non-symbol ``g`` written as ``Subs(Derivative(F(t), t), t, g)``."""
    dummies = {v: sympy.Dummy() for v in derivative.variables if not v.is_Symbol}
    inner = sympy.Derivative(derivative.expr.xreplace(dummies), *[(dummies.get(v, v), n) for v, n in derivative.variable_count])
    return sympy.Subs(inner, tuple(dummies.values()), tuple(dummies))


