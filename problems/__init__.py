"""derivecheck's exercise bank and command line (built on ``derive`` and ``checkers``)."""

__all__: list[str] = []
