"""YAML sources (document.yaml, YAML data files, `variables:`): every bad value refused at its line; no traceback.

The minimal document.yaml (tests/conftest.py) has 25 lines: symbol 1, session 3, venue 4, languages 9, title 10,
parts 13-15, data 17-18, variables 19, the table 21-25; `added` text starts on line 26.
"""

from __future__ import annotations

import pytest

from conftest import MINIMAL, REPORT
from refusals import Case

DOC = "document.yaml"
DATA = "data/workforce.yaml"
SLOW = 60  # seconds: reading any of these honestly takes well under one


def doc(old: str, new: str) -> dict:
    """The minimal document.yaml with `old` (which it holds) replaced by `new`."""
    assert old in MINIMAL, old
    return {DOC: MINIMAL.replace(old, new)}


def added(text: str) -> dict:
    """The minimal document.yaml with `text` added at its end (from line 26)."""
    return {DOC: MINIMAL + text}


def data(text: str) -> dict:
    return {DATA: text}


def laughs(levels: int, anchor: str = "[{items}]") -> str:
    """A "billion laughs": each level an anchored list of nine aliases of the level before."""
    lines = ['l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, levels):
        items = ", ".join([f"*l{level - 1}"] * 9)
        lines.append(f"l{level}: &l{level} " + anchor.format(items=items))
    return "\n".join(lines) + "\n"


def nested_block(levels: int) -> str:
    return "".join(f"{'  ' * level}k{level}:\n" for level in range(levels)) + "  " * levels + "end\n"


PERIOD = "variables: {period_start: 2025-01-01, period_end: 2025-12-31}"
TITLE = "title: {en: Annual Report on Human Resources, zh: 人力资源年度报告}"
COLUMNS = "columns: [{key: applied, heading: Applications}]"

GROWTH = [  # kind 3: data that grows exponentially or without bound
    Case("laughs-data", data(laughs(9)), "aliases repeat more than 10,000 values", f"{DATA}:5", timeout=SLOW),
    Case("laughs-data-30", data(laughs(30)), "aliases repeat more than", f"{DATA}:5", timeout=SLOW),
    Case("laughs-mappings", data(laughs(9, "{{a: [{items}], b: [{items}]}}")), "aliases repeat more than",
         f"{DATA}:4", timeout=SLOW),
    Case("laughs-variables", doc(PERIOD, "variables:\n  " + laughs(9).replace("\n", "\n  ").rstrip() + "\n"),
         "aliases repeat more than", f"{DOC}:24", timeout=SLOW),
    Case("laughs-merge-keys", data("m0: &m0 {x: 1, y: 2, z: 3}\n" + "".join(
        f"m{i}: &m{i} {{<<: *m{i - 1}, k{i}: [{', '.join([f'*m{i - 1}'] * 9)}]}}\n" for i in range(1, 9))),
         "aliases repeat more than", f"{DATA}:5", timeout=SLOW),
    Case("many-aliases", data("a: &a [1, 2, 3, 4, 5, 6, 7, 8, 9]\n" + "".join(f"k{i}: *a\n" for i in range(2000))),
         "aliases repeat more than 10,000 values", f"{DATA}:1002"),
    Case("recursive-alias-list", data("a: &x [1, *x]\n"), "this alias stands inside the value it names", f"{DATA}:1"),
    Case("data-key-with-zero-width-space", data("staff\u200b: 1735\ncore_share: 0.601\n"), "the key `staff` holds an "
         "invisible character, U+200B ZERO WIDTH SPACE, after `staff`", f"{DATA}:1:6"),
    Case("nested-data-key-with-word-joiner", data("staff: 1735\nby:\n  \"gen\u2060eva\": 3\n"),
         "the key `geneva` holds an invisible character, U+2060 WORD JOINER, after `gen`", f"{DATA}:3:"),
    Case("recursive-alias-map", data("a: &x\n  b: *x\n"), "this alias stands inside the value it names", f"{DATA}:2"),
    Case("recursive-alias-doc", added("extra: &x {self: *x}\n"), "inside the value it names", f"{DOC}:26"),
    Case("undefined-alias", data("a: *nowhere\n"), "not valid YAML", f"{DATA}:1"),
    Case("deep-flow-10000", data("a: " + "[" * 10_000 + "]" * 10_000 + "\n"), "nested more than 50 levels",
         f"{DATA}:1", timeout=SLOW),
    Case("deep-flow-unclosed", data("a: " + "{b: " * 10_000 + "\n"), "nested more than 50 levels", f"{DATA}:1",
         timeout=SLOW),
    Case("deep-block-60", data(nested_block(60)), "nested more than 50 levels", f"{DATA}:51"),
    Case("deep-doc-10000", added("extra: " + "[" * 10_000 + "]" * 10_000 + "\n"), "nested more than 50 levels",
         f"{DOC}:26", timeout=SLOW),
    Case("deep-through-aliases", data("a: &a " + "[" * 40 + "1" + "]" * 40 + "\nb: " + "[" * 20 + "*a" + "]" * 20
                                      + "\n"), "with this alias, values are nested more than 50", f"{DATA}:2"),
]

TWICE = [  # kind 7: a key written twice, where YAML would silently keep the last one
    Case("venue-twice", added("venue: Bern\n"), "`venue` is written twice in this mapping, on line 4", f"{DOC}:26"),
    Case("venue-twice-quoted", added('"venue": Bern\n'), "on line 4 and here", f"{DOC}:26"),
    Case("symbol-twice-single-quoted", added("'symbol': WO/CC/87/INF/1\n"), "`symbol` is written twice", f"{DOC}:26"),
    Case("staff-twice", data("staff: 1735\ncore_share: 0.6\nstaff: 1800\n"), "on line 1 and here", f"{DATA}:3"),
    Case("nested-twice-data", data("staff: 1\nby_grade:\n  p5: 1\n  p4: 2\n  p5: 3\n"), "`p5` is written twice",
         f"{DATA}:5"),
    Case("flow-twice-data", data("staff: {a: 1, a: 2}\n"), "`a` is written twice", f"{DATA}:1"),
    Case("table-twice", doc("    total: total\n", "    total: total\n  applicants:\n    data: applicants\n"),
         "`applicants` is written twice in this mapping, on line 21", f"{DOC}:26"),
    Case("table-key-twice", doc("    total: total\n", "    total: total\n    label: region\n"),
         "`label` is written twice in this mapping, on line 23", f"{DOC}:26"),
    Case("column-key-twice", doc(COLUMNS, "columns: [{key: applied, heading: A, key: applied}]"),
         "`key` is written twice", f"{DOC}:24"),
    Case("session-key-twice", doc("session: {number: 86, ordinary: 57}", "session: {number: 86, number: 87}"),
         "`number` is written twice", f"{DOC}:3"),
    Case("title-language-twice", doc(TITLE, "title: {en: A, zh: 甲, en: B}"), "`en` is written twice", f"{DOC}:10"),
    Case("variable-twice", doc(PERIOD, "variables: {period_start: 2025-01-01, period_end: 2025-12-31, "
                                       "period_end: 2026-12-31}"), "`period_end` is written twice", f"{DOC}:19"),
    Case("null-keys-twice", data("staff: 1\nnull: a\n~: b\n"), "written twice", f"{DATA}:3"),
    Case("number-keys-twice", data("staff: 1\nby_year:\n  2024: 5\n  +2024: 6\n"),
         "`+2024` is written twice in this mapping: `2024` on line 3 is the same key, both read as 2024", f"{DATA}:4"),
    # a yes/no value and 1 are one key (breaks-5 #12: the message named `true` twice, on the line that said `1`)
    Case("true-and-one-keys", data("staff: 1\nby:\n  1: a\n  true: b\n"), "`true` is written twice in this "
         "mapping: `1` on line 3 is the same key, as a yes/no value (`true`, `false`) and the number 1 or 0 are one",
         f"{DATA}:4"),
    Case("data-name-twice", doc("  applicants: data/applicants.csv\n",
                                "  applicants: data/applicants.csv\n  workforce: data/workforce.yaml\n"),
         "`workforce` is written twice in this mapping, on line 17", f"{DOC}:19"),
]

CHARACTERS = [  # kind 5: characters XML cannot hold, arriving through YAML escapes (and typed)
    Case("title-vt-escape", doc(TITLE, r'title: {en: "a\x0bb", zh: 甲}'), "control character U+000B", f"{DOC}:10"),
    Case("title-right-to-left-override", doc(TITLE, r'title: {en: "Report \u202eRH", zh: 甲}'),
         "bidirectional embedding, override or isolate U+202E", f"{DOC}:10"),
    Case("title-vt-escape-block", doc(TITLE, 'title:\n  en: "Annual\\vReport"\n  zh: 甲'),
         "control character U+000B", f"{DOC}:11"),
    Case("venue-nul", doc("venue: Geneva", r'venue: "\u0000"'), "control character U+0000", f"{DOC}:4"),
    Case("venue-nul-short", doc("venue: Geneva", r'venue: "Gen\0eva"'), "control character U+0000", f"{DOC}:4"),
    Case("venue-surrogate", doc("venue: Geneva", r'venue: "Gen\ud800eva"'), "lone surrogate U+D800", f"{DOC}:4"),
    Case("venue-low-surrogate", doc("venue: Geneva", r'venue: "\udfff"'), "lone surrogate U+DFFF", f"{DOC}:4"),
    Case("venue-fffe", doc("venue: Geneva", r'venue: "\ufffe"'), "non-character U+FFFE", f"{DOC}:4"),
    Case("venue-fdd0", doc("venue: Geneva", r'venue: "Gen\ufdd0"'), "non-character U+FDD0", f"{DOC}:4"),
    Case("venue-plane16", doc("venue: Geneva", r'venue: "\U0010FFFF"'), "non-character U+10FFFF", f"{DOC}:4"),
    Case("venue-c1-escape", doc("venue: Geneva", r'venue: "Gen\x85eva"'), "control character U+0085", f"{DOC}:4"),
    Case("venue-del-escape", doc("venue: Geneva", r'venue: "Gen\x7feva"'), "control character U+007F", f"{DOC}:4"),
    Case("author-escape", added('author: {en: "x\\ey", zh: 乙}\n'), "control character U+001B", f"{DOC}:26"),
    Case("key-escape", data('staff: 1\n"sta\\x01ff": 2\n'), "control character U+0001", f"{DATA}:2"),
    Case("data-value-escape", data('staff: 1\nremark: "pasted\\x0bremark"\n'), "control character U+000B",
         f"{DATA}:2"),
    Case("data-list-escape", data('staff: 1\nnotes: [ok, "bad\\x1f"]\n'), "control character U+001F", f"{DATA}:2"),
    Case("variable-escape", doc(PERIOD, PERIOD[:-1] + ', note: "\\x08"}'), "control character U+0008", f"{DOC}:19"),
    Case("table-heading-escape", doc(COLUMNS, r'columns: [{key: applied, heading: "App\x0clications"}]'),
         "control character U+000C", f"{DOC}:24"),
    Case("table-note-escape", doc("    total: total\n", '    total: total\n    notes: ["a\\u0003"]\n'),
         "control character U+0003", f"{DOC}:26"),
    Case("data-typed-vt", data("staff: 1\nremark: pasted\x0bremark\n"), "control character U+000B", f"{DATA}:2"),
    Case("doc-typed-c1", doc("venue: Geneva", "venue: Gen\x9aeva"), "control character U+009A", f"{DOC}:4"),
    Case("doc-typed-nonchar", doc("venue: Geneva", "venue: Gen\ufdd5eva"), "non-character U+FDD5", f"{DOC}:4"),
    Case("single-quoted-typed", doc("venue: Geneva", "venue: 'Gen\x01eva'"), "control character U+0001",
         f"{DOC}:4"),
]

TYPES = [  # kind 9: wrong types anywhere in document.yaml: located errors, never tracebacks
    Case("title-en-list", doc(TITLE, "title: {en: [a, b], zh: 甲}"), "`title.en` must be a text", f"{DOC}:10"),
    Case("title-en-null", doc(TITLE, "title: {en: null, zh: 甲}"), "`title.en` must be a text", f"{DOC}:10"),
    Case("title-en-empty", doc(TITLE, 'title: {en: "", zh: 甲}'), "`title.en` must be a text", f"{DOC}:10"),
    Case("title-en-mapping", doc(TITLE, "title: {en: {a: b}, zh: 甲}"), "`title.en` must be a text", f"{DOC}:10"),
    Case("title-number", doc(TITLE, "title: 5"), "`title` must be a text or one text per language", f"{DOC}:10"),
    Case("title-too-long", doc(TITLE, f"title: {{en: {'R' * 1001}, zh: 甲}}"),
         "`title.en` has 1,001 characters; a cover field holds at most 1,000", f"{DOC}:10"),
    Case("title-6000-characters", doc(TITLE, f"title: {'x' * 6000}"), "`title` has 6,000 characters", f"{DOC}:10"),
    Case("venue-too-long", doc("venue: Geneva", f"venue: {'Geneva ' * 200}"), "`venue` has 1,", f"{DOC}:4"),
    Case("title-blank", doc(TITLE, "title: '  '"), "`title` is empty", f"{DOC}:10"),
    # a cover field is one line: a line break (any character that ends a line) would print as typed or be joined
    Case("title-line-feed", doc(TITLE, 'title: "Annual\\nReport"'), "`title` holds a line feed U+000A", f"{DOC}:10"),
    Case("title-en-carriage-return", doc(TITLE, 'title: {en: "Annual\\rReport", zh: 甲}'),
         "`title.en` holds a carriage return U+000D", f"{DOC}:10"),
    Case("venue-line-separator", doc("venue: Geneva", 'venue: "Gen\\u2028eva"'),
         "`venue` holds a line separator U+2028", f"{DOC}:4"),
    Case("title-literal-block", doc(TITLE, "title: |\n  Annual\n  Report"), "`title` holds a line feed", f"{DOC}:10"),
    # ... nor a tab: the DOCX printed a tab stop (<w:tab/>) where the PDF printed a space
    Case("title-en-tab", doc(TITLE, 'title: {en: "Tab\\there", zh: 甲}'), "`title.en` holds a tab U+0009: a cover "
         "field is one line of text", f"{DOC}:10"),
    Case("venue-tab-typed", doc("venue: Geneva", "venue: Gen\teva"), "`venue` holds a tab U+0009", f"{DOC}:4"),
    # ... as in a table's own texts (as in a CSV text cell): a tab stop in the DOCX, a space in the PDF
    Case("table-unit-tab", doc("    total: total\n", '    total: total\n    unit: "(in\\tthousands)"\n'),
         "table `applicants`: `unit` holds a tab U+0009: a table text is one line of text", f"{DOC}:26"),
    Case("table-note-tab", doc("    total: total\n", '    total: total\n    notes: [fine, "a\\tb"]\n'),
         "`notes` holds a tab U+0009", f"{DOC}:26"),
    Case("table-label-heading-tab", doc("    total: total\n", '    total: total\n    label_heading: "Re\\tgion"\n'),
         "`label_heading` holds a tab U+0009", f"{DOC}:26"),
    Case("title-no-zh", doc(TITLE, "title: {en: Annual Report}"), "`title` has no text in `zh`", f"{DOC}:10"),
    Case("venue-only-chinese", doc("venue: Geneva", "venue: {zh: 日内瓦}"), "`venue` has no text in `en`", f"{DOC}:4"),
    Case("venue-list", doc("venue: Geneva", "venue: [Geneva]"), "`venue` must be a text", f"{DOC}:4"),
    Case("venue-number", doc("venue: Geneva", "venue: 1"), "`venue` must be a text", f"{DOC}:4"),
    Case("author-list", added("author: {en: [a], zh: 乙}\n"), "`author.en` must be a text", f"{DOC}:26"),
    Case("files-number", doc("files: [content/report.md]", "files: 5"), "`files` is a list", f"{DOC}:14"),
    Case("files-mapping", doc("files: [content/report.md]", "files: {a: b}"), "`files` is a list", f"{DOC}:14"),
    Case("files-item-number", doc("files: [content/report.md]", "files: [5]"), "expected a content file path",
         f"{DOC}:14"),
    Case("files-item-list", doc("files: [content/report.md]", "files: [[content/report.md]]"),
         "expected a content file path", f"{DOC}:14"),
    Case("part-not-mapping", doc("  - {type: annex, files: [content/annex.md]}", "  - annex"),
         "each part is a mapping", f"{DOC}:15"),
    Case("part-type-list", doc("{type: annex,", "{type: [annex],"), "unknown part type", f"{DOC}:15"),
    Case("parts-mapping", doc("parts:\n  - {type: cover-note, template: information}\n"
                              "  - {type: report, files: [content/report.md]}\n"
                              "  - {type: annex, files: [content/annex.md]}", "parts: {a: b}"),
         "`parts` must be a list", f"{DOC}:12"),
    Case("columns-number", doc(COLUMNS, "columns: 5"), "`columns` is a list", f"{DOC}:24"),
    Case("columns-text", doc(COLUMNS, "columns: applied"), "`columns` is a list", f"{DOC}:24"),
    Case("column-number", doc(COLUMNS, "columns: [5]"), "each column is a mapping", f"{DOC}:24"),
    Case("column-heading-list", doc(COLUMNS, "columns: [{key: applied, heading: [a]}]"), "`heading` is a text",
         f"{DOC}:24"),
    Case("width-nan", doc(COLUMNS, "columns: [{key: applied, heading: A, width: .nan}]"), "not a finite number",
         f"{DOC}:24"),
    Case("width-inf", doc(COLUMNS, "columns: [{key: applied, heading: A, width: .inf}]"), "not a finite number",
         f"{DOC}:24"),
    Case("width-overflow", doc(COLUMNS, "columns: [{key: applied, heading: A, width: 1.0e+999}]"),
         "not a finite number", f"{DOC}:24"),
    Case("label-width-inf", doc("    total: total\n", "    total: total\n    label_width: .inf\n"),
         "not a finite number", f"{DOC}:26"),
    Case("label-width-negative-inf", doc("    total: total\n", "    total: total\n    label_width: -.Inf\n"),
         "not a finite number", f"{DOC}:26"),
    Case("label-width-text", doc("    total: total\n", "    total: total\n    label_width: wide\n"),
         "`label_width` is a positive number", f"{DOC}:26"),
    Case("headings-number", doc("    total: total\n", "    total: total\n    headings: 5\n"), "`headings` is a list",
         f"{DOC}:26"),
    Case("total-list", doc("    total: total", "    total: [total]"), "`total` names one row", f"{DOC}:25"),
    Case("tables-list", doc("tables:\n  applicants:", "tables: [1]\nx:\n  applicants:"), "must be", f"{DOC}:"),
    Case("session-10000", doc("number: 86", "number: 10000"), "from 1 to 9999", f"{DOC}:3"),
    Case("session-huge", doc("number: 86", "number: 99999999999999"), "from 1 to 9999", f"{DOC}:3"),
    Case("ordinary-10000", doc("ordinary: 57", "ordinary: 10000"), "from 1 to 9999", f"{DOC}:3"),
    Case("session-float", doc("number: 86", "number: 86.5"), "`session.number` must be a whole number", f"{DOC}:3"),
    Case("session-bool", doc("number: 86", "number: yes"), "`session.number` must be a whole number", f"{DOC}:3"),
    Case("session-5000-digits", doc("number: 86", "number: " + "9" * 5000), "more than 20 digits", f"{DOC}:3"),
    Case("data-5000-digits", data("staff: " + "1" * 5000 + "\n"), "more than 20 digits", f"{DATA}:1"),
    Case("data-5000-digits-negative", data("staff: -" + "1" * 5000 + "\n"), "more than 20 digits", f"{DATA}:1"),
    Case("data-nan", data("staff: 1\nrate: .NaN\n"), "not a finite number", f"{DATA}:2"),
    # a decimal whose digits a float does not keep printed other digits (the same from a CSV prints right)
    Case("data-decimal-18-digits", data("staff: 1\nrate: 12345678901234567.5\n"), "the decimal "
         "`12345678901234567.5` cannot be kept exactly: a YAML decimal keeps 15 significant digits (it would be read "
         "as 12,345,678,901,234,568)", f"{DATA}:2:7"),
    Case("data-decimal-past-2-53", data("staff: 1\nrate: 9007199254740993.0\n"), "9,007,199,254,740,992.0",
         f"{DATA}:2:7"),
    Case("data-decimal-21-digits", data("staff: 1\nrate: -123456789012345678901.5\n"), "cannot be kept exactly",
         f"{DATA}:2:7"),
    Case("data-decimal-underflow", data("staff: 1\nrate: 1.0e-400\n"), "(it would be read as 0.0)", f"{DATA}:2:7"),
    Case("variable-decimal-17-digits", doc(PERIOD, "variables: {rate: 0.12345678901234567}"),
         "cannot be kept exactly", f"{DOC}:"),
    Case("data-float-overflow", data("staff: 1\nrate: " + "9" * 400 + ".0\n"), "not a finite number", f"{DATA}:2"),
    Case("date-week", doc("date: 2026-05-21", "date: 2026-W21-4"), "is not a date", f"{DOC}:7"),
    Case("date-compact", doc("date: 2026-05-21", "date: '20260521'"), "is not a date", f"{DOC}:7"),
    Case("date-list", doc("date: 2026-05-21", "date: [2026-05-21]"), "`date` must be", f"{DOC}:7"),
    Case("binary-tag", doc("venue: Geneva", "venue: !!binary R2VuZXZh"), "the YAML tag `!!binary`", f"{DOC}:4"),
    Case("set-tag", data("staff: !!set {a, b}\n"), "the YAML tag `!!set`", f"{DATA}:1"),
    Case("omap-tag", data("staff: !!omap [a: 1]\n"), "the YAML tag `!!omap`", f"{DATA}:1"),
    Case("python-tag", data("staff: !!python/object/apply:os.system [echo hi]\n"), "the YAML tag", f"{DATA}:1"),
    Case("python-name-tag", doc("venue: Geneva", "venue: !!python/name:os.system ''"), "the YAML tag",
         f"{DOC}:4"),
    Case("local-tag", data("staff: !mine 5\n"), "the YAML tag `!mine`", f"{DATA}:1"),
    Case("not-a-mapping", {DOC: "- a\n- b\n"}, "document.yaml must be a mapping", f"{DOC}:1"),
    Case("two-documents", {DOC: MINIMAL + "---\nsymbol: X\n"}, "not valid YAML", f"{DOC}:26"),
]

ENCODINGS = [  # kind 9: document.yaml and data files in another encoding than UTF-8
    Case("doc-utf16-bom", {DOC: MINIMAL.encode("utf-16")}, "the file is UTF-16 text, not UTF-8", f"{DOC}:1"),
    Case("doc-utf16-be-bom", {DOC: MINIMAL.encode("utf-16-be").join([b"\xfe\xff", b""])}, "UTF-16 text",
         f"{DOC}:1"),
    Case("doc-utf16-no-bom", {DOC: MINIMAL.encode("utf-16-le")}, "it looks like UTF-16", f"{DOC}:1"),
    Case("doc-utf32-bom", {DOC: MINIMAL.encode("utf-32")}, "the file is UTF-32 text", f"{DOC}:1"),
    Case("doc-latin1", {DOC: MINIMAL.replace("venue: Geneva", "venue: Genève").encode("latin-1", "replace")},
         "not UTF-8 text: byte 0xE8", f"{DOC}:4"),
    Case("doc-cp1252-quote", {DOC: MINIMAL.replace("venue: Geneva", "venue: \u201cGeneva\u201d").encode("cp1252",
                                                                                                     "replace")},
         "not UTF-8 text: byte 0x93", f"{DOC}:4"),
    Case("doc-latin1-late", {DOC: (MINIMAL + "author: {en: Secr\u00e9tariat, zh: 秘书处}\n").encode("utf-8")
                             .replace("Secr\u00e9".encode(), b"Secr\xe9")}, "not UTF-8 text", f"{DOC}:26"),
    Case("data-utf16", {DATA: "staff: 1735\n".encode("utf-16")}, "UTF-16 text", f"{DATA}:1"),
    Case("data-latin1", {DATA: "staff: 1735\nplace: Genève\n".encode("latin-1")}, "not UTF-8 text", f"{DATA}:2"),
]

VARIABLES = [  # kind 9: values of `variables:` the cover note cannot print, named at document.yaml
    Case("period-null", doc("period_start: 2025-01-01", "period_start: null"), "`period_start` must be a date",
         f"{DOC}:19"),
    Case("period-list", doc("period_start: 2025-01-01", "period_start: [2025-01-01]"), "must be a date",
         f"{DOC}:19"),
    Case("period-mapping", doc("period_end: 2025-12-31", "period_end: {y: 2025}"), "must be a date", f"{DOC}:19"),
    Case("period-number", doc("period_end: 2025-12-31", "period_end: 2025"), "must be a date", f"{DOC}:19"),
    Case("period-bool", doc("period_end: 2025-12-31", "period_end: no"), "must be a date", f"{DOC}:19"),
    Case("period-text", doc("period_end: 2025-12-31", "period_end: end of year"), "must be a date", f"{DOC}:19"),
    Case("period-impossible", doc("period_end: 2025-12-31", "period_end: 2025-02-30"), "must be a date",
         f"{DOC}:19"),
    Case("period-missing", doc(PERIOD, "variables: {period_start: 2025-01-01}"), "needs `period_end`", f"{DOC}:13"),
    Case("variables-missing", doc(PERIOD + "\n", ""), "needs `period_start`", f"{DOC}:13"),
    Case("variables-list", doc(PERIOD, "variables: [1, 2]"), "`variables` must be a mapping", f"{DOC}:19"),
    Case("variable-null", doc(PERIOD, PERIOD[:-1] + ", extra: null}"), "`variables.extra` must be a text",
         f"{DOC}:19"),
    Case("variable-bool", doc(PERIOD, PERIOD[:-1] + ", extra: true}"), "`variables.extra` must be a text",
         f"{DOC}:19"),
    Case("variable-nested-null", doc(PERIOD, PERIOD[:-1] + ", extra: {a: [1, null]}}"),
         "`variables.extra.a.1` must be a text", f"{DOC}:19"),
    Case("variable-named-doc", doc(PERIOD, PERIOD[:-1] + ", doc: x}"), "`doc` is a name the figures already use",
         f"{DOC}:19"),
    Case("variable-bad-name", doc(PERIOD, PERIOD[:-1] + ", 'a b': x}"), "is not a valid name", f"{DOC}:19"),
    Case("variable-number-name", doc(PERIOD, PERIOD[:-1] + ", 12: x}"), "is not a valid name", f"{DOC}:19"),
    Case("variable-is-data", doc(PERIOD, PERIOD[:-1] + ", workforce: 1}"), "both a data file and a variable",
         f"{DOC}:19"),
    Case("data-named-doc", doc("  applicants: data/applicants.csv", "  doc: data/applicants.csv"),
         "`doc` is a name the figures already use", f"{DOC}:18"),
]

IDENTIFIERS = [  # kind 12: identifiers that would make bad file names, or nothing at all
    Case("symbol-other-body", doc("body: coordination-committee", "body: program-and-budget-committee"),
         "the symbol WO/CC/86/INF/1 is a paper of the coordination-committee", f"{DOC}:2"),
    Case("symbol-other-session", doc("number: 86,", "number: 87,"), "the symbol WO/CC/86/INF/1 is of session 86, not 87",
         f"{DOC}:3"),
    Case("symbol-session-not-a-number", doc("symbol: WO/CC/86/INF/1", "symbol: WO/CC/8O/INF/1"),
         "the symbol WO/CC/8O/INF/1: its session `8O` is not a number", f"{DOC}:1"),
    Case("symbol-newline", doc("symbol: WO/CC/86/INF/1", r'symbol: "WO/CC/86/INF/1\n"'), "is not a WIPO symbol",
         f"{DOC}:1"),
    Case("symbol-trailing-space", doc("symbol: WO/CC/86/INF/1", "symbol: 'WO/CC/86/INF/1 '"),
         "is not a WIPO symbol", f"{DOC}:1"),
    Case("symbol-tab", doc("symbol: WO/CC/86/INF/1", r'symbol: "WO/CC/86\t/INF/1"'), "is not a WIPO symbol",
         f"{DOC}:1"),
    Case("symbol-lower", doc("symbol: WO/CC/86/INF/1", "symbol: wo/cc/86/inf/1"), "is not a WIPO symbol", f"{DOC}:1"),
    Case("symbol-empty", doc("symbol: WO/CC/86/INF/1", "symbol: ''"), "is not a WIPO symbol", f"{DOC}:1"),
    Case("symbol-one-segment", doc("symbol: WO/CC/86/INF/1", "symbol: WO"), "is not a WIPO symbol", f"{DOC}:1"),
    Case("symbol-empty-segment", doc("symbol: WO/CC/86/INF/1", "symbol: WO//86"), "is not a WIPO symbol",
         f"{DOC}:1"),
    Case("symbol-trailing-slash", doc("symbol: WO/CC/86/INF/1", "symbol: WO/CC/86/"), "is not a WIPO symbol",
         f"{DOC}:1"),
    Case("symbol-dot-dot", doc("symbol: WO/CC/86/INF/1", "symbol: WO/../../ETC"), "is not a WIPO symbol", f"{DOC}:1"),
    Case("symbol-digit-first", doc("symbol: WO/CC/86/INF/1", "symbol: 86/CC"), "is not a WIPO symbol", f"{DOC}:1"),
    Case("symbol-backslash", doc("symbol: WO/CC/86/INF/1", r"symbol: 'WO\CC\86'"), "is not a WIPO symbol",
         f"{DOC}:1"),
    Case("symbol-fullwidth-digits", doc("symbol: WO/CC/86/INF/1", "symbol: WO/CC/８６/INF/1"),
         "is not a WIPO symbol", f"{DOC}:1"),
    Case("symbol-suffix-inside", doc("symbol: WO/CC/86/INF/1", "symbol: WO/CC/86/INF/1 Rev."),
         "is not a WIPO symbol", f"{DOC}:1"),
    Case("symbol-very-long", doc("symbol: WO/CC/86/INF/1", "symbol: WO" + "/CC" * 200), "is not a WIPO symbol",
         f"{DOC}:1"),
    Case("symbol-number", doc("symbol: WO/CC/86/INF/1", "symbol: 86"), "`symbol` must be a text", f"{DOC}:1"),
    Case("suffix-empty", doc("symbol: WO/CC/86/INF/1", "symbol: WO/CC/86/INF/1\nsuffix: ''"), "unknown suffix",
         f"{DOC}:2"),
    Case("suffix-newline", doc("symbol: WO/CC/86/INF/1", 'symbol: WO/CC/86/INF/1\nsuffix: "Rev.\\n"'),
         "unknown suffix", f"{DOC}:2"),
    Case("suffix-no-dot", doc("symbol: WO/CC/86/INF/1", "symbol: WO/CC/86/INF/1\nsuffix: Rev"), "unknown suffix",
         f"{DOC}:2"),
    Case("suffix-zero", doc("symbol: WO/CC/86/INF/1", "symbol: WO/CC/86/INF/1\nsuffix: Add.0"), "unknown suffix",
         f"{DOC}:2"),
    Case("suffix-path", doc("symbol: WO/CC/86/INF/1", "symbol: WO/CC/86/INF/1\nsuffix: Rev./../x"),
         "unknown suffix", f"{DOC}:2"),
    Case("languages-empty", doc("languages: [en, zh]", "languages: []"), "names no language", f"{DOC}:9"),
    Case("languages-null", doc("languages: [en, zh]", "languages:"), "`languages` is missing", f"{DOC}:"),
    Case("languages-twice", doc("languages: [en, zh]", "languages: [en, zh, en]"), "`en` is listed twice",
         f"{DOC}:9"),
    Case("languages-text", doc("languages: [en, zh]", "languages: en"), "`languages` must be a list", f"{DOC}:9"),
    Case("languages-upper", doc("languages: [en, zh]", "languages: [EN]"), "unknown language `EN`", f"{DOC}:9"),
    Case("theme-empty", added("theme: ''\n"), "a theme is given by its name", f"{DOC}:26"),
]

MINE = "templates/themes/mine.yaml"


def own_theme(text) -> dict:
    """A document with its own theme `mine` (a theme file in its templates/ folder) holding `text`."""
    return {DOC: MINIMAL + "theme: mine\n", MINE: text}


THEME_FILE = [  # the theme file is YAML from the document folder too: bounded, and of the default theme's kinds
    Case("theme-length-text", own_theme("page:\n  margins: {top: wide}\n"), "must be a length", f"{MINE}:2"),
    Case("theme-length-huge", own_theme("page:\n  margins: {top: 99999cm}\n"), "must be a length", f"{MINE}:2"),
    Case("theme-size-list", own_theme("sizes:\n  en: {body: [1]}\n"), "must be a number", f"{MINE}:2"),
    Case("theme-size-huge", own_theme("sizes:\n  en: {body: 100000}\n"), "must be a number from", f"{MINE}:2"),
    Case("theme-size-nan", own_theme("sizes:\n  en: {body: .nan}\n"), "not a finite number", f"{MINE}:2"),
    Case("theme-size-bool", own_theme("table: {font_size: yes}\n"), "must be a number", f"{MINE}:1"),
    Case("theme-colour", own_theme("box: {fill: red}\n"), "a colour written RRGGBB", f"{MINE}:1"),
    Case("theme-page-size", own_theme("page: {size: Letter}\n"), "one of A4", f"{MINE}:1"),
    Case("theme-font-empty", own_theme("fonts:\n  en: {body: ''}\n"), "must be a text", f"{MINE}:2"),
    Case("theme-bullet-list", own_theme("lists: {bullet: [a]}\n"), "unknown theme key `lists.bullet`", f"{MINE}:1"),
    # breaks-4 #4: the bullet was accepted and printed as • by both writers; the format's bullet is not a theme's
    Case("theme-bullet-text", own_theme("lists:\n  indent: 1cm\n  bullet: \"※\"\n"), "unknown theme key `lists.bullet`",
         f"{MINE}:3"),
    Case("theme-unknown-key", own_theme("page: {colour: blue}\n"), "unknown theme key `page.colour`", f"{MINE}:1"),
    Case("theme-not-mapping", own_theme("- a\n- b\n"), "must be a mapping", f"{MINE}:1"),
    Case("theme-section-text", own_theme("page: big\n"), "`page` must be a mapping", f"{MINE}:1"),
    Case("theme-font-files", own_theme("pdf_fonts:\n  files: {zh_body: /etc/passwd}\n"),
         "may not name font files", f"{MINE}:2"),
    Case("theme-stand-in-shape", own_theme("pdf_fonts:\n  stand_ins:\n    Foo: {families: Bar}\n"),
         "must be a list of texts", f"{MINE}:3"),
    Case("theme-key-twice", own_theme("box: {fill: D9D9D9}\nbox: {fill: EAF0F7}\n"), "`box` is written twice",
         f"{MINE}:2"),
    Case("theme-escape", own_theme('fonts:\n  en: {body: "Ari\\x00al"}\n'), "control character U+0000",
         f"{MINE}:2"),
    Case("theme-laughs", own_theme(laughs(9)), "aliases repeat more than", f"{MINE}:5", timeout=SLOW),
    Case("theme-utf16", own_theme("box: {fill: D9D9D9}\n".encode("utf-16")), "UTF-16", f"{MINE}:1"),
]

MERGE = "a merge key (`<<`) hides which copy of a value wins"

MERGE_KEYS = [  # one copy silently wins through a merge key: refused in every YAML source, at the `<<`
    Case("merge-key-override", data("staff: 1\na: &a {x: 1}\nb: {<<: *a, x: 2}\n"), MERGE, f"{DATA}:3"),
    Case("merge-key-list", data("staff: 1\na: &a {x: 1}\nb: &b {x: 2}\nc: {<<: [*a, *b]}\n"), MERGE, f"{DATA}:4"),
    Case("merge-key-block", data("staff: 1\na: &a\n  x: 1\nb:\n  y: 2\n  <<: *a\n"), MERGE, f"{DATA}:6"),
    Case("merge-key-inline-value", data("staff: 1\nb: {<<: {x: 1}, x: 2}\n"), MERGE, f"{DATA}:2"),
    Case("merge-key-tagged", data("staff: 1\nb: {!!merge x: {a: 1}}\n"), MERGE, f"{DATA}:2"),
    Case("merge-key-variables", doc(PERIOD, PERIOD[:-1] + ", extra: {<<: {a: b}}}"), MERGE, f"{DOC}:19"),
    Case("merge-key-table", doc("    total: total\n", "    total: total\n    <<: {label: id}\n"), MERGE,
         f"{DOC}:26"),
    Case("merge-key-top", added("<<: {venue: Bern}\n"), MERGE, f"{DOC}:26"),
    Case("merge-key-theme", own_theme("box: &b {fill: D9D9D9}\ntable: {<<: *b}\n"), MERGE, f"{MINE}:2"),
]

TABLE_PLACES = [  # a table under `tables:` that no `::: table NAME` places would silently not be printed
    Case("table-never-placed", {"content/report.md": REPORT.replace("::: table applicants\nApplicants by region\n"
                                                                    ":::\n", "")},
         "table `applicants` is never placed", f"{DOC}:21"),
    Case("second-table-never-placed", doc("    total: total\n", "    total: total\n  spare:\n    data: applicants\n"
                                          "    label: region\n    columns: [{key: applied, heading: A}]\n"),
         "table `spare` is never placed", f"{DOC}:26"),
    Case("table-placed-under-other-name", {"content/report.md": REPORT.replace("::: table applicants",
                                                                               "::: table applicant")},
         "no table `applicant`", "content/report.md:9"),
]

CASES = (GROWTH + TWICE + CHARACTERS + TYPES + ENCODINGS + VARIABLES + IDENTIFIERS + THEME_FILE + MERGE_KEYS
         + TABLE_PLACES)


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_refused(refuse, case):
    refuse(case)


def test_case_ids_are_unique():
    ids = [case.id for case in CASES]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("text", [
    "base: &b {x: 1, y: 2}\nstaff: 5\nc: {'<<': *b, x: 3}\n",        # a quoted `<<` is a key like any other
    "staff: 5\ncolumns: &c [a, b, c]\nagain: *c\n",                 # an alias repeating a few values
    "staff: 5\nrate: 0.601\nbig: 99999999999999999999\nneg: -.5\n",   # 20 digits, decimals
    "staff: 5\nbudget: 1234567890123.45\nsmall: 0.000000123456789012345\nodd: 0.30000000000000004\n",  # kept
    "staff: 5\nlabel: \"tab\\there\"\nquote: 'it''s'\n",             # a tab and quotes are fine
    "\ufeffstaff: 5\n",                                              # a UTF-8 byte-order mark is dropped
])
def test_honest_yaml_is_read(make_doc, text):
    from ccdocs.sources.yamlfile import read_yaml

    folder = make_doc()
    path = folder / DATA
    path.write_text(text, encoding="utf-8")
    assert read_yaml(path).data["staff"] == 5


@pytest.mark.parametrize("typed, value", [  # YAML 1.2's core schema, as an editor means it; all else a text
    ("12:30", "12:30"), ("1:59:59", "1:59:59"), ("0123", "0123"), ("00", "00"), ("0x1F", "0x1F"), ("0o17", "0o17"),
    ("0b101", "0b101"), ("1_000", "1_000"), ("2e5", "2e5"), ("1.", "1."), ("01.5", "01.5"), ("NO", "NO"),
    ("no", "no"), ("Yes", "Yes"), ("y", "y"), ("n", "n"), ("on", "on"), ("OFF", "OFF"), ("=", "="),
    ("2025-01-01", "2025-01-01"), ("2025-01-01 10:00:00", "2025-01-01 10:00:00"), ("'0123'", "0123"),
    ("0", 0), ("-12", -12), ("+3", 3), ("1735", 1735), ("0.601", 0.601), ("-1.5", -1.5), (".5", 0.5),
    ("1.5e3", 1500.0), ("1.10", 1.1), ("true", True), ("False", False), ("TRUE", True), ("~", None),
    ("null", None), ("NULL", None), ("", None),
])
def test_plain_values_mean_what_an_editor_typed(tmp_path, typed, value):
    from ccdocs.sources.yamlfile import read_yaml

    path = tmp_path / "x.yaml"
    path.write_text(f"v: {typed}\n", encoding="utf-8")
    got = read_yaml(path).data["v"]
    assert got == value and type(got) is type(value)


def test_a_value_that_looks_like_a_number_prints_as_typed(make_doc):
    from ccdocs.pipeline import resolve_all

    folder = make_doc({DATA: "staff: 1735\ntime: 12:30\ncode: 0123\nref: 0x1F\ncountry: NO\n",
                       "content/report.md": REPORT.replace("We count", "At {{ workforce.time }}, "
                                                           "{{ workforce.code }} {{ workforce.ref }} "
                                                           "{{ workforce.country }}: we count")})
    document = resolve_all(folder, ["en"])["en"]
    assert "At 12:30, 0123 0x1F NO: we count" in repr(document)


def test_positions_name_keys_values_and_aliases(tmp_path):
    from ccdocs.sources.yamlfile import read_yaml

    path = tmp_path / "x.yaml"
    path.write_text("a: &a {b: [1, {c: 2}]}\nd: *a\n1: x\n", encoding="utf-8")
    yf = read_yaml(path)
    assert yf.where("a", "b", 1, "c") == (1, 19)
    assert yf.where("a", "b", "<key>") == (1, 8)
    assert yf.where("d", "b", 0) == (2, 4)     # inside an alias: the alias itself
    assert yf.where(1) == (3, 4)               # keys are the values YAML gives them


def test_a_document_theme_overrides_only_what_it_gives(make_doc):
    from ccdocs.theme import load_theme

    folder = make_doc({MINE: "page:\n  margins: {top: 3cm}\n"})
    mine, default = load_theme("mine", folder), load_theme()
    assert mine.pt("page.margins.top") == pytest.approx(3 * 72 / 2.54)
    assert mine.pt("page.margins.left") == default.pt("page.margins.left")
