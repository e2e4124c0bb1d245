"""Renderers of derivations, kept apart from the mathematics.

Each renderer is imported on first use (:func:`derive._lazy.lazy_exports`), so a module that
needs only the printers (:mod:`._printers`, as the checker's readings do) loads none of them.

>>> from derive._render import render_text
>>> render_text.__module__
'derive._render._text'
"""

from .._lazy import lazy_exports

__all__ = ["render_dict", "render_html", "render_latex", "render_markdown", "render_sympy", "render_text"]

_SUBMODULE_EXPORTS = {
    "_dict": "render_dict",
    "_html": "render_html",
    "_latex": "render_latex",
    "_markdown": "render_markdown",
    "_text": "render_sympy render_text",
}
__getattr__, __dir__ = lazy_exports(__name__, _SUBMODULE_EXPORTS)
