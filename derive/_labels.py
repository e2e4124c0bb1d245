"""Classification labels: the one type for word results (convex, local minimum, yes ...).

A :class:`Label` is a sympy ``Str`` (so it can be a Derivation's result) with a canonical
spelling, a *core* word and optional *qualifiers* (``local``, ``global``, ``strictly``).
:meth:`Label.parse` reads what a person writes ("Local min", "both convex and concave",
"saddle") into a label, or None.

>>> Label.parse("Local min"), Label.parse("linear") == AFFINE
(Label('local minimum'), True)
>>> AFFINE.core, LOCAL_MIN.qualifiers, sorted(INCONCLUSIVE.families)
('affine', ('local',), ['convexity', 'extremum'])
"""

from __future__ import annotations

import re

from sympy.core.symbol import Str

__all__ = [
    "Label", "CONVEX", "CONCAVE", "AFFINE", "NEITHER", "UNDETERMINED",
    "LOCAL_MIN", "LOCAL_MAX", "SADDLE", "NOT_EXTREMUM", "INCONCLUSIVE", "YES", "NO",
]

_FAMILIES = {
    "convexity": ("convex", "concave", "affine", "neither", "inconclusive"),
    "extremum": ("minimum", "maximum", "saddle point", "not an extremum", "inconclusive"),
    "yes-no": ("yes", "no"),
}
_CORE_SYNONYMS = {
    "min": "minimum", "minimum": "minimum", "minimizer": "minimum", "minimiser": "minimum",
    "max": "maximum", "maximum": "maximum", "maximizer": "maximum", "maximiser": "maximum",
    "saddle": "saddle point", "saddle point": "saddle point", "saddlepoint": "saddle point",
    "not an extremum": "not an extremum", "no extremum": "not an extremum", "not extremum": "not an extremum",
    "inconclusive": "inconclusive", "undetermined": "inconclusive", "undecided": "inconclusive",
    "convex": "convex", "concave": "concave", "neither": "neither",
    "affine": "affine", "linear": "affine", "both": "affine", "convex and concave": "affine",
    "both convex and concave": "affine", "convex and concave affine": "affine",
    "yes": "yes", "true": "yes", "no": "no", "false": "no",
}
_QUALIFIERS = {"local": "local", "global": "global", "strict": "strictly", "strictly": "strictly"}
_UNQUALIFIED = frozenset({"neither", "inconclusive", "not an extremum", "affine", "yes", "no"})
_WORDS = re.compile(r"[a-z]+")


class Label(Str):
    """A classification word with its qualifiers, e.g. ``Label("strictly convex")``."""

    @classmethod
    def parse(cls, text: str) -> Label | None:
        """The label a person's words mean, or None when they are not a known label.

        >>> Label.parse(r"\\text{Strictly convex}"), Label.parse("a saddle"), Label.parse("blue")
        (Label('strictly convex'), Label('saddle point'), None)
        """
        words = _WORDS.findall(text.lower().replace("\\text", " "))
        if words and words[0] in ("a", "an", "the") and len(words) > 1:
            words = words[1:]
        qualifiers: list[str] = []
        while len(words) > 1 and words[0] in _QUALIFIERS:
            qualifiers.append(_QUALIFIERS[words.pop(0)])
        core = _CORE_SYNONYMS.get(" ".join(words))
        if core is None or (qualifiers and core in _UNQUALIFIED):
            return None
        return cls(" ".join([*qualifiers, core]))

    @property
    def core(self) -> str:
        """The word without qualifiers (``minimum`` for ``local minimum``)."""
        words = self.name.split()
        while len(words) > 1 and words[0] in _QUALIFIERS.values():
            words = words[1:]
        return " ".join(words)

    @property
    def qualifiers(self) -> tuple[str, ...]:
        """``local``, ``global``, ``strictly`` as written before the core word."""
        return tuple(self.name.split()[: len(self.name.split()) - len(self.core.split())])

    @property
    def families(self) -> frozenset[str]:
        """``convexity``, ``extremum``, ``yes-no``: the questions the label can answer
        (``inconclusive`` answers two)."""
        return frozenset(name for name, cores in _FAMILIES.items() if self.core in cores)

    def choices(self) -> tuple[str, ...]:
        """The words that answer the same question (for a message)."""
        return _FAMILIES[min(self.families)]

    def answers(self, wanted: Label) -> bool:
        """True when this label, given as an answer, is right for ``wanted``: the same core
        word, and no qualifier that contradicts one of ``wanted``'s.

        >>> Label("minimum").answers(LOCAL_MIN), Label("global minimum").answers(LOCAL_MIN)
        (True, False)
        """
        if self.core != wanted.core:
            return False
        return not (self.qualifiers and wanted.qualifiers and set(self.qualifiers) != set(wanted.qualifiers))

    def __repr__(self) -> str:
        return f"Label({self.name!r})"


CONVEX, CONCAVE, AFFINE = Label("convex"), Label("concave"), Label("affine")
NEITHER, UNDETERMINED = Label("neither"), Label("inconclusive")
LOCAL_MIN, LOCAL_MAX, SADDLE = Label("local minimum"), Label("local maximum"), Label("saddle point")
NOT_EXTREMUM, INCONCLUSIVE = Label("not an extremum"), Label("inconclusive")
YES, NO = Label("yes"), Label("no")
