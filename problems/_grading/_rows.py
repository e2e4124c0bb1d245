"""Submission rows: read JSONL or CSV files and turn each row into a Task or a RowError.

A row is ``{"id", "problem", "part", "answer"}`` (``problem`` may also be ``"udl.6.2.a"``
with no ``part``) or ``{"id", "expected", "answer"}`` with optional ``"symbols"``; a row may
carry ``"work"`` (a derivation, one step a row) instead of ``"answer"``. Anything
else becomes a :class:`RowError` with a clear message; reading never raises for a bad row.

>>> task_from_mapping({"id": "s1", "expected": "x^2", "answer": "2x"}, row=1)
Task(row=1, id='s1', answer='2x', problem=None, expected='x^2', symbols=(), work=False)
>>> task_from_mapping({"id": "s3", "expected": "2x", "work": "\\frac{d}{dx} x^2 = 2x"}, row=3).work
True
>>> task_from_mapping({"id": "s2", "answer": "2x"}, row=2).message
'the row has neither "problem" nor "expected"'
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, TextIO

from checkers import DerivecheckError, UsageError
from checkers._declarations import read_declarations

from .. import bank

__all__ = ["Task", "RowError", "Item", "task_from_mapping", "read_submissions", "detect_format", "MAX_TEXT", "MAX_LINE"]

MAX_TEXT = 100_000          # characters in an answer or expected field (the checker reads at most 10,000)
MAX_LINE = 2_000_000        # bytes in one JSONL line or CSV record
MAX_NAME = 200              # characters in an id, problem or part
MAX_SYMBOLS = 50            # declarations in "symbols"
JsonId = str | int | None


@dataclass(frozen=True)
class Task:
    """One gradable row: a bank part (``problem`` is its qualified id) or an explicit ``expected``."""

    row: int
    id: JsonId
    answer: str
    problem: str | None = None
    expected: str | None = None
    symbols: tuple[str, ...] = ()
    work: bool = False  # the answer is a derivation, checked row by row

    @property
    def key(self) -> tuple[object, ...]:
        """What decides the verdict: equal keys get equal verdicts."""
        return (self.problem, self.expected, self.symbols, self.answer, self.work)


@dataclass(frozen=True)
class RowError:
    """A row that cannot be graded; ``kind`` is a short tag, ``message`` says why."""

    row: int
    id: JsonId
    kind: str
    message: str
    problem: str | None = None


Item = Task | RowError


def task_from_mapping(data: Mapping[str, object], row: int) -> Item:
    """Validate one decoded row; every problem is reported as a RowError, never raised."""
    raw_id = data.get("id")
    row_id: JsonId = raw_id if _is_id(raw_id) else None
    try:
        return _task(data, row, row_id)
    except _Bad as bad:
        return RowError(row, row_id, bad.kind, bad.message, bad.problem)


class _Bad(Exception):
    def __init__(self, kind: str, message: str, problem: str | None = None) -> None:
        super().__init__(message)
        self.kind, self.message, self.problem = kind, message, problem


def _is_id(value: object) -> bool:
    return (isinstance(value, str) and 0 < len(value) <= MAX_NAME) or (isinstance(value, int) and not isinstance(value, bool))


def _task(data: Mapping[str, object], row: int, row_id: JsonId) -> Task:
    if "id" not in data or data["id"] is None or data["id"] == "":
        raise _Bad("missing-field", 'the row has no "id"')
    if row_id is None:
        raise _Bad(
            "wrong-type", f'"id" must be a string of at most {MAX_NAME} characters or an integer, not {_describe(data["id"])}'
        )
    answer, work = _answer(data)
    has_problem, has_expected = data.get("problem") not in (None, ""), data.get("expected") not in (None, "")
    if has_problem and has_expected:
        raise _Bad("conflicting-fields", 'give "problem" or "expected", not both')
    if has_expected:
        expected = _text(data["expected"], "expected")
        symbols = _symbols(data.get("symbols"))
        return Task(row, row_id, answer, expected=expected, symbols=symbols, work=work)
    if not has_problem:
        raise _Bad("missing-field", 'the row has neither "problem" nor "expected"')
    if data.get("symbols") not in (None, "", []):
        raise _Bad("conflicting-fields", '"symbols" goes with "expected"; a bank problem declares its own')
    return Task(row, row_id, answer, problem=_part_id(data.get("problem"), data.get("part")), work=work)


def _answer(data: Mapping[str, object]) -> tuple[str, bool]:
    """The row's answer text, and whether it is a derivation (``"work"``) rather than an answer."""
    has_answer, has_work = data.get("answer") is not None, data.get("work") is not None
    if has_answer and has_work:
        raise _Bad("conflicting-fields", 'give "answer" or "work", not both')
    if not has_answer and not has_work:
        raise _Bad("missing-field", 'the row has no "answer"')
    return (_text(data["work"], "work"), True) if has_work else (_text(data["answer"], "answer"), False)


