"""Nothing hostile is echoed by the command line, the results file or the Gradescope export:
control, bidi and zero-width characters come back escaped, and the Gradescope export is
plain text, so a page that shows it holds no markup of the student's."""

import html
import json
import shutil
import subprocess
import unicodedata
import zlib
from html.parser import HTMLParser

import pytest
from click.testing import CliRunner

from problems.cli import main

_HIDDEN = {"Cc", "Cf", "Cs", "Co", "Zl", "Zp"}  # control, format, surrogate, private use, separators


def hidden_characters(text: str) -> list[str]:
    """The characters of ``text`` (newlines apart) a terminal or browser would act on or hide."""
    return [c for c in text if unicodedata.category(c) in _HIDDEN and c != "\n"]


HOSTILE = [
    "x\x1b]0;pwned\x07",
    "x + \x1b[2J\x1b[H1",
    "\x1b[31mx\x1b[0m",
    "x\x08\x08y",
    "x\r+ z",
    "2x\u202e1 +",
    "x\u2066 + y\u2069",
    "x\u200b+ 1",
    "\ufeffx",
    "x + \ud800",
    "\\frac{1}{x}\x1b[31m",
]


def _run(*arguments):
    result = CliRunner().invoke(main, list(arguments))
    assert "Traceback" not in result.output and not isinstance(result.exception, UnicodeError), result.output
    return result


@pytest.mark.parametrize("answer", HOSTILE)
@pytest.mark.parametrize("as_json", [False, True])
def test_check_echoes_no_hidden_character(answer, as_json):
    result = _run("check", "--expected", "x", answer, *(["--json"] if as_json else []))
    assert result.exit_code in (1, 3), result.output
    assert hidden_characters(result.stdout) == [] and hidden_characters(result.stderr) == []
    if as_json:
        verdict = json.loads(result.stdout)
        assert hidden_characters(verdict["message"]) == [] and hidden_characters(verdict["read_as"] or "") == []


@pytest.mark.parametrize("hostile", HOSTILE)
@pytest.mark.parametrize(
    "arguments",
    [
        lambda h: ["check", "--expected", h, "x"],
        lambda h: ["check", h, "x"],
        lambda h: ["show", h],
        lambda h: ["check", "--expected", "x", "--var", h, "x"],
        lambda h: ["check", "--expected", "x", "--define", f"s = {h}", "x"],
        lambda h: ["derive", "--expr", h],
    ],
    ids=["--expected", "problem id", "show", "--var", "--define", "derive --expr"],
)
def test_usage_errors_echo_no_hidden_character(hostile, arguments):
    result = _run(*arguments(hostile))
    assert result.exit_code in (0, 1, 2, 3), result.output
    assert hidden_characters(result.stdout) == [] and hidden_characters(result.stderr) == []


SCRIPT = "<script>console.error('pwned-script')</script>"
IMAGE = "<img src=x onerror=\"console.error('pwned-img')\">"
ROWS = [
    {"id": "ok", "expected": "x^2", "answer": "x*x"},
    {"id": "title\x1b]0;pwned\x07", "expected": "x", "answer": "x\x1b]0;pwned\x07"},
    {"id": "\u202eevil", "expected": "x\u202e", "answer": "x"},
    {"id": "problem", "problem": "nope\x1b[31m\u2066", "answer": "x"},
    {"id": "script", "expected": "x", "answer": SCRIPT},
    {"id": "image", "expected": "x", "answer": IMAGE + "\u200b"},
    {"id": "symbols", "expected": "x", "answer": "x", "symbols": ["x\ufeff:positive"]},
    {"id": "surrogate", "expected": "x", "answer": "x + \ud800"},
    {"id": "cr\r\nlf", "expected": "x^2", "answer": "x\r+ z"},
    {"id": "<b onmouseover=alert(1)>bold</b>", "expected": "x", "answer": "2x"},
]
BROKEN_LINES = ['{"id": "salvaged\\u001b[2J\\u202e", "answer": ', '{"id": "types\\u0007", "answer": ["\\u202e"]}']


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    subs, out, gradescope = folder / "subs.jsonl", folder / "results.jsonl", folder / "results.json"
    subs.write_text("".join(json.dumps(r) + "\n" for r in ROWS) + "".join(line + "\n" for line in BROKEN_LINES), encoding="utf-8")
    result = _run("grade", str(subs), "-o", str(out), "--workers", "1", "--gradescope", str(gradescope))
    assert result.exit_code == 0, result.output
    return result, out, gradescope


def _plain_ascii_json(data: bytes) -> None:
    """A JSON file that is plain ASCII with no control byte but the line ends."""
    assert all(32 <= byte < 127 or byte == 10 for byte in data), sorted({b for b in data if not 32 <= b < 127})


def test_grade_echoes_no_hidden_character(graded):
    result, _, _ = graded
    assert hidden_characters(result.stdout) == [] and hidden_characters(result.stderr) == []
    assert "Graded 12 rows" in result.stderr


