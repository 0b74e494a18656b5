"""A content catalog whose `Language:` header names another language than the folder it stands in is refused at that
header line (newcomer-12 N21): a zh catalog copied into `locales/fr/LC_MESSAGES/` was read as the finished French
catalog (`i18n stats`: fr complete; the final French paper printed Chinese). Every reader of a catalog by its place
refuses it: check, build, and each `i18n` command, nothing written. A header naming no language is the place's.
"""

from __future__ import annotations

import pytest

from refusals import Case, invoke
from test_refuses_catalogs import HEADER, PO, catalog

FRENCH = catalog(header=HEADER.replace("Language: zh", "Language: fr"))  # the zh folder's catalog, its header fr's
SAID = ("this catalog is translated into `fr` (its header's `Language: fr`), but stands in the `zh` folder: its "
        "translations would print as the finished zh paper (if it is the fr catalog, move it to "
        "`locales/fr/LC_MESSAGES/`; if its translations are zh ones, write `\"Language: zh\\n\"` in its header; to "
        "start the zh translation, delete it and run `ccdocs i18n update ")


COMMANDS = {
    "build-zh": ("build", "{doc}", "--lang", "zh", "--format", "json", "--out", "{out}"),
    "build": ("build", "{doc}", "--format", "json", "--out", "{out}"),
    "stats": ("i18n", "stats", "{doc}"),
    "review": ("i18n", "review", "{doc}", "--lang", "zh", "--output", "{out}/zh.html"),
    "update": ("i18n", "update", "{doc}", "--lang", "zh"),
    "export": ("i18n", "export", "{doc}", "--lang", "zh", "--output", "{out}/zh.xlf"),
}


@pytest.mark.parametrize("name", COMMANDS)
def test_a_catalog_of_another_language_in_a_folder_is_refused_at_its_header(refuse, name):
    refuse(Case(f"fr-in-zh-{name}", {PO: FRENCH}, SAID, f"{PO}:5", command=COMMANDS[name]))


def test_a_region_in_the_header_is_told_as_written(refuse):
    refuse(Case("fr-CH-in-zh", {PO: catalog(header=HEADER.replace("Language: zh", "Language: fr_CH"))},
                "this catalog is translated into `fr_CH` (its header's `Language: fr_CH`), but stands in the `zh` "
                "folder", f"{PO}:5"))


@pytest.mark.parametrize("header", ['"Language: zh_Hans_CN\\n"\n', '"Language: zh-Hans\\n"\n', '"Language: \\n"\n',
                                    ""], ids=["region-script", "script", "empty", "none"])
def test_a_catalog_naming_its_folders_language_or_none_is_read(make_doc, tmp_path, header):
    """gettext's locale names (`zh_Hans_CN`) are the folder's language by their primary subtag; a header without a
    language (as hand-made and older catalogs have, or a template's empty `Language: `) is the place's, as gettext
    reads a catalog by its place."""
    folder = make_doc({PO: catalog(header=HEADER.replace('"Language: zh\\n"\n', header))})
    code, output, _ = invoke(["check", str(folder)])
    assert code == 0, output
