"""Renderers of derivations, kept apart from the mathematics."""

from ._dict import render_dict
from ._html import render_html
from ._latex import render_latex
from ._markdown import render_markdown
from ._text import render_sympy, render_text

__all__ = ["render_dict", "render_html", "render_latex", "render_markdown", "render_sympy", "render_text"]
