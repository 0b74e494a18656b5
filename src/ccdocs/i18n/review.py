"""The review page: one self-contained HTML file, a row per segment, source beside translation, with filters."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher
from html import escape
from pathlib import Path

from babel.messages.catalog import Catalog as BabelCatalog

from ..errors import display_path, printable
from ..l10n.catalog import po_path as toolkit_po_path
from ..pipeline import Sources, assessed
from ..sources import spans
from .catalogs import po_path, read_catalog
from ..l10n.language import as_language
from .extract import location
from .glossary import glossary, terms_in
from .policy import Assessment, assess_message
from .segments import Segment

UI = "en"   # the review page's own language


def language_name(code: str) -> str:
    """The name of the language `code` in the review's own language (English), as its profile names it; the code
    itself for a language it does not name."""
    return as_language(UI).names.get(code, code)


KEEP = re.compile(rf"{spans.FIGURE}|\{{[A-Za-z_][\w.]*\}}|{spans.NOTE_MARK}", re.S)  # linear: `spans`

STYLE = """
:root { --line: #d0d4da; --muted: #6b7280; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.5 "Liberation Sans", Arial, "WenQuanYi Micro Hei", "Microsoft YaHei", sans-serif;
       color: #1f2328; background: #fff; }
header { position: sticky; top: 0; z-index: 2; background: #f6f8fa; border-bottom: 1px solid var(--line);
         padding: 10px 16px; }
h1 { font-size: 18px; margin: 0 0 2px; }
.meta { margin: 0 0 8px; color: var(--muted); }
nav button { font: inherit; margin-right: 6px; padding: 3px 10px; border: 1px solid var(--line); border-radius: 14px;
             background: #fff; cursor: pointer; }
nav button[aria-pressed="true"] { background: #1f2328; color: #fff; border-color: #1f2328; }
nav button b { font-weight: 600; margin-left: 4px; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
th, td { border-bottom: 1px solid var(--line); padding: 8px 10px; vertical-align: top; text-align: left; }
th { background: #fff; font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
col.where { width: 14%; } col.text { width: 32%; } col.status { width: 8%; } col.checks { width: 15%; }
td.where a { font-weight: 600; color: inherit; text-decoration: none; }
td.where small { display: block; color: var(--muted); overflow-wrap: anywhere; }
td.text { white-space: pre-wrap; overflow-wrap: anywhere; }
td.missing { color: var(--muted); font-style: italic; }
td.checks ul { margin: 0; padding-left: 16px; color: #b42318; font-size: 12px; }
.note { display: block; margin-top: 6px; font-size: 12px; color: var(--muted); white-space: normal; }
.badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 600; }
.translated { background: #dcfce7; color: #166534; } .fuzzy { background: #fef3c7; color: #92400e; }
.untranslated { background: #e5e7eb; color: #374151; } .failing { background: #fee2e2; color: #b42318; }
tr[data-status="fuzzy"] { background: #fffdf5; } tr[data-status="failing"] { background: #fff8f8; }
del, ins { padding: 0 2px; border-radius: 3px; }
del { background: #fecaca; color: #7f1d1d; margin-right: 3px; }
ins { background: #bbf7d0; color: #14532d; text-decoration: none; }
#empty { padding: 16px; color: var(--muted); }
code { font: 12px/1.4 "Liberation Mono", Consolas, monospace; background: #eef1f5; border-radius: 3px; padding: 0 3px; }
td.checks code { background: #fde2e2; }
mark.term { background: none; border-bottom: 2px dotted #2563eb; color: inherit; }
"""

SCRIPT = """
(function () {
  var rows = document.querySelectorAll("#segments tbody tr");
  var buttons = document.querySelectorAll("#filters button");
  var known = ["all", "translated", "fuzzy", "untranslated", "failing"];
  function show(status) {
    var shown = 0;
    rows.forEach(function (row) {
      var on = status === "all" || row.getAttribute("data-status") === status;
      row.hidden = !on;
      if (on) { shown += 1; }
    });
    buttons.forEach(function (button) {
      button.setAttribute("aria-pressed", String(button.getAttribute("data-filter") === status));
    });
    document.getElementById("empty").hidden = shown > 0;
  }
  buttons.forEach(function (button) {
    button.addEventListener("click", function () {
      var status = button.getAttribute("data-filter");
      try {
        var url = new URL(window.location.href);
        if (status === "all") { url.searchParams.delete("status"); } else { url.searchParams.set("status", status); }
        window.history.replaceState(null, "", url.toString());
      } catch (error) { /* a file: URL may refuse; the filter still applies */ }
      show(status);
    });
  });
  var wanted = new URLSearchParams(window.location.search).get("status");
  show(known.indexOf(wanted) >= 0 ? wanted : "all");
})();
"""


@dataclass(frozen=True)
class Row:
    """One row of the page: where the text stands, its source, translation, status and problems."""

    key: str
    detail: str
    assessment: Assessment
    terms: tuple = ()  # the glossary terms (`glossary.Term`) standing in the source, highlighted on both sides


# The most token pairs (words and the spaces between them, old × new) compared one by one. SequenceMatcher's time
# grows with that product (every other token is a space, found thousands of times in a long text): 1,000 × 1,000
# tokens of unrelated words take ~0.1 s, 40,000 × 40,000 over 5 minutes. Beyond it, the common words at the start
# and end are kept and what lies between is compared if it is within the bound, else shown removed and added whole.
DIFFED_PAIRS = 1_000_000


def word_changes(old: str, new: str) -> list[tuple[str, str]]:
    """`new` as pieces (kind, text) against `old`, word by word: kind `equal`, `delete` (text of `old` only) or
    `insert` (text of `new` only); the equal and inserted pieces joined give `new`. Time bounded by DIFFED_PAIRS.

    >>> word_changes("the staff grew", "the workforce grew")
    [('equal', 'the '), ('delete', 'staff'), ('insert', 'workforce'), ('equal', ' grew')]
    """
    before, after = re.findall(r"\s+|\S+", old), re.findall(r"\s+|\S+", new)
    if len(before) * len(after) <= DIFFED_PAIRS:
        return _compared(before, after)
    start = 0
    while start < min(len(before), len(after)) and before[start] == after[start]:
        start += 1
    end = 0
    while end < min(len(before), len(after)) - start and before[-1 - end] == after[-1 - end]:
        end += 1
    middle_before, middle_after = before[start:len(before) - end], after[start:len(after) - end]
    if len(middle_before) * len(middle_after) <= DIFFED_PAIRS:
        middle = _compared(middle_before, middle_after)
    else:
        middle = [(kind, "".join(tokens)) for kind, tokens in (("delete", middle_before), ("insert", middle_after))
                  if tokens]
    return ([("equal", "".join(after[:start]))] if start else []) + middle + \
        ([("equal", "".join(after[len(after) - end:]))] if end else [])


def _compared(before: list[str], after: list[str]) -> list[tuple[str, str]]:
    """word_changes's pieces for two lists of tokens, by difflib's SequenceMatcher."""
    pieces = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, before, after, autojunk=False).get_opcodes():
        if op == "equal":
            pieces.append(("equal", "".join(after[j1:j2])))
            continue
        if i2 > i1:
            pieces.append(("delete", "".join(before[i1:i2])))
        if j2 > j1:
            pieces.append(("insert", "".join(after[j1:j2])))
    return pieces


def word_diff(old: str, new: str) -> str:
    """HTML of `new` with the words changed since `old` marked: removed in <del>, added in <ins>."""
    tags = {"delete": "del", "insert": "ins"}
    return "".join(f"<{tags[kind]}>{escape(text)}</{tags[kind]}>" if kind in tags else escape(text)
                   for kind, text in word_changes(old, new))


def marked(text: str) -> str:
    """HTML of a source or translation with what must be kept as written (`{{ … }}`, `[^note]`) as code."""
    return KEEP.sub(lambda match: f"<code>{match.group()}</code>", escape(text, quote=False))


def highlighted(html: str, terms, side: int) -> str:
    """`html` (escaped text, `marked`) with each term's source words (`side` 0) or equivalent (1) in a <mark>
    whose title gives the other; tags and the code of placeholders left alone.

    >>> from .glossary import Term
    >>> highlighted("To Member States.", [Term("Member State", "成员国", "", "", 2)], 0)
    'To <mark class="term" title="成员国">Member States</mark>.'
    """
    for term in terms:
        pattern = term.pattern if side == 0 else re.compile(re.escape(escape(term.target, quote=False)))
        title = escape(term.target if side == 0 else term.source)
        pieces = re.split(r"(<code>.*?</code>|<[^>]+>)", html, flags=re.S)
        html = "".join(piece if piece.startswith("<") else
                       pattern.sub(lambda m: f'<mark class="term" title="{title}">{m.group()}</mark>', piece)
                       for piece in pieces)
    return html


def _message(text: str, place: str) -> str:
    """A checker message without the entry's name (the row shows it), `quoted` parts as code."""
    text = escape(text.removeprefix(f"{place}: "), quote=False)
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", text)


def _source_cell(item: Assessment, terms: tuple = ()) -> str:
    if item.status == "fuzzy" and item.previous:
        return (f'<td class="text">{word_diff(item.previous, item.segment.msgid)}'
                '<span class="note">The source changed since it was translated: removed words struck out, '
                'new words highlighted.</span></td>')
    return f'<td class="text">{highlighted(marked(item.segment.msgid), terms, 0)}</td>'


def _translation_cell(item: Assessment, lang: str, terms: tuple = ()) -> str:
    if not item.translation:
        return '<td class="text missing">not translated</td>'
    note = '<span class="note">Translation of the previous source: check it, then remove the fuzzy flag.</span>' \
        if item.status == "fuzzy" else ""
    return f'<td class="text" lang="{escape(lang)}">{highlighted(marked(item.translation), terms, 1)}{note}</td>'


def _row(index: int, row: Row, lang: str) -> str:
    item = row.assessment
    checks = "".join(f"<li>{_message(message, item.place)}</li>" for message in item.problems)
    return (f'<tr id="s{index}" data-status="{item.status}">'
            f'<td class="where"><a href="#s{index}">{escape(row.key)}</a><small>{escape(row.detail)}</small></td>'
            f"{_source_cell(item, row.terms)}{_translation_cell(item, lang, row.terms)}"
            f'<td class="status"><span class="badge {item.status}">{item.status}</span></td>'
            f'<td class="checks">{f"<ul>{checks}</ul>" if checks else ""}</td></tr>')


def page(title: str, subtitle: str, rows: list[Row], source_lang: str, lang: str) -> str:
    """The whole HTML page: header with counts and filters, the table, the filtering script; no network."""
    counts = Counter(row.assessment.status for row in rows)
    buttons = [f'<button type="button" data-filter="all" aria-pressed="true">All<b>{len(rows)}</b></button>']
    buttons += [f'<button type="button" data-filter="{status}" aria-pressed="false">{status.capitalize()}'
                f"<b>{counts[status]}</b></button>" for status in ("untranslated", "fuzzy", "failing", "translated")]
    body = "\n".join(_row(index, row, lang) for index, row in enumerate(rows, 1))
    source_name, target_name = (language_name(code) for code in (source_lang, lang))
    return printable(f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)}</title>
<style>{STYLE}</style>
</head>
<body>
<header>
<h1>{escape(title)}</h1>
<p class="meta">{escape(subtitle)}</p>
<nav id="filters" aria-label="Show segments by status">{"".join(buttons)}</nav>
</header>
<table id="segments">
<colgroup><col class="where"><col class="text"><col class="text"><col class="status"><col class="checks"></colgroup>
<thead><tr><th>Where</th><th>Source ({escape(source_name)})</th><th>Translation ({escape(target_name)})</th>
<th>Status</th><th>Checks</th></tr></thead>
<tbody>
{body}
</tbody>
</table>
<p id="empty" hidden>No segment has this status.</p>
<script>{SCRIPT}</script>
</body>
</html>
""")


def document_page(sources: Sources, lang: str) -> str:
    """The review page of a document's content in `lang`, each row keyed by part and paragraph number."""
    spec = sources.spec
    terms = glossary(spec.folder, lang)
    rows = [Row(item.place, f"{item.segment.kind} · {location(spec.folder, item.segment.file)}:{item.segment.line}",
                item, tuple(terms_in(item.segment.msgid, terms))) for item in assessed(sources, lang, named=True)]
    catalog = po_path(spec.folder, lang)
    where = display_path(catalog) if catalog.is_file() else f"{display_path(catalog)} (not made yet)"
    return page(f"{spec.symbol}: {language_name(lang)} translation review",
                f"{len(rows)} segments · catalog {where}", rows, spec.source, lang)


def _toolkit_key(message) -> str:
    comment = " ".join(message.auto_comments) or message.context or message.id
    return re.split(r"[,;:(]|\. ", comment, maxsplit=1)[0].strip()


def toolkit_page(lang: str, locales_dir: Path | None = None) -> str:
    """The review page of the toolkit's own strings (locales/<lang>/LC_MESSAGES/ccdocs.po)."""
    path = toolkit_po_path(lang, locales_dir)
    catalog = read_catalog(path) if path.is_file() else BabelCatalog()
    rows = []
    for message in (m for m in catalog if m.id and isinstance(m.id, str)):
        segment = Segment(message.id, path.name, message.lineno or 0, message.lineno or 0, "toolkit")
        item = assess_message(segment, message.id, message, lang)
        detail = " ".join(message.auto_comments) + (f" · msgctxt {message.context}" if message.context else "")
        rows.append(Row(_toolkit_key(message), detail, item))
    return page(f"ccdocs toolkit strings: {language_name(lang)} review",
                f"{len(rows)} messages · catalog {display_path(path)}", rows, "en", lang)