def _text(value: object, field: str) -> str:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return repr(value)
    if not isinstance(value, str):
        raise _Bad("wrong-type", f'"{field}" must be text, not {_describe(value)}')
    if len(value) > MAX_TEXT:
        raise _Bad("too-long", f'"{field}" is {len(value):,} characters long; the limit is {MAX_TEXT:,}')
    return value


def _name(value: object, field: str) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise _Bad("wrong-type", f'"{field}" must be text, not {_describe(value)}')
    if len(value) > MAX_NAME:
        raise _Bad("too-long", f'"{field}" is {len(value):,} characters long; the limit is {MAX_NAME}')
    return value.strip()


def _part_id(problem: object, part: object) -> str:
    target = _name(problem, "problem")
    if part not in (None, ""):
        target = f"{target}.{_name(part, 'part')}"
    try:
        found, found_part = bank.find(target)
        return (found_part or found.part()).qualified_id
    except DerivecheckError as error:
        raise _Bad("unknown-problem", error.message, target) from None
    except Exception:  # an odd id must not stop the batch
        raise _Bad("unknown-problem", f"cannot look up the problem {target!r}", target) from None


def _symbols(value: object) -> tuple[str, ...]:
    if value in (None, "", []):
        return ()
    if isinstance(value, str):
        value = [s for s in re.split(r";|\n", value) if s.strip()]
    if not isinstance(value, list) or not all(isinstance(s, str) for s in value):
        raise _Bad("wrong-type", f'"symbols" must be a list of declarations such as ["x:positive"], not {_describe(value)}')
    if len(value) > MAX_SYMBOLS:
        raise _Bad("too-long", f'"symbols" has {len(value)} declarations; the limit is {MAX_SYMBOLS}')
    declarations = tuple(s.strip() for s in value)
    try:
        read_declarations(declarations)
    except DerivecheckError as error:
        raise _Bad("bad-symbols", error.message) from None
    return declarations


def _describe(value: object) -> str:
    names = {
        dict: "an object",
        list: "a list",
        bool: "true/false",
        float: "a number",
        int: "a number",
        str: "text",
        type(None): "null",
    }
    return names.get(type(value), type(value).__name__)


# -- files ---------------------------------------------------------------------------------

def detect_format(path: Path) -> str:
    """``"jsonl"`` or ``"csv"`` from the extension, else from the first bytes (UsageError-free: ``""`` if unknown)."""
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson", ".json"):
        return "jsonl"
    if suffix in (".csv", ".tsv"):
        return "csv"
    with path.open("rb") as handle:
        head = handle.read(4096).lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"{"):
        return "jsonl"
    first = head.split(b"\n", 1)[0].decode("utf-8", "replace").lower()
    cells = {c.strip().strip('"') for c in re.split(r"[,;\t]", first)}
    return "csv" if {"id", "answer"} <= cells else ""


def read_submissions(path: Path, file_format: str) -> Iterator[Item]:
    """Every row of a submissions file in order, as a Task or a RowError (blank lines are skipped).

    ``row`` is the line number where the row starts (for CSV the header is line 1).
    """
    if file_format == "jsonl":
        with path.open("rb") as handle:
            yield from _jsonl_rows(handle)
    else:
        with path.open("r", encoding="utf-8", errors="surrogateescape", newline="") as handle:
            yield from _csv_rows(handle, delimiter="\t" if path.suffix.lower() == ".tsv" else _csv_delimiter(path))


