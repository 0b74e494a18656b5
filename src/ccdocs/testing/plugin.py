"""A pytest plugin: `--update-fixtures` and the `ccdocs_regression` fixture for document folders.

Load it from a conftest.py with `pytest_plugins = ["ccdocs.testing.plugin"]`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ..errors import InputError
from .regression import check_folder


def pytest_addoption(parser):
    """Add the switch that rewrites expected snapshots on purpose."""
    parser.addoption("--update-fixtures", action="store_true", default=False,
                     help="rewrite each document folder's expected/ snapshots instead of comparing them")


@pytest.fixture
def ccdocs_regression(request):
    """A function `check(folder)` failing with a readable diff when a built output differs from expected/."""
    update = request.config.getoption("--update-fixtures")

    def check(folder: str | Path, formats=("docx", "pdf")) -> None:
        refused, differences = [], []
        try:
            differences = check_folder(folder, update=update, formats=formats)
        except InputError as exc:  # failed outside this clause: pytest prints the context of a failure raised in it
            refused = exc.problems
        if refused:
            pytest.fail(f"{folder} does not build:\n" + "\n".join(str(p) for p in refused), pytrace=False)
        if differences:
            pytest.fail("outputs differ from expected/ (rerun with --update-fixtures after review):\n\n"
                        + "\n".join(str(d) for d in differences), pytrace=False)

    return check
