"""The regression harness as another repository of documents would use it: the pytest plugin and its switch."""

from __future__ import annotations

import shutil

from conftest import DOCS

pytest_plugins = ["pytester"]

TEST = """
from pathlib import Path
import pytest

@pytest.mark.parametrize("folder", sorted(Path("documents").glob("*/document.yaml")), ids=lambda p: p.parent.name)
def test_document_is_unchanged(ccdocs_regression, folder):
    ccdocs_regression(folder.parent)
"""


def test_a_documents_repository_records_then_checks_then_catches_a_change(pytester):
    shutil.copytree(DOCS["budget"], pytester.path / "documents" / "budget", ignore=shutil.ignore_patterns("expected"))
    pytester.makeconftest('pytest_plugins = ["ccdocs.testing.plugin"]')
    pytester.makepyfile(test_documents=TEST)

    first = pytester.runpytest("-q")
    first.assert_outcomes(failed=1)
    first.stdout.fnmatch_lines(["*en.docx.txt: no expected snapshot yet (record it with `pytest --update-fixtures`*"])

    pytester.runpytest("-q", "--update-fixtures").assert_outcomes(passed=1)
    assert sorted(p.name for p in (pytester.path / "documents/budget/expected").iterdir()) == [
        "en.docx.txt", "en.pdf.txt", "zh.docx.txt", "zh.pdf.txt"]
    pytester.runpytest("-q").assert_outcomes(passed=1)

    catalog = pytester.path / "documents/budget/locales/zh/LC_MESSAGES/content.po"
    catalog.write_text(catalog.read_text(encoding="utf-8").replace("外观设计部门的资源", "外观设计部门的全部资源", 1),
                       encoding="utf-8")
    changed = pytester.runpytest("-q")
    changed.assert_outcomes(failed=1)
    changed.stdout.fnmatch_lines(["*-*外观设计部门的资源*", "*+*外观设计部门的全部资源*"])

    content = next((pytester.path / "documents/budget/content").glob("*.md"))
    content.write_text(content.read_text(encoding="utf-8") + "\nA new paragraph.\n", encoding="utf-8")
    refused = pytester.runpytest("-q")
    refused.assert_outcomes(failed=1)
    refused.stdout.fnmatch_lines(["*untranslated segment*A new paragraph.*"])
    # once, without Python's chaining of the build's error to the test's failure (pytest's summary line repeats the
    # failure's message, whole where it runs under CI: the failure's own report is what is counted)
    told = refused.stdout.str().split("short test summary info")[0]
    assert "Traceback" not in told and "During handling" not in told and told.count("A new paragraph.") == 1, told
