"""Python's own parser for the two readers of Python-like text (the plain answer reader and
the reference cache's sympy text), one call at a time.

CPython 3.11's ``ast.parse`` is not safe to call from several threads at once: the AST
validator's recursion counter is shared, and concurrent calls fail with ``SystemError: AST
constructor recursion depth mismatch`` (seen in this project's threaded tests). Parsing is
cheap next to a check, so a lock costs nothing that matters. Nothing parsed here is ever
evaluated: callers walk the tree node by allowlisted node.

>>> type(parse_expression("x + 1").body).__name__
'BinOp'
"""

from __future__ import annotations

import ast
import threading

__all__ = ["parse_expression"]

_ONE_AT_A_TIME = threading.Lock()


def parse_expression(text: str) -> ast.Expression:
    """The syntax tree of ``text`` as one Python expression (``SyntaxError`` if it is not one)."""
    with _ONE_AT_A_TIME:
        return ast.parse(text, mode="eval")
