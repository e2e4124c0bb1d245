"""What each LaTeX command is, lexically: the tables the tokenizer consults.

Every command maps to a token kind and a normalized spelling:

- ``letter``: a variable name (Greek letters, ``\\ell``),
- ``func``: a function name (``\\sin``, ``\\log``, ``\\det`` ...),
- ``char``/``rel``/``op``: operators (``\\cdot`` is ``*``, ``\\leq`` is ``<=``, ``\\pm``),
- ``const``: ``\\infty``,
- ``struct``: commands with arguments, from the registry :data:`._constructs.CONSTRUCTS`,
- ``set``: set braces ``\\{ \\}``, ``row``: ``\\\\``, ``sup``: ``\\top``/``\\intercal``,
- ``bad``: notation that is understood but not admissible in an answer (``\\approx``, ``\\int``).

>>> KNOWN_COMMANDS["cdot"], KNOWN_COMMANDS["theta"]
(('char', '*'), ('letter', 'theta'))
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from types import MappingProxyType

from .._functions import FUNCTION_NAMES
from .._names import GREEK_LETTERS
from ._constructs import CONSTRUCTS

__all__ = ["KNOWN_COMMANDS", "DROPPED", "SIZED_DELIMITERS", "WORD_WRAPPERS", "FONT_WRAPPERS", "UNICODE", "FUNCTION_COMMANDS"]

SIZED_DELIMITERS = frozenset(
    "left right big Big bigg Bigg bigl bigr Bigl Bigr biggl biggr Biggl Biggr middle".split()
)
DROPPED = frozenset(
    {",", ";", "!", ":", " ", "displaystyle", "textstyle", "limits", "nolimits",
     "thinspace", "medspace", "thickspace", "enspace", "negthinspace", "hfill", "nonumber", "notag"}
    | SIZED_DELIMITERS
)
WORD_WRAPPERS = frozenset(
    "text textrm textit textbf textsf texttt mbox mathrm mathsf mathit operatorname mathbb".split()
)
FONT_WRAPPERS = frozenset("mathbf boldsymbol bm vec mathcal mathscr mathfrak pmb mathnormal bold".split())

FUNCTION_COMMANDS = frozenset(
    name for name in FUNCTION_NAMES if name.isascii() and name.isalpha() and name not in GREEK_LETTERS and name not in CONSTRUCTS
)
"""Commands that name a function (``\\sin``, ``\\log``, ``\\det`` ...): the readers' one function table."""

_NOT_READ = {
    "approx": "'\\approx'", "sim": "'\\sim'", "simeq": "'\\simeq'", "propto": "'\\propto'", "equiv": "'\\equiv'",
    "to": "an arrow", "rightarrow": "an arrow", "Rightarrow": "an arrow", "implies": "an arrow",
    "Longrightarrow": "an arrow", "longrightarrow": "an arrow", "mapsto": "an arrow", "iff": "an arrow",
    "Leftrightarrow": "an arrow", "leftarrow": "an arrow", "gets": "an arrow",
    "subset": "'\\subset'", "subseteq": "'\\subseteq'",
    "cdots": "'...'", "ldots": "'...'", "dots": "'...'", "vdots": "'...'", "ddots": "'...'",
    "forall": "'\\forall'", "exists": "'\\exists'", "square": "'\\square'",
    "therefore": "'\\therefore'", "int": "an integral", "iint": "an integral", "oint": "an integral",
    "lim": "a limit", "sup": "'\\sup'", "inf": "'\\inf'", "arg": "'\\arg'", "argmin": "'argmin'",
    "argmax": "'argmax'", "langle": "an inner-product bracket", "rangle": "an inner-product bracket",
    "otimes": "a tensor product", "oplus": "a direct sum",
    "circledast": "a convolution", "star": "a convolution", "ast": "'\\ast'",
    "land": "a logical 'and'", "wedge": "a logical 'and'", "not": "'\\not'", "perp": "'\\perp'",
    "coloneqq": "a definition", "triangleq": "a definition", "stackrel": "'\\stackrel'",
    "overset": "'\\overset'", "underset": "'\\underset'", "mathbb": "a blackboard letter",
"label": "a label", "tag": "a tag", "color": "a color",
    "Pr": "a probability", "mathbbm": "a blackboard letter",
}

