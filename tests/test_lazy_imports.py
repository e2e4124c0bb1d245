"""Lazy package exports and what each entry point imports.

Every name a package lists in ``__all__`` resolves (the lazy tables of ``derive``, ``checkers``,
``derive._render``, ``problems`` and ``problems._grading`` must not lose one), and reading and
checking an answer does not load the bank, the derivations, the grading pool, rich, the
renderers, the hints, the work checker, logging or sympy's matrix predicates; plain text does
not load the LaTeX reader, and a correct answer not the diagnosis (checked in a fresh interpreter).
"""

from __future__ import annotations

import importlib
import json
import subprocess
import sys

import pytest

PACKAGES = ("derive", "derive._render", "checkers", "problems", "problems._grading")

HEAVY = ("problems.bank", "problems._seeds", "problems._define", "problems._grading._api", "problems._grading._worker",
         "derive._dispatch", "derive._differentiate", "derive._diff_rules", "derive._matrix_calculus", "derive._kkt",
         "pebble", "rich", "asyncio", "multiprocessing",
         "derive._render._dict", "derive._render._html", "derive._render._latex", "derive._render._markdown",
         "derive._render._text", "problems._model", "problems._output", "problems._hints", "problems._reference_cache",
         "problems._work_command", "checkers._work", "checkers._latex", "checkers._diagnosis",
         "checkers._diagnosis._elements", "checkers._diagnosis._entries", "checkers._unknown_names",
         "checkers._decimals", "checkers._labels", "logging", "sympy.assumptions.handlers.matrices")

_POOL = ("problems._grading._api", "problems._grading._worker", "pebble", "asyncio", "multiprocessing")

# (what the fresh interpreter runs, the heavy modules it may load)
ENTRY_POINTS = [
    ("import checkers", ()),
    ("import problems", ()),
    ("import problems.cli", ()),
    ("import checkers; checkers.check('x^2', 'x*x'); checkers.check('2*x', 'x + x')", ()),
    ("import checkers; checkers.check('x^2', '2x')", ("checkers._diagnosis",)),
    ("import checkers; checkers.check('x^2', r'x \\cdot x')", ("checkers._latex",)),
    ("from click.testing import CliRunner; from problems.cli import main;"
     " CliRunner().invoke(main, ['check', '--expected', 'x^2', '2x'])", ()),
    ("from click.testing import CliRunner; from problems.cli import main; CliRunner().invoke(main, ['list'])",
     tuple(sorted(set(HEAVY) - set(_POOL)))),
]


def _exported(package: str) -> list[tuple[str, str]]:
    return [(package, name) for name in importlib.import_module(package).__all__]


@pytest.mark.parametrize(("package", "name"), [pair for package in PACKAGES for pair in _exported(package)])
def test_every_public_name_resolves(package: str, name: str) -> None:
    module = importlib.import_module(package)
    assert getattr(module, name) is not None
    assert name in dir(module)


@pytest.mark.parametrize("package", PACKAGES)
def test_an_unknown_name_is_an_attribute_error(package: str) -> None:
    with pytest.raises(AttributeError, match="no_such_name"):
        _ = importlib.import_module(package).no_such_name


def _loaded_heavy(code: str, heavy: tuple[str, ...] = HEAVY) -> list[str]:
    probe = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120)
    loaded = json.loads(done.stdout.strip().splitlines()[-1])
    return sorted({name for name in heavy for module in loaded if module == name or module.startswith(f"{name}.")})


@pytest.mark.parametrize(("code", "allowed"), ENTRY_POINTS)
def test_an_entry_point_loads_only_what_it_needs(code: str, allowed: tuple[str, ...]) -> None:
    assert set(_loaded_heavy(code)) <= set(allowed)


def test_the_probe_sees_a_heavy_import() -> None:
    assert "problems.bank" in _loaded_heavy("from problems import bank")


_CHILD_ONLY = ("checkers._check", "checkers._compare", "checkers._read", "checkers._plain", "checkers._numeric",
              "derive._steps", "derive._matrix_objects")


def test_the_command_line_leaves_the_check_to_its_child() -> None:
    """``check --expected`` reads and compares in its forked child, which ends without the
    interpreter's teardown: the parent loads neither the readers nor the engine."""
    code = ("from click.testing import CliRunner; from problems.cli import main;"
            " assert CliRunner().invoke(main, ['check', '--expected', 'x^2', '2x']).exit_code == 1")
    assert _loaded_heavy(code, _CHILD_ONLY) == []
    assert _loaded_heavy(code.replace("'2x'", "'2x', '--var', 'x:positive'"), _CHILD_ONLY) != []  # the probe can fail
