"""The reference cache: every bank part round-trips through it unchanged, a bad file is recomputed,
the cache can be turned off, and a warm ``check ID.PART`` does not load the bank."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from problems import bank
from problems._reference_cache import cache_dir, part_context, part_mistakes, read_entry, write_entry
from problems.cli import main

PART_IDS = [part.qualified_id for part in bank.parts()]


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DERIVECHECK_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("DERIVECHECK_CACHE", raising=False)
    return tmp_path / "references"


@pytest.mark.parametrize("part_id", PART_IDS)
def test_a_cached_context_equals_derives(part_id: str, tmp_path: Path) -> None:
    _, part = bank.find(part_id)
    context = part.context
    path = tmp_path / f"{part_id}.json"
    assert write_entry(path, part_id, context)
    cached = read_entry(path, part_id)
    assert cached == context
    assert (cached.answer, cached.vocabulary, cached.definitions) == (part.answer, part.vocabulary,
                                                                      tuple(part.definitions.items()))


MISTAKE_PARTS = ["derivatives.2.c", "ch2-solutions.2", "udl.6.1.phi1", "udl.7.1.theta11"]


@pytest.mark.parametrize("part_id", MISTAKE_PARTS)
def test_cached_buggy_results_equal_derives_and_are_read_back(part_id: str, cache: Path) -> None:
    """A cold cache stores the part's buggy results with its context; a warm one reads them back equal."""
    problem, part = bank.find(part_id)
    expected = (part or problem.part()).mistakes
    part_context(part_id)
    stored = cache.parent / "mistakes" / f"{part_id}.json"
    assert stored.exists() and expected
    assert part_mistakes(part_id) == expected
    stored.write_text("{not json", encoding="utf-8")
    assert part_mistakes(part_id) == expected


def test_a_warm_check_names_the_mistake_of_the_rule_misapplied(cache: Path) -> None:
    """The diagnosis from the cached buggy results (chain rule) is the bank part's own."""
    answer = "e^{-x^2/2}"
    expected = bank.find("derivatives.2.c")[1].check(answer).diagnosis
    runs = [CliRunner().invoke(main, ["check", "derivatives.2.c", "--json", "--", answer]) for _ in range(2)]
    assert [json.loads(run.stdout)["diagnosis"]["kind"] for run in runs] == [expected.kind.value] * 2 == ["chain-rule"] * 2


