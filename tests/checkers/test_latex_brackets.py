"""The one bracket-walking helper of the LaTeX reader, and the one registry of commands."""

from __future__ import annotations

import pytest

from checkers._latex._brackets import closing_index, first_imbalance, split_top_level, top_level_indices
from checkers._latex._commands import KNOWN_COMMANDS
from checkers._latex._constructs import CONSTRUCTS
from checkers._latex._tokens import tokenize


def _texts(tokens) -> list[str]:
    return [token.text for token in tokens]


CLOSERS = [
    # (LaTeX, index of an opening token, index of its closer or None)
    (r"(a + (b))", 0, 6),
    (r"(a + (b))", 3, 5),
    (r"\frac{a}{b}", 1, 3),
    (r"\{a, \{b\}\}", 0, 6),
    (r"[a, (b, c)]", 0, 8),
    (r"\begin{matrix} 1 \end{matrix}", 0, 10),
    (r"(a", 0, None),
]


@pytest.mark.parametrize(("text", "index", "close"), CLOSERS)
def test_closing_index_finds_the_matching_closer(text: str, index: int, close: int | None) -> None:
    assert closing_index(tokenize(text), index) == close


def test_closing_index_walks_any_sequence_with_its_own_depth_rule() -> None:
    assert closing_index("{a{b}c}d", 0, lambda ch: (ch == "{") - (ch == "}")) == 6


TOP_LEVEL = [
    # (LaTeX, separator, the pieces between top-level separators)
    ("a, b, c", ",", [["a"], ["b"], ["c"]]),
    ("f(a, b), c", ",", [["f", "(", "a", ",", "b", ")"], ["c"]]),
    (r"\{a, b\}, [c, d]", ",", [["{", "a", ",", "b", "}"], ["[", "c", ",", "d", "]"]]),
    (r"\begin{cases} a, b \end{cases}, c", ",", None),
    ("a = b = c", "=", [["a"], ["b"], ["c"]]),
    ("x^{a=b} = c", "=", [["x", "^", "{", "a", "=", "b", "}"], ["c"]]),
    (",", ",", [[], []]),
    ("", ",", [[]]),
]


@pytest.mark.parametrize(("text", "separator", "pieces"), TOP_LEVEL)
def test_split_top_level_ignores_separators_inside_brackets(text: str, separator: str, pieces) -> None:
    tokens = tokenize(text)
    split = split_top_level(tokens, lambda token: token.is_char(separator))
    if pieces is None:  # an environment is one bracket: only the comma after it splits
        assert len(split) == 2 and _texts(split[1]) == ["c"]
    else:
        assert [_texts(piece) for piece in split] == pieces
    assert len(top_level_indices(tokens, lambda token: token.is_char(separator))) == len(split) - 1


IMBALANCES = [
    # (LaTeX, opener text or None, closer text or None)
    (r"(a\}", "(", "}"),  # ((a] is a half-open interval, not an imbalance)
    ("a)", None, ")"),
    ("(a", "(", None),
    (r"\{a}", "{", "}"),  # a set brace closed by a group brace
    (r"\begin{matrix} a", "begin", None),
    (r"a \end{matrix}", None, "end"),
]


@pytest.mark.parametrize(("text", "opener", "closer"), IMBALANCES)
def test_first_imbalance_names_both_sides(text: str, opener: str | None, closer: str | None) -> None:
    problem = first_imbalance(tokenize(text))
    assert problem is not None
    assert (problem.opener.text if problem.opener else None) == opener
    assert (problem.closer.text if problem.closer else None) == closer


@pytest.mark.parametrize("text", [r"(a[b]{c})", r"\{1\}", r"\begin{bmatrix}1 & (2)\end{bmatrix}", ""])
def test_balanced_text_has_no_imbalance(text: str) -> None:
    assert first_imbalance(tokenize(text)) is None


def test_every_registered_construct_is_a_struct_token_and_nothing_else_is() -> None:
    structs = {name for name, (kind, _) in KNOWN_COMMANDS.items() if kind == "struct"}
    assert structs == set(CONSTRUCTS)
    for name in CONSTRUCTS:
        assert tokenize("\\" + name)[0].is_struct(name)
