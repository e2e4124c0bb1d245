"""Figures for the conformance suite (STACK and Math-Verify answer-test fixtures), per source.

Run from the repository root: ``python benchmarks/conformance_report.py [--table]``.
*agree* is derivecheck's verdict equal to the fixture's; *policy* a listed disagreement that
is derivecheck's stated policy; a *false positive* is an answer the fixture calls wrong that
derivecheck accepts; a *false negative* a right answer called incorrect; *invalid*,
*undecided* and *refused* (the reference could not be read) are disagreements of those kinds.
``--table`` also prints every disagreement with its listed reason.
"""

from __future__ import annotations

import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "checkers" / "data")]

from conformance_rows import disagreements, load, out_of_scope, verdict  # noqa: E402

COLUMNS = ("rows", "agree", "policy", "after policies", "false pos.", "false neg.", "invalid", "undecided", "refused",
           "out of scope")


def tally() -> tuple[dict[str, Counter], list[tuple[str, str, str]]]:
    rows, table = load(), disagreements()
    counts: dict[str, Counter] = defaultdict(Counter)
    listed = []
    for key, row in rows.items():
        status, source = verdict(row), row.source
        count = counts[source]
        count["rows"] += 1
        if status == row.expected:
            count["agree"] += 1
            continue
        reason = table[key].reason if key in table else "(not listed)"
        listed.append((key, status, reason))
        count["policy"] += reason.startswith("policy: ")
        if status == "correct":
            count["false pos."] += not reason.startswith("policy: ")
        elif status == "incorrect":
            count["false neg."] += 1
        else:
            count[status] += 1
    for row in out_of_scope():
        counts[row["source"]]["out of scope"] += 1
    for count in counts.values():
        count["after policies"] = count["agree"] + count["policy"]
    return counts, listed


def main() -> None:
    started = time.process_time()
    counts, listed = tally()
    print(f"{'source':28}" + "".join(f"{c:>15}" for c in COLUMNS))
    total: Counter = Counter()
    for source, count in sorted(counts.items()):
        total.update(count)
        print(f"{source:28}" + "".join(f"{count[c]:>15}" for c in COLUMNS))
    print(f"{'all':28}" + "".join(f"{total[c]:>15}" for c in COLUMNS))
    print(f"agreement after policies: {total['after policies'] / total['rows']:.1%} of {total['rows']} in-scope rows; "
          f"{time.process_time() - started:.0f} s CPU")
    if "--table" in sys.argv:
        for key, status, reason in listed:
            print(f"{key}\t{status}\t{reason}")


if __name__ == "__main__":
    main()
