"""Write locales/ccdocs.pot and the en and zh .po files from the message list below, and bring every other
language's catalog (locales/<lang>/LC_MESSAGES/ccdocs.po, translated by hand) in line with it: a message gone from
the list is dropped, a new one added untranslated, translations kept (`--check` compares)."""

from __future__ import annotations

import argparse
import io
import re
import sys
from datetime import datetime, timezone
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
LOCALES = ROOT / "locales"
DOMAIN = "ccdocs"
# Fixed so that rewriting the files changes nothing unless a message changed.
STAMP = datetime(2026, 1, 1, tzinfo=timezone.utc)

# (msgid, Chinese translation, translator comment: where the string prints)
MESSAGES: tuple[tuple[str, str, str], ...] = (
    ("Original: {language}", "原文：{language}",
     "Cover, right-aligned under the symbol; {language} is a translated language name. Shown in capitals in English."),
    ("Date: {date}", "日期：{date}",
     "Cover, right-aligned under the ORIGINAL line; {date} is already formatted (May 21, 2026 / 2026年5月21日)."),
    ("WIPO Coordination Committee", "产权组织协调委员会", "Cover, the body line above the session line."),
    ("Program and Budget Committee", "计划和预算委员会", "Cover, the body line above the session line."),
    ("WIPO General Assembly", "产权组织大会", "Cover, the body line above the session line."),
    ("Geneva", "日内瓦", "Cover, the place before (en) or after (zh) the meeting dates."),
    ("prepared by the Secretariat", "秘书处编拟", "Cover, the author line under the title (lower-case p in English)."),
    ("page {page}", "第 {page} 页", "Running header from page 2, under the symbol; {page} is an Arabic number."),
    ("Annex", "附件", "Running header of the only annex, and the first line of its first page."),
    ("Annex {number}", "附件{number}",
     "Running header and first page of one of several annexes. {number} is a Roman numeral in English "
     "(I, II, ...); for Chinese the caller passes a Chinese numeral (一, 二, ...), giving 附件一, 附件二."),
    ("{annex}, page {page}", "{annex}第 {page} 页",
     "Running header inside an annex; {annex} is the translated 'Annex' or 'Annex {number}', {page} restarts at 1."),
    ("Chapter {number}: {title}", "第{number}章：{title}",
     "Chapter heading of the 2024+ reports; {number} is an Arabic number, {title} the translated title."),
    ("[{title} follows]", "[后接{title}]",
     "Marker line at the end of a cover note, before the report; {title} is the report's title."),
    ("[Document {symbol} follows]", "[后接文件{symbol}]",
     "Marker line at the end of a cover note, before another document; {symbol} like WO/CC/78/INF/1 Rev."),
    ("[Annex follows]", "[后接附件]", "Marker line at the end of the body, before the only annex."),
    ("[Annexes follow]", "[后接附件]", "Marker line at the end of the body, before several annexes."),
    ("[Annex {number} follows]", "[后接附件{number}]",
     "Marker line at the end of an annex, before the next one; {number} is the next annex's number as 'Annex "
     "{number}' prints it (II / 二)."),
    ("[End of document]", "[文件完]", "Marker line at the very end of a document without annexes."),
    ("[End of Annex and of document]", "[附件和文件完]", "Marker line at the end of the only annex."),
    ("[End of Annex {number} and of document]", "[附件{number}和文件完]",
     "Marker line at the end of the last of several annexes; {number} is its number as 'Annex {number}' prints it "
     "(II / 二)."),
    ("The following decision paragraph is proposed.", "提议决定段落措辞如下：",
     "Lead-in before the decision paragraph at the end of a decision document."),
    ("The following decision paragraphs are proposed.", "提议决定段落措辞如下：",
     "Lead-in before two or more decision paragraphs at the end of a decision document."),
    ("Total", "共计", "Label of a table's totals row."),
    ("Source: {source}", "资料来源：{source}", "Line under a table or figure naming its source."),
    ("Note: {note}", "注：{note}", "Line under a table or figure with a note."),
    ("n/a", "不适用", "Table cell: not applicable."),
    ("(in thousands of Swiss francs)", "（单位：千瑞郎）", "Caption line of a budget table, under its title."),
    ("Draft: untranslated", "草稿：未翻译",
     "Stamp printed on a draft whose text is not yet translated (a Chinese document with English text)."),
    # Regions of the recruitment tables (seeds 000 and 001, WO/CC/84/INF/1 and WO/CC/86/INF/1).
    ("Africa", "非洲", "Region name: row label of the recruitment-by-region table."),
    ("Asia and the Pacific", "亚洲及太平洋", "Region name: row label of the recruitment-by-region table."),
    ("Eastern Europe, Central Europe and Central Asia", "东欧、中欧和中亚",
     "Region name: row label of the recruitment-by-region table; the sum of the CEBS and CACEEC rows under it."),
    ("Central European and Baltic States", "中欧及波罗的海国家集团",
     "Region group (CEBS), sub-row under 'Eastern Europe, Central Europe and Central Asia'. "
     "The Chinese follows WO/CC/86/INF/1, which names the group (集团); the caller appends （CEBS）."),
    ("Central Asian, Caucasus and Eastern European Countries", "中亚、高加索及东欧国家集团",
     "Region group (CACEEC), sub-row under 'Eastern Europe, Central Europe and Central Asia'. "
     "The Chinese follows WO/CC/86/INF/1, which names the group (集团); the caller appends （CACEEC）."),
    ("Latin America and the Caribbean", "拉丁美洲和加勒比",
     "Region name: row label of the recruitment-by-region table (WO/CC/84/INF/1 table; "
     "the 2025 report writes 拉丁美洲和加勒比地区)."),
    ("Middle East", "中东", "Region name: row label of the recruitment-by-region table."),
    ("North America", "北美", "Region name: row label of the recruitment-by-region table."),
    ("Western Europe", "西欧", "Region name: row label of the recruitment-by-region table."),
    # Contents table (src/ccdocs/transforms/contents.py): its title and rows.
    ("Contents", "目 录",
     "Title of the contents table at the start of the report (printed in capitals in English); two-character "
     "Chinese headings are letter-spaced."),
    ("{annex}: {title}", "{annex}：{title}",
     "Contents table row of an annex; {annex} is the translated 'Annex' or 'Annex {number}', {title} its title."),
    ("paragraph {number}", "第{number}段",
     "Contents table: the one numbered paragraph under a chapter; {number} is an Arabic number."),
    ("paragraphs {first} to {last}", "第{first}至{last}段",
     "Contents table: the range of numbered paragraphs under a chapter; {first} and {last} are Arabic numbers."),
    # Cross-references `[](#id)` (src/ccdocs/transforms/references.py); "paragraph {number}" and "paragraphs {first}
    # to {last}" above serve them too.
    ("paragraphs {first} and {last}", "第{first}和{last}段",
     "Cross-reference to two consecutive numbered paragraphs; {first} and {last} are Arabic numbers."),
    ("Chapter {number}", "第{number}章",
     "Cross-reference to a chapter; {number} as its heading prints it (3, or III / 三 with Roman chapters)."),
    ("Table {number}", "表{number}", "Cross-reference to a table; {number} is an Arabic number."),
    ("Figure {number}", "图{number}", "Cross-reference to a figure (a chart); {number} is an Arabic number."),
    ("Table {number}: {caption}", "表{number}：{caption}",
     "Caption of a numbered table; {number} is an Arabic number, {caption} the translated caption."),
    ("Figure {number}: {caption}", "图{number}：{caption}",
     "Caption of a numbered figure (a chart or an image); {number} is an Arabic number, restarting in each annex; "
     "{caption} the translated caption."),
    ("footnote {number}", "脚注{number}", "Cross-reference to a footnote; {number} is its mark (4, or * in a cover note)."),
    ("{reference} of {annex}", "{annex}{reference}",
     "Cross-reference to a paragraph of an annex from outside it: paragraph 3 of Annex II / 附件二第3段; {reference} "
     "is the translated 'paragraph {number}' (or a range), {annex} the translated 'Annex {number}'."),
    ("{reference} of the {annex}", "{annex}{reference}",
     "Cross-reference to a paragraph of the only annex from outside it: paragraph 3 of the Annex / 附件第3段; "
     "{reference} is the translated 'paragraph {number}' (or a range), {annex} the translated 'Annex'."),
    ("{reference} of the report", "报告{reference}",
     "Cross-reference to a paragraph of the report from another part (the cover note, an annex), which numbers its "
     "own from 1: paragraph 2 of the report / 报告第2段; {reference} is the translated 'paragraph {number}' (or a "
     "range)."),
    ("{reference} of the cover note", "说明{reference}",
     "Cross-reference to a paragraph of the cover note from another part (the report, an annex): paragraph 1 of the "
     "cover note / 说明第1段; {reference} is the translated 'paragraph {number}' (or a range)."),
    # Tables: generic words printed by the table placer (src/ccdocs/tables/).
    ("Subtotal", "小计", "Label of a table's subtotal row (a budget table's category)."),
    ("{name} ({abbreviation})", "{name}（{abbreviation}）",
     "Table row label followed by its abbreviation: Central European and Baltic States (CEBS)."),
    ("(in Swiss francs)", "（单位：瑞郎）", "Caption line of a table of amounts in francs, under its title."),
    # Staff categories and grades, as row labels of workforce tables.
    ("Professional and higher categories", "专业及以上职类", "Staff category: row label of a workforce table."),
    ("General Service category", "一般事务职类", "Staff category: row label of a workforce table."),
    ("P5 and above", "P5及以上", "Grades: row label of a workforce or recruitment table."),
    ("P2 to P4", "P2至P4", "Grades: row label of a workforce or recruitment table."),
)

_PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def build(lang: str | None) -> Catalog:
    """The template (lang None), the English catalog (empty msgstr) or the Chinese one (complete)."""
    locale = {None: None, "en": "en", "zh": "zh_Hans_CN"}[lang]
    catalog = Catalog(
        locale=locale,
        domain=DOMAIN,
        header_comment=f"# {'Template' if lang is None else lang} messages of ccdocs, written by tools/make_catalogs.py.\n#",
        project="ccdocs",
        version="0.1.0",
        creation_date=STAMP,
        revision_date=STAMP,
        fuzzy=False,
    )
    for msgid, zh, comment in MESSAGES:
        flags = ("python-brace-format",) if _PLACEHOLDER.search(msgid) else ()
        catalog.add(msgid, zh if lang == "zh" else "", flags=flags, auto_comments=[comment])
    return catalog


def targets() -> dict[str | None, Path]:
    """Each catalog's file."""
    return {
        None: LOCALES / f"{DOMAIN}.pot",
        "en": LOCALES / "en" / "LC_MESSAGES" / f"{DOMAIN}.po",
        "zh": LOCALES / "zh" / "LC_MESSAGES" / f"{DOMAIN}.po",
    }


def render(lang: str | None) -> bytes:
    """The catalog's file content, long lines unwrapped."""
    buffer = io.BytesIO()
    write_po(buffer, build(lang), width=0, omit_header=False)
    return buffer.getvalue()


