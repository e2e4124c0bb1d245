"""Budgets count a thread's work the same way with every meter this interpreter has
(``sys.monitoring`` on Python 3.12+, ``sys.settrace`` everywhere): they stop only in
sympy / derivecheck code, each nested budget stops only its own block, other threads are
not charged, and another tool's tracer keeps working."""

from __future__ import annotations

import importlib
import sys
import threading

import pytest
import sympy

from checkers import _metering
from checkers._budget import Budget

x = sympy.Symbol("x")
METERS = _metering.meters()


def _step(n: int) -> int:
    return n + 1


def _calls(count: int) -> int:
    total = 0
    for _ in range(count):
        total = _step(total)
    return total


def _sympy_forever() -> None:
    while True:
        sympy.expand((x + 1) ** 20)


def _nested(inner_effort: int) -> tuple[Budget, Budget, bool]:
    """An inner budget that runs out inside an outer one, then work after it in the outer block."""
    with Budget(effort=10_000_000) as outer:
        with Budget(effort=inner_effort) as inner:
            _sympy_forever()
        after = _calls(100) == 100
    return outer, inner, after


@pytest.mark.parametrize("effort", [0, 1_000, 20_000])
def test_a_spent_budget_stops_at_the_next_sympy_call(meter, effort):
    with Budget(effort=effort) as budget:
        _sympy_forever()
    assert (budget.expired, budget.reason) == (True, "effort")
    assert effort < budget.spent < effort + 2_000


def test_a_budget_never_stops_code_outside_sympy_and_derivecheck(meter):
    with Budget(effort=100) as budget:
        assert _calls(5_000) == 5_000  # this test module: not interruptible
        stopped_here = budget.reason
        sympy.Symbol("y") + 1
    assert (stopped_here, budget.expired) == ("effort", True)


@pytest.mark.parametrize("inner_effort", [0, 5_000])
def test_a_nested_budget_stops_only_its_own_block(meter, inner_effort):
    outer, inner, after = _nested(inner_effort)
    assert inner.expired and not outer.expired and after
    assert outer.spent >= inner.spent + 100


@pytest.mark.parametrize("calls", [1_000, 10_000])
def test_a_budget_counts_only_its_own_thread(meter, calls):
    started, stop = threading.Event(), threading.Event()

    def busy() -> None:
        started.set()
        while not stop.is_set():
            _calls(1_000)

    other = threading.Thread(target=busy)
    other.start()
    started.wait()
    try:
        with Budget(effort=10**9) as budget:
            _calls(calls)
    finally:
        stop.set()
        other.join()
    assert calls <= budget.spent < calls + 50


def test_an_error_in_the_block_leaves_no_counting_behind(meter):
    with pytest.raises(ZeroDivisionError), Budget(effort=10**6):
        _calls(10)
        _ = 1 / 0
    with Budget(effort=10**6) as after:
        _calls(10)
    assert 10 <= after.spent < 60
    assert sys.gettrace() is None or meter.name != "sys.settrace"


def _mixed_work(count: int) -> None:
    """Calls, a generator's resumptions and sympy (whose cache is warm after the first run)."""
    _calls(count)
    list(_values(count))
    sympy.expand((x + 2) ** 6)


@pytest.mark.parametrize("count", [10, 3_000])
def test_every_meter_counts_the_same_calls(count):
    _mixed_work(count)
    spent = []
    for meter in METERS:
        previous = _metering.select(meter)
        try:
            with Budget(effort=10**9) as budget:
                _mixed_work(count)
        finally:
            _metering.select(previous)
        spent.append(budget.spent)
    assert len(set(spent)) == 1, dict(zip([meter.name for meter in METERS], spent))


def _values(count: int):
    yield from range(count)


def test_the_trace_meter_passes_events_to_the_tracer_set_before():
    seen: list[str] = []

    def recorder(frame, event, arg):
        if event == "call":
            seen.append(frame.f_code.co_name)

    previous = _metering.select(_metering.TraceMeter())
    sys.settrace(recorder)
    try:
        with Budget(effort=10**6):
            _calls(3)
        restored = sys.gettrace()
    finally:
        sys.settrace(None)
        _metering.select(previous)
    assert seen.count("_step") == 3 and restored is recorder


@pytest.mark.skipif(sys.version_info < (3, 12), reason="sys.monitoring is Python 3.12+")
def test_the_monitoring_meter_turns_its_events_off_after_the_last_budget():
    meter = _metering.meters()[0]
    previous = _metering.select(meter)
    try:
        with Budget(effort=10**6):
            during = sys.monitoring.get_events(meter._tool)
        after = sys.monitoring.get_events(meter._tool)
    finally:
        _metering.select(previous)
    assert (bool(during), after) == (True, 0)


@pytest.mark.parametrize("ending", ["", "raise RuntimeError('the module fails')"])
def test_an_import_is_not_counted_and_counting_goes_on_after_it(meter, ending, tmp_path, monkeypatch):
    name = f"imported_{tmp_path.name.replace('-', '_')}"
    (tmp_path / f"{name}.py").write_text(f"def step(n):\n    return n + 1\n\nfor n in range(5_000):\n    step(n)\n{ending}\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    with Budget(effort=10**9) as budget:
        try:
            importlib.import_module(name)
        except RuntimeError:
            pass
        during = budget.spent
        _calls(1_000)
    sys.modules.pop(name, None)
    assert during < 1_000 and budget.spent >= during + 1_000
