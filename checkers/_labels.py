"""Word answers to classification questions (convex / concave / neither, minimum / saddle ...).

The reference is a :class:`derive.Label`; the answer's words are read with
:meth:`derive.Label.parse`, never guessed: words that are not a label are ``invalid`` with
the words that would answer the question.

>>> from derive import LOCAL_MIN, CONVEX, AFFINE
>>> check_label(LOCAL_MIN, "Local min").status.value, check_label(CONVEX, "concave").status.value
('correct', 'incorrect')
>>> check_label(AFFINE, "both convex and concave").status.value, check_label(CONVEX, "blue").status.value
('correct', 'invalid')
"""

from __future__ import annotations

import time

from derive import Label

from ._verdict import Method, Status, Verdict

__all__ = ["check_label"]

_LONGEST_WORD_ANSWER = 200


def check_label(expected: Label, answer: object) -> Verdict:
    """Compare a word answer with the expected label (qualifiers such as local/global must agree)."""
    started = time.monotonic()
    given = Label.parse(answer) if isinstance(answer, str) and len(answer) < _LONGEST_WORD_ANSWER else None
    if isinstance(answer, Label):
        given = answer
    if given is None or not given.families & expected.families:
        words = " / ".join(expected.choices())
        return Verdict(Status.INVALID, Method.READER, False, None, f"Invalid: answer with a word such as {words}.",
                       elapsed=time.monotonic() - started)
    correct = given.answers(expected)
    message = "Correct." if correct else f"Incorrect: the answer is not '{given.name}'."
    return Verdict(Status.CORRECT if correct else Status.INCORRECT, Method.IDENTICAL, True, rf"\text{{{given.name}}}",
                   message, elapsed=time.monotonic() - started)
