"""One spelling for every name: ``\\theta_{11}``, ``theta_11`` and ``θ_11`` are one symbol."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["GREEK_LETTERS", "UNICODE_GREEK", "canonical_name"]

GREEK_LETTERS: frozenset[str] = frozenset(
    "alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa lambda mu nu xi "
    "omicron pi varpi rho varrho sigma varsigma tau upsilon phi varphi chi psi omega "
    "Gamma Delta Theta Lambda Xi Pi Sigma Upsilon Phi Psi Omega".split()
)

UNICODE_GREEK = {
    unicodedata.lookup(f"GREEK {'SMALL' if n.islower() else 'CAPITAL'} LETTER {n.upper()}"): n
    for n in GREEK_LETTERS
    if not n.startswith("var") and n not in {"lambda", "Lambda"}
}
UNICODE_GREEK.update({"λ": "lambda", "Λ": "Lambda", "ϕ": "phi", "ε": "epsilon", "ϵ": "epsilon"})
"""Each Unicode Greek letter and its name (``θ`` -> ``theta``)."""
_VARIANTS = {"varepsilon": "epsilon", "varphi": "phi", "vartheta": "theta", "varrho": "rho",
             "varsigma": "sigma", "varpi": "pi", "lamda": "lambda", "Lamda": "Lambda"}
_DROP = re.compile(r"[\\{}\s]")


def canonical_name(raw: str) -> str:
    """The canonical spelling of a variable name.

    Backslashes, braces and spaces go; Greek letters are spelled out; variants
    (``\\varphi``) fold onto their base letter; a subscript keeps one underscore.

    >>> canonical_name("\\\\theta_{11}"), canonical_name("θ_11"), canonical_name("phi_0")
    ('theta_11', 'theta_11', 'phi_0')
    >>> canonical_name("\\\\varepsilon")
    'epsilon'
    """
    text = "".join(UNICODE_GREEK.get(ch, ch) for ch in raw)
    text = _DROP.sub("", text)
    head, sep, tail = text.partition("_")
    head = _VARIANTS.get(head, head)
    return f"{head}{sep}{tail}" if sep else head
