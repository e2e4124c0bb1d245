"""The reference cache: a bank part's :class:`CheckContext` (its reference answer, names,
assumptions, definitions, policy) and its buggy results (for the diagnosis), so that
``derivecheck check ID.PART`` neither loads the bank
nor derives the reference once the part has been checked before.

Where: ``$DERIVECHECK_CACHE_DIR``, else ``$XDG_CACHE_HOME/derivecheck``, else
``~/.cache/derivecheck``; ``DERIVECHECK_CACHE=off`` turns the cache off. One JSON file a part
under ``references/`` and one under ``mistakes/``, named by the id as typed. Each file carries a key: the package version,
sympy's version, the format and a fingerprint of every source file of ``derive``, ``checkers``
and ``problems`` (path, size, modification time: an edit of a seed, a rule or the reader makes
every entry stale). Files are written to a temporary name and renamed (atomic: a concurrent run
reads the old file or the new one, never half of one); a file that is stale, unreadable or
corrupt is recomputed and replaced. An entry is written only if it reads back equal to what
derive computed. The sympy objects are stored as text (:mod:`._sympy_text`: ``srepr`` read back
by an allowlisted constructor walk, never ``eval`` or pickle), so a tampered file can build
sympy objects but never run code.

>>> import tempfile, os
>>> os.environ["DERIVECHECK_CACHE_DIR"] = tempfile.mkdtemp()
>>> first = part_context("ch2-solutions.2")
>>> (cache_dir() / "references" / "ch2-solutions.2.json").exists(), part_context("ch2-solutions.2") == first
(True, True)
>>> del os.environ["DERIVECHECK_CACHE_DIR"]
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import re
import sys
import tempfile
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any, TypeVar

import sympy

import derive

from ._model import CheckContext, Part, Policy
from ._sympy_text import dumps, loads

T = TypeVar("T")

__all__ = ["part_context", "part_mistakes", "cache_dir", "cache_key", "read_entry", "write_entry", "CACHE_SWITCH", "CACHE_DIR"]

CACHE_SWITCH = "DERIVECHECK_CACHE"
"""Set to ``off`` (or ``0``, ``no``, ``false``) to compute every reference afresh."""
CACHE_DIR = "DERIVECHECK_CACHE_DIR"
"""Where the cache lives, instead of the user's cache directory."""
_FORMAT = 2
_PACKAGES = ("derive", "checkers", "problems")
_SAFE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,150}")


def cache_dir() -> Path | None:
    """The cache directory, or None when the cache is off."""
    if os.environ.get(CACHE_SWITCH, "").strip().lower() in {"off", "0", "no", "false"}:
        return None
    if os.environ.get(CACHE_DIR):
        return Path(os.environ[CACHE_DIR])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "derivecheck"


def part_context(target: str) -> CheckContext:
    """The context of ``ID.PART`` (or ``ID`` of a one-part problem): from the cache when it holds a
    current entry, else from the bank and derive (then stored, with the part's buggy results).
    Unknown ids raise the bank's UsageError."""
    path = _entry_path(target)
    if path is not None:
        cached = read_entry(path, target)
        if cached is not None:
            return cached
    part = _bank_part(target)
    if path is not None:
        write_entry(path, target, part.context)
        if part.kind == "expression":
            part_mistakes(target)
    return part.context


def part_mistakes(target: str) -> tuple[derive.BuggyResult, ...]:
    """The part's buggy results (for the diagnosis of an incorrect answer): from the cache, else
    computed by derive from the bank's derivation and stored (``part_context`` stores them on a miss).

    >>> import tempfile, os
    >>> os.environ["DERIVECHECK_CACHE_DIR"] = tempfile.mkdtemp()
    >>> first = part_mistakes("ch2-solutions.2")
    >>> bool(first) and part_mistakes("ch2-solutions.2") == first
    True
    >>> del os.environ["DERIVECHECK_CACHE_DIR"]
    """
    path = _entry_path(target, "mistakes")
    if path is not None:
        cached = _read(path, target, _mistakes_from)
        if cached is not None:
            return cached
    mistakes = _bank_part(target).mistakes
    if path is not None:
        _write(path, target, {"mistakes": [_mistake_data(m) for m in mistakes]}, _mistakes_from, mistakes)
    return mistakes


