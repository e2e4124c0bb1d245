"""An author's TeX (the ``$...$`` spans of a problem's statement) as MathML, faithfully: the
symbols as written, nothing evaluated or reordered, no network needed to view it.

A small reader of the TeX a statement uses: letters, numbers, operators, Greek letters and
symbols by name, ``^`` and ``_``, ``\\frac``, ``\\sqrt``, ``\\sum``, font commands,
``\\text``, ``\\left``/``\\right``. A command it does not know is shown by its name, never
as raw TeX source.

>>> tex_mathml(r"\\phi_1 x^2")
'<math display="inline"><msub><mi>φ</mi><mn>1</mn></msub><msup><mi>x</mi><mrow><mn>2</mn></mrow></msup></math>'
>>> paragraph_html(r"For $a < b$, see.")
'For <math display="inline"><mi>a</mi><mo>&lt;</mo><mi>b</mi></math>, see.'
"""

from __future__ import annotations

import html
import re
import unicodedata

__all__ = ["tex_mathml", "paragraph_html"]

_TOKEN = re.compile(r"\\[A-Za-z]+|\\.|[A-Za-z]|\d+(?:\.\d+)?|\s+|.", re.DOTALL)
_SYMBOLS = {
    "cdot": "·", "times": "×", "in": "∈", "notin": "∉", "le": "≤", "leq": "≤", "ge": "≥", "geq": "≥",
    "ne": "≠", "neq": "≠", "to": "→", "mapsto": "↦", "infty": "∞", "partial": "∂", "nabla": "∇",
    "top": "⊤", "intercal": "⊤", "ldots": "…", "dots": "…", "cdots": "⋯", "pm": "±", "mid": "∣",
    "lVert": "‖", "rVert": "‖", "|": "‖", "Vert": "‖", "lvert": "|", "rvert": "|", "{": "{", "}": "}",
    "langle": "⟨", "rangle": "⟩", "approx": "≈", "sim": "∼", "subseteq": "⊆", "cup": "∪", "cap": "∩",
    "Rightarrow": "⇒", "Leftrightarrow": "⇔", "implies": "⇒", "odot": "⊙", "circ": "∘", "prime": "′",
    "sum": "∑", "prod": "∏", "int": "∫", "ell": "ℓ", "emptyset": "∅", "forall": "∀", "exists": "∃",
}
_FUNCTIONS = frozenset("log ln exp sin cos tan sinh cosh tanh det tr max min arg argmax argmin sup inf lim".split())
_SPACES = frozenset({",", ";", ":", "!", " ", "quad", "qquad", "left", "right", "big", "Big", "bigl", "bigr",
                     "displaystyle", "limits"})
_FONTS = {"mathbf": "bold", "boldsymbol": "bold-italic", "bm": "bold-italic", "mathit": "italic",
          "mathcal": "script", "vec": "bold"}


def _greek(name: str) -> str | None:
    case = "CAPITAL" if name[0].isupper() else "SMALL"
    letter = {"lambda": "LAMDA", "varepsilon": "EPSILON", "varphi": "PHI", "vartheta": "THETA"}.get(
        name.lower(), name.upper())
    try:
        return unicodedata.lookup(f"GREEK {case} LETTER {letter}")
    except KeyError:
        return None


class _Reader:
    def __init__(self, tex: str) -> None:
        self.tokens = [t for t in _TOKEN.findall(tex) if not t.isspace()]
        self.position = 0

    def _next(self) -> str | None:
        token = self.tokens[self.position] if self.position < len(self.tokens) else None
        self.position += 1
        return token

    def _peek(self) -> str | None:
        return self.tokens[self.position] if self.position < len(self.tokens) else None

    def row(self, closing: str | None = None) -> str:
        """Atoms (with their scripts) up to ``closing`` or the end."""
        items = []
        while self._peek() is not None and self._peek() != closing:
            items.append(self._scripted())
        self._next()  # the closing brace
        return "".join(items)

    def _argument(self) -> str:
        token = self._next()
        if token == "{":
            return f"<mrow>{self.row('}')}</mrow>"
        return self._atom(token) if token is not None else ""

    def _raw_argument(self) -> str:
        if self._peek() != "{":
            return self._next() or ""
        self._next()
        depth, words = 1, []
        while (token := self._next()) is not None:
            depth += (token == "{") - (token == "}")
            if depth == 0:
                break
            words.append(token)
        return " ".join(words).replace(" ,", ",")

    def _scripted(self) -> str:
        base = self._atom(self._next())
        sub = sup = None
        while self._peek() in ("_", "^", "'"):
            token = self._next()
            if token == "'":
                sup = (sup or "") + "<mo>′</mo>"
            elif token == "_":
                sub = self._argument()
            else:
                sup = (sup or "") + self._argument()
        if sub is not None and sup is not None:
            return f"<msubsup>{base}{sub}<mrow>{sup}</mrow></msubsup>"
        if sub is not None:
            return f"<msub>{base}{sub}</msub>"
        return f"<msup>{base}<mrow>{sup}</mrow></msup>" if sup is not None else base

    def _atom(self, token: str) -> str:
        if token == "{":
            return f"<mrow>{self.row('}')}</mrow>"
        if token[0].isdigit():
            return f"<mn>{token}</mn>"
        if token.isalpha():
            return f"<mi>{token}</mi>"
        if token.startswith("\\"):
            return self._command(token[1:])
        return f"<mo>{html.escape(token)}</mo>"

    def _command(self, name: str) -> str:
        if name in _SPACES:
            return ""
        if name == "frac" or name == "dfrac":
            return f"<mfrac>{self._argument()}{self._argument()}</mfrac>"
        if name == "sqrt":
            return f"<msqrt>{self._argument()}</msqrt>"
        if name in ("text", "mbox", "textrm"):
            return f"<mtext>{html.escape(self._raw_argument())}</mtext>"
        if name == "mathbb":
            letter = self._raw_argument()
            return f"<mi>{ {'R': 'ℝ', 'N': 'ℕ', 'Z': 'ℤ', 'E': '𝔼', '1': '𝟙'}.get(letter, html.escape(letter))}</mi>"
        if name in ("mathrm", "operatorname"):
            return f"<mi>{html.escape(self._raw_argument().replace(' ', ''))}</mi>"
        if name in _FONTS:
            return self._argument().replace("<mi>", f'<mi mathvariant="{_FONTS[name]}">')
        if name in _SYMBOLS:
            return f"<mo>{html.escape(_SYMBOLS[name])}</mo>"
        if name in _FUNCTIONS:
            return f"<mi>{name}</mi>"
        letter = _greek(name)
        return f"<mi>{letter}</mi>" if letter else f"<mi>{html.escape(name)}</mi>"


def tex_mathml(tex: str) -> str:
    """Inline MathML of an author's TeX formula."""
    return f'<math display="inline">{_Reader(tex).row()}</math>'


def paragraph_html(text: str) -> str:
    """A statement's text as HTML: the words escaped, each ``$...$`` span as MathML."""
    pieces = re.split(r"(?<!\\)\$(.+?)(?<!\\)\$", text)
    return "".join(tex_mathml(piece) if index % 2 else html.escape(piece).replace("\\$", "$")
                   for index, piece in enumerate(pieces))
