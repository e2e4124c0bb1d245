"""The whole suite: the reference cache lives in a temporary directory, never the user's."""

import os
import tempfile


def pytest_configure(config) -> None:
    os.environ["DERIVECHECK_CACHE_DIR"] = tempfile.mkdtemp(prefix="derivecheck-cache-tests-")
