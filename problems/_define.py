"""The small vocabulary seed modules use to define exercises.

A seed module lists problems; each part names a *recipe*, and the recipe calls ``derive``
when the reference is first needed. Expressions are written as text (plain or LaTeX) and
read with derivecheck's own safe reader against the problem's declared variables::

    SEED = Seed("000_746bba72c1f495df.txt", prefix="ch2-solutions")

    PROBLEMS = [
        problem(SEED, "2", exercise="Solution 2", title="Chain rule through three layers",
                statement=r"Differentiate $g(x) = e^{\\sin(x^2)}$.",
                variables=["x"],
                parts=[part("deriv", r"Compute $g'(x)$.", derivative("exp(sin(x^2))", "x"))]),
    ]

>>> recipe = derivative("x^2", "x")
>>> recipe.build(read_variables(["x"])).result
2*x
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import sympy
from sympy import Basic
from sympy.core.function import UndefinedFunction

import checkers
import derive
from checkers._declarations import describe_domain, domain_fact, read_declarations

from ._model import ANSWER_KINDS, Part, Policy, Problem, Source

__all__ = [
    "Seed", "Variables", "read_variables", "problem", "part", "Recipe",
    "derivative", "partial", "gradient", "hessian", "jacobian", "directional", "steepest", "implicit",
    "graph", "critical", "classify_critical", "convexity", "extrema", "mean_value", "kkt", "matrix",
    "evaluate", "stated",
]


@dataclass(frozen=True)
class Seed:
    """A seed document and the id prefix of its problems."""

    file: str
    prefix: str


@dataclass(frozen=True)
class Variables:
    """A problem's declared variables: sympy objects, matrix facts and the reading vocabulary."""

    objects: tuple[Basic, ...]
    assumptions: tuple[Basic, ...]
    vocabulary: checkers.Vocabulary

    def read(self, text: str | Basic) -> Basic:
        """An author's expression, read safely against these variables."""
        if isinstance(text, (Basic, int)):
            return sympy.Integer(text) if isinstance(text, int) else text
        members = checkers.read_answer(text, self.vocabulary).members
        return sympy.Eq(*members) if len(members) == 2 else members[-1]

    def symbols(self, names: str | Sequence[str]) -> list[Basic]:
        """The declared objects named by ``"x,y"`` or a list of names."""
        names = names.split(",") if isinstance(names, str) else names
        return [self.read(name.strip()) for name in names if name.strip()]


def read_variables(declarations: Sequence[str]) -> Variables:
    """Variables from declarations like ``x``, ``n:integer``, ``A:matrix(m,n)``."""
    objects, facts = read_declarations(declarations)
    vocabulary = checkers.Vocabulary.from_objects(*objects, assumptions=facts).opened()
    return Variables(tuple(objects), tuple(facts), vocabulary)


@dataclass(frozen=True)
class Recipe:
    """How to build a reference: ``derive`` entry ``what`` on ``expr`` with ``wrt`` and options."""

    what: str
    expr: Any
    wrt: str | Sequence[str] = ()
    options: dict = field(default_factory=dict)
    kind: str = "expression"
    pick: Callable[[derive.Derivation], Basic | derive.Derivation] | None = None

    def build(self, variables: Variables) -> derive.Derivation:
        """Run the derivation (and pick the graded part of it, when the recipe says so: a value,
        or a derivation that continues this one with more steps)."""
        derivation = self._derive(variables)
        if self.pick is None:
            return derivation
        picked = self.pick(derivation)
        if isinstance(picked, derive.Derivation):
            return picked
        return derive.Derivation(picked, derivation.steps, derivation.title, derivation.statement)

    def _derive(self, variables: Variables) -> derive.Derivation:
        if self.what == "evaluate":
            return _evaluation(variables, **self.options)
        expr = _read_any(variables, self.expr)
        options = {key: _read_any(variables, value) for key, value in self.options.items()}
        return derive.derive_by_name(self.what, expr, variables.symbols(self.wrt), **options)


def _read_any(variables: Variables, value: Any) -> Any:
    if isinstance(value, str):
        return variables.read(value)
    if isinstance(value, (list, tuple)):
        return type(value)(_read_any(variables, v) for v in value)
    return value


def _evaluation(variables: Variables, *, expr: str, note: str, simplify: bool = True) -> derive.Derivation:
    written = variables.read(expr)
    if not simplify:
        return derive.Derivation(written, (derive.Step("definition", written, written, note=note),), title=note)
    value = sympy.simplify(written)
    if value.is_number:
        value = sympy.nsimplify(sympy.simplify(value.rewrite(sympy.exp)))
    return derive.Derivation(value, (derive.Step("evaluate", written, value, note=note),), title=note)


