"""Lazy package exports: a public name's module is imported the first time the name is used.

A package lists ``{submodule: "its public names"}`` (a name with a dot, ``derive._functions``,
is a module of another package whose names are re-exported) and sets
``__getattr__, __dir__ = lazy_exports(__name__, table)``;
``from package import name`` then imports only the submodule that defines ``name``, so a
command that needs the reader does not pay for the derivations, the bank or the grader.

>>> import derive
>>> derive.Label.__module__
'derive._labels'
>>> "differentiate" in dir(derive)
True
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping

__all__ = ["lazy_exports"]


def lazy_exports(package: str, names_by_module: Mapping[str, str]) -> tuple[Callable[[str], object], Callable[[], list[str]]]:
    """A module ``__getattr__`` that imports the submodule defining a name on its first use, and a ``__dir__``.

    ``names_by_module`` maps each submodule (``"_steps"``), or a module named in full
    (``"derive._functions"``), to its exported names, space-separated; a public submodule
    lists its own name (``"bank": "bank"``).

    >>> getattr_, dir_ = lazy_exports("derive", {"_steps": "Derivation Step"})
    >>> getattr_("Step").__name__, dir_()[-1]
    ('Step', 'Step')
    >>> lazy_exports("derive", {"derive._functions": "sigmoid"})[0]("sigmoid").__module__
    'derive._functions'
    """

    exports = {name: module for module, names in names_by_module.items() for name in names.split()}

    def load(name: str) -> object:
        module_name = exports.get(name)
        if module_name is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        module = importlib.import_module(module_name if "." in module_name else f"{package}.{module_name}")
        value = module if module_name == name else getattr(module, name)
        setattr(sys.modules[package], name, value)
        return value

    def names() -> list[str]:
        return sorted(set(vars(sys.modules[package])) - set(exports)) + list(exports)

    return load, names
