"""The results file: one JSON line per row, appended so that a killed run loses nothing.

Each line goes out in a single ``write`` on an ``O_APPEND`` descriptor (the kernel keeps
it even if the process is killed right after) and the file is fsynced at least every
second and on close. On resume a torn last line (a write cut short) is cut off, and the
rows already present are skipped.

>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "results.jsonl"
>>> with ResultsLog(path) as log:
...     log.append({"id": "s1", "row": 1, "status": "correct"})
>>> _ = path.open("a").write('{"id": "s2", "ro')          # a run killed mid-line
>>> sorted(ResultsLog.open_existing(path))
[1]
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import Any

from checkers import UsageError

__all__ = ["ResultsLog", "read_results"]


class ResultsLog:
    """Append result records to ``path`` (created empty unless ``open_existing`` kept it)."""

    def __init__(self, path: Path, *, keep: bool = False, fsync_every: float = 1.0) -> None:
        flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | (0 if keep else os.O_TRUNC)
        try:
            self._fd = os.open(path, flags, 0o644)
        except OSError as error:
            raise UsageError(f"cannot write {path}: {error.strerror}") from None
        self.path = path
        self._fsync_every = fsync_every
        self._synced = time.monotonic()
        self.written = 0

    @staticmethod
    def open_existing(path: Path) -> dict[int, Any]:
        """Rows already in ``path`` (row -> id), after cutting off a torn last line."""
        if not path.exists():
            return {}
        done: dict[int, Any] = {}
        good_end = 0
        with path.open("rb") as handle:
            for number, line in enumerate(handle, start=1):
                if not line.endswith(b"\n"):
                    break  # torn: the run was killed while writing it
                record = _record(line)
                if record is None:
                    raise UsageError(f"line {number} of {path} is not a derivecheck result; is this the right file?")
                done.setdefault(record["row"], record.get("id"))
                good_end += len(line)
        if good_end < path.stat().st_size:
            os.truncate(path, good_end)
        return done

    def append(self, record: dict[str, Any]) -> None:
        data = (json.dumps(record) + "\n").encode("utf-8")
        view = memoryview(data)
        while view:
            view = view[os.write(self._fd, view):]
        self.written += 1
        if time.monotonic() - self._synced >= self._fsync_every:
            self.sync()

    def sync(self) -> None:
        os.fsync(self._fd)
        self._synced = time.monotonic()

    def close(self) -> None:
        if self._fd >= 0:
            try:
                self.sync()
            finally:
                os.close(self._fd)
                self._fd = -1

    def __enter__(self) -> ResultsLog:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        self.close()


def read_results(path: Path) -> Iterator[dict[str, Any]]:
    """Every complete record of a results file, first occurrence of each row only."""
    seen: set[int] = set()
    with path.open("rb") as handle:
        for line in handle:
            record = _record(line) if line.endswith(b"\n") else None
            if record is not None and record["row"] not in seen:
                seen.add(record["row"])
                yield record


def _record(line: bytes) -> dict[str, Any] | None:
    try:
        record = json.loads(line)
    except ValueError:
        return None
    if not isinstance(record, dict) or not isinstance(record.get("row"), int) or "status" not in record:
        return None
    return record
