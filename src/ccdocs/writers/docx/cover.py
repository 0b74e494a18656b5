"""The cover block: language letter, symbol, ORIGINAL and DATE at the right; body, session, title at the left."""

from __future__ import annotations

from .images import anchor_logo
from .inlines import Format, add_run
from .state import WriterState
from .styles import add_styled


def write_cover(state: WriterState):
    """The cover block of page 1, each line in its own Cover style; fields in `meta.caps` in All Caps."""
    meta, body = state.doc.meta, state.body
    caps = set(meta.caps)

    def line(style: str, field: str, text: str | None = None):
        p = add_styled(body, style)
        add_run(p, getattr(meta, field) if text is None else text, Format(caps=field in caps))
        return p

    letter = line("Cover Letter", "language_letter")
    if state.theme.logo is not None:
        anchor_logo(state, letter, state.theme.logo, state.theme.pt("cover.logo_height"))
    line("Cover Symbol", "symbol")
    line("Cover Symbol", "original")
    line("Cover Symbol", "date")
    line("Cover Body", "body")
    session = add_styled(body, "Cover Session")
    for text, superscript in meta.session_runs:
        add_run(session, text, Format(superscript=superscript, caps="session" in caps))
    line("Cover Place", "place_dates")
    line("Cover Title", "title")
    line("Cover Author", "author")