# -- recipes ---------------------------------------------------------------------------------

def derivative(expr: str, wrt: str, **options: Any) -> Recipe:
    """d expr / d wrt."""
    return Recipe("derivative", expr, wrt, options)


def partial(expr: str, wrt: str) -> Recipe:
    """The partial derivative of expr in one variable."""
    return Recipe("partial", expr, wrt)


def gradient(expr: str, wrt: str, *, point: Sequence[str] | None = None) -> Recipe:
    """The gradient (optionally at a point): a column vector."""
    return Recipe("gradient", expr, wrt, {"point": point} if point else {}, kind="vector")


def hessian(expr: str, wrt: str, *, point: Sequence[str] | None = None) -> Recipe:
    """The Hessian matrix (optionally at a point)."""
    return Recipe("hessian", expr, wrt, {"point": point} if point else {}, kind="matrix")


def jacobian(components: Sequence[str], wrt: str, *, point: Sequence[str] | None = None) -> Recipe:
    """The Jacobian of a vector of components."""
    return Recipe("jacobian", list(components), wrt, {"point": point} if point else {}, kind="matrix")


def directional(expr: str, wrt: str, *, direction: Sequence[str], point: Sequence[str] | None = None) -> Recipe:
    """The directional derivative along ``direction`` (as given, not normalised)."""
    options = {"direction": list(direction)} | ({"point": list(point)} if point else {})
    return Recipe("directional", expr, wrt, options, kind="number")


def steepest(expr: str, wrt: str, *, point: Sequence[str], pick: Callable | None = None, kind: str = "vector") -> Recipe:
    """Steepest ascent / zero directions at a point (``pick`` selects one result)."""
    return Recipe("steepest", expr, wrt, {"point": list(point)}, kind=kind, pick=pick)


def implicit(equation: str, wrt: str, *, point: Sequence[str] | None = None) -> Recipe:
    """dy/dx from F(x, y) = 0, with ``wrt = "x,y"``."""
    return Recipe("implicit", equation, wrt, {"point": list(point)} if point else {})


def graph(expr: str, wrt: str, *, point: Sequence[str], pick: Callable | None = None, kind: str = "vector") -> Recipe:
    """The computational graph's backward pass at a point (the gradient, unless ``pick``)."""
    return Recipe("graph", expr, wrt, {"point": list(point)}, kind=kind, pick=pick)


def critical(expr: str, wrt: str) -> Recipe:
    """The set of critical points."""
    return Recipe("critical", expr, wrt, kind="set")


def classify_critical(expr: str, wrt: str, *, at: str) -> Recipe:
    """The classification (local minimum / maximum / saddle / inconclusive) of one critical point."""
    def pick(derivation: derive.Derivation) -> Basic:
        for step in derivation.walk():
            if step.rule == "classify critical point" and _same_point(step.before, at):
                return step.after
        raise derive.DerivationError(f"no critical point at {at}")
    return Recipe("critical", expr, wrt, kind="classification", pick=pick)


def _same_point(before: Basic, at: str) -> bool:
    text = sympy.sstr(before.rhs if isinstance(before, sympy.Eq) else before)
    return text.replace(" ", "") == at.replace(" ", "")


def convexity(expr: str, wrt: str) -> Recipe:
    """convex / concave / neither."""
    return Recipe("convexity", expr, wrt, kind="classification")


def extrema(expr: str, wrt: str, *, interval: Sequence[str], pick: Callable | None = None, kind: str = "tuple") -> Recipe:
    """Global extrema on a closed interval."""
    return Recipe("extrema", expr, wrt, {"interval": tuple(interval)}, kind=kind, pick=pick)


def mean_value(expr: str, wrt: str, *, interval: Sequence[str]) -> Recipe:
    """The mean-value-theorem points in an interval."""
    return Recipe("mvt", expr, wrt, {"interval": tuple(interval)}, kind="set")


def kkt(objective: str, wrt: str, *, inequalities: Sequence[str] = (), equalities: Sequence[str] = (),
        pick: Callable | None = None, kind: str = "tuple") -> Recipe:
    """The KKT solution of a small problem (minimise objective subject to g <= 0, h = 0)."""
    return Recipe(
        "kkt", objective, wrt, {"inequalities": list(inequalities), "equalities": list(equalities)}, kind=kind, pick=pick
    )


def matrix(name: str, *, kind: str = "matrix-expression") -> Recipe:
    """A named matrix-calculus derivation from ``derive.MATRIX_EXAMPLES``."""
    return Recipe("matrix_example", name, (), kind=kind)


