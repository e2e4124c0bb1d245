"""derivecheck side by side with Math-Verify on the same pairs (run on demand).

    pip install -e '.[bench]'        # Math-Verify, for this benchmark only
    python benchmarks/bench_mathverify.py [--timeout S] [--list]

The pairs are the conformance rows (``tests/checkers/data/conformance``): the Math-Verify
rows, from huggingface/Math-Verify ``tests/*.py``, and the STACK rows, from
maths/moodle-qtype_stack ``tests/fixtures/answertestfixtures.class.php``, that Math-Verify
can read once ``**`` is written ``^`` (both sides must parse to something). Each tool grades
every pair in this process; a pair is *right* when the tool's verdict is the fixture's
(derivecheck: its status; Math-Verify: ``verify`` True is correct, False incorrect), a *false
positive* an answer the fixture calls wrong that the tool accepts. Times are CPU seconds of
this process (the machine is shared), parsing included. Targets: derivecheck right on more
pairs, no more false positives, at most 1/3 of Math-Verify's time.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "checkers" / "data")]

from conformance_rows import Row, load  # noqa: E402

from checkers import check  # noqa: E402


@dataclass(frozen=True)
class Tally:
    right: int = 0
    false_positives: int = 0
    seconds: float = 0.0


def math_verify_text(row: Row, side: str) -> str:
    text = getattr(row, side)
    return f"${text if row.notation == 'latex' else text.replace('**', '^')}$"


def readable_by_math_verify(rows: list[Row]) -> list[Row]:
    from math_verify import parse
    return [row for row in rows if row.notation == "latex" or (
        parse(math_verify_text(row, "reference")) and parse(math_verify_text(row, "answer")))]


def math_verify_status(row: Row) -> str:
    from math_verify import parse, verify
    gold, answer = parse(math_verify_text(row, "reference")), parse(math_verify_text(row, "answer"))
    return "correct" if verify(gold, answer) else "incorrect"


def derivecheck_status(row: Row, timeout: float) -> str:
    try:
        return check(row.reference, row.answer, notation=row.notation, timeout=timeout).status.value
    except Exception:  # a reference derivecheck cannot read
        return "refused"


def run(rows: list[Row], grade) -> tuple[Tally, list[str]]:
    statuses, started = [], time.process_time()
    for row in rows:
        statuses.append(grade(row))
    seconds = time.process_time() - started
    right = sum(s == r.expected for s, r in zip(statuses, rows))
    false_positives = sum(s == "correct" and r.expected != "correct" for s, r in zip(statuses, rows))
    return Tally(right, false_positives, seconds), statuses


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timeout", type=float, default=5.0, help="derivecheck's budget per pair (its default)")
    parser.add_argument("--list", action="store_true", help="print every pair where the two tools differ")
    arguments = parser.parse_args()
    rows = readable_by_math_verify(list(load().values()))
    check("x", "x")  # both tools warmed up before timing
    math_verify_status(rows[0])
    ours, our_statuses = run(rows, lambda row: derivecheck_status(row, arguments.timeout))
    theirs, their_statuses = run(rows, math_verify_status)
    sources = {row.source for row in rows}
    print(f"{len(rows)} pairs ({', '.join(f'{sum(r.source == s for r in rows)} {s}' for s in sorted(sources))})")
    print(f"{'':14}{'right':>7}{'false pos.':>12}{'CPU s':>8}")
    for name, tally in (("derivecheck", ours), ("Math-Verify", theirs)):
        print(f"{name:14}{tally.right:>7}{tally.false_positives:>12}{tally.seconds:>8.1f}")
    print(f"time ratio derivecheck / Math-Verify: {ours.seconds / theirs.seconds:.2f}")
    if arguments.list:
        for row, mine, other in zip(rows, our_statuses, their_statuses):
            if mine != other:
                print(f"{row.expected:9} dc={mine:9} mv={other:9} {row.reference!r} | {row.answer!r}")


if __name__ == "__main__":
    main()