CORRUPTIONS = [
    ("not json", lambda text: "{not json"),
    ("truncated", lambda text: text[: len(text) // 2]),
    ("empty", lambda text: ""),
    ("stale key", lambda text: re.sub(r'"key": "\d+/', '"key": "0/', text)),
    ("another part", lambda text: text.replace('"target": "derivatives.2.c"', '"target": "derivatives.2.b"')),
    ("code instead of sympy", lambda text: _with(text, "answer", "__import__('os').getcwd()")),
    ("unknown constructor", lambda text: _with(text, "answer", "Nonsense(Integer(1))")),
    ("not a list", lambda text: _with(text, "vocabulary", 3)),
]


def _with(text: str, field: str, value: object) -> str:
    data = json.loads(text)
    data[field] = value
    return json.dumps(data)


@pytest.mark.parametrize(("name", "corrupt"), CORRUPTIONS)
def test_a_bad_file_is_recomputed_and_replaced(name: str, corrupt, cache: Path) -> None:
    expected = bank.find("derivatives.2.c")[1].context
    assert part_context("derivatives.2.c") == expected
    path = cache / "derivatives.2.c.json"
    path.write_text(corrupt(path.read_text()))
    assert read_entry(path, "derivatives.2.c") is None
    assert part_context("derivatives.2.c") == expected
    assert read_entry(path, "derivatives.2.c") == expected


@pytest.mark.parametrize("switch", ["off", "OFF", "0", "no", "false"])
def test_the_cache_can_be_turned_off(switch: str, cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DERIVECHECK_CACHE", switch)
    assert cache_dir() is None
    assert part_context("derivatives.2.c") == bank.find("derivatives.2.c")[1].context
    assert not cache.exists()


# (environment, the directory expected, relative to the fake home)
LOCATIONS = [
    ({}, ".cache/derivecheck"),
    ({"XDG_CACHE_HOME": "{home}/xdg"}, "xdg/derivecheck"),
    ({"XDG_CACHE_HOME": "{home}/xdg", "DERIVECHECK_CACHE_DIR": "{home}/mine"}, "mine"),
    ({"DERIVECHECK_CACHE": "on", "DERIVECHECK_CACHE_DIR": "{home}/mine"}, "mine"),
]


@pytest.mark.parametrize(("environment", "expected"), LOCATIONS)
def test_where_the_cache_lives(environment: dict[str, str], expected: str, tmp_path: Path,
                               monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("XDG_CACHE_HOME", "DERIVECHECK_CACHE_DIR", "DERIVECHECK_CACHE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    for name, value in environment.items():
        monkeypatch.setenv(name, value.format(home=tmp_path))
    assert cache_dir() == tmp_path / expected


@pytest.mark.parametrize("target", ["../derivatives.2.c", "/etc/passwd", ".hidden", "a/b"])
def test_an_id_that_is_not_a_plain_name_is_never_a_path(target: str, cache: Path) -> None:
    with pytest.raises(Exception, match="no problem"):
        part_context(target)
    assert not cache.exists() or not any(cache.rglob("*"))


# (arguments, exit status): the same output cold and warm
CLI_CHECKS = [
    (["check", "derivatives.2.c", "-x e^{-x^2/2}"], 0),
    (["check", "derivatives.2.c", "x e^{-x^2/2}", "--json"], 1),
    (["check", "ch2-solutions.2", "2x cos(x^2) e^{sin(x^2)}"], 0),
    (["check", "ch2-solutions.3.grad", "[4, 7]"], 0),
    (["check", "derivatives.2.c", "x +"], 3),
    (["check", "udl.3.7.phi1", r"2(a[\theta_{10}+\theta_{11}x_i] + \phi_1)(f[x_i,\phi]-y_i)"], 1),  # a[.] in the diagnosis
]


@pytest.mark.parametrize(("arguments", "status"), CLI_CHECKS)
def test_cold_and_warm_runs_print_the_same(arguments: list[str], status: int, cache: Path) -> None:
    runs = [CliRunner().invoke(main, arguments) for _ in range(2)]
    assert [run.exit_code for run in runs] == [status, status]
    assert _without_elapsed(runs[0].output) == _without_elapsed(runs[1].output)
    assert (cache / f"{arguments[1]}.json").exists()


def _without_elapsed(output: str) -> str:
    return "\n".join(line for line in output.splitlines() if '"elapsed"' not in line)


def test_a_warm_check_does_not_load_the_bank(cache: Path) -> None:
    probe = ("import sys\nfrom problems.cli import main\n"
             "try:\n    main(['check', 'derivatives.2.c', '-x e^{-x^2/2}'])\nexcept SystemExit:\n    pass\n"
             "print('bank' if 'problems.bank' in sys.modules else 'no bank')")
    runs = [subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120) for _ in range(2)]
    assert [run.stdout.splitlines()[-1] for run in runs] == ["bank", "no bank"]


def test_concurrent_writers_and_readers_see_whole_entries(tmp_path: Path) -> None:
    from concurrent.futures import ThreadPoolExecutor

    context = bank.find("derivatives.2.c")[1].context
    path = tmp_path / "derivatives.2.c.json"

    def write_then_read(_: int) -> object:
        write_entry(path, "derivatives.2.c", context)
        return read_entry(path, "derivatives.2.c")

    with ThreadPoolExecutor(8) as pool:
        seen = list(pool.map(write_then_read, range(32)))
    assert all(entry == context for entry in seen)
    assert [p.name for p in tmp_path.iterdir()] == ["derivatives.2.c.json"]  # no temporary file left behind
