"""The ``derivecheck`` console script (``problems.cli.run``) and the one-shot check's fork.

``run`` leaves without the interpreter's final garbage collection; what it prints and the
status it exits with must be exactly what :func:`problems.cli.main` gives in-process. The
forked check freezes, in the child only, the objects it shares with the parent.
"""

from __future__ import annotations

import gc
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from problems._grading._isolated import run_isolated
from problems.cli import main

ROOT = Path(__file__).resolve().parents[2]

_COMMANDS = [
    # (arguments, exit status): each run by the console script in its own process and by main in-process
    (["check", "--expected", "x^2", "x x"], 0),
    (["check", "--expected", "x^2", "2x"], 1),
    (["check", "--expected", "x^2", "x^"], 3),
    (["check", "--expected"], 2),
    (["check", "no-such-problem.1", "x"], 2),
    (["derive", "ch2-solutions.11", "--format", "latex"], 0),
    (["show", "ch2-solutions.3"], 0),
    (["list"], 0),
]


@pytest.fixture(scope="module")
def console() -> list[subprocess.CompletedProcess[str]]:
    """Every row of the table, run by the console script's code at once (one process each)."""
    command = [sys.executable, "-c", "from problems.cli import run; run()"]
    processes = [subprocess.Popen([*command, *arguments], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                  text=True) for arguments, _ in _COMMANDS]
    done = []
    for process, (arguments, _) in zip(processes, _COMMANDS, strict=True):
        out, err = process.communicate(timeout=300)
        done.append(subprocess.CompletedProcess(arguments, process.returncode, out, err))
    return done


@pytest.mark.parametrize("row", range(len(_COMMANDS)), ids=[" ".join(arguments) for arguments, _ in _COMMANDS])
def test_the_console_script_prints_and_exits_as_main_does(console, row):
    arguments, status = _COMMANDS[row]
    in_process = CliRunner().invoke(main, arguments)
    assert (console[row].returncode, in_process.exit_code) == (status, status), console[row].stderr
    assert console[row].stdout == in_process.stdout
    assert console[row].stdout.strip() or console[row].stderr.strip()


def test_the_forked_check_freezes_the_parents_objects_in_the_child_only():
    before = gc.get_freeze_count()
    assert run_isolated(gc.get_freeze_count, 5.0) > before
    assert gc.get_freeze_count() == before
