"""The refused characters are found wherever they stand, whatever the text holds: an ASCII text, a text of the BMP
and a text with characters beyond it are each scanned with the pattern that is fastest for them
(`sources.characters`), and every one of them finds exactly the characters the module's definition refuses."""

from __future__ import annotations

import pytest

from ccdocs.sources.characters import first_refused, refused

CHUNK = 4096


def refused_by_definition(code: int) -> bool:
    """XML 1.0's forbidden characters, DEL and the C1 controls, Unicode's non-characters, the bidirectional
    embeddings, overrides and isolates, the tag characters (outside a flag emoji: none here) (the module's
    docstring)."""
    allowed_by_xml = code in (0x9, 0xA, 0xD) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD \
        or 0x10000 <= code <= 0x10FFFF
    return (not allowed_by_xml or 0x7F <= code <= 0x9F or 0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE
            or 0x202A <= code <= 0x202E or 0x2066 <= code <= 0x2069 or 0xE0000 <= code <= 0xE007F)


PLANES = [start for plane in range(1, 17) for start in (plane << 16, (plane << 16) + 0x10000 - CHUNK)]


@pytest.mark.parametrize("kind, first, last, starts", [
    ("ASCII", 0, 0x80, None), ("BMP", 0x80, 0x10000, None),
    ("beyond the BMP", 0x10000, 0x110000, PLANES)])  # each plane's first and last code points
def test_every_refused_character_is_found_in_every_kind_of_text(kind, first, last, starts):
    """Every code point of the range, in texts of that range only (a line break left out: the columns are the
    places), is found at its column when refused and only then; with an ASCII letter after it, too."""
    for start in starts or range(first, last, CHUNK):
        codes = [code for code in range(start, min(start + CHUNK, last)) if code != 0xA]
        text = "".join(map(chr, codes))
        assert [col - 1 for line, col, _ in refused(text)] == [
            index for index, code in enumerate(codes) if refused_by_definition(code)], (kind, hex(start))
    for code in range(first, last, 97):
        assert (first_refused(chr(code) + "a") is not None) == refused_by_definition(code), hex(code)


def test_a_character_beyond_the_bmp_is_found_in_a_text_of_every_other_kind():
    """A non-character of plane 1 after ASCII, after Chinese, and a C1 control after it."""
    found = list(refused("report\n第二段\U0001fffe\x85"))
    assert found == [(2, 4, "non-character U+1FFFE"), (2, 5, "control character U+0085")]
