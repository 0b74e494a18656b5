"""A text of many `[^` that end in no label (`[^[^[^…`) is parsed in time linear in its length, in a content file
and in a translation (verify-10 V6: a msgstr of 8,000 took `i18n stats` 25 s, four times that each doubling, in
mdit-py-plugins' footnote_ref rule; a paragraph of 40,000 took a build 43 s in the undefined-mark check). Marks that
end in `]` are still read as marks. A hang fails the test after a bound far above the honest cost."""

from __future__ import annotations

from bounded import within

REPEATS = 50_000  # the quadratic rule took 38 s for 10,000 (a definition present): hours here
HANG = 120


def _parsed() -> tuple:
    from ccdocs.i18n.checkers import inline_markup
    from ccdocs.parse.markdown import _undefined, parser

    text = "Text " + "[^" * REPEATS + "end[^n]."
    tokens = parser().parse(f"{text}\n\n[^n]: The note.\n", {})
    refs = [t for t in tokens[1].children if t.type == "footnote_ref"]
    return len(refs), inline_markup("[a](https://example.org) " + text).hrefs, _undefined(text.replace("[^n]", ""))


def test_a_text_of_many_unended_footnote_marks_is_parsed_in_linear_time():
    refs, hrefs, undefined = within(_parsed, HANG, f"{REPEATS:,} unended `[^` were not parsed")
    assert refs == 1  # the one mark whose label ends in `]`
    assert hrefs == ("https://example.org",)
    assert undefined == []
