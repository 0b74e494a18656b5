"""Synthetic WO/CC documents of any size, in English with a complete Chinese catalog, for tests and benchmarks."""

from __future__ import annotations

from pathlib import Path

import yaml
from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po

from ..i18n.catalogs import po_path
from ..i18n.extract import DATA
from ..i18n.segments import extract

EN = ("The Organization continued to strengthen its workforce planning in {year}, with {count} staff members "
      "taking part in the review and {share} of them completing every module.")
ZH = "{year}年，本组织继续加强员工队伍规划，共有{count}名工作人员参加审查，其中{share}完成了全部单元。"
NOTE_EN = "See document WO/CC/{n}/INF/1, paragraph {n}, for the figures of the previous year."
NOTE_ZH = "上一年度的数字见文件WO/CC/{n}/INF/1第{n}段。"
TABLE_TEXTS = {"Applications": "申请数", "Selected": "录用数"}


def _paragraph(index: int, with_note: bool) -> tuple[str, str]:
    figures = dict(year="{{ facts.year }}", count=f"{{{{ facts.counts[{index % 7}] | number }}}}",
                   share="{{ facts.share | percent(1) }}")
    note = f"[^n{index}]" if with_note else ""
    return EN.format(**figures) + note, ZH.format(**figures) + note


def _table(index: int) -> tuple[str, str]:
    return (f"::: table regions\nApplications by region, table {index}\n:::",
            f"::: table regions\n各区域申请数，表{index}\n:::")


def make_document(folder: Path, paragraphs: int, note_every: int = 10, table_every: int = 50,
                  chapter_every: int = 100) -> Path:
    """Write a document folder of `paragraphs` numbered paragraphs with notes, tables and chapters."""
    content = folder / "content"
    content.mkdir(parents=True, exist_ok=True)
    (folder / "data").mkdir(exist_ok=True)
    (folder / "data/facts.yaml").write_text("year: 2025\nshare: 0.428\ncounts: [1735, 987, 15921, 13930, 823, 452, 86]\n")
    (folder / "data/regions.csv").write_text(
        "id,region,applied,selected\nafrica,Africa,2130,12\nasia,Asia and the Pacific,5214,31\n"
        "latam,Latin America and the Caribbean,1890,9\ntotal,,9234,52\n")
    en, zh, notes_en, notes_zh = [], [], [], []
    for index in range(1, paragraphs + 1):
        if index % chapter_every == 1:
            chapter = index // chapter_every + 1
            en.append(f"# Workforce planning, part {chapter}")
            zh.append(f"# 员工队伍规划（第{chapter}部分）")
        with_note = index % note_every == 0
        pair = _paragraph(index, with_note)
        en.append(pair[0])
        zh.append(pair[1])
        if with_note:
            notes_en.append(f"[^n{index}]: " + NOTE_EN.format(n=index))
            notes_zh.append(f"[^n{index}]: " + NOTE_ZH.format(n=index))
        if index % table_every == 0:
            table = _table(index)
            en.append(table[0])
            zh.append(table[1])
    report = "\n\n".join(en + notes_en) + "\n"
    (content / "report.md").write_text(report, encoding="utf-8")
    (content / "annex.md").write_text("# Annex\n\nThe annex holds one paragraph.\n", encoding="utf-8")
    spec = {
        "symbol": "WO/CC/99/INF/1", "body": "coordination-committee", "session": {"number": 99, "ordinary": 63},
        "venue": "Geneva", "first_day": "2030-07-01", "last_day": "2030-07-09", "date": "2030-05-15",
        "original": "en", "languages": ["en", "zh"],
        "title": {"en": "Synthetic Report", "zh": "合成报告"}, "kind": "information",
        "parts": [{"type": "cover-note", "template": "information"},
                  {"type": "report", "files": ["content/report.md"]},
                  {"type": "annex", "files": ["content/annex.md"]}],
        "data": {"facts": "data/facts.yaml", "regions": "data/regions.csv"},
        "variables": {"period_start": "2029-01-01", "period_end": "2029-12-31"},
        "tables": {"regions": {"data": "regions", "label": "region", "total": "total",
                               "columns": [{"key": "applied", "heading": "Applications", "type": "integer"},
                                           {"key": "selected", "heading": "Selected", "type": "integer"}]}},
    }
    (folder / "document.yaml").write_text(yaml.safe_dump(spec, allow_unicode=True, sort_keys=False))
    _write_catalog(folder, report, "\n\n".join(zh + notes_zh) + "\n", "# 附件\n\n附件只有一段。\n")
    return folder


def _write_catalog(folder: Path, report_en: str, report_zh: str, annex_zh: str) -> None:
    catalog = Catalog(locale="zh_Hans_CN", domain="content", fuzzy=False)
    pairs = list(zip(extract(report_en, "content/report.md"), extract(report_zh, "content/report.md")))
    annex_en = (folder / "content/annex.md").read_text(encoding="utf-8")
    pairs += list(zip(extract(annex_en, "content/annex.md"), extract(annex_zh, "content/annex.md")))
    for source, target in pairs:
        catalog.add(source.msgid, string=target.msgid, locations=[(source.file, source.line)])
    for heading, translation in TABLE_TEXTS.items():
        catalog.add(heading, string=translation, locations=[("document.yaml", 1)], context=DATA)
    path = po_path(folder, "zh")
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        write_po(handle, catalog, width=0)
