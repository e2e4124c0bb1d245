"""The LaTeX of every bank part is a document that compiles: the standalone output of each
problem (``derive ID --format latex --standalone``), all of them in one document, goes
through a real TeX engine, which must finish without a single error.

The engine is installed by ``.ci/run`` (texlive from the system's package manager); without
one the test is skipped locally and fails on CI.
"""

import os
import re
import shutil
import subprocess

import pytest
from click.testing import CliRunner

from derive._render._latex import latex_document
from problems import bank
from problems._output import derivations_text
from problems.cli import main

_ENGINES = ("pdflatex", "lualatex", "xelatex")


def _engine() -> str:
    for name in _ENGINES:
        if shutil.which(name):
            return name
    if os.environ.get("CI"):
        pytest.fail("no TeX engine on CI: .ci/run should have installed texlive")
    pytest.skip("no TeX engine (pdflatex) installed")


@pytest.fixture(scope="module")
def problem_blocks() -> list[tuple[str, str]]:
    """(problem id, its LaTeX fragment with every part) for every bank problem."""
    return [(problem.id, derivations_text(problem, problem.parts, "latex")) for problem in bank.all()]


def _culprit(document: str, line: int, blocks: list[tuple[str, str]]) -> str:
    """The problem whose block holds ``line`` of the document."""
    position = sum(len(text) + 1 for text in document.splitlines()[: line - 1])
    for problem_id, block in blocks:
        start = document.find(block)
        if start <= position < start + len(block):
            return problem_id
    return "the preamble"


def test_every_part_compiles(problem_blocks, tmp_path):
    engine = _engine()
    document = latex_document("\n\n\\clearpage\n".join(block for _, block in problem_blocks))
    assert document.isascii(), sorted({c for c in document if not c.isascii()})
    (tmp_path / "bank.tex").write_text(document)
    run = subprocess.run([engine, "-interaction=nonstopmode", "-halt-on-error", "bank.tex"], cwd=tmp_path,
                         capture_output=True, text=True, timeout=600)
    log = (tmp_path / "bank.log").read_text(errors="replace")
    errors = [line for line in log.splitlines() if line.startswith("!")]
    where = re.search(r"^l\.(\d+)", log, re.MULTILINE)
    culprit = _culprit(document, int(where.group(1)), problem_blocks) if where else "unknown"
    assert run.returncode == 0 and not errors, f"{culprit}: {errors[:5]}"
    assert (tmp_path / "bank.pdf").stat().st_size > 0


@pytest.mark.parametrize("identifier", ["udl.6.1.phi1", "derivatives.5"])
def test_standalone_is_a_document_and_the_fragment_is_display_math(identifier):
    standalone = CliRunner().invoke(main, ["derive", identifier, "--format", "latex", "--standalone"]).output
    fragment = CliRunner().invoke(main, ["derive", identifier, "--format", "latex"]).output
    assert standalone.startswith("\\documentclass") and "\\usepackage{amsmath}" in standalone
    assert standalone.rstrip().endswith("\\end{document}")
    assert "\\documentclass" not in fragment
    assert fragment.count("\\[\n\\begin{aligned}") == fragment.count("\\end{aligned}\n\\]") > 0
    assert fragment.strip() in standalone
