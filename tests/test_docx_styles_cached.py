"""A DOCX's named styles (`w:styles`, thirty-odd styles made element by element from the theme) are kept in the
per-user cache: each build's DOCX worker is a fresh process, which reads them instead of making them again, and
writes the same styles part; another theme value or language names another entry."""

from __future__ import annotations

import pytest
from lxml import etree

from ccdocs.l10n.language import find_language
from ccdocs.theme import load_theme
from ccdocs.writers.docx import styles
from ccdocs.writers.docx.skeleton import new_document


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("CCDOCS_CACHE", str(tmp_path))
    styles._built_styles.cache_clear()   # as in a fresh process
    yield tmp_path
    styles._built_styles.cache_clear()


def _styles_part(lang: str, theme=None) -> bytes:
    """The styles part of a new document in `lang`, as its package holds it."""
    document = new_document(None, 720)
    styles.add_styles(document, theme or load_theme("default"), find_language(lang))
    return etree.tostring(document.styles.element, encoding="UTF-8", standalone=True)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_styles_are_read_from_the_cache_as_they_were_made(cache, monkeypatch, lang):
    made = _styles_part(lang)
    assert len(list(cache.glob("styles-*"))) == 1
    styles._built_styles.cache_clear()

    def unused(inputs):
        raise AssertionError("made again: the cache entry was not read")

    monkeypatch.setattr(styles, "_made_styles", unused)
    assert _styles_part(lang) == made
    assert b'w:styleId="NumberedParagraph"' in made


def test_another_language_or_theme_value_names_another_entry(cache):
    english = _styles_part("en")
    assert _styles_part("zh") != english
    theme = load_theme("default")
    theme.data["spacing"] = {**theme.data["spacing"], "paragraph_after": 9}
    changed = _styles_part("en", theme)
    assert changed != english and b'w:after="180"' in changed
    assert len(list(cache.glob("styles-*"))) == 3
