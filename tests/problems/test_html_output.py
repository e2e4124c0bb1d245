"""The HTML of every bank problem is a well-formed standalone page (every element closed, in
order) with MathML and no sympy syntax, and a sample renders in headless Chromium (screenshot
differs from a blank page, no console errors). The browser helpers are the Gradescope export
test's (tests/problems/test_hostile_output.py)."""

import re
from html.parser import HTMLParser

import pytest
from test_hostile_output import _browse, _chromium, _console, _pixels

from problems import bank
from problems._output import derivations_text

_VOID = {"meta", "br", "img", "hr", "link", "input", "mprescripts", "none"}
_SYMPY = re.compile(r"\*\*|Matrix\(\[\[|\bSum\(|\bSubs\(")


class _Balance(HTMLParser):
    """Records unclosed or mismatched elements."""

    def __init__(self):
        super().__init__()
        self.open: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in _VOID:
            self.open.append(tag)

    def handle_endtag(self, tag):
        if not self.open or self.open[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.open[-1:] or 'nothing'}")
        else:
            self.open.pop()


def _page(problem) -> str:
    return derivations_text(problem, problem.parts, "html", detail="normal")


@pytest.mark.parametrize("problem", bank.all(), ids=lambda problem: problem.id)
def test_every_problem_is_a_well_formed_page(problem):
    page = _page(problem)
    parser = _Balance()
    parser.feed(page)
    parser.close()
    assert page.startswith("<!DOCTYPE html>") and parser.errors == [] and parser.open == [], parser.errors[:3]
    assert "<math" in page and "<li>" in page
    text_outside_math = re.sub(r"<math.*?</math>", "", page, flags=re.DOTALL)
    assert not _SYMPY.findall(text_outside_math)


def test_a_derivation_renders_in_headless_chromium(tmp_path):
    browser = _chromium()
    blank = tmp_path / "blank.html"
    blank.write_text("<!DOCTYPE html><html><body></body></html>", encoding="utf-8")
    page = tmp_path / "derivation.html"
    page.write_text(_page(bank.get("ch2-solutions.1")), encoding="utf-8")
    shots = {}
    for name, source in (("blank", blank), ("page", page)):
        run = _browse(browser, source, tmp_path, f"--screenshot={tmp_path / name}.png")
        if not (tmp_path / f"{name}.png").exists():
            pytest.skip(f"headless Chromium does not run here: {run.stderr[-300:]}")
        assert _console(run) == [], _console(run)
        shots[name] = _pixels((tmp_path / f"{name}.png").read_bytes())
    assert shots["page"] != shots["blank"]
