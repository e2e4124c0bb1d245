"""Benchmark ``derivecheck grade`` on a generated 10,000-row mixed file (run on demand).

    python benchmarks/bench_grade.py [--rows N] [--workers N] [--no-dedupe] [--keep DIR]

The file mixes bank parts answered right and wrong (the tests' answer tables), explicit
references in LaTeX and sympy syntax (the checker's equivalence tables plus answers with a
random coefficient, so many rows are distinct), and 5% garbage or adversarial rows (bad
JSON, missing fields, unknown problems, wrong types, 1 MB answers, injection attempts, deep
nesting, huge powers). It grades the file with the command (a subprocess, as a pipeline
would) at the machine's cores and with ``--workers 1``, and prints rows per second, p50 /
p95 check latency, the peak RSS of each worker and the memory of the whole run over time
(sampled from /proc). Targets on 2 cores: >= 100 rows/s, < 400 MB per worker, flat memory.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "problems"), str(ROOT / "tests" / "checkers")]

from seed_answers import all_rows  # noqa: E402
from test_equivalent_pairs import EQUIVALENT, NOT_EQUIVALENT  # noqa: E402

from problems import bank  # noqa: E402

LATEX = [
    (r"\sigma(x)(1-\sigma(x))", r"\frac{e^{-x}}{(1+e^{-x})^2}", r"\sigma(x)^2"),
    (r"2x\cos(x^2)e^{\sin(x^2)}", r"e^{\sin x^2}\cos(x^2)\cdot 2x", r"\cos(x^2)e^{\sin(x^2)}"),
    (r"\frac{x}{1+e^{wx+b}}", r"(1-\sigma(wx+b))x", r"\sigma(wx+b)x"),
    (r"3x^2 - 10x + 3", r"(3x-1)(x-3)", r"3x^2 - 10x"),
    (r"\operatorname{sech}^2 x", r"1 - \tanh^2 x", r"1 - \tanh x"),
    (r"\frac{1}{2\sqrt{x}}", r"\frac12 x^{-1/2}", r"\frac{1}{\sqrt{x}}"),
    (r"\{3, \tfrac13\}", r"x = 3 \text{ and } x = \frac{1}{3}", r"\{3, -\tfrac13\}"),
]
TEMPLATES = [  # (expected, right answer, wrong answer) with a coefficient k: many distinct rows
    ("{k}*x**2*sin(x)", r"{k} x^2 \sin x", "{k1}*x^2*sin(x)"),
    ("exp({k}*x)*{k}", r"{k} e^{{{k}x}}", "exp({k}*x)"),
    ("{k}*x*y + y**2", "y({k}x + y)", "{k}xy + y"),
    ("log(1 + exp({k}*x))", r"\log(1 + e^{{{k} x}})", "log(1 + exp(x))"),
    ("(x + {k})**2", "x^2 + {k2} x + {ksq}", "x^2 + {ksq}"),
]
ADVERSARIAL = ["__import__('os').system('true')", "10**10**10**10", "(" * 3000 + "x" + ")" * 3000, r"\frac{1}{x",
               "x" * 20_000, "\x00\x01 x", r"\begin{bmatrix}" + "1&" * 3000 + r"\end{bmatrix}", "lambda: 1", "x" * 1_000_000]


def mixed_rows(count: int, seed: int = 0) -> list[str]:
    """``count`` JSONL lines: 40% bank parts, 30% fixed explicit pairs, 25% distinct, 5% garbage."""
    rng = random.Random(seed)
    known = {p.qualified_id for p in bank.parts()}
    table = [r for r in all_rows() if r.part in known]
    lines: list[str] = []
    for n in range(count):
        sid = f"s{n:05d}"
        pick = rng.random()
        if pick < 0.40 and table:
            row = rng.choice(table)
            answer = rng.choice([row.stated, row.alternative, row.mistake])
            lines.append(json.dumps({"id": sid, "problem": row.part, "answer": answer}))
        elif pick < 0.55:
            expected, answer = rng.choice(EQUIVALENT + NOT_EQUIVALENT)
            lines.append(json.dumps({"id": sid, "expected": expected, "answer": answer, "symbols": ["a", "b"]}))
        elif pick < 0.70:
            expected, right, wrong = rng.choice(LATEX)
            lines.append(json.dumps({"id": sid, "expected": expected, "answer": rng.choice([right, wrong])}))
        elif pick < 0.95:
            expected, right, wrong = rng.choice(TEMPLATES)
            k = rng.randint(2, 400)
            values = {"k": k, "k1": k + 1, "k2": 2 * k, "ksq": k * k}
            lines.append(json.dumps({"id": sid, "expected": expected.format(**values),
                                     "answer": rng.choice([right, wrong]).format(**values)}))
        else:
            lines.append(_garbage(rng, sid))
    return lines


def _garbage(rng: random.Random, sid: str) -> str:
    kind = rng.randrange(8)
    if kind == 0:
        return f'{{"id": "{sid}", "expected": "x", "answer": '
    if kind == 1:
        return json.dumps({"id": sid, "answer": "x"})
    if kind == 2:
        return json.dumps({"id": sid, "problem": "nope.1", "answer": "x"})
    if kind == 3:
        return json.dumps({"id": sid, "expected": "x", "answer": {"latex": "x"}})
    if kind == 4:
        return json.dumps([sid, "x"])
    answer = rng.choice(ADVERSARIAL[:-1] if rng.random() < 0.97 else ADVERSARIAL)
    return json.dumps({"id": sid, "expected": "x^2", "answer": answer})


def _tree(root: int) -> list[int]:
    """``root`` and its descendants (from /proc)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(ppid, []).append(int(entry))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


