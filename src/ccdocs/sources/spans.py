"""Regular expressions for the marked spans of a text (a figure `{{ … }}`, a statement `{% … %}`, a note mark
`[^label]`, a link's target `](…)`) that find every span in time linear in the text's length.

`\\{\\{.*?\\}\\}` tries, from each `{{` not closed, every character up to the end of the text: on a text of many
unclosed `{{` that is quadratic (20,000 of them, 60 KB, kept `check` busy past two minutes). A span here never
crosses its own opening mark: the scan from each opening stops at the next one, so each character is tried from
one opening only. Hence `{{ a {{ b }}` holds one figure, `{{ b }}`, its first `{{` being unclosed.
"""

from __future__ import annotations

import re


def span(opening: str, closing: str, body: str = ".", least: int = 0, group: bool = False) -> str:
    """The text of a regular expression matching `opening`, then the fewest characters matching `body` (a
    regular expression of one character; at least `least`, 0 or 1) up to the first `closing`, crossing no other
    `opening`; the body a group of its own when `group`. `opening` and `closing` are literal texts."""
    mark = re.escape(opening)
    inner = f"(?:(?!{mark}){body}){'+' if least else '*'}?"
    return f"{mark}{f'({inner})' if group else inner}{re.escape(closing)}"


FIGURE = span("{{", "}}")                          # a figure's expression `{{ name | filter }}`
STATEMENT = span("{%", "%}")                       # a template statement `{% … %}` (refused in content)
NOTE_MARK = span("[^", "]", r"[^\]\s]", least=1)   # a footnote's mark `[^label]`
LINK_TARGET = span("](", ")", r"[^)\s]")          # a link's target `](url)`, spaces excluded