def translated() -> dict[str, Path]:
    """The hand-translated catalogs (every language's but en and zh), by language code."""
    return {path.parents[1].name: path for path in sorted(LOCALES.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))
            if path.parents[1].name not in ("en", "zh")}


def updated(lang: str, path: Path) -> bytes:
    """The catalog `path` updated to the template's messages: obsolete ones dropped, comments and flags the
    template's, translations kept."""
    catalog = read_po(io.BytesIO(path.read_bytes()), locale=lang)
    catalog.update(build(None), no_fuzzy_matching=True, update_header_comment=False)
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=0, omit_header=False, ignore_obsolete=True)
    return buffer.getvalue()


def _content(data: bytes) -> list[tuple[str, str, tuple[str, ...]]]:
    """What matters of a .po file, for --check: msgid, msgstr and comments of each message."""
    return [(m.id, m.string, tuple(m.auto_comments)) for m in read_po(io.BytesIO(data)) if m.id]


def main(argv: list[str] | None = None) -> int:
    """Write the catalogs, or with --check report those that differ from the list."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="compare instead of writing; exit 1 on a difference")
    args = parser.parse_args(argv)
    stale = []
    files = [(path, lambda lang=lang: render(lang)) for lang, path in targets().items()]
    files += [(path, lambda lang=lang, path=path: updated(lang, path)) for lang, path in translated().items()]
    for path, make in files:
        data = make()
        if args.check:
            if not path.exists() or _content(path.read_bytes()) != _content(data):
                stale.append(path)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        print(f"wrote {path.relative_to(ROOT)} ({len(MESSAGES)} messages)")
    for path in stale:
        print(f"out of date: {path.relative_to(ROOT)}", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
