"""The per-seed answer tables the bank tests are generated from."""

from __future__ import annotations

import importlib
from dataclasses import dataclass

__all__ = ["Row", "all_rows", "SEED_TABLES"]

SEED_TABLES = ("answers_000", "answers_001", "answers_002", "answers_003", "answers_004")


@dataclass(frozen=True)
class Row:
    """One part: what the seed states (or our own computation, for 001/004), another correct
    form, and a typical mistake; all typed independently of the bank."""

    part: str
    stated: str
    alternative: str
    mistake: str


def all_rows() -> list[Row]:
    rows: list[Row] = []
    for name in SEED_TABLES:
        try:
            rows.extend(importlib.import_module(name).ROWS)
        except ModuleNotFoundError as error:
            if error.name != name:
                raise
    return rows
