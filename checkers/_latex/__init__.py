"""LaTeX reader for ML-course notation (placeholder: the raw grammar plus vocabulary mapping)."""

from __future__ import annotations

from ._reader import read_latex

__all__ = ["read_latex"]
