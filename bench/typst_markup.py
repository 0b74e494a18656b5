"""The bench's Typst twin of a ccdocs PDF: `ccdocs dump --json` of one language turned into a Typst document.

Typst (its PyPI package, `typst`) compiles the same text as ccdocs's PDF writer, on the same paper (the theme's
`page.size` and `page.margins`), in the same sizes and spacing (`sizes.<lang>`, `spacing`, `pdf.leading`) and with
the same faces (those ccdocs embeds, resolved by ccdocs's own `l10n.fonts.FontResolver` and linked into one
folder given to Typst as its only font path). Kept: the cover fields, each part on a new page with its running
header (`page {page}`, restarted in each annex), headings, numbered paragraphs (number at the margin, text at
the tab), lists, key figures, boxes, quotes, markers, tables (caption, shaded header row, notes) and footnotes
(with the dump's own marks: `*` on the cover note, then 1, 2…).

LEFT_OUT says what this rendering leaves out: the dump is plain text per block, so the rest cannot be drawn.

    python bench/typst_markup.py DUMP.json OUT.typ FONT_DIR    # FONT_DIR: made, the faces linked into it
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

LEFT_OUT = ("charts drawn (caption and data table only), inline bold/italic/links (the dump is plain text), "
            "note marks at their words (at the paragraph's end), cross-reference links, bookmarks, "
            "PDF metadata, table column widths and keep-together rules")



def faces(folder: Path, lang: str) -> dict[str, str]:
    """Link the faces ccdocs embeds for `lang` into `folder`; the family name of each role (`latin`, `body`,
    `heading`). Raises ccdocs's FontError when the theme's font is missing, as `ccdocs build` does."""
    from ccdocs.l10n.fonts import ROLES, FontResolver
    from ccdocs.theme import load_theme

    resolver = FontResolver(load_theme("default"))
    folder.mkdir(parents=True, exist_ok=True)
    roles = ROLES if lang == "zh" else [role for role in ROLES if role.startswith("latin")]
    found = {role: resolver.resolve(role, lang) for role in roles}
    for face in found.values():
        link = folder / face.path.name
        if not link.exists():
            link.symlink_to(face.path)
    latin = found["latin_regular"].family
    if lang != "zh":
        return {"latin": latin, "body": latin, "heading": latin}
    return {"latin": latin, "body": found["zh_body"].family, "heading": found["zh_heading"].family}


# Blocks drawn from their lines and notes, by the preamble's function of that name.
BY_LINES = {"list": "items", "box": "boxed", "quote": "quoted"}


def string(text: str) -> str:
    """`text` as a Typst string literal."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def strings(items) -> str:
    """A Typst array of string literals (the trailing comma keeps a one-item array an array)."""
    return "(" + "".join(string(item) + ", " for item in items) + ")"


