"""Batch grading: read submission rows, check them in isolated workers, write results.

One job per module: ``_rows`` (reading and validating rows), ``_worker`` (what runs in a
worker), ``_local`` (the pebble process pool), ``_limits`` (a check's process limits), ``_isolated``
(one check in a forked child, for the command line), ``_dask`` (a Dask cluster), ``_dedupe``
(repeated answers), ``_api`` (``grade_many``), ``_results`` (the append-only results file
and resume), ``_summary`` and ``_gradescope`` (reports). Names load on first use,
so the one-shot check does not import the pool.
"""

from derive._lazy import lazy_exports

__all__ = ["grade_many", "read_submissions", "Task", "RowError"]

__getattr__, __dir__ = lazy_exports(__name__, {"_api": "grade_many", "_rows": "RowError Task read_submissions"})
