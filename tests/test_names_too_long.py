"""Specification: a path on the command line or in the environment that the file system cannot look at (a name of
more than 255 bytes: ENAMETOOLONG) is a usage error naming it, exit 2, never a traceback nor an "internal error".

A pasted title or a generated name makes `stat` raise (breaks-8 #5): every command's path argument (DOC_DIR, the
new folder of `new` and `next`, the files of `snapshot`, `diff` and `i18n import`, `--memory`, `--templates`,
`--out`, `-o`) and CCDOCS_TEMPLATES are looked at first (`errors.looked_at`): "ccdocs: error: `aaa…` cannot be
looked at: File name too long (give a shorter path: …)", the name cut short, nothing written.
"""

from __future__ import annotations

import pytest
from refusals import Case

LONG = "{out}/" + "a" * 300
SAID = "…` cannot be looked at: File name too long (give a shorter path"
NEW = ("--symbol", "WO/CC/1/INF/1", "--kind", "information", "--title", "T")

COMMANDS = {
    "build": ("build", LONG, "--out", "{out}"),
    "build-templates": ("build", "{doc}", "--templates", LONG, "--out", "{out}"),
    "build-out": ("build", "{doc}", "--format", "json", "--out", LONG),
    "check": ("check", LONG),
    "check-templates": ("check", "{doc}", "--templates", LONG),
    "dump": ("dump", LONG, "--lang", "en"),
    "watch": ("watch", LONG, "--out", "{out}"),
    "watch-out": ("watch", "{doc}", "--format", "json", "--out", LONG),
    "new": ("new", LONG, *NEW),
    "next-new": ("next", "{doc}", LONG),
    "next-old": ("next", LONG, "{out}/next"),
    "next-memory": ("next", "{doc}", "{out}/next", "--memory", LONG + ".po"),
    "snapshot": ("snapshot", LONG + ".docx"),
    "diff": ("diff", LONG + ".docx", LONG + ".pdf"),
    "i18n-stats": ("i18n", "stats", LONG),
    "i18n-extract": ("i18n", "extract", LONG),
    "i18n-update": ("i18n", "update", LONG, "--lang", "zh"),
    "i18n-update-memory": ("i18n", "update", "{doc}", "--lang", "zh", "--memory", LONG + ".po"),
    "i18n-export": ("i18n", "export", LONG, "--lang", "zh", "-o", "{out}/zh.xlf"),
    "i18n-export-output": ("i18n", "export", "{doc}", "--lang", "zh", "-o", LONG + ".xlf"),
    "i18n-import": ("i18n", "import", "{doc}", LONG + ".xlf", "--lang", "zh"),
    "i18n-review": ("i18n", "review", LONG, "--lang", "zh", "-o", "{out}/review.html"),
}
CASES = [Case(name, {}, SAID, None, code=2, command=command, timeout=120 if name.startswith("watch") else None)
         for name, command in COMMANDS.items()]
CASES += [Case(f"environment-{name}", {}, f"CCDOCS_TEMPLATES: `", None, code=2, command=command,
               env={"CCDOCS_TEMPLATES": "/tmp/" + "a" * 300})
          for name, command in {"check": ("check", "{doc}"),
                                "build": ("build", "{doc}", "--format", "json", "--out", "{out}")}.items()]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_a_path_too_long_to_look_at_is_a_usage_error_naming_it(refuse, case):
    output = refuse(case)
    assert "cannot be looked at: File name too long" in output
    assert "a" * 100 not in output  # the name is cut short
