"""``derivecheck grade``: grade a JSONL or CSV file of submissions into a JSONL results file.

Exit status: 0 when every row has a result (bad rows are error records, not failures),
2 for a usage error (unreadable file, bad options, a results file from another input),
130 when interrupted with Ctrl-C and 143 when stopped by SIGTERM (what was written is kept
and fsynced: run again with --resume).
"""

from __future__ import annotations

import signal
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any, NoReturn

import click

from checkers import ExitCode, UsageError
from checkers._visible import visible

from ._grading import grade_many, read_submissions
from ._grading._gradescope import write_gradescope
from ._grading._local import default_workers
from ._grading._results import ResultsLog, read_results
from ._grading._rows import Item, detect_format
from ._grading._summary import Summary

__all__ = ["grade"]


@click.command()
@click.argument("submissions", type=click.Path(exists=True, dir_okay=False, readable=True, path_type=Path))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path), metavar="RESULTS.jsonl",
              help="Write one JSON result per row here.")
@click.option("--workers", type=click.IntRange(1, 512), default=None, help="Worker processes [default: the cores].")
@click.option("--timeout", default=5.0, show_default=True, type=click.FloatRange(0.01, 600), help="Seconds allowed per answer.")
@click.option("--grace", default=3.0, show_default=True, type=click.FloatRange(0, 600),
              help="Extra seconds of CPU and of wall time (past the budget's 10 x timeout + 2 s ceiling) before a stuck "
                   "check's worker is killed (it is then undecided).")
@click.option("--memory-mb", default=1024, show_default=True, type=click.IntRange(128, 1 << 20), help="Memory limit per worker.")
@click.option("--resume", is_flag=True, help="Keep the rows already in RESULTS and grade only the others.")
@click.option("--gradescope", type=click.Path(dir_okay=False, path_type=Path), metavar="results.json",
              help="Also write Gradescope autograder results (one test per row).")
@click.option("--scheduler", metavar="ADDRESS", help="Run the checks on this Dask scheduler (needs derivecheck[dask]).")
@click.option("--format", "input_format", type=click.Choice(["auto", "jsonl", "csv"]), default="auto", show_default=True,
              help="Input format (auto: by extension, else sniffed).")
@click.option("--no-dedupe", is_flag=True, help="Check every row, even an answer repeated word for word.")
@click.option("--progress/--no-progress", default=None, help="Progress bar [default: when stderr is a terminal].")
def grade(submissions: Path, output: Path, workers: int | None, timeout: float, grace: float, memory_mb: int, resume: bool,
          gradescope: Path | None, scheduler: str | None, input_format: str, no_dedupe: bool, progress: bool | None) -> None:
    r"""Grade every row of SUBMISSIONS (JSONL or CSV) into RESULTS (JSONL).

    \b
    A row is {"id", "problem", "part", "answer"} (or "problem": "udl.6.2.a")
    or {"id", "expected", "answer", "symbols": ["x:positive", ...]}.
    Each result is {"id", "row", "problem", "status", "score", ...the verdict}.

    \b
    Examples:
      derivecheck grade answers.jsonl -o results.jsonl
      derivecheck grade answers.csv -o results.jsonl --workers 4 --timeout 10
      derivecheck grade answers.jsonl -o results.jsonl --resume --gradescope results.json
      derivecheck grade answers.jsonl -o results.jsonl --scheduler tcp://10.0.0.5:8786
    """
    started = time.monotonic()
    log: ResultsLog | None = None
    with _sigterm_stops_like_ctrl_c():
        try:
            file_format = _format(submissions, input_format, output)
            done = ResultsLog.open_existing(output) if resume else {}
            total = _check_rows(submissions, file_format, done)
            with ExitStack() as stack:
                log = stack.enter_context(ResultsLog(output, keep=resume))
                advance = _progress_bar(stack, total, len(done), sys.stderr.isatty() if progress is None else progress)
                todo: Iterator[Item] = (i for i in read_submissions(submissions, file_format) if i.row not in done)
                results = grade_many(todo, workers=workers, timeout=timeout, grace=grace, memory_mb=memory_mb,
                                     scheduler=scheduler, dedupe=not no_dedupe)
                stack.callback(results.close)  # however the loop ends, the workers stop before the log is fsynced and closed
                for record in results:
                    log.append(record)
                    advance()
            seconds = time.monotonic() - started
            summary = Summary()
            for record in read_results(output):
                summary.add(record)
            if gradescope is not None:
                write_gradescope(gradescope, read_results(output), execution_time=seconds)
        except KeyboardInterrupt as stop:  # Ctrl-C, or SIGTERM as Terminated
            _exit_stopped(stop, log.written if log is not None else 0, output)
    where = f"Dask scheduler {scheduler}" if scheduler else f"{workers or default_workers()} workers"
    click.echo(summary.text(seconds=seconds, graded_now=log.written, workers=where), err=True)


class Terminated(KeyboardInterrupt):
    """SIGTERM during ``grade``, raised in the main thread where Ctrl-C raises KeyboardInterrupt,
    so both stop a run the same way: workers stopped, every row written kept and fsynced."""


@contextmanager
def _sigterm_stops_like_ctrl_c() -> Iterator[None]:
    """While inside, SIGTERM raises :class:`Terminated` (once: a second one during the wind-down is ignored)."""
    if threading.current_thread() is not threading.main_thread():  # only the main thread may set a handler
        yield
        return

    def terminate(signum: int, frame: object) -> None:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        raise Terminated

    previous = signal.signal(signal.SIGTERM, terminate)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _exit_stopped(stop: KeyboardInterrupt, written: int, output: Path) -> NoReturn:
    """Say what was kept and how to finish, then exit 143 (SIGTERM) or 130 (Ctrl-C)."""
    word, code = ("Terminated", ExitCode.TERMINATED) if isinstance(stop, Terminated) else ("Interrupted", ExitCode.INTERRUPTED)
    click.echo(f"\n{word}: {written:,} new rows are in {visible(str(output))}; run the same command with --resume to finish.",
               err=True)
    sys.exit(code)


def _format(submissions: Path, input_format: str, output: Path) -> str:
    if output.exists() and output.resolve() == submissions.resolve():
        raise UsageError("RESULTS must be another file than SUBMISSIONS")
    found = input_format if input_format != "auto" else detect_format(submissions)
    if not found:
        raise UsageError(f"cannot tell whether {submissions} is JSONL or CSV: name it .jsonl or .csv, or pass --format")
    return found


def _check_rows(submissions: Path, file_format: str, done: dict[int, Any]) -> int:
    """Count the rows, and make sure RESULTS (when resuming) was written for this input."""
    total = 0
    try:
        for item in read_submissions(submissions, file_format):
            total += 1
            if item.row in done and done[item.row] != item.id:
                raise UsageError(f"row {item.row} of the results has id {done[item.row]!r} but the submissions have "
                                 f"{item.id!r}: the results file was written for another input")
    except OSError as error:
        raise UsageError(f"cannot read {submissions}: {error.strerror}") from None
    return total


def _progress_bar(stack: ExitStack, total: int, already: int, show: bool) -> Any:
    if not show:
        return lambda: None
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    bar = stack.enter_context(Progress(TextColumn("grading"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                                       console=Console(stderr=True), transient=True))
    task = bar.add_task("grading", total=total, completed=already)
    return lambda: bar.advance(task)