def preamble(dump: dict, theme, families: dict[str, str]) -> str:
    """Page, text and paragraph settings and the block functions the body calls."""
    lang = dump["meta"]["lang"]
    size = {role: theme.size(lang, role) for role in ("body", "footnote", "heading1", "heading2", "heading3",
                                                        "header", "table", "cover_letter", "cover_body",
                                                        "cover_title", "cover_symbol")}
    margins = theme.get("page.margins")
    leading = float(theme.get(f"pdf.leading.{lang}", 1.15))
    justify = "true" if theme.get(f"pdf.align.{lang}") == "justify" else "false"

    def font(role):
        if lang != "zh":
            return string(families[role])
        return f"({string(families['latin'])}, {string(families[role])})"  # Latin letters in the Latin face

    return f"""\
#let body-font = {font("body")}
#let heading-font = {font("heading")}
#let symbol = {string(dump["meta"]["symbol"])}
#let after = {theme.get("spacing.paragraph_after")}
#set document(title: {string(dump["meta"]["title"])})
#set page(paper: "{str(theme.get("page.size", "A4")).lower()}", margin: (top: {margins["top"]}, \
bottom: {margins["bottom"]}, left: {margins["left"]}, right: {margins["right"]}), \
header-ascent: {theme.get("page.header_distance", "1cm")}, header: context {{
  let this = here().page()
  let starts = query(<part>).filter(m => m.location().page() <= this)
  if starts.len() == 0 {{ return }}
  let part = starts.last()
  let shown = if part.location().page() == this {{ part.value.opening }} else {{
    part.value.header.replace("{{page}}", str(counter(page).get().first())) }}
  if shown != "" {{ align(right, text(size: {size["header"]}pt, symbol + "\\n" + shown)) }}
}})
#set text(font: body-font, size: {size["body"]}pt, lang: "{lang}", top-edge: 0.8em, bottom-edge: -0.2em)
#set par(leading: {leading - 1:.2f}em, spacing: after, justify: {justify})
#set footnote.entry(separator: line(length: {theme.get("footnotes.rule_width", "5cm")}, stroke: 0.5pt))
#show footnote.entry: set text(size: {size["footnote"]}pt)
#show strong: set text(font: heading-font)
#show footnote.entry: set par(spacing: {theme.get("spacing.footnote_after", "2pt")})

#let notes(numbered) = for (number, body) in numbered {{ footnote(numbering: (..n) => number, body) }}
#let part(kind, opening, header) = {{
  [#metadata((opening: opening, header: header)) <part>]
  if kind == "annex" {{ counter(page).update(1) }}
}}
#let cover(letter, fields, body, title) = {{
  align(right, text(size: {size["cover_letter"]}pt, weight: "bold", letter))
  align(right, text(size: {size["cover_symbol"]}pt, fields.join("\\n")))
  v({theme.get("cover.block_before_body", "36pt")})
  for line in body {{ par(spacing: 4pt, text(size: {size["cover_body"]}pt, strong(line))) }}
  v({theme.get("cover.title_before", "24pt")})
  for line in title {{ par(text(size: {size["cover_title"]}pt, line)) }}
  v(24pt)
}}
#let heading-block(level, body, marks) = block(above: {theme.get("spacing.heading_before")}, \
below: {theme.get("spacing.heading_after")}, sticky: true, text(font: heading-font, weight: "bold", \
size: ({size["heading1"]}pt, {size["heading2"]}pt, {size["heading3"]}pt).at(calc.min(level, 3) - 1), body) + marks)
#let numbered(label, body, marks) = par(box(width: {theme.get("numbered_paragraph.tab")}, label) + body + marks)
#let plain(body, marks) = par(body + marks)
#let items(lines, marks) = {{
  for (i, line) in lines.enumerate() {{
    let (label, ..rest) = line.split(regex("\\\\s+"))
    pad(left: {theme.get("lists.indent")} - {theme.get("lists.hanging")}, par(hanging-indent: \
{theme.get("lists.hanging")}, spacing: 6pt, box(width: {theme.get("lists.hanging")}, label) + rest.join(" ") \
+ if i == lines.len() - 1 {{ marks }}))
  }}
  v(after - 6pt)
}}
#let marker(body) = pad(left: 50%, par(body))
#let key-figures(lines) = grid(columns: lines.len(), gutter: 4pt, ..lines.map(line => {{
  let (figure, ..rest) = line.split(" ")
  block(width: 100%, stroke: 0.5pt + rgb("{theme.get("box.border")}"), inset: 4pt, align(center, \
text(size: {theme.get("keyfigures.figure_size")}pt, weight: "bold", figure) + "\\n" + text(size: 7pt, rest.join(" "))))
}}))
#let boxed(lines, marks) = block(width: 100%, fill: rgb("{theme.get("box.fill")}"), \
stroke: {theme.get("box.border_width")} + rgb("{theme.get("box.border")}"), inset: {theme.get("box.padding")}, {{
  set par(spacing: 6pt)
  par(strong(lines.first()))
  for line in lines.slice(1) {{ par(line) }}
  marks
}})
#let quoted(lines, marks) = pad(left: {theme.get("quote.indent")}, right: {theme.get("quote.indent")}, {{
  for line in lines {{ if line.starts-with("—") {{ align(right, par(line)) }} else {{ par(emph(line)) }} }}
  marks
}})
#let data-table(caption, header, rows, below, marks) = {{
  set text(size: {size["table"]}pt)
  block(sticky: true, below: 6pt, par(strong(caption) + marks))
  table(columns: header.len(), stroke: {theme.get("table.rule_width")}, inset: {theme.get("table.cell_padding")}, \
fill: (x, y) => if y == 0 {{ rgb("{theme.get("table.header_fill")}") }},
    align: (x, y) => if x > 0 and y > 0 and rows.at(y - 1, default: ()).at(x, default: "").match(\
regex("^[-+−]?[\\\\d,.\\\\s]+%?$")) != none {{ right }} else {{ left }},
    table.header(..header.map(c => strong(c))), ..rows.flatten())
  for line in below {{ par(spacing: 2pt, line) }}
  v(after - 2pt)
}}
"""


