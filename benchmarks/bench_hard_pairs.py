"""The slow tail in a batch: ``derivecheck grade`` on pairs from public answer-test fixtures.

    python benchmarks/bench_hard_pairs.py [--slowest 40] [--sample 260] [--workers 2] [--keep DIR]
    python benchmarks/bench_hard_pairs.py --submissions FILE     # grade a file made earlier

The pairs are the conformance rows (``tests/checkers/data/conformance``), converted from
maths/moodle-qtype_stack ``tests/fixtures/answertestfixtures.class.php`` and
huggingface/Math-Verify ``tests/*.py``. Each distinct pair is checked once in this process
(CPU time); the ``--slowest`` of them and a seeded ``--sample`` of the rest make the batch,
one row each, graded by the command on ``--workers`` processes without de-duplication. To
compare two versions, make the file once (``--keep``) and pass it to both with
``--submissions``. Prints rows per second, the verdicts, and the share of the time the
slowest pairs took when timed alone. Target on 2 cores: >= 100 rows/s.
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


def grade(path: Path, out: Path, workers: int) -> float:
    command = [sys.executable, "-c", "from problems.cli import main; main()", "grade", str(path), "-o", str(out),
               "--workers", str(workers), "--no-progress", "--no-dedupe"]
    started = time.monotonic()
    subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL, check=False)
    return time.monotonic() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--slowest", type=int, default=40)
    parser.add_argument("--sample", type=int, default=260)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--submissions", type=Path, help="grade this file instead of making one")
    parser.add_argument("--keep", type=Path, help="keep the generated file and the results in this folder")
    arguments = parser.parse_args()
    folder = arguments.keep or Path(tempfile.mkdtemp(prefix="bench-hard-"))
    folder.mkdir(parents=True, exist_ok=True)
    path = arguments.submissions
    if path is None:
        rows, _ = submissions(arguments.slowest, arguments.sample)
        path = folder / "hard_pairs.jsonl"
        path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    count = sum(1 for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    out = folder / "results.jsonl"
    seconds = grade(path, out, arguments.workers)
    statuses = Counter(json.loads(line).get("status") for line in out.read_text(encoding="utf-8").splitlines() if line)
    print(f"{count} rows on {arguments.workers} workers in {seconds:.1f} s: {count / seconds:.1f} rows/s "
          f"(wall clock, process start-up included); {dict(sorted(statuses.items()))}")


if __name__ == "__main__":
    main()