def test_results_file_holds_no_hidden_character(graded):
    _, out, _ = graded
    _plain_ascii_json(out.read_bytes())
    records = [json.loads(line) for line in out.read_text(encoding="ascii").splitlines()]
    assert len(records) == len(ROWS) + len(BROKEN_LINES)
    for record in records:
        shown = [record["message"], record.get("read_as") or "", (record.get("error") or {}).get("message", "")]
        assert all(hidden_characters(text) == [] for text in shown), record
    ids = {record["id"] for record in records}  # an id is the gradebook's key: kept exactly, escaped only by JSON
    assert {row["id"] for row in ROWS} <= ids


def test_gradescope_export_is_plain_text(graded):
    _, _, gradescope = graded
    _plain_ascii_json(gradescope.read_bytes())
    document = json.loads(gradescope.read_text(encoding="ascii"))
    assert (document["output_format"], document["test_output_format"], document["test_name_format"]) == ("text",) * 3
    assert all(test["output_format"] == "text" and test["name_format"] == "text" for test in document["tests"])
    shown = [document["output"]] + [text for test in document["tests"] for text in (test["name"], test["output"], *test["tags"])]
    assert all(hidden_characters(text) == [] for text in shown)


def _page(document: dict) -> str:
    """The export as a plain-text viewer shows it: each text escaped into a <pre>."""
    assert document["output_format"] == "text"
    parts = ["<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Results</title></head><body>",
             f"<pre>{html.escape(document['output'])}</pre>"]
    for test in document["tests"]:
        assert test["output_format"] == "text" and test["name_format"] == "text"
        parts.append(f"<h2>{html.escape(test['name'])}</h2><pre>{html.escape(test['output'])}</pre>")
    return "".join(parts) + "</body></html>"


class _Elements(HTMLParser):
    """Every element, attribute and piece of text of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attributes: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attributes.extend(name for name, _ in attrs)

    def handle_data(self, data):
        self.text.append(data)


_WRITTEN = {"html", "head", "meta", "title", "body", "h2", "pre"}


def _assert_only_written_elements(page: str) -> str:
    elements = _Elements()
    elements.feed(page)
    elements.close()
    assert set(elements.tags) <= _WRITTEN, set(elements.tags) - _WRITTEN
    assert elements.attributes in ([], ["charset"]) or set(elements.attributes) <= {"charset"}
    text = "".join(elements.text)
    assert hidden_characters(text) == []
    return text


def test_the_export_embedded_in_a_page_is_inert_text(graded):
    _, _, gradescope = graded
    document = json.loads(gradescope.read_text(encoding="ascii"))
    text = _assert_only_written_elements(_page(document))
    assert "<script>" in text and "onerror" in text  # the student's markup is there, as text


# -- a real browser (optional: skipped when Chromium is not installed) ------------------------------

def _chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("Chromium is not installed (.ci/run installs it with apt-get where it can)")


def _browse(browser: str, page, folder, *extra: str) -> subprocess.CompletedProcess:
    command = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
               f"--user-data-dir={folder / 'profile'}", "--window-size=900,1400", "--enable-logging=stderr", "--v=0",
               *extra, page.as_uri()]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)


def _console(run: subprocess.CompletedProcess) -> list[str]:
    return [line for line in run.stderr.splitlines() if ":CONSOLE" in line]


def _pixels(png: bytes) -> bytes:
    """The decompressed image data of a PNG (enough to tell two screenshots apart)."""
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    data, position = b"", 8
    while position < len(png):
        length = int.from_bytes(png[position:position + 4], "big")
        if png[position + 4:position + 8] == b"IDAT":
            data += png[position + 8:position + 8 + length]
        position += 12 + length
    return zlib.decompress(data)


def test_the_export_in_headless_chromium(graded, tmp_path):
    browser = _chromium()
    _, _, gradescope = graded
    live = tmp_path / "live.html"  # a control: a live script must show up on the console
    live.write_text(f"<!DOCTYPE html><html><body>{SCRIPT}{IMAGE}</body></html>", encoding="utf-8")
    control = _browse(browser, live, tmp_path, "--dump-dom")
    if "pwned-script" not in "".join(_console(control)):
        pytest.skip(f"headless Chromium does not run here: {control.stderr[-500:]}")
    assert "pwned-img" in "".join(_console(control))
    blank = tmp_path / "blank.html"
    blank.write_text("<!DOCTYPE html><html><body></body></html>", encoding="utf-8")
    page = tmp_path / "results.html"
    page.write_text(_page(json.loads(gradescope.read_text(encoding="ascii"))), encoding="utf-8")
    dom = _browse(browser, page, tmp_path, "--dump-dom")
    assert _console(dom) == [], _console(dom)
    _assert_only_written_elements(dom.stdout)
    shots = {}
    for name, source in (("blank", blank), ("page", page)):
        run = _browse(browser, source, tmp_path, f"--screenshot={tmp_path / name}.png")
        assert _console(run) == [], _console(run)
        shots[name] = _pixels((tmp_path / f"{name}.png").read_bytes())
    assert shots["page"] != shots["blank"]  # the screenshot shows something