_ID_IN_TEXT = re.compile(rb'"id"\s*:\s*("(?:[^"\\\n]|\\.){1,200}"|-?\d{1,18}(?=\s*[,}]))')


def _jsonl_rows(handle: BinaryIO) -> Iterator[Item]:
    number = 0
    while True:
        line = handle.readline(MAX_LINE + 1)
        if not line:
            return
        number += 1
        if len(line) > MAX_LINE and not line.endswith(b"\n"):
            while (rest := handle.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
            yield RowError(number, _salvage_id(line), "too-long", f"line {number} is longer than {MAX_LINE:,} bytes")
            continue
        if number == 1:
            line = line.removeprefix(b"\xef\xbb\xbf")
        if not line.strip():
            continue
        yield _json_row(line, number)


def _json_row(line: bytes, number: int) -> Item:
    try:
        text = line.decode("utf-8").strip()
    except UnicodeDecodeError as error:
        return RowError(number, _salvage_id(line), "unreadable", f"line {number} is not UTF-8 text (byte {error.start + 1})")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        return RowError(
            number, _salvage_id(line), "unreadable", f"line {number} is not valid JSON: {error.msg} at column {error.colno}"
        )
    except RecursionError:
        return RowError(number, _salvage_id(line), "unreadable", f"line {number} is nested too deeply")
    except ValueError:  # e.g. an integer with too many digits
        return RowError(number, _salvage_id(line), "unreadable", f"line {number} cannot be read (a number in it is too long)")
    if not isinstance(data, dict):
        return RowError(number, None, "unreadable", f"line {number} must be a JSON object, not {_describe(data)}")
    return task_from_mapping(data, number)


def _salvage_id(line: bytes) -> JsonId:
    """The id of a row that cannot be decoded, when it can still be seen (for the gradebook)."""
    match = _ID_IN_TEXT.search(line[:4096])
    if match is None:
        return None
    try:
        value = json.loads(match.group(1).decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        return None
    return value if _is_id(value) else None


def _csv_delimiter(path: Path) -> str:
    with path.open("r", encoding="utf-8", errors="replace") as handle:
        first = handle.readline()
    counts = {d: first.count(d) for d in ",;\t"}
    return max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","


def _csv_rows(handle: TextIO, delimiter: str) -> Iterator[Item]:
    previous = csv.field_size_limit(MAX_LINE)  # a module-wide setting: put it back when done
    try:
        yield from _csv_records(csv.reader(handle, delimiter=delimiter))
    finally:
        csv.field_size_limit(previous)


def _csv_records(reader: Iterator[list[str]]) -> Iterator[Item]:
    header: list[str] | None = None
    while True:
        start = reader.line_num + 1  # type: ignore[attr-defined]
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error:
            yield RowError(start, None, "unreadable", f"line {start} is not a CSV record (an open quote or a field too long)")
            continue
        if not any(c.strip() for c in cells):
            continue
        if header is None:
            header = [c.strip().lstrip("\ufeff").lower() for c in cells]
            if not {"id", "answer"} <= set(header):
                raise UsageError(f"the CSV header must name the columns id and answer (found: {', '.join(header)[:200]})")
            continue
        yield _csv_row(header, cells, start)


def _csv_row(header: list[str], cells: list[str], number: int) -> Item:
    if len(cells) > len(header):
        return RowError(number, None, "unreadable", f"line {number} has {len(cells)} cells; the header has {len(header)}")
    if any(_has_surrogates(c) for c in cells):
        return RowError(number, None, "unreadable", f"line {number} is not UTF-8 text")
    data: dict[str, object] = {name: cell for name, cell in zip(header, cells) if cell != ""}
    symbols = data.get("symbols")
    if isinstance(symbols, str) and symbols.lstrip().startswith("["):
        try:
            data["symbols"] = json.loads(symbols)
        except ValueError:
            return RowError(number, data.get("id") if _is_id(data.get("id")) else None, "bad-symbols",  # type: ignore[arg-type]
                            f"line {number}: the symbols cell is not a JSON list")
    return task_from_mapping(data, number)


def _has_surrogates(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False
