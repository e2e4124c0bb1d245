"""The slow tail in a batch: ``derivecheck grade`` on pairs from public answer-test fixtures.

    python benchmarks/bench_hard_pairs.py [--batch harsh|issue|both] [--rows 1000] [--slowest 40] [--sample 260]
                                          [--workers 2] [--keep DIR]
    python benchmarks/bench_hard_pairs.py --submissions FILE [--no-dedupe]   # grade a file made earlier

The pairs are the conformance rows (``tests/checkers/data/conformance``), converted from
maths/moodle-qtype_stack ``tests/fixtures/answertestfixtures.class.php`` and
huggingface/Math-Verify ``tests/*.py``. Two batches:

- ``issue``: the issue's own batch, ``--rows`` rows drawn with replacement (seeded) from all
  distinct pairs (1,000 rows hold about 438 distinct pairs), graded with ``grade``'s
  defaults (a repeated pair is checked once);
- ``harsh``: each distinct pair is checked once in this process (CPU time); the
  ``--slowest`` of them and a seeded ``--sample`` of the rest make the batch, one row each,
  graded without de-duplication.

Both are graded by the command on ``--workers`` processes. To compare two versions, make
the files once (``--keep``) and pass each to both with ``--submissions``. Prints rows per
second and the verdicts (and, for the harsh batch, the share of the time the slowest pairs
took when timed alone). Target on 2 cores: >= 100 rows/s.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "checkers" / "data")]

from conformance_rows import load  # noqa: E402

from checkers import check  # noqa: E402


def timed_pairs() -> list[tuple[float, str, str]]:
    """(CPU seconds, reference, answer) for each distinct pair, slowest first."""
    pairs = {(row.reference, row.answer): row.notation for row in load().values()}
    check("x", "x")
    timed = []
    for (reference, answer), notation in pairs.items():
        started = time.process_time()
        try:
            check(reference, answer, notation=notation)
        except Exception:  # a reference that cannot be read: still a row of the batch
            pass
        timed.append((time.process_time() - started, reference, answer))
    return sorted(timed, reverse=True)


def submissions(slowest: int, sample: int, seed: int = 0) -> tuple[list[dict], float]:
    """The batch rows, and the share of the alone-time the slowest pairs take."""
    timed = timed_pairs()
    chosen = timed[:slowest] + random.Random(seed).sample(timed[slowest:], min(sample, len(timed) - slowest))
    share = sum(t for t, _, _ in timed[:slowest]) / sum(t for t, _, _ in timed)
    print(f"{len(timed)} distinct pairs take {sum(t for t, _, _ in timed):.1f} CPU s alone; "
          f"the slowest {slowest} take {share:.0%} of it")
    rows = [{"id": f"h{i}", "expected": reference, "answer": answer} for i, (_, reference, answer) in enumerate(chosen)]
    return rows, share


def issue_batch(rows: int, seed: int = 0) -> list[dict]:
    """``rows`` rows drawn with replacement from every distinct pair (the issue's batch)."""
    pairs = sorted({(row.reference, row.answer) for row in load().values()})
    drawn = random.Random(seed).choices(pairs, k=rows)
    print(f"{rows} rows drawn from {len(pairs)} distinct pairs: {len(set(drawn))} distinct")
    return [{"id": f"i{i}", "expected": reference, "answer": answer} for i, (reference, answer) in enumerate(drawn)]


def grade(path: Path, out: Path, workers: int, *, dedupe: bool) -> float:
    command = [sys.executable, "-c", "from problems.cli import run; run()", "grade", str(path), "-o", str(out),
               "--workers", str(workers), "--no-progress", *(() if dedupe else ("--no-dedupe",))]
    started = time.monotonic()
    subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL, check=False)
    return time.monotonic() - started


def report(path: Path, out: Path, workers: int, *, dedupe: bool, name: str) -> None:
    count = sum(1 for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    seconds = grade(path, out, workers, dedupe=dedupe)
    statuses = Counter(json.loads(line).get("status") for line in out.read_text(encoding="utf-8").splitlines() if line)
    print(f"{name}: {count} rows on {workers} workers in {seconds:.1f} s: {count / seconds:.1f} rows/s "
          f"(wall clock, process start-up included; {'de-duplicated' if dedupe else 'no de-duplication'}); "
          f"{dict(sorted(statuses.items()))}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batch", choices=("harsh", "issue", "both"), default="both")
    parser.add_argument("--rows", type=int, default=1000, help="rows of the issue's batch")
    parser.add_argument("--slowest", type=int, default=40)
    parser.add_argument("--sample", type=int, default=260)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--submissions", type=Path, help="grade this file instead of making one")
    parser.add_argument("--no-dedupe", action="store_true", help="with --submissions: grade every row")
    parser.add_argument("--keep", type=Path, help="keep the generated files and the results in this folder")
    arguments = parser.parse_args()
    folder = arguments.keep or Path(tempfile.mkdtemp(prefix="bench-hard-"))
    folder.mkdir(parents=True, exist_ok=True)
    if arguments.submissions is not None:
        report(arguments.submissions, folder / "results.jsonl", arguments.workers, dedupe=not arguments.no_dedupe,
               name=arguments.submissions.name)
        return
    batches = []
    if arguments.batch in ("issue", "both"):
        batches.append(("issue", issue_batch(arguments.rows), True))
    if arguments.batch in ("harsh", "both"):
        batches.append(("harsh", submissions(arguments.slowest, arguments.sample)[0], False))
    for name, rows, dedupe in batches:
        path = folder / f"{name}_pairs.jsonl"
        path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
        report(path, folder / f"{name}_results.jsonl", arguments.workers, dedupe=dedupe, name=f"{name} batch")


if __name__ == "__main__":
    main()