def evaluate(expr: str, *, note: str, kind: str = "number") -> Recipe:
    """A value computed from a formula (counts, closed forms), shown as one evaluation step."""
    return Recipe("evaluate", None, (), {"expr": expr, "note": note}, kind=kind)


def stated(expr: str, *, note: str, kind: str = "expression") -> Recipe:
    """A reference that is a definition (nothing to derive), kept exactly as written."""
    return Recipe("evaluate", None, (), {"expr": expr, "note": note, "simplify": False}, kind=kind)


# -- problems and parts -------------------------------------------------------------------------

@dataclass(frozen=True)
class _PartSpec:
    id: str
    prompt: str
    recipe: Recipe
    kind: str | None
    policy: Policy
    hint: str
    label: str | None
    defines: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()


def part(part_id: str, prompt: str, recipe: Recipe, *, kind: str | None = None, hint: str = "",
         up_to_constant_in: Sequence[str] = (), rtol: float = 1e-12, label: str | None = None,
         defines: Sequence[str] = (), domains: Sequence[str] = (), exact: bool = False) -> _PartSpec:
    """One part: its id, the question, and the recipe of its reference. ``defines`` lists the
    names only this part's prompt defines (``"u = v^T h"``), after the problem's own;
    ``domains`` the domains only this part states (``"x:interval(0,pi/2)"``: the problem's x,
    sampled inside the interval); ``exact`` asks for an exact form where a decimal would
    otherwise be accepted."""
    description = f"up to an additive constant free of {', '.join(up_to_constant_in)}" if up_to_constant_in else ""
    if rtol != 1e-12:
        description = "; ".join(filter(None, [description, f"to a relative tolerance of {rtol:g}"]))
    policy = Policy(tuple(up_to_constant_in), rtol, description, exact)
    return _PartSpec(part_id, prompt, recipe, kind, policy, hint, label, tuple(defines), tuple(domains))


def problem(seed: Seed, number: str, *, exercise: str, title: str, statement: str, parts: Sequence[_PartSpec],
            variables: Sequence[str] = (), defines: Sequence[str] = (), notes: str = "") -> Problem:
    r"""A problem of ``seed`` with id ``<prefix>.<number>``. ``defines`` lists the names its
    statement defines, each as ``NAME = VALUE`` read with the variables (``"s = softmax(x)"``,
    ``r"f[x, \phi] = \phi_0 + \phi_1 x"``); an answer may use them."""
    problem_id = f"{seed.prefix}.{number}"
    declared = read_variables(variables)
    notation = _notation(declared, " ".join([statement, *(f"${d}$" for d in defines), *(spec.prompt for spec in parts)]))
    built = tuple(_build_part(problem_id, seed, exercise, spec, declared, tuple(defines), notation) for spec in parts)
    domains = tuple(describe_domain(fact) for fact in declared.assumptions if isinstance(fact, sympy.Contains))
    return Problem(problem_id, title, statement, Source(seed.file, exercise), built, declared.objects, notes,
                   tuple(defines), domains)


def _notation(declared: Variables, written: str) -> derive.Notation:
    """How the problem's own text writes its unknown functions (Prince's a[z], a'[z])."""
    functions = [obj.__name__ for obj in declared.objects if isinstance(obj, UndefinedFunction)]
    return derive.Notation.written_in(written, functions)


def _build_part(problem_id: str, seed: Seed, exercise: str, spec: _PartSpec, declared: Variables,
                defines: tuple[str, ...], notation: derive.Notation) -> Part:
    kind = spec.kind or spec.recipe.kind
    if kind not in ANSWER_KINDS:
        raise ValueError(f"{problem_id}.{spec.id}: unknown answer kind {kind!r}")
    recipe = spec.recipe
    definitions = checkers.read_definitions((*defines, *spec.defines), declared.vocabulary)
    domains = tuple(_domain(text, declared) for text in spec.domains)
    return Part(
        id=spec.id, prompt=spec.prompt, kind=kind, recipe=lambda: replace(recipe.build(declared), notation=notation),
        source=Source(seed.file, exercise, spec.label or spec.id), policy=spec.policy, hint=spec.hint,
        problem_id=problem_id, vocabulary=declared.objects, assumptions=declared.assumptions + domains,
        definitions=definitions, defines=spec.defines, domains=tuple(describe_domain(fact) for fact in domains),
    )


def _domain(text: str, declared: Variables) -> Basic:
    """The fact ``x:interval(a,b)`` states about the problem's variable x."""
    name, _, kind = text.partition(":")
    symbol = declared.vocabulary.lookup(name.strip())
    if not isinstance(symbol, sympy.Symbol):
        raise ValueError(f"the domain {text!r} names no variable of the problem")
    return domain_fact(symbol, kind)
