"""A translation may link to the same document in its own language: a language path segment (`/en/` → `/zh/`) or a
language query parameter (`?lang=en` → `?lang=zh`) turned, on any host; any other change of a link still fails."""

from __future__ import annotations

import pytest

from ccdocs.i18n.checkers import AS_OFTEN_HINT, EXTRA_HINT, MISSING_HINT, Entry, link_targets


def link(url: str) -> str:
    return f"见[文件]({url})。"


@pytest.mark.parametrize("source, translated", [
    ("https://undocs.org/en/A/74/331", "https://undocs.org/zh/A/74/331"),
    ("https://undocs.org/en/A/74/331", "https://undocs.org/en/A/74/331"),  # the English document, kept
    ("https://www.wipo.int/about-wipo/en/hr/", "https://www.wipo.int/about-wipo/zh/hr/"),
    ("https://www.ilo.org/en/publications/report", "https://www.ilo.org/zh-cn/publications/report"),
    ("https://example.org/report?lang=en", "https://example.org/report?lang=zh"),
    ("https://example.org/search?q=ip&hl=en", "https://example.org/search?q=ip&hl=zh-CN"),
    ("https://example.org/doc?id=7&language=EN", "https://example.org/doc?id=7&language=ZH"),
    ("https://example.org/en/doc?lang=en", "https://example.org/zh/doc?lang=zh"),
])
def test_a_link_localized_in_its_language_segment_or_parameter_passes(source, translated):
    assert link_targets(Entry("report ¶3", f"See [the document]({source}).", link(translated), "zh")) == []


@pytest.mark.parametrize("source, translated", [
    ("https://undocs.org/en/A/74/331", "https://undocs.org/zh/A/74/332"),  # another document
    ("https://undocs.org/en/A/74/331", "https://undocs.org/fr/A/74/331"),  # not the translation's language
    ("https://undocs.org/en/A/74/331", "https://undocs.net/zh/A/74/331"),  # another host
    ("https://undocs.org/en/A/74/331", "http://undocs.org/zh/A/74/331"),  # another scheme
    ("https://undocs.org/en/A/74/331", "https://undocs.org/zh/A/74/331#p2"),  # another place in it
    ("https://www.wipo.int/about-wipo/en/hr/", "https://www.wipo.int/about-wipo/en/zh/"),  # `hr` is no language here
    ("https://example.org/en/report", "https://example.org/zh/report/"),  # another path
    ("https://example.org/report?lang=en", "https://example.org/report?lang=zh&page=2"),  # a parameter added
    ("https://example.org/report?id=en", "https://example.org/report?id=zh"),  # not a language parameter
    ("https://example.org/report?lang=en&id=1", "https://example.org/report?lang=zh&id=2"),  # and something else
    ("https://example.org/en/en-doc", "https://example.org/zh/zh-doc"),  # a name, not a segment, changed
])
def test_any_other_change_of_a_link_still_fails(source, translated):
    messages = link_targets(Entry("report ¶3", f"See [the document]({source}).", link(translated), "zh"))
    assert messages == [f"report ¶3: link target `{source}` is missing from the translation ({MISSING_HINT})",
                        f"report ¶3: link target `{translated}` is in the translation but not in the source "
                        f"({EXTRA_HINT})"]


def test_each_localized_link_pairs_with_its_own_source_link():
    source = "See [A/74/331](https://undocs.org/en/A/74/331) and [A/74/332](https://undocs.org/en/A/74/332)."
    both = "见[A/74/331](https://undocs.org/zh/A/74/331)和[A/74/332](https://undocs.org/zh/A/74/332)。"
    twice = "见[A/74/331](https://undocs.org/zh/A/74/331)和[A/74/332](https://undocs.org/zh/A/74/331)。"
    assert link_targets(Entry("x", source, both, "zh")) == []
    assert link_targets(Entry("x", source, twice, "zh")) == [
        f"x: link target `https://undocs.org/en/A/74/332` is missing from the translation ({MISSING_HINT})",
        f"x: link target `https://undocs.org/en/A/74/331` is in the translation twice, in the source once "
        f"({AS_OFTEN_HINT})"]