def _table() -> Mapping[str, tuple[str, str]]:
    table: dict[str, tuple[str, str]] = {}
    for name in GREEK_LETTERS:
        table[name] = ("letter", name)
    table.update({"ell": ("letter", "ell"), "lamda": ("letter", "lambda")})
    for name in FUNCTION_COMMANDS:
        table[name] = ("func", name)
    for name in CONSTRUCTS:  # commands with arguments: one registry, read by the parser
        table[name] = ("struct", name)
    for name, what in _NOT_READ.items():
        table[name] = ("bad", what or name)
    table.update(
        {
            "cdot": ("char", "*"), "times": ("char", "*"), "div": ("char", "/"),
            "odot": ("char", "⊙"), "circ": ("char", "∘"),
            "pm": ("op", "±"), "mp": ("op", "∓"),
            "le": ("rel", "<="), "leq": ("rel", "<="), "leqslant": ("rel", "<="),
            "ge": ("rel", ">="), "geq": ("rel", ">="), "geqslant": ("rel", ">="),
            "lt": ("rel", "<"), "gt": ("rel", ">"), "ne": ("rel", "!="), "neq": ("rel", "!="),
            "top": ("sup", "top"), "intercal": ("sup", "top"), "prime": ("char", "'"),
            "infty": ("const", "oo"), "emptyset": ("const", "emptyset"), "varnothing": ("const", "emptyset"),
            "partial": ("op", "∂"), "nabla": ("op", "∇"),
            "{": ("set", "{"), "}": ("set", "}"), "lbrace": ("set", "{"), "rbrace": ("set", "}"),
            "|": ("char", "‖"), "Vert": ("char", "‖"), "lVert": ("char", "‖"), "rVert": ("char", "‖"),
            "vert": ("char", "|"), "lvert": ("char", "|"), "rvert": ("char", "|"), "mid": ("char", "|"),
            "\\": ("row", "\\\\"), "cr": ("row", "\\\\"), "lbrack": ("char", "["), "rbrack": ("char", "]"),
            "quad": ("gap", "quad"), "qquad": ("gap", "qquad"),
            "lor": ("word", "or"), "vee": ("word", "or"), "%": ("char", "%"),
            "cup": ("op", "∪"), "cap": ("op", "∩"), "setminus": ("op", "∖"),
            "in": ("rel", "∈"), "notin": ("rel", "∉"), "neg": ("op", "¬"), "lnot": ("op", "¬"),
        }
    )
    return MappingProxyType(table)


KNOWN_COMMANDS = _table()


def _unicode() -> Mapping[str, tuple[str, str]]:
    table: dict[str, tuple[str, str]] = {}
    for name in GREEK_LETTERS:
        if name.startswith("var"):
            continue
        case = "SMALL" if name[0].islower() else "CAPITAL"
        letter = "LAMDA" if name.lower() == "lambda" else name.upper()
        try:
            table[unicodedata.lookup(f"GREEK {case} LETTER {letter}")] = ("letter", name)
        except KeyError:
            continue
    table.update(
        {
            "ϕ": ("letter", "phi"), "ϵ": ("letter", "epsilon"), "ℓ": ("letter", "ell"),
            "−": ("char", "-"), "–": ("char", "-"), "·": ("char", "*"), "⋅": ("char", "*"), "×": ("char", "*"),
            "⊙": ("char", "⊙"), "∘": ("char", "∘"),
            "÷": ("char", "/"), "≤": ("rel", "<="), "≥": ("rel", ">="), "≠": ("rel", "!="),
            "±": ("op", "±"), "∓": ("op", "∓"), "∞": ("const", "oo"), "∂": ("op", "∂"), "∇": ("op", "∇"),
            "′": ("char", "'"), "’": ("char", "'"), "‖": ("char", "‖"), "≈": ("bad", "'≈'"), "→": ("bad", "an arrow"),
            "∈": ("rel", "∈"), "∉": ("rel", "∉"), "∪": ("op", "∪"), "∩": ("op", "∩"), "¬": ("op", "¬"),
            "…": ("bad", "'...'"), "⊤": ("sup", "top"),
        }
    )
    return MappingProxyType(table)


UNICODE = _unicode()
