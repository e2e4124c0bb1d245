"""A budget charges the check's own work only: what a process does once and keeps (a module
imported lazily, a part's buggy results) is not counted, so a verdict or a diagnosis does not
depend on what the process did before."""

from __future__ import annotations

import importlib
import sys

import pytest

from checkers._budget import Budget, uncounted

_BODY = """
def step(n):
    return n + 1

total = 0
for n in range({calls}):
    total = step(total)
"""

CALLS = 20_000


def _work() -> int:
    total = 0
    for _ in range(CALLS):
        total = _step(total)
    return total


def _step(n: int) -> int:
    return n + 1


@pytest.fixture
def fresh_module(tmp_path, monkeypatch):
    name = f"lazily_imported_{tmp_path.name.replace('-', '_')}"
    (tmp_path / f"{name}.py").write_text(_BODY.format(calls=CALLS))
    monkeypatch.syspath_prepend(str(tmp_path))
    yield name
    sys.modules.pop(name, None)


@pytest.mark.parametrize("how", ["import", "uncounted", "counted"])
def test_only_the_checks_own_work_is_charged(how, fresh_module, meter):
    with Budget(effort=10 * CALLS) as budget:
        if how == "import":
            assert importlib.import_module(fresh_module).total == CALLS
        elif how == "uncounted":
            assert uncounted(_work) == CALLS
        else:
            assert _work() == CALLS
    charged = budget.spent >= CALLS
    assert charged is (how == "counted"), budget.spent
    assert not budget.expired
