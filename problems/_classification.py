"""Checking word answers: convex / concave / neither, minimum / maximum / saddle ...

>>> from sympy import Str
>>> check_classification(Str("local minimum"), "Local min").status.value
'correct'
>>> check_classification(Str("convex"), "concave").status.value
'incorrect'
"""

from __future__ import annotations

import re
import time

from sympy import Basic

from checkers import Method, Status, Verdict

__all__ = ["check_classification", "normalise_label"]

_SYNONYMS = {
    "min": "minimum", "minimum": "minimum", "minimizer": "minimum", "minimiser": "minimum",
    "max": "maximum", "maximum": "maximum", "maximizer": "maximum", "maximiser": "maximum",
    "saddle": "saddle", "saddlepoint": "saddle", "saddle point": "saddle",
    "inconclusive": "inconclusive", "undetermined": "inconclusive",
    "convex": "convex", "concave": "concave", "neither": "neither",
    "strictly convex": "strictly convex", "strictly concave": "strictly concave",
    "yes": "yes", "true": "yes", "no": "no", "false": "no",
}
_WORDS = re.compile(r"[a-z]+")


def normalise_label(text: str) -> str | None:
    """The canonical label for a word answer, or None when it is not one we know."""
    words = " ".join(_WORDS.findall(text.lower().replace("\\text", " ")))
    prefix = ""
    for lead in ("local ", "global ", "strict ", "strictly "):
        if words.startswith(lead) and words != lead.strip():
            prefix, words = prefix + lead, words[len(lead):]
    core = _SYNONYMS.get(words)
    if core is None:
        return None
    prefix = prefix.replace("strict ", "strictly ")
    return (prefix + core) if core not in ("inconclusive", "neither", "yes", "no") else core


def check_classification(expected: Basic, answer: object) -> Verdict:
    """Compare a word answer with the expected label (local/global qualifiers must agree)."""
    started = time.monotonic()
    wanted = normalise_label(str(expected))
    given = normalise_label(answer) if isinstance(answer, str) and len(answer) < 200 else None
    if given is None:
        return Verdict(Status.INVALID, Method.READER, False, None,
                       f"Invalid: answer with a word such as {_choices(wanted)}.", elapsed=time.monotonic() - started)
    correct = given == wanted or given.split()[-1] == wanted.split()[-1] and not _qualifier_conflict(given, wanted)
    status = Status.CORRECT if correct else Status.INCORRECT
    message = "Correct." if correct else f"Incorrect: the answer is not {given!r}."
    return Verdict(status, Method.IDENTICAL, True, rf"\text{{{given}}}", message, elapsed=time.monotonic() - started)


def _qualifier_conflict(given: str, wanted: str) -> bool:
    qualifiers = lambda s: set(s.split()[:-1])  # noqa: E731
    return bool(qualifiers(given) and qualifiers(wanted) and qualifiers(given) != qualifiers(wanted))


def _choices(wanted: str | None) -> str:
    family = {"minimum", "maximum", "saddle", "inconclusive"} if wanted and wanted.split()[-1] in {"minimum", "maximum", "saddle", "inconclusive"} else {"convex", "concave", "neither"}
    return " / ".join(sorted(family))
