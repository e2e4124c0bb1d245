"""Nothing hostile is echoed: control, bidi and zero-width characters of an answer or a
reference come back as visible escapes in every message and "read as", and the caret under
the pointer still stands under the right character."""

import json
import unicodedata

import pytest

from checkers import InvalidAnswer, Status, UsageError, check
from checkers._visible import visible

# A character the reader of a message would not see as itself. Typed here from Unicode's
# categories (control, format, surrogate, private use, line/paragraph separator), not imported.
_HIDDEN = {"Cc", "Cf", "Cs", "Co", "Zl", "Zp"}


def hidden_characters(text: str, *, newlines_allowed: bool = True) -> list[str]:
    """The characters of ``text`` a terminal or browser would act on or hide."""
    return [c for c in text if unicodedata.category(c) in _HIDDEN and not (newlines_allowed and c == "\n")]


# (hostile text, how it must be shown)
ESCAPES = [
    ("\x1b", "\\x1b"),             # ESC: starts colour, cursor and title sequences
    ("\x07", "\\x07"),             # BEL: ends an OSC title sequence, rings the bell
    ("\x08", "\\x08"),             # backspace: overwrites what was shown
    ("\r", "\\r"),                 # carriage return: overwrites the line
    ("\t", "\\t"),
    ("\x7f", "\\x7f"),             # DEL
    ("\x9b", "\\x9b"),             # CSI, the one-byte ESC [
    ("\u202e", "U+202E"),          # right-to-left override
    ("\u202a", "U+202A"),          # left-to-right embedding
    ("\u2066", "U+2066"),          # left-to-right isolate
    ("\u2069", "U+2069"),          # pop directional isolate
    ("\u200b", "U+200B"),          # zero-width space
    ("\u200d", "U+200D"),          # zero-width joiner
    ("\ufeff", "U+FEFF"),          # byte-order mark / zero-width no-break space
    ("\ud800", "U+D800"),          # a lone surrogate (cannot even be written as UTF-8)
    ("\ue000", "U+E000"),          # private use
    ("\u2028", "U+2028"),          # line separator
]

HOSTILE_ANSWERS = [
    "x\x1b]0;pwned\x07",                       # OSC: set the terminal's title
    "x + \x1b[2J\x1b[H1",                      # clear the screen, cursor home
    "\x1b[31mx\x1b[0m",                         # colour
    "x\x08\x08\x08y",                           # backspaces over what was shown
    "x\r+ z",                                   # carriage return (read by the screen as a space), then an unknown name
    "2x\u202e1 + ",                             # right-to-left override
    "x\u2066 + y\u2069",                        # bidi isolates
    "x\u200b+ 1",                               # zero-width space
    "\ufeffx + 1",                              # byte-order mark
    "x + \ud800",                               # lone surrogate
    "\\frac{1}{x}\x1b[31m",                     # LaTeX with ESC
    "\\frac{x\u202e}{2}",                       # LaTeX with a bidi override
    "\\text{\x1b]0;t\x07}",                     # inside \text
    "<script>alert(1)</script>\x1b",
]


@pytest.mark.parametrize(("hostile", "escape"), ESCAPES)
def test_visible_shows_each_hidden_character_as_its_escape(hostile, escape):
    shown = visible(f"a{hostile}b")
    assert shown == f"a{escape}b"
    assert hidden_characters(shown) == []
    assert visible(shown) == shown


@pytest.mark.parametrize("text", ["plain text", "x^2 + 1", "été, 𝔵, ∑, ≤", "two\nlines", "\\frac{1}{2}", ""])
def test_visible_leaves_visible_text_alone(text):
    assert visible(text) == text


@pytest.mark.parametrize("answer", HOSTILE_ANSWERS)
@pytest.mark.parametrize("notation", ["auto", "plain", "latex", "unicode"])
def test_no_hidden_character_survives_in_a_verdict(answer, notation):
    verdict = check("x", answer, notation=notation, timeout=2.0)
    assert hidden_characters(verdict.message) == [], verdict.message
    assert hidden_characters(verdict.read_as or "") == []
    decoded = json.loads(json.dumps(verdict.to_dict()))
    assert hidden_characters(decoded["message"]) == [] and hidden_characters(decoded["read_as"] or "") == []


