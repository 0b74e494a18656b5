"""Content files: read as UTF-8 text, control characters refused with their position."""

from __future__ import annotations

from pathlib import Path

from ..errors import Collector, InputError
from .bounds import CONTENT, CONTENTS, beyond, read_bounded, size_held
from .characters import HINT, refused

SUBJECT = "the content files of the paper"  # as a message beyond CONTENTS names them
# `[` a paper's content files hold together: each may open a link, reference, image or footnote mark, which the
# Markdown reader tries by scanning the text after it (`parse.survey.MOST_OPENINGS` bounds one file's; breaks-6 #19:
# 600,000 `![a` took check 134 s, some 0.2 ms each, whether in one file or in forty). The sample holds 60, the
# 313-page synthetic paper 1,000; at the bound, in two files, check takes some 4 s
BRACKETS = 40_000


def read_content(path: Path, out: Collector) -> str | None:
    """The text of `path`, or None with the problem recorded in `out` (a file beyond `bounds.CONTENT` unread)."""
    try:
        data = read_bounded(path, CONTENT)
    except InputError as exc:
        out.extend(exc.problems)
        return None
    try:
        text = data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")  # as text mode reads it
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        out.add(path, line, f"this file is not UTF-8 text ({exc.reason})", "save it as UTF-8")
        return None
    bad = False
    for line, col, what in refused(text):
        out.add(path, line, f"{what} cannot stand in a document", HINT, col)
        bad = True
    return None if bad else text.lstrip("\ufeff")


def read_contents(files: list[Path], yaml, out: Collector) -> dict[Path, str]:
    """The text of each of a paper's content `files` (`read_content`), by path, while they stay within CONTENTS
    together: each file is bounded when read, but their costs add up (ten files just under the bound took 102 s and
    2.8 GB to check). Their sizes are summed before any is read, their lines as they are read; beyond either, a
    problem at document.yaml's `parts:` (`yaml`: its YamlFile) in `out` and nothing more read. Their `[` are
    counted as read too: beyond BRACKETS, a problem at the first beyond, and nothing more read."""
    try:
        sizes = [path.stat().st_size for path in files]
    except OSError:
        sizes = []  # a file that cannot be looked at is told when read
    if sum(sizes) > CONTENTS.most and max(sizes) <= CONTENT.most:  # a file beyond its own bound is told as such
        held = size_held(sum(sizes), CONTENTS.most)
        out.extend([yaml.problem(("parts", "<key>"), beyond(SUBJECT, held, CONTENTS, verb="hold"), CONTENTS.hint)])
        return {}
    texts, lines, brackets = {}, 0, 0
    for path in files:
        text = read_content(path, out)
        if text is None:
            continue
        lines += text.count("\n") + 1
        if lines > CONTENTS.lines:
            out.extend([yaml.problem(("parts", "<key>"), beyond(SUBJECT, f"{lines:,} lines or more", CONTENTS,
                                                                lines=True, verb="hold"), CONTENTS.hint)])
            return texts
        brackets += text.count("[")
        if brackets > BRACKETS:
            at = -1
            for _ in range(BRACKETS - (brackets - text.count("[")) + 1):
                at = text.index("[", at + 1)
            out.add(path, text.count("\n", 0, at) + 1, f"this `[` is number {BRACKETS + 1:,} of {SUBJECT}, which "
                    f"hold at most {BRACKETS:,} (each may open a link, reference, image or footnote mark, which the "
                    "Markdown reader scans the text after)", "write the text's own brackets as parentheses, or attach "
                    "a long document as its own folder (a `type: document` part)", at - text.rfind("\n", 0, at))
            return texts
        texts[path] = text
    return texts