def _rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of one process so far (from /proc)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def grade_file(subs: Path, out: Path, workers: int, dedupe: bool) -> dict[str, object]:
    command = [sys.executable, "-c", "from problems.cli import run; run()", "grade", str(subs), "-o", str(out),
               "--workers", str(workers), "--no-progress"] + ([] if dedupe else ["--no-dedupe"])
    started = time.monotonic()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak: dict[int, float] = {}
    cpu: dict[int, float] = {}
    timeline: list[tuple[float, int, float, float]] = []
    while process.poll() is None:
        pids = _tree(process.pid)
        sizes = {pid: _rss_mb(pid) for pid in pids}
        for pid, size in sizes.items():
            peak[pid] = max(peak.get(pid, 0.0), size)
            cpu[pid] = max(cpu.get(pid, 0.0), _cpu_seconds(pid))
        done = out.read_bytes().count(b"\n") if out.exists() else 0
        workers_rss = [s for pid, s in sizes.items() if pid != process.pid]
        timeline.append((time.monotonic() - started, done, sum(sizes.values()), max(workers_rss, default=0.0)))
        time.sleep(0.25)
    wall = time.monotonic() - started
    summary = process.stderr.read() if process.stderr else ""
    records = [json.loads(line) for line in out.read_text().splitlines()]
    return {"wall": wall, "records": records, "peak": peak, "main": process.pid, "timeline": timeline, "summary": summary,
            "cpu": sum(cpu.values())}


def report(name: str, result: dict[str, object], rows: int) -> None:
    records = result["records"]
    assert isinstance(records, list) and len(records) == rows, "every row must have exactly one result"
    wall = float(result["wall"])  # type: ignore[arg-type]
    latencies = [r["elapsed"] for r in records if isinstance(r.get("elapsed"), (int, float))]
    distinct = {(r.get("problem"), r.get("read_as"), r.get("message")) for r in records}
    peak = result["peak"]
    assert isinstance(peak, dict)
    workers = sorted((size for pid, size in peak.items() if pid != result["main"]), reverse=True)
    statuses: dict[str, int] = {}
    for record in records:
        statuses[record["status"]] = statuses.get(record["status"], 0) + 1
    print(f"\n== {name}: {rows:,} rows in {wall:.1f} s (process start included): {rows / wall:,.1f} rows/s")
    used = float(result["cpu"])  # type: ignore[arg-type]
    print(f"   CPU of the whole process tree (sampled every 0.25 s): {used:.1f} s, {rows / used:,.1f} rows per CPU second "
          f"(on a loaded machine, rows per CPU second times the workers is the rate an idle machine would give)")
    print(f"   statuses: {statuses}; about {len(distinct):,} distinct verdicts")
    print(f"   check latency (elapsed in the worker): p50 {1000 * statistics.median(latencies):.1f} ms, "
          f"p95 {1000 * sorted(latencies)[int(0.95 * (len(latencies) - 1))]:.1f} ms, max {1000 * max(latencies):.0f} ms")
    print(f"   peak RSS: main {peak.get(result['main'], 0.0):.0f} MB; forkserver and workers "
          + ", ".join(f"{size:.0f} MB" for size in workers[:8]))
    timeline = result["timeline"]
    assert isinstance(timeline, list)
    print("   memory over the run (s, rows written, total RSS MB, largest worker MB):")
    step = max(1, len(timeline) // 10)
    for seconds, done, total, largest in timeline[::step] + timeline[-1:]:
        print(f"     {seconds:6.1f} s  {done:6,d} rows  {total:7.0f} MB  {largest:6.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=len(os.sched_getaffinity(0)))
    parser.add_argument("--no-dedupe", action="store_true", help="check every row, even repeated answers")
    parser.add_argument("--keep", type=Path, help="keep the generated file and the results in this folder")
    parser.add_argument("--skip-single", action="store_true", help="skip the --workers 1 run")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="bench-grade-"))
    folder.mkdir(parents=True, exist_ok=True)
    subs = folder / "submissions.jsonl"
    subs.write_text("\n".join(mixed_rows(args.rows)) + "\n", encoding="utf-8")
    print(f"{args.rows:,} rows, {subs.stat().st_size / 1e6:.1f} MB, in {subs}")
    runs = [(f"--workers {args.workers}", args.workers)] + ([] if args.skip_single or args.workers == 1 else [("--workers 1", 1)])
    outputs = []
    for name, workers in runs:
        out = folder / f"results-{workers}.jsonl"
        out.unlink(missing_ok=True)
        result = grade_file(subs, out, workers, dedupe=not args.no_dedupe)
        report(name + (" --no-dedupe" if args.no_dedupe else ""), result, args.rows)
        outputs.append(result["records"])
    if len(outputs) == 2:
        first, second = ({r["row"]: {k: v for k, v in r.items() if k != "elapsed"} for r in out} for out in outputs)
        differing = [row for row in first if first[row] != second[row]]
        fields = sorted({k for row in differing for k in first[row] if first[row][k] != second[row].get(k)})
        statuses = sum(1 for row in differing if first[row]["status"] != second[row]["status"])
        print(f"\nresults across worker counts (elapsed aside): {len(first) - len(differing):,} rows identical, "
              f"{len(differing):,} differ (in {', '.join(fields) or 'nothing'}; {statuses} in status)")

if __name__ == "__main__":
    main()