def table_parts(text: str) -> tuple[str, list[str], list[list[str]], list[str]]:
    """A table block's dump text split: caption, header cells, body rows, notes (lines without a ` | `)."""
    caption, *lines = text.split("\n")
    rows = [[cell.strip() for cell in line.split("|")] for line in lines if " | " in line or line.startswith(" |")]
    notes = [line for line in lines if not (" | " in line or line.startswith(" |"))]
    header, body = (rows[0], rows[1:]) if rows else ([], [])
    width = max((len(r) for r in rows), default=0)
    return caption, header + [""] * (width - len(header)), [r + [""] * (width - len(r)) for r in body], notes


def block(b: dict, notes: dict) -> str:
    """One dump block as a call of the preamble's functions; its notes (by part and number) at its end."""
    kind, text = b["type"], b["text"]
    marks = "notes((" + "".join(f"({string(n)}, {string(notes[(b['part'], n)])}), " for n in b["footnotes"]) + "))"
    lines = [line for line in text.split("\n") if line.strip()]
    if kind == "heading":
        return f"#heading-block({b['level']}, {string(text)}, {marks})"
    if kind == "para":
        return f"#numbered({string(b['label'])}, {string(text)}, {marks})" if b["label"] else \
            f"#plain({string(text)}, {marks})"
    if kind in BY_LINES:
        return f"#{BY_LINES[kind]}({strings(lines)}, {marks})"
    if kind == "marker":
        return f"#marker({string(text)})"
    if kind == "keyfigures":
        return f"#key-figures({strings(lines)})"
    if kind == "chart":  # caption, chart kind, then the data as a table: drawn as the table
        caption, _, *data = text.split("\n")
        text = "\n".join([caption, *data])
    if kind in ("table", "chart"):
        caption, header, rows, table_notes = table_parts(text)
        rows_code = "(" + "".join(strings(r) + ", " for r in rows) + ")"
        return f"#data-table({string(caption)}, {strings(header)}, {rows_code}, {strings(table_notes)}, {marks})"
    return "\n".join(f"#plain({string(line)}, {marks if i == len(lines) - 1 else '[]'})"
                     for i, line in enumerate(lines))


def markup(dump: dict, theme, families: dict[str, str]) -> str:
    """The Typst document of one language's dump (`ccdocs dump --json`): the preamble, the cover, each part."""
    meta = dump["meta"]
    notes = {(n["part"], n["number"]): n["text"] for n in dump["footnotes"]}
    parts = {p["id"]: p for p in dump["parts"]}
    out = [preamble(dump, theme, families)]
    fields = [meta[k] for k in ("symbol", "original", "date") if meta.get(k)]
    body = [meta[k] for k in ("body", "session", "place_dates") if meta.get(k)]
    title = [meta[k] for k in ("title", "author") if meta.get(k)]
    out.append(f"#cover({string(meta['language_letter'])}, {strings(fields)}, {strings(body)}, {strings(title)})")
    current = None
    for b in dump["blocks"]:
        if b["part"] != current:
            part = parts[b["part"]]
            if current is not None:
                out.append("#pagebreak()")
            out.append(f"#part({string(part['kind'])}, {string(part['first_header'])}, {string(part['header'])})")
            current = b["part"]
        out.append(block(b, notes))
    return "\n".join(out) + "\n"


def main(argv: list[str]) -> None:
    from ccdocs.theme import load_theme

    source, target, fonts = (Path(a) for a in argv)
    dump = json.loads(source.read_text(encoding="utf-8"))
    target.write_text(markup(dump, load_theme("default"), faces(fonts, dump["meta"]["lang"])), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
