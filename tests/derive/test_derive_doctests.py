"""Run the doctest examples of every derive module."""

import doctest
import importlib
import pkgutil

import pytest

import derive


def _module_names():
    names = ["derive"]
    for info in pkgutil.walk_packages(derive.__path__, prefix="derive."):
        names.append(info.name)
    return names


@pytest.mark.parametrize("name", _module_names())
def test_doctests(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0
