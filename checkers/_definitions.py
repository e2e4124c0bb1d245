r"""Names a problem's statement defines (``s = softmax(x)``, ``f[x, \phi] = \phi_0 + \phi_1 x``).

A definition gives a name a value. The readers read a defined name as itself, so "read as"
keeps the student's ``s`` or ``\hat y``; before values are compared every definition is
substituted, in the answer and in the reference alike, until none is left. A name whose
value is a vector or matrix is a matrix symbol of that shape; a defined function (Prince's
``f[x, \phi]``) is an unknown function whose value is a Lambda. A definition may use the
names defined before it.

>>> from sympy import MatrixSymbol, Symbol
>>> from ._vocabulary import Vocabulary
>>> x = MatrixSymbol("x", Symbol("n", integer=True, positive=True), 1)
>>> definitions = read_definitions([r"s = \operatorname{softmax}(x)"], Vocabulary.from_objects(x))
>>> [(str(name), name.shape) for name in definitions]
[('s', (n, 1))]
>>> expand_definitions(MatrixSymbol("s", x.shape[0], 1).T * x, definitions)
softmax(x).T*x
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

import sympy
from sympy import Basic, MatrixSymbol, Symbol
from sympy.core.function import AppliedUndef, UndefinedFunction

from ._errors import InvalidAnswer, UsageError
from ._limits import DEFAULT_LIMITS, Limits
from ._read import read_answer
from ._structures import is_matrix, scalar_if_1x1
from ._vocabulary import Vocabulary

__all__ = ["read_definitions", "expand_definitions", "split_definition"]

_ROUNDS = 12  # a chain of definitions deeper than this is refused as circular
_CALL = re.compile(r"^(?P<head>[^\[\]()]+?)\s*[\[(](?P<parameters>[^\[\]()]*)[\])]$")


def split_definition(text: str) -> tuple[str, str]:
    r"""The two sides of ``name = value`` (the first ``=`` outside brackets).

    >>> split_definition(r"f[x, \phi] = \phi_0 + \phi_1 x")
    ('f[x, \\phi]', '\\phi_0 + \\phi_1 x')
    """
    depth = 0
    for index, char in enumerate(text):
        depth += (char in "([{") - (char in ")]}")
        if char == "=" and depth == 0 and text[index - 1 : index] not in ("<", ">", "!"):
            left, right = text[:index].strip(), text[index + 1 :].strip()
            if left and right:
                return left, right
            break
    raise UsageError(f"cannot read the definition {text!r}: write NAME = VALUE, e.g. s = softmax(x)")


def read_definitions(texts: Iterable[str], vocabulary: Vocabulary, limits: Limits = DEFAULT_LIMITS) -> dict[Basic, Basic]:
    """Each defined name (a symbol, matrix symbol or unknown function) with its value, in
    order; a later definition may use the earlier names. Malformed text is a UsageError."""
    definitions: dict[Basic, Basic] = {}
    for text in texts:
        known = Vocabulary.from_objects(definitions=definitions).merged(vocabulary)  # a declared name keeps its meaning
        name, value = _read_one(text, known, limits)
        definitions[name] = value
        expand_definitions(value, definitions)  # a circular chain fails here, for the author
    return definitions


def _read_one(text: str, vocabulary: Vocabulary, limits: Limits) -> tuple[Basic, Basic]:
    left, right = split_definition(text)
    call = _CALL.match(left)
    try:
        if call is not None:
            parameters = [_parameter(p, limits) for p in call["parameters"].split(",") if p.strip()]
            local = vocabulary.merged(Vocabulary.from_objects(*parameters))
            function = sympy.Function(_name(call["head"], Vocabulary(), limits).name)
            return function, sympy.Lambda(tuple(parameters), _value(right, local, limits))
        value = _value(right, vocabulary, limits)
        return _named(_name(left, vocabulary, limits), value, text), value
    except InvalidAnswer as error:
        raise error.as_usage_error(f"the definition {text!r}") from None


def _name(text: str, vocabulary: Vocabulary, limits: Limits) -> Basic:
    """The symbol a written name stands for (a new real symbol when the vocabulary lacks it)."""
    members = read_answer(text.strip(), vocabulary.opened(), limits).members
    if len(members) != 1 or not isinstance(members[0], (Symbol, MatrixSymbol)):
        raise UsageError(f"{text!r} is not a name that can be defined")
    return members[0]


def _parameter(text: str, limits: Limits) -> Symbol:
    """A parameter of a defined function: a new real symbol, whatever the name means outside."""
    return Symbol(_name(text, Vocabulary(), limits).name, real=True)


def _value(text: str, vocabulary: Vocabulary, limits: Limits) -> Basic:
    """The value of a definition; a 1x1 matrix (``v^T h``, ``||r||^2``) is a scalar."""
    members = read_answer(text, vocabulary.opened(), limits).members
    if len(members) != 1:
        raise UsageError(f"the value {text!r} of a definition must be one expression")
    return scalar_if_1x1(members[0])


def _named(name: Basic, value: Basic, text: str) -> Basic:
    """The object the defined name is read as: a matrix symbol of the value's shape for a
    matrix value, a real symbol for a scalar (a declared variable keeps its own object)."""
    if is_matrix(value) and not isinstance(name, MatrixSymbol):
        return MatrixSymbol(name.name, *value.shape)
    if isinstance(name, MatrixSymbol) and (not is_matrix(value) or tuple(name.shape) != tuple(value.shape)):
        raise UsageError(f"in {text!r} the value does not have the shape of {name.name}")
    return name


def expand_definitions(obj: Basic, definitions: Mapping[Basic, Basic], *, derivatives: bool = True) -> Basic:
    """``obj`` with every defined name replaced by its value, until none is left.
    ``derivatives=False`` (for an answer) refuses the derivative of a defined function:
    ``f'(x)`` names what is to be worked out.

    >>> a, b, c = sympy.symbols("a b c")
    >>> expand_definitions(a + 1, {a: b**2, b: c + 1})
    (c + 1)**2 + 1
    """
    if not definitions or not isinstance(obj, Basic):
        return obj
    if not derivatives:
        _refuse_derivatives(obj, definitions)
    for _ in range(_ROUNDS):
        expanded = _substitute(obj, definitions)
        if expanded == obj:
            return obj
        obj = expanded
    raise UsageError("the definitions refer to each other in a circle")


def _substitute(obj: Basic, definitions: Mapping[Basic, Basic]) -> Basic:
    values = {name: value for name, value in definitions.items() if not isinstance(name, UndefinedFunction)}
    functions = {name: value for name, value in definitions.items() if isinstance(name, UndefinedFunction)}
    result = obj.xreplace(values) if values else obj
    if functions and result.has(*functions):
        result = result.replace(lambda e: isinstance(e, AppliedUndef) and e.func in functions,
                                lambda e: _applied(functions[e.func], e))
        result = result.replace(lambda e: isinstance(e, (sympy.Derivative, sympy.Subs)) and not _of_unknown(e),
                                lambda e: e.doit())
    return _explicit(result) if values and result != obj else result


def _explicit(obj: Basic) -> Basic:
    """A matrix expression of explicit matrices only (``rho g`` with g = (g_1, g_2)) as a matrix."""
    if isinstance(obj, sympy.MatrixExpr) and not isinstance(obj, sympy.MatrixBase) and not obj.atoms(MatrixSymbol):
        try:
            return sympy.ImmutableMatrix(obj.doit())
        except (TypeError, ValueError, AttributeError):
            return obj
    return obj


def _applied(function: sympy.Lambda, call: AppliedUndef) -> Basic:
    if len(call.args) != len(function.variables):
        count = len(function.variables)
        raise InvalidAnswer(f"'{call.func.__name__}' takes {count} argument{'s' * (count != 1)} here, not {len(call.args)}")
    return function(*call.args)


def _differentiated(derivative: Basic) -> Basic:
    """What a derivative (or a derivative at a point, ``Subs``) differentiates."""
    if isinstance(derivative, sympy.Subs):
        derivative = derivative.expr
    return derivative.expr if isinstance(derivative, sympy.Derivative) else derivative


def _of_unknown(derivative: Basic) -> bool:
    """True for the derivative of a function that is still unknown (a'(u) stays as written)."""
    return isinstance(_differentiated(derivative), AppliedUndef)


def _refuse_derivatives(obj: Basic, definitions: Mapping[Basic, Basic]) -> None:
    for derivative in obj.atoms(sympy.Derivative, sympy.Subs):
        inner = _differentiated(derivative)
        if isinstance(inner, AppliedUndef) and inner.func in definitions:
            name = inner.func.__name__
            raise InvalidAnswer(f"{name}' is the derivative of a function the problem defines: work it out rather than name it")
