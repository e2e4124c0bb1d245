"""The exercise bank: every checkable exercise of the five seeds, in a stable order.

>>> from problems import bank
>>> bank.get("ch2-solutions.3").source.exercise
'Solution 3'
>>> len(bank.all()) > 0
True
"""

from __future__ import annotations

import functools
import importlib

from checkers import UsageError

from ._model import Part, Problem

__all__ = ["all", "get", "find", "parts", "SEED_MODULES"]

SEED_MODULES = ("ch2_solutions", "mvc", "derivatives", "partials", "udl")  # seeds 000 .. 004


@functools.lru_cache(maxsize=1)
def _problems() -> tuple[Problem, ...]:
    found: list[Problem] = []
    for name in SEED_MODULES:  # a missing seed module is an error, never a smaller bank
        found.extend(importlib.import_module(f"problems._seeds.{name}").PROBLEMS)
    ids = [p.id for p in found]
    duplicates = {i for i in ids if ids.count(i) > 1}
    if duplicates:
        raise RuntimeError(f"duplicate problem ids: {sorted(duplicates)}")
    return tuple(found)


def all() -> tuple[Problem, ...]:
    """Every problem, in a stable order (seed by seed, as the seeds list them)."""
    return _problems()


def get(problem_id: str) -> Problem:
    """The problem with this id (``udl.6.2``); UsageError with suggestions if unknown."""
    for candidate in _problems():
        if candidate.id == problem_id:
            return candidate
    close = [p.id for p in _problems() if p.id.startswith(problem_id.rsplit(".", 1)[0])][:5]
    hint = f"; did you mean {', '.join(close)}?" if close else "; 'derivecheck list' shows them all"
    raise UsageError(f"no problem {problem_id!r}{hint}")


def find(target: str) -> tuple[Problem, Part | None]:
    """Resolve ``ID`` or ``ID.PART`` (the longest problem id that matches wins)."""
    known = {p.id: p for p in _problems()}
    if target in known:
        return known[target], None
    head, _, tail = target.rpartition(".")
    if head in known:
        return known[head], known[head].part(tail)
    return get(target), None


def parts() -> tuple[Part, ...]:
    """Every part of every problem, in bank order."""
    return tuple(p for problem in _problems() for p in problem.parts)
