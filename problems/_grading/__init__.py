"""Batch grading: read submission rows, check them in isolated workers, write results.

One job per module: ``_rows`` (reading and validating rows), ``_worker`` (what runs in a
worker), ``_local`` (the pebble process pool), ``_dask`` (a Dask cluster), ``_dedupe``
(repeated answers), ``_api`` (``grade_many``), ``_results`` (the append-only results file
and resume), ``_summary`` and ``_gradescope`` (reports).
"""

from ._api import grade_many
from ._rows import RowError, Task, read_submissions

__all__ = ["grade_many", "read_submissions", "Task", "RowError"]
