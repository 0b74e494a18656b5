"""Small scratch papers for layout tests: a document folder in one language, built in both formats."""

from __future__ import annotations

from pathlib import Path

TITLES = {"en": "Annual Report on Human Resources", "zh": "人力资源年度报告"}

YAML = """\
symbol: WO/CC/86/INF/1
body: coordination-committee
session: {{number: 86, ordinary: 57}}
venue: Geneva
first_day: 2026-07-07
last_day: 2026-07-15
date: 2026-05-21
original: {lang}
languages: [{lang}]
title: {title}
kind: information
parts:
{parts}
"""


def paper(folder: Path, lang: str, report: str, *, tables: str = "", data: dict | None = None,
          annexes: tuple = (), part_keys: str = "", annex_keys: str = "") -> Path:
    """Write a folder whose original language is `lang`: a report of `report` (Markdown), then an annex of each
    text of `annexes`; `tables` is the YAML under `tables:`, `data` maps a data name to (file name, text);
    `part_keys` is added to the report's part mapping (`, landscape: true`), `annex_keys` to each annex's."""
    parts = f"  - {{type: report, files: [content/report.md]{part_keys}}}\n"
    files = {"content/report.md": report}
    for index, annex in enumerate(annexes, start=1):
        parts += f"  - {{type: annex, files: [content/annex-{index}.md]{annex_keys}}}\n"
        files[f"content/annex-{index}.md"] = annex
    text = YAML.format(lang=lang, title=TITLES[lang], parts=parts.rstrip("\n"))
    if data:
        text += "data:\n" + "".join(f"  {name}: data/{file}\n" for name, (file, _) in data.items())
        files.update({f"data/{file}": body for file, body in data.values()})
    if tables:
        text += "tables:\n" + tables
    files["document.yaml"] = text
    for name, body in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(body, encoding="utf-8")
    return folder


def build_both(folder: Path, out: Path) -> dict[str, Path]:
    """Build `folder` in its one language; {"docx": path, "pdf": path}."""
    from ccdocs.build import build

    return {path.suffix[1:]: path for path in build([folder], out, None, ("docx", "pdf"), workers=1)}


def built_papers(tmp_path_factory, name: str, reports: dict, annexes: dict) -> dict[str, dict[str, Path]]:
    """{lang: `build_both` of a scratch `paper` of reports[lang] with the one annex annexes[lang]}, each language in
    its own folder named after `name`."""
    built = {}
    for lang, report in reports.items():
        work = tmp_path_factory.mktemp(f"{name}-{lang}")
        built[lang] = build_both(paper(work / "doc", lang, report, annexes=(annexes[lang],)), work / "out")
    return built
