"""Line-break opportunities for Chinese and mixed text: kinsoku rules, unbroken Latin words and numbers."""

from __future__ import annotations

import re

URL = re.compile(r"(?:https?://|www\.)[^\s\u3000-\u303f\uff00-\uffef]+")
URL_BREAK_AFTER = frozenset("/-_?&=")

CJK_CHAR = re.compile("[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003ffff]")
IDEOGRAPH = "\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003ffff"
ALNUM = f"[^\\W_{IDEOGRAPH}\\uac00-\\ud7af\\uff00-\\uffef]"
AUTOSPACE = re.compile(f"(?<=[{IDEOGRAPH}])(?={ALNUM})|(?<={ALNUM})(?=[{IDEOGRAPH}])")
# Where text without CJK characters may break: after a line break, after spaces, after a hyphen in a word.
LATIN_BREAK = re.compile("(?<=\n)|(?<=[ \t\u3000])(?=[^ \t\u3000\n])|(?<=[-\u2010])(?=[^\\W\\d_])")

# No line may start with these (closing punctuation, full stops, percent signs) …
NO_START = frozenset("，。、；：？！）》」』】〕〉〗〙〛］｝％．…‥·・～" "%‰℃°,.;:?!)]}’”")
# … nor end with these (opening brackets and quotes, currency signs).
NO_END = frozenset("（《「『【〔〈〖〘〚［｛" "([{‘“$£¥￥＄")
# Pairs that stay together: the Chinese dash —— and ellipsis …….
UNBROKEN_PAIRS = frozenset("—…")
SPACES = frozenset(" \t\u3000")
# Punctuation that follows the language's face: set in the Chinese face in Chinese text.
AMBIGUOUS = frozenset("“”‘’—…·")


def is_cjk(ch: str) -> bool:
    """Whether `ch` is a Han character, kana, hangul, CJK punctuation or a full-width form."""
    o = ord(ch)
    return (0x2E80 <= o <= 0x9FFF or 0xAC00 <= o <= 0xD7AF or 0xF900 <= o <= 0xFAFF
            or 0xFE30 <= o <= 0xFE4F or 0xFF00 <= o <= 0xFFEF or 0x20000 <= o <= 0x3FFFF)


def can_break(before: str, after: str) -> bool:
    """Whether a line may end after `before` when `after` follows it."""
    if before == "\n":
        return True
    if after in SPACES or after == "\n":
        return False
    if before in SPACES:
        return True
    if after in NO_START or before in NO_END:
        return False
    if before == after and before in UNBROKEN_PAIRS:
        return False
    if is_cjk(before) or is_cjk(after):
        return True
    return before in "-\u2010" and before != after and after.isalpha()


def url_breaks(text: str) -> set[int]:
    """Offsets inside web addresses where a line may start: after `/`, `-`, `_`, `?`, `&`, `=`."""
    found = set()
    for match in URL.finditer(text):
        start = match.start() + (match.group().find("://") + 3 if "://" in match.group() else 0)
        for i in range(start + 1, match.end()):
            if text[i - 1] in URL_BREAK_AFTER and text[i] not in URL_BREAK_AFTER:
                found.add(i)
    return found


def break_positions(text: str, glued=frozenset()) -> list[int]:
    """The offsets where a line may start (each > 0), never in `glued` (e.g. before a footnote mark)."""
    urls = url_breaks(text) if ("://" in text or "www." in text) else set()
    if CJK_CHAR.search(text):
        found = {i for i in range(1, len(text)) if can_break(text[i - 1], text[i])}
    else:
        found = {m.start() for m in LATIN_BREAK.finditer(text, 1)}
    return sorted(i for i in found | urls if 0 < i < len(text) and i not in glued)