def read_entry(path: Path, target: str) -> CheckContext | None:
    """The context stored at ``path`` for ``target``, or None if it is missing, stale or unreadable."""
    return _read(path, target, _context_from)


def write_entry(path: Path, target: str, context: CheckContext) -> bool:
    """Store ``context`` atomically; False (and nothing written) if it would not read back equal,
    or the directory cannot be written."""
    return _write(path, target, _data_of(context), _context_from, context)


def _read(path: Path, target: str, build: Callable[[dict[str, Any]], T]) -> T | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("key") != cache_key() or data.get("target") != target:
            return None
        return build(data)
    except (OSError, ValueError, TypeError, KeyError, AttributeError, RecursionError):
        return None


def _write(path: Path, target: str, payload: dict[str, Any], build: Callable[[dict[str, Any]], T], value: T) -> bool:
    data = {"key": cache_key(), "target": target, **payload}
    try:
        if build(json.loads(json.dumps(data))) != value:
            return False
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as file:
                json.dump(data, file)
            os.replace(temporary, path)
        finally:
            if os.path.exists(temporary):
                os.unlink(temporary)
    except (OSError, ValueError, TypeError, KeyError, AttributeError, RecursionError):
        return False
    return True


def _bank_part(target: str) -> Part:
    from . import bank  # only on a miss: the bank and the derivations

    problem, part = bank.find(target)
    return part or problem.part()


@functools.cache
def cache_key() -> str:
    """What an entry must have been written under: format, versions, and the sources' fingerprint.

    >>> cache_key() == cache_key() and cache_key().startswith(f"{_FORMAT}/")
    True
    """
    fingerprint = []
    installed = Path(__file__).resolve().parent.parent  # the three packages are installed side by side
    for package in _PACKAGES:
        for file in sorted((installed / package).rglob("*.py")):
            stat = file.stat()
            fingerprint.append(f"{file.relative_to(installed)}:{stat.st_size}:{stat.st_mtime_ns}")
    digest = hashlib.sha256("\n".join(fingerprint).encode()).hexdigest()[:32]
    return f"{_FORMAT}/{_installed_version()}/sympy-{sympy.__version__}/{digest}"


def _installed_version() -> str:
    """derivecheck's version from its dist-info directory's name (importlib.metadata costs a tenth of a second)."""
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        for name in names:
            if name.startswith("derivecheck-") and name.endswith(".dist-info"):
                return name[len("derivecheck-"):-len(".dist-info")]
    return "unknown"


def _entry_path(target: str, what: str = "references") -> Path | None:
    directory = cache_dir()
    if directory is None or not _SAFE_NAME.fullmatch(target) or ".." in target:
        return None
    return directory / what / f"{target}.json"


def _data_of(context: CheckContext) -> dict[str, Any]:
    return {"qualified_id": context.qualified_id, "kind": context.kind, "answer": dumps(context.answer),
            "vocabulary": [dumps(v) for v in context.vocabulary], "assumptions": [dumps(a) for a in context.assumptions],
            "definitions": [[dumps(name), dumps(value)] for name, value in context.definitions],
            "policy": asdict(context.policy), "bracketed": list(context.bracketed)}


def _context_from(data: dict[str, Any]) -> CheckContext:
    policy = dict(data["policy"])
    policy["up_to_constant_in"] = tuple(policy["up_to_constant_in"])
    return CheckContext(str(data["qualified_id"]), str(data["kind"]), loads(data["answer"]),
                        tuple(loads(v) for v in data["vocabulary"]), tuple(loads(a) for a in data["assumptions"]),
                        tuple((loads(name), loads(value)) for name, value in data["definitions"]), Policy(**policy),
                        tuple(str(name) for name in data["bracketed"]))


def _mistake_data(mistake: derive.BuggyResult) -> dict[str, Any]:
    concerns = None if mistake.concerns is None else dumps(mistake.concerns)
    return {"kind": mistake.kind.value, "expression": dumps(mistake.expression), "rule": mistake.rule,
            "message": mistake.message, "concerns": concerns}


def _mistakes_from(data: dict[str, Any]) -> tuple[derive.BuggyResult, ...]:
    return tuple(derive.BuggyResult(derive.Mistake(m["kind"]), loads(m["expression"]), str(m["rule"]), str(m["message"]),
                                    None if m["concerns"] is None else loads(m["concerns"])) for m in data["mistakes"])
