"""derivecheck's one logger ("derivecheck"), looked up on first use: importing :mod:`logging`
(and :mod:`traceback`) is start-up time that a check which logs nothing should not pay.

>>> import logging
>>> LOG.name, LOG.getEffectiveLevel() == logging.getLogger("derivecheck").getEffectiveLevel()
('derivecheck', True)
"""

from __future__ import annotations

__all__ = ["LOG"]


class _Logger:
    """Every attribute is the ``derivecheck`` logger's (``LOG.debug``, ``LOG.warning`` ...)."""

    def __getattr__(self, name: str) -> object:
        import logging

        return getattr(logging.getLogger("derivecheck"), name)


LOG = _Logger()
