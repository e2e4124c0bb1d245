"""The examples in the grading modules' docstrings run as written."""

import doctest
import importlib
import pkgutil

import pytest

from problems import _grading


def _module_names():
    return ["problems._grading", "problems._grade_command"] + [
        info.name for info in pkgutil.walk_packages(_grading.__path__, prefix="problems._grading.")]


@pytest.mark.parametrize("name", _module_names())
def test_grading_doctests(name):
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0
