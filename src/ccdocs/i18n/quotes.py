"""The translation checker of quotation marks: a language whose profile names its marks (`typography.quotes`,
French and Spanish `“”` after WIPO's papers) is told of another style's double marks in a translation."""

from __future__ import annotations


DOUBLE = "«»„‟“”「」『』"   # the double quotation marks of the styles in use; a straight `"` is markup's as well


def quotation_marks(entry) -> list[str]:
    """Each double quotation mark of the translation of `entry` (an `i18n.checkers.Entry`) that is not one of its
    language's `typography.quotes` and not in the source as well (a quoted title kept as written).

    >>> from ccdocs.i18n.checkers import Entry
    >>> quotation_marks(Entry("¶11", "the “Jobs” portal", "le portail « Emplois »", "fr"))[0]
    '¶11: `«` at “portail «” is not a quotation mark of `fr` (its profile’s are “”)'
    """
    language = entry.language
    if language is None or not language.typography.quotes:
        return []
    allowed = set(language.typography.quotes) | set(entry.source)
    text = entry.translation
    return [f"{entry.name}: `{mark}` at “{text[max(at - 8, 0):at + 1].lstrip()}” is not a quotation mark of "
            f"`{entry.lang}` (its profile’s are {language.typography.quotes})"
            for at, mark in enumerate(text) if mark in DOUBLE and mark not in allowed]
