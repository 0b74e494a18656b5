"""Which blocks may stand where in a WO/CC paper: what the model and both writers hold, nothing deeper."""

from __future__ import annotations

PART, ITEM, QUOTE, BOX, NOTE = "part", "item", "quote", "box", "note"
LIST_LEVELS = 2  # the DOCX has two list styles (`List Item`, `List Item 2`); the labels (a), (i)

NOUNS = {"paragraph": "a paragraph", "heading": "a heading", "bullet_list": "a list", "ordered_list": "a list",
         "blockquote": "a quotation", "container_box": "a box", "container_keyfigures": "a key-figures panel",
         "container_table": "a table"}
HOLDS = {
    PART: tuple(NOUNS),
    ITEM: ("paragraph", "bullet_list", "ordered_list"),
    QUOTE: ("paragraph",),
    BOX: ("paragraph", "bullet_list", "ordered_list"),
    NOTE: ("paragraph",),
}
PLACES = {PART: "the text", ITEM: "a list item", QUOTE: "a quotation", BOX: "a box", NOTE: "a footnote"}
HINTS = {
    ITEM: "a list item holds paragraphs and a list one level deeper",
    QUOTE: "a quotation holds paragraphs, then `— Name, role`",
    BOX: "a box holds a `###` title first, then paragraphs and lists",
    NOTE: "a footnote holds paragraphs (indent each further one by four spaces)",
}


def check_place(kind: str, place: str) -> tuple[str, str] | None:
    """(message, hint) when a block of markdown-it's `kind` (one of NOUNS) may not stand in `place`, else None.

    >>> check_place("heading", ITEM)
    ('a heading cannot stand in a list item', 'a list item holds paragraphs and a list one level deeper')
    >>> check_place("paragraph", QUOTE) is None
    True
    """
    if kind in HOLDS[place]:
        return None
    return f"{NOUNS[kind]} cannot stand in {PLACES[place]}", HINTS.get(place, "")


def meaningless_attrs(kind: str, attrs: dict, place: str) -> str | None:
    """The block attributes `{…}` as written when they mean nothing on a block of `kind` in `place` (only
    `{.unnumbered}` before a paragraph of the text means something), else None.

    >>> meaningless_attrs("paragraph", {"class": "unnumbered"}, PART) is None
    True
    >>> meaningless_attrs("heading", {"class": "unnumbered", "lang": "fr"}, PART)
    '{.unnumbered lang=fr}'
    """
    if not attrs or (kind == "paragraph" and place == PART and dict(attrs) == {"class": "unnumbered"}):
        return None
    words = []
    for key, value in attrs.items():
        if key == "class":
            words += [f".{name}" for name in str(value).split()]
        elif key == "id":
            words.append(f"#{value}")
        else:
            words.append(f"{key}={value}")
    return "{" + " ".join(words) + "}"

