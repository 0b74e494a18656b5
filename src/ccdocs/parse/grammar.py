"""Which blocks may stand where in a WO/CC paper: what the model and both writers hold, nothing deeper."""

from __future__ import annotations

PART, ITEM, QUOTE, BOX, NOTE = "part", "item", "quote", "box", "note"
DECISION = "decision"
DECISION_ITEM = "decision item"  # a sub-item of a proposed decision, at any level: numbered, never bulleted
# blocks an anchor `{#id}` may name (and footnotes)
ANCHORED = ("paragraph", "heading", "container_table", "container_figure", "container_chart")
LIST_LEVELS = 2  # the DOCX has two list styles (`List Item`, `List Item 2`); the labels (a), (i)
HEADING_LEVELS = 3  # `#`, `##`, `###`: the heading styles of both writers (and of the theme's keys)

NOUNS = {"paragraph": "a paragraph", "heading": "a heading", "bullet_list": "a list", "ordered_list": "a list",
         "blockquote": "a quotation", "container_box": "a box", "container_keyfigures": "a key-figures panel",
         "container_table": "a table", "container_decision": "a proposed decision",
         "container_contents": "a contents table", "table": "a table", "container_chart": "a chart",
         "container_figure": "a figure"}
HOLDS = {
    PART: tuple(NOUNS),
    ITEM: ("paragraph", "bullet_list", "ordered_list"),
    QUOTE: ("paragraph",),
    BOX: ("paragraph", "bullet_list", "ordered_list"),
    NOTE: ("paragraph", "bullet_list", "ordered_list"),
    DECISION: ("paragraph", "ordered_list"),
    DECISION_ITEM: ("paragraph", "ordered_list"),
}
PLACES = {PART: "the text", ITEM: "a list item", QUOTE: "a quotation", BOX: "a box", NOTE: "a footnote",
          DECISION: "a proposed decision", DECISION_ITEM: "a sub-item of a proposed decision"}
HINTS = {
    ITEM: "a list item holds paragraphs and a list one level deeper",
    QUOTE: "a quotation holds paragraphs, then `— Name, role`",
    BOX: "a box holds a `###` title first, then paragraphs and lists",
    NOTE: "a footnote holds paragraphs and lists (indent each further block by four spaces)",
    DECISION: "a proposed decision holds its paragraph(s), then their sub-items as a list `1.`, `2.` (printed (i), "
              "(ii))",
    DECISION_ITEM: "a decision's sub-items are numbered at every level (`1.`, `2.`), never bulleted",
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
    `{.unnumbered}` before a paragraph of the text, and an anchor `{#id}` before a paragraph, heading or table of
    the text or a paragraph of a proposed decision, mean something), else None.

    >>> meaningless_attrs("paragraph", {"id": "dec"}, DECISION) is None
    True

    >>> meaningless_attrs("paragraph", {"class": "unnumbered", "id": "pay"}, PART) is None
    True
    >>> meaningless_attrs("paragraph", {"class": "unnumbered unnumbered"}, PART) is None
    True
    >>> meaningless_attrs("heading", {"class": "unnumbered", "lang": "fr"}, PART)
    '{.unnumbered lang=fr}'
    """
    if not attrs:
        return None  # most blocks: nothing to look at
    anchored = kind in ANCHORED and place == PART or kind == "paragraph" and place == DECISION  # numbered there
    meaning = {"id"} if anchored else set()
    rest = {key: value for key, value in attrs.items() if key not in meaning}
    if not rest or (kind == "paragraph" and place == PART and rest.keys() == {"class"}
                    and set(str(rest["class"]).split()) == {"unnumbered"}):  # given once or more
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

