"""Hostile or broken answers end as invalid/undecided, quickly, with no side effect."""

import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from sympy import symbols

from checkers import Status, check

CANARY_PATH = "/tmp/derivecheck-canary-{}"


def _payloads(canary: str) -> list[str]:
    return [
        f"__import__('os').system('touch {canary}')",
        f'__import__("os").system("touch {canary}")',
        "().__class__.__base__.__subclasses__()",
        "x.__class__",
        f"(lambda: __import__('os').system('touch {canary}'))()",
        "lambda: 1",
        'f"{x}"',
        f"eval(\"__import__('os').system('touch {canary}')\")",
        f"exec('open(\"{canary}\", \"w\")')",
        f"open('{canary}', 'w')",
        "[c for c in ().__class__.__bases__]",
        "x if x else x",
        "x := 3",
        "globals()",
        "getattr(x, 'func')",
        "Symbol('x').func",
        "import os",
        f"\\input{{{canary}}}",
        f"\\immediate\\write18{{touch {canary}}}",
    ]


def test_code_injection_never_runs_code(tmp_path):
    canary = str(tmp_path / "canary")
    verdicts = [check("x**2", payload) for payload in _payloads(canary)]
    assert not (tmp_path / "canary").exists(), "an answer ran code"
    assert all(v.status in (Status.INVALID, Status.UNDECIDED, Status.INCORRECT) for v in verdicts)
    assert all(v.status is not Status.CORRECT for v in verdicts)


@pytest.mark.parametrize(
    "answer",
    [
        "10**10**10",
        "10^10^10",
        "9**9**9**9",
        "factorial(10**9)",
        "(" * 2000 + "x" + ")" * 2000,
        "x" + "+x" * 6000,
        "1" * 5000,
        "x" * 1_000_000,
        "x\x00",
        "\x00",
        "x\u202e+1",
        "𝔵 + 1",
        "x ∈ ℝ",
        "",
        "   ",
        "=",
        "x = ",
        "((x)",
        "x))",
        "2**",
        "Matrix([[1, 2], [3]])",
        "Sum(x)",
        "sin()",
        "sin(x, x, x)",
        "10**1000 * 10**1000 * 10**1000",
        "x**(10**6)",
        "\\frac{1}{x",
        "\\foo{x}",
    ],
)
def test_adversarial_answers_are_invalid_or_undecided_within_budget(answer):
    started = time.monotonic()
    verdict = check("x**2", answer, timeout=2.0)
    assert verdict.status in (Status.INVALID, Status.UNDECIDED, Status.INCORRECT)
    assert time.monotonic() - started < 4.0
    assert verdict.message


def test_invalid_answers_point_at_the_problem():
    verdict = check("2*x*y", "2*x*y + z")
    assert verdict.status is Status.INVALID
    assert verdict.position == 8 and "z" in verdict.message and "^" in verdict.message


def test_same_call_twice_gives_the_same_verdict():
    pairs = [("x**2", "x*x"), ("sqrt(x**2)", "x"), ("Piecewise((x, x > 0), (0, True))", "Max(0, x)"), ("2*x", "2*x + 1")]
    first = [check(e, a).to_dict() for e, a in pairs]
    second = [check(e, a).to_dict() for e, a in pairs]
    strip = lambda d: {k: v for k, v in d.items() if k != "elapsed"}  # noqa: E731
    assert [strip(d) for d in first] == [strip(d) for d in second]


def _slow_pair():
    x = symbols("x")
    expected = sum((x + k) ** 40 for k in range(12))
    answer = "+".join(f"(x + {k})**40" for k in range(12)) + " + 1/10**30 * sin(x)**41"
    return expected, answer


def test_timeout_is_honoured_inside_a_thread_pool():
    expected, answer = _slow_pair()
    with ThreadPoolExecutor(max_workers=2) as pool:
        verdicts = list(pool.map(lambda _: check(expected, answer, timeout=0.03), range(4)))
    assert [v.status for v in verdicts] == [Status.UNDECIDED] * 4
    assert all(v.elapsed < 1.0 for v in verdicts)
    assert all("budget" in v.message for v in verdicts)


def test_a_generous_budget_lets_the_same_pair_finish():
    expected, answer = _slow_pair()
    verdict = check(expected, answer, timeout=10.0)
    assert verdict.status is not Status.UNDECIDED


def test_undecided_is_never_reported_as_incorrect():
    verdict = check("x", "x", timeout=0.0)
    assert verdict.status in (Status.UNDECIDED, Status.CORRECT)


_IN_A_FRESH_PROCESS = """
import json, sympy
from checkers import check
[sympy.Dummy("burn") for _ in range(BURN)]  # shift the process's Dummy numbering
a = sympy.Function("a"); u = sympy.Symbol("u", real=True)
verdict = check(a(2 * u).diff(u), "2*a'(u + u)", symbols=[a(u), u])
wrong = check(a(2 * u).diff(u), "a'(2u)", symbols=[a(u), u])
print(json.dumps([{k: v for k, v in x.to_dict().items() if k != "elapsed"} for x in (verdict, wrong)]))
"""


def test_verdicts_are_identical_in_separate_processes():
    import subprocess
    import sys

    runs = [subprocess.run([sys.executable, "-c", _IN_A_FRESH_PROCESS.replace("BURN", str(burn))],
                           capture_output=True, text=True, check=True).stdout for burn in (0, 7)]
    assert runs[0] == runs[1]