@pytest.mark.parametrize("answer", HOSTILE_ANSWERS)
def test_no_hidden_character_survives_in_a_reference_error(answer):
    with pytest.raises(UsageError) as caught:
        check(answer + " +", "x")
    assert hidden_characters(caught.value.describe()) == [], caught.value.describe()


@pytest.mark.parametrize(("hostile", "escape"), [e for e in ESCAPES if e[0] not in "\t\r"])
def test_the_caret_stands_under_the_escaped_character(hostile, escape):
    verdict = check("x", f"2x + {hostile}y")
    assert verdict.status is Status.INVALID and verdict.position == 5
    text, caret = verdict.message.splitlines()[-2:]
    assert caret.strip() == "^"
    assert text[caret.index("^"):].startswith(escape)


@pytest.mark.parametrize(
    ("text", "position", "under_caret"),
    [
        ("\x1b\u202e\x07abc", 4, "b"),          # three escapes before the spot
        ("x\t\r\n+ z", 6, "z"),                 # tab, carriage return, newline before it
        ("\ud800" * 70 + "x", 70, "x"),         # the window of 60 characters is escaped too
        ("a\u200bb\u200bc", 4, "c"),
    ],
)
def test_the_caret_lines_up_after_escapes(text, position, under_caret):
    pointer = InvalidAnswer("m", text=text, position=position).pointer()
    shown, caret = pointer.split("\n")
    assert hidden_characters(shown, newlines_allowed=False) == []
    assert shown[caret.index("^")] == under_caret


def test_an_answer_with_a_carriage_return_points_past_the_escape():
    verdict = check("x", "x\r+ z")
    assert verdict.status is Status.INVALID and "unknown name 'z'" in verdict.message
    text, caret = verdict.message.splitlines()[-2:]
    assert "\\r" in text and text[caret.index("^")] == "z"


# Hostile Unicode mathematics (derive's text notation, read by checkers/_unicode_text.py): each
# ends invalid, or undecided when the check's budget runs out, never a traceback or a hang.
HOSTILE_UNICODE = [
    "x⁹⁹⁹⁹⁹⁹⁹⁹⁹",                              # an exponent far past the cap
    "2" + "⁹" * 5000,                           # an exponent with thousands of digits
    "x₁₂₃₄₅₆₇₈₉₀" * 50,                         # a subscript run on a long name, fifty times
    "xᵢ" * 2000,                                # more symbols than the cap
    "√(" * 500 + "x" + ")" * 500,              # deep nesting through √( ... )
    "√(" * 70 + "x" + ")" * 70,
    "√" * 300 + "x",                            # roots of roots with no bracket
    "e^(" * 400 + "x" + ")" * 400,             # deep nesting through ^( ... )
    "[[" * 200 + "1" + "]]" * 200,             # matrices of matrices
    "{" * 300 + "x⁴" + "}" * 300,              # sets of sets
    "{x⁴}" * 2000,                              # thousands of sets, each written as \{ ... \}
    "x⁴" + " {" * 4000,                         # thousands of braces never closed
    "Σ_{i=1}^{I}" * 300 + " xᵢ",                # hundreds of nested sums
    "∑_{i=1}^{9999999999} xᵢ⁴",                 # a sum with a bound of ten digits
    "⁽" * 100 + "x",                            # superscript brackets never closed
    "x⁾" * 100,
    "\u0301",                                   # a lone combining mark
    "x\u0301⁴",                                 # a combining mark on a name
    "x⁴" + "\u0300" * 100,                      # a hundred combining marks on a superscript
    "√\u0301x",
    "x⁴ \u200f+ 1",                             # right-to-left mark
    "x⁴\u202e + 1",                             # right-to-left override
    "\u202bxᵢ⁴",                                # right-to-left embedding
    "\u2067√2\u2069",                           # right-to-left isolate
]


@pytest.mark.parametrize("answer", HOSTILE_UNICODE, ids=[visible(a[:24]) for a in HOSTILE_UNICODE])
def test_hostile_unicode_mathematics_ends_invalid_or_undecided(answer):
    verdict = check("x", answer, timeout=2.0)
    assert verdict.status in (Status.INVALID, Status.UNDECIDED), verdict.message
    assert hidden_characters(verdict.message) == [], verdict.message
    assert verdict.elapsed < 60  # a guard against a hang, not a speed target (those live in benchmarks/)
